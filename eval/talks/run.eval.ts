/**
 * `npm run eval:talks`: talk detection (core/talks) on the recap corpus (tests/fixtures/recaps, ground truth
 * in cases.json) and on the 62 web pages (tests/fixtures/web-pages, none a conference write-up). Prints a
 * table and writes the full results as JSON to eval/results/talks.json, or to the path in TALKS_EVAL_OUT.
 * A measurement, not a test: it fails only if a page cannot be evaluated. Metrics: docs/talk-detection.md.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { EVAL_TEST_MS } from '../../tests/unit/heavy';
import { ALL_WEB_PAGES, webPagePath } from '../../tests/fixtures/web-pages';
import { loadRecapCases, recapPath } from './cases';
import {
  checkTargets,
  coreDetector,
  evaluateRecap,
  evaluateWebPage,
  type RecapPageResult,
  type RecapTotals,
  share,
  totalRecaps,
  totalRecapsByRound,
  totalWebPages,
  type WebPageResult,
} from './evaluate';
import { loadPage, withPageGlobals } from './load';
import { formatReport } from './report';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = resolve(ROOT, process.env.TALKS_EVAL_OUT ?? 'eval/results/talks.json');

it(
  'evaluates talk detection on the recap and web-page corpora',
  () => {
    const started = performance.now();
    const recaps: RecapPageResult[] = loadRecapCases().map((c) => {
      const window = loadPage(readFileSync(recapPath(c.file), 'utf8'), `https://recaps.example/${c.file}`);
      return withPageGlobals(window, () => evaluateRecap(window.document, c, coreDetector));
    });
    const web: WebPageResult[] = ALL_WEB_PAGES.map((name) => {
      const window = loadPage(readFileSync(webPagePath(name), 'utf8'), `https://web-pages.example/${name}/`);
      return withPageGlobals(window, () => evaluateWebPage(window.document, name, coreDetector));
    });
    const recapTotals = totalRecaps(recaps);
    const webTotals = totalWebPages(web);
    const seconds = (performance.now() - started) / 1000;

    const rate = (s: { right: number; total: number }) => ({ ...s, share: share(s) });
    const recapSummary = (t: RecapTotals) => ({
      pages: t.pages,
      passages: rate(t.passages),
      talkPassages: rate(t.talkPassages),
      talklessPassages: rate(t.talklessPassages),
      precision: rate(t.precision),
      recall: rate(t.recall),
      speakers: rate(t.speakers),
      unlocatedPassages: t.unlocated,
    });
    const report = {
      generatedAt: new Date().toISOString(),
      node: process.version,
      seconds: Math.round(seconds * 10) / 10,
      totals: {
        recaps: recapSummary(recapTotals),
        recapsByRound: totalRecapsByRound(recaps).map(({ added, totals }) => ({
          added,
          ...recapSummary(totals),
        })),
        webPages: {
          pages: webTotals.pages,
          pagesWithoutTalks: webTotals.pagesWithoutTalks.right,
          talksInvented: webTotals.invented,
        },
        targets: checkTargets(recapTotals, webTotals),
      },
      recaps,
      webPages: web,
    };
    mkdirSync(dirname(OUT), { recursive: true });
    writeFileSync(OUT, `${JSON.stringify(report, null, 2)}\n`);

    const text = formatReport(recaps, recapTotals, web, webTotals);
    process.stdout.write(`\n${text}\n\n${seconds.toFixed(1)} s; full results in ${OUT}\n\n`);
    expect(recaps.length).toBeGreaterThan(0);
  },
  EVAL_TEST_MS,
);
