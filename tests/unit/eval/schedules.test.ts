import { describe, expect, it } from 'vitest';
import { type MatchCandidate, matchTalk, type ScheduleMatch, type TalkQuery } from '@/core/schedule';
import type { SchedulePageCase } from '@/eval/schedules/cases';
import {
  addTallies,
  checkScheduleTargets,
  EMPTY_TALLY,
  evaluateSchedulePage,
  judge,
  type Matcher,
  type MatchOutcome,
  outcomeOf,
  tally,
  totalSchedulePages,
} from '@/eval/schedules/evaluate';
import { type PageQueryInfo, pageQueryInfo } from '@/eval/schedules/page-query';
import { describeQuery, formatFailures, tallyCell } from '@/eval/schedules/report';
import { importSchedules, parseScheduleFiles } from '@/eval/schedules/schedules';
import type { RecapCase } from '@/eval/talks/cases';
import { event, schedule } from '../schedule-fixtures';
import type { TalkDetector } from '@/eval/talks/evaluate';
import { doc, type FakeSection, fakeDetector } from './fake-detector';

const PAGE = `
  <h1>Conf 2024: my notes</h1>
  <p>Intro paragraph that belongs to no talk.</p>
  <h2>Alpha Talk</h2>
  <p>Alpha said one thing.</p>
  <h2>Beta Talk</h2>
  <p>Beta said another.</p>
  <h2>Gamma Talk</h2>
  <p>Gamma was a lightning talk.</p>
  <h2>Wrapping up</h2>
  <p>See you next year.</p>`;

const RECAP: RecapCase = {
  file: 'tiny.html',
  platform: 'hand-made',
  kind: 'multi-talk',
  postTitle: 'Conf 2024: my notes',
  talks: [
    { title: 'Alpha Talk', speakers: ['Ann Lee'], heading: 'Alpha Talk' },
    { title: 'Beta Talk', speakers: ['Bo Kim'], heading: 'Beta Talk' },
    { title: 'Gamma Talk', speakers: ['Cy Park'], heading: 'Gamma Talk' },
  ],
  passages: [
    { text: 'Intro paragraph that belongs to no talk.', talk: null },
    { text: 'Alpha said one thing.', talk: 'Alpha Talk' },
    { text: 'Beta said another.', talk: 'Beta Talk' },
    { text: 'Gamma was a lightning talk.', talk: 'Gamma Talk' },
    { text: 'See you next year.', talk: null },
  ],
};

const talkCase = (pageTitle: string, scheduleId: string | null) => ({
  pageTitle,
  scheduleFile: scheduleId === null ? null : 'conf.json',
  scheduleId,
  officialTitle: null,
  why: '',
});

const CASE: SchedulePageCase = {
  page: 'tiny.html',
  pageDate: '2024-05-02',
  conference: 'Conf 2024',
  schedules: ['conf.json', 'other.ics'],
  talks: [talkCase('Alpha Talk', 'a'), talkCase('Beta Talk', 'b'), talkCase('Gamma Talk', null)],
};

const PAGE_INFO: PageQueryInfo = {
  pageDate: '2024-05-02',
  dateSource: 'page-metadata',
  metadataDate: '2024-05-02',
  context: 'Conf 2024: my notes https://blog.example/conf',
  url: 'https://blog.example/conf',
  title: 'Conf 2024: my notes',
};

const candidate = (talkId: string, confidence = 0.7): MatchCandidate => ({
  talkId,
  confidence,
  evidence: {
    title: 'exact',
    titleScore: 1,
    speakers: 'unknown',
    date: 'during',
    conferenceNamed: 'unknown',
  },
});
const matched = (talkId: string): ScheduleMatch => ({ kind: 'match', ...candidate(talkId, 0.95) });
const offered = (...talkIds: string[]): ScheduleMatch => ({
  kind: 'ambiguous',
  candidates: talkIds.map((id) => candidate(id)),
});

/** A stand-in matcher: answers by the query's title (none for any other), and remembers every query. */
function fakeMatcher(answers: Record<string, ScheduleMatch | ((q: TalkQuery) => ScheduleMatch)>) {
  const queries: TalkQuery[] = [];
  const matcher: Matcher = (q) => {
    queries.push(q);
    const a = answers[q.title];
    return typeof a === 'function' ? a(q) : (a ?? { kind: 'none' });
  };
  return { matcher, queries };
}

