import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { clipLead } from '@/core/schedule/clip-lead';
import { type ClipPlace, guardClip, placeOfHighlight } from '@/core/schedule/clip-guard';
import type { ClipLine } from '@/core/schedule/clip-lines';
import { buildScheduleIndex, type MatchableTalk } from '@/core/schedule/schedule-index';

const talk = (id: string, conferenceId: string, title: string, speakers: string[]): MatchableTalk => ({
  id,
  conferenceId,
  title,
  subtitle: null,
  speakers,
  start: '2024-05-30T10:00:00+02:00',
  day: '2024-05-30',
  housekeeping: false,
});

const index = buildScheduleIndex(
  [
    { id: 'craft', title: 'Craft Conference 2024', acronym: null, start: '2024-05-30', end: '2024-05-31' },
    { id: 'other', title: 'Other Conf 2024', acronym: null, start: '2024-05-30', end: '2024-05-31' },
  ],
  [
    talk('fitness', 'craft', 'Fitness Functions in Practice', ['Balázs Nagy', 'Réka Tóth']),
    talk('budget', 'craft', 'Observability on a Budget: Cutting the Bill by Two Thirds', ['Daniel Okafor']),
    talk('flags', 'craft', 'Kill Your Feature Flags (Before They Kill You)', ['Sofia Marchetti']),
    talk('keynote', 'craft', 'People Are Not Resources', ['Eszter Kovács']),
    talk('queries', 'craft', 'Container Queries in Practice', ['Taras Bondarenko']),
    // Another conference's talk: never named for a clip of this one.
    talk('elsewhere', 'other', 'Event Sourcing the Hard Way', ['Ola Persson']),
  ],
);

const place = (
  lead: string | null,
  text = 'They kept a list and only new violations fail the build.',
  like = false,
) => ({ text, lead, leadLikeHeading: like }) satisfies ClipPlace;

describe('guardClip: a clip whose lead names another talk of the conference is offered', () => {
  it.each([
    ['the next talk by its title', place('Observability on a Budget'), ['budget', 'fitness']],
    ['a title after a time and room', place('14:20, B terem: Kill Your Feature Flags'), ['flags', 'fitness']],
    [
      'a speaker of another talk (name order reversed)',
      place('Előadó: Okafor Daniel (Acme)'),
      ['budget', 'fitness'],
    ],
    [
      'a first name credited in brackets, another script',
      place('Бліц-доповідь: «Контейнерні запити» (Тарас)'),
      ['queries', 'fitness'],
    ],
    [
      'a heading the reader selected with the passage',
      place(null, 'Observability on a Budget\nEvery dashboard has an owner.'),
      ['budget', 'fitness'],
    ],
    [
      'a line styled as the section heading that names no talk',
      place('Ebéd és standok', undefined, true),
      ['fitness'],
    ],
  ])('%s', (_, p, expected) => {
    expect(guardClip(index, 'fitness', p)).toEqual({ kind: 'offer', talkIds: expected });
  });
});

describe('guardClip: look-alikes keep the match', () => {
  it.each([
    ['no lead', place(null)],
    [
      'a passing mention of another talk inside the clip',
      place(null, 'As Daniel Okafor said in Observability on a Budget, dashboards rot.'),
    ],
    [
      'a mention in a one-line clip (no heading selected along)',
      place(null, 'Observability on a Budget was the better talk.'),
    ],
    ['a lead that is prose (ends a sentence)', place('We then went to see Observability on a Budget.')],
    ['a lead naming the matched talk itself', place('Fitness Functions in Practice – the Q&A')],
    ['the matched talk’s speaker line', place('Előadó: Nagy Balázs (Acme)')],
    [
      'a lead naming both (a speaker of both talks is no evidence)',
      place('Balázs Nagy and Fitness Functions'),
    ],
    ['a lead naming a talk of another conference', place('Event Sourcing the Hard Way')],
    ['a one-word overlap with a title', place('Practice notes')],
    [
      'a line styled like the heading that names the matched talk',
      place('Fitness Functions in Practice, part two', undefined, true),
    ],
    ['a short line not styled like the heading, naming nothing', place('Ebéd és standok', undefined, false)],
    ['a bracket crediting the matched talk’s speaker', place('Demo (Réka)')],
    [
      'a chat’s note message of the heading’s look, in lower case',
      place('she works on interlocking software for regional lines', undefined, true),
    ],
    [
      'a note of the heading’s look that runs past a title’s length',
      place(
        `Ebéd és standok, ${'a hosszú sor, amely egy üzenet és nem egy előadás címe, '.repeat(2)}`,
        undefined,
        true,
      ),
    ],
  ])('%s', (_, p) => {
    expect(guardClip(index, 'fitness', p)).toEqual({ kind: 'keep' });
  });

  it('keeps a match whose talk is in no conference of the index', () => {
    expect(guardClip(index, 'no-such-talk', place('Observability on a Budget'))).toEqual({ kind: 'keep' });
  });
});

