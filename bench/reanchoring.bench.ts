/**
 * Scenario 1 of `npm run bench` alone: re-anchoring 200 highlights our way and the Hypothesis way on the
 * same edited pages, in Chromium with the built extension, with more runs than the full bench gives it
 * (its ratios are what docs/benchmarks.md quotes for re-anchoring work, measured in minutes, not ten).
 *
 * Run alone: `npx vitest run --project bench bench/reanchoring.bench.ts` (`BENCH_RUNS=N` sets the runs
 * per variant, 15 by default). Prints the table and writes bench/results/reanchoring.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { it } from 'vitest';
import { PROJECT_ROOT } from '../tests/e2e/paths';
import { benchExtension } from './extension-session';
import { FULL, reanchoring, reanchoringTable, TINY } from './scenarios';
import { round } from './stats';

const tiny = process.env.BENCH_SIZE === 'tiny';
const sizes = { ...(tiny ? TINY : FULL), runs: Number(process.env.BENCH_RUNS ?? (tiny ? TINY.runs : 15)) };
const extension = benchExtension();

it('measures re-anchoring against the baseline', async () => {
  const { session, bundle } = extension;
  const started = Date.now();
  const loadBefore = loadavg()[0]!;
  const rows = await reanchoring(session, bundle, sizes);
  const report = {
    date: new Date().toISOString(),
    sizes: { pageChars: sizes.pageChars, highlights: sizes.highlights, runs: sizes.runs },
    machine: { cpus: cpus().length, loadAverage: [round(loadBefore, 1), round(loadavg()[0]!, 1)] },
    seconds: round((Date.now() - started) / 1000, 1),
    results: rows,
  };
  const dir = join(PROJECT_ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const name = tiny ? 'reanchoring-tiny.json' : 'reanchoring.json';
  writeFileSync(join(dir, name), `${JSON.stringify(report, null, 2)}\n`);
  console.log(
    `\n${reanchoringTable(rows, sizes)}\n\nLoad average ${report.machine.loadAverage.join(' -> ')}; wrote bench/results/${name} in ${report.seconds} s`,
  );
}, 600_000);
