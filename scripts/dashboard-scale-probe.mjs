#!/usr/bin/env node
/**
 * Probes the dashboard at scale in headless Chromium: seeds a deterministic library
 * (tests/e2e/seed-library.ts) into the built extension, opens dashboard.html and reports
 * first render, search keystroke latency, rows in the DOM, scrolling frames and JS heap.
 * A developer's check, not a test: numbers vary with the machine.
 *
 *   WXT_OUT_DIR=.output-dashboard npx wxt build
 *   WXT_OUT_DIR=.output-dashboard node scripts/dashboard-scale-probe.mjs [highlights] [pages]
 *
 * Defaults: 50,000 highlights over 2,000 pages. CHROMIUM overrides /usr/bin/chromium.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import ts from 'typescript';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const EXTENSION = join(ROOT, process.env.WXT_OUT_DIR ?? '.output', 'chrome-mv3');
const HIGHLIGHTS = Number(process.argv[2] ?? 50_000);
const PAGES = Number(process.argv[3] ?? 2_000);
const QUERY = process.env.PROBE_QUERY ?? 'kernel sched';

/** Loads the seed module: a plain transpile (it has only type imports). */
async function loadSeed() {
  const source = await readFile(join(ROOT, 'tests/e2e/seed-library.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  const dir = join(ROOT, 'node_modules', '.cache', 'talk-notes');
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'seed-library.mjs');
  await writeFile(file, outputText);
  return import(pathToFileURL(file).href);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const ms = (n) => `${n.toFixed(1)} ms`;

async function main() {
  const { makeLibrary, writeLibrary } = await loadSeed();
  const userDataDir = await mkdtemp(join(tmpdir(), 'talk-notes-probe-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--no-sandbox',
      '--no-first-run',
      `--disable-extensions-except=${EXTENSION}`,
      `--load-extension=${EXTENSION}`,
    ],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const dashboardUrl = `chrome-extension://${new URL(worker.url()).host}/dashboard.html`;
    const page = await context.newPage();
    await page.goto(dashboardUrl);
    await page.getByRole('status').waitFor();

    const t = performance.now();
    const library = makeLibrary({ highlights: HIGHLIGHTS, pages: PAGES, seed: 1 });
    await writeLibrary(page, library, 5000);
    console.log(`seeded ${HIGHLIGHTS} highlights over ${PAGES} pages in ${ms(performance.now() - t)}`);

    // The frame after the first render: painted (recorded from inside the page, before its scripts).
    await page.addInitScript(() => {
      new PerformanceObserver((list) => {
        if (list.getEntriesByName('talk-notes:dashboard-rendered').length) {
          requestAnimationFrame(() => setTimeout(() => performance.mark('probe:painted')));
        }
      }).observe({ type: 'mark', buffered: true });
    });
    await page.reload();
    await page.waitForFunction(() => performance.getEntriesByName('probe:painted').length > 0, null, {
      timeout: 120_000,
    });
    const load = await page.evaluate(() => {
      const at = (name) => performance.getEntriesByName(name)[0].startTime;
      return {
        data: at('talk-notes:dashboard-data'),
        rendered: at('talk-notes:dashboard-rendered'),
        painted: at('probe:painted'),
      };
    });
    const dom = () =>
      page.evaluate(() => ({
        rows: document.querySelectorAll('.dash-row').length,
        nodes: document.getElementsByTagName('*').length,
      }));

    // Keystrokes: from the input event to the frame after it (render, layout and paint done).
    await page.evaluate(() => {
      window.__latencies = [];
      document.querySelector('input[type=search]').addEventListener('input', (e) => {
        const start = e.timeStamp;
        requestAnimationFrame(() => setTimeout(() => window.__latencies.push(performance.now() - start)));
      });
    });
    const search = page.getByRole('searchbox', { name: 'Search' });
    await search.click();
    for (let round = 0; round < 3; round++) {
      await search.fill('');
      await page.waitForTimeout(300);
      await search.pressSequentially(QUERY, { delay: 120 });
      await page.waitForTimeout(300);
    }
    const latencies = await page.evaluate(() => window.__latencies.filter((_, i) => i % 1 === 0));
    const typed = latencies.filter((v) => v > 0);
    const status = await page.getByRole('status').textContent();
    const afterSearch = await dom();

    await search.fill('');
    await page.waitForTimeout(300);
    // Scrolling: frame intervals while the list scrolls 600 px per frame.
    const frames = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const list = document.querySelector('.dash-list');
          const gaps = [];
          let last = performance.now();
          let n = 0;
          const step = (now) => {
            gaps.push(now - last);
            last = now;
            list.scrollTop += 600;
            if (++n < 150) requestAnimationFrame(step);
            else resolve(gaps.slice(1));
          };
          requestAnimationFrame(step);
        }),
    );
    const duringScroll = await dom();

    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');

    const report = {
      highlights: HIGHLIGHTS,
      pages: PAGES,
      dataReadAtMs: load.data,
      firstRenderMs: load.rendered - load.data,
      firstPaintAfterDataMs: load.painted - load.data,
      keystrokes: typed.length,
      keystrokeMedianMs: median(typed),
      keystrokeMaxMs: Math.max(...typed),
      statusAfterSearch: status,
      rowsInDomAfterSearch: afterSearch.rows,
      rowsInDomWhileScrolling: duringScroll.rows,
      domNodes: duringScroll.nodes,
      scrollFrameMedianMs: median(frames),
      scrollFramesOver50ms: frames.filter((f) => f > 50).length,
      jsHeapUsedMB: heap.usedSize / 2 ** 20,
    };
    console.log(`data read ${ms(report.dataReadAtMs)} after navigation`);
    console.log(
      `first render ${ms(report.firstRenderMs)} after data (next frame ${ms(report.firstPaintAfterDataMs)})`,
    );
    console.log(
      `search "${QUERY}": ${typed.length} keystrokes, median ${ms(report.keystrokeMedianMs)}, max ${ms(report.keystrokeMaxMs)} (input to next frame)`,
    );
    console.log(`  -> ${status}`);
    console.log(
      `rows in DOM: ${afterSearch.rows} after search, ${duringScroll.rows} while scrolling; ${duringScroll.nodes} elements`,
    );
    console.log(
      `scroll: median frame ${ms(report.scrollFrameMedianMs)}, ${report.scrollFramesOver50ms} of ${frames.length} frames > 50 ms`,
    );
    console.log(`JS heap after GC: ${report.jsHeapUsedMB.toFixed(1)} MB`);
    if (process.env.PROBE_JSON) await writeFile(process.env.PROBE_JSON, JSON.stringify(report, null, 2));
    if (process.env.PROBE_SCREENSHOT) await page.screenshot({ path: process.env.PROBE_SCREENSHOT });
  } finally {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
