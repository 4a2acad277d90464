// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { namedConferences, pageContext } from '@/core/schedule/conference-named';
import { dayNumber } from '@/core/schedule/date-fit';
import { buildScheduleIndex, type MatchableConference } from '@/core/schedule/schedule-index';

const conference = (id: string, title: string, start: string, end: string): MatchableConference => ({
  id,
  title,
  acronym: null,
  start,
  end,
});

// Two editions of one series in one year, on two continents, and two conferences named after cities
// that pages spell their own way.
const conferences = [
  conference('sa', 'Cloud Builders South America 2025', '2025-09-10', '2025-09-11'),
  conference('eu', 'Cloud Builders Europe 2025', '2025-04-02', '2025-04-03'),
  conference('lisbon', 'Codefest Lisbon 2025', '2025-05-20', '2025-05-21'),
  conference('saigon', 'DevDays Saigon 2025', '2025-11-08', '2025-11-08'),
  conference('javaland', 'Java Land 2025', '2025-03-25', '2025-03-27'),
  conference('rivertown', 'Rivertown Rust 2025', '2025-06-05', '2025-06-06'),
];
const index = buildScheduleIndex(conferences, []);
const all = [...index.conferences.values()];

const named = (context: string, pageDate: string | null = null) =>
  [...namedConferences(pageContext(context), all, dayNumber(pageDate))].map((c) => c.conference.id).sort();