const A = 'conf.json#a';
const B = 'conf.json#b';

function run(
  detector = fakeDetector('h2:not(:last-of-type)', { speakers: [['Ann Lee'], ['Bo Kim'], ['Cy Park']] }),
  answers: Parameters<typeof fakeMatcher>[0] = { 'Alpha Talk': matched(A), 'Beta Talk': matched(B) },
) {
  const { matcher, queries } = fakeMatcher(answers);
  const result = evaluateSchedulePage({
    document: doc(PAGE),
    recap: RECAP,
    schedule: CASE,
    page: PAGE_INFO,
    detector,
    matcher,
  });
  return { result, queries };
}

describe('judge', () => {
  const none: MatchOutcome = outcomeOf({ kind: 'none' });
  it.each([
    ['a match of the expected talk', outcomeOf(matched(A)), A, 'right', false],
    ['a match of another talk', outcomeOf(matched(B)), A, 'wrong', false],
    ['a match where none is expected', outcomeOf(matched(B)), null, 'wrong', false],
    ['candidates with the expected talk', outcomeOf(offered(B, A)), A, 'offered', true],
    ['candidates without it', outcomeOf(offered(B)), A, 'offered', false],
    ['candidates where none is expected', outcomeOf(offered(B)), null, 'offered', false],
    ['none where a talk is expected', none, A, 'missed', false],
    ['none where none is expected', none, null, 'right', false],
    ['no page talk (not matched at all) where a talk is expected', null, A, 'missed', false],
    ['no page talk where none is expected', null, null, 'right', false],
  ] as const)('%s', (_name, outcome, expected, verdict, rightAmongCandidates) => {
    expect(judge(outcome, expected)).toEqual({ verdict, rightAmongCandidates });
  });

  it('keeps what the matcher said', () => {
    expect(outcomeOf(matched(A))).toMatchObject({
      kind: 'match',
      chosen: A,
      confidence: 0.95,
      candidates: [],
    });
    const o = outcomeOf(offered(B, A));
    expect([o.kind, o.chosen, o.confidence, o.candidates.map((c) => c.talkId)]).toEqual([
      'ambiguous',
      null,
      0.7,
      [B, A],
    ]);
    expect(none).toEqual({ kind: 'none', chosen: null, confidence: null, candidates: [], evidence: null });
  });
});

describe('tally', () => {
  it('counts verdicts, and offers with the right talk among them apart', () => {
    const t = tally([
      { verdict: 'right', rightAmongCandidates: false },
      { verdict: 'offered', rightAmongCandidates: true },
      { verdict: 'offered', rightAmongCandidates: false },
      { verdict: 'missed', rightAmongCandidates: false },
      { verdict: 'wrong', rightAmongCandidates: false },
    ]);
    expect(t).toEqual({ total: 5, right: 1, wrong: 1, offered: 2, offeredWithRight: 1, missed: 1 });
    expect(addTallies(t, t)).toEqual({
      total: 10,
      right: 2,
      wrong: 2,
      offered: 4,
      offeredWithRight: 2,
      missed: 2,
    });
    expect(tally([])).toEqual(EMPTY_TALLY);
    expect(tallyCell(t)).toBe('1/5 w1 o2(1) m1');
    expect(tallyCell(EMPTY_TALLY)).toBe('—');
  });
});

