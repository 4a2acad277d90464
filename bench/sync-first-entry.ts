/**
 * What the Chromium first-sync benchmark (bench/sync-first-chromium.bench.ts) runs inside an
 * extension page: a seeded library in the page's IndexedDB, adopted by `enableSync`, synced to a
 * pouchdb-server database with the real pass. Only `@/` imports, and only functions that the
 * baseline (an earlier commit, bundled with `@` pointing at its files) has too.
 */
import { createDatabase } from '@/storage/db';
import { enableSync } from '@/storage/sync/enable';
import { syncOnce } from '@/storage/sync/pass';
import { makeLibrary } from '@/tests/e2e/seed-library';

/** Time spent waiting on each kind of request (server, network and body), and the most at once. */
interface HttpTimes {
  ms: Record<string, number>;
  count: Record<string, number>;
  bytesSent: number;
  maxInFlight: number;
}

function kindOf(url: string): string {
  const path = new URL(url).pathname;
  const last = path.split('/').filter(Boolean).slice(1)[0] ?? 'db';
  return last.startsWith('_') ? last : last === 'db' ? 'db' : 'document';
}

function timedFetch(times: HttpTimes): typeof fetch {
  let inFlight = 0;
  return async (input, init) => {
    const kind = kindOf(String(input));
    if (typeof init?.body === 'string') times.bytesSent += init.body.length;
    inFlight++;
    times.maxInFlight = Math.max(times.maxInFlight, inFlight);
    const started = performance.now();
    try {
      // Until the headers: pouchdb-server answers once it has done the work.
      return await fetch(input, init);
    } finally {
      inFlight--;
      times.ms[kind] = (times.ms[kind] ?? 0) + performance.now() - started;
      times.count[kind] = (times.count[kind] ?? 0) + 1;
    }
  };
}

const api = {
  /** A fresh database `name` holding the seeded library, sync enabled (adopted). */
  async seed(name: string, highlights: number) {
    const db = createDatabase(name);
    const library = makeLibrary({ highlights, pages: Math.ceil(highlights / 25) });
    await db.pages.bulkAdd(library.pages);
    await db.talks.bulkAdd(library.talks);
    for (let i = 0; i < library.highlights.length; i += 5_000)
      await db.highlights.bulkAdd(library.highlights.slice(i, i + 5_000));
    const started = performance.now();
    await enableSync(db);
    const adoptMs = performance.now() - started;
    const rows = await db.sync.count();
    db.close();
    return { adoptMs, rows };
  },
  /** One pass of database `name` with the server database `url`, timed; `heap` sampled meanwhile. */
  async sync(name: string, url: string, passphrase?: string, inFlight?: number) {
    const db = createDatabase(name);
    await db.open();
    const times: HttpTimes = { ms: {}, count: {}, bytesSent: 0, maxInFlight: 0 };
    const memory = () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
    const heapBefore = memory()?.usedJSHeapSize ?? 0;
    let heapPeak = heapBefore;
    const sampler = setInterval(() => {
      heapPeak = Math.max(heapPeak, memory()?.usedJSHeapSize ?? 0);
    }, 50);
    const started = performance.now();
    const report = await syncOnce(db, { url }, {
      fetch: timedFetch(times),
      timeoutMs: 300_000,
      ...(passphrase ? { passphrase } : {}),
      // The baseline's pass ignores options it does not know.
      ...(inFlight ? { inFlight } : {}),
    } as Parameters<typeof syncOnce>[2]);
    const ms = performance.now() - started;
    clearInterval(sampler);
    const dirtyLeft = await db.sync.where('dirty').equals(1).count();
    const highlights = await db.highlights.count();
    db.close();
    return {
      ms,
      sent: report.sent,
      received: report.received,
      error: report.error ?? null,
      times,
      dirtyLeft,
      highlights,
      heapBefore,
      heapPeak,
    };
  },
  async remove(name: string) {
    await createDatabase(name).delete();
  },
};

(globalThis as unknown as { TalkNotesSyncFirstBench: typeof api }).TalkNotesSyncFirstBench = api;
export type SyncFirstBenchApi = typeof api;
