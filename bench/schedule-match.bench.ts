/**
 * The schedule matcher at the size issue 13 names: 10 imported conferences of 1,000 talks each
 * (generated with real schedules' vocabulary), in Node, no browser. Times `buildScheduleIndex`, one
 * `matchTalk` per clip (titles as write-ups give them: case, quotes, a dropped subtitle, a typo, a
 * speaker suffix), one `fileClipByLines` per clip of a write-up no detection reads (the title as the
 * farthest of eight lines above the clip, the nearer seven naming nothing: the most matching a clip
 * can cost) and one `searchScheduleTalks` per keystroke-sized query; prints medians. Fails if a
 * generated query or clip is filed under a wrong talk.
 * Run alone: `npx vitest run --project bench bench/schedule-match.bench.ts`.
 */
import { performance } from 'node:perf_hooks';
import { expect, it } from 'vitest';
import type { ClipLine } from '../core/schedule/clip-lines';
import { fileClipByLines } from '../core/schedule/file-by-lines';
import { matchTalk, type TalkQuery } from '../core/schedule/match';
import { buildScheduleIndex, type MatchableTalk } from '../core/schedule/schedule-index';
import { searchScheduleTalks } from '../core/schedule/search';
import { seededRandom } from '../tests/seeded-random';
import { generateSchedules } from '../tests/unit/core/schedule/matchable-schedules';
import { percentile, summarize, table } from './stats';

const CONFERENCES = 10;
const TALKS_EACH = 1000;
const QUERIES = 2000;
const BUILDS = 5;

/** The title as a write-up might give it. */
function asWrittenUp(talk: MatchableTalk, random: () => number): string {
  const t = talk.title;
  switch (Math.floor(random() * 6)) {
    case 0:
      return t.toLowerCase();
    case 1:
      return `“${t}”`;
    case 2:
      return t.split(': ')[0]!;
    case 3:
      return `${t} — ${talk.speakers[0] ?? 'Jane Doe'}`;
    case 4:
      return t.replace(/([a-z])([a-z])([a-z]{3,})/, '$2$1$3');
    default:
      return t;
  }
}

it('times index build, matching and search over 10 × 1,000 talks', () => {
  const { conferences, talks } = generateSchedules(CONFERENCES, TALKS_EACH, 13);
  const builds: number[] = [];
  const searchBuilds: number[] = [];
  let index = buildScheduleIndex(conferences, talks);
  for (let i = 0; i < BUILDS; i++) {
    const t0 = performance.now();
    index = buildScheduleIndex(conferences, talks);
    builds.push(performance.now() - t0);
    // The first search prepares the search terms (once per index).
    const t1 = performance.now();
    searchScheduleTalks(index, 'kubernetes');
    searchBuilds.push(performance.now() - t1);
  }

  const random = seededRandom(99);
  const real = talks.filter((t) => !t.housekeeping);
  const confEnd = new Map(conferences.map((c) => [c.id, c.end!]));
  const queries: { query: TalkQuery; id: string }[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const talk = real[Math.floor(random() * real.length)]!;
    const end = confEnd.get(talk.conferenceId)!;
    queries.push({
      id: talk.id,
      query: {
        title: asWrittenUp(talk, random),
        speakers: random() < 0.6 ? talk.speakers : [],
        pageDate: random() < 0.7 ? `${end.slice(0, 8)}2${end.slice(9)}` : null,
      },
    });
  }
  // Warm up the JIT on a tenth of the queries, then time each one.
  for (const { query } of queries.slice(0, QUERIES / 10)) matchTalk(index, query);
  const matchTimes: number[] = [];
  const outcomes = { right: 0, wrong: 0, offeredWithRight: 0, offeredWithout: 0, none: 0 };
  for (const { query, id } of queries) {
    const t0 = performance.now();
    const result = matchTalk(index, query);
    matchTimes.push(performance.now() - t0);
    if (result.kind === 'match') outcomes[result.talkId === id ? 'right' : 'wrong']++;
    else if (result.kind === 'ambiguous')
      outcomes[result.candidates.some((c) => c.talkId === id) ? 'offeredWithRight' : 'offeredWithout']++;
    else outcomes.none++;
  }

  // Eight lines above each clip, the title farthest: a `matchTalk` per line, each an index lookup.
  const filler = ['ana 11:02', 'Slides and video below', 'Copy link', 'Posted in Notes', 'Share on Mastodon'];
  const asLine = (text: string, i: number): ClipLine => ({
    text,
    kind: 'line',
    level: 0,
    style: i,
    enclosed: false,
  });
  const lineTimes: number[] = [];
  const lineOutcomes = { right: 0, wrong: 0, offered: 0, none: 0 };
  for (const [n, { query, id }] of queries.entries()) {
    const lines = [
      ...Array.from({ length: 7 }, (_, i) => asLine(`${filler[(n + i) % filler.length]} ${i}`, i)),
      asLine(query.title, 7),
    ];
    const page = { pageDate: query.pageDate, context: null };
    const t0 = performance.now();
    const filed = fileClipByLines(index, lines, page);
    lineTimes.push(performance.now() - t0);
    if (filed.kind === 'match') lineOutcomes[filed.talkId === id ? 'right' : 'wrong']++;
    else lineOutcomes[filed.kind === 'offer' ? 'offered' : 'none']++;
  }

  const searches = queries.map(({ query }, i) => {
    const words = query.title.split(/\s+/).filter((w) => w.length > 3);
    const typed = words.slice(0, 2).join(' ');
    // Half the searches end mid-word, as while typing; some name a speaker.
    const speaker = i % 3 === 0 ? ` ${(query.speakers[0] ?? '').split(' ')[1] ?? ''}` : '';
    return i % 2 ? `${typed}${speaker}` : `${typed}${speaker}`.slice(0, -2);
  });
  for (const text of searches.slice(0, QUERIES / 10)) searchScheduleTalks(index, text);
  const searchTimes: number[] = [];
  for (const text of searches) {
    const t0 = performance.now();
    searchScheduleTalks(index, text, 10);
    searchTimes.push(performance.now() - t0);
  }

  const row = (name: string, values: number[]) => {
    const s = summarize(values);
    return [name, s.median, percentile(values, 90), s.max, s.runs];
  };
  console.log(
    `\n## Schedule matching: ${CONFERENCES} conferences × ${TALKS_EACH} talks (${index.talks.length} indexed)\n`,
    table(
      ['what', 'median ms', 'p90 ms', 'max ms', 'runs'],
      [
        row('buildScheduleIndex', builds),
        row('first search (prepares its terms)', searchBuilds),
        row('matchTalk', matchTimes),
        row('fileClipByLines (8 lines)', lineTimes),
        row('searchScheduleTalks', searchTimes),
      ],
    ),
    `\nmatch outcomes on generated write-up titles (not an accuracy measure): ${JSON.stringify(outcomes)}`,
    `\nline filings of the same titles (a page that names no conference: dated ones only): ${JSON.stringify(lineOutcomes)}`,
  );
  expect(outcomes.wrong).toBe(0);
  expect(lineOutcomes.wrong).toBe(0);
});
