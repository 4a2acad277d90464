/**
 * Scenario 7 of `npm run bench` alone: importing generated frab schedules (1,000 and 30,000 events)
 * in an extension page, as the dashboard's `Import schedule` does it: parse, write, link.
 *
 * Run: `npx vitest run --project bench bench/schedule-import.bench.ts`. Prints the table and writes
 * bench/results/schedule-import.json (schedule-import-tiny.json with BENCH_SIZE=tiny).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { PROJECT_ROOT } from '../tests/e2e/paths';
import { benchExtension } from './extension-session';
import { FULL, scheduleImport, scheduleImportTable, TINY } from './scenarios';

const TINY_RUN = process.env.BENCH_SIZE === 'tiny';
const extension = benchExtension();

it('imports generated schedules', async () => {
  const { session, bundle } = extension;
  const rows = await scheduleImport(session, bundle, TINY_RUN ? TINY : FULL);
  expect(rows.length).toBeGreaterThan(0);
  const load = loadavg().map((n) => n.toFixed(1));
  console.log(`${scheduleImportTable(rows)}\n(${cpus().length} cores, load ${load.join(' ')})`);
  const dir = join(PROJECT_ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, TINY_RUN ? 'schedule-import-tiny.json' : 'schedule-import.json'),
    `${JSON.stringify({ measuredAt: new Date().toISOString(), load: loadavg(), rows }, null, 2)}\n`,
  );
});