describe('evaluateSchedulePage', () => {
  it('scores a perfect detector and matcher as perfect, and asks as the product does', () => {
    const { result, queries } = run();
    expect(result.endToEnd.clips).toMatchObject({ total: 5, right: 5 });
    expect(result.endToEnd.scheduledClips).toMatchObject({ total: 2, right: 2 });
    expect(result.endToEnd.talkClips).toMatchObject({ total: 3, right: 3 });
    expect(result.endToEnd.talklessClips).toMatchObject({ total: 2, right: 2 });
    expect(result.endToEnd.talks).toMatchObject({ total: 3, right: 3 });
    expect(result.matcherOnly.clips).toMatchObject({ total: 3, right: 3 });
    expect(result.matcherOnly.scheduledClips).toMatchObject({ total: 2, right: 2 });
    expect(result.matcherOnly.talks).toMatchObject({ total: 3, right: 3 });
    expect(result.passages.map((p) => [p.expected, p.section, p.detectionRight])).toEqual([
      [null, null, true],
      [A, 0, true],
      [B, 1, true],
      [null, 2, true],
      [null, null, true],
    ]);
    expect(result.talks.map((t) => t.endToEnd.section)).toEqual([0, 1, 2]);
    // one query per detected section (end to end), then one per ground-truth talk (matcher only)
    expect(queries.map((q) => q.title)).toEqual([
      'Alpha Talk',
      'Beta Talk',
      'Gamma Talk',
      'Alpha Talk',
      'Beta Talk',
      'Gamma Talk',
    ]);
    expect(queries[0]).toEqual({
      title: 'Alpha Talk',
      speakers: ['Ann Lee'],
      pageDate: '2024-05-02',
      context: PAGE_INFO.context,
    });
    expect(result).toMatchObject({
      pageDate: '2024-05-02',
      dateSource: 'page-metadata',
      casesPageDate: '2024-05-02',
    });
  });

  it('judges wrong, offered and missed the same way in both pipelines when detection is right', () => {
    const { result } = run(undefined, {
      'Alpha Talk': offered('other.ics#x', A),
      'Beta Talk': matched('conf.json#x'),
      'Gamma Talk': matched('conf.json#lightning'),
    });
    const verdicts = result.passages.map((p) => [p.endToEnd.verdict, p.matcherOnly?.verdict ?? null]);
    expect(verdicts).toEqual([
      ['right', null],
      ['offered', 'offered'],
      ['wrong', 'wrong'],
      // a talk in no schedule filed silently under a container event is wrong
      ['wrong', 'wrong'],
      ['right', null],
    ]);
    expect(result.passages[1]!.endToEnd).toMatchObject({
      rightAmongCandidates: true,
      candidates: ['other.ics#x', A],
    });
    expect(result.passages[2]!.endToEnd.chosen).toBe('conf.json#x');
    expect(result.endToEnd.clips).toEqual({
      total: 5,
      right: 2,
      wrong: 2,
      offered: 1,
      offeredWithRight: 1,
      missed: 0,
    });
    expect(result.endToEnd.scheduledClips).toEqual({
      total: 2,
      right: 0,
      wrong: 1,
      offered: 1,
      offeredWithRight: 1,
      missed: 0,
    });
    expect(result.matcherOnly.talks).toEqual(result.endToEnd.talks);
  });

  it('tells detection’s errors from the matcher’s: a talk not detected is missed end to end only', () => {
    const { result } = run(fakeDetector('h2:first-of-type', { speakers: [['Ann Lee']] }));
    const beta = result.passages[2]!;
    expect([beta.section, beta.detectionRight, beta.endToEnd.verdict, beta.matcherOnly?.verdict]).toEqual([
      null,
      false,
      'missed',
      'right',
    ]);
    expect(result.talks.map((t) => [t.endToEnd.section, t.endToEnd.verdict, t.matcherOnly.verdict])).toEqual([
      [0, 'right', 'right'],
      [null, 'missed', 'right'],
      // not detected, in no schedule: under no schedule talk, as expected
      [null, 'right', 'right'],
    ]);
    expect(result.endToEnd.clips).toMatchObject({ total: 5, right: 4, missed: 1 });
    expect(result.matcherOnly.clips).toMatchObject({ total: 3, right: 3 });
  });

  it('matches end to end with the detected title and speakers, and matcher only with the ground truth’s', () => {
    const needsAnn = (q: TalkQuery): ScheduleMatch =>
      q.speakers.includes('Ann Lee') ? matched(A) : { kind: 'ambiguous', candidates: [candidate('x#y')] };
    const { result } = run(fakeDetector('h2:not(:last-of-type)', { titles: ['Alpha Talk — Ann Lee'] }), {
      'Alpha Talk — Ann Lee': needsAnn,
      'Alpha Talk': needsAnn,
      'Beta Talk': matched(B),
    });
    expect(result.sections[0]!.query).toMatchObject({ title: 'Alpha Talk — Ann Lee', speakers: [] });
    expect(result.sections[0]!.talk).toBe('Alpha Talk');
    expect(result.talks[0]!.matcherOnly.query).toMatchObject({ title: 'Alpha Talk', speakers: ['Ann Lee'] });
    expect(result.passages[1]!.endToEnd).toMatchObject({ verdict: 'offered', rightAmongCandidates: false });
    expect(result.passages[1]!.matcherOnly?.verdict).toBe('right');
    expect(result.endToEnd.talks).toMatchObject({ offered: 1, offeredWithRight: 0 });
  });

  it('offers, not files, a clip the end-to-end guard stops in a section that ran over the next talk', () => {
    // Detection found Alpha only, and its section runs to the end: Beta's clip is filed under it.
    const overrun: TalkDetector<FakeSection> = {
      detect: (d) => [{ heading: d.querySelector('h2')!, title: 'Alpha Talk', speakers: ['Ann Lee'] }],
      talkFor: (sections, node) =>
        sections[0]!.heading.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING
          ? sections[0]!
          : null,
    };
    const { matcher } = fakeMatcher({ 'Alpha Talk': matched(A) });
    const asked: string[] = [];
    const input = {
      document: doc(PAGE),
      recap: RECAP,
      schedule: CASE,
      page: PAGE_INFO,
      detector: overrun,
      matcher,
    };
    const unguarded = evaluateSchedulePage(input);
    expect(unguarded.passages[2]!.endToEnd.verdict).toBe('wrong');
    const guard = (section: FakeSection, node: Node, text: string, matchedId: string) => {
      asked.push(`${section.title}|${matchedId}|${text}|${node.textContent}`);
      return text.startsWith('Beta') ? [B, matchedId] : null;
    };
    const guarded = evaluateSchedulePage({ ...input, guard, guardInExtension: true });
    expect(guarded.passages.map((p) => p.endToEnd.verdict)).toEqual([
      'right',
      'right',
      'offered',
      'wrong',
      'wrong',
    ]);
    expect(guarded.passages[2]!.endToEnd).toMatchObject({ rightAmongCandidates: true, candidates: [B, A] });
    expect(guarded.withGuard).toBeNull();
    expect(guarded.passages[2]!.withGuard).toBeNull();
    // Asked for each clip of the matched section, with the clip's text and node, never for a clip of no section.
    expect(asked).toEqual([
      `Alpha Talk|${A}|Alpha said one thing.|Alpha said one thing.`,
      `Alpha Talk|${A}|Beta said another.|Beta said another.`,
      `Alpha Talk|${A}|Gamma was a lightning talk.|Gamma was a lightning talk.`,
      `Alpha Talk|${A}|See you next year.|See you next year.`,
    ]);
  });

  it('keeps the clip guard out of end to end while the extension does not apply it, and reports it apart', () => {
    const overrun: TalkDetector<FakeSection> = {
      detect: (d) => [{ heading: d.querySelector('h2')!, title: 'Alpha Talk', speakers: ['Ann Lee'] }],
      talkFor: (sections, node) =>
        sections[0]!.heading.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING
          ? sections[0]!
          : null,
    };
    const { matcher } = fakeMatcher({ 'Alpha Talk': matched(A) });
    const input = {
      document: doc(PAGE),
      recap: RECAP,
      schedule: CASE,
      page: PAGE_INFO,
      detector: overrun,
      matcher,
    };
    const unguarded = evaluateSchedulePage(input);
    const apart = evaluateSchedulePage({
      ...input,
      guard: (_s: FakeSection, _n: Node, text: string, matchedId: string) =>
        text.startsWith('Beta') ? [B, matchedId] : null,
    });
    // End to end is what the extension does: the same as without the guard.
    expect(apart.endToEnd).toEqual(unguarded.endToEnd);
    expect(apart.passages.map((p) => p.endToEnd)).toEqual(unguarded.passages.map((p) => p.endToEnd));
    expect(apart.passages[2]!.endToEnd.verdict).toBe('wrong');
    // The guard's effect, apart.
    expect(apart.passages[2]!.withGuard).toMatchObject({ verdict: 'offered', candidates: [B, A] });
    expect(apart.withGuard!.clips).toMatchObject({ wrong: unguarded.endToEnd.clips.wrong - 1, offered: 1 });
    const totals = totalSchedulePages([apart, unguarded]);
    expect(totals.endToEnd.clips).toEqual(addTallies(unguarded.endToEnd.clips, unguarded.endToEnd.clips));
    expect(totals.withGuard!.clips).toEqual(apart.withGuard!.clips);
    expect(totalSchedulePages([unguarded]).withGuard).toBeNull();
  });

  it('counts a non-talk section matched to a schedule talk: its clips are wrong, and it is a stray match', () => {
    const { result } = run(fakeDetector('h2'), {
      'Alpha Talk': matched(A),
      'Beta Talk': matched(B),
      'Wrapping up': matched('conf.json#closing'),
    });
    expect(result.sections.map((s) => s.talk)).toEqual(['Alpha Talk', 'Beta Talk', 'Gamma Talk', null]);
    expect(result.passages[4]!.endToEnd).toMatchObject({ verdict: 'wrong', chosen: 'conf.json#closing' });
    expect(result.passages[4]!.detectionRight).toBe(false);
    expect(result.endToEnd.talklessClips).toMatchObject({ total: 2, right: 1, wrong: 1 });
    expect(result.endToEnd.strayMatches).toBe(1);
    expect(result.endToEnd.talks).toMatchObject({ total: 3, right: 3 });
  });

  it('counts a passage not found exactly once as filed under no talk, and reports it', () => {
    const recap: RecapCase = { ...RECAP, passages: [{ text: 'said', talk: 'Alpha Talk' }] };
    const { matcher } = fakeMatcher({ 'Alpha Talk': matched(A) });
    const r = evaluateSchedulePage({
      document: doc(PAGE),
      recap,
      schedule: CASE,
      page: PAGE_INFO,
      detector: fakeDetector('h2'),
      matcher,
    });
    expect(r.unlocated).toBe(1);
    expect(r.passages[0]).toMatchObject({ occurrences: 2, section: null });
    expect(r.passages[0]!.endToEnd.verdict).toBe('missed');
  });

  it('rejects cases whose talks do not line up with the recap’s', () => {
    const bad = { ...CASE, talks: [CASE.talks[1]!, CASE.talks[0]!, CASE.talks[2]!] };
    const { matcher } = fakeMatcher({});
    const input = {
      document: doc(PAGE),
      recap: RECAP,
      page: PAGE_INFO,
      detector: fakeDetector('h2'),
      matcher,
    };
    expect(() => evaluateSchedulePage({ ...input, schedule: bad })).toThrow(/Alpha Talk/);
    expect(() =>
      evaluateSchedulePage({ ...input, schedule: { ...CASE, talks: CASE.talks.slice(1) } }),
    ).toThrow(/3 talks/);
  });
});

