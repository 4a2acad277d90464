/**
 * What sync costs a reader on restoring a 50,000-highlight backup: the same import into a fresh
 * IndexedDB database in a Chromium page with sync never enabled (no stamping: what every reader who
 * never pressed `Start sync` gets) and with sync enabled (every write stamped,
 * storage/sync/stamping.ts), alternated run by run so the machine's load weighs on both alike. Also
 * the storage the `sync` rows add, from `navigator.storage.estimate()` (approximate), and the time
 * `enableSync` takes to adopt the whole imported library at once (the one-time cost of `Start sync`).
 *
 * Run alone: `npx vitest run --project bench bench/sync-stamping.bench.ts`; also part of `npm run bench`.
 * BENCH_SIZE=tiny runs 1,000 highlights once.
 */
import { createServer, type Server } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBackup, serializeBackup } from '../core/backup';
import { makeLibrary } from '../tests/e2e/seed-library';
import { bundleScript } from './build-bundle';
import { summarize, table } from './stats';
import type { SyncStampingBenchApi } from './sync-stamping-entry';

const TINY = process.env.BENCH_SIZE === 'tiny';
const HIGHLIGHTS = TINY ? 1_000 : 50_000;
const RUNS = TINY ? 1 : 3;

let browser: Browser;
let server: Server;
let origin: string;
let bundle: string;

beforeAll(async () => {
  bundle = await bundleScript('sync-stamping-entry.ts', 'TalkNotesSyncStampingBenchBundle');
  server = createServer((_, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<!doctype html><title>blank</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

it(`imports ${HIGHLIGHTS} highlights with sync never enabled and enabled`, async () => {
  const library = makeLibrary({ highlights: HIGHLIGHTS, pages: Math.ceil(HIGHLIGHTS / 25) });
  const text = serializeBackup(createBackup({ ...library, conferences: [], settings: [] }, Date.now()));
  const page = await browser.newPage();
  await page.goto(`${origin}/`);
  await page.evaluate(bundle);
  const times = { stamped: [] as number[], plain: [] as number[] };
  const bytes = { stamped: [] as number[], plain: [] as number[] };
  const adopt: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const order: ('stamped' | 'plain')[] = run % 2 ? ['plain', 'stamped'] : ['stamped', 'plain'];
    for (const variant of order) {
      const result = await page.evaluate(
        ({ text, name, stamping }) =>
          (
            globalThis as unknown as { TalkNotesSyncStampingBench: SyncStampingBenchApi }
          ).TalkNotesSyncStampingBench.importBackupText(text, name, stamping),
        { text, name: `sync-stamping-${variant}-${run}`, stamping: variant === 'stamped' },
      );
      expect(result.highlights).toBe(HIGHLIGHTS);
      const records =
        library.highlights.length + library.pages.length + library.talks.length + library.collections.length;
      expect(result.syncRows).toBe(variant === 'stamped' ? records : 0);
      expect(result.adoptedRows).toBe(records);
      times[variant].push(result.ms);
      bytes[variant].push(result.bytes);
      if (variant === 'plain') adopt.push(result.adoptMs);
    }
  }
  await page.close();
  const s = summarize(times.stamped);
  const p = summarize(times.plain);
  const a = summarize(adopt);
  const mb = (values: number[]) => (summarize(values).median / 1_048_576).toFixed(1);
  console.log(
    `\n## Sync stamping on a backup import (${HIGHLIGHTS} highlights, ${library.pages.length} pages, ${library.talks.length} talks; ms median [min-max] of ${RUNS}; ${cpus().length} cores, load ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')})\n${table(
      ['variant', 'import ms', 'storage MB (estimate)'],
      [
        ['sync never enabled', `${p.median} [${p.min}-${p.max}]`, mb(bytes.plain)],
        ['sync enabled (stamping)', `${s.median} [${s.min}-${s.max}]`, mb(bytes.stamped)],
        ['enableSync adopting it afterwards', `${a.median} [${a.min}-${a.max}]`, ''],
      ],
    )}\nratio enabled / never enabled: ${(s.median / p.median).toFixed(2)}x`,
  );
}, 900_000);
