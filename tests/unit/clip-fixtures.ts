/** Building blocks for clips in unit tests. */
import type { ClipInput } from '@/core/schemas';
import type { PageMetadata } from '@/core/types';
import { saveClip } from '@/storage/clips';
import type { TalkNotesDatabase } from '@/storage/db';

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

/**
 * Saves a clip of `text` on the page at `url`, whose talks are "Kernel live patching" (at 50) and
 * "Trolling != Enforcement" (at 10); `talk` names the one it sits under.
 */
export function clipOn(
  db: TalkNotesDatabase,
  url: string,
  text: string,
  position: number,
  talk: string | null,
) {
  return saveClip(db, {
    page: { url, title: url, ...noMetadata() },
    talks: [
      { title: 'Kernel live patching', speakers: ['Miroslav Benes'], position: 50 },
      { title: 'Trolling != Enforcement', speakers: [], position: 10 },
    ],
    highlight: quotedPassage(text, position, talk),
  });
}
