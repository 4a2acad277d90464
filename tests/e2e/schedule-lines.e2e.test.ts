/**
 * The schedule finds the talk (#13, #12), as a reader meets it: a write-up in a layout talk detection
 * does not read (a chat thread whose messages open with the talk's title), so a clip is filed under no
 * page talk. With the conference's schedule imported, the line above the clip names a schedule talk:
 * the clip is filed under it, through a page talk of that title, and the popup and the dashboard's
 * Conferences view show it there, also after a reload.
 * The page is served from 127.0.0.1 by the test; the schedule is imported as a file.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, dragSelect, launchExtension, waitForContentScript } from './harness';

/** An iCalendar schedule of two talks on one day (the format Sched and pretalx publish). */
const SCHEDULE = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//pretalx//pretalx.example//fosdem26',
  'X-WR-CALNAME:FOSDEM 2026',
  'BEGIN:VEVENT',
  'UID:rust-for-linux@fosdem26',
  'SUMMARY:Rust for Linux: where we are in 2026 - Miguel Ojeda',
  'DTSTART:20260131T090000Z',
  'DTEND:20260131T094000Z',
  'LOCATION:Janson',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:postgres-vacuum@fosdem26',
  'SUMMARY:Postgres Vacuum Internals - Tomas Vondra',
  'DTSTART:20260131T100000Z',
  'DTEND:20260131T104000Z',
  'LOCATION:Janson',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

const VACUUM_PASSAGE = 'freezing old tuples is what keeps the wraparound alarm quiet';
const VACUUM = 'Postgres Vacuum Internals';
const RUST_TITLE = 'Rust for Linux: where we are in 2026';

const message = (author: string, time: string, body: string) =>
  `<div class="msg"><div class="meta"><span class="author">${author}</span> <time>${time}</time></div>${body}</div>`;

/** A team chat's thread: each talk is the first line of a message, which detection does not read as a title. */
const THREAD = `<!doctype html><html lang="en"><head><title>FOSDEM 2026 in the team chat</title>
  <meta property="article:published_time" content="2026-02-02T09:00:00Z"></head><body><main><div class="thread">
  ${message('ana', '09:58', '<p>Live notes from FOSDEM 2026 in Brussels, for those who stayed home.</p>')}
  ${message('ana', '10:05', `<p>${RUST_TITLE} (Miguel Ojeda)</p><p>He said drivers written in Rust now ship in the mainline kernel, and more are coming.</p>`)}
  ${message('ana', '11:02', `<p>${VACUUM} — Tomas Vondra</p><p>Tomas said ${VACUUM_PASSAGE}, and showed the counters to watch.</p>`)}
  ${message('bo', '11:50', '<p>Thanks! Saving this for later.</p>')}
  </div></main></body></html>`;

describe('the schedule finds the talk of a clip, in Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(async () => {
    await session?.close();
  });

  async function clip(page: Page, text: string) {
    expect(await dragSelect(page, text)).toBe(text);
    await page.getByRole('button', { name: 'Highlight', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await page.getByRole('button', { name: 'Highlight', exact: true }).waitFor({ state: 'hidden' });
  }

  it('files a clip of the thread’s second talk under that conference talk', async () => {
    const dashboard = await session.openDashboard();
    await dashboard.getByRole('button', { name: 'Import schedule' }).click();
    const dialog = dashboard.getByRole('dialog', { name: 'Import a conference schedule' });
    await dialog.getByLabel('Schedule file').setInputFiles({
      name: 'fosdem26.ics',
      mimeType: 'text/calendar',
      buffer: Buffer.from(SCHEDULE),
    });
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => dialog.getByRole('status', { name: 'Schedule status' }).textContent())
      .toMatch(/^Imported FOSDEM 2026: 2 talks/);
    await dialog.getByRole('button', { name: 'Close' }).click();

    session.server.serve('chat/fosdem-2026.html', THREAD);
    const page = await session.context.newPage();
    await page.goto(session.server.url('chat/fosdem-2026.html'));
    await waitForContentScript(page);
    await clip(page, VACUUM_PASSAGE);

    // In the popup: a talk group of the line's title, linked to the schedule's talk.
    const popup = await session.openPopup(page);
    const group = popup.getByRole('region', { name: VACUUM });
    await group.getByRole('region', { name: `In the schedule: ${VACUUM}` }).waitFor();
    await group.getByRole('listitem').filter({ hasText: VACUUM_PASSAGE }).waitFor();
    await popup.close();

    // In the dashboard's Conferences view, under the conference talk, after a reload too.
    const countOf = (title: string) =>
      dashboard
        .locator('section.dash-sched-talk', {
          has: dashboard.getByRole('heading', { level: 4, name: title }),
        })
        .locator('.dash-count')
        .textContent();
    for (const reload of [false, true]) {
      if (reload) await dashboard.reload();
      await dashboard.getByRole('combobox', { name: 'Group by' }).selectOption({ label: 'Conferences' });
      await expect.poll(() => countOf(VACUUM)).toBe('1 highlight · 0 notes');
      expect(await countOf(RUST_TITLE)).toBe('Not read about yet');
      expect(await dashboard.locator('article', { hasText: VACUUM_PASSAGE }).count()).toBe(1);
    }
    await dashboard.close();
    await page.close();
  });
});
