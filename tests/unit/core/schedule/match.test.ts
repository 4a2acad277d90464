import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MATCH_THRESHOLD,
  MAX_OFFERED,
  matchTalk,
  type ScheduleMatch,
  type TalkQuery,
} from '@/core/schedule/match';
import { buildScheduleIndex, type MatchableTalk } from '@/core/schedule/schedule-index';
import { compareSpeakers, nameWords } from '@/core/schedule/names';
import { FIXTURE_CONFERENCES, FIXTURE_TALKS } from './fixture-schedules';
import { generateSchedules, matchableTalk } from './matchable-schedules';

// The hand-written schedules among 2,000 generated talks of four conferences held at the same time
// (2023-2024), so that every query competes with hundreds of titles sharing its words.
const background = generateSchedules(4, 500, 5, 2023);
const fixtureTitles = new Set(FIXTURE_TALKS.map((t) => t.title.toLowerCase()));
const index = buildScheduleIndex(
  [...FIXTURE_CONFERENCES, ...background.conferences],
  [...FIXTURE_TALKS, ...background.talks.filter((t) => !fixtureTitles.has(t.title.toLowerCase()))],
);

const query = (title: string, speakers: string[] = [], pageDate: string | null = null, context?: string) =>
  ({ title, speakers, pageDate, context }) satisfies TalkQuery;

const offered = (m: ScheduleMatch) => (m.kind === 'ambiguous' ? m.candidates.map((c) => c.talkId) : []);

describe('matchTalk: the same talk, written differently, is matched', () => {
  it.each([
    ['case', query('scaling postgres to 10m users', [], '2024-03-25'), 'k24-scaling'],
    ['curly quotes around the title', query('“Scaling Postgres to 10M Users”'), 'k24-scaling'],
    ['a speaker suffix after a dash', query('Scaling Postgres to 10M Users — Jane Doe'), 'k24-scaling'],
    ['"by" and the speaker', query('Scaling Postgres to 10M Users by Jane Doe', ['Jane Doe']), 'k24-scaling'],
    ['the speaker in front', query('Jane Doe: Scaling Postgres to 10M Users', ['Jane Doe']), 'k24-scaling'],
    [
      'speaker and company',
      query('Scaling Postgres to 10M Users (Jane Doe, Acme)', ['Jane Doe']),
      'k24-scaling',
    ],
    [
      'lower-case "by" the speaker',
      query('scaling postgres to 10m users by jane doe', ['Jane Doe']),
      'k24-scaling',
    ],
    ['a transposition', query('Scaling Postgers to 10M Users'), 'k24-scaling'],
    ['a dropped letter', query('Scalng Postgres to 10M Users', [], '2024-03-25'), 'k24-scaling'],
    ['emoji', query('🚀 Scaling Postgres to 10M Users 🐘'), 'k24-scaling'],
    ['a trailing (video)', query('Scaling Postgres to 10M Users (video)'), 'k24-scaling'],
    ['a trailing [slides]', query('Scaling Postgres to 10M Users [slides]'), 'k24-scaling'],
    [
      'a shortened title with the speaker and date',
      query('Scaling Postgres', ['Jane Doe'], '2024-03-28'),
      'k24-scaling',
    ],
    ['a dropped subtitle', query('Async Rust in Practice', ['Marta Oyelaran']), 'r24-async'],
    ['a dropped subtitle, no speakers', query('Async Rust in Practice'), 'r24-async'],
    [
      'an en dash before the subtitle',
      query('Async Rust in Practice – Lessons from Three Years of Tokio'),
      'r24-async',
    ],
    [
      'a subtitle the schedule keeps apart',
      query('Rust and WebAssembly: Shipping a 2 MB Editor to the Browser'),
      'r24-wasm',
    ],
    [
      'a dropped subtitle kept apart',
      query('Rust and WebAssembly', ['Hana Kobayashi'], '2024-06-20'),
      'r24-wasm',
    ],
    [
      'a "Keynote:" marker on the schedule',
      query('The Next Ten Years of Cloud Native', ['Jane Doe']),
      'k24-keynote',
    ],
    ['a "Keynote:" marker on both', query('Keynote: The Next Ten Years of Cloud Native'), 'k24-keynote'],
    ['a session code and time', query('10:30 KEY101 The Next Ten Years of Cloud Native'), 'k24-keynote'],
    ['no question mark', query('Why Is My Rust Build So Slow', ['Priya Natarajan']), 'r24-build'],
    [
      'two speakers after a dash',
      query('Why is my Rust build so slow? — Priya Natarajan & Jorge Albuquerque'),
      'r24-build',
    ],
    [
      'upper case and a subtitle',
      query('EBPF FOR KUBERNETES NETWORKING: A PRACTICAL INTRODUCTION'),
      'k24-ebpf',
    ],
    [
      'a dropped subtitle with "Kubernetes" everywhere',
      query('eBPF for Kubernetes Networking', ['Lars Chen']),
      'k24-ebpf',
    ],
    ['the same talk a year later, by date', query('Unsafe Rust Is Not Evil', [], '2024-06-20'), 'r24-unsafe'],
    ['a number written out', query('The Next 10 Years of Cloud Native', ['Jane Doe']), 'k24-keynote'],
    ['a day in front', query('Day 2: Embedded Rust on the RP2040'), 'r24-embedded'],
    ['a title cut short with an ellipsis', query('Scaling Postgres to 10M Us…'), 'k24-scaling'],
    ['a title cut short with three dots', query('Serving LLMs on Kubernetes: GPU Sched...'), 'k24-llm'],
    ['a track in front', query('Track B — GitOps at 10,000 Clusters'), 'k24-gitops'],
    ['a title that names its speaker', query('Embedded Rust on the RP2040 with Jörg Müller'), 'r24-embedded'],
    [
      'the same talk a year earlier, by date',
      query('Unsafe Rust is not evil', ['Kwame Asante'], '2023-06-20'),
      'r23-unsafe',
    ],
    [
      'the same talk, by the conference the page names',
      query('Unsafe Rust Is Not Evil', [], null, 'My notes from RustFest Zürich 2023 – day one'),
      'r23-unsafe',
    ],
    ['part 2 beside part 1', query('Operators from Scratch (Part 2)', ['Tomasz Wrzesień']), 'k24-op2'],
    ['"Part 2" without parentheses', query('Operators From Scratch, Part 2'), 'k24-op2'],
    ['a longer title of a shorter one', query('Intro to Rust Macros'), 'r24-macros'],
    ['the longer of two', query('Kubernetes Security at Scale'), 'k24-sec-scale'],
    ['a prefix, told apart by speakers', query('Kubernetes Security', ['Ingrid Lindqvist']), 'k24-sec'],
    [
      "a prefix, told apart by a speaker's initial",
      query('Kubernetes Security', ['I. Lindqvist']),
      'k24-sec',
    ],
    [
      'speaker name order and accents',
      query('Embedded Rust on the RP2040', ['Muller, Jorg']),
      'r24-embedded',
    ],
    ['a slot title with its speakers', query('Lightning talks', ['Kim Park'], '2024-03-25'), 'k24-lt'],
    ['a slot title with its speaker', query('Opening keynote', ['Amara Nwosu']), 'r24-open'],
    ['Japanese', query('Rustで作るWebAssembly入門'), 'pj-wasm'],
    ['Japanese with spaces', query('Rustで作る WebAssembly 入門', ['佐伯真理子']), 'pj-wasm'],
    ['Japanese in corner brackets', query('「Rustで作るWebAssembly入門」'), 'pj-wasm'],
    ['Japanese without Latin words', query('型ヒントで始める安全なPython開発（林美咲さん）'), 'pj-typing'],
    ['German low-high quotes', query('„Größere Datenmengen mit DuckDB analysieren“'), 'fr-duckdb'],
    ['German spelt without ß or umlaut', query('Groessere Datenmengen mit DuckDB analysieren'), 'fr-duckdb'],
    ['German, dropped subtitle', query('Sicherheit für Kubernetes-Cluster', ['Anna Schmidt']), 'fr-k8s'],
    ['French guillemets', query('« L’accessibilité numérique, c’est l’affaire de tous »'), 'pw-a11y'],
    ['French without accents', query("L'accessibilite numerique, c'est l'affaire de tous"), 'pw-a11y'],
    [
      'a dropped subtitle, two conferences of talks on Kubernetes',
      query('Multi-Tenancy in Kubernetes'),
      'k24-multi',
    ],
  ])('%s', (_, q, expected) => {
    const result = matchTalk(index, q);
    expect(result).toMatchObject({ kind: 'match', talkId: expected });
    if (result.kind === 'match') expect(result.confidence).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });
});

