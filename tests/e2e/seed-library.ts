/**
 * A deterministic library of conference highlights for tests and the benchmark: `makeLibrary`
 * builds plain records (pages, talks, highlights, collections) from a seed, the same library for
 * the same options on every machine; `writeLibrary` stores them into the extension's `talk-notes`
 * database from one of its pages with raw IndexedDB puts (no app code involved).
 */
import type { Page } from 'playwright-core';
import { seededRandom } from '../seeded-random';
import type {
  CollectionRecord,
  ConferenceRecord,
  HighlightColor,
  HighlightRecord,
  PageRecord,
  TalkRecord,
} from '../../core/types';

export interface SeedOptions {
  /** Number of highlights. */
  highlights: number;
  /** Number of pages they are spread over (each page gets at least one highlight when possible). */
  pages: number;
  /** Number of collections, each with a few highlights. */
  collections?: number;
  seed?: number;
  /** Time of the first page (ms); highlights follow over about two years. */
  start?: number;
}

export interface SeededLibrary {
  pages: PageRecord[];
  talks: TalkRecord[];
  highlights: HighlightRecord[];
  collections: CollectionRecord[];
  /** Imported conference schedules (./seed-conferences.ts); their talks are among `talks`. */
  conferences?: ConferenceRecord[];
}

const WORDS = (
  'kernel scheduler latency memory safety rust compiler borrow checker ownership async runtime ' +
  'container orchestration cluster network policy observability tracing metrics logging storage ' +
  'filesystem database replication consensus raft paxos cache eviction benchmark profiling flame ' +
  'graph regression release cadence maintainer community governance license contributor onboarding ' +
  'documentation testing fuzzing coverage continuous integration deployment rollback canary feature ' +
  'flag security vulnerability disclosure supply chain signing reproducible build packaging distro ' +
  'upstream downstream patch review mailing list bisect driver firmware boot embedded realtime ' +
  'virtualization hypervisor enclave cryptography protocol latency throughput queue backpressure ' +
  'stream batch pipeline schema migration index query planner vector search inference model ' +
  'accessibility keyboard screen reader design system component browser extension standards ' +
  'interop wasm garbage collector allocator thread lock atomic lockfree hardware accelerator energy'
).split(' ');

const TAGS = [
  'kernel',
  'rust',
  'security',
  'performance',
  'community',
  'testing',
  'databases',
  'cloud',
  'accessibility',
  'browsers',
  'talks/keynote',
  'talks/lightning',
  'to-read',
  'quote',
  'idea',
  'question',
  'follow-up',
  'conf/oss-summit',
  'conf/fosdem',
  'conf/kubecon',
];

const FIRST = [
  'Ada',
  'Linus',
  'Grace',
  'Miroslav',
  'Jane',
  'Kelsey',
  'Mitchell',
  'Sarah',
  'Yukihiro',
  'Bjarne',
];
const LAST = [
  'Lovelace',
  'Torvalds',
  'Hopper',
  'Benes',
  'Doe',
  'Hightower',
  'Hashimoto',
  'Novotny',
  'Matsumoto',
];
const EVENTS = ['Open Source Summit', 'FOSDEM', 'KubeCon', 'RustConf', 'Linux Plumbers', 'PGConf', 'JSConf'];
const SITES: (string | null)[] = [
  'Conference Notes Blog',
  'LWN.net',
  'The Morning Paper',
  'Dev Diaries',
  'Kernel Newbies',
  null,
  'InfoQ',
  'Hallway Track',
  null,
  'Notes from the Back Row',
];
export const SEED_COLORS: readonly HighlightColor[] = [
  'yellow',
  'yellow',
  'yellow',
  'green',
  'blue',
  'pink',
  'purple',
];

const DAY = 86_400_000;

