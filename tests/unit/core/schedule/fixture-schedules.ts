/**
 * Hand-written schedules for the matcher's tests: two editions of a Rust conference that reuse slot
 * titles and a talk, a cloud-native conference full of "Kubernetes", a Japanese, a German and a French
 * one, with look-alikes where real schedules have them (two lightning-talk sessions, "Intro to Rust"
 * beside "Intro to Rust Macros", a talk in two parts, the same talk at two conferences).
 */
import type { MatchableConference, MatchableTalk } from '@/core/schedule/schedule-index';

export const FIXTURE_CONFERENCES: MatchableConference[] = [
  {
    id: 'rust24',
    title: 'RustFest Zürich 2024',
    acronym: 'rustfest24',
    start: '2024-06-13',
    end: '2024-06-14',
  },
  {
    id: 'rust23',
    title: 'RustFest Zürich 2023',
    acronym: 'rustfest23',
    start: '2023-06-15',
    end: '2023-06-16',
  },
  {
    id: 'kube24',
    title: 'KubeCon + CloudNativeCon Europe 2024',
    acronym: 'kubecon-eu-2024',
    start: '2024-03-19',
    end: '2024-03-22',
  },
  { id: 'pyconjp', title: 'PyCon JP 2024', acronym: null, start: '2024-09-27', end: '2024-09-29' },
  { id: 'froscon', title: 'FrOSCon 2024', acronym: null, start: '2024-08-17', end: '2024-08-18' },
  { id: 'parisweb', title: 'Paris Web 2024', acronym: null, start: '2024-10-03', end: '2024-10-04' },
];

type Row = [id: string, title: string, speakers: string[], subtitle?: string | null, housekeeping?: boolean];

const ROWS: Record<string, Row[]> = {
  rust24: [
    ['r24-open', 'Opening Keynote', ['Amara Nwosu']],
    ['r24-intro', 'Intro to Rust', ['Bob Smith']],
    ['r24-macros', 'Intro to Rust Macros', ['Ann Lee']],
    ['r24-lt1', 'Lightning talks', []],
    ['r24-lt2', 'Lightning talks', []],
    ['r24-async', 'Async Rust in Practice: Lessons from Three Years of Tokio', ['Marta Oyelaran']],
    ['r24-embedded', 'Embedded Rust on the RP2040', ['Jörg Müller']],
    ['r24-wasm', 'Rust and WebAssembly', ['Hana Kobayashi'], 'Shipping a 2 MB Editor to the Browser'],
    ['r24-unsafe', 'Unsafe Rust Is Not Evil', ['Kwame Asante']],
    ['r24-build', 'Why Is My Rust Build So Slow?', ['Priya Natarajan', 'Jorge Albuquerque']],
    ['r24-errors', 'Error Handling Done Right', ['Clara Jansen']],
    ['r24-panel', 'Panel: The Future of Rust in the Linux Kernel', ['Sofia Rossi', 'Lars Lindqvist']],
    ['r24-kernel', 'Rust in the Linux Kernel: Year Two', ['Sofia Rossi']],
    ['r24-supply', 'Supply Chain Security for Rust Crates', ['Grace Adeyemi']],
    ['r24-lunch', 'Lunch', [], null, true],
    ['r24-close', 'Closing Keynote', ['Diego Martins']],
  ],
  rust23: [
    ['r23-open', 'Opening Keynote', ['Youssef Benali']],
    ['r23-unsafe', 'Unsafe Rust Is Not Evil', ['Kwame Asante']],
    ['r23-errors', 'Error Handling in Rust', ['Clara Jansen']],
    ['r23-lt', 'Lightning talks', []],
    ['r23-traits', 'Traits, Generics and You', ['Mo Farouk']],
  ],
  kube24: [
    ['k24-keynote', 'Keynote: The Next Ten Years of Cloud Native', ['Jane Doe']],
    ['k24-sec', 'Kubernetes Security', ['Ingrid Lindqvist']],
    ['k24-sec-scale', 'Kubernetes Security at Scale', ['Farid Haddad']],
    ['k24-ebpf', 'eBPF for Kubernetes Networking: A Practical Introduction', ['Lars Chen']],
    ['k24-otel', 'OpenTelemetry Without the Hype', ['Esther Okafor']],
    ['k24-gitops', 'GitOps at 10,000 Clusters', ['Youssef Benali']],
    ['k24-llm', 'Serving LLMs on Kubernetes: GPU Scheduling in Practice', ['Mei Zhou']],
    ['k24-agents', 'AI Agents on Kubernetes', ['Dmitri Petrov']],
    ['k24-cost', 'Cost Optimization for Kubernetes Platform Teams', ['Helen Qiu']],
    ['k24-op1', 'Operators from Scratch (Part 1)', ['Tomasz Wrzesień']],
    ['k24-op2', 'Operators from Scratch (Part 2)', ['Tomasz Wrzesień']],
    ['k24-scaling', 'Scaling Postgres to 10M Users', ['Jane Doe']],
    ['k24-supply', 'Supply Chain Security for Rust Crates', ['Grace Adeyemi']],
    ['k24-multi', 'Multi-Tenancy in Kubernetes: What We Learned the Hard Way', ['Ravi Iyer']],
    ['k24-coffee', 'Coffee break', [], null, true],
    ['k24-lt', 'Lightning talks', ['Aiko Brandt', 'Olu Adeyemi', 'Kim Park']],
  ],
  pyconjp: [
    ['pj-wasm', 'Rustで作るWebAssembly入門', ['佐伯 真理子']],
    ['pj-typing', '型ヒントで始める安全なPython開発', ['林美咲']],
    ['pj-asyncio', 'asyncioの内部実装を読み解く', ['Hiro Tanaka']],
  ],
  froscon: [
    ['fr-duckdb', 'Größere Datenmengen mit DuckDB analysieren', ['Jörg Müller']],
    ['fr-k8s', 'Sicherheit für Kubernetes-Cluster: Ein Praxisbericht', ['Anna Schmidt']],
  ],
  parisweb: [['pw-a11y', 'L’accessibilité numérique, c’est l’affaire de tous', ['Chloé Moreau']]],
};

export const FIXTURE_TALKS: MatchableTalk[] = Object.entries(ROWS).flatMap(([conferenceId, rows]) => {
  const conf = FIXTURE_CONFERENCES.find((c) => c.id === conferenceId)!;
  return rows.map(([id, title, speakers, subtitle, housekeeping], i) => ({
    id,
    conferenceId,
    title,
    subtitle: subtitle ?? null,
    speakers,
    start: `${conf.start}T${String(9 + (i % 8)).padStart(2, '0')}:00:00`,
    day: conf.start,
    housekeeping: housekeeping ?? false,
    room: i % 2 ? 'Room A' : 'Main Hall',
  }));
});
