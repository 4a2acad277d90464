/**
 * A note typed in the popup is kept whole when the popup closes right after the last keystroke (#14):
 * no wait between typing and closing, as when a reader types and clicks back into the page. The
 * popup is opened as a page (`popup.html?tab=`), as in Firefox where this lost keystrokes, and the
 * round is repeated, each time with a different note, so a save that only usually arrives fails.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dragSelect, type ExtensionSession, launchExtension, readLibrary } from './harness';

const PASSAGE =
  'What I found very interesting about the talk were the questions that Matthias raised at the very end';
const ROUNDS = 5;

/** The stored note of the passage. */
const storedNote = async (session: ExtensionSession) =>
  (await readLibrary(session)).highlights.find((h) => h.text === PASSAGE)?.note;

describe('a note typed just before the popup closes', () => {
  let session: ExtensionSession;
  let page: Page;
  beforeAll(async () => {
    session = await launchExtension();
    page = await session.openFixture('conference-h3.html');
  });
  afterAll(async () => {
    await session?.close();
  });

  it('is stored whole, every time', async () => {
    expect(await dragSelect(page, PASSAGE)).toBe(PASSAGE);
    await page.getByRole('button', { name: 'Highlight', exact: true }).click();
    await expect.poll(() => storedNote(session), { timeout: 10_000 }).toBe('');
    for (let round = 1; round <= ROUNDS; round++) {
      const popup = await session.openPopup(page);
      const card = popup
        .locator('li.highlight')
        .filter({ has: popup.getByRole('button', { name: PASSAGE, exact: true }) });
      await card.getByRole('button', { name: 'Edit' }).click();
      const note = card.getByRole('textbox', { name: 'Note' });
      await note.click();
      await note.press('ControlOrMeta+a');
      const text = `Round ${round}: ask Matthias about the migration plan, the costs and the timeline`;
      await popup.keyboard.type(text);
      // Closed right after the last keystroke: no wait for the editor's save.
      await popup.close();
      await expect.poll(() => storedNote(session), { timeout: 10_000 }).toBe(text);

      // And the popup opened again shows it.
      const again = await session.openPopup(page);
      const shown = again
        .locator('li.highlight')
        .filter({ has: again.getByRole('button', { name: PASSAGE, exact: true }) });
      await expect.poll(() => shown.textContent(), { timeout: 10_000 }).toContain(text);
      await again.close();
    }
  });

  it('is stored whole from the dashboard too, closed right after the last keystroke', async () => {
    const dashboard = await session.openDashboard();
    const row = dashboard.getByRole('article').filter({ hasText: PASSAGE });
    await row.getByRole('button', { name: 'Edit' }).click();
    const note = row.getByRole('textbox', { name: 'Note' });
    await note.click();
    await note.press('ControlOrMeta+a');
    const text = 'From the dashboard: ask Matthias for the slides and the recording';
    await dashboard.keyboard.type(text);
    await dashboard.close();
    await expect.poll(() => storedNote(session), { timeout: 10_000 }).toBe(text);
  });
});
