/**
 * The `huge` scenario: what a reader waits for on huge pages (bench/huge-pages.ts) with the built
 * extension, and talk detection alone on the same pages in Node (jsdom), each against a baseline in
 * the same run when one is given: another checkout's sources (`BASELINE=/tmp/base`, made with
 * `git archive main | tar -x -C /tmp/base` and this checkout's node_modules linked into it), whose
 * extension is built into its own `.output/` and loaded in a second Chromium.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import type { Page } from 'playwright-core';
import { clearLibrary, dragSelect, type ExtensionSession, launchExtension } from '../tests/e2e/harness';
import { detectTalkSections } from '../core/talks';
import { type HugePage, hugePages } from './huge-pages';
import { loadProse } from './prose-page';
import { HUMAN_PAUSE_MS, type Sizes } from './scenarios';
import { round, type Summary, summarize, table } from './stats';

/** One build of the extension under measurement: this checkout's, or the baseline's. */
export interface Build {
  label: string;
  session: ExtensionSession;
}

export interface HugeVisit {
  /** The `talk-notes:ready` mark's time after navigation start (ms), and the script's own time. */
  readyMs: number;
  scriptMs: number;
  /** The page's load event after navigation start (ms): the page's own cost, for scale. */
  loadMs: number;
  /**
   * Each clip from the mouse press on Highlight to drawn and stored: the press's event time to the
   * `talk-notes:clipped` mark. Meant to include the time a press waits behind a busy thread, but
   * Playwright's click waits for the page before it presses (its checks run in the page), so it comes
   * out as the mark's own `durationMs` (also kept) plus a few ms: the blocked time is `longestTaskMs`.
   */
  waits: number[];
  durations: number[];
  /** The longest task on the page's thread while the reader clipped (a long task observer's): detection's, mostly. */
  longestTaskMs: number;
}

export interface HugeRow {
  page: string;
  description: string;
  build: string;
  ready: Summary;
  load: Summary;
  firstClip: Summary;
  laterClips: Summary;
  /** The mark's own durationMs of the first clip (from the handler's start). */
  firstClipHandler: Summary;
  longestTask: Summary;
  visits: HugeVisit[];
}

/** Builds the baseline checkout's extension (with the test marks) unless it has one. */
export function baselineExtensionDir(baseline: string): string {
  const dir = join(baseline, '.output', 'chrome-mv3');
  if (!existsSync(join(dir, 'manifest.json'))) {
    execFileSync('npx', ['wxt', 'build', '-b', 'chrome'], {
      cwd: baseline,
      stdio: 'inherit',
      env: {
        ...process.env,
        TALK_NOTES_TEST_HOOKS: '1',
        TALK_NOTES_MARKS: '1',
        WXT_OUT_DIR: join(baseline, '.output'),
      },
    });
  }
  return dir;
}

async function visit(build: Build, page: HugePage, clips: number): Promise<HugeVisit> {
  const { session } = build;
  const path = `bench/huge-${page.name}.html`;
  session.server.serve(path, page.html);
  const tab = await session.context.newPage();
  await tab.goto(session.server.url(path), { waitUntil: 'load' });
  const ready = await tab.waitForFunction(() => {
    const mark = performance.getEntriesByName('talk-notes:ready')[0] as PerformanceMark | undefined;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return mark && nav?.loadEventEnd
      ? { readyMs: mark.startTime, scriptMs: mark.detail.scriptMs as number, loadMs: nav.loadEventEnd }
      : null;
  });
  const times = (await ready.jsonValue()) as { readyMs: number; scriptMs: number; loadMs: number };
  // The press's own time stamp (when the input arrived), seen from the page, before any handler ran.
  await tab.evaluate(() => {
    const state = globalThis as { benchPressAt?: number; benchLongest?: number };
    addEventListener('mousedown', (e) => (state.benchPressAt = e.timeStamp), true);
    state.benchLongest = 0;
    new PerformanceObserver((list) => {
      for (const task of list.getEntries())
        state.benchLongest = Math.max(state.benchLongest ?? 0, task.duration);
    }).observe({ type: 'longtask' });
  });
  const waits: number[] = [];
  const durations: number[] = [];
  for (let i = 0; i < Math.min(clips, page.clips.length); i++) {
    await clipOnce(tab, page.clips[i]!, i, waits, durations);
  }
  const longestTaskMs = await tab.evaluate(() => (globalThis as { benchLongest?: number }).benchLongest ?? 0);
  await tab.close();
  // The library emptied after each visit: the same passages clipped again would be refused as already highlighted.
  const extensionPage = await session.context.newPage();
  await extensionPage.goto(`chrome-extension://${session.extensionId}/highlight-menu.html`);
  await clearLibrary(extensionPage);
  await extensionPage.close();
  return { ...times, waits, durations, longestTaskMs };
}

