/**
 * The order unit and Chromium E2E test files start in. Two workers take files from one queue, so the
 * run ends when the last long file ends: the longest files must start first, or one of them runs alone
 * at the end while the other worker idles. Vitest starts files that took longest in the last run first,
 * but on a fresh clone (CI) it has no last run and starts the largest files first, and the corpus
 * suites are the smallest files of all (a few lines over a whole corpus). So the files below, the
 * slowest ones in a per-file report (`npx vitest run --project unit --reporter=json --outputFile=...`),
 * start first in this order when nothing better is known; every other file keeps Vitest's order.
 */
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Slowest first, from the report; paths from the project root. Keep to the dozen or so over ~5 s. */
export const SLOW_UNIT_FILES = [
  'tests/unit/core/text-fragment-corpus-2.test.ts',
  'tests/unit/page/clipper-web-pages-1.test.ts',
  'tests/unit/page/clipper-recaps.test.ts',
  'tests/unit/page/clipper-web-pages-2.test.ts',
  'tests/unit/core/text-fragment-corpus.test.ts',
  'tests/unit/sync/sync-pass.test.ts',
];

/**
 * The same for the Chromium E2E files, which run two at a time too: the slowest of a two-worker run
 * (`npm run test:e2e`, about 25-60 s each at load 14), so none of them is the last to start (the
 * Firefox build and its lint, 39 s, once ran alone at the end).
 */
export const SLOW_E2E_FILES = [
  'tests/e2e/bench-smoke.e2e.test.ts',
  'tests/e2e/sync.e2e.test.ts',
  'tests/e2e/post-identity.e2e.test.ts',
  'tests/e2e/talks.e2e.test.ts',
  'tests/e2e/firefox-build.e2e.test.ts',
  'tests/e2e/robustness.e2e.test.ts',
  'tests/e2e/note-save.e2e.test.ts',
  'tests/e2e/text-fragment.e2e.test.ts',
  'tests/e2e/accessibility.e2e.test.ts',
  'tests/e2e/page-address.e2e.test.ts',
  'tests/e2e/overlaps-and-toolbar.e2e.test.ts',
  'tests/e2e/capture.e2e.test.ts',
];

const SLOW_FILES = [...SLOW_UNIT_FILES, ...SLOW_E2E_FILES];

export class SlowFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const cache = this.ctx.cache;
    // A cached duration for every file: Vitest's own longest-first order is the better one.
    if (sorted.every((spec) => cache.getTestSpecificationResult(spec))) return sorted;
    const root = this.ctx.config.root;
    for (const file of SLOW_FILES) {
      // A renamed file would silently lose its place: say so instead.
      if (!existsSync(resolve(root, file)))
        throw new Error(`tests/unit/sequencer.ts lists ${file}, not found`);
    }
    const rank = (spec: TestSpecification) => {
      const index = SLOW_FILES.indexOf(relative(root, spec.moduleId));
      return index === -1 ? SLOW_FILES.length : index;
    };
    // Projects stay in Vitest's order; sort is stable, so files of equal rank keep it too.
    const projects = [...new Set(sorted.map((spec) => spec.project.name))];
    const project = (spec: TestSpecification) => projects.indexOf(spec.project.name);
    return sorted.sort((a, b) => project(a) - project(b) || rank(a) - rank(b));
  }
}
