/**
 * What bench/post-identity.bench.ts runs inside a Chromium page (bundled by bundleScript): the post
 * identity's reads on a real DOM and its lookups in a real IndexedDB, the background's code as it is.
 */
import { type PostClaim, readPostIdentity } from '@/core/post-identity';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import { highlightsForUrl } from '@/storage/highlights';
import { postHighlights, shownPostKeys } from '@/storage/posts';
import { createSiteIndex } from '@/storage/sites';
import { postLibrary } from './post-identity-library';
import { summarize } from './stats';

export interface LookupCase {
  name: string;
  url: string;
  claim: PostClaim;
  /**
   * `site`: the eager script's question (knowsSite); `post`: the reader's lookup (postHighlights);
   * `keys`: the same lookup without reading any highlight (shownPostKeys): what finding the posts costs.
   */
  mode: 'site' | 'post' | 'keys';
  /**
   * The baseline: the lookup by URL a visit made before #18, of this URL (default: the page's own).
   * For a moved post, its stored URL: the same highlights read, so the difference is the identity's.
   */
  baselineUrl?: string;
  /**
   * An archive's baseline: the highlights of the posts it shows read by their URLs (one equality
   * query each, in one transaction), what drawing them costs at the least; the difference is finding them.
   */
  baselineUrls?: string[];
}

/** The highlights of `urls` by URL, in one transaction: an archive's baseline. */
function highlightsOfUrls(database: TalkNotesDatabase, urls: string[]) {
  return database.transaction('r', database.highlights, () =>
    Promise.all(urls.map((url) => highlightsForUrl(database, url))),
  );
}

let db: TalkNotesDatabase | undefined;

const api = {
  async seed(name: string, pages: number, each: number): Promise<number> {
    db = createDatabase(name);
    const rows = postLibrary(pages, each);
    await db.pages.bulkAdd(rows.pages);
    await db.highlights.bulkAdd(rows.highlights);
    return db.highlights.count();
  },

  /**
   * Per case, medians of `runs`: the lookup by URL a visit made before #18, and the post lookup that
   * replaces it (with the site check for the eager script's ask). The site index is built once per
   * background (and after a write to pages): its first read is timed apart.
   */
  async lookups(cases: LookupCase[], runs: number) {
    if (!db) throw new Error('seed first');
    const database = db;
    const builds: number[] = [];
    for (let run = 0; run < 5; run++) {
      const cold = createSiteIndex(database);
      const t0 = performance.now();
      await cold.hasPagesOf('https://blog1.example.org/');
      builds.push(performance.now() - t0);
      cold.close();
    }
    const siteIndexBuildMs = summarize(builds).median;
    const sites = createSiteIndex(database);
    const rows = [];
    for (const c of cases) {
      const byPost = () =>
        c.mode === 'site'
          ? sites.hasPagesOf(c.url)
          : c.mode === 'keys'
            ? shownPostKeys(database, c.url, c.claim)
            : // As the background asks (messaging/background-handlers.ts): with the keys it holds in memory.
              sites.knownPages().then((known) => postHighlights(database, c.url, c.claim, known));
      const byUrl = () =>
        c.baselineUrls
          ? highlightsOfUrls(database, c.baselineUrls)
          : highlightsForUrl(database, c.baselineUrl ?? c.url);
      await byPost();
      await byUrl();
      const plain: number[] = [];
      const post: number[] = [];
      for (let run = 0; run < runs; run++) {
        const a = performance.now();
        await byUrl();
        const b = performance.now();
        await byPost();
        post.push(performance.now() - b);
        plain.push(b - a);
      }
      rows.push({ name: c.name, byUrlMs: summarize(plain).median, byPostMs: summarize(post).median });
    }
    sites.close();
    return { siteIndexBuildMs, rows };
  },

  /** Per page source, the median of `runs` reads of its post identity (post-identity.js's work). */
  readIdentities(sources: string[], runs: number): number[] {
    const parser = new DOMParser();
    const perPage: number[] = [];
    for (const [i, html] of sources.entries()) {
      const url = `https://blog.example.org/page-${i}`;
      const doc = parser.parseFromString(html, 'text/html');
      const times: number[] = [];
      for (let run = 0; run < runs; run++) {
        const started = performance.now();
        readPostIdentity(doc, url);
        times.push(performance.now() - started);
      }
      perPage.push(summarize(times).median);
    }
    return perPage;
  },

  async drop(): Promise<void> {
    await db?.delete();
    db = undefined;
  },
};

(globalThis as unknown as { TalkNotesPostIdentityBench: typeof api }).TalkNotesPostIdentityBench = api;
export type PostIdentityBenchApi = typeof api;
