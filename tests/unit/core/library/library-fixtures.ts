/** A small hand-made library for the library view tests: two pages, three talks, eight highlights. */
import { EMPTY_FILTER, filterLibrary, type LibraryFilter } from '@/core/library/filters';
import { highlightsAt, type LibraryData, type LibraryIndex } from '@/core/library/library-index';
import { parseQuery, searchLibrary } from '@/core/library/search';
import type { CollectionRecord, HighlightRecord, PageRecord, TalkRecord } from '@/core/types';
import { noMetadata } from '../../clip-fixtures';

export const T0 = new Date(2025, 2, 10, 12).getTime(); // local noon, 10 March 2025
export const DAY = 86_400_000;

export function page(id: string, fields: Partial<PageRecord> = {}): PageRecord {
  return {
    id,
    url: `https://${id}.example/post`,
    title: `Page ${id}`,
    ...noMetadata(),
    createdAt: T0,
    updatedAt: T0,
    ...fields,
  };
}

export function talk(id: string, pageId: string, title: string, speakers: string[] = []): TalkRecord {
  return {
    id,
    pageId,
    title,
    speakers,
    position: 0,
    detected: true,
    detectedTitle: title,
    createdAt: T0,
    updatedAt: T0,
  };
}

export function hl(id: string, pageId: string, fields: Partial<HighlightRecord> = {}): HighlightRecord {
  const text = fields.text ?? `text of ${id}`;
  return {
    id,
    pageId,
    url: `https://${pageId}.example/post`,
    talkId: null,
    text,
    markdown: text,
    selectors: [{ type: 'TextQuoteSelector', exact: text, prefix: '', suffix: '' }],
    color: 'yellow',
    note: '',
    tags: [],
    position: 0,
    anchorStatus: 'placed',
    createdAt: T0,
    updatedAt: T0,
    ...fields,
  };
}

/** Two pages, three talks (one of them merged across pages), eight highlights. */
export const DATA: LibraryData = {
  pages: [
    page('a', { title: 'Open Source Summit – Day 3', siteName: 'Conference Notes Blog' }),
    page('b', { title: 'FOSDEM recap' }),
  ],
  talks: [
    talk('t-live', 'a', 'Kernel live patching', ['Miroslav Benes']),
    talk('t-tao', 'a', 'The TAO of Hashicorp', ['Mitchell Hashimoto']),
    talk('t-rust', 'b', 'Rust in the kernel'),
  ],
  highlights: [
    hl('h1', 'a', {
      talkId: 't-live',
      text: 'kGraft replaces whole functions',
      position: 50,
      tags: ['Kernel'],
      createdAt: T0,
    }),
    hl('h2', 'a', {
      talkId: 't-live',
      text: 'Consistency model matters',
      position: 10,
      note: 'ask about kpatch',
      createdAt: T0 + 1000,
    }),
    hl('h3', 'a', {
      talkId: 't-tao',
      text: 'Workflows, not technologies',
      tags: ['quote', 'community'],
      color: 'green',
      createdAt: T0 - DAY,
    }),
    hl('h4', 'a', { text: 'Before any talk', position: 1, createdAt: T0 - 2 * DAY, anchorStatus: 'orphan' }),
    hl('h5', 'b', {
      talkId: 't-rust',
      text: 'Drivers first',
      tags: ['kernel', 'rust'],
      color: 'blue',
      createdAt: T0 + 2 * DAY,
    }),
    hl('h6', 'b', {
      talkId: 't-live',
      text: 'Livepatch upstream since 4.0',
      position: 5,
      createdAt: T0 + 3000,
    }),
    hl('h7', 'b', { text: 'A <b>bold</b> claim', note: '  ', createdAt: T0 - 10 * DAY }),
    hl('h8', 'missing-page', { talkId: 'gone', text: 'Orphaned record', createdAt: T0 - 20 * DAY }),
  ],
};

export const ids = (records: readonly HighlightRecord[]) => records.map((h) => h.id);

/** The slots a query and filter keep in `index`, as highlight ids (search, then filters, as the dashboard runs them). */
export function runQuery(
  index: LibraryIndex,
  q: string,
  filter: Partial<LibraryFilter> = {},
  collections: CollectionRecord[] = [],
): string[] {
  const terms = parseQuery(q);
  const hits = terms.length ? searchLibrary(index, terms) : null;
  return ids(
    highlightsAt(index, filterLibrary(index, { ...EMPTY_FILTER, ...filter, query: q }, hits, collections)),
  );
}