describe('matchTalk: a talk that could be another is offered, never matched', () => {
  it.each([
    ['two lightning-talk sessions', query('Lightning talks', [], '2024-06-20'), ['r24-lt1', 'r24-lt2']],
    ['a title that is the start of another', query('Intro to Rust'), ['r24-intro', 'r24-macros']],
    [
      '"Kubernetes Security" beside "… at Scale"',
      query('Kubernetes Security', [], '2024-03-25'),
      ['k24-sec', 'k24-sec-scale'],
    ],
    [
      'the same talk at two editions, no date',
      query('Unsafe Rust Is Not Evil'),
      ['r24-unsafe', 'r23-unsafe'],
    ],
    [
      'the same talk at two conferences three months apart',
      query('Supply Chain Security for Rust Crates', ['Grace Adeyemi'], '2024-06-16'),
      ['r24-supply', 'k24-supply'],
    ],
    ['a talk in two parts', query('Operators from Scratch', ['Tomasz Wrzesień']), ['k24-op1', 'k24-op2']],
    ['a slot title without speakers', query('Opening Keynote', [], '2024-06-20'), ['r24-open']],
    ['a slot title, no date', query('Opening Keynote'), ['r24-open', 'r23-open']],
    ['a shortened title, no speakers', query('Scaling Postgres'), ['k24-scaling']],
    [
      'a shortened title, speaker but no date',
      query('Error Handling', ['Clara Jansen']),
      ['r24-errors', 'r23-errors'],
    ],
    [
      'the same title by someone else',
      query('Scaling Postgres to 10M Users', ['Bob Smith'], '2024-03-25'),
      ['k24-scaling'],
    ],
    ['a prefix of a talk, no speakers', query('AI Agents'), ['k24-agents']],
    ['a cut title that starts two talks', query('Kubernetes Security…'), ['k24-sec', 'k24-sec-scale']],
    ['a slot title, the speaker of a talk', query('Keynote', ['Jane Doe'], '2024-03-25'), ['k24-keynote']],
    [
      'a title that is only its speaker',
      query('Kwame Asante', ['Kwame Asante'], '2024-06-20'),
      ['r24-unsafe'],
    ],
  ])('%s', (_, q, candidates) => {
    const result = matchTalk(index, q);
    expect(result.kind).toBe('ambiguous');
    expect(offered(result)).toEqual(expect.arrayContaining(candidates));
    expect(offered(result).length).toBeLessThanOrEqual(MAX_OFFERED);
  });

  it.each([
    ['a talk the schedules lack', query('Rust for Embedded Linux Drivers')],
    ['a longer title than any talk', query('Kubernetes Security Best Practices for Regulated Industries')],
    ['part 3 of a talk in two parts', query('Operators from Scratch (Part 3)')],
    ['Python 2 for a Python 3 talk', query('Why Is My Python 2 Build So Slow?')],
    ['a word changed', query('Intro to Rest Macros')],
    ['the schedule title from years before', query('Scaling Postgres to 10M Users', [], '2019-01-10')],
    ['a housekeeping event', query('Coffee break', [], '2024-03-20')],
    ['"Lunch"', query('Lunch', [], '2024-06-14')],
    ['nothing in common', query('Knitting for Beginners')],
    ['a generic title shared by nobody', query('Q&A')],
    ['another speaker and a year off', query('OpenTelemetry Without the Hype', ['Kim Park'], '2025-06-01')],
  ])('%s is not matched', (_, q) => {
    expect(matchTalk(index, q).kind).not.toBe('match');
  });

  it('never offers a housekeeping event', () => {
    for (const title of ['Coffee break', 'Lunch']) {
      const result = matchTalk(index, query(title));
      expect(offered(result).filter((id) => id === 'k24-coffee' || id === 'r24-lunch')).toEqual([]);
    }
  });

  it('orders the candidates best first: agreeing speakers before an unknown one', () => {
    const result = matchTalk(index, query('Lightning talks', ['Aiko Brandt'], null));
    // Aiko Brandt's session is the only one that names her; without a date it is still the best guess.
    const ids = offered(result);
    if (result.kind === 'match') expect(result.talkId).toBe('k24-lt');
    else expect(ids[0]).toBe('k24-lt');
    if (result.kind === 'ambiguous') {
      const confidences = result.candidates.map((c) => c.confidence);
      expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
    }
  });

  it('sees the look-alike among a hundred talks sharing its words', () => {
    const talk = (id: string, title: string, speakers: string[]): MatchableTalk => ({
      id,
      conferenceId: 'kube24',
      title,
      subtitle: null,
      speakers,
      start: null,
      day: null,
      housekeeping: false,
    });
    // 150 talks hold both words, none starts with them but the two.
    const crowd = Array.from({ length: 150 }, (_, i) =>
      talk(`crowd${i}`, `${['Hardening', 'Auditing', 'Testing'][i % 3]} Kubernetes Security Policies ${i}`, [
        'Ann Lee',
      ]),
    );
    const crowded = buildScheduleIndex(FIXTURE_CONFERENCES, [
      ...crowd,
      talk('short', 'Kubernetes Security', ['Ingrid Lindqvist']),
      talk('long', 'Kubernetes Security Done Right', ['Farid Haddad']),
    ]);
    expect(offered(matchTalk(crowded, query('Kubernetes Security')))).toEqual(
      expect.arrayContaining(['short', 'long']),
    );
    expect(matchTalk(crowded, query('Kubernetes Security', ['Ingrid Lindqvist']))).toMatchObject({
      kind: 'match',
      talkId: 'short',
    });
  });

  it('finds nothing for an empty title, and goes by the speakers for a title of emoji', () => {
    expect(matchTalk(index, query('')).kind).toBe('none');
    expect(matchTalk(index, query('   ')).kind).toBe('none');
    expect(offered(matchTalk(index, query('🎤', ['Marta Oyelaran'], '2024-06-20')))).toEqual(['r24-async']);
  });

  it('explains its confidence', () => {
    const result = matchTalk(index, query('Unsafe Rust Is Not Evil', ['Kwame Asante'], '2024-06-20'));
    expect(result).toMatchObject({
      kind: 'match',
      talkId: 'r24-unsafe',
      evidence: { title: 'exact', speakers: 'agree', date: 'during' },
    });
    const other = matchTalk(index, query('Unsafe Rust Is Not Evil', ['Kwame Asante']));
    const earlier =
      other.kind === 'ambiguous' ? other.candidates.find((c) => c.talkId === 'r23-unsafe') : null;
    expect(earlier?.evidence).toMatchObject({ title: 'exact', speakers: 'agree', date: 'unknown' });
  });
});

