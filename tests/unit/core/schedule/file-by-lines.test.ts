import { describe, expect, it } from 'vitest';
import type { ClipLine } from '@/core/schedule/clip-lines';
import { fileClipByLines, type LinePage } from '@/core/schedule/file-by-lines';
import { buildScheduleIndex, type MatchableTalk } from '@/core/schedule/schedule-index';

const talk = (id: string, conferenceId: string, title: string, speakers: string[], day = '2024-05-30') => ({
  id,
  conferenceId,
  title,
  subtitle: null,
  speakers,
  start: `${day}T10:00:00+02:00`,
  day,
  housekeeping: false,
});

const index = buildScheduleIndex(
  [
    { id: 'craft24', title: 'Craft Conference 2024', acronym: null, start: '2024-05-30', end: '2024-05-31' },
    { id: 'craft23', title: 'Craft Conference 2023', acronym: null, start: '2023-06-01', end: '2023-06-02' },
  ],
  [
    talk('flags', 'craft24', 'Kill Your Feature Flags', ['Sofia Marchetti']),
    talk('flags-ws', 'craft24', 'Feature Flags at Scale: A Field Guide', ['Sofia Marchetti'], '2024-05-31'),
    talk('budget', 'craft24', 'Observability on a Budget', ['Daniel Okafor']),
    talk('replication', 'craft24', 'Scaling Postgres Replication', ['Ana Lima']),
    talk('replication-prod', 'craft24', 'Scaling Postgres Replication in Production', ['Ben Ode']),
    talk('billion', 'craft24', 'Building Django Apps for the Next Billion Users', ['Neema Mwakyusa']),
    talk('lt1', 'craft24', 'Lightning talks', []),
    talk('lt2', 'craft24', 'Lightning talks', [], '2024-05-31'),
    talk('fitness24', 'craft24', 'Fitness Functions in Practice', ['Réka Tóth']),
    talk('fitness23', 'craft23', 'Fitness Functions in Practice', ['Réka Tóth'], '2023-06-01'),
  ] satisfies MatchableTalk[],
);

/** A page dated during Craft 2024 that names it. */
const PAGE: LinePage = { pageDate: '2024-06-02', context: 'My notes from Craft Conference 2024' };

let look = 0;
const line = (text: string, over: Partial<ClipLine> = {}): ClipLine => ({
  text,
  kind: 'line',
  level: 0,
  style: 0,
  enclosed: false,
  ...over,
  ...(over.style === undefined ? { style: look++ % 8 } : {}),
});
const heading = (text: string, level = 3) => line(text, { kind: 'heading', level, style: 1 });

const filed = (lines: ClipLine[], page = PAGE) => fileClipByLines(index, lines, page);

describe('fileClipByLines: the nearest confident line names the talk', () => {
  it.each([
    ['a heading', [heading('Kill Your Feature Flags')], 'flags'],
    ['a card line with its speaker', [line('Observability on a Budget — Daniel Okafor')], 'budget'],
    ['a time and the title', [line('14:20 Kill Your Feature Flags (Sofia Marchetti)')], 'flags'],
    [
      'a quoted title with its speaker, where a paragraph opens',
      [line('Next up, Sofia Marchetti on “Kill Your Feature Flags”, to a full room.', { kind: 'quoted' })],
      'flags',
    ],
    [
      'the nearest of two titles, past lines that name nothing and a talk’s own sub-section',
      [
        line('Q&A'),
        line('Slides and video below'),
        heading('Observability on a Budget'),
        heading('Kill Your Feature Flags'),
      ],
      'budget',
    ],
    [
      'a chat’s title message past notes messages of the same look (lower case, long)',
      [
        line(
          'she works on interlocking software, the part that decides whether two trains can be on one track',
          { style: 5 },
        ),
        line('venue is packed already', { style: 5 }),
        line('Kill Your Feature Flags — Sofia Marchetti', { style: 5 }),
      ],
      'flags',
    ],
    [
      'this year’s talk beside last year’s of the same title, the page dated this year',
      [heading('Fitness Functions in Practice')],
      'fitness24',
    ],
  ])('%s', (_, lines, expected) => {
    expect(filed(lines)).toMatchObject({ kind: 'match', talkId: expected });
  });
});

