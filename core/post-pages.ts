/**
 * Which stored pages are one post (#18), and the post's permalink: what the dashboard lists as one
 * entry and what the Markdown export links to. A post reaches the library at several addresses
 * (a moved post, an archive or tag page's copy, AMP and print views, aliases, pages clipped before
 * post identity existed, or brought by an import or a sync); their page records are one post when,
 * on one site (core/site.ts: a page never joins another site's post, whatever it claims):
 * - one page's declared canonical is another's address, or both declare the same canonical;
 * - both carry the same post fingerprint (core/post-identity.ts).
 *
 * A page's `readAt` (core/read-at.ts) lists more addresses of its post; they join no pages: an archive
 * page shows several posts, and its own record (clips from before post identity) is none of them.
 *
 * The permalink is the canonical its pages declare of their own site (the one most of them declare,
 * then the newest declaration), else the address of the post's oldest page (where its first
 * highlights were filed).
 */
import { siteOf } from './site';
import type { PageRecord } from './types';
import { normalizeUrl } from './url';

type PostPage = Pick<
  PageRecord,
  'url' | 'canonicalUrl' | 'fingerprint' | 'readAt' | 'createdAt' | 'updatedAt'
>;

export interface PostPages {
  /** Per page (the input's order): the index of the post's first page in the input, its representative. */
  postOf: Int32Array;
  /** Per representative page: the post's addresses, permalink first, each once; others: empty. */
  addresses: readonly (readonly string[])[];
}

/**
 * The posts of `pages`. Linear in the pages: a site is worked out once per origin (a public suffix
 * lookup costs tens of microseconds, and a library has thousands of pages).
 */
export function groupPagesByPost(pages: readonly PostPage[]): PostPages {
  const site = siteCache();
  const parent = Int32Array.from(pages, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  // The earlier page stays the root: a post's representative is its first page in the input.
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const byKey = new Map<string, number>();
  const join = (key: string, i: number) => {
    const other = byKey.get(key);
    if (other === undefined) byKey.set(key, i);
    else union(other, i);
  };
  const canonicals = pages.map((page) => ownCanonical(page, site));
  pages.forEach((page, i) => {
    // A stored page's URL is already normalized (its key): no URL is parsed for a page that
    // declares nothing, the most of a library.
    join(`url ${page.url}`, i);
    const canonical = canonicals[i];
    if (canonical) join(`url ${canonical}`, i);
    if (!page.fingerprint) return;
    const pageSite = site(page.url);
    if (pageSite) join(`fingerprint ${pageSite} ${page.fingerprint}`, i);
  });
  const postOf = new Int32Array(pages.length);
  const members = new Map<number, number[]>();
  for (let i = 0; i < pages.length; i++) {
    const root = find(i);
    postOf[i] = root;
    const list = members.get(root);
    if (list) list.push(i);
    else members.set(root, [i]);
  }
  const addresses: (readonly string[])[] = pages.map(() => []);
  for (const [root, list] of members) {
    // A post at one address that names no other and was read nowhere else has that address alone.
    if (list.length === 1 && !canonicals[root] && !pages[root]!.readAt?.length) {
      addresses[root] = [pages[root]!.url];
      continue;
    }
    addresses[root] = postAddresses(
      list.map((i) => pages[i]!),
      list.map((i) => canonicals[i] ?? null),
    );
  }
  return { postOf, addresses };
}

/**
 * A post's addresses: its permalink, then its pages' addresses and canonicals, oldest page first,
 * then the other addresses it was read at (`readAt`: an archive page, a moved post's new URL).
 */
function postAddresses(pages: readonly PostPage[], canonicals: readonly (string | null)[]): string[] {
  const order = pages.map((_, i) => i).sort((a, b) => pages[a]!.createdAt - pages[b]!.createdAt || a - b);
  // The canonical most of its pages declare; of those declared as often, the newest declaration.
  const declared = new Map<string, { pages: number; at: number }>();
  for (const [i, canonical] of canonicals.entries()) {
    if (!canonical) continue;
    const seen = declared.get(canonical);
    declared.set(canonical, {
      pages: (seen?.pages ?? 0) + 1,
      at: Math.max(seen?.at ?? 0, pages[i]!.updatedAt),
    });
  }
  let permalink: string | undefined;
  let best = { pages: 0, at: 0 };
  for (const [url, found] of declared) {
    if (found.pages > best.pages || (found.pages === best.pages && found.at > best.at)) {
      permalink = url;
      best = found;
    }
  }
  const all = new Set<string>([permalink ?? pages[order[0]!]!.url]);
  for (const i of order) {
    all.add(pages[i]!.url);
    const canonical = canonicals[i];
    if (canonical) all.add(canonical);
  }
  for (const i of order) for (const url of pages[i]!.readAt ?? []) all.add(url);
  // A canonical and a page's address that differ only as typed (a trailing slash, a fragment) are one.
  const seen = new Set<string>();
  return [...all].filter((url) => {
    const key = normalizeUrl(url) ?? url;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The page's declared canonical, normalized, when it is of the page's own site and not the page itself. */
function ownCanonical(
  page: Pick<PageRecord, 'url' | 'canonicalUrl'>,
  site: (url: string) => string | null,
): string | null {
  if (!page.canonicalUrl) return null;
  const canonical = normalizeUrl(page.canonicalUrl);
  if (!canonical) return null;
  const own = site(page.url);
  return own !== null && site(canonical) === own ? canonical : null;
}

/** `siteOf` remembered per origin (by the URL's text up to its path). */
function siteCache(): (url: string) => string | null {
  const sites = new Map<string, string | null>();
  return (url) => {
    const start = url.indexOf('//');
    const end = start < 0 ? -1 : url.indexOf('/', start + 2);
    const origin = end < 0 ? url : url.slice(0, end);
    let site = sites.get(origin);
    if (site === undefined) {
      site = siteOf(url);
      sites.set(origin, site);
    }
    return site;
  };
}
