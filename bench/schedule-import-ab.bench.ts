/**
 * The schedule import of this checkout (B) against a baseline's (A) in one Chromium extension page,
 * imports alternating A/B then B/A per pair, so that a loaded machine slows both alike; reports
 * medians and the per-pair ratio B/A. The baseline is another checkout's sources, e.g.
 * `git archive main | tar -x -C /tmp/base`.
 *
 * Run: `BASELINE=/tmp/base npx vitest run --project bench bench/schedule-import-ab.bench.ts`
 * (PAIRS_30K, PAIRS_1K: pairs per size, default 6 and 10). Writes bench/results/schedule-import-ab.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { PROJECT_ROOT } from '../tests/e2e/paths';
import { generateFrabSchedule } from '../tests/unit/core/schedule/schedule-generator';
import { bundleScript } from './build-bundle';
import { benchExtension } from './extension-session';
import type { ScheduleImportAbApi } from './schedule-import-ab-entry';
import { summarize } from './stats';

const extension = benchExtension();
const BASELINE = process.env.BASELINE;

type Run = Awaited<ReturnType<ScheduleImportAbApi['importScheduleText']>>;
const phases = (r: Run) => ({
  total: r.durationMs,
  parse: r.parsedMs,
  write: r.writtenMs - r.parsedMs,
  link: r.durationMs - r.writtenMs,
});

it.skipIf(!BASELINE)('imports generated schedules, this checkout against a baseline', async () => {
  const { session } = extension;
  const named = async (name: string, sources?: string) =>
    `globalThis.TalkNotesAbName = ${JSON.stringify(name)};\n${await bundleScript('schedule-import-ab-entry.ts', `${name}Bundle`, sources)}`;
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/highlight-menu.html`);
  await page.evaluate(await named('ImportA', BASELINE));
  await page.evaluate(await named('ImportB'));
  const results = [];
  for (const [events, pairs] of [
    [30_000, Number(process.env.PAIRS_30K ?? 6)],
    [1_000, Number(process.env.PAIRS_1K ?? 10)],
  ] as const) {
    const generated = generateFrabSchedule(events);
    const pageTalks = [
      ...generated.titles.slice(0, 10).map((title) => ({ title })),
      ...Array.from({ length: 10 }, (_, i) => ({ title: `A talk from another conference, number ${i}` })),
    ];
    const runs: { A: ReturnType<typeof phases>; B: ReturnType<typeof phases>; load: number }[] = [];
    for (let pair = 0; pair < pairs; pair++) {
      const got: Record<string, ReturnType<typeof phases>> = {};
      for (const side of pair % 2 ? ['B', 'A'] : ['A', 'B']) {
        const run = await page.evaluate(
          ({ side, text, name, pageTalks }) =>
            (globalThis as unknown as Record<string, ScheduleImportAbApi>)[
              `Import${side}`
            ]!.importScheduleText(text, name, pageTalks),
          { side, text: generated.json, name: `talk-notes-bench-ab-${events}-${pair}-${side}`, pageTalks },
        );
        expect(run.talks).toBe(events);
        expect(run.linked).toBe(10);
        got[side] = phases(run);
      }
      runs.push({ A: got.A!, B: got.B!, load: loadavg()[0]! });
      console.log(
        `${events} pair ${pair}: A ${got.A!.total.toFixed(0)} B ${got.B!.total.toFixed(0)} ms, load ${loadavg()[0]!.toFixed(1)}`,
      );
    }
    const median = (xs: number[]) => summarize(xs).median;
    const row = {
      events,
      pairs,
      load: summarize(runs.map((r) => r.load)),
      A: Object.fromEntries(
        (['total', 'parse', 'write', 'link'] as const).map((k) => [k, median(runs.map((r) => r.A[k]))]),
      ),
      B: Object.fromEntries(
        (['total', 'parse', 'write', 'link'] as const).map((k) => [k, median(runs.map((r) => r.B[k]))]),
      ),
      ratio: summarize(runs.map((r) => r.B.total / r.A.total)),
      runs,
    };
    console.log(JSON.stringify({ ...row, runs: undefined }));
    results.push(row);
  }
  await page.close();
  const dir = join(PROJECT_ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'schedule-import-ab.json'),
    `${JSON.stringify({ measuredAt: new Date().toISOString(), cores: cpus().length, results }, null, 2)}\n`,
  );
});
