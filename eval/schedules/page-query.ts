/**
 * What the product knows of a page when it matches the page's talks (storage/schedule-links.ts `linkPageTalks`):
 * the page record's `publishedAt` as the date, and its title, site name, excerpt and URL as the context. The page record
 * is what the clipper stores: `extractPageMetadata` (core/page-metadata.ts) of the page.
 */
import { extractPageMetadata } from '@/core/page-metadata';
import type { TalkQuery } from '@/core/schedule';
import { pageMatchContext } from '@/core/schedule/match-context';

export interface PageQueryInfo {
  /** The date given to the matcher, or null. */
  pageDate: string | null;
  /**
   * Where it came from: `page-metadata` (the product's own reader found `publishedAt`), `cases.json` (it found
   * none, and the corpus's `pageDate` stands in), or `none` (neither has one).
   */
  dateSource: 'page-metadata' | 'cases.json' | 'none';
  /** What the product's reader found, null when nothing. */
  metadataDate: string | null;
  /** The context the product builds (core/schedule/match-context.ts): page title, site name, excerpt and URL. */
  context: string;
  /** The post's title as the product's reader found it (PageMetadata.title). */
  title: string;
  /** The page URL in that context. */
  url: string;
}

/**
 * Page date and context of `document` at `url`; `fallbackDate` (the corpus's) when the page metadata has none.
 * A page that states its canonical URL is taken to be at that URL (where a reader would have found it); the
 * others at `url`, which should then name nothing (the corpus's file names name the conference).
 */
export function pageQueryInfo(document: Document, url: string, fallbackDate: string | null): PageQueryInfo {
  let { metadata } = extractPageMetadata(document, { url });
  if (metadata.canonicalUrl && metadata.canonicalUrl !== metadata.url)
    metadata = extractPageMetadata(document, { url: metadata.canonicalUrl }).metadata;
  const metadataDate = metadata.publishedAt;
  return {
    pageDate: metadataDate ?? fallbackDate,
    dateSource: metadataDate ? 'page-metadata' : fallbackDate ? 'cases.json' : 'none',
    metadataDate,
    // As linkPageTalks does.
    context: pageMatchContext(metadata),
    url: metadata.url,
    // The post's title as the clipper reads it (clip-lines.ts `singlePostTitle`).
    title: metadata.title,
  };
}

/** The query the product sends for a talk of the page. */
export const talkQuery = (title: string, speakers: readonly string[], page: PageQueryInfo): TalkQuery => ({
  title,
  speakers: [...speakers],
  pageDate: page.pageDate,
  context: page.context,
});
