/**
 * Notes on a talk and on a page (#17), as a reader writes them: a talk note and a page note typed in
 * the popup and the popup closed right after the last keystroke; opened again, both are there; an
 * open dashboard shows them live on the talk's and the page's headers, the in-page menu of one of the
 * talk's passages shows the talk's note, and the dashboard's Markdown export has the talk's note
 * right under its heading, before its passages, and the page's note in the page's section.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickDrawnHighlight, dragSelect, type ExtensionSession, launchExtension } from './harness';

const FUZZING = "He's a really big fan of random testing/ fuzzing in order to find bugs";
const WORKFLOWS = 'Workflows - not technologies.';
const TALK_NOTE = 'What I will try: write our workflows down *before* we pick tools';
const PAGE_NOTE = 'A good recap of day 3, worth rereading';

async function clip(page: Page, text: string) {
  await dragSelect(page, text);
  await page.getByRole('button', { name: 'Highlight', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
}

/** Types into an empty text box as a reader does, key by key. */
async function typeInto(page: Page, box: ReturnType<Page['getByRole']>, text: string) {
  await box.click();
  await page.keyboard.type(text);
}

describe('talk and page notes in Chromium', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('typed in the popup, kept when it closes, shown live in the dashboard, the menu and the export', async () => {
    const page = await session.openFixture('conference-h2.html');
    await clip(page, FUZZING);
    await clip(page, WORKFLOWS);
    // The dashboard is open while the reader writes in the popup: it shows the notes without a reload.
    const dashboard = await session.openDashboard();
    const dashTalk = dashboard.getByRole('region', { name: 'The TAO of Hashicorp' });
    await dashTalk.getByRole('button', { name: 'Add talk note' }).waitFor();

    const popup = await session.openPopup(page);
    const talk = popup.getByRole('region', { name: 'The TAO of Hashicorp' });
    await typeInto(popup, talk.getByRole('textbox', { name: 'Talk note' }), TALK_NOTE);
    const header = popup.getByRole('region', { name: 'Current page' });
    await typeInto(popup, header.getByRole('textbox', { name: 'Page note' }), PAGE_NOTE);
    // Closed right after the last keystroke: the notes were handed to the background as typed.
    await popup.close();

    await expect
      .poll(() => dashTalk.getByRole('textbox', { name: 'Talk note' }).inputValue(), { timeout: 10_000 })
      .toBe(TALK_NOTE);

    const again = await session.openPopup(page);
    await expect
      .poll(
        () =>
          again
            .getByRole('region', { name: 'The TAO of Hashicorp' })
            .getByRole('textbox', { name: 'Talk note' })
            .inputValue(),
        { timeout: 10_000 },
      )
      .toBe(TALK_NOTE);
    expect(
      await again
        .getByRole('region', { name: 'Current page' })
        .getByRole('textbox', { name: 'Page note' })
        .inputValue(),
    ).toBe(PAGE_NOTE);
    // The other talk's note is its own, and empty.
    expect(
      await again
        .getByRole('region', { name: 'Linus Torvalds Q&A' })
        .getByRole('textbox', { name: 'Talk note' })
        .inputValue(),
    ).toBe('');
    await again.close();

    // The in-page menu of one of the talk's passages shows the talk's note.
    await clickDrawnHighlight(page, WORKFLOWS);
    const menu = page.frameLocator('iframe[title="Talk Notes highlight"]');
    await expect
      .poll(() => menu.getByRole('textbox', { name: 'Talk note' }).inputValue(), { timeout: 10_000 })
      .toBe(TALK_NOTE);
    await page.keyboard.press('Escape');

    // The page's note on the page's header when the dashboard lists pages.
    await dashboard.getByRole('combobox', { name: 'Group by' }).first().selectOption('page');
    const dashPage = dashboard.getByRole('region', { name: 'Open Source Summit - Day 3' });
    expect(await dashPage.getByRole('textbox', { name: 'Page note' }).inputValue()).toBe(PAGE_NOTE);
    await dashboard.getByRole('combobox', { name: 'Group by' }).first().selectOption('talk');
    await dashTalk.waitFor();

    const downloading = dashboard.waitForEvent('download');
    await dashboard.getByRole('button', { name: 'Export Markdown' }).click();
    const markdown = await readFile((await (await downloading).path())!, 'utf8');
    const talkSection = markdown.indexOf('## The TAO of Hashicorp');
    const note = markdown.indexOf(TALK_NOTE);
    const passage = markdown.indexOf('> Workflows - not technologies.');
    expect(talkSection).toBeGreaterThan(-1);
    expect(note).toBeGreaterThan(talkSection);
    expect(passage).toBeGreaterThan(note);
    // Nothing but the speakers line between the heading and the note.
    expect(markdown.slice(talkSection, note)).toMatch(/^## The TAO of Hashicorp\n\n(Speakers: [^\n]+\n\n)?$/);
    const pageSection = markdown.indexOf('## Open Source Summit - Day 3');
    expect(pageSection).toBeGreaterThan(-1);
    expect(markdown.indexOf(PAGE_NOTE)).toBe(pageSection + '## Open Source Summit - Day 3\n\n'.length);
    await dashboard.close();
  });
});