describe('fileClipByLines: look-alikes are offered or left, never filed silently', () => {
  it.each([
    [
      'a title that is a prefix of another',
      [heading('Scaling Postgres Replication')],
      ['replication', 'replication-prod'],
    ],
    [
      'the same speaker’s other talk, shortened',
      [heading('Feature Flags — Sofia Marchetti')],
      ['flags-ws', 'flags'],
    ],
  ])('offers %s', (_, lines, candidates) => {
    const offered = filed(lines);
    expect(offered.kind).toBe('offer');
    expect(offered.kind === 'offer' && [...offered.talkIds].sort()).toEqual([...candidates].sort());
  });

  it.each([
    ['two “Lightning talks” (a line over talks of another form)', [heading('Lightning talks')]],
    [
      'a title mentioned in passing in a sentence (no speaker beside it)',
      [line('Unlike last year, nobody mentioned “Kill Your Feature Flags” at lunch.', { kind: 'quoted' })],
    ],
    ['a break line between the title and the clip', [heading('Lunch'), heading('Kill Your Feature Flags')]],
    [
      'a line that ends every talk (a block opening with a break)',
      [line('Coffee break. The stroopwafels are gone.', { kind: 'end' }), heading('Kill Your Feature Flags')],
    ],
    [
      'a heading of the same rank that names no schedule talk between (a talk of no schedule)',
      [heading('Our own meetup talk on caching'), heading('Kill Your Feature Flags')],
    ],
    [
      'a line of the same look that names no schedule talk between',
      [line('A talk of no schedule', { style: 5 }), line('Kill Your Feature Flags', { style: 5 })],
    ],
    [
      'an unsure line that is not the nearest (offered only right above the clip)',
      [line('Slides and video below'), heading('Scaling Postgres Replication')],
    ],
    ['a title in a list item the clip is not in', [line('Kill Your Feature Flags', { enclosed: true })]],
    [
      'times running backwards (a live blog, newest first)',
      [line('13:20 Eluned Price'), heading('14:00 — Kill Your Feature Flags')],
    ],
  ])('%s', (_, lines) => {
    expect(filed(lines)).toEqual({ kind: 'none' });
  });

  it('files nothing where the page does not fit the conference', () => {
    const lines = [heading('Kill Your Feature Flags')];
    // Neither named nor dated: a confident title alone is not enough.
    expect(filed(lines, { pageDate: null, context: 'My blog' })).toEqual({ kind: 'none' });
    // Dated years after, naming it: last year's write-up read again is no write-up of this talk.
    expect(filed(lines, { pageDate: '2027-01-10', context: 'Craft Conference 2024' })).toEqual({
      kind: 'none',
    });
    // Dated during it without naming it: the date is enough.
    expect(filed(lines, { pageDate: '2024-05-31', context: 'My blog' })).toMatchObject({ kind: 'match' });
  });

  it('files nothing from no lines, or lines that name no talk', () => {
    expect(filed([])).toEqual({ kind: 'none' });
    expect(filed([heading('What I had for breakfast'), line('Thanks for reading')])).toEqual({
      kind: 'none',
    });
  });
});

