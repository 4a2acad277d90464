/**
 * Generated conference schedules with the vocabulary real ones share (Kubernetes, Rust, AI, Postgres
 * in hundreds of titles), for the matcher's tests and benchmark: a series of conferences a year apart
 * that reuse slot titles ("Opening Keynote", "Lightning talks") and speakers who give the same talk
 * twice, plus breaks. Deterministic for a seed.
 */
import type { MatchableConference, MatchableTalk } from '@/core/schedule/schedule-index';
import { seededRandom } from '../../../seeded-random';

export const TECHS = [
  'Kubernetes',
  'Rust',
  'Go',
  'Python',
  'TypeScript',
  'JavaScript',
  'Postgres',
  'Kafka',
  'React',
  'WebAssembly',
  'eBPF',
  'Linux',
  'GraphQL',
  'Terraform',
  'Docker',
  'OpenTelemetry',
  'Prometheus',
  'Java',
  'Kotlin',
  'Swift',
  'Elixir',
  'Haskell',
  'Scala',
  'Node.js',
  'Deno',
  'Redis',
  'SQLite',
  'DuckDB',
  'Spark',
  'Flink',
  'LLMs',
  'AI',
  'Zig',
  'C++',
  'Nix',
  'gRPC',
  'CSS',
  'Git',
  'Svelte',
  'Django',
  'Rails',
  'Envoy',
  'Istio',
  'Cassandra',
  'ClickHouse',
  'Vue',
  'Flutter',
  'Android',
  'iOS',
  'the JVM',
];
export const TOPICS = [
  'Observability',
  'Security',
  'Testing',
  'Performance',
  'Accessibility',
  'Reliability',
  'Type Safety',
  'Memory Safety',
  'Concurrency',
  'Supply Chain Security',
  'Platform Engineering',
  'Developer Experience',
  'Data Pipelines',
  'Search',
  'Caching',
  'Sharding',
  'Schema Migrations',
  'Monorepos',
  'Edge Computing',
  'Serverless',
  'Microservices',
  'Event Sourcing',
  'Incident Response',
  'Chaos Engineering',
  'Feature Flags',
  'Design Systems',
  'State Management',
  'Documentation',
  'Open Source Sustainability',
  'Code Review',
  'Profiling',
  'Fuzzing',
  'Static Analysis',
  'Query Planning',
  'Load Testing',
  'Cost Optimization',
  'Multi-Tenancy',
  'Zero Trust',
  'Vector Search',
  'Retrieval-Augmented Generation',
  'AI Agents',
  'Prompt Engineering',
  'Model Serving',
  'GPU Scheduling',
  'Energy Efficiency',
  'Internationalization',
  'Offline-First Apps',
  'Realtime Collaboration',
  'Garbage Collection',
  'Compilers',
];
const AUDIENCES = [
  'Beginners',
  'Busy Developers',
  'Data Scientists',
  'SREs',
  'Frontend Developers',
  'Small Teams',
  'Startups',
  'Large Organisations',
  'Everyone',
  'Humans',
];
const THINGS = [
  'a Search Engine',
  'a Database',
  'a Compiler',
  'a Game Engine',
  'a Payment System',
  'an Operating System',
  'a Chat App',
  'a Recommendation System',
  'an Observability Stack',
  'a Build System',
  'a Feature Store',
  'a Scheduler',
  'a Message Queue',
  'a Browser Extension',
  'a CLI',
  'a Static Site Generator',
];
const COMPANIES = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Hooli',
  'Stark Industries',
  'Wayne Enterprises',
  'Cyberdyne',
  'Soylent',
  'Tyrell',
];
const SUBTITLES = [
  'Lessons from Production',
  'A Field Guide',
  'What We Learned the Hard Way',
  'Myths and Reality',
  'The Missing Manual',
  'Beyond the Basics',
  'A Case Study',
  'Patterns and Anti-Patterns',
  'From Zero to Hero',
  'Five Years Later',
  'The Good, the Bad and the Ugly',
  'A Practical Introduction',
];
const FIRST = [
  'Jane',
  'Kwame',
  'Aiko',
  'Marta',
  'Priya',
  'Jorge',
  'Helen',
  'Tomasz',
  'Fatima',
  'Lars',
  'Mei',
  'Olu',
  'Sofia',
  'Ravi',
  'Ingrid',
  'Diego',
  'Hana',
  'Youssef',
  'Clara',
  'Mo',
  'Ana',
  'Björn',
  'Chloé',
  'Dmitri',
  'Esther',
  'Farid',
  'Grace',
  'Hiro',
  'Isabel',
  'Jonas',
];
const LAST = [
  'Doe',
  'Asante',
  'Brandt',
  'Oyelaran',
  'Natarajan',
  'Albuquerque',
  'Qiu',
  'Wrzesień',
  'Haddad',
  'Lindqvist',
  'Chen',
  'Adeyemi',
  'Rossi',
  'Iyer',
  'Johansson',
  'Martins',
  'Kobayashi',
  'Benali',
  'Jansen',
  'Farouk',
  'Núñez',
  'Okafor',
  'Petrov',
  'Schmidt',
  'Tanaka',
  'Walsh',
  'Yilmaz',
  'Zhou',
  'Kowalski',
  'Moreau',
];

type Pick = <T>(list: readonly T[]) => T;

