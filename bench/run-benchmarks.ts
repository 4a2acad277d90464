/**
 * `npm run bench`: every scenario in headless Chromium with the built extension, each with its
 * baseline in the same run. Prints a table and writes bench/results/latest.json.
 * BENCH_SIZE=tiny runs everything on toy sizes (what the smoke test does).
 * BENCH_ONLY=clip,cost (names below) runs only those scenarios, e.g. to re-measure one on a quiet moment;
 * each scenario's table is printed as soon as it is done, so a run cut short keeps what it measured.
 * `huge` (bench/huge.ts) measures against another checkout's build when BASELINE names its folder.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { it } from 'vitest';
import { PROJECT_ROOT } from '../tests/e2e/paths';
import { benchExtension } from './extension-session';
import { hugeScenario, hugeTables } from './huge';
import {
  clipLatency,
  dashboardScale,
  exportAndImport,
  extensionAnchoring,
  extraction,
  FULL,
  pageCost,
  reanchoring,
  reanchoringTable,
  TINY,
} from './scenarios';
import { round, type Summary, table } from './stats';

const sizes = process.env.BENCH_SIZE === 'tiny' ? TINY : FULL;
const extension = benchExtension();

const SCENARIOS = ['reanchoring', 'visit', 'clip', 'cost', 'extraction', 'dashboard', 'io', 'huge'] as const;
const only = (process.env.BENCH_ONLY ?? '')
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean);
for (const name of only) {
  if (!(SCENARIOS as readonly string[]).includes(name)) {
    throw new Error(`BENCH_ONLY: unknown scenario "${name}"; known: ${SCENARIOS.join(', ')}`);
  }
}
const runs = (name: (typeof SCENARIOS)[number]) => only.length === 0 || only.includes(name);

it('measures every scenario', async () => {
  const { session, bundle } = extension;
  const started = Date.now();
  const results: Record<string, unknown> = {};
  const out: string[] = [];

  let printed = 0;
  const lap = (name: string) => {
    console.log(`[bench] ${name} done at ${round((Date.now() - started) / 1000, 1)} s`);
    console.log(out.slice(printed).join('\n'));
    printed = out.length;
  };
  if (runs('reanchoring')) {
    const reanchor = await reanchoring(session, bundle, sizes);
    results.reanchoring = reanchor;
    out.push(reanchoringTable(reanchor, sizes));
    lap('re-anchoring');
  }

  if (runs('visit')) {
    const visit = await extensionAnchoring(session, bundle, sizes);
    results.extensionAnchoring = visit;
    out.push(
      `\n## 1b. The extension's anchoring pass on a visit (talk-notes:anchored), unchanged page, ${visit.highlights} highlights`,
      table(
        ['median ms', 'min', 'max', 'loads', 'anchored', 'orphaned'],
        [[visit.median, visit.min, visit.max, visit.runs, visit.anchored, visit.orphaned]],
      ),
    );
    lap('visit anchoring');
  }

  if (runs('clip')) {
    const clip = await clipLatency(session, sizes);
    results.clipLatency = clip;
    out.push(
      '\n## 2. Clip latency: click on Highlight to drawn and stored (talk-notes:clipped)',
      table(['median ms', 'min', 'max', 'clips'], [[clip.median, clip.min, clip.max, clip.saved]]),
    );
    lap('clip latency');
  }

  if (runs('cost')) {
    const cost = await pageCost(session, sizes);
    results.pageCost = cost;
    out.push(
      '\n## 3. Content script on a page with no highlights',
      table(
        [
          'eager bytes',
          'eager gzip',
          'runtime bytes (on demand)',
          'main() ms median',
          'load ms with / without extension',
        ],
        [
          [
            cost.eagerBytes,
            cost.eagerGzipBytes,
            cost.runtimeBytes,
            cost.scriptMs.median,
            `${cost.loadWithExtension.median} / ${cost.loadWithout.median}`,
          ],
        ],
      ),
    );
    lap('page cost');
  }

  if (runs('extraction')) {
    const extract = await extraction(session, bundle, sizes);
    results.extraction = extract;
    out.push(
      '\n## 4. Extraction: Readability + metadata + talk detection per corpus page (median of runs per page); baseline: Readability alone',
      table(
        ['pages', 'p50 ms', 'p90 ms', 'max ms', 'Readability alone p50 / p90 ms', 'slowest'],
        [
          [
            extract.pages,
            extract.p50,
            extract.p90,
            extract.max,
            `${extract.readabilityP50} / ${extract.readabilityP90}`,
            extract.slowest.map((s) => `${s.page} ${s.medianMs}`).join(', '),
          ],
        ],
      ),
    );
    lap('extraction');
  }

  if (runs('dashboard')) {
    const dash = await dashboardScale(session, sizes);
    results.dashboard = dash;
    out.push(
      '\n## 5. Dashboard (first render after the data is read; keystroke: input to the next frame with results)',
      table(
        [
          'highlights',
          'first render ms',
          'to paint ms',
          'keystroke median [min-max] ms',
          'scroll frame median ms',
          'frames > 50 ms',
          'rows in DOM',
          'JS heap MB',
        ],
        dash.map((d) => [
          d.highlights,
          d.firstRenderMs,
          d.firstPaintMs,
          `${d.keystroke.median} [${d.keystroke.min}-${d.keystroke.max}]`,
          d.scrollFrameMedianMs,
          `${d.scrollFramesOver50ms}/${d.scrollFrames}`,
          d.rowsInDom,
          d.heapMB,
        ]),
      ),
    );
    lap('dashboard');
  }

  if (runs('io')) {
    const io = await exportAndImport(session, bundle, sizes);
    results.exportImport = io;
    const row = (what: string, s: Summary, size = '') => [what, s.median, s.min, s.max, s.runs, size];
    out.push(
      '\n## 6. Export and import',
      table(
        ['what', 'median ms', 'min', 'max', 'runs', 'size'],
        [
          row(
            `Markdown export of ${io.export.highlights} highlights`,
            io.export,
            `${io.export.markdownBytes} chars`,
          ),
          row(
            `backup import of ${io.import.highlights} highlights (parse ${io.import.parseMedian} ms)`,
            io.import,
            `${round(io.import.fileBytes / 2 ** 20, 1)} MiB`,
          ),
          row('the same records, raw IndexedDB puts (floor)', io.import.floor),
          row('the same, into stores without secondary indexes', io.import.floorWithoutIndexes),
        ],
      ),
    );
    lap('export and import');
  }

  // Scenario 7 (schedule import) is bench/schedule-import.bench.ts, a file of its own.

  if (runs('huge')) {
    const huge = await hugeScenario(session, sizes);
    results.huge = huge;
    out.push(...hugeTables(huge));
    // Kept (committed) beside latest.json: the figures docs/benchmarks.md quotes for huge pages.
    if (process.env.BENCH_SIZE !== 'tiny') {
      const file = join(PROJECT_ROOT, 'bench', 'results', 'huge.json');
      writeFileSync(
        file,
        `${JSON.stringify({ date: new Date().toISOString(), load: loadavg(), huge }, null, 2)}\n`,
      );
    }
    lap('huge pages');
  }

  const machine = {
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    chromium: execFileSync(process.env.CHROMIUM ?? '/usr/bin/chromium', ['--version'], {
      encoding: 'utf8',
    }).trim(),
  };
  const report = {
    date: new Date().toISOString(),
    sizes,
    machine,
    seconds: round((Date.now() - started) / 1000, 1),
    results,
  };
  const dir = join(PROJECT_ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  // A partial run never overwrites the whole run's figures.
  const name =
    process.env.BENCH_SIZE === 'tiny'
      ? 'tiny.json'
      : only.length
        ? `only-${only.join('-')}.json`
        : 'latest.json';
  writeFileSync(join(dir, name), `${JSON.stringify(report, null, 2)}\n`);
  console.log(
    `\n${out.join('\n')}\n\nMachine: ${JSON.stringify(machine)}\nWrote bench/results/${name} in ${report.seconds} s`,
  );
  // Every scenario took about 5 minutes before the huge pages (scenario 8) added about 10 more.
}, 1_800_000);
