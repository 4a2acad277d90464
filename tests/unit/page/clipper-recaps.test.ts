/** #14: every clip the toolbar accepts on the 83 recap pages is one the background accepts (./clip-corpus.ts). */
import { describe, expect, it } from 'vitest';
import { loadRecapCases, recapPath } from '@/eval/talks/cases';
import { HEAVY_TEST_MS } from '../heavy';
import { checkClipsOnPage } from './clip-corpus';

const RECAPS = loadRecapCases().map((c) => c.file);

describe('clips on every page of tests/fixtures/recaps pass the saveClip schema and re-anchor', () => {
  it('has the pages', () => {
    expect(RECAPS.length).toBe(191);
  });

  it.each(RECAPS)(
    '%s',
    (file) => {
      checkClipsOnPage(`recaps/${file}`, recapPath(file));
    },
    HEAVY_TEST_MS,
  );
});