describe('clipLead', () => {
  const doc = new JSDOM(`<body>
    <p class="c1"><span class="c2">„Fitness Functions in Practice” – Nagy Balázs</span></p>
    <p class="c1"><span class="c5">Előadó: Nagy Balázs</span></p>
    <p>They started with a list of violations.</p>
    <p class="c1"><span class="c2">Ebéd és standok</span></p>
    <p>Two companies asked who owns the platform.</p>
    <p class="c1"><span class="c2">Observability on a Budget</span></p>
    <p>Talk prose first.</p>
    <p id="clip">Every dashboard has an owner and an expiry date.</p>
    <p class="c1"><span class="c2">Later line</span></p>
  </body>`).window.document;
  const heading = doc.querySelector('p')!;
  const clip = (text: string) =>
    [...doc.querySelectorAll('p')].find((p) => p.textContent === text)!.firstChild!;

  it('is the nearest heading-like line above the clip, with whether it is styled as the heading', () => {
    expect(clipLead(heading, doc.getElementById('clip')!.firstChild!)).toEqual({
      text: 'Observability on a Budget',
      likeHeading: true,
    });
    expect(clipLead(heading, clip('They started with a list of violations.'))).toEqual({
      text: 'Előadó: Nagy Balázs',
      likeHeading: false,
    });
    expect(clipLead(heading, clip('Two companies asked who owns the platform.'))).toEqual({
      text: 'Ebéd és standok',
      likeHeading: true,
    });
  });

  // Session 15: a heading of the section's rank in its container, of another class ("What we could
  // not see" set as a role heading among the talks' role headings), is where the section ran past.
  it.each([
    [
      'a role heading of the same rank and another class',
      '<div role="heading" aria-level="2" class="Card Level2">What we could not see</div>',
      true,
    ],
    ['an <h2> under <h2> talks, another class', '<h2 class="aside">What we could not see</h2>', true],
    ['an <h3> under <h2> talks (a sub-heading)', '<h3>What we could not see</h3>', false],
    [
      'an <h2> inside a card the section holds',
      '<div class="card"><h2><a>Orla Keating</a></h2></div>',
      false,
    ],
  ])('%s', (_, line, like) => {
    const cards = new JSDOM(`<main>
      <div role="heading" aria-level="2" class="Card">Polars for people who think in Excel</div>
      <p>They showed a cheat sheet.</p>
      ${line}
      <p id="clip">We missed the lightning talks too.</p>
    </main>`).window.document;
    const lead = clipLead(cards.querySelector('[role=heading]')!, cards.getElementById('clip')!.firstChild!);
    expect(lead?.likeHeading).toBe(like);
  });

  it('is null right under the heading', () => {
    const first = new JSDOM('<h3>Talk</h3><p>Clip text.</p>').window.document;
    expect(clipLead(first.querySelector('h3')!, first.querySelector('p')!.firstChild!)).toBeNull();
  });
});

describe('placeOfHighlight: a stored highlight guarded by the lead the clipper stored with it', () => {
  const text = 'Every dashboard has an owner.';
  it('offers a highlight whose stored lead names another talk, and files one whose lead names its own', () => {
    const stored = {
      text,
      clipLead: { text: '14:20, B terem: Observability on a Budget', likeHeading: false },
    };
    expect(guardClip(index, 'fitness', placeOfHighlight(stored))).toEqual({
      kind: 'offer',
      talkIds: ['budget', 'fitness'],
    });
    const own = { text, clipLead: { text: 'Előadó: Nagy Balázs', likeHeading: false } };
    expect(guardClip(index, 'fitness', placeOfHighlight(own))).toEqual({ kind: 'keep' });
  });

  it('reads the heading-styled flag, and keeps a highlight clipped before leads were stored', () => {
    const lunch = { text, clipLead: { text: 'Ebéd és standok', likeHeading: true } };
    expect(guardClip(index, 'fitness', placeOfHighlight(lunch))).toEqual({
      kind: 'offer',
      talkIds: ['fitness'],
    });
    expect(placeOfHighlight({ text })).toEqual({ text, lead: null, leadLikeHeading: false });
    expect(guardClip(index, 'fitness', placeOfHighlight({ text }))).toEqual({ kind: 'keep' });
  });
});

