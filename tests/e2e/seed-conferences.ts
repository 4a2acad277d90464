/**
 * A library with an imported conference schedule, as plain records for `writeLibrary`
 * (./seed-library.ts) and the unit tests: FOSDEM 2026 with six events over two days, two blogs'
 * write-ups of its Rust talk (page talks linked to the conference talk), an unlinked write-up talk,
 * and, for scale, as many generated conferences of as many talks as asked.
 */
import type { ConferenceRecord, HighlightRecord, PageRecord, TalkRecord } from '../../core/types';
import {
  conferenceTalk,
  conference as recordConference,
  highlight as recordHighlight,
  page as recordPage,
  talk as recordTalk,
} from '../unit/core/backup-fixtures';
import type { SeededLibrary } from './seed-library';

export interface ConferenceLibrary extends SeededLibrary {
  conferences: ConferenceRecord[];
}

const T = Date.UTC(2026, 1, 3, 12);
const BRUSSELS = 'Europe/Brussels';

const stamps = { createdAt: T, updatedAt: T };

/** A conference with only what is given. */
function conference(id: string, fields: Partial<ConferenceRecord>): ConferenceRecord {
  const none = { acronym: null, start: null, end: null, timeZone: null, sourceUrl: null };
  return recordConference(id, { ...none, importedAt: T, ...stamps, ...fields });
}

/** An event of a conference held in Brussels, on the day of its start. */
function event(
  id: string,
  conferenceId: string,
  position: number,
  title: string,
  start: string,
  fields: Partial<TalkRecord> = {},
): TalkRecord {
  const none = { speakers: [], end: null, room: null, url: null };
  const when = { start, timeZone: BRUSSELS, day: start.slice(0, 10) };
  return conferenceTalk(id, conferenceId, id, { title, position, ...none, ...when, ...stamps, ...fields });
}

function page(id: string, url: string, title: string, siteName: string | null): PageRecord {
  return recordPage(id, { url, title, siteName, authors: [], publishedAt: null, ...stamps });
}

function pageTalk(id: string, pageId: string, title: string, position: number, link?: string): TalkRecord {
  const linked = link ? { scheduleTalkId: link, scheduleLink: 'matched' as const } : {};
  return recordTalk(id, pageId, {
    title,
    detectedTitle: title,
    speakers: [],
    position,
    ...linked,
    ...stamps,
  });
}

function passage(
  id: string,
  p: PageRecord,
  talkId: string,
  text: string,
  position: number,
  note = '',
): HighlightRecord {
  const at = { createdAt: T + position, updatedAt: T + position };
  const selectors = [{ type: 'TextQuoteSelector' as const, exact: text, prefix: '', suffix: '' }];
  return recordHighlight(id, p.id, {
    url: p.url,
    talkId,
    text,
    markdown: text,
    selectors,
    note,
    position,
    ...at,
  });
}

export const FOSDEM_RUST = {
  title: 'Rust in the Linux kernel',
  recording: 'https://video.fosdem.org/2026/janson/rust.webm',
  slides: 'https://fosdem.org/2026/schedule/event/rust/slides.pdf',
  firstPassage: 'Drivers first, then the core.',
  secondPassage: 'The borrow checker is a reviewer that never sleeps.',
} as const;

/**
 * FOSDEM 2026 and its write-ups; with `generated` conferences of `talksEach` talks each besides
 * (three days, five rooms, four tracks, every tenth event a break), read about by nobody.
 */
