/**
 * Which stored pages a visited page shows the post of (#18), and their highlights. The claims come
 * from the page (core/post-identity.ts) and are untrusted: only those of the page's own site
 * (core/site.ts) are looked up, so a page on another site that names a victim's post as its canonical,
 * or copies its text, gets nothing.
 */
import type { PostClaim } from '@/core/post-identity';
import { sameSite } from '@/core/site';
import type { HighlightRecord, PageRecord } from '@/core/types';
import type { TalkNotesDatabase } from './db';

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
   * URL, a declared permalink, or its fingerprint), else the first permalink the page declares of its
   * own site, else the page's own URL.
   */
  postUrl: string;
  /** Highlights of the post the page shows, in document order. */
  highlights: HighlightRecord[];
  /** Archive pages: the posts of the page's own site shown in full, with their highlights. */
  articles: ArticleHighlights[];
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
  const ownSite = (url: string) => sameSite(url, pageUrl);
  const permalinks = claim.permalinks.filter(ownSite);
  const keys = [pageUrl, ...permalinks];
  const page = await findPost(db, keys, claim.fingerprint, ownSite);
  const postUrl = page?.url ?? permalinks[0] ?? pageUrl;
  const pageUrls = new Set(keys);
  if (page) pageUrls.add(page.url);
  const trusted = claim.articles.map((a, index) => ({ ...a, index })).filter((a) => ownSite(a.permalink));
  const shown = await Promise.all(
    trusted.map(async (article): Promise<ArticleHighlights | null> => {
      const found = await findPost(db, [article.permalink], article.fingerprint, ownSite);
      const key = found?.url ?? article.permalink;
      // A post the page also shows as its own is drawn there, not twice.
      if (pageUrls.has(key)) return null;
      return { index: article.index, postUrl: key, highlights: found ? await highlightsOf(db, [key]) : [] };
    }),
  );
  const articles = shown.filter((a): a is ArticleHighlights => a !== null);
  return { postUrl, highlights: await highlightsOf(db, [...pageUrls]), articles };
}

/** The stored page of a post: by one of its keys (in order), else by its fingerprint on the same site. */
async function findPost(
  db: TalkNotesDatabase,
  keys: string[],
  fingerprint: string | null,
  ownSite: (url: string) => boolean,
): Promise<PageRecord | undefined> {
  const byUrl = (await Promise.all(keys.map((key) => db.pages.where('url').equals(key).first()))).filter(
    (page): page is PageRecord => page !== undefined,
  );
  for (const key of keys) {
    const page = byUrl.find((p) => p.url === key);
    if (page) return page;
  }
  if (!fingerprint) return undefined;
  const byFingerprint = await db.pages.where('fingerprint').equals(fingerprint).toArray();
  // The oldest page of the post: where its first highlights were filed.
  return byFingerprint.filter((p) => ownSite(p.url)).sort((a, b) => a.createdAt - b.createdAt)[0];
}

async function highlightsOf(db: TalkNotesDatabase, urls: string[]): Promise<HighlightRecord[]> {
  // One equality query per page rather than `anyOf`, whose cursor jumps cost 5-20 ms a lookup on a
  // large library (bench/post-identity.bench.ts); a page shows one post, or a few on an archive.
  const rows = (
    await Promise.all(urls.map((url) => db.highlights.where('url').equals(url).toArray()))
  ).flat();
  return rows.sort((a, b) => a.position - b.position || a.createdAt - b.createdAt);
}