describe('guardClip: a clip that opens on a meal (session 14)', () => {
  it.each([
    ['Lunch was tacos in the courtyard, and the queue went round the building.'],
    ['At lunch the hallway track was all about the keynote.'],
    ['دوپہر کے کھانے میں بریانی تھی اور قطار بہت لمبی۔'],
    ['Beim Mittagessen gab es Spätzle.'],
  ])('offers %s with the matched talk alone', (text) => {
    expect(guardClip(index, 'fitness', place(null, text))).toEqual({ kind: 'offer', talkIds: ['fitness'] });
  });

  it.each([
    [
      'a meal named later in the passage',
      'They kept the list short; over lunch we tried it on our own repo.',
    ],
    [
      'a talk whose words start like a meal word',
      'Lunchtime deploys are where fitness functions earn their keep.',
    ],
    ['a break that is no meal', 'Breaking the build on every new violation was the point.'],
  ])('keeps %s', (_, text) => {
    expect(guardClip(index, 'fitness', place(null, text))).toEqual({ kind: 'keep' });
  });
});

describe('guardClip: every line between the section’s own line and the clip (session 15)', () => {
  const line = (text: string, kind: ClipLine['kind'] = 'heading', level = 3, style = 0): ClipLine => ({
    text,
    kind,
    level,
    style,
    enclosed: false,
  });
  const own = line('Fitness Functions in Practice');
  const text = 'They kept a list and only new violations fail the build.';
  // The nearest lead names nothing and is not of the heading's look: the lead alone keeps the clip.
  const at = (
    between: ClipLine[],
    above: ClipLine[] = [own],
    sectionTitle = 'Fitness Functions in Practice',
  ) =>
    ({
      text,
      lead: between[0]?.text ?? null,
      leadLikeHeading: false,
      lines: [...between, ...above],
      sectionTitle,
    }) satisfies ClipPlace;
  const demo = line('Demo', 'heading', 4, 1);

  it.each([
    [
      'another talk’s title farther up than the lead',
      at([demo, line('Observability on a Budget', 'bold', 0, 2)]),
      ['budget', 'fitness'],
    ],
    [
      'another talk’s speaker line between',
      at([demo, line('Daniel Okafor (Acme)', 'line', 0, 3)]),
      ['budget', 'fitness'],
    ],
    [
      'a line of the section line’s own look that names nothing',
      at([demo, line('Building Better Toolchains')]),
      ['fitness'],
    ],
    [
      'a later programme slot than the section’s own, of another look',
      at(
        [demo, line('14:45 Building Better Toolchains', 'line', 0, 5)],
        [line('14:00 Fitness Functions in Practice')],
      ),
      ['fitness'],
    ],
  ])('offers %s', (_, place, expected) => {
    expect(guardClip(index, 'fitness', place)).toEqual({ kind: 'offer', talkIds: expected });
  });

  it.each([
    ['nothing between', at([])],
    ['the talk’s own sub-headings', at([demo, line('Results', 'heading', 4, 1)])],
    [
      'the talk’s notes quoting another talk’s title once, in a sentence',
      at([
        demo,
        line('She contrasted it with “Observability on a Budget” from the morning.', 'quoted', 0, 2),
      ]),
    ],
    ['a line of the section line’s look that is a part of the talk', at([demo, line('Q&A')])],
    [
      'a live blog’s entries after the section’s slot',
      at(
        [line('14:20 Q&A', 'line', 0, 5), line('14:05 she shows the demo', 'line', 0, 5)],
        [line('14:00 Fitness Functions in Practice')],
      ),
    ],
    [
      'a later time under a section line with no time',
      at([line('14:45 Building Better Toolchains', 'line', 0, 5)]),
    ],
    [
      'a line of the section line’s look naming the talk',
      at([demo, line('Fitness Functions in Practice, part two')]),
    ],
    [
      'another talk’s title above the section’s own line (the talk before)',
      at([demo], [own, line('Observability on a Budget')]),
    ],
    [
      'lines that do not reach the section’s own line',
      at([demo, line('Observability on a Budget', 'bold', 0, 2)], [], 'Fitness Functions in Practice'),
    ],
    [
      'lines past a structure line before the section’s own line',
      at([demo, line('Observability on a Budget', 'bold', 0, 2), line('Lunch', 'end', 0, 0)], []),
    ],
  ])('keeps %s', (_, place) => {
    expect(guardClip(index, 'fitness', place)).toEqual({ kind: 'keep' });
  });

  it('reads a stored highlight’s lines with its page talk’s title', () => {
    const stored = {
      text,
      clipLead: { text: 'Demo', likeHeading: false },
      clipLines: [demo, line('Observability on a Budget', 'bold', 0, 2), own],
    };
    expect(guardClip(index, 'fitness', placeOfHighlight(stored, 'Fitness Functions in Practice'))).toEqual({
      kind: 'offer',
      talkIds: ['budget', 'fitness'],
    });
    expect(guardClip(index, 'fitness', placeOfHighlight(stored))).toEqual({ kind: 'keep' });
  });
});
