/**
 * A full disk, for real: a test build without `unlimitedStorage` (the only difference, see
 * wxt.config.ts) lets Chromium shrink the extension's quota over CDP, so the background's
 * IndexedDB writes fail with the browser's own quota error. Clips made then stay drawn and in
 * memory, can be copied out, ask before the page is left, and are saved by Retry once there is
 * room; what was stored before is untouched.
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureExtensionBuilt } from './build';
import { drawnHighlights, dragSelect, type ExtensionSession, launchExtension, readLibrary } from './harness';
import { OUTPUT_DIR } from './paths';

const STORED_FIRST = "He's a really big fan of random testing/ fuzzing in order to find bugs";
const UNSAVED_ONE =
  'An intersting twist though: Eight of these ten goals are choosen by the children themselves';
const UNSAVED_TWO =
  'Their reason for tapping into OSS more and more is to grow beyond their own capabilities.';
const NO_ROOM = 'The browser has no room left for Talk Notes.';

async function clickHighlight(page: Page) {
  const button = page.getByRole('button', { name: 'Highlight', exact: true });
  await button.waitFor({ state: 'visible' });
  await button.click();
}

const toolbarStatus = (page: Page) => page.getByRole('status').first();

describe('storage failure in Chromium', () => {
  let session: ExtensionSession;
  let cdp: CDPSession;
  let origin: string;
  /**
   * Sets (or with no size, lifts) the extension's quota. Chromium reads the quota when it opens
   * the database's backing store, so the background is stopped and the store given time to close
   * (Chromium keeps it 2 s after the last connection goes; 3 s sufficed here, 5 s leaves room for a
   * slow machine); the next save opens it afresh.
   */
  const setQuota = async (page: Page, quotaSize?: number) => {
    await cdp.send(
      'Storage.overrideQuotaForOrigin',
      quotaSize === undefined ? { origin } : { origin, quotaSize },
    );
    await cdp.send('ServiceWorker.stopAllWorkers');
    await page.waitForTimeout(5000);
  };

  beforeAll(async () => {
    const extensionDir = ensureExtensionBuilt(`${OUTPUT_DIR}-limited-storage`, {
      env: { TALK_NOTES_LIMITED_STORAGE: '1' },
    });
    session = await launchExtension({ extensionDir });
    origin = `chrome-extension://${session.extensionId}`;
  }, 120_000);
  afterAll(async () => {
    await session?.close();
  });

  it('keeps clips made while storage is full, copies them out, and saves them on Retry', async () => {
    const page = await session.openFixture('conference-h2.html');
    cdp = await session.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: session.server.origin,
    });

    // A highlight stored while there is room.
    await dragSelect(page, STORED_FIRST);
    await clickHighlight(page);
    await expect.poll(() => toolbarStatus(page).textContent()).toBe('Saved');
    const before = await readLibrary(session);
    expect(before.highlights.map((h) => h.text)).toEqual([STORED_FIRST]);

    // The disk is full: the browser refuses the write, the reader is told plainly, the clip stays drawn.
    await setQuota(page, 1);
    await dragSelect(page, UNSAVED_ONE);
    await clickHighlight(page);
    await expect.poll(() => toolbarStatus(page).textContent()).toContain(`Not saved: ${NO_ROOM}`);
    expect(await drawnHighlights(page)).toEqual({ 'talk-notes-yellow': [STORED_FIRST, UNSAVED_ONE].sort() });
    const retry = page.getByRole('button', { name: /^Retry saving/ });
    await expect.poll(() => retry.textContent()).toBe('Retry saving (1)');

    // Clicking elsewhere does not take the only copy out of reach: the toolbar moves to a corner.
    await page.mouse.click(5, 5);
    await expect.poll(() => page.getByRole('button', { name: 'Highlight', exact: true }).count()).toBe(0);
    const pinned = (await retry.boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(pinned.y + pinned.height).toBeLessThanOrEqual(viewport.height);
    expect(pinned.y).toBeGreaterThan(viewport.height - 100);

    // A second clip while full joins it.
    await dragSelect(page, UNSAVED_TWO);
    await clickHighlight(page);
    await expect.poll(() => retry.textContent()).toBe('Retry saving (2)');

    // Nothing already stored was harmed, nothing half-written.
    expect(await readLibrary(session)).toEqual(before);

    // Leaving the page asks first (the browser's own prompt); staying keeps the clips.
    const dialogs: string[] = [];
    page.once('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss();
    });
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => dialogs).toEqual(['beforeunload']);
    expect(page.isClosed()).toBe(false);

    // Copy unsaved: both passages as Markdown quotes with their source.
    await page.getByRole('button', { name: 'Copy unsaved' }).click();
    await expect.poll(() => toolbarStatus(page).textContent()).toBe('Copied 2 unsaved highlights');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain(`> ${UNSAVED_ONE}`);
    expect(copied).toContain(`> ${UNSAVED_TWO}`);
    // The source line is the export's: the page title linked to the passage.
    expect(copied).toContain(`](${session.server.url('conference-h2.html')}#:~:text=`);

    // Room again: Retry saves both, once each, under the page already stored.
    await setQuota(page);
    await retry.click();
    await expect.poll(() => toolbarStatus(page).textContent()).toBe('Saved 2 highlights');
    const after = await readLibrary(session);
    expect(after.highlights.map((h) => h.text).sort()).toEqual(
      [STORED_FIRST, UNSAVED_ONE, UNSAVED_TWO].sort(),
    );
    expect(after.pages).toHaveLength(1);
    expect(after.highlights.find((h) => h.text === STORED_FIRST)).toEqual(
      before.highlights.find((h) => h.text === STORED_FIRST),
    );
    // The corner toolbar goes once its work is done.
    await expect.poll(() => retry.count(), { timeout: 5000 }).toBe(0);

    // Nothing is pending now: leaving does not ask, and the next visit draws all three.
    page.once('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss();
    });
    await page.reload();
    expect(dialogs).toEqual(['beforeunload']);
    await expect
      .poll(() => drawnHighlights(page))
      .toEqual({ 'talk-notes-yellow': [STORED_FIRST, UNSAVED_ONE, UNSAVED_TWO].sort() });
  });
});