async function clipOnce(tab: Page, text: string, i: number, waits: number[], durations: number[]) {
  await dragSelect(tab, text);
  const button = tab.getByRole('button', { name: 'Highlight', exact: true });
  await button.waitFor({ state: 'visible' });
  await tab.waitForTimeout(HUMAN_PAUSE_MS);
  await button.click();
  const mark = await tab.waitForFunction(
    (n) => {
      const entries = performance.getEntriesByName('talk-notes:clipped');
      const entry = entries[n] as PerformanceMark | undefined;
      const pressAt = (globalThis as { benchPressAt?: number }).benchPressAt;
      return entry && pressAt !== undefined ? { ...entry.detail, waitMs: entry.startTime - pressAt } : null;
    },
    i,
    { timeout: 120_000 },
  );
  const detail = (await mark.jsonValue()) as {
    durationMs: number;
    saved: boolean;
    message: string;
    waitMs: number;
  };
  if (!detail.saved) {
    console.warn(`[bench] huge clip ${i} not saved: ${detail.message}`);
    return;
  }
  waits.push(detail.waitMs);
  durations.push(detail.durationMs);
}

/**
 * Each page visited `visits` times by each build (the builds alternating, the order turned every
 * visit), `clips` clips a visit: the first pays for the page's analysis, the later ones reuse it.
 */
export async function hugeInBrowser(
  builds: Build[],
  pages: HugePage[],
  visits: number,
  clips: number,
): Promise<HugeRow[]> {
  const rows: HugeRow[] = [];
  for (const page of pages) {
    const byBuild = new Map<string, HugeVisit[]>(builds.map((b) => [b.label, []]));
    for (let v = 0; v < visits; v++) {
      const order = v % 2 ? [...builds].reverse() : builds;
      for (const build of order) {
        const got = await visit(build, page, clips);
        byBuild.get(build.label)!.push(got);
        console.log(
          `[bench] huge ${page.name} ${build.label}: ready ${round(got.readyMs)} ms, clips ${got.waits.map((w) => round(w, 0)).join(' ')} ms, longest task ${round(got.longestTaskMs, 0)} ms`,
        );
      }
    }
    for (const build of builds) {
      const done = byBuild.get(build.label)!;
      rows.push({
        page: page.name,
        description: page.description,
        build: build.label,
        ready: summarize(done.map((d) => d.readyMs)),
        load: summarize(done.map((d) => d.loadMs)),
        firstClip: summarize(done.map((d) => d.waits[0] ?? Number.NaN)),
        laterClips: summarize(done.flatMap((d) => d.waits.slice(1))),
        firstClipHandler: summarize(done.map((d) => d.durations[0] ?? Number.NaN)),
        longestTask: summarize(done.map((d) => d.longestTaskMs)),
        visits: done,
      });
    }
  }
  return rows;
}

type Detect = (root: Document) => unknown[];

export interface NodeDetectionRow {
  page: string;
  ours: Summary;
  baseline: Summary | null;
  /** Median over runs of ours / baseline in the same run (back to back, alternating who goes first). */
  pairedRatio: number | null;
  sections: number;
  /** Both found the same sections (titles, speakers, forms, where each starts and ends). */
  sameResult: boolean | null;
}

/** What a detection found, to compare two builds' results on the same page. */
function digest(sections: unknown[]): string {
  return JSON.stringify(
    (
      sections as {
        title: string;
        speakers: string[];
        form: string;
        heading: Element;
        end: Element | null;
        owns: Element[] | null;
      }[]
    ).map((s) => [
      s.title,
      s.speakers,
      s.form,
      s.heading.textContent?.slice(0, 80),
      s.end?.textContent?.slice(0, 80) ?? null,
      s.owns?.length ?? null,
    ]),
  );
}

