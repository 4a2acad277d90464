/** Building blocks for clips in unit tests. */
import type { ClipInput } from '@/storage/clips';

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
