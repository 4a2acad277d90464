/**
 * The post identity of the page the content script runs in (#18): what its markup claims
 * (core/post-identity.ts) and how the reader arrived, read from the browser rather than the page.
 * A post found by its fingerprint alone (a moved post whose new page declares nothing) is drawn
 * without asking only when the reader came from its old address: an HTTP redirect (the navigation
 * entry's `redirectCount`, which counts same-origin redirects only and which a page script cannot
 * change, as the content script reads it from its isolated world), or a page whose address the
 * browser gives as the referrer (a client redirect, a "this post moved" link). Otherwise the popup
 * asks the reader.
 */
import { LIMITS } from '@/core/limits';
import { type PostIdentity, readPostIdentity } from '@/core/post-identity';
import { normalizeUrl } from '@/core/url';
import { loadedKeyOf } from './page-address';

/** Reads the identity of `doc` (its key `pageUrl`) with the reader's arrival at it. */
export function readPageIdentity(doc: Document, pageUrl: string): PostIdentity {
  const identity = readPostIdentity(doc, pageUrl);
  const win = doc.defaultView;
  // A single-page site's later post was not reached by the document's redirect.
  if (!win || loadedKeyOf(win) !== pageUrl) return identity;
  const [entry] = win.performance?.getEntriesByType?.('navigation') ?? [];
  const redirected = ((entry as PerformanceNavigationTiming | undefined)?.redirectCount ?? 0) > 0;
  const referrer = doc.referrer ? normalizeUrl(doc.referrer) : null;
  const claim = {
    ...identity.claim,
    ...(redirected ? { redirected: true as const } : {}),
    // Longer than a stored address could be, it names no stored page: not sent (the message's limit).
    ...(referrer && referrer !== pageUrl && referrer.length <= LIMITS.url ? { referrer } : {}),
  };
  return { ...identity, claim };
}