/** One invented talk title, from templates real schedules are full of. */
export function inventTitle(pick: Pick, random: () => number): string {
  const tech = pick(TECHS);
  const other = pick(TECHS);
  const topic = pick(TOPICS);
  const templates = [
    () => `${tech} in Production: ${pick(SUBTITLES)}`,
    () => `Scaling ${tech} to ${1 + Math.floor(random() * 99)}M Users`,
    () => `Building ${pick(THINGS)} with ${tech}`,
    () => `${topic} in ${tech} for ${pick(AUDIENCES)}`,
    () => `Intro to ${tech} ${topic}`,
    () => `What's New in ${tech} ${1 + Math.floor(random() * 9)}.${Math.floor(random() * 10)}`,
    () => `${tech} ${topic} at Scale`,
    () => `Why We Moved from ${tech} to ${other}`,
    () => `The State of ${topic} in ${tech}`,
    () => `${topic} with ${tech}: ${pick(SUBTITLES)}`,
    () => `Debugging ${topic} Problems in ${tech}`,
    () => `Migrating ${10 * (1 + Math.floor(random() * 50))} Services to ${tech}`,
    () => `How ${pick(COMPANIES)} Does ${topic} with ${tech}`,
    () => `${tech} ${topic} Without the Hype`,
    () => `Lessons Learned Running ${tech} on ${other}`,
    () => `${tech} and ${other}: ${topic} in Practice`,
    () => `A Deep Dive into ${tech} ${topic}`,
    () => `${topic} with ${tech}, ${other} and a Little Bit of Magic`,
  ];
  return pick(templates)();
}

/** A speaker name. */
export function inventPerson(pick: Pick): string {
  return `${pick(FIRST)} ${pick(LAST)}`;
}

/** Slot titles every edition of a series has. */
export const SLOT_TITLES = [
  'Opening Keynote',
  'Closing Keynote',
  'Lightning talks',
  'Welcome',
  'Panel: Ask Me Anything',
];
const BREAKS = ['Lunch', 'Coffee break', 'Registration', 'Doors open'];

export interface GeneratedSchedules {
  conferences: MatchableConference[];
  talks: MatchableTalk[];
}

/**
 * `conferences` conferences of `talksEach` talks: two series a year apart, each edition with its slot
 * titles (lightning talks twice), one in twenty talks given again at the next edition by the same
 * speaker, breaks marked housekeeping, titles otherwise invented (some repeat by chance, as in life).
 */
export function generateSchedules(
  conferences: number,
  talksEach: number,
  seed = 1,
  firstYear = 2018,
): GeneratedSchedules {
  const random = seededRandom(seed);
  const pick: Pick = (list) => list[Math.floor(random() * list.length)]!;
  const confs: MatchableConference[] = [];
  const talks: MatchableTalk[] = [];
  const lastEdition = new Map<string, MatchableTalk[]>();
  for (let c = 0; c < conferences; c++) {
    const series = c % 2 === 0 ? 'DevConf' : 'CloudSummit';
    const year = firstYear + Math.floor(c / 2);
    const month = series === 'DevConf' ? 3 : 9;
    const start = `${year}-0${month}-1${c % 2}`;
    const end = `${year}-0${month}-1${(c % 2) + 2}`;
    const id = `conf${c}`;
    confs.push({ id, title: `${series} ${year}`, acronym: `${series.toLowerCase()}${year}`, start, end });
    const own: MatchableTalk[] = [];
    for (let t = 0; t < talksEach; t++) {
      const day = `${year}-0${month}-1${(c % 2) + (t % 3)}`;
      const hour = 9 + (t % 9);
      const base = {
        conferenceId: id,
        subtitle: null,
        day,
        start: `${day}T${hour}:00:00`,
        room: `Room ${'ABCDEF'[t % 6]}`,
      };
      let talk: MatchableTalk;
      const again = lastEdition.get(series)?.[t];
      if (t < SLOT_TITLES.length + 1) {
        // The slots, lightning talks twice.
        const title = SLOT_TITLES[t] ?? 'Lightning talks';
        talk = {
          ...base,
          id: `${id}-t${t}`,
          title,
          speakers: title.startsWith('Panel') ? [] : [inventPerson(pick)],
          housekeeping: false,
        };
      } else if (t % 50 === 7) {
        talk = { ...base, id: `${id}-t${t}`, title: pick(BREAKS), speakers: [], housekeeping: true };
      } else if (again && !again.housekeeping && t % 20 === 3) {
        talk = {
          ...base,
          id: `${id}-t${t}`,
          title: again.title,
          speakers: again.speakers,
          housekeeping: false,
        };
      } else {
        const speakers = [inventPerson(pick)];
        if (random() < 0.2) speakers.push(inventPerson(pick));
        talk = {
          ...base,
          id: `${id}-t${t}`,
          title: inventTitle(pick, random),
          speakers,
          housekeeping: false,
        };
      }
      own.push(talk);
    }
    talks.push(...own);
    lastEdition.set(series, own);
  }
  return { conferences: confs, talks };
}

/** A hand-written talk of conference `conferenceId`, held on `day` (ISO date) at 10:00 (UTC+2) when given. */
export const matchableTalk = (
  id: string,
  conferenceId: string,
  title: string,
  speakers: string[],
  day: string | null = null,
): MatchableTalk => ({
  id,
  conferenceId,
  title,
  subtitle: null,
  speakers,
  start: day ? `${day}T10:00:00+02:00` : null,
  day,
  housekeeping: false,
});