export function makeConferenceLibrary({ generated = 0, talksEach = 0 } = {}): ConferenceLibrary {
  const fosdem = conference('fosdem26', {
    title: 'FOSDEM 2026',
    acronym: 'fosdem26',
    start: '2026-01-31',
    end: '2026-02-01',
    timeZone: BRUSSELS,
    url: 'https://fosdem.org/2026/',
    sourceUrl: 'https://fosdem.org/2026/schedule/xml',
  });
  const talks: TalkRecord[] = [
    event('ev-welcome', fosdem.id, 0, 'Welcome to FOSDEM', '2026-01-31T09:30:00+01:00', { room: 'Janson' }),
    event('ev-rust', fosdem.id, 1, FOSDEM_RUST.title, '2026-01-31T10:00:00+01:00', {
      end: '2026-01-31T10:50:00+01:00',
      room: 'Janson',
      track: 'Kernel',
      speakers: ['Ada Example'],
      abstract: 'Memory safety for drivers, one subsystem at a time.',
      url: 'https://fosdem.org/2026/schedule/event/rust/',
      links: [
        { kind: 'recording', url: FOSDEM_RUST.recording, title: 'Video' },
        { kind: 'slides', url: FOSDEM_RUST.slides, title: 'Slides' },
      ],
    }),
    event('ev-coffee', fosdem.id, 2, 'Coffee break', '2026-01-31T10:50:00+01:00', {
      room: 'Janson',
      housekeeping: true,
      type: null,
    }),
    event('ev-postgres', fosdem.id, 3, 'Postgres at scale', '2026-01-31T11:00:00+01:00', {
      room: 'K.1.105',
      track: 'Databases',
      speakers: ['Bruce Example'],
    }),
    event('ev-wasm', fosdem.id, 4, 'Wasm everywhere', '2026-02-01T09:00:00+01:00', {
      room: 'Janson',
      track: 'Web',
    }),
    event('ev-otel', fosdem.id, 5, 'Observability for all', '2026-02-01T10:00:00+01:00', {
      room: 'H.2215',
      track: 'Monitoring',
    }),
  ];
  const blog = page(
    'page-blog',
    'https://blog.example/2026/fosdem-day-1',
    'FOSDEM day 1: my notes',
    'Notes Blog',
  );
  const notes = page('page-notes', 'https://notes.example/fosdem-2026', 'What I saw at FOSDEM', null);
  talks.push(
    pageTalk('pt-blog-rust', blog.id, 'Rust for Linux', 100, 'ev-rust'),
    pageTalk('pt-notes-rust', notes.id, 'Kernel Rust', 40, 'ev-rust'),
    pageTalk('pt-notes-lightning', notes.id, 'Lightning talks', 900),
  );
  const highlights = [
    passage('hl-blog-rust', blog, 'pt-blog-rust', FOSDEM_RUST.firstPassage, 120, 'Ask about CI.'),
    passage('hl-notes-rust', notes, 'pt-notes-rust', FOSDEM_RUST.secondPassage, 60),
    passage('hl-notes-lightning', notes, 'pt-notes-lightning', 'Five minutes, no slides.', 950),
  ];

  const conferences = [fosdem];
  const rooms = ['Room A', 'Room B', 'Room C', 'Room D', 'Room E'];
  const tracks = ['Systems', 'Web', 'Data', 'Community'];
  for (let c = 0; c < generated; c++) {
    const year = 2010 + c;
    const conf = conference(`gen-${c}`, {
      title: `Generated Conf ${year}`,
      start: `${year}-03-01`,
      end: `${year}-03-03`,
      timeZone: BRUSSELS,
    });
    conferences.push(conf);
    for (let i = 0; i < talksEach; i++) {
      const day = Math.floor((i * 3) / talksEach) + 1;
      const slot = i % Math.ceil(talksEach / 3);
      const hour = String(8 + Math.floor(slot / 10)).padStart(2, '0');
      const minute = String((slot % 10) * 5).padStart(2, '0');
      talks.push(
        event(
          `gen-${c}-${i}`,
          conf.id,
          i,
          `Generated talk ${c}.${i}`,
          `${year}-03-0${day}T${hour}:${minute}:00+01:00`,
          {
            room: rooms[i % rooms.length]!,
            track: tracks[i % tracks.length]!,
            speakers: [`Speaker ${i}`],
            housekeeping: i % 10 === 9,
          },
        ),
      );
    }
  }
  return { pages: [blog, notes], talks, highlights, collections: [], conferences };
}