// A meetup's calendar: one evening a month for a season. A write-up reports on the evening before it,
// so a talk of an earlier evening is at most offered (a title can be given again at a later evening).
describe('matchTalk: a series of evenings', () => {
  const meetup = { id: 'lyon', title: 'Lyon Dev Evenings', acronym: null, start: null, end: null };
  const evening = (id: string, day: string, title: string, speakers: string[]): MatchableTalk => ({
    id,
    conferenceId: 'lyon',
    title,
    subtitle: null,
    speakers,
    start: `${day}T19:00:00+02:00`,
    day,
    housekeeping: false,
  });
  const series = buildScheduleIndex(
    [meetup],
    [
      evening('sep-linter', '2024-09-12', 'A linter for our commit messages', ['Hugo Lefèvre']),
      evening('sep-k8s', '2024-09-12', 'Kubernetes operators without tears', ['Nadia Benali']),
      evening('oct-wasm', '2024-10-10', 'WebAssembly on the server, for real', ['Rémi Caron']),
      evening('nov-monorepo', '2024-11-14', 'The monorepo, a false friend', ['Léa Martin']),
    ],
  );

  it('matches a talk of the evening the write-up follows', () => {
    expect(matchTalk(series, query('A linter for our commit messages', [], '2024-09-13'))).toMatchObject({
      kind: 'match',
      talkId: 'sep-linter',
    });
    expect(matchTalk(series, query('The monorepo, a false friend', [], '2024-11-18'))).toMatchObject({
      kind: 'match',
      talkId: 'nov-monorepo',
    });
  });

  it('offers, never matches, a talk of an earlier evening than the one the write-up follows', () => {
    const result = matchTalk(
      series,
      query('A linter for our commit messages', ['Hugo Lefèvre'], '2024-11-18'),
    );
    expect(result.kind).toBe('ambiguous');
    expect(offered(result)).toEqual(['sep-linter']);
    if (result.kind === 'ambiguous') expect(result.candidates[0]!.evidence.date).toBe('another-session');
  });

  it('a conference of a few days is not a series: a write-up weeks later still matches', () => {
    const conference = buildScheduleIndex(
      [{ id: 'c', title: 'DevConf', acronym: null, start: '2024-09-10', end: '2024-09-12' }],
      [
        { ...evening('c1', '2024-09-10', 'A linter for our commit messages', []), conferenceId: 'c' },
        { ...evening('c2', '2024-09-12', 'The monorepo, a false friend', []), conferenceId: 'c' },
      ],
    );
    expect(matchTalk(conference, query('A linter for our commit messages', [], '2024-10-30'))).toMatchObject({
      kind: 'match',
      talkId: 'c1',
    });
  });
});

// A write-up that rewords, abbreviates or translates a title: the speakers, named in full, agree; the page
// is dated during the conference and names it; and the schedules hold no other talk of theirs then.
describe('matchTalk: the only talk of its speakers, under another title', () => {
  const dataconf = {
    id: 'dc24',
    title: 'DataConf Vienna 2024',
    acronym: null,
    start: '2024-10-07',
    end: '2024-10-09',
  };
  const lastYear = {
    id: 'dc23',
    title: 'DataConf Vienna 2023',
    acronym: null,
    start: '2023-10-09',
    end: '2023-10-11',
  };
  const talk = (id: string, day: string, title: string, speakers: string[], conferenceId = 'dc24') =>
    matchableTalk(id, conferenceId, title, speakers, day);
  // The series' spring edition, months before the page: a speaker's talk there could be the one
  // written up, unless the page names the autumn edition and not the spring one.
  const spring = {
    id: 'dcs24',
    title: 'DataConf Spring 2024',
    acronym: null,
    start: '2024-05-14',
    end: '2024-05-15',
  };
  const others = generateSchedules(2, 300, 11, 2024);
  const schedules = buildScheduleIndex(
    [dataconf, lastYear, spring, ...others.conferences],
    [
      talk('num', '2024-10-07', 'Testing Numerical Code When You Don’t Know the Answer', ['Kwabena Asare']),
      talk(
        'gemini',
        '2024-10-08',
        'Classifying Turkish Customer Messages with the Gemini API: Where We Went Wrong',
        ['Burcu Yıldız', 'Emre Kaya'],
      ),
      talk('budget', '2024-10-08', 'The 100ms Budget: Treating Latency Like Money', ['Marius Feldt']),
      talk('rk1', '2024-10-07', 'Streaming Joins in Practice', ['Rosa Klein']),
      talk('rk2', '2024-10-09', 'Windowing for Humans', ['Rosa Klein']),
      talk('py-old', '2024-10-07', '[MOVED] A Month with Free-Threaded Python (and What Broke)', [
        'Ioana Petrescu',
      ]),
      talk('py-new', '2024-10-08', 'A Month with Free-Threaded Python (and What Broke)', ['Ioana Petrescu']),
      talk('plan', '2024-10-09', 'Query Planning for Humans', ['Lea Novak']),
      talk('django', '2024-10-09', '型ヒントで守る大規模Djangoアプリケーション', ['大島 悠斗']),
      talk('pager-24', '2024-10-07', 'Pager Fatigue Is a Design Problem, Not a Resilience Problem', [
        'Oona Halvorsen',
      ]),
      talk('pager-23', '2023-10-10', 'Pager Fatigue Is a Design Problem', ['Oona Halvorsen'], 'dc23'),
      talk('visual', '2024-10-08', 'Visual Regressions on 4000 Components', ['Olga Levchenko']),
      talk('visual-spring', '2024-05-14', 'Visual Regressions Without the Pain', ['Olga Levchenko'], 'dcs24'),
      ...others.talks,
    ],
  );
  const notes = 'Three days at DataConf Vienna 2024';
  const during = '2024-10-12';

  it.each([
    [
      'a reworded title',
      query('Testing Numerical Code When the Answer Is Unknown', ['Kwabena Asare'], during, notes),
      'num',
    ],
    [
      'a translated title sharing a name',
      query(
        'Gemini API ile Türkçe Metin Sınıflandırma: Nerede Yanıldık?',
        ['Burcu Yıldız', 'Emre Kaya'],
        during,
        notes,
      ),
      'gemini',
    ],
    [
      'a translated title sharing no word',
      query(
        'Müşteri mesajlarını sınıflandırmak: nerede yanıldık?',
        ['Burcu Yıldız', 'Emre Kaya'],
        during,
        notes,
      ),
      'gemini',
    ],
    [
      'a word of an unspaced script shortened',
      query('型ヒントで守る大規模Djangoアプリ', ['大島 悠斗'], during, notes),
      'django',
    ],
    [
      'a number spelt out',
      query('The Hundred-Millisecond Budget', ['Marius Feldt'], during, notes),
      'budget',
    ],
    [
      'a reworded title, the page naming the conference but its year (the page date gives it)',
      query(
        'Testing Numerical Code When the Answer Is Unknown',
        ['Kwabena Asare'],
        during,
        'Notes: DataConf Vienna',
      ),
      'num',
    ],
    [
      'a moved talk, its old slot still listed',
      query('A Month with Free-Threaded Python', ['Ioana Petrescu'], during, notes),
      'py-new',
    ],
    [
      'a number spelt out, the speaker’s other talk at an edition the page does not name',
      query('Visual Regressions on Four Thousand Components', ['Olga Levchenko'], during, notes),
      'visual',
    ],
    [
      'a title shortened to the one given at last year’s edition, the page dated during this one',
      query('Pager Fatigue Is a Design Problem', ['Oona Halvorsen'], during),
      'pager-24',
    ],
  ])('%s is matched', (_, q, expected) => {
    expect(matchTalk(schedules, q)).toMatchObject({ kind: 'match', talkId: expected });
  });

  it.each([
    ['speakers with two talks', query('Streaming Joins Done Right', ['Rosa Klein'], during, notes)],
    [
      'the page not naming the conference',
      query('Testing Numerical Code When the Answer Is Unknown', ['Kwabena Asare'], during),
    ],
    [
      'no page date',
      query('Testing Numerical Code When the Answer Is Unknown', ['Kwabena Asare'], null, notes),
    ],
    [
      'a page a year later',
      query('Testing Numerical Code When the Answer Is Unknown', ['Kwabena Asare'], '2025-11-02', notes),
    ],
    [
      'only the family name',
      query('Testing Numerical Code When the Answer Is Unknown', ['Asare'], during, notes),
    ],
    ['no speakers', query('Testing Numerical Code When the Answer Is Unknown', [], during, notes)],
    [
      'another talk of the speaker, in the same language',
      query('Why We Stopped Writing Mocks', ['Lea Novak'], during, notes),
    ],
    ['one word changed', query('Query Planning for Robots', ['Lea Novak'], during, notes)],
    [
      'the speaker’s other talk at an edition the page names too',
      query(
        'Visual Regressions on Four Thousand Components',
        ['Olga Levchenko'],
        during,
        'From DataConf Spring 2024 to DataConf Vienna 2024',
      ),
    ],
    [
      'the speaker’s other talk at another edition, the page naming neither',
      query('Visual Regressions on Four Thousand Components', ['Olga Levchenko'], during, 'Notes'),
    ],
    ['a slot title', query('Keynote', ['Lea Novak'], during, notes)],
  ])('%s is not matched', (_, q) => {
    expect(matchTalk(schedules, q).kind).not.toBe('match');
  });

  it('never matches or offers a moved or cancelled slot', () => {
    const result = matchTalk(schedules, query('A Month with Free-Threaded Python (and What Broke)'));
    expect(result.kind === 'match' ? [result.talkId] : offered(result)).not.toContain('py-old');
  });
});