describe('fileClipByLines: a line read every way detection reads one, its people as evidence', () => {
  it.each([
    [
      'a quoted title, shortened, with its speaker before it, after a kicker',
      [line('Hotuba kuu ya ufunguzi: Neema Mwakyusa — “Django for the Next Billion Users”')],
      'billion',
    ],
    [
      'a quoted title with its speaker after a joining word',
      [line('Baada ya chakula cha mchana: “Observability on a Budget” na Daniel Okafor')],
      'budget',
    ],
    [
      'a quoted title in a heading beside a first name (no name to agree or disagree)',
      [heading('Dani om “Observability on a Budget”')],
      'budget',
    ],
    [
      'a shortened title after a kicker and its speaker',
      [line('Bonus: Neema Mwakyusa, Django for the Next Billion Users')],
      'billion',
    ],
    [
      'a card’s title past its speaker line (a table row: title, speaker, notes)',
      [line('Daniel Okafor', { style: 2 }), line('Keynote: “Observability on a Budget”', { style: 2 })],
      'budget',
    ],
    [
      'a card’s title past its speaker line with an affiliation',
      [line('Ana Lima (Acme)', { style: 2 }), line('Scaling Postgres Replication', { style: 2 })],
      'replication',
    ],
  ])('files %s', (_, lines, expected) => {
    expect(filed(lines)).toMatchObject({ kind: 'match', talkId: expected });
  });

  it.each([
    [
      'a speaker line of another person between (another talk’s card starts there)',
      [line('Ben Ode', { style: 2 }), line('Kill Your Feature Flags', { style: 2 })],
    ],
    [
      'a speaker line that is not the talk’s, before a prefix of another title',
      [line('Sofia Marchetti', { style: 2 }), line('Scaling Postgres Replication', { style: 2 })],
    ],
    [
      'a quoted title in a heading beside a first name, a prefix of another title',
      [heading('Ana om “Scaling Postgres Replication”')],
    ],
    [
      'a quoted title with another person after it',
      [line('After lunch: “Kill Your Feature Flags” by Ben Ode')],
    ],
  ])('files nothing under %s', (_, lines) => {
    expect(filed(lines).kind).not.toBe('match');
  });

  it('still offers the same speaker’s other talk, its title shortened and quoted with the speaker', () => {
    const offered = filed([line('Next: Sofia Marchetti — “Feature Flags”')]);
    expect(offered.kind).toBe('offer');
  });

  it('files nothing under a shortened title quoted with another person', () => {
    expect(filed([line('Hotuba kuu: Ben Ode — “Django for the Next Billion Users”')]).kind).not.toBe('match');
    expect(filed([line('Bonus: Ben Ode, Django for the Next Billion Users')]).kind).not.toBe('match');
  });
});

describe('fileClipByLines: a single-talk post’s title, the farthest line', () => {
  const title = (text: string) => line(text, { kind: 'title', style: 0 });
  // The post's own sub-sections between its title and the clip, which name no talk: a part of a
  // talk's own ("The demo") and a heading of the post's.
  const below = [heading('Where the money went', 2), heading('The demo', 2)];
  // The same post under a title of one talk is filed: what a refusal below refuses is the title.
  const filedUnderItsTalk = () =>
    expect(filed([...below, title('Kill Your Feature Flags')])).toMatchObject({
      kind: 'match',
      talkId: 'flags',
    });

  it.each([
    ['the title alone, past its sub-sections', 'Kill Your Feature Flags', 'flags'],
    ['the title with its speaker', 'Sofia Marchetti on “Kill Your Feature Flags”', 'flags'],
    [
      'a quoted title, its speaker and the conference',
      'Notes: “Observability on a Budget” – Daniel Okafor at Craft Conference 2024',
      'budget',
    ],
  ])('files %s', (_, text, expected) => {
    expect(filed([...below, title(text)])).toMatchObject({ kind: 'match', talkId: expected });
  });

  it.each([
    ['a multi-talk recap’s title', 'Craft Conference 2024: four talks worth your evening'],
    [
      'a title naming a talk among others',
      'From Kill Your Feature Flags to Observability: my favourite talks',
    ],
    ['a recap title of highlights', 'Kill Your Feature Flags and other highlights'],
    ['a title that is the conference’s name only', 'Craft Conference 2024'],
  ])('files nothing under %s', (_, text) => {
    filedUnderItsTalk();
    expect(filed([...below, title(text)])).toEqual({ kind: 'none' });
    // Nor as the clip's only line, where nothing between could end its reach.
    expect(filed([title(text)])).toEqual({ kind: 'none' });
  });

  it.each([
    ['a title naming two talks', 'Kill Your Feature Flags / Observability on a Budget'],
    ['a title whose speaker is another', 'Ben Ode on “Kill Your Feature Flags”'],
  ])('files nothing under %s: at most offered, and only as the clip’s only line', (_, text) => {
    filedUnderItsTalk();
    expect(filed([...below, title(text)])).toEqual({ kind: 'none' });
    expect(filed([title(text)]).kind).toBe('offer');
  });

  it('files nothing under last year’s edition’s talk on a page dated years later', () => {
    // This year's talk of that title, on a page dated during it, is filed.
    expect(filed([...below, title('Fitness Functions in Practice')])).toMatchObject({ talkId: 'fitness24' });
    const page = { pageDate: '2026-03-01', context: 'Craft Conference' };
    expect(filed([...below, title('Fitness Functions in Practice')], page)).toEqual({ kind: 'none' });
    expect(filed([title('Fitness Functions in Practice')], page)).toEqual({ kind: 'none' });
  });

  it('files nothing past a structure line or a line that names another schedule talk', () => {
    const post = title('Kill Your Feature Flags');
    filedUnderItsTalk();
    expect(filed([heading('Other talks I liked', 2), post])).toEqual({ kind: 'none' });
    expect(filed([line('Coffee break. Back at 11.', { kind: 'end' }), post])).toEqual({ kind: 'none' });
    // The nearer line decides: its talk, not the title's.
    expect(filed([heading('Observability on a Budget'), post])).toMatchObject({ talkId: 'budget' });
    expect(filed([line('Observability on a Budget', { enclosed: true }), post])).toEqual({ kind: 'none' });
  });
});

