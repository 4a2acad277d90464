/**
 * Which stored pages a visited page shows the post of (#18), and their highlights. The claims come
 * from the page (core/post-identity.ts) and are untrusted: only those of the page's own site
 * (core/site.ts) are looked up, so a page on another site that names a victim's post as its canonical,
 * or copies its text, gets nothing. Beyond the site, only the reader links a page to a post (the popup,
 * storage/post-links.ts): a syndicated copy on another site.
 */
import type { ArticleClaim, PostClaim } from '@/core/post-identity';
import type { PostLink } from '@/core/settings';
import { siteOf } from '@/core/site';
import type { HighlightRecord, PageRecord } from '@/core/types';
import type { TalkNotesDatabase } from './db';
import { postLinkOf } from './post-links';
import type { KnownPages } from './sites';

export interface ArticleHighlights {
  /** Which of the claim's articles (its index there). */
  index: number;
  /** The post's key: the page its highlights, and clips made in this article, are filed under. */
  postUrl: string;
  highlights: HighlightRecord[];
}

export interface PostHighlights {
  /**
   * The key new clips of the page are filed under: the stored page of the post when there is one (its
   * URL, a declared permalink, the post the reader linked the page to, or its fingerprint when the
   * reader came from the post's old address), else the first permalink the page declares of its
   * own site, else the page's own URL.
   */
  postUrl: string;
  /** Highlights of the post the page shows, in document order. */
  highlights: HighlightRecord[];
  /** Archive pages: the posts of the page's own site shown in full, with their highlights. */
  articles: ArticleHighlights[];
}

/** The posts a page shows, by key, as the identity rule finds them. */
interface ShownPosts {
  /** The stored page of the page's own post, if found. */
  page: PageRecord | undefined;
  /** Keys of the page's own post: its URL, its own site's declared permalinks, the stored page found. */
  own: string[];
  postUrl: string;
  articles: { index: number; postUrl: string; stored: boolean }[];
  /** URLs of the stored pages found: the page's post and the archive's. */
  found: string[];
}

/**
 * The post `pageUrl` (normalized, the page's own key) shows and its highlights, and those of the
 * posts an archive page shows; claims of other sites are ignored.
 *
 * One read-only transaction, two rounds at most: the stored pages of every URL key and every
 * fingerprint the page claims, and the highlights of every URL key, all asked at once; then only
 * the highlights of posts found by fingerprint (moved since they were clipped). Each IndexedDB
 * transaction costs a round trip to the database's thread; one per key made an archive of ten posts
 * cost 6-11 ms over the 5 ms budget (docs/benchmarks.md). With `known` (the background's in-memory
 * keys, storage/sites.ts), only the pages and fingerprints the library holds are looked up (the
 * page's own URL always, in case the keys in memory missed a write).
 */
export async function postHighlights(
  db: TalkNotesDatabase,
  pageUrl: string,
  claim: PostClaim,
  known?: KnownPages,
): Promise<PostHighlights> {
  const asked = trustedClaim(pageUrl, claim, known);
  return db.transaction('r', db.pages, db.highlights, db.settings, async () => {
    const [pages, moved, rows, link] = await Promise.all([
      pagesByUrl(db, asked.storedUrls),
      oldestByFingerprint(db, asked.fingerprints, asked.ownSite),
      // Every key's, stored page or not: highlights are drawn even without their page record.
      highlightsByUrl(db, asked.urls),
      postLinkOf(db, pageUrl),
    ]);
    // The post the reader linked the page to (any site): rarely among the keys already read.
    if (link?.linked && !pages.has(link.post)) {
      for (const [url, page] of await pagesByUrl(db, [link.post])) pages.set(url, page);
    }
    const shown = resolveShown(asked, pages, moved, link);
    // Highlights are filed under stored pages: only those found by fingerprint are left to read.
    const unread = shown.found.filter((url) => !rows.has(url));
    if (unread.length) for (const [url, list] of await highlightsByUrl(db, unread)) rows.set(url, list);
    const highlightsOf = (urls: string[]) =>
      urls
        .flatMap((url) => rows.get(url) ?? [])
        .sort((a, b) => a.position - b.position || a.createdAt - b.createdAt);
    return {
      postUrl: shown.postUrl,
      highlights: highlightsOf(shown.own),
      articles: shown.articles.map(({ index, postUrl, stored }) => ({
        index,
        postUrl,
        highlights: stored ? highlightsOf([postUrl]) : [],
      })),
    };
  });
}

