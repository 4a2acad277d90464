/**
 * A smoke test of the Firefox add-on in a real Firefox: clip a passage, see it drawn and stored,
 * see it again after a reload, in the popup and in the dashboard; no script errors on the way.
 * Needs firefox-esr; `npm run test:e2e:firefox`, the last step of `npm test`.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dragSelect,
  drawnHighlights,
  type FirefoxSession,
  launchFirefox,
  storedHighlights,
  toolbarButton,
} from './harness';

const FUZZING = 'really big fan of random testing';

const text = (page: Page) => page.evaluate(() => document.body.textContent ?? '');

describe('Talk Notes in Firefox', () => {
  let session: FirefoxSession;
  beforeAll(async () => {
    session = await launchFirefox();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('clips a passage, draws it, stores it, and draws it again after a reload', async () => {
    const page = await session.openFixture('conference-h2.html');
    expect(await dragSelect(page, FUZZING)).toBe(FUZZING);
    const button = await toolbarButton(page, 'Highlight');
    await page.mouse.click(button.x, button.y);
    await expect.poll(() => drawnHighlights(page)).toEqual({ 'talk-notes-yellow': [FUZZING] });

    const [stored, ...more] = await storedHighlights(session);
    expect(more).toEqual([]);
    expect(stored).toMatchObject({ text: FUZZING, anchorStatus: 'placed' });
    expect(stored!.talkId).not.toBeNull();

    await page.reload();
    await page.waitForFunction(() => performance.getEntriesByName('talk-notes:anchored').length > 0);
    expect(await drawnHighlights(page)).toEqual({ 'talk-notes-yellow': [FUZZING] });
  });

  it('lists the highlight under its talk in the popup and the dashboard', async () => {
    const url = session.server.url('conference-h2.html');
    const popup = await session.openExtensionPage(`popup.html?tab=${await session.tabIdOf(url)}`);
    await expect.poll(() => text(popup)).toContain(FUZZING);
    expect(await text(popup)).toContain('Linus Torvalds Q&A');

    const dashboard = await session.openExtensionPage('dashboard.html');
    await expect.poll(() => text(dashboard)).toContain('1 highlight from 1 page');
    expect(await text(dashboard)).toContain(FUZZING);
  });

  it('ran without uncaught errors in the pages and content scripts', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