describe('namedConferences', () => {
  it('names a conference by most of its title and its year', () => {
    expect(named('Cloud Builders Europe 2025: my three favourite talks')).toEqual(['eu']);
    expect(named('Codefest Lisbon 2025 recap')).toEqual(['lisbon']);
  });

  it('does not take words two conferences share for either (one series, two editions)', () => {
    // "Cloud Builders 2025" is most of Europe's title, and all but the part that tells it from South America's.
    expect(named('Cloud Builders 2025: day one')).toEqual([]);
    expect(named('Cloud Builders South America 2025')).toEqual(['sa']);
  });

  it('reads a run of title words from their initials in capitals', () => {
    expect(named('Trip report: Cloud Builders SA 2025 (São Paulo)')).toEqual(['sa']);
    // In lower case "sa" is a word like any other, not initials.
    expect(named('cloud builders sa 2025')).toEqual([]);
  });

  it('finds a title word written apart or together on the page', () => {
    expect(named('DevDays Sai Gon 2025: ghi chép')).toEqual(['saigon']);
    expect(named('JavaLand 2025 in one page')).toEqual(['javaland']);
  });

  it('finds a title word of five letters or more with one letter changed (a city in the page’s language)', () => {
    expect(named('Dois dias no Codefest Lisboa 2025')).toEqual(['lisbon']);
    // Not in a short word, and not two letters changed.
    expect(named('Codefest Lisbonne 2025')).toEqual([]);
  });

  it('takes the year from the page date when the page is dated during the conference', () => {
    expect(named('Notes from Rivertown Rust', '2025-06-09')).toEqual(['rivertown']);
    // A year later the page writes up another edition, and without a date nothing says which.
    expect(named('Notes from Rivertown Rust', '2026-06-09')).toEqual([]);
    expect(named('Notes from Rivertown Rust')).toEqual([]);
  });

  // A meetup series named with articles, and two editions of one series whose titles differ by a word
  // of an unspaced script (a venue in Han characters beside a city in Latin letters).
  const more = buildScheduleIndex(
    [
      conference('jeudis', 'Les Jeudis du Dev · Lyon', '2025-01-09', '2025-12-11'),
      conference('mardis', 'Les Mardis du Web · Lyon', '2025-01-07', '2025-12-09'),
      conference('qcon-bj', 'QCon 全球软件开发大会（北京站）2025', '2025-04-10', '2025-04-12'),
      conference('qcon-sh', 'QCon 全球软件开发大会（上海站）2025', '2025-10-16', '2025-10-18'),
      conference('qcon-ldn', 'QCon London 2025', '2025-04-07', '2025-04-09'),
    ],
    [],
  );
  const moreNamed = (context: string, pageDate: string | null = null) =>
    [...namedConferences(pageContext(context), [...more.conferences.values()], dayNumber(pageDate))]
      .map((c) => c.conference.id)
      .sort();

  it('reads the articles of a conference’s name as filler, in other languages too', () => {
    expect(moreNamed('Onzième soirée Jeudis Dev, Lyon', '2025-11-14')).toEqual(['jeudis']);
    // The articles and the city alone name neither series.
    expect(moreNamed('Les meetups du mois à Lyon', '2025-11-14')).toEqual([]);
    expect(moreNamed('Mardis Web Lyon : les notes', '2025-11-14')).toEqual(['mardis']);
  });

  it('finds a word of an unspaced script by most of its character pairs', () => {
    // "北京" on the page, "北京站" (the Beijing venue) in the title: not Shanghai's, not London's.
    expect(moreNamed('QCon 北京 2025 参会笔记')).toEqual(['qcon-bj']);
    expect(moreNamed('QCon 上海 2025 参会笔记')).toEqual(['qcon-sh']);
    // One character of three is not most of it; and the name the editions share names neither.
    expect(moreNamed('QCon 站 2025 参会笔记')).toEqual([]);
    expect(moreNamed('QCon 2025 参会笔记')).toEqual([]);
  });

  // A series with editions in two countries, and one named after its country alone.
  const series = buildScheduleIndex(
    [
      conference('dt-ro', 'DevTalks Romania 2024', '2024-06-12', '2024-06-13'),
      conference('kc-eu', 'KubeCon Europe 2024', '2024-03-20', '2024-03-22'),
      conference('gd-eu', 'GopherDays Europe 2024', '2024-06-10', '2024-06-11'),
      conference('gd-asia', 'GopherDays Asia 2024', '2024-06-20', '2024-06-21'),
    ],
    [],
  );
  const seriesNamed = (context: string, pageDate: string | null = null) =>
    [...namedConferences(pageContext(context), [...series.conferences.values()], dayNumber(pageDate))]
      .map((c) => c.conference.id)
      .sort();

  it('names a conference by its series and year, as a writer there shortens it, on a page dated during it (session 13)', () => {
    expect(seriesNamed('Notițe: „Postmortem-uri” – Corina Dobre la DevTalks 2024', '2024-06-18')).toEqual([
      'dt-ro',
    ]);
    expect(seriesNamed('https://blog.example/posts/mutation-testing-devtalks-2024/', '2024-06-18')).toEqual([
      'dt-ro',
    ]);
  });

  it.each([
    ['no page date', 'Corina Dobre la DevTalks 2024', null],
    ['a page dated months after', 'Corina Dobre la DevTalks 2024', '2024-11-02'],
    // KubeCon North America is in November: only Europe's edition is imported.
    ['another edition of the series, later that year', 'KubeCon 2024: my notes', '2024-11-15'],
    ['the year not right after the series', 'DevTalks, June 2024', '2024-06-18'],
    ['the series alone', 'Notes from DevTalks', '2024-06-18'],
    // Two editions a page dated during both could be: the series names neither.
    ['two editions of the series the page could be at', 'GopherDays 2024 recap', '2024-06-22'],
  ])('does not name a conference by its series and year: %s', (_, context, pageDate) => {
    expect(seriesNamed(context, pageDate)).toEqual([]);
  });
});

/** What a context names among `list` alone, for a page dated `pageDate`. */
const namerAmong = (list: MatchableConference[]) => {
  const indexed = [...buildScheduleIndex(list, []).conferences.values()];
  return (context: string, pageDate: string | null = null) =>
    [...namedConferences(pageContext(context), indexed, dayNumber(pageDate))]
      .map((c) => c.conference.id)
      .sort();
};

