/**
 * Which site a URL belongs to, for the trust rule of post identity (#18): a page may say it shows
 * the same post as another page only when both are of one site. A site is the registrable domain by
 * the Public Suffix List (`tldts`): blog.example.org and www.example.org are one site, while
 * alice.github.io and bob.github.io are two (github.io is a public suffix). A host with no
 * registrable domain (an IP address, `localhost`) is a site of its own origin only.
 */
import { getDomain } from 'tldts';
import { normalizeUrl } from './url';

/**
 * The site of an http(s) URL (`https://example.org`, or the origin for hosts without a registrable
 * domain); null otherwise.
 */
export function siteOf(url: string): string | null {
  const normalized = normalizeUrl(url);
  if (!normalized) return null;
  const parsed = new URL(normalized);
  // Private suffixes (github.io, blogspot.com, netlify.app) count: their users' sites are separate.
  const domain = getDomain(parsed.hostname, { allowPrivateDomains: true });
  // Schemeful, as browsers define a site: an http page (which anyone on the network can rewrite) is
  // never one site with an https page.
  return domain ? `${parsed.protocol}//${domain}` : parsed.origin;
}

/** Both URLs are http(s) and of one site. */
export function sameSite(a: string, b: string): boolean {
  const site = siteOf(a);
  return site !== null && site === siteOf(b);
}
