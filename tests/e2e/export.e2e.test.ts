/**
 * Getting notes out: a Markdown export of a page's highlights from the popup, and a backup that
 * survives a wipe, from the dashboard.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clearLibrary,
  clickDrawnHighlight,
  dragSelect,
  drawnHighlights,
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

  it('backs up the library, restores it after a wipe exactly, and refuses a broken file changing nothing', async () => {
    const before = await readLibrary(session);
    expect(before.highlights.length).toBeGreaterThanOrEqual(2);
    const dashboard = await session.openDashboard();
    const downloading = dashboard.waitForEvent('download');
    await dashboard.getByRole('button', { name: 'Export backup' }).click();
    const backupPath = (await (await downloading).path())!;
    const backup = JSON.parse(await readFile(backupPath, 'utf8'));
    expect(backup).toMatchObject({ format: 'talk-notes-backup', version: 2 });
    expect(backup.highlights).toHaveLength(before.highlights.length);

    await clearLibrary(dashboard);
    await dashboard.reload();
    expect((await readLibrary(session)).highlights).toEqual([]);
    await dashboard.getByLabel('Import backup').setInputFiles(backupPath);
    // What happened is a toast in the dashboard's Notifications status region (#17).
    await dashboard
      .getByRole('status', { name: 'Notifications' })
      .locator('.dash-toast-text')
      .filter({ hasText: /^Imported/ })
      .waitFor();
    const after = await readLibrary(session);
    const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(after.highlights)).toEqual(byId(before.highlights));
    expect(byId(after.talks)).toEqual(byId(before.talks));
    expect(byId(after.pages as { id: string }[])).toEqual(byId(before.pages as { id: string }[]));

    // A truncated file: a clear error, and the library as it was.
    const text = await readFile(backupPath, 'utf8');
    await dashboard.getByLabel('Import backup').setInputFiles({
      name: 'truncated.json',
      mimeType: 'application/json',
      buffer: Buffer.from(text.slice(0, Math.floor(text.length / 2))),
    });
    // An error toast, which stays until dismissed (#17).
    const alert = dashboard
      .getByRole('status', { name: 'Notifications' })
      .locator('.dash-toast[data-kind="error"] .dash-toast-text')
      .filter({ hasText: 'truncated.json' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(
      /^Error: Could not import truncated\.json: .*Nothing was changed\.$/,
    );
    expect(byId((await readLibrary(session)).highlights)).toEqual(byId(before.highlights));
    await dashboard.close();
  });

  it('redraws an open page when the dashboard deletes its highlights and when a backup brings them back, with no reload', async () => {
    const page = await session.openFixture('conference-h2.html');
    const drawn = async () =>
      Object.values(await drawnHighlights(page))
        .flat()
        .sort();
    const clipped = [FUZZING, WORKFLOWS].sort();
    await expect.poll(drawn).toEqual(clipped);
    // Set in the page's own world: still there at the end means the page was never reloaded.
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));

    const dashboard = await session.openDashboard();
    const downloading = dashboard.waitForEvent('download');
    await dashboard.getByRole('button', { name: 'Export backup' }).click();
    const backupPath = (await (await downloading).path())!;
    await dashboard.getByRole('button', { name: /^Select all/ }).click();
    await dashboard.getByRole('button', { name: 'Delete 2 highlights' }).click();
    await expect.poll(drawn).toEqual([]);

    await dashboard.getByLabel('Import backup').setInputFiles(backupPath);
    // What happened is a toast in the dashboard's Notifications status region (#17).
    await dashboard
      .getByRole('status', { name: 'Notifications' })
      .locator('.dash-toast-text')
      .filter({ hasText: /^Imported/ })
      .waitFor();
    await expect.poll(drawn).toEqual(clipped);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
      true,
    );
    await dashboard.close();
    await page.close();
  });

  it('exports what is in view from the dashboard: a search narrows the export', async () => {
    const dashboard = await session.openDashboard();
    await dashboard.getByRole('searchbox', { name: 'Search' }).fill('fuzzing');
    await expect.poll(() => dashboard.getByText('Workflows - not technologies.').count()).toBe(0);
    const downloading = dashboard.waitForEvent('download');
    await dashboard.getByRole('button', { name: 'Export Markdown' }).click();
    const markdown = await readFile((await (await downloading).path())!, 'utf8');
    expect(markdown).toContain('really big fan of random testing');
    expect(markdown).not.toContain('Workflows - not technologies.');
    await dashboard.close();
  });
});
