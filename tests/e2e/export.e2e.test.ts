/**
 * Getting notes out: a Markdown export of a page's highlights from the popup, and a backup that
 * survives a wipe, from the dashboard.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clickDrawnHighlight,
  dragSelect,
  type ExtensionSession,
  launchExtension,
  readLibrary,
} from './harness';

const FUZZING = "He's a really big fan of random testing/ fuzzing in order to find bugs";
const WORKFLOWS = 'Workflows - not technologies.';

async function clip(page: Page, text: string) {
  await dragSelect(page, text);
  await page.getByRole('button', { name: 'Highlight', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
}

describe('export in Chromium', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('exports the page’s highlights, by talk, with note, tags and links, from the popup', async () => {
    const page = await session.openFixture('conference-h2.html');
    await clip(page, FUZZING);
    await clip(page, WORKFLOWS);
    await clickDrawnHighlight(page, FUZZING);
    const menu = page.frameLocator('iframe[title="Talk Notes highlight"]');
    await menu.getByRole('textbox', { name: 'Note' }).fill('Fuzzing finds the *rare* paths.');
    await menu.getByRole('combobox', { name: 'Add tags' }).fill('testing, kernel/fuzzing');
    await menu.getByRole('combobox', { name: 'Add tags' }).press('Enter');
    await expect
      .poll(async () => (await readLibrary(session)).highlights.find((h) => h.text === FUZZING))
      .toMatchObject({ note: 'Fuzzing finds the *rare* paths.', tags: ['testing', 'kernel/fuzzing'] });

    const popup = await session.openPopup(page);
    const downloading = popup.waitForEvent('download');
    await popup.getByRole('button', { name: 'Export Markdown' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.md$/);
    const markdown = await readFile((await download.path())!, 'utf8');

    expect(markdown).toMatch(/^---\n/);
    expect(markdown).toContain('title: "Open Source Summit - Day 3"');
    expect(markdown).toContain('\n# Open Source Summit - Day 3\n');
    // Talks in page order, each passage as a quote keeping its emphasis.
    const tao = markdown.indexOf('## The TAO of Hashicorp');
    const linus = markdown.indexOf('## Linus Torvalds Q&A');
    expect(tao).toBeGreaterThan(0);
    expect(linus).toBeGreaterThan(tao);
    expect(markdown).toContain("> He's a *really big fan of random testing*/ fuzzing in order to find bugs");
    expect(markdown).toContain('Fuzzing finds the *rare* paths.');
    expect(markdown).toMatch(/#testing\b/);
    expect(markdown).toContain('#kernel/fuzzing');
    // The source line links to the passage with a text fragment.
    expect(markdown).toMatch(/\]\(http:\/\/127\.0\.0\.1:\d+\/conference-h2\.html#:~:text=[^)]+\)/);
    await popup.close();
    await page.close();
  });
});