describe('totals and targets', () => {
  it('sums pages (every clip and talk weighs the same) and checks issue 13’s target in both pipelines', () => {
    const perfect = run().result;
    const poor = run(undefined, { 'Alpha Talk': matched(B), 'Beta Talk': offered(B) }).result;
    const t = totalSchedulePages([perfect, poor]);
    expect(t.pages).toBe(2);
    expect(t.endToEnd.clips).toEqual(addTallies(perfect.endToEnd.clips, poor.endToEnd.clips));
    expect(t.endToEnd.scheduledClips).toEqual({
      total: 4,
      right: 2,
      wrong: 1,
      offered: 1,
      offeredWithRight: 1,
      missed: 0,
    });
    expect(t.matcherOnly.talks).toMatchObject({ total: 6, right: 4 });
    expect(checkScheduleTargets(t).map((c) => [c.pipeline, c.name, c.value, c.met])).toEqual([
      ['end to end', 'clips of scheduled talks under the right schedule talk', '50.0% (2/4)', false],
      ['end to end', 'clips under a wrong schedule talk', '1', false],
      ['matcher only', 'clips of scheduled talks under the right schedule talk', '50.0% (2/4)', false],
      ['matcher only', 'clips under a wrong schedule talk', '1', false],
    ]);
    expect(checkScheduleTargets(totalSchedulePages([perfect])).every((c) => c.met)).toBe(true);
  });

  it('lists every wrong clip with what the matcher saw, and every talk not right', () => {
    const { result } = run(undefined, { 'Alpha Talk': matched(B), 'Beta Talk': matched(B) });
    const talks = new Map([
      [
        B,
        {
          id: B,
          file: 'conf.json',
          title: 'Beta Talk',
          speakers: ['Bo Kim'],
          day: '2024-05-01',
          start: null,
          housekeeping: false,
        },
      ],
    ]);
    const lines = formatFailures([result], talks).join('\n');
    expect(lines).toContain('WRONG (2):');
    expect(lines).toContain(
      'tiny  end to end, 1 clip(s) under “Alpha Talk”: “Alpha Talk” [Ann Lee] date 2024-05-02',
    );
    expect(lines).toContain('chosen “Beta Talk” (conf.json, 2024-05-01); expected conf.json#a');
    expect(lines).toContain('tiny  matcher only, talk “Alpha Talk”');
    expect(lines).toContain('Talks not right in one pipeline or both (1):');
    expect(describeQuery(result.sections[0]!)).toBe(
      '“Alpha Talk” [Ann Lee] date 2024-05-02; conf 0.95: title exact 1.00, speakers unknown, date during, conference named unknown',
    );
  });
});

