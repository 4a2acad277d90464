/** The library both post-identity benchmarks read: `pages` posts on 50 sites, `each` highlights each. */
import type { HighlightRecord, PageRecord } from '../core/types';

/** A library of `pages` posts on 50 sites with `each` highlights each (the Node part's shape). */
export function postLibrary(
  pages: number,
  each: number,
): { pages: PageRecord[]; highlights: HighlightRecord[] } {
  const now = Date.now();
  const rows = { pages: [] as PageRecord[], highlights: [] as HighlightRecord[] };
  for (let p = 0; p < pages; p++) {
    const url = `https://blog${p % 50}.example.org/posts/${p}`;
    rows.pages.push({
      id: `p${p}`,
      url,
      title: `Post ${p}`,
      authors: [],
      siteName: null,
      publishedAt: null,
      lang: null,
      canonicalUrl: null,
      excerpt: null,
      fingerprint: p.toString(16).padStart(16, '0'),
      createdAt: now,
      updatedAt: now,
    });
    for (let h = 0; h < each; h++) {
      const text = `passage ${h} of post ${p}`;
      rows.highlights.push({
        id: `h${p}-${h}`,
        pageId: `p${p}`,
        url,
        talkId: null,
        text,
        markdown: text,
        selectors: [{ type: 'TextQuoteSelector', exact: text, prefix: '', suffix: '' }],
        color: 'yellow',
        note: '',
        tags: [],
        position: h * 100,
        anchorStatus: 'placed',
        createdAt: now,
        updatedAt: now,
      });
    }
  }
  return rows;
}
