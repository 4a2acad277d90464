/**
 * #17 in Chromium: the dashboard on narrow windows (one scroll, filters behind a button, several
 * highlights in view), its toasts, its keyboard paths (skip link, date filter, shortcuts help) and
 * the Save-results dialog.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchExtension } from './harness';
import { PROJECT_ROOT } from './paths';
import { makeLibrary, writeLibrary } from './seed-library';

const HIGHLIGHTS = 80;
const PAGES = 4;
const SUMMARY = `${HIGHLIGHTS} highlights from ${PAGES} pages`;

/** Elements that scroll (content taller than their box and overflow auto or scroll), as selectors. */
function scrollingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const root = document.scrollingElement!;
    if (root.scrollHeight > root.clientHeight + 1) out.push('document');
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const { overflowY } = getComputedStyle(el);
      if ((overflowY === 'auto' || overflowY === 'scroll') && el.scrollHeight > el.clientHeight + 1) {
        out.push(`${el.tagName.toLowerCase()}.${el.className}`);
      }
    }
    return out;
  });
}

/** Whether the element's box lies entirely inside the viewport (rows sit at sub-pixel offsets: 1 px leeway). */
const inViewport = (locator: Locator) =>
  locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= -1 && r.left >= -1 && r.bottom <= innerHeight + 1 && r.right <= innerWidth + 1;
  });