describe('importSchedules', () => {
  const conf = schedule([
    event('1', 'Scaling Postgres to Ten Million Users', '2026-01-31T10:00:00+01:00', {
      speakers: ['Jane Doe'],
    }),
    event('2', 'Coffee', '2026-01-31T11:00:00+01:00', { housekeeping: true, speakers: [] }),
  ]);
  const other = schedule(
    [
      event('1', 'Scaling Postgres to Ten Million Users', '2025-02-01T10:00:00+01:00', {
        speakers: ['Jane Doe'],
      }),
    ],
    'FOSDEM 2025',
  );

  it('gives talks `<file>#<scheduleId>` ids and conferences their file name, in one index', () => {
    const imported = importSchedules([
      { file: 'fosdem-2026.xml', schedule: conf },
      {
        file: 'fosdem-2025.xml',
        schedule: { ...other, conference: { ...other.conference, start: '2025-02-01', end: '2025-02-02' } },
      },
    ]);
    expect([...imported.talks.keys()]).toEqual([
      'fosdem-2026.xml#1',
      'fosdem-2026.xml#2',
      'fosdem-2025.xml#1',
    ]);
    expect(imported.talks.get('fosdem-2026.xml#2')).toMatchObject({ title: 'Coffee', housekeeping: true });
    expect([...imported.index.conferences.keys()]).toEqual(['fosdem-2026.xml', 'fosdem-2025.xml']);
    const m = matchTalk(imported.index, {
      title: 'Scaling Postgres to Ten Million Users',
      speakers: ['Jane Doe'],
      pageDate: '2026-02-03',
    });
    expect(m).toMatchObject({ kind: 'match', talkId: 'fosdem-2026.xml#1' });
  });

  it('refuses two events with one id in a file, and names a file that does not parse', () => {
    const twice = schedule([
      event('1', 'A', '2026-01-31T10:00:00+01:00'),
      event('1', 'B', '2026-01-31T11:00:00+01:00'),
    ]);
    expect(() => importSchedules([{ file: 'x.xml', schedule: twice }])).toThrow(/x\.xml: two events/);
    expect(() => parseScheduleFiles([{ file: 'notes.txt', text: 'not a schedule' }])).toThrow(
      /^notes\.txt: /,
    );
  });
});

