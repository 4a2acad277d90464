/**
 * Which stored pages a visited page shows the post of (#18), and their highlights. The claims come
 * from the page (core/post-identity.ts) and are untrusted: only those of the page's own site
 * (core/site.ts) are looked up, so a page on another site that names a victim's post as its canonical,
 * or copies its text, gets nothing. Beyond the site, only the reader links a page to a post (the popup,
 * storage/post-links.ts): a syndicated copy on another site.
 */
import type { PostClaim } from '@/core/post-identity';
import { sameSite } from '@/core/site';
import type { HighlightRecord, PageRecord } from '@/core/types';
import type { PostLink } from '@/core/settings';
import type { TalkNotesDatabase } from './db';
import { postLinkOf } from './post-links';

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

/** The posts a page shows, by key, as the identity rule finds them (no highlights read). */
interface ShownPosts {
  /** Keys of the page's own post: its URL, its own site's declared permalinks, the stored page found. */
  own: string[];
  postUrl: string;
  articles: { index: number; postUrl: string; stored: boolean }[];
}

/**
 * The post `pageUrl` (normalized, the page's own key) shows and its highlights, and those of the
 * posts an archive page shows; claims of other sites are ignored.
 */
export async function postHighlights(
  db: TalkNotesDatabase,
  pageUrl: string,
  claim: PostClaim,
): Promise<PostHighlights> {
  const shown = await findShownPosts(db, pageUrl, claim);
  const articles = await Promise.all(
    shown.articles.map(
      async ({ index, postUrl, stored }): Promise<ArticleHighlights> => ({
        index,
        postUrl,
        highlights: stored ? await highlightsOf(db, [postUrl]) : [],
      }),
    ),
  );
  return { postUrl: shown.postUrl, highlights: await highlightsOf(db, shown.own), articles };
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

async function findShownPosts(db: TalkNotesDatabase, pageUrl: string, claim: PostClaim): Promise<ShownPosts> {
  const ownSite = (url: string) => sameSite(url, pageUrl);
  const permalinks = claim.permalinks.filter(ownSite);
  const keys = [pageUrl, ...permalinks];
  const page = await findPost(db, keys, claim, ownSite, await postLinkOf(db, pageUrl));
  const own = new Set(keys);
  if (page) own.add(page.url);
  const trusted = claim.articles.map((a, index) => ({ ...a, index })).filter((a) => ownSite(a.permalink));
  // An archive's posts by their permalinks (one lookup on the unique index each), and those not found
  // so by their fingerprints, all in one query (a post moved since it was clipped).
  const stored = await pagesByUrl(
    db,
    trusted.map((a) => a.permalink),
  );
  const unfound = trusted.filter((a) => !stored.has(a.permalink) && a.fingerprint);
  const moved = await oldestByFingerprint(
    db,
    unfound.map((a) => a.fingerprint!),
    ownSite,
  );
  const articles = trusted
    .map((a) => {
      const page = stored.get(a.permalink) ?? (a.fingerprint ? moved.get(a.fingerprint) : undefined);
      return { index: a.index, postUrl: page?.url ?? a.permalink, stored: page !== undefined };
    })
    // A post the page also shows as its own is drawn there, not twice.
    .filter((a) => !own.has(a.postUrl));
  return { own: [...own], postUrl: page?.url ?? permalinks[0] ?? pageUrl, articles };
}

/**
 * The stored page of a post: by one of its keys (in order), else the post the reader linked the page
 * to (the popup, of any site), else by its fingerprint on the same site when the reader came from the
 * post's old address (a redirect, or it is the referrer: page/post-claim.ts) and has not said the page
 * is another post. A fingerprint alone, without the reader's arrival or word, is only offered (the
 * popup asks, storage/post-offer.ts): a page of the site could show the post's start and be another.
 */
async function findPost(
  db: TalkNotesDatabase,
  keys: string[],
  claim: PostClaim,
  ownSite: (url: string) => boolean,
  link: PostLink | null,
): Promise<PageRecord | undefined> {
  const byUrl = await pagesByUrl(db, link?.linked ? [...keys, link.post] : keys);
  for (const key of keys) {
    const page = byUrl.get(key);
    if (page) return page;
  }
  if (link?.linked) return byUrl.get(link.post);
  const { fingerprint } = claim;
  if (!fingerprint) return undefined;
  const found = (await oldestByFingerprint(db, [fingerprint], ownSite)).get(fingerprint);
  if (!found || link?.post === found.url) return undefined;
  return claim.redirected || claim.referrer === found.url ? found : undefined;
}

/** The stored page of the post `pageUrl` shows by the identity rule, if any (the popup's offer reads it). */
export async function storedPostOf(
  db: TalkNotesDatabase,
  pageUrl: string,
  claim: PostClaim,
): Promise<PageRecord | undefined> {
  const ownSite = (url: string) => sameSite(url, pageUrl);
  const keys = [pageUrl, ...claim.permalinks.filter(ownSite)];
  return findPost(db, keys, claim, ownSite, await postLinkOf(db, pageUrl));
}

/**
 * The stored page of each fingerprint on the page's own site, the oldest when several (where the
 * post's first highlights were filed); one query for all.
 */
async function oldestByFingerprint(
  db: TalkNotesDatabase,
  fingerprints: string[],
  ownSite: (url: string) => boolean,
): Promise<Map<string, PageRecord>> {
  const found = new Map<string, PageRecord>();
  if (!fingerprints.length) return found;
  const keys = [...new Set(fingerprints)];
  const pages =
    keys.length === 1
      ? await db.pages.where('fingerprint').equals(keys[0]!).toArray()
      : await db.pages.where('fingerprint').anyOf(keys).toArray();
  for (const page of pages) {
    if (!page.fingerprint || !ownSite(page.url)) continue;
    const older = found.get(page.fingerprint);
    if (!older || page.createdAt < older.createdAt) found.set(page.fingerprint, page);
  }
  return found;
}

/** The stored pages of `urls`, by URL: one equality lookup on the unique index each. */
async function pagesByUrl(db: TalkNotesDatabase, urls: string[]): Promise<Map<string, PageRecord>> {
  const pages = await Promise.all(urls.map((url) => db.pages.where('url').equals(url).first()));
  return new Map(pages.filter((p): p is PageRecord => p !== undefined).map((p) => [p.url, p]));
}

async function highlightsOf(db: TalkNotesDatabase, urls: string[]): Promise<HighlightRecord[]> {
  // One equality query per page rather than `anyOf`, whose cursor jumps cost 5-20 ms a lookup on a
  // large library (bench/post-identity.bench.ts); a page shows one post, or a few on an archive.
  const rows = (
    await Promise.all(urls.map((url) => db.highlights.where('url').equals(url).toArray()))
  ).flat();
  return rows.sort((a, b) => a.position - b.position || a.createdAt - b.createdAt);
}
