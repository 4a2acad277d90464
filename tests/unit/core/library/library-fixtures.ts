/**
 * Small hand-made libraries for the library view tests: `DATA` (two pages, three talks, eight
 * highlights) and `CONF_DATA` (two conferences with their talks, write-ups linked to them).
 */
import { EMPTY_FILTER, filterLibrary, type LibraryFilter } from '@/core/library/filters';
import { highlightsAt, type LibraryData, type LibraryIndex } from '@/core/library/library-index';
import { parseQuery, searchLibrary } from '@/core/library/search';
import type {
  CollectionRecord,
  ConferenceRecord,
  HighlightRecord,
  PageRecord,
  TalkRecord,
} from '@/core/types';
import { noMetadata } from '../../clip-fixtures';
import { conferenceTalk, conference as recordConference } from '../backup-fixtures';

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

/** An imported conference with only what is given (no dates, zone or source unless said). */
export function conference(id: string, fields: Partial<ConferenceRecord> = {}): ConferenceRecord {
  const none = { acronym: null, start: null, end: null, timeZone: null, sourceUrl: null };
  return recordConference(id, { ...none, importedAt: T0, createdAt: T0, updatedAt: T0, ...fields });
}

/** A conference's talk (no page) with only what is given: no speakers, time, room or page unless said. */
export function scheduleTalk(
  id: string,
  conferenceId: string,
  title: string,
  position: number,
  fields: Partial<TalkRecord> = {},
): TalkRecord {
  const none = { speakers: [], start: null, end: null, timeZone: null, day: null, room: null, url: null };
  return conferenceTalk(id, conferenceId, id, {
    title,
    position,
    ...none,
    createdAt: T0,
    updatedAt: T0,
    ...fields,
  });
}

const BRUSSELS = { timeZone: 'Europe/Brussels' };

/**
 * Two conferences and three write-ups: page a's "Rust for Linux" and page b's "Kernel Rust (notes)"
 * are both FOSDEM's "Rust in the kernel" (linked); page b's Postgres talk was declined; page c's
 * Wasm write-up is linked but has no highlights; one passage is filed straight under a PGConf talk.
 */
export const CONF_DATA: LibraryData = {
  pages: [page('a', { title: 'FOSDEM day 1 notes' }), page('b', { title: 'My FOSDEM' }), page('c')],
  conferences: [
    conference('pgconf', { title: 'PGConf EU 2025', start: '2025-10-21', end: '2025-10-24' }),
    conference('fosdem', {
      title: 'FOSDEM 2026',
      start: '2026-01-31',
      end: '2026-02-01',
      timeZone: 'Europe/Brussels',
    }),
  ],
  talks: [
    scheduleTalk('s-rust', 'fosdem', 'Rust in the kernel', 0, {
      ...BRUSSELS,
      speakers: ['Ada Example'],
      start: '2026-01-31T10:00:00+01:00',
      end: '2026-01-31T10:50:00+01:00',
      day: '2026-01-31',
      room: 'Janson',
      track: 'Kernel',
      abstract: 'Memory safety for drivers.',
      links: [
        { kind: 'recording', url: 'https://video.example/rust.webm', title: 'Video' },
        { kind: 'slides', url: 'https://slides.example/rust.pdf', title: null },
      ],
    }),
    scheduleTalk('s-coffee', 'fosdem', 'Coffee break', 1, {
      ...BRUSSELS,
      start: '2026-01-31T10:50:00+01:00',
      day: '2026-01-31',
      room: 'Janson',
      housekeeping: true,
    }),
    scheduleTalk('s-pg', 'fosdem', 'Postgres at scale', 2, {
      ...BRUSSELS,
      speakers: ['Bruce Momjian'],
      start: '2026-01-31T11:00:00+01:00',
      day: '2026-01-31',
      room: 'K.1.105',
      track: 'Databases',
    }),
    scheduleTalk('s-wasm', 'fosdem', 'Wasm everywhere', 3, {
      ...BRUSSELS,
      start: '2026-02-01T09:00:00+01:00',
      day: '2026-02-01',
      room: 'Janson',
      track: 'Web',
    }),
    scheduleTalk('s-hallway', 'fosdem', 'Hallway track', 4),
    scheduleTalk('p-vacuum', 'pgconf', 'Vacuum deep dive', 0, {
      start: '2025-10-22T14:00:00+02:00',
      day: '2025-10-22',
      room: 'Hall A',
      track: 'Internals',
    }),
    { ...talk('t-a-rust', 'a', 'Rust for Linux'), scheduleTalkId: 's-rust', scheduleLink: 'matched' },
    { ...talk('t-b-rust', 'b', 'Kernel Rust (notes)'), scheduleTalkId: 's-rust', scheduleLink: 'chosen' },
    { ...talk('t-b-pg', 'b', 'Scaling Postgres'), scheduleTalkId: 's-pg', scheduleLink: 'declined' },
    { ...talk('t-c-wasm', 'c', 'WASM!'), scheduleTalkId: 's-wasm', scheduleLink: 'matched' },
    talk('t-a-other', 'a', 'Lightning talks'),
    { ...talk('t-c-gone', 'c', 'Gone'), scheduleTalkId: 'deleted-talk', scheduleLink: 'matched' },
  ],
  highlights: [
    hl('c1', 'a', { talkId: 't-a-rust', text: 'Drivers in Rust', position: 10, createdAt: T0 }),
    hl('c2', 'b', {
      talkId: 't-b-rust',
      text: 'The borrow checker helps',
      position: 5,
      note: 'so true',
      tags: ['rust'],
      createdAt: T0 + 1000,
    }),
    hl('c3', 'b', { talkId: 't-b-pg', text: 'Shard late', createdAt: T0 - 1000 }),
    hl('c4', 'a', { talkId: 'p-vacuum', text: 'Freeze early', createdAt: T0 - 2000 }),
    hl('c5', 'a', { talkId: 't-a-other', text: 'Five minutes each', createdAt: T0 - 3000 }),
    hl('c6', 'c', { talkId: 't-c-gone', text: 'Nothing to link to', createdAt: T0 - 4000 }),
  ],
};