describe('the dashboard’s layout, toasts and keyboard paths (#17)', () => {
  let session: ExtensionSession;
  let dashboard: Page;
  const summary = () => dashboard.getByRole('status', { name: 'Library summary' });
  const toasts = () => dashboard.getByRole('status', { name: 'Notifications' });

  beforeAll(async () => {
    session = await launchExtension();
    const seeder = await session.openDashboard();
    await seeder.getByRole('status', { name: 'Library summary' }).waitFor();
    await writeLibrary(seeder, makeLibrary({ highlights: HIGHLIGHTS, pages: PAGES, seed: 17 }));
    await seeder.close();
    dashboard = await session.openDashboard();
  });
  afterAll(async () => {
    await session?.close();
  });
  afterEach(async () => {
    await dashboard.setViewportSize({ width: 1280, height: 900 });
    await dashboard.reload();
    await expect.poll(() => summary().textContent()).toBe(SUMMARY);
  });

  it.each([
    [390, 844],
    [760, 900],
  ])('at %i px is one scroll, with the filters behind a Filters button', async (width, height) => {
    await dashboard.setViewportSize({ width, height });
    await expect.poll(() => summary().textContent()).toBe(SUMMARY);
    await expect.poll(() => dashboard.locator('article').count()).toBeGreaterThan(2);
    expect(await scrollingElements(dashboard)).toEqual(['div.dash']);

    const tagFilter = dashboard.getByRole('combobox', { name: 'Add a tag filter' });
    expect(await tagFilter.isVisible()).toBe(false);
    const toggle = dashboard.getByRole('button', { name: /^Filters/ });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    await tagFilter.waitFor({ state: 'visible' });
    // Still one scroll with the filters open: they scroll with the page.
    expect(await scrollingElements(dashboard)).toEqual(['div.dash']);
    await toggle.click();
    await tagFilter.waitFor({ state: 'hidden' });

    // Several highlights in view once the list is scrolled to.
    await dashboard
      .locator('article')
      .first()
      .evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const fullyShown = async () => {
      let n = 0;
      for (const article of await dashboard.locator('article').all()) if (await inViewport(article)) n++;
      return n;
    };
    await expect.poll(fullyShown).toBeGreaterThanOrEqual(3);

    // The list renders its rows against the page's scroll: far down, rows are there, not a blank.
    await dashboard.locator('.dash').evaluate((el) => {
      el.scrollTop = el.scrollHeight / 2;
    });
    await expect
      .poll(async () => {
        for (const article of await dashboard.locator('article').all()) {
          if (
            await article.evaluate((el) => {
              const r = el.getBoundingClientRect();
              return r.bottom > 0 && r.top < innerHeight;
            })
          )
            return true;
        }
        return false;
      })
      .toBe(true);
  });

  it('shows messages as toasts in one place, that go (news) or stay until dismissed (errors), never moving the header', async () => {
    await dashboard.setViewportSize({ width: 1280, height: 900 });
    const header = dashboard.getByRole('banner');
    const buttonBoxes = () =>
      header.getByRole('button').evaluateAll((buttons) =>
        buttons.map((b) => {
          const r = b.getBoundingClientRect();
          return [b.textContent, Math.round(r.x), Math.round(r.y)];
        }),
      );
    const before = await buttonBoxes();

    const download = dashboard.waitForEvent('download');
    await dashboard.getByRole('button', { name: 'Export Markdown' }).click();
    await download;
    await expect.poll(() => toasts().textContent()).toMatch(/^Exported \d+ highlights to Markdown\./);
    expect(await buttonBoxes()).toEqual(before);
    // News goes by itself (about 5 s).
    await expect.poll(() => toasts().textContent(), { timeout: 20_000 }).toBe('');

    // A long error wraps inside its toast, on screen, and stays.
    const name = `${'a-backup-with-a-very-long-name-'.repeat(6)}.json`;
    await dashboard.getByLabel('Import backup').setInputFiles({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from('hello'),
    });
    const error = toasts().locator('.dash-toast');
    await expect.poll(() => error.textContent()).toMatch(/Could not import .*Nothing was changed\./);
    expect(await buttonBoxes()).toEqual(before);
    expect(await inViewport(error)).toBe(true);
    expect(await error.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    // Something that must not happen: the error is still there after news shown after it has gone by
    // itself (waiting for that news to go, not a fixed time: an error on news's timer would go first).
    const newsDownload = dashboard.waitForEvent('download');
    await dashboard.getByRole('button', { name: 'Export Markdown' }).click();
    await newsDownload;
    const news = toasts().locator('.dash-toast:not(.dash-toast-error)');
    await expect.poll(() => news.count()).toBe(1);
    await expect.poll(() => news.count(), { timeout: 20_000 }).toBe(0);
    expect(await error.count()).toBe(1);
    expect(await error.getAttribute('role')).toBe('alert');
    await toasts().getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => toasts().textContent()).toBe('');
  });

  it('reaches the results with the skip link, the date filter is one Tab stop, ? shows the row keys', async () => {
    await dashboard.setViewportSize({ width: 1280, height: 900 });
    const active = () =>
      dashboard.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return {
          text: el?.textContent?.trim().slice(0, 40) ?? '',
          inList: Boolean(el?.closest('.dash-list')),
          inDates: Boolean(el?.closest('.dash-dates')),
        };
      });
    await dashboard.keyboard.press('Tab');
    expect((await active()).text).toBe('Skip to results');
    await dashboard.keyboard.press('Enter');
    await expect.poll(async () => (await active()).inList).toBe(true);

    // Tab from the top to the list, counting the stops in the date filter.
    await dashboard.reload();
    await expect.poll(() => summary().textContent()).toBe(SUMMARY);
    // The filters render once the library's facets are counted, after the summary (on a loaded machine
    // long enough after it for the Tabs below to pass by before they exist).
    await dashboard.getByRole('combobox', { name: 'Date clipped' }).waitFor();
    let stops = 0;
    let inDates = 0;
    for (; stops < 200; stops++) {
      await dashboard.keyboard.press('Tab');
      const now = await active();
      if (now.inDates) inDates++;
      if (now.inList) break;
    }
    expect(stops).toBeLessThan(200);
    expect(inDates).toBe(1);

    // ? opens the shortcuts (the focus is on a row of the list: no text field).
    await dashboard.keyboard.press('?');
    const help = dashboard.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    for (const key of ['j k', 'Space', 'Enter', 'Delete', 'Ctrl+A']) {
      expect(await help.getByRole('rowheader').filter({ hasText: key }).count()).toBeGreaterThan(0);
    }
    await dashboard.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    await dashboard.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await help.waitFor();
  });

  it.each([
    [1280, 900],
    [390, 844],
  ])(
    'at %i px, Save N results as collection opens on screen, named, saying it is a fixed set',
    async (width, height) => {
      await dashboard.setViewportSize({ width, height });
      await expect.poll(() => summary().textContent()).toBe(SUMMARY);
      await dashboard.getByRole('searchbox', { name: 'Search' }).fill('kernel');
      await expect.poll(() => summary().textContent()).toMatch(/^\d+ of /);
      if (width <= 760) await dashboard.getByRole('button', { name: /^Filters/ }).click();
      await dashboard.getByRole('button', { name: /^Save \d+ results? as collection$/ }).click();
      const dialog = dashboard.getByRole('dialog', { name: 'Save results as a collection' });
      await dialog.waitFor();
      expect(await inViewport(dialog)).toBe(true);
      expect(await dialog.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Search “kernel”');
      expect(await dialog.getByRole('textbox', { name: 'Description' }).inputValue()).toMatch(
        /^Fixed set: the \d+ highlights? that matched search “kernel” on .*Highlights clipped later are not added\.$/,
      );
      await dialog.getByRole('button', { name: 'Create collection' }).click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => dashboard.getByRole('button', { name: /^Search “kernel”/ }).count()).toBe(1);
      await dashboard.getByRole('button', { name: `Delete Search “kernel”` }).click();
      await dashboard.getByRole('button', { name: 'Delete collection' }).click();
      await expect.poll(() => dashboard.getByRole('button', { name: /^Search “kernel”/ }).count()).toBe(0);
    },
  );

  // `SCREENSHOTS=1` writes docs/screenshots/dashboard-{light,dark,narrow}.png for the README.
  it.runIf(process.env.SCREENSHOTS)(
    'takes screenshots of the dashboard: light, dark and 390 px',
    async () => {
      await dashboard.setViewportSize({ width: 1280, height: 800 });
      await expect.poll(() => summary().textContent()).toBe(SUMMARY);
      // A saved search in the sidebar, and a search with its matches marked.
      await dashboard.getByRole('searchbox', { name: 'Search' }).fill('kernel');
      await expect.poll(() => summary().textContent()).toMatch(/^\d+ of /);
      await dashboard.getByRole('button', { name: /^Save \d+ results? as collection$/ }).click();
      const dialog = dashboard.getByRole('dialog', { name: 'Save results as a collection' });
      await dialog.getByRole('radio', { name: /^Saved search/ }).check();
      await dialog.getByRole('textbox', { name: 'Name' }).fill('Kernel talks');
      await dialog.getByRole('button', { name: 'Create collection' }).click();
      await dialog.waitFor({ state: 'detached' });
      await dashboard.getByRole('button', { name: /^Kernel talks/ }).waitFor();
      await dashboard.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      const dir = join(PROJECT_ROOT, 'docs', 'screenshots');
      mkdirSync(dir, { recursive: true });
      for (const scheme of ['light', 'dark'] as const) {
        await dashboard.emulateMedia({ colorScheme: scheme });
        await dashboard.screenshot({ path: join(dir, `dashboard-${scheme}.png`) });
      }
      await dashboard.emulateMedia({ colorScheme: 'light' });
      await dashboard.setViewportSize({ width: 390, height: 844 });
      await expect.poll(() => dashboard.locator('article').count()).toBeGreaterThan(1);
      await dashboard.screenshot({ path: join(dir, 'dashboard-narrow.png') });
      await dashboard.setViewportSize({ width: 1280, height: 800 });
      await dashboard.getByRole('button', { name: 'Delete Kernel talks' }).click();
      await dashboard.getByRole('button', { name: 'Delete collection' }).click();
    },
  );
});
