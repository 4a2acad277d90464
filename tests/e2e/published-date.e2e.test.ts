/**
 * A page's published date is the author's calendar date for a reader anywhere (#14): a post dated one
 * hour after midnight in Prague (`2017-10-23T01:00:00+02:00`), clipped by a reader in Honolulu, where
 * that instant is still the 22nd, shows 23 October in the popup and the dashboard.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dragSelect,
  type ExtensionSession,
  launchExtension,
  readLibrary,
  waitForContentScript,
} from './harness';

const PASSAGE = 'Kernel live patching finally landed upstream this year';
const POST = `<!doctype html><html lang="en"><head><title>Prague 2017, part 1</title>
  <meta property="article:published_time" content="2017-10-23T01:00:00+02:00"></head>
  <body><article><h1>Prague 2017, part 1</h1><p>${PASSAGE}, said the keynote.</p></article></body></html>`;

describe('a published date, read far from where it was written', () => {
  let session: ExtensionSession;
  let page: Page;
  beforeAll(async () => {
    session = await launchExtension({ timezoneId: 'Pacific/Honolulu' });
    session.server.serve('/prague-2017.html', POST);
    page = await session.context.newPage();
    await page.goto(session.server.url('prague-2017.html'));
    await waitForContentScript(page);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('is stored as written and shown as the author’s day in the popup and the dashboard', async () => {
    // The zone is the reader's: the instant falls on the 22nd here.
    expect(await page.evaluate(() => new Date('2017-10-23T01:00:00+02:00').getDate())).toBe(22);
    expect(await dragSelect(page, PASSAGE)).toBe(PASSAGE);
    await page.getByRole('button', { name: 'Highlight', exact: true }).click();
    await expect
      .poll(async () => (await readLibrary(session)).pages[0]?.publishedAt, { timeout: 10_000 })
      .toBe('2017-10-23T01:00:00+02:00');

    const popup = await session.openPopup(page);
    await expect
      .poll(() => popup.locator('.page-details').textContent(), { timeout: 10_000 })
      .toMatch(/\b23\b/);
    expect(await popup.locator('.page-details').textContent()).not.toMatch(/\b22\b/);
    await popup.close();

    const dashboard = await session.openDashboard();
    await dashboard.getByRole('combobox', { name: 'Group by' }).selectOption('page');
    const published = dashboard.locator('.dash-published');
    await expect.poll(() => published.textContent(), { timeout: 10_000 }).toMatch(/\b23\b/);
    expect(await published.textContent()).toContain('2017');
    await dashboard.close();
  });
});
