/**
 * The first sync of a 50,000-highlight library (#16, target <= 60 s) as the product runs it: the pass
 * (storage/sync/pass.ts) in an extension page of the built extension in headless Chromium, the
 * library in Chromium's IndexedDB, pouchdb-server in its own process on 127.0.0.1 (in memory). Each
 * run seeds a fresh library (2,000 pages, their talks), adopts it (`enableSync`) and syncs it to a
 * fresh server database; the time of the pass is reported with the time spent waiting on the server
 * per kind of request (`_bulk_docs` is pouchdb-server's own work, which a real CouchDB does faster).
 *
 * With BENCH_SYNC_BASELINE=<git ref> the same entry is also bundled against that commit's files
 * (extracted with `git archive` into a temporary folder) and the two are alternated run by run, in the
 * same browser and against the same server, so the load weighs on both alike; the ratio is the point.
 *
 * Not part of `npm test`: `npx vitest run --project bench bench/sync-first-chromium.bench.ts` (also in
 * `npm run bench`). BENCH_HIGHLIGHTS=<n> (default 50,000), BENCH_RUNS=<n> (default 3), BENCH_SIZE=tiny (1,000
 * highlights once), BENCH_PASSPHRASE=<text> (encrypted), BENCH_IN_FLIGHT=<n> (`_bulk_docs` requests out at once).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureExtensionBuilt } from '../tests/e2e/build';
import { type ExtensionSession, launchExtension } from '../tests/e2e/harness';
import { OUTPUT_DIR, PROJECT_ROOT } from '../tests/e2e/paths';
import { type PouchServer, startPouchServer } from '../tests/sync/pouchdb-server';
import { bundleScript } from './build-bundle';
import { summarize, table } from './stats';
import type { SyncFirstBenchApi } from './sync-first-entry';

const TINY = process.env.BENCH_SIZE === 'tiny';
const HIGHLIGHTS = Number(process.env.BENCH_HIGHLIGHTS ?? (TINY ? 1_000 : 50_000));
const RUNS = Number(process.env.BENCH_RUNS ?? (TINY ? 1 : 3));
const BASELINE = process.env.BENCH_SYNC_BASELINE;
const PASSPHRASE = process.env.BENCH_PASSPHRASE;
/** `_bulk_docs` requests out at once for the current pass (BENCH_IN_FLIGHT; its default otherwise). */
const IN_FLIGHT = process.env.BENCH_IN_FLIGHT ? Number(process.env.BENCH_IN_FLIGHT) : undefined;

let server: PouchServer;
let session: ExtensionSession;
const pages = new Map<string, Page>();
const temporary: string[] = [];