// A platform-engineering conference with the look-alikes real schedules have: a talk beside a workshop of
// nearly its title, titles a word apart, a talk in two parts, speakers listed under their full first names.
describe('matchTalk: near titles, session formats, short first names', () => {
  const conference = {
    id: 'pcl25',
    title: 'PlatformCon Lisbon 2025',
    acronym: null,
    start: '2025-05-20',
    end: '2025-05-21',
  };
  const rows: [string, string, string[]][] = [
    ['ws-cap', 'Capability-Based Security in Practice (Workshop)', ['Lena Fischer']],
    ['talk-wasi', 'Capability-Based WASI Security in Practice', ['Omar Haddad']],
    ['talk-obs', 'Observability Budgets for Small Platform Teams', ['Devendra Rao']],
    ['talk-pipe', 'Building Resilient Event Pipelines', ['Ines Duarte']],
    ['talk-kafka', 'Building Resilient Kafka Event Pipelines', ['Tariq Nasser']],
    ['talk-cost', 'The Hidden Costs of Internal Platforms', ['Chukwuemeka Obi']],
    ['ws-mesh', 'Service Mesh Without the Mystery (Hands-on Lab)', ['Johanna Berg']],
    ['talk-oncall', 'Designing On-Call Rotations That Scale', ['Mei Zhou']],
    ['gitops-1', 'GitOps from Zero (Part 1)', ['Kofi Mensah']],
    ['gitops-2', 'GitOps from Zero (Part 2)', ['Kofi Mensah']],
  ];
  const own = rows.map(
    ([id, title, speakers], i): MatchableTalk => ({
      id,
      conferenceId: 'pcl25',
      title,
      subtitle: null,
      speakers,
      start: `2025-05-2${i % 2}T1${i % 8}:00:00`,
      day: `2025-05-2${i % 2}`,
      housekeeping: false,
    }),
  );
  const others = generateSchedules(2, 300, 7, 2025);
  const platform = buildScheduleIndex([conference, ...others.conferences], [...own, ...others.talks]);
  const notes = 'Notes from PlatformCon Lisbon 2025 – day two';
  const during = '2025-05-23';

  it.each([
    [
      'a word dropped, with the speaker, the date and the conference named',
      query('Capability-Based Security in Practice', ['Omar Haddad'], during, notes),
      'talk-wasi',
    ],
    [
      'a workshop, by its own speaker',
      query('Capability-Based Security in Practice', ['Lena Fischer'], during, notes),
      'ws-cap',
    ],
    [
      'a word dropped and the speaker under a short first name',
      query('Observability Budgets for Platform Teams', ['Dev Rao'], during, notes),
      'talk-obs',
    ],
    [
      'a singular for a plural, the speaker under the end of his first name',
      query('The Hidden Cost of Internal Platforms', ['Emeka Obi']),
      'talk-cost',
    ],
    [
      'a lab by its speaker and date, its marker left out',
      query('Service Mesh Without the Mystery', ['Johanna Berg'], during),
      'ws-mesh',
    ],
    [
      'an exact title beside one a word longer by someone else',
      query('Building Resilient Event Pipelines', ['Ines Duarte']),
      'talk-pipe',
    ],
  ])('%s', (_, q, expected) => {
    expect(matchTalk(platform, q)).toMatchObject({ kind: 'match', talkId: expected });
  });

  it.each([
    [
      'a title both a workshop and a talk a word longer could be, no speakers',
      query('Capability-Based Security in Practice', [], during, notes),
      ['talk-wasi', 'ws-cap'],
    ],
    [
      'a word dropped, the page not naming the conference',
      query('Capability-Based Security in Practice', ['Omar Haddad'], during),
      ['talk-wasi'],
    ],
    ['a lab, its marker left out, no speakers', query('Service Mesh Without the Mystery'), ['ws-mesh']],
    [
      'a lab, its marker left out, the speaker by a two-letter short name',
      query('Service Mesh Without the Mystery', ['Jo Berg']),
      ['ws-mesh'],
    ],
    [
      'an exact title beside one a word longer, no speakers',
      query('Building Resilient Event Pipelines', [], during, notes),
      ['talk-pipe', 'talk-kafka'],
    ],
    [
      'a talk in two parts, neither named',
      query('GitOps from Zero', ['Kofi Mensah']),
      ['gitops-1', 'gitops-2'],
    ],
    [
      // 0.3 (half the words) + 0.15 + 0.05 is 0.49999999999999994 in floating point: at the offer threshold.
      'half the words shared, speaker and date agreeing',
      query('Humane On-Call Rotations', ['Mei Zhou'], during),
      ['talk-oncall'],
    ],
  ])('%s is offered', (_, q, candidates) => {
    const result = matchTalk(platform, q);
    expect(result.kind).toBe('ambiguous');
    expect(offered(result)).toEqual(expect.arrayContaining(candidates));
  });

  it.each([
    [
      'a word dropped, another speaker',
      query('Observability Budgets for Platform Teams', ['Ravi Iyer'], during, notes),
    ],
    [
      'a word dropped, the page two years later',
      query('Observability Budgets for Platform Teams', ['Dev Rao'], '2027-06-01', notes),
    ],
    ['a word changed', query('Designing On-Call Rotations That Fail', ['Mei Zhou'], during, notes)],
    ['another part', query('GitOps from Zero (Part 3)', ['Kofi Mensah'], during, notes)],
    [
      'a lab by another speaker',
      query('Service Mesh Without the Mystery', ['Joanna Bergman'], during, notes),
    ],
  ])('%s is not matched', (_, q) => {
    expect(matchTalk(platform, q).kind).not.toBe('match');
  });
});

