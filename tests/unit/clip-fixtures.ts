/** Building blocks for clips in unit tests. */
import type { PageMetadata } from '@/core/types';
import type { ClipInput } from '@/core/schemas';

/** A yellow, note-less passage quoted exactly, as the content script would send it. */
export function quotedPassage(
  text: string,
  position: number,
  talkTitle: string | null,
): ClipInput['highlight'] {
  return {
    text,
    markdown: text,
    selectors: [{ type: 'TextQuoteSelector', exact: text, prefix: '', suffix: '' }],
    color: 'yellow',
    note: '',
    position,
    talkTitle,
  };
}

/** A page's metadata fields left empty, as for a page that declares nothing: spread next to url and title. */
export function noMetadata(): Omit<PageMetadata, 'url' | 'title'> {
  return { authors: [], siteName: null, publishedAt: null, lang: null, canonicalUrl: null, excerpt: null };
}
