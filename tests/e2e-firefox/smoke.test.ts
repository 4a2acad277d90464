/**
 * A smoke test of the Firefox add-on in a real Firefox: clip a passage, see it drawn and stored,
 * see it again after a reload, in the popup and in the dashboard; import a conference schedule by URL (the
 * talk clipped is filed under it); no script errors on the way.
 * A page that writes another page's URL into its address bar gets nothing of it.
 * Needs firefox-esr; `npm run test:e2e:firefox`, the last step of `npm test`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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

  it('imports a conference schedule from its URL in the dashboard', async () => {
    // A schedule server that allows cross-origin reads, as pretalx does.
    const schedule = JSON.stringify({
      schedule: {
        version: '1.0',
        conference: {
          acronym: 'osseu17',
          title: 'Open Source Summit Europe 2017',
          start: '2017-10-23',
          end: '2017-10-23',
          daysCount: 1,
          time_zone_name: 'Europe/Prague',
          days: [
            {
              index: 1,
              date: '2017-10-23',
              day_start: '2017-10-23T09:00:00+02:00',
              day_end: '2017-10-23T18:00:00+02:00',
              rooms: {
                'Congress Hall': [
                  {
                    guid: '8a0c3d4e-1f2a-4b5c-9d6e-7f8091a2b3c4',
                    id: 1,
                    date: '2017-10-23T09:00:00+02:00',
                    start: '09:00',
                    duration: '00:45',
                    room: 'Congress Hall',
                    title: 'Linus Torvalds Q&A',
                    type: 'Keynote',
                    persons: [{ public_name: 'Linus Torvalds' }],
                    links: [],
                  },
                ],
              },
            },
          ],
        },
      },
    });
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
      response.end(schedule);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/osseu17/schedule.json`;
      const dashboard = await session.openExtensionPage('dashboard.html');
      await dashboard.locator('::-p-aria([name="Import schedule"][role="button"])').click();
      await dashboard.locator('input[type=url]').fill(url);
      await dashboard.locator('::-p-aria([name="Import"][role="button"])').click();
      // The talk clipped above is the schedule's: filed under it.
      await expect
        .poll(() => dashboard.$eval('[aria-label="Schedule status"]', (e) => e.textContent))
        .toMatch(/^Imported Open Source Summit Europe 2017: 1 talk \(1 new highlight matched\)\.$/);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  // #14, finding 1: Firefox's navigation entry keeps the URL a document was loaded from, too.
  it('draws nothing of another page whose URL a page of the same origin writes into its address bar', async () => {
    session.server.serve(
      'hostile.html',
      `<!doctype html><html><head><title>Guest post</title>
      <script>history.replaceState(null, '', '/conference-h2.html');</script></head>
      <body><p>I am a ${FUZZING} too, says this copy.</p></body></html>`,
    );
    const page = await session.openFixture('hostile.html');
    expect(page.url()).toBe(session.server.url('conference-h2.html'));
    await page.waitForFunction(() => performance.getEntriesByName('talk-notes:anchored').length > 0);
    expect(await drawnHighlights(page)).toEqual({});
    expect((await storedHighlights(session)).map((h) => h.anchorStatus)).toEqual(['placed']);
    await page.close();
  });

  it('ran without uncaught errors in the pages and content scripts', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
