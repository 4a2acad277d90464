/**
 * In Firefox, a note typed in the popup opened in a tab (`popup.html?tab=`) is kept whole when the tab
 * closes right after the last keystroke (#14: the last keystrokes were lost here).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dragSelect, type FirefoxSession, launchFirefox, storedHighlights, toolbarButton } from './harness';

const FUZZING = 'really big fan of random testing';
const ROUNDS = 3;

const storedNote = async (session: FirefoxSession) =>
  ((await storedHighlights(session)) as unknown as { text: string; note: string }[]).find(
    (h) => h.text === FUZZING,
  )?.note;

describe('a note typed just before the popup tab closes, in Firefox', () => {
  let session: FirefoxSession;
  beforeAll(async () => {
    session = await launchFirefox();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('is stored whole, every time', async () => {
    const page = await session.openFixture('conference-h2.html');
    expect(await dragSelect(page, FUZZING)).toBe(FUZZING);
    const button = await toolbarButton(page, 'Highlight');
    await page.mouse.click(button.x, button.y);
    await expect.poll(() => storedNote(session), { timeout: 10_000 }).toBe('');
    const tab = await session.tabIdOf(session.server.url('conference-h2.html'));

    for (let round = 1; round <= ROUNDS; round++) {
      const popup = await session.openExtensionPage(`popup.html?tab=${tab}`);
      const edit = await popup.waitForSelector('li.highlight button ::-p-text(Edit)');
      await edit!.click();
      const note = await popup.waitForSelector('li.highlight textarea.note');
      await note!.click({ count: 3 });
      await popup.keyboard.down('Control');
      await popup.keyboard.press('a');
      await popup.keyboard.up('Control');
      const text = `Round ${round}: ask about the migration plan and the costs`;
      await popup.keyboard.type(text);
      // Closed right after the last keystroke.
      await popup.close();
      await expect.poll(() => storedNote(session), { timeout: 10_000 }).toBe(text);
    }
  });
});
