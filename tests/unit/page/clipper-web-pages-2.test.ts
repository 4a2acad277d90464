/**
 * #14: every clip the toolbar accepts on the real web pages of tests/fixtures/web-pages, qq to yahoo-1 here,
 * is one the background accepts, and it re-anchors (./clip-corpus.ts). The 62 pages are split in two
 * files of about the same running time, so the halves can run side by side.
 */
import { describe, expect, it } from 'vitest';
import { ALL_WEB_PAGES, webPagePath } from '../../fixtures/web-pages';
import { checkClipsOnPage } from './clip-corpus';

const PAGES = ALL_WEB_PAGES.filter((name) => name >= 'q');

describe('clips on the web pages qq to yahoo-1 pass the saveClip schema and re-anchor', () => {
  it('has its half of the 62 pages', () => {
    expect(ALL_WEB_PAGES).toHaveLength(62);
    expect(PAGES.length).toBe(24);
  });

  it.each(PAGES)('%s', (name) => {
    checkClipsOnPage(`web-pages/${name}`, webPagePath(name));
  });
});