// Property tests on random schedules: words far apart (no two within two edits), so that a query made
// of other words is another talk, not a typo.
const WORDS = [
  'kubernetes',
  'rust',
  'python',
  'postgres',
  'observability',
  'security',
  'scaling',
  'compilers',
  'wasm',
  'kafka',
  'streaming',
  'latency',
  'graphs',
  'agents',
  'testing',
  'fuzzing',
  'memory',
  'browsers',
  'caching',
  'queues',
  'monoliths',
  'kernels',
  'clusters',
  'tracing',
  'linux',
  'java',
  'swift',
  'haskell',
  'elixir',
  'tokio',
  'ebpf',
  'nix',
  'zig',
  'django',
  'vectors',
  'embeddings',
  'search',
  'sharding',
  'billing',
  'payments',
];
const PEOPLE = [
  'Jane Doe',
  'Kwame Asante',
  'Aiko Brandt',
  'Marta Oyelaran',
  'Priya Natarajan',
  'Jorge Silva',
];

const titleArb = fc
  .tuple(
    fc.uniqueArray(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 5 }),
    fc.option(fc.uniqueArray(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 3 }), { nil: null }),
  )
  .map(([main, sub]) => (sub ? `${main.join(' ')}: ${sub.join(' ')}` : main.join(' ')));

const scheduleArb = fc
  .uniqueArray(
    fc.record({
      title: titleArb,
      speakers: fc.subarray(PEOPLE, { minLength: 0, maxLength: 2 }),
      conference: fc.constantFrom('a', 'b'),
    }),
    { minLength: 2, maxLength: 40, selector: (t) => t.title },
  )
  .map((rows) =>
    rows.map(
      (r, i): MatchableTalk => ({
        id: `t${i}`,
        conferenceId: r.conference,
        title: r.title,
        subtitle: null,
        speakers: r.speakers,
        start: null,
        day: null,
        housekeeping: false,
      }),
    ),
  );
const conferencesOf = () => [
  { id: 'a', title: 'Conf A 2024', acronym: null, start: '2024-05-01', end: '2024-05-02' },
  { id: 'b', title: 'Conf B 2023', acronym: null, start: '2023-05-01', end: '2023-05-02' },
];

/** The title in another case, other quotes and punctuation, emoji and spacing. */
const perturbArb = (title: string) =>
  fc
    .record({
      upper: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
      quotes: fc.constantFrom(['', ''], ['“', '”'], ['"', '"'], ['„', '“'], ['«', '»'], ['「', '」']),
      colon: fc.constantFrom(': ', ' — ', ' – ', ' - ', ': '),
      tail: fc.constantFrom('', '!', ' 🚀', ' (video)', '.', ' [slides]'),
      space: fc.constantFrom(' ', '  ', '\u00a0'),
    })
    .map(({ upper, quotes, colon, tail, space }) => {
      const words = title
        .replace(': ', ' : ')
        .split(' ')
        .map((w, i) => (upper[i % upper.length] ? w.toUpperCase() : w[0]!.toUpperCase() + w.slice(1)));
      const text = words.join(space).replace(new RegExp(`${space}:${space}`, 'g'), colon);
      return `${quotes[0]}${text}${tail}${quotes[1]}`;
    });

describe('matchTalk: the conference a page names, speakers by handle or first name', () => {
  const sa = {
    id: 'cb-sa',
    title: 'Cloud Builders South America 2025',
    acronym: null,
    start: '2025-09-10',
    end: '2025-09-11',
  };
  const eu = {
    id: 'cb-eu',
    title: 'Cloud Builders Europe 2025',
    acronym: null,
    start: '2025-04-02',
    end: '2025-04-03',
  };
  const talk = (
    id: string,
    conferenceId: string,
    day: string,
    title: string,
    speakers: string[],
  ): MatchableTalk => ({
    id,
    conferenceId,
    title,
    subtitle: null,
    speakers,
    start: `${day}T11:00:00-03:00`,
    day,
    housekeeping: false,
  });
  const others = generateSchedules(2, 300, 17, 2025);
  const schedules = buildScheduleIndex(
    [sa, eu, ...others.conferences],
    [
      talk('reports', 'cb-sa', '2025-09-10', 'Cost Reports Engineers Actually Read', ['Ilse Brandt']),
      talk('reports-eu', 'cb-eu', '2025-04-02', 'Cost Reports for Platform Teams', ['Tariq Mensah']),
      talk('ledger', 'cb-sa', '2025-09-11', 'A Ledger for Every Namespace', ['Samantha Okafor']),
      ...others.talks,
    ],
  );
  const after = '2025-09-16';

  it.each([
    [
      'initials of the edition ("SA"), the series’ other edition imported too',
      query(
        'Cost Reports Engineers Actually Read',
        ['Ilse Brandt'],
        after,
        'Trip report: Cloud Builders SA 2025',
      ),
      'reports',
    ],
    [
      'words both editions share',
      query('Cost Reports Engineers Actually Read', ['Ilse Brandt'], after, 'Cloud Builders 2025, day one'),
      'reports',
    ],
    [
      'the speaker by a handle that spells nobody',
      query('Cost Reports Engineers Actually Read', ['@nightowl42'], after, 'Cloud Builders SA 2025'),
      'reports',
    ],
    [
      'the speaker by a handle that is her first name',
      query('Cost Reports Engineers Actually Read', ['@ilse'], after),
      'reports',
    ],
    [
      'the speaker by a short first name alone',
      query('A Ledger for Every Namespace', ['Sam'], after),
      'ledger',
    ],
  ])('%s is matched', (_, q, expected) => {
    expect(matchTalk(schedules, q)).toMatchObject({ kind: 'match', talkId: expected });
  });

  it.each([
    ['another person by name', query('Cost Reports Engineers Actually Read', ['Bo Chen'], after)],
    [
      'a handle beside another person',
      query('Cost Reports Engineers Actually Read', ['@nightowl42', 'Bo Chen'], after),
    ],
  ])('%s is not matched', (_, q) => {
    expect(matchTalk(schedules, q).kind).not.toBe('match');
  });
});