/** Talk detection alone on each page in jsdom, `runs` times, alternating with the baseline's when given. */
export function hugeDetectionInNode(
  pages: HugePage[],
  ours: Detect,
  baseline: Detect | null,
  runs: number,
): NodeDetectionRow[] {
  return pages.map((page) => {
    const mine: number[] = [];
    const theirs: number[] = [];
    const ratios: number[] = [];
    let sections = 0;
    let same: boolean | null = baseline ? true : null;
    for (let run = 0; run < runs; run++) {
      const timed = (detect: Detect) => {
        const { document } = new JSDOM(page.html).window;
        const started = performance.now();
        const found = detect(document);
        return { ms: performance.now() - started, found };
      };
      const sides = baseline ? (run % 2 ? (['b', 'o'] as const) : (['o', 'b'] as const)) : (['o'] as const);
      const got: Partial<Record<'o' | 'b', ReturnType<typeof timed>>> = {};
      for (const side of sides) got[side] = timed(side === 'o' ? ours : baseline!);
      mine.push(got.o!.ms);
      sections = got.o!.found.length;
      if (got.b) {
        theirs.push(got.b.ms);
        ratios.push(got.o!.ms / got.b.ms);
        if (digest(got.o!.found) !== digest(got.b.found)) same = false;
      }
    }
    console.log(
      `[bench] huge ${page.name} in Node: ${mine.map((ms) => round(ms, 0)).join(' ')} ms, baseline ${theirs.map((ms) => round(ms, 0)).join(' ')} ms`,
    );
    return {
      page: page.name,
      ours: summarize(mine),
      baseline: baseline ? summarize(theirs) : null,
      pairedRatio: baseline ? summarize(ratios).median : null,
      sections,
      sameResult: same,
    };
  });
}

export interface HugeResults {
  baseline: string | null;
  browser: HugeRow[];
  node: NodeDetectionRow[];
}

/** The scenario: this checkout's build (`session`) and, with BASELINE set, the baseline's beside it. */
export async function hugeScenario(session: ExtensionSession, sizes: Sizes): Promise<HugeResults> {
  const pages = hugePages(loadProse(), sizes.huge);
  const baseline = process.env.BASELINE ?? null;
  let baselineDetect: Detect | null = null;
  if (baseline) {
    const talks = (await import(/* @vite-ignore */ join(baseline, 'core', 'talks', 'index.ts'))) as {
      detectTalkSections: Detect;
    };
    baselineDetect = talks.detectTalkSections;
  }
  const builds: Build[] = [{ label: 'this checkout', session }];
  const other = baseline ? await launchExtension({ extensionDir: baselineExtensionDir(baseline) }) : null;
  let browser: HugeRow[];
  try {
    if (other) builds.push({ label: 'baseline', session: other });
    browser = await hugeInBrowser(builds, pages, sizes.hugeVisits, sizes.hugeClips);
  } finally {
    await other?.close();
  }
  const node = hugeDetectionInNode(pages, detectTalkSections, baselineDetect, sizes.hugeNodeRuns);
  return { baseline, browser, node };
}

const cell = (s: Summary) => (s.runs && !Number.isNaN(s.median) ? `${s.median} [${s.min}-${s.max}]` : '-');

/** The scenario's two tables: the reader's waits in Chromium, detection alone in Node. */
export function hugeTables(results: HugeResults): string[] {
  return [
    `\n## 8. Huge pages: what the reader waits for (ms, median [min-max]; baseline: ${results.baseline ?? 'none'})`,
    table(
      [
        'page',
        'build',
        'ready after navigation',
        'page load',
        'first clip (press to stored)',
        'its handler alone',
        'later clips',
        'longest task while clipping',
      ],
      results.browser.map((r) => [
        `${r.page} (${r.description})`,
        r.build,
        cell(r.ready),
        cell(r.load),
        cell(r.firstClip),
        cell(r.firstClipHandler),
        `${cell(r.laterClips)} (${r.laterClips.runs})`,
        cell(r.longestTask),
      ]),
    ),
    '\n## 8b. Huge pages: talk detection alone in Node (jsdom), ms median [min-max]',
    table(
      ['page', 'this checkout', 'baseline', 'ratio per run (median)', 'sections', 'same result'],
      results.node.map((r) => [
        r.page,
        cell(r.ours),
        r.baseline ? cell(r.baseline) : '-',
        r.pairedRatio ?? '-',
        r.sections,
        r.sameResult === null ? '-' : String(r.sameResult),
      ]),
    ),
  ];
}