describe('fileClipByLines: only the nearest talk’s line files (session 15)', () => {
  it.each([
    [
      'a talk of no schedule between, with its speaker, of another look',
      [line('Ask Me Anything — Priya Natarajan', { style: 6 }), heading('Kill Your Feature Flags')],
    ],
    [
      'a talk of no schedule between, with a marker',
      [line('Keynote: The Future of Everything', { style: 6 }), heading('Kill Your Feature Flags')],
    ],
    [
      'a talk of no schedule between, after its session code',
      [line('ARC305 Writing Better Runbooks', { style: 6 }), heading('Kill Your Feature Flags')],
    ],
  ])('files nothing past %s', (_, lines) => {
    expect(filed(lines)).toEqual({ kind: 'none' });
  });

  it.each([
    [
      'another schedule talk’s speaker line between',
      [line('Daniel Okafor (Acme)', { style: 6 }), heading('Kill Your Feature Flags')],
      ['budget', 'flags'],
    ],
    [
      'another schedule talk’s title inside a longer line between',
      [
        line('Questions went back to Observability on a Budget', { style: 6 }),
        heading('Kill Your Feature Flags'),
      ],
      ['budget', 'flags'],
    ],
  ])('offers, not files, %s', (_, lines, candidates) => {
    expect(filed(lines)).toMatchObject({ kind: 'offer', talkIds: candidates });
  });

  it.each([
    [
      'the talk’s own speaker line between',
      [line('Sofia Marchetti', { style: 6 }), heading('Kill Your Feature Flags')],
    ],
    [
      'another schedule talk’s title above the line (the talk before)',
      [
        line('The demo', { style: 6 }),
        heading('Kill Your Feature Flags'),
        heading('Observability on a Budget'),
      ],
    ],
    [
      'a sub-heading of the talk between',
      [line('The demo', { style: 6 }), heading('Kill Your Feature Flags')],
    ],
    [
      'a line of the talk’s own section with a time only',
      [line('14:35 live demo', { style: 6 }), heading('Kill Your Feature Flags')],
    ],
  ])('still files past %s', (_, lines) => {
    expect(filed(lines)).toMatchObject({ kind: 'match', talkId: 'flags' });
  });
});