/**
 * Every key of a post `pageUrl` shows by the identity rule: its own, its own site's declared
 * permalinks, the stored page they (or its fingerprint) found, and an archive's posts of its site.
 * What a content script may file clips under and act on beyond its own origin (messaging/).
 */
export async function shownPostKeys(
  db: TalkNotesDatabase,
  pageUrl: string,
  claim: PostClaim,
): Promise<Set<string>> {
  const shown = await findShownPosts(db, pageUrl, claim);
  return new Set([...shown.own, shown.postUrl, ...shown.articles.map((a) => a.postUrl)]);
}

/** The stored page of the post `pageUrl` shows by the identity rule, if any (the popup's offer reads it). */
export async function storedPostOf(
  db: TalkNotesDatabase,
  pageUrl: string,
  claim: PostClaim,
): Promise<PageRecord | undefined> {
  const shown = await findShownPosts(db, pageUrl, { ...claim, articles: [] });
  return shown.page;
}

/** The posts a page shows, without their highlights: one read-only transaction. */
function findShownPosts(db: TalkNotesDatabase, pageUrl: string, claim: PostClaim): Promise<ShownPosts> {
  const asked = trustedClaim(pageUrl, claim);
  return db.transaction('r', db.pages, db.settings, async () => {
    const [pages, moved, link] = await Promise.all([
      pagesByUrl(db, asked.storedUrls),
      oldestByFingerprint(db, asked.fingerprints, asked.ownSite),
      postLinkOf(db, pageUrl),
    ]);
    if (link?.linked && !pages.has(link.post)) {
      for (const [url, page] of await pagesByUrl(db, [link.post])) pages.set(url, page);
    }
    return resolveShown(asked, pages, moved, link);
  });
}

/** What of a claim is looked up: only its own site's permalinks and articles. */
interface TrustedClaim {
  pageUrl: string;
  ownSite: (url: string) => boolean;
  /** The page's own keys: its URL, then the permalinks it declares of its own site. */
  keys: string[];
  permalinks: string[];
  fingerprint: string | null;
  /** The reader's arrival (page/post-claim.ts): a fingerprint alone finds the post only after one. */
  redirected: boolean;
  referrer: string | undefined;
  articles: (ArticleClaim & { index: number })[];
  /** Every URL of the claim: the keys and the articles' permalinks. */
  urls: string[];
  /** The URLs whose page to look up: all, or those stored when the stored keys are known. */
  storedUrls: string[];
  /** Every fingerprint to look up: the page's and its articles' (those stored, when known). */
  fingerprints: string[];
}

function trustedClaim(pageUrl: string, claim: PostClaim, known?: KnownPages): TrustedClaim {
  const site = siteOf(pageUrl);
  const ownSite = (url: string) => site !== null && siteOf(url) === site;
  const permalinks = claim.permalinks.filter(ownSite);
  const keys = [...new Set([pageUrl, ...permalinks])];
  const articles = claim.articles.map((a, index) => ({ ...a, index })).filter((a) => ownSite(a.permalink));
  const urls = [...new Set([...keys, ...articles.map((a) => a.permalink)])];
  const fingerprints = [claim.fingerprint, ...articles.map((a) => a.fingerprint)].filter(
    (f): f is string => !!f,
  );
  return {
    pageUrl,
    ownSite,
    keys,
    permalinks,
    fingerprint: claim.fingerprint,
    redirected: claim.redirected === true,
    referrer: claim.referrer,
    articles,
    urls,
    storedUrls: urls.filter((url) => !known || url === pageUrl || known.hasUrl(url)),
    fingerprints: [...new Set(fingerprints)].filter((f) => !known || known.hasFingerprint(f)),
  };
}

