/**
 * How long `parseSchedule` takes on generated frab schedules (JSON and XML) of 1,000 events (small
 * events, and events with 1,500-character descriptions as real schedules have) and 30,000 events:
 * in Node and in a Chromium page (the same engine as the extension's import page), median of
 * several runs after warm-up runs. The target: importing a 1,000-event file takes at most 500 ms
 * in an extension page, of which parsing should be a small part.
 *
 * Run alone: `npx vitest run --project bench bench/schedule-parse.bench.ts`; also part of `npm run bench`.
 * Prints a table and writes bench/results/schedule-parse.json (bench/results/schedule-parse-tiny.json
 * with BENCH_SIZE=tiny, which runs few and small).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseSchedule } from '../core/schedule/parse';
import { PROJECT_ROOT } from '../tests/e2e/paths';
import { generateFrabSchedule } from '../tests/unit/core/schedule/schedule-generator';
import { bundleScript } from './build-bundle';
import type { ScheduleBenchApi } from './schedule-entry';
import { type Summary, summarize, table } from './stats';

const TINY = process.env.BENCH_SIZE === 'tiny';
const CASES = TINY
  ? [{ name: '100 events', events: 100, descriptionChars: 0, runs: 3, warmup: 1 }]
  : [
      { name: '1,000 events', events: 1_000, descriptionChars: 0, runs: 21, warmup: 5 },
      {
        name: '1,000 events, 1.5 kB descriptions',
        events: 1_000,
        descriptionChars: 1_500,
        runs: 21,
        warmup: 5,
      },
      { name: '30,000 events', events: 30_000, descriptionChars: 0, runs: 5, warmup: 1 },
    ];

interface Row {
  case: string;
  format: 'frab-json' | 'frab-xml';
  megabytes: number;
  node: Summary;
  nodeCpu: Summary;
  chromium: Summary;
}

let browser: Browser;
let bundle: string;

beforeAll(async () => {
  bundle = await bundleScript('schedule-entry.ts', 'TalkNotesScheduleBenchBundle');
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Wall time of each run in Node, and the process's CPU time (user and system, all threads: the
 * garbage collector's helpers count), which other work on a loaded machine inflates less.
 */
function timeInNode(
  text: string,
  runs: number,
  warmup: number,
  events: number,
): { wall: number[]; cpu: number[] } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const schedule = parseSchedule(text);
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpuBefore);
    expect(schedule.talks).toHaveLength(events);
    if (i < warmup) continue;
    wall.push(ms);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall, cpu };
}

async function timeInChromium(text: string, runs: number, warmup: number, events: number): Promise<number[]> {
  const page = await browser.newPage();
  try {
    await page.evaluate(bundle);
    const results = await page.evaluate(
      ({ text, total }) => {
        const api = (globalThis as unknown as { TalkNotesScheduleBench: ScheduleBenchApi })
          .TalkNotesScheduleBench;
        return Array.from({ length: total }, () => api.parse(text));
      },
      { text, total: warmup + runs },
    );
    for (const result of results) expect(result.talks).toBe(events);
    return results.slice(warmup).map((result) => result.ms);
  } finally {
    await page.close();
  }
}

it('parses generated frab schedules', async () => {
  const rows: Row[] = [];
  for (const c of CASES) {
    const generated = generateFrabSchedule(c.events, { descriptionChars: c.descriptionChars });
    for (const format of ['frab-json', 'frab-xml'] as const) {
      const text = format === 'frab-json' ? generated.json : generated.xml;
      const node = timeInNode(text, c.runs, c.warmup, c.events);
      const inPage = summarize(await timeInChromium(text, c.runs, c.warmup, c.events));
      rows.push({
        case: c.name,
        format,
        megabytes: Math.round(text.length / 10_000) / 100,
        node: summarize(node.wall),
        nodeCpu: summarize(node.cpu),
        chromium: inPage,
      });
    }
  }
  const load = loadavg().map((n) => n.toFixed(1));
  const range = (s: Summary) => `${s.median} [${s.min}-${s.max}]`;
  console.log(
    `\n## Schedule parsing (ms: median [min-max] of the runs after warm-up; ${cpus().length} cores, load ${load.join(' ')})\n${table(
      ['schedule', 'format', 'MB', 'runs', 'Node', 'Node CPU', 'Chromium page'],
      rows.map((r) => [
        r.case,
        r.format,
        r.megabytes,
        r.node.runs,
        range(r.node),
        range(r.nodeCpu),
        range(r.chromium),
      ]),
    )}`,
  );
  const dir = join(PROJECT_ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, TINY ? 'schedule-parse-tiny.json' : 'schedule-parse.json'),
    `${JSON.stringify({ node: process.version, cpus: cpus().length, loadAverage: loadavg(), rows }, null, 2)}\n`,
  );
});