describe('namedConferences: a page naming the conference in another script (session 14)', () => {
  const namedHere = namerAmong([
    conference('lahore', 'devfest-lahore-2025.sessionize', '2025-12-13', '2025-12-13'),
    conference('dhaka', 'DevFest Dhaka 2024', '2024-12-14', '2024-12-14'),
    conference('cairo', 'DevFest Cairo 2025', '2025-12-13', '2025-12-13'),
    conference('yerevan', 'DevFest Yerevan 2025', '2025-11-22', '2025-11-22'),
  ]);

  it.each([
    ['Urdu, the series in two words', 'ڈیو فیسٹ لاہور 2025 — میرے نوٹس', ['lahore']],
    ['Bengali, with Bengali digits', 'ডেভফেস্ট ঢাকা ২০২৪: যে চারটি সেশন মনে থাকবে', ['dhaka']],
    ['Arabic, a preposition written onto the series', 'ملخصي لديف فيست القاهرة 2025', ['cairo']],
    ['Armenian', 'ԴևՖեստ Երևան 2025. իմ նշումները', ['yerevan']],
  ])('%s', (_, context, expected) => {
    expect(namedHere(context)).toEqual(expected);
  });

  it.each([
    ['another city', 'ڈیو فیسٹ کراچی 2025 — میرے نوٹس'],
    ['another year', 'ডেভফেস্ট ঢাকা ২০২৩'],
    ['the series alone', 'ملخصي لديف فيست'],
    ['words of like consonants that are no name', 'دفتر ملاحظات 2025'],
  ])('not named: %s', (_, context) => {
    expect(namedHere(context)).toEqual([]);
  });
});

describe('namedConferences: a conference by its hashtag, on a page dated during it (session 14)', () => {
  const namedOn = namerAmong([
    conference('it', 'PyCon Italia 2024', '2024-05-22', '2024-05-25'),
    conference('us', 'PyCon US 2024', '2024-05-15', '2024-05-23'),
    conference('kubeeu', 'KubeCon Europe 2024', '2024-03-19', '2024-03-22'),
  ]);

  it.each([
    ['its series and the start of its place', 'Day 2 of #PyConIT in Florence.', '2024-05-24', ['it']],
    ['with the year', 'Notes from #PyConItalia2024', '2024-05-24', ['it']],
    ['with the year in two digits', 'A thread: #KubeConEU24, day one', '2024-03-20', ['kubeeu']],
  ])('names it by %s', (_, context, date, expected) => {
    expect(namedOn(context, date)).toEqual(expected);
  });

  it.each([
    ['the series alone', 'Day 2 of #PyCon in Florence.', '2024-05-24'],
    ['another edition’s place', 'Day 2 of #PyConDE in Berlin.', '2024-05-24'],
    ['another year', 'Notes from #PyConIT2023', '2024-05-24'],
    ['a page dated months after', 'Day 2 of #PyConIT in Florence.', '2024-09-30'],
    ['the words without the hash, run together', 'Day 2 of pyconit in Florence.', '2024-05-24'],
    ['an anchor in an address', 'https://example.org/page#PyConIT', '2024-05-24'],
  ])('not by %s', (_, context, date) => {
    expect(namedOn(context, date)).toEqual([]);
  });
});

describe('namedConferences: a place called as the page’s language calls it (session 14)', () => {
  const namedHere = namerAmong([
    conference('kr', 'PyCon Korea 2024', '2024-10-26', '2024-10-27'),
    conference('jp', 'PyCon Japan 2024', '2024-09-27', '2024-09-29'),
    conference('muc', 'DevFest Munich 2025', '2025-11-15', '2025-11-15'),
    conference('hk', 'KubeCon Hong Kong 2026', '2026-06-10', '2026-06-11'),
  ]);

  it.each([
    ['a country in hangul, the series by its sound', '파이콘 한국 2024 영상으로 다시 보기', ['kr']],
    ['the other country in hangul', '파이콘 일본 2024 후기', ['jp']],
    ['a city in the page’s language', 'DevFest München 2025: meine Notizen', ['muc']],
    ['a city of two words, in Han characters', 'KubeCon 香港 2026 参会笔记', ['hk']],
  ])('%s', (_, context, expected) => {
    expect(namedHere(context)).toEqual(expected);
  });

  it.each([
    ['another country', '파이콘 중국 2024 후기'],
    ['another year', '파이콘 한국 2023 영상'],
    ['the series alone, two editions fit', '파이콘 2024 후기'],
    ['another city', 'DevFest Wien 2025'],
  ])('not named: %s', (_, context) => {
    expect(namedHere(context)).toEqual([]);
  });
});
