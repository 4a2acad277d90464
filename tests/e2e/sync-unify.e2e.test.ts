/**
 * The same write-up clipped in two browser profiles before either synced (#16, docs/sync.md "Pages
 * clipped on two devices"): each profile makes its own page record for the one address. After both
 * sync twice, each dashboard shows the page once, both passages under its one talk, and the popup on
 * the page shows both passages. Two persistent contexts with the built extension, and the test's own
 * pouchdb-server on 127.0.0.1.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PouchServer, startPouchServer } from '../sync/pouchdb-server';
import { type ExtensionSession, launchExtension, waitForContentScript } from './harness';
import { clip, GRANTED, passAfter, SYNC_WAIT, startSync, syncNow } from './sync-panel';

const TALK = 'The TAO of Hashicorp';
const ON_A = 'essentially the values and principles the company is built on';
const ON_B = 'these values were written down very early in the process of building up Hashicorp';

describe('the same page clipped in two profiles before either synced', () => {
  let server: PouchServer;
  let a: ExtensionSession;
  let b: ExtensionSession;

  beforeAll(async () => {
    server = await startPouchServer();
    a = await launchExtension({ grantedOrigins: GRANTED });
    b = await launchExtension({ grantedOrigins: GRANTED });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await server?.stop();
  });

  /** What a dashboard shows of the library: the summary and the talk's groups. */
  const dashboardShows = async (dashboard: Page) => {
    const groups = dashboard.getByRole('region', { name: TALK });
    return {
      summary: await dashboard.getByRole('status', { name: 'Library summary' }).textContent(),
      groups: await groups.count(),
      counts: await groups.locator('.dash-count').allTextContents(),
      passages: await Promise.all(
        [ON_A, ON_B].map((text) => dashboard.locator('article', { hasText: text }).count()),
      ),
    };
  };

  it('becomes one page on both profiles, both passages under one talk, in the dashboard and the popup', async () => {
    // Both read the same write-up (one address) and clip a passage of one talk, each offline.
    const url = a.server.url('conference-h2.html');
    const pages: Page[] = [];
    for (const [session, text] of [
      [a, ON_A],
      [b, ON_B],
    ] as const) {
      const page = await session.context.newPage();
      await page.goto(url);
      await waitForContentScript(page);
      await clip(page, text);
      pages.push(page);
    }

    const database = `${server.origin}/one-page`;
    const dashboards = [await a.openDashboard(), await b.openDashboard()];
    await passAfter(dashboards[0]!, () => startSync(dashboards[0]!, { url: database, author: 'Ada' }));
    await passAfter(dashboards[1]!, () => startSync(dashboards[1]!, { url: database, author: 'Brian' }));
    for (const dashboard of dashboards) await syncNow(dashboard);
    for (const dashboard of dashboards) await syncNow(dashboard);

    for (const dashboard of dashboards) {
      await expect
        .poll(() => dashboardShows(dashboard), SYNC_WAIT)
        .toEqual({
          summary: '2 highlights from 1 page',
          groups: 1,
          counts: ['2 highlights'],
          passages: [1, 1],
        });
    }
    // The popup on the page (each profile's) lists both passages, under the one talk.
    for (const [i, session] of [a, b].entries()) {
      const popup = await session.openPopup(pages[i]!);
      await expect
        .poll(
          async () => ({
            groups: await popup.getByRole('heading', { level: 3 }).allTextContents(),
            passages: await Promise.all(
              [ON_A, ON_B].map((text) => popup.getByRole('button', { name: text, exact: true }).count()),
            ),
          }),
          SYNC_WAIT,
        )
        .toEqual({ groups: [TALK], passages: [1, 1] });
      await popup.close();
    }
    for (const page of pages) await page.close();
    for (const dashboard of dashboards) await dashboard.close();
  });
});