describe('pageQueryInfo', () => {
  const page = (head: string) =>
    new DOMParser().parseFromString(
      `<!doctype html><html><head><title>Conf 2024: my notes</title>${head}</head><body><p>x</p></body></html>`,
      'text/html',
    );

  it('takes the date from the page metadata, and builds the context from title, site name and URL', () => {
    const info = pageQueryInfo(
      page(
        '<meta property="article:published_time" content="2024-05-03"><meta property="og:site_name" content="Blog">',
      ),
      'https://blog.example/01/',
      '2024-05-02',
    );
    expect(info).toEqual({
      pageDate: '2024-05-03',
      dateSource: 'page-metadata',
      metadataDate: '2024-05-03',
      context: 'Conf 2024: my notes Blog https://blog.example/01/',
      url: 'https://blog.example/01/',
      title: 'Conf 2024: my notes',
    });
  });

  it('falls back on the corpus’s date, and says so', () => {
    expect(pageQueryInfo(page(''), 'https://blog.example/01/', '2024-05-02')).toMatchObject({
      pageDate: '2024-05-02',
      dateSource: 'cases.json',
      metadataDate: null,
    });
    expect(pageQueryInfo(page(''), 'https://blog.example/01/', null)).toMatchObject({
      pageDate: null,
      dateSource: 'none',
    });
  });

  it('puts a page that states its canonical URL at that URL', () => {
    const info = pageQueryInfo(
      page('<link rel="canonical" href="https://handbook.example/conf-2024/">'),
      'https://blog.example/01/',
      null,
    );
    expect(info.url).toBe('https://handbook.example/conf-2024/');
    expect(info.context).toBe('Conf 2024: my notes https://handbook.example/conf-2024/');
  });
});