/**
 * The identity rule on what was read: the page's post is the stored page of its first key that has
 * one, else the post the reader linked the page to (the popup, of any site), else the stored page of
 * its fingerprint on the same site when the reader came from the post's old address (a redirect, or
 * it is the referrer: page/post-claim.ts) and has not said the page is another post. A fingerprint
 * alone, without the reader's arrival or word, is only offered (the popup asks,
 * storage/post-offer.ts): a page of the site could show the post's start and be another. An
 * archive's post is the stored page of its permalink, else of its fingerprint (a post moved since).
 */
function resolveShown(
  asked: TrustedClaim,
  pages: Map<string, PageRecord>,
  moved: Map<string, PageRecord>,
  link: PostLink | null,
): ShownPosts {
  let page: PageRecord | undefined;
  for (const key of asked.keys) {
    page = pages.get(key);
    if (page) break;
  }
  if (!page && link?.linked) page = pages.get(link.post);
  else if (!page && asked.fingerprint) {
    const found = moved.get(asked.fingerprint);
    if (found && link?.post !== found.url && (asked.redirected || asked.referrer === found.url)) page = found;
  }
  const own = new Set(asked.keys);
  if (page) own.add(page.url);
  const articles = asked.articles
    .map((a) => {
      const found = pages.get(a.permalink) ?? (a.fingerprint ? moved.get(a.fingerprint) : undefined);
      return { index: a.index, postUrl: found?.url ?? a.permalink, stored: found !== undefined };
    })
    // A post the page also shows as its own is drawn there, not twice.
    .filter((a) => !own.has(a.postUrl));
  return {
    page,
    own: [...own],
    postUrl: page?.url ?? asked.permalinks[0] ?? asked.pageUrl,
    articles,
    found: [...(page ? [page.url] : []), ...articles.filter((a) => a.stored).map((a) => a.postUrl)],
  };
}

/**
 * The stored page of each fingerprint on the page's own site, the oldest when several (where the
 * post's first highlights were filed).
 */
async function oldestByFingerprint(
  db: TalkNotesDatabase,
  fingerprints: string[],
  ownSite: (url: string) => boolean,
): Promise<Map<string, PageRecord>> {
  const found = new Map<string, PageRecord>();
  if (!fingerprints.length) return found;
  // One equality query each (a `getAll` on the index), not `anyOf`: its cursor is a round trip per
  // row in Chromium.
  const pages = (
    await Promise.all(fingerprints.map((f) => db.pages.where('fingerprint').equals(f).toArray()))
  ).flat();
  for (const page of pages) {
    if (!page.fingerprint || !ownSite(page.url)) continue;
    const older = found.get(page.fingerprint);
    if (!older || page.createdAt < older.createdAt) found.set(page.fingerprint, page);
  }
  return found;
}

/** The stored pages of `urls`, by URL: one equality lookup on the unique index each, in one transaction. */
async function pagesByUrl(db: TalkNotesDatabase, urls: string[]): Promise<Map<string, PageRecord>> {
  const pages = await Promise.all(urls.map((url) => db.pages.where('url').equals(url).first()));
  return new Map(pages.filter((p): p is PageRecord => p !== undefined).map((p) => [p.url, p]));
}

/** The highlights of each of `urls`, by URL. */
async function highlightsByUrl(
  db: TalkNotesDatabase,
  urls: string[],
): Promise<Map<string, HighlightRecord[]>> {
  // One equality query per page rather than `anyOf`, whose cursor jumps cost 5-20 ms a lookup on a
  // large library (bench/post-identity.bench.ts); a page shows one post, or a few on an archive.
  const lists = await Promise.all(urls.map((url) => db.highlights.where('url').equals(url).toArray()));
  return new Map(urls.map((url, i) => [url, lists[i]!]));
}