describe('matchTalk: properties on random schedules', () => {
  it("a talk's own title, however punctuated, is never matched to another talk, and is offered", () => {
    fc.assert(
      fc.property(
        scheduleArb.chain((talks) =>
          fc.tuple(
            fc.constant(talks),
            fc.nat(talks.length - 1).chain((i) => fc.tuple(fc.constant(i), perturbArb(talks[i]!.title))),
            fc.boolean(),
            fc.boolean(),
          ),
        ),
        ([talks, [i, title], withSpeakers, withDate]) => {
          const talk = talks[i]!;
          // The evidence is the talk's own: its speakers, a date in the weeks after its conference.
          const pageDate = withDate ? (talk.conferenceId === 'a' ? '2024-05-10' : '2023-05-10') : null;
          const result = matchTalk(buildScheduleIndex(conferencesOf(), talks), {
            title,
            speakers: withSpeakers ? talk.speakers : [],
            pageDate,
          });
          if (result.kind === 'match') expect(result.talkId).toBe(talk.id);
          else expect(offered(result)).toContain(talk.id);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a title that is no talk of the schedule, nor a shortened or longer one, is never matched', () => {
    const wordsOf = (t: string) => t.replace(':', ' ').split(/\s+/).filter(Boolean);
    /** The whole title, its main title and its subtitle. */
    const parts = (t: string) => [wordsOf(t), ...t.split(': ').map(wordsOf)];
    const isPrefix = (a: string[], b: string[]) => a.every((w, k) => b[k] === w);
    const related = (q: string, t: string) =>
      parts(q).some((a) => parts(t).some((b) => isPrefix(a, b) || isPrefix(b, a)));
    /** A look-alike of a talk's title: one word replaced, a middle word left out, two words swapped. */
    const lookAlikeArb = (title: string) =>
      fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...WORDS), fc.nat(2)).map(([i, j, word, how]) => {
        const words = title.split(' ');
        const a = i % words.length;
        const b = j % words.length;
        if (how === 0) words[a] = word;
        else if (how === 1 && a > 0 && a < words.length - 1) words.splice(a, 1);
        else [words[a], words[b]] = [words[b]!, words[a]!];
        return words.join(' ');
      });
    fc.assert(
      fc.property(
        scheduleArb.chain((talks) =>
          fc.tuple(
            fc.constant(talks),
            fc.oneof(titleArb, fc.constantFrom(...talks.map((t) => t.title)).chain(lookAlikeArb)),
          ),
        ),
        fc.subarray(PEOPLE, { maxLength: 2 }),
        fc.constantFrom(null, '2024-05-10', '2023-05-10'),
        ([talks, title], speakers, pageDate) => {
          fc.pre(!talks.some((t) => related(title, t.title)));
          const result = matchTalk(buildScheduleIndex(conferencesOf(), talks), { title, speakers, pageDate });
          expect(result.kind).not.toBe('match');
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('matchTalk: a person named before a colon in a detected title', () => {
  const conference = {
    id: 'fd25',
    title: 'Frontend Harbour 2025',
    acronym: null,
    start: '2025-05-16',
    end: '2025-05-17',
  };
  const talk = (id: string, title: string, speakers: string[]): MatchableTalk => ({
    id,
    conferenceId: 'fd25',
    title,
    subtitle: null,
    speakers,
    start: '2025-05-16T11:00:00+03:00',
    day: '2025-05-16',
    housekeeping: false,
  });
  const others = generateSchedules(2, 300, 23, 2025);
  const schedules = buildScheduleIndex(
    [conference, ...others.conferences],
    [
      talk('pg', 'Scaling Postgres', ['Jane Doe']),
      talk('arch', 'Архітектурні рішення', ['Андрій Шевчук']),
      talk('mfe', 'Мікрофронтенди, від яких ми відмовились', ['Андрій Шевчук']),
      talk('zc', 'Parser Combinators', ['Robert Smith']),
      talk('budgets', 'Observability Budgets', []),
      talk('rust', 'Rust: The Good Parts', ['Ann Lee']),
      talk('go-parts', 'The Good Parts of Go', ['Bo Chen']),
      talk('lessons', 'Lessons Learned', []),
      talk('once', 'Exactly Once', []),
      talk('kafka', 'Kafka Streams in Production', ['Lena Vogt']),
      talk('pooling', 'Connection Pooling', ['Mia Wong']),
      ...others.talks,
    ],
  );
  const during = '2025-05-17';
  const named = 'Frontend Harbour 2025: my notes';

  it.each([
    [
      'the speaker in full (Cyrillic, a word inflected)',
      'Андрій Шевчук: Мікрофронтенди, від яких ми відмовилися',
      'mfe',
    ],
    ['the speaker by an initial (Cyrillic)', 'А. Шевчук: Архітектурні рішення', 'arch'],
    ['the speaker by an initial', 'J. Doe: Scaling Postgres', 'pg'],
    ['the speaker by a short first name', 'Bob Smith: Parser Combinators', 'zc'],
    ['the speaker after a dash', 'Scaling Postgres — Jane Doe', 'pg'],
    ['the speaker in parentheses', 'Scaling Postgres (Jane Doe)', 'pg'],
    ['a whole title with a colon', 'Rust: The Good Parts', 'rust'],
  ])('%s: "%s" is matched', (_, title, expected) => {
    expect(matchTalk(schedules, query(title, [], during))).toMatchObject({ kind: 'match', talkId: expected });
  });

  it('a name-shaped phrase the talk cannot confirm (it lists nobody): matched where the page names the conference, else offered', () => {
    const title = 'Greta Lindqvist: Observability Budgets';
    expect(matchTalk(schedules, query(title, [], during, named))).toMatchObject({
      kind: 'match',
      talkId: 'budgets',
      evidence: { title: 'named-prefix' },
    });
    const unnamed = matchTalk(schedules, query(title, [], during));
    expect(unnamed.kind).toBe('ambiguous');
    expect(offered(unnamed)[0]).toBe('budgets');
  });

  it.each([
    // Another person before the colon than the talk's speaker (only the first name is the same).
    ['another person before the colon', 'Jane Roe: Scaling Postgres', 'pg'],
    // Name-shaped words that are title words of the schedules: a topic, not a person.
    ['a topic that reads like a name', 'Kafka Streams: Exactly Once', 'once'],
    [
      'a topic that reads like a name, before a talk of someone else',
      'Scaling Postgres: Connection Pooling',
      'pooling',
    ],
    // What is left after the phrase names a slot, not a talk.
    ['a slot phrase after a name-shaped one', 'Type Safety: Lessons Learned', 'lessons'],
    ['a slot phrase after a name', 'Greta Lindqvist: Lessons Learned', 'lessons'],
    ['one word before the colon', 'Go: The Good Parts', 'go-parts'],
  ])('%s ("%s") is not matched to the look-alike after the colon', (_, title, lookalike) => {
    for (const context of [undefined, named]) {
      const m = matchTalk(schedules, query(title, [], during, context));
      expect(m.kind === 'match' ? m.talkId : null).not.toBe(lookalike);
    }
  });
});

describe('matchTalk: a title and speaker read the wrong way round ("J. Doe — Scaling Postgres")', () => {
  const swappedIndex = buildScheduleIndex(FIXTURE_CONFERENCES, FIXTURE_TALKS);
  const ask = (title: string, speaker: string) =>
    matchTalk(swappedIndex, query(title, [speaker], '2024-03-25'));

  it.each([
    ['an initial and a family name', 'J. Doe', 'Scaling Postgres to 10M Users'],
    ['a full name, a shortened title', 'Jane Doe', 'Scaling Postgres'],
  ])('is matched swapped: %s', (_, title, speaker) => {
    expect(ask(title, speaker)).toMatchObject({ kind: 'match', talkId: 'k24-scaling' });
  });

  it.each([
    ['both sides names', 'Jane Doe', 'John Smith'],
    [
      'the title side has a title word of the schedules',
      'Postgres Internals',
      'Scaling Postgres to 10M Users',
    ],
    ['the title side is lower case (no written name)', 'jane doe', 'Scaling Postgres to 10M Users'],
    ['the speaker side is one word', 'Jane Doe', 'Postgres'],
    ['the swapped title matches no talk', 'J. Doe', 'Quantum Basket Weaving'],
    ['a slot title on the speaker side (a name alone never matches)', 'Jane Doe', 'Opening Keynote'],
  ])('is not matched swapped: %s', (_, title, speaker) => {
    expect(ask(title, speaker).kind).not.toBe('match');
  });
});

describe('matchTalk: speakers in another script, translated titles', () => {
  const pycon = {
    id: 'pyi24',
    title: 'PyCon India 2024',
    acronym: null,
    start: '2024-09-20',
    end: '2024-09-22',
  };
  const talk = (id: string, title: string, speakers: string[]): MatchableTalk => ({
    id,
    conferenceId: 'pyi24',
    title,
    subtitle: null,
    speakers,
    start: '2024-09-21T10:00:00+05:30',
    day: '2024-09-21',
    housekeeping: false,
  });
  const others = generateSchedules(2, 300, 17, 2024);
  const schedules = buildScheduleIndex(
    [pycon, ...others.conferences],
    [
      talk('pop', 'Python at Population Scale', ['Ananya Rao']),
      talk('spell', 'Building a Spell Checker for Hindi', ['Meenakshi Sundaram']),
      talk('cloud', 'On-Device AI, Not in the Cloud', ['Hala Mansour']),
      talk('async', 'Async Python Without the Pain', ['Rohit Malhotra']),
      talk('django', 'Profiling Django in Production', ['Rohit Malhotra']),
      ...others.talks,
    ],
  );
  const notes = 'PyCon India 2024 — बेंगलुरु से मेरे नोट्स';
  const during = '2024-09-23';
  const ask = (title: string, speakers: string[], context = notes) =>
    matchTalk(schedules, query(title, speakers, during, context));

  it.each([
    ['a Devanagari speaker, the same title', ask('Python at Population Scale', ['अनन्या राव']), 'pop'],
    ['an Arabic speaker, the same title', ask('On-Device AI, Not in the Cloud', ['هالة منصور']), 'cloud'],
    [
      'a translated title, the only talk of a speaker spelt in another script',
      ask('हिंदी के लिए वर्तनी जाँचक बनाना', ['मीनाक्षी सुंदरम']),
      'spell',
    ],
  ])('matches %s', (_, match, id) => {
    expect(match).toMatchObject({ kind: 'match', talkId: id });
  });

  it('offers, not matches, the same title by another person in another script', () => {
    const m = ask('Python at Population Scale', ['प्रिया नायर']);
    expect(m.kind).toBe('ambiguous');
    expect(offered(m)).toContain('pop');
  });

  it('offers the talks of a speaker with two talks for a translated title (speaker spelt in another script)', () => {
    const m = ask('दर्द के बिना एसिंक पायथन', ['रोहित मल्होत्रा']);
    expect(m.kind).toBe('ambiguous');
    expect(offered(m)).toEqual(expect.arrayContaining(['async', 'django']));
  });

  it('offers a translated title whose speaker agrees when the page names the conference', () => {
    const m = ask('Costruire un correttore ortografico', ['Meenakshi Sundaram']);
    expect(m.kind === 'match' ? m.talkId : offered(m)).toEqual(expect.arrayContaining(['spell']));
  });

  it.each([
    [
      'the page does not name the conference',
      ask('हिंदी के लिए वर्तनी जाँचक बनाना', ['मीनाक्षी सुंदरम'], 'मेरे नोट्स'),
    ],
    ['a first name alone', ask('हिंदी के लिए वर्तनी जाँचक बनाना', ['मीनाक्षी'])],
    ['a title that is only the name', ask('अनन्या राव', ['अनन्या राव'])],
  ])('does not match: %s', (_, m) => {
    expect(m.kind).not.toBe('match');
  });
});

describe('matchTalk: speakers in Indic and Georgian scripts (session 13)', () => {
  const devfest = {
    id: 'dft24',
    title: 'DevFest Tbilisi 2024',
    acronym: null,
    start: '2024-11-16',
    end: '2024-11-16',
  };
  const talk = (id: string, title: string, speakers: string[]): MatchableTalk => ({
    id,
    conferenceId: 'dft24',
    title,
    subtitle: null,
    speakers,
    start: '2024-11-16T11:00:00+04:00',
    day: '2024-11-16',
    housekeeping: false,
  });
  const others = generateSchedules(2, 300, 29, 2024);
  const schedules = buildScheduleIndex(
    [devfest, ...others.conferences],
    [
      talk('assist', 'AI Assistants for the Georgian Language', ['Tamar Lomidze']),
      talk('billion', 'Building for the Next Billion Users, Again', ['Kavitha Rajendran']),
      talk('typo', 'Jetpack Compose-এ বাংলা টাইপোগ্রাফি', ['Fahim Ahmed']),
      talk('cost', 'Firebase Costs Under Control', ['Levan Japaridze', 'Ana Gogoladze']),
      talk('rules', 'Firebase Security Rules 101', ['Levan Japaridze']),
      ...others.talks,
    ],
  );
  const notes = 'DevFest Tbilisi 2024 — ჩანაწერები';
  const ask = (title: string, speakers: string[], context = notes) =>
    matchTalk(schedules, query(title, speakers, '2024-11-17', context));

  it.each([
    [
      'a Tamil speaker, the same title',
      ask('Building for the Next Billion Users, Again', ['கவிதா ராஜேந்திரன்']),
      'billion',
    ],
    ['a Bengali speaker, the same title', ask('Jetpack Compose-এ বাংলা টাইপোগ্রাফি', ['ফাহিম আহমেদ']), 'typo'],
    [
      'a translated title, the only talk of a speaker spelt in Georgian',
      ask('AI ასისტენტები ქართული ენისთვის', ['თამარ ლომიძე']),
      'assist',
    ],
  ])('matches %s', (_, match, id) => {
    expect(match).toMatchObject({ kind: 'match', talkId: id });
  });

  it.each([
    // Another person, spelt in the same script: the same title by someone else.
    ['the same title by another Tamil name', ask('Building for the Next Billion Users, Again', ['கவ்யா ராஜன்'])],
    // A speaker with two talks: a translated title could be either.
    [
      'a translated title of a speaker with two talks',
      ask('Firebase-ის ხარჯები კონტროლის ქვეშ', ['ლევან ჯაფარიძე']),
    ],
    ['a first name alone in Georgian', ask('AI ასისტენტები ქართული ენისთვის', ['თამარ'])],
    [
      'the page does not name the conference',
      ask('AI ასისტენტები ქართული ენისთვის', ['თამარ ლომიძე'], 'ჩანაწერები'),
    ],
  ])('does not match: %s', (_, m) => {
    expect(m.kind).not.toBe('match');
  });
});

describe('matchTalk: one main title, subtitles that say the same (session 13)', () => {
  const heap = { id: 'heap24', title: 'Heapcon 2024', acronym: null, start: '2024-10-17', end: '2024-10-18' };
  const heap23 = {
    id: 'heap23',
    title: 'Heapcon 2023',
    acronym: null,
    start: '2023-10-12',
    end: '2023-10-13',
  };
  const talk = (id: string, conferenceId: string, title: string, speakers: string[]): MatchableTalk => ({
    id,
    conferenceId,
    title,
    subtitle: null,
    speakers,
    start: conferenceId === 'heap24' ? '2024-10-17T10:00:00+02:00' : '2023-10-12T10:00:00+02:00',
    day: conferenceId === 'heap24' ? '2024-10-17' : '2023-10-12',
    housekeeping: false,
  });
  const others = generateSchedules(2, 300, 31, 2024);
  const schedules = buildScheduleIndex(
    [heap, heap23, ...others.conferences],
    [
      talk('budgets', 'heap24', 'Observability Budgets: Pay Only for the Signals You Use', [
        'Stefan Milošević',
      ]),
      talk(
        'flaky',
        'heap24',
        'Flaky Tests Are Mostly Order-Dependent: An Empirical Study of 3,000 Open-Source Projects',
        ['Keiko Tanabe', 'Marcus Osei'],
      ),
      talk(
        'flaky-ws',
        'heap24',
        'Flaky Tests Are Mostly Order-Dependent: A Study of 3,000 Projects (Workshop)',
        ['Marcus Osei'],
      ),
      // One speaker, one main title, two talks whose subtitles say nearly the same.
      talk('mesh-1', 'heap24', 'Service Mesh Retrospective: What Broke in the First Year', ['Ana Ilić']),
      talk('mesh-2', 'heap24', 'Service Mesh Retrospective: What Broke in the Second Year', ['Ana Ilić']),
      // The same title at last year's edition, the same speaker.
      talk('cells-24', 'heap24', 'Cell-Based Architecture: Lessons From Real Outages', ['Jovan Petrov']),
      talk('cells-23', 'heap23', 'Cell-Based Architecture: Lessons From Outages', ['Jovan Petrov']),
      ...others.talks,
    ],
  );
  const notes = 'Heapcon 2024 :: Инжењерски приручник';
  const ask = (title: string, speakers: string[], pageDate: string | null = null, context = notes) =>
    matchTalk(schedules, query(title, speakers, pageDate, context));

  it.each([
    [
      'an inflected word in the subtitle, no page date',
      ask('Observability Budgets: Paying Only for the Signals You Use', ['Stefan Milošević']),
      'budgets',
    ],
    [
      'words the subtitle leaves out, one speaker of two',
      ask(
        'Flaky Tests Are Mostly Order-Dependent: A Study of 3,000 Projects',
        ['Keiko Tanabe'],
        '2024-10-20',
      ),
      'flaky',
    ],
    [
      'the edition the page names, not last year’s',
      ask('Cell-Based Architecture: Lessons From Outages', ['Jovan Petrov'], '2024-10-20'),
      'cells-24',
    ],
  ])('matches %s', (_, match, id) => {
    expect(match).toMatchObject({ kind: 'match', talkId: id });
  });

  it.each([
    [
      'the page does not name the conference',
      ask('Observability Budgets: Paying Only for the Signals You Use', ['Stefan Milošević'], null, 'Notes'),
    ],
    ['no speakers', ask('Observability Budgets: Paying Only for the Signals You Use', [])],
    ['a first name alone', ask('Observability Budgets: Paying Only for the Signals You Use', ['Stefan'])],
    [
      'another person',
      ask('Observability Budgets: Paying Only for the Signals You Use', ['Marko Jovanović'], '2024-10-20'),
    ],
    [
      'a speaker’s two talks of one main title',
      ask('Service Mesh Retrospective: What Broke in Year One', ['Ana Ilić'], '2024-10-20'),
    ],
    [
      'a subtitle with a word changed (the other year of a series)',
      ask('Service Mesh Retrospective: What Broke in the Third Year', ['Ana Ilić'], '2024-10-20'),
    ],
    [
      'the workshop’s speaker, whose talk it could be as well',
      ask('Flaky Tests Are Mostly Order-Dependent: A Study of 3,000 Projects', ['Marcus Osei'], '2024-10-20'),
    ],
  ])('does not match: %s', (_, m) => {
    expect(m.kind).not.toBe('match');
  });
});

describe('matchTalk: a translated title beside the speakers’ other session (session 13)', () => {
  const devtalks = {
    id: 'dt24',
    title: 'DevTalks Romania 2024',
    acronym: null,
    start: '2024-06-12',
    end: '2024-06-13',
  };
  const talk = (id: string, title: string, speakers: string[]): MatchableTalk => ({
    id,
    conferenceId: 'dt24',
    title,
    subtitle: null,
    speakers,
    start: '2024-06-12T14:00:00+03:00',
    day: '2024-06-12',
    housekeeping: false,
  });
  const others = generateSchedules(2, 300, 37, 2024);
  const schedules = buildScheduleIndex(
    [devtalks, ...others.conferences],
    [
      talk('postmortems', 'Blameless Postmortems, With Consequences', ['Corina Dobre']),
      talk('panel', 'Panel: On-Call Without Burnout', ['Corina Dobre', 'Oana Lungu', 'Tudor Rusu']),
      talk('rust', 'Rust for Java Developers', ['Marek Sowa']),
      talk('rust-qa', 'Marek Sowa: Rust – Q&A', ['Marek Sowa']),
      ...others.talks,
    ],
  );
  const notes = 'Notițe de la DevTalks 2024';
  const ask = (title: string, speakers: string[], context = notes) =>
    matchTalk(schedules, query(title, speakers, '2024-06-18', context));

  it.each([
    [
      'a word shared with the talk, none with the panel',
      ask('Postmortem-uri fără vinovați, dar cu consecințe', ['Corina Dobre']),
      'postmortems',
    ],
    [
      'a word shared with the panel, none with the talk',
      ask('Gărzi fără burnout', ['Corina Dobre']),
      'panel',
    ],
  ])('matches %s', (_, match, id) => {
    expect(match).toMatchObject({ kind: 'match', talkId: id });
  });

  it.each([
    // The other session shares a word too: either could be the one written up.
    ['a word shared with both sessions', ask('Rust dla programistów Javy', ['Marek Sowa'])],
    // A translation sharing no word says nothing of which session it is.
    ['no word shared', ask('Ședințe fără vinovați, dar cu urmări', ['Corina Dobre'])],
    // In the talk's own language, a title that shares some words is a title of its own.
    ['a reworded title in the talk’s language', ask('Postmortems Without Blame', ['Corina Dobre'])],
    [
      'the page does not name the conference',
      ask('Postmortem-uri fără vinovați, dar cu consecințe', ['Corina Dobre'], 'Notițe'),
    ],
  ])('does not match: %s', (_, m) => {
    expect(m.kind).not.toBe('match');
  });
});

describe('matchTalk: a speaker in a script read only with a dictionary (session 14, after round 14)', () => {
  const kubecon = {
    id: 'kcc26',
    title: 'KubeCon China 2026',
    acronym: null,
    start: '2026-06-10',
    end: '2026-06-11',
  };
  const talk = (id: string, title: string, speakers: string[], day = '2026-06-10'): MatchableTalk => ({
    id,
    conferenceId: 'kcc26',
    title,
    subtitle: null,
    speakers,
    start: `${day}T10:00:00+08:00`,
    day,
    housekeeping: false,
  });
  const others = generateSchedules(2, 300, 31, 2026);
  const schedules = buildScheduleIndex(
    [kubecon, ...others.conferences],
    [
      talk('ebpf', 'eBPF for the Rest of Us', ['Wong Ka Ho'], '2026-06-11'),
      talk('mesh', 'Service Mesh in Production', ['Wei Zhang']),
      talk('mesh2', 'Service Mesh in Production', ['Laura Becker'], '2026-06-11'),
      talk('leaks', 'Debugging Python Memory Leaks in Production', ['Jiamin Li']),
      ...others.talks,
    ],
  );
  const ask = (title: string, speakers: string[]) =>
    matchTalk(schedules, query(title, speakers, '2026-06-14', 'KubeCon China 2026 香港参会笔记'));

  it('reads the speakers as unknown, not as other people: the same title matches as with no speaker named', () => {
    expect(ask('eBPF for the Rest of Us', ['黄家豪'])).toMatchObject({
      kind: 'match',
      talkId: 'ebpf',
      evidence: { speakers: 'unknown' },
    });
  });

  it.each([
    // Two talks of one title: the unread name tells neither.
    ['a title two talks have', ask('Service Mesh in Production', ['张伟'])],
    // A title a word away needs agreeing speakers.
    ['a near title', ask('Debugging Memory Leaks in Production', ['李嘉敏'])],
  ])('does not match: %s', (_, m) => {
    expect(m.kind).not.toBe('match');
  });

  it('still disagrees for a name in a script read here, or two names in one unread script', () => {
    const list = (...names: string[]) => names.map(nameWords);
    expect(compareSpeakers(list('黄家豪'), list('Wong Ka Ho'))).toBe('unknown');
    expect(compareSpeakers(list('タナカ ケンタ'), list('Laura Becker'))).toBe('unknown');
    expect(compareSpeakers(list('Андрій Шевчук'), list('Laura Becker'))).toBe('disagree');
    expect(compareSpeakers(list('黄家豪'), list('陈思远'))).toBe('disagree');
    expect(compareSpeakers(list('Jane Doe'), list('Laura Becker'))).toBe('disagree');
  });
});