/** The source folders of `ref` in a temporary folder (removed after the file's test; packages resolve from this checkout). */
function checkout(ref: string): string {
  const sha = execFileSync('git', ['rev-parse', ref], { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim();
  const folder = mkdtempSync(join(tmpdir(), `talk-notes-baseline-${sha.slice(0, 12)}-`));
  temporary.push(folder);
  const files = ['core', 'storage', 'messaging', 'tests/e2e/seed-library.ts', 'tests/seeded-random.ts'];
  const archive = execFileSync('git', ['archive', sha, ...files], { cwd: PROJECT_ROOT, maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', folder], { input: archive });
  return folder;
}

beforeAll(async () => {
  ensureExtensionBuilt(OUTPUT_DIR);
  server = await startPouchServer();
  session = await launchExtension({ grantedOrigins: ['http://127.0.0.1/*'] });
  const variants: [string, string | undefined][] = [['current', undefined]];
  if (BASELINE) variants.push([`baseline ${BASELINE}`, checkout(BASELINE)]);
  for (const [name, sources] of variants) {
    const bundle = await bundleScript('sync-first-entry.ts', 'TalkNotesSyncFirstBenchBundle', sources);
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/dashboard.html`);
    await page.evaluate(bundle);
    pages.set(name, page);
  }
}, 600_000);
afterAll(async () => {
  await session?.close();
  await server?.stop();
  for (const folder of temporary) rmSync(folder, { recursive: true, force: true });
});

const bench = (page: Page) => ({
  seed: (name: string) =>
    page.evaluate(
      ({ name, n }) =>
        (
          globalThis as unknown as { TalkNotesSyncFirstBench: SyncFirstBenchApi }
        ).TalkNotesSyncFirstBench.seed(name, n),
      { name, n: HIGHLIGHTS },
    ),
  sync: (name: string, url: string) =>
    page.evaluate(
      ({ name, url, passphrase, inFlight }) =>
        (
          globalThis as unknown as { TalkNotesSyncFirstBench: SyncFirstBenchApi }
        ).TalkNotesSyncFirstBench.sync(name, url, passphrase, inFlight),
      { name, url, passphrase: PASSPHRASE, inFlight: IN_FLIGHT },
    ),
  remove: (name: string) =>
    page.evaluate(
      (name) =>
        (
          globalThis as unknown as { TalkNotesSyncFirstBench: SyncFirstBenchApi }
        ).TalkNotesSyncFirstBench.remove(name),
      name,
    ),
});

it(`first sync of ${HIGHLIGHTS} highlights to an empty database, in an extension page`, async () => {
  const results = new Map<string, { ms: number[]; bulkDocs: number[]; adopt: number[]; heap: number[] }>();
  const loads: number[] = [];
  const detail: string[] = [];
  for (let run = 0; run < RUNS; run++) {
    const names = [...pages.keys()];
    if (run % 2) names.reverse();
    for (const variant of names) {
      const api = bench(pages.get(variant)!);
      const database = `sync-first-${run}-${variant.replace(/\W+/g, '-')}`;
      const url = `${server.origin}/${database.toLowerCase()}`;
      const seeded = await api.seed(database);
      loads.push(loadavg()[0]!);
      const result = await api.sync(database, url);
      loads.push(loadavg()[0]!);
      expect(result.error).toBeNull();
      expect(result.sent).toBe(seeded.rows);
      expect(result.dirtyLeft).toBe(0);
      const entry = results.get(variant) ?? { ms: [], bulkDocs: [], adopt: [], heap: [] };
      entry.ms.push(result.ms);
      entry.bulkDocs.push(result.times.ms._bulk_docs ?? 0);
      entry.adopt.push(seeded.adoptMs);
      entry.heap.push((result.heapPeak - result.heapBefore) / 2 ** 20);
      results.set(variant, entry);
      detail.push(
        `${variant} run ${run}: ${(result.ms / 1000).toFixed(1)} s, ${result.sent} documents; waiting on ` +
          Object.entries(result.times.ms)
            .map(([kind, ms]) => `${kind} ${(ms / 1000).toFixed(1)} s (${result.times.count[kind]})`)
            .join(', ') +
          `; ${(result.times.bytesSent / 2 ** 20).toFixed(1)} MB sent, at most ${result.times.maxInFlight} at once; heap +${((result.heapPeak - result.heapBefore) / 2 ** 20).toFixed(0)} MB`,
      );
      // Each run as it ends (a long benchmark shows where it is).
      console.log(detail.at(-1));
      await api.remove(database);
      await fetch(url, { method: 'DELETE' });
    }
  }
  const rows = [...results].map(([variant, r]) => {
    const s = summarize(r.ms.map((ms) => ms / 1000));
    const b = summarize(r.bulkDocs.map((ms) => ms / 1000));
    return [
      variant,
      `${s.median} [${s.min}-${s.max}]`,
      `${b.median}`,
      summarize(r.adopt.map((ms) => ms / 1000)).median,
      summarize(r.heap).median,
    ];
  });
  const current = results.get('current')!;
  const baseline = [...results].find(([name]) => name !== 'current')?.[1];
  console.log(
    [
      `sync-first-chromium (${HIGHLIGHTS} highlights${PASSPHRASE ? ', encrypted' : ''}, ${RUNS} runs, load ${Math.min(...loads).toFixed(1)}-${Math.max(...loads).toFixed(1)}):`,
      table(
        ['variant', 'first sync s, median [min-max]', '_bulk_docs waited s', 'enableSync s', 'heap peak +MB'],
        rows,
      ),
      ...(baseline
        ? [
            `ratio current / baseline (medians): ${(summarize(current.ms).median / summarize(baseline.ms).median).toFixed(2)}`,
          ]
        : []),
      ...detail,
    ].join('\n'),
  );
}, 3_600_000);