/** Builds the library; the same options give the same records. */
export function makeLibrary(options: SeedOptions): SeededLibrary {
  const random = seededRandom(options.seed ?? 1);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const words = (min: number, max: number) => Array.from({ length: int(min, max) }, () => pick(WORDS));
  const sentence = (min: number, max: number) => {
    const text = words(min, max).join(' ');
    return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
  };
  const title = () =>
    words(2, 5)
      .map((w) => w[0]!.toUpperCase() + w.slice(1))
      .join(' ');
  const start = options.start ?? Date.UTC(2024, 0, 8, 9, 0, 0);
  const span = 700 * DAY;
  const pad = (n: number, width: number) => String(n).padStart(width, '0');

  const pages: PageRecord[] = [];
  const talks: TalkRecord[] = [];
  const talksOfPage: TalkRecord[][] = [];
  const pageCount = Math.max(1, options.pages);
  for (let p = 0; p < pageCount; p++) {
    const createdAt = start + Math.floor((span * p) / pageCount) + int(0, 6 * 3600_000);
    const siteIndex = int(0, SITES.length - 1);
    const event = pick(EVENTS);
    const year = new Date(createdAt).getUTCFullYear();
    const page: PageRecord = {
      id: `page-${pad(p, 5)}`,
      url: `https://site${siteIndex}.example/${year}/${event.toLowerCase().replace(/\s+/g, '-')}-day-${int(1, 4)}-${p}`,
      title: `${event} ${year} – ${title()}`,
      authors: [`${pick(FIRST)} ${pick(LAST)}`],
      siteName: SITES[siteIndex] ?? null,
      publishedAt: new Date(createdAt - DAY).toISOString(),
      lang: 'en',
      canonicalUrl: null,
      excerpt: sentence(10, 20),
      createdAt,
      updatedAt: createdAt,
    };
    pages.push(page);
    const pageTalks: TalkRecord[] = [];
    const count = int(1, 6);
    for (let t = 0; t < count; t++) {
      // Now and then the same talk is written up on another page: a candidate for merging.
      const reused = talks.length > 10 && random() < 0.05 ? pick(talks) : null;
      const talkTitle = reused ? reused.title : title();
      const speakers = reused
        ? [...reused.speakers]
        : Array.from({ length: int(1, 2) }, () => `${pick(FIRST)} ${pick(LAST)}`);
      const talk: TalkRecord = {
        id: `talk-${pad(p, 5)}-${t}`,
        pageId: page.id,
        title: talkTitle,
        speakers: [...new Set(speakers)],
        position: 200 + t * 3000,
        detected: true,
        detectedTitle: talkTitle,
        createdAt,
        updatedAt: createdAt,
      };
      talks.push(talk);
      pageTalks.push(talk);
    }
    talksOfPage.push(pageTalks);
  }

  const highlights: HighlightRecord[] = [];
  for (let i = 0; i < options.highlights; i++) {
    // Every page gets one highlight first, then the rest land anywhere.
    const p = i < pageCount ? i : int(0, pageCount - 1);
    const page = pages[p]!;
    const pageTalks = talksOfPage[p]!;
    const talkIndex = int(0, pageTalks.length - 1);
    const talk = random() < 0.9 ? pageTalks[talkIndex]! : null;
    const position = (talk ? talk.position : 0) + int(20, 2900);
    const text = Array.from({ length: int(1, 3) }, () => sentence(8, 24)).join(' ');
    const tagCount = random() < 0.35 ? 0 : int(1, 3);
    const tags = [...new Set(Array.from({ length: tagCount }, () => pick(TAGS)))];
    const createdAt = page.createdAt + int(0, 3 * DAY);
    const roll = random();
    highlights.push({
      id: `hl-${pad(i, 6)}`,
      pageId: page.id,
      url: page.url,
      talkId: talk?.id ?? null,
      text,
      markdown: text,
      selectors: [
        {
          type: 'TextQuoteSelector',
          exact: text,
          prefix: words(3, 5).join(' '),
          suffix: words(3, 5).join(' '),
        },
        { type: 'TextPositionSelector', start: position, end: position + text.length },
      ],
      color: pick(SEED_COLORS),
      note: random() < 0.3 ? sentence(4, 30) : '',
      tags,
      position,
      anchorStatus: roll < 0.03 ? 'orphan' : roll < 0.05 ? 'fuzzy' : 'placed',
      createdAt,
      updatedAt: createdAt + (random() < 0.2 ? int(1, 10 * DAY) : 0),
    });
  }

  const collections: CollectionRecord[] = [];
  for (let c = 0; c < (options.collections ?? 3); c++) {
    const ids = new Set<string>();
    const size = Math.min(highlights.length, int(3, 40));
    while (ids.size < size) ids.add(pick(highlights).id);
    const createdAt = start + span + c * DAY;
    collections.push({
      id: `collection-${c}`,
      name: `Reading list ${c + 1}`,
      description: sentence(5, 12),
      highlightIds: [...ids],
      createdAt,
      updatedAt: createdAt,
    });
  }
  return { pages, talks, highlights, collections };
}

/**
 * Writes the library into the `talk-notes` database of the extension page `page` is showing
 * (open dashboard.html first: the app creates the database and its stores). Records are put as
 * they are, in chunks, one transaction per chunk. Other contexts' live queries are not told:
 * reload the pages that should see the data.
 */
export async function writeLibrary(page: Page, library: SeededLibrary, chunkSize = 2000): Promise<void> {
  const stores = ['pages', 'talks', 'highlights', 'collections', 'conferences'] as const;
  for (const store of stores) {
    const records = (library[store] ?? []) as unknown[];
    for (let at = 0; at < records.length; at += chunkSize) {
      await page.evaluate(
        async ({ store, chunk }) => {
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const request = indexedDB.open('talk-notes');
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
          try {
            if (!db.objectStoreNames.contains(store)) {
              throw new Error(`no "${store}" store: open dashboard.html before seeding`);
            }
            await new Promise<void>((resolve, reject) => {
              const tx = db.transaction(store, 'readwrite');
              const objects = tx.objectStore(store);
              for (const record of chunk) objects.put(record);
              tx.oncomplete = () => resolve();
              tx.onerror = () => reject(tx.error);
              tx.onabort = () => reject(tx.error);
            });
          } finally {
            db.close();
          }
        },
        { store, chunk: records.slice(at, at + chunkSize) },
      );
    }
  }
}
