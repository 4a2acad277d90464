/** Records for backup, merge and restore tests: a small library with every kind of record. */
import type { LibraryData } from '@/core/backup';
import type {
  CollectionRecord,
  ConferenceRecord,
  HighlightRecord,
  PageRecord,
  TalkRecord,
} from '@/core/types';

/**
 * The time `ms` after 1 January 2024: records carry plausible times (a backup or a synced record with a
 * time before 1990 or in the future is refused), and tests still say "later" with small numbers.
 */
export const at = (ms: number) => Date.UTC(2024, 0, 1) + ms;

export function page(id: string, overrides: Partial<PageRecord> = {}): PageRecord {
  return {
    id,
    url: `https://blog.example/${id}`,
    title: `Page ${id}`,
    authors: ['A. Writer'],
    siteName: 'Blog',
    publishedAt: '2017-10-29T08:35:00Z',
    lang: 'en',
    canonicalUrl: null,
    excerpt: null,
    createdAt: at(1_000),
    updatedAt: at(1_000),
    ...overrides,
  };
}

export function talk(id: string, pageId: string, overrides: Partial<TalkRecord> = {}): TalkRecord {
  return {
    id,
    pageId,
    title: `Talk ${id}`,
    speakers: ['Ada Lovelace'],
    position: 10,
    detected: true,
    detectedTitle: `Talk ${id}`,
    createdAt: at(1_000),
    updatedAt: at(1_000),
    ...overrides,
  };
}

export function conference(id: string, overrides: Partial<ConferenceRecord> = {}): ConferenceRecord {
  return {
    id,
    title: `Conference ${id}`,
    acronym: id,
    start: '2026-01-31',
    end: '2026-02-01',
    timeZone: 'Europe/Brussels',
    url: null,
    sourceUrl: `https://schedule.example/${id}.xml`,
    sourceFile: null,
    format: 'frab-xml',
    importedAt: at(1_000),
    createdAt: at(1_000),
    updatedAt: at(1_000),
    ...overrides,
  };
}

/** A talk of a conference's schedule: no page, every schedule field. */
export function conferenceTalk(
  id: string,
  conferenceId: string,
  scheduleId: string,
  overrides: Partial<TalkRecord> = {},
): TalkRecord {
  return {
    id,
    pageId: null,
    title: `Event ${scheduleId}`,
    speakers: ['Ada Example'],
    position: 0,
    detected: false,
    detectedTitle: null,
    conferenceId,
    scheduleId,
    subtitle: null,
    start: '2026-01-31T10:00:00+01:00',
    end: '2026-01-31T10:30:00+01:00',
    timeZone: 'Europe/Brussels',
    day: '2026-01-31',
    room: 'Janson',
    track: null,
    type: 'talk',
    abstract: null,
    url: `https://schedule.example/${conferenceId}/event/${scheduleId}`,
    links: [],
    housekeeping: false,
    createdAt: at(1_000),
    updatedAt: at(1_000),
    ...overrides,
  };
}

export function highlight(
  id: string,
  pageId: string,
  overrides: Partial<HighlightRecord> = {},
): HighlightRecord {
  const text = `Passage ${id}`;
  return {
    id,
    pageId,
    url: `https://blog.example/${pageId}`,
    talkId: null,
    text,
    markdown: text,
    selectors: [
      { type: 'TextQuoteSelector', exact: text, prefix: 'before ', suffix: ' after' },
      { type: 'TextPositionSelector', start: 10, end: 10 + text.length },
      {
        type: 'RangeSelector',
        startContainer: '/p[1]/text()[1]',
        startOffset: 0,
        endContainer: '/p[1]/text()[1]',
        endOffset: 5,
      },
    ],
    color: 'yellow',
    note: '',
    tags: [],
    position: 10,
    anchorStatus: 'placed',
    createdAt: at(1_000),
    updatedAt: at(1_000),
    ...overrides,
  };
}

export function collection(id: string, overrides: Partial<CollectionRecord> = {}): CollectionRecord {
  return {
    id,
    name: `Collection ${id}`,
    description: '',
    highlightIds: [],
    createdAt: at(1_000),
    updatedAt: at(1_000),
    ...overrides,
  };
}

/** Two pages, two talks, three highlights, a collection and two settings (no conference). */
export function sampleLibrary(): LibraryData {
  return {
    pages: [page('p1'), page('p2', { title: 'Day 2 — “quotes” & <b>', excerpt: 'An excerpt' })],
    conferences: [],
    talks: [talk('t1', 'p1'), talk('t2', 'p2', { detected: false, detectedTitle: null, position: -1 })],
    highlights: [
      highlight('h1', 'p1', {
        talkId: 't1',
        note: 'A **note**',
        tags: ['kernel', 'testing/fuzzing'],
        color: 'blue',
      }),
      highlight('h2', 'p1', { position: 50 }),
      highlight('h3', 'p2', { talkId: 't2', text: 'Ünïcödé ✓ 日本語', markdown: '*Ünïcödé* ✓ 日本語' }),
    ],
    collections: [collection('c1', { name: 'Reading list', highlightIds: ['h1', 'h3', 'deleted-h9'] })],
    settings: [
      { key: 'colorNames', value: { blue: 'Key idea' } },
      {
        key: 'exportOptions',
        value: {
          groupBy: 'tag',
          includeNotes: true,
          includeTags: true,
          includeLinks: false,
          includeFrontMatter: true,
          includeAuthor: false,
          template: '',
        },
      },
    ],
  };
}

/**
 * A library with a conference: its two talks (one with a recording), a page whose detected talk is
 * linked to the first (`matched`) and offered both, a highlight under that page talk and one filed
 * directly under the second conference talk.
 */
export function conferenceLibrary(): LibraryData {
  return {
    pages: [page('recap', { url: 'https://blog.example/fosdem-recap' })],
    conferences: [conference('fosdem')],
    talks: [
      conferenceTalk('ct1', 'fosdem', 'ev-1', {
        title: 'Rust in the kernel',
        links: [{ kind: 'recording', url: 'https://video.example/rust.webm', title: 'Video' }],
      }),
      conferenceTalk('ct2', 'fosdem', 'ev-2', { title: 'Postgres at scale', position: 1 }),
      talk('pt1', 'recap', {
        title: 'Rust in the kernel',
        scheduleTalkId: 'ct1',
        scheduleLink: 'matched',
        scheduleCandidates: ['ct1', 'ct2'],
      }),
    ],
    highlights: [
      highlight('hr1', 'recap', { talkId: 'pt1' }),
      highlight('hr2', 'recap', { talkId: 'ct2', talkPinned: true, position: 80 }),
    ],
    collections: [],
    settings: [],
  };
}
