/**
 * What the schedule E2E tests share: a two-talk FOSDEM 2026 schedule as iCalendar, importing a schedule
 * file from the dashboard, and clipping a passage on a page.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { dragSelect, type ExtensionSession, waitForContentScript } from './harness';

/** An iCalendar schedule of two talks on one day (the format Sched and pretalx publish). */
export const FOSDEM_TWO_TALKS_ICS = [
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

/** Imports `text` as the schedule file `name` from the dashboard's dialog; waits for `status` in its status line. */
export async function importScheduleFile(dashboard: Page, name: string, text: string, status: RegExp) {
  await dashboard.getByRole('button', { name: 'Import schedule' }).click();
  const dialog = dashboard.getByRole('dialog', { name: 'Import a conference schedule' });
  await dialog.getByLabel('Schedule file').setInputFiles({
    name,
    mimeType: 'text/calendar',
    buffer: Buffer.from(text),
  });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect
    .poll(() => dialog.getByRole('status', { name: 'Schedule status' }).textContent())
    .toMatch(status);
  await dialog.getByRole('button', { name: 'Close' }).click();
}

/** Selects `text` on the page and clips it with the toolbar's Highlight, waiting until it is saved. */
export async function clipPassage(page: Page, text: string) {
  expect(await dragSelect(page, text)).toBe(text);
  await page.getByRole('button', { name: 'Highlight', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  await page.getByRole('button', { name: 'Highlight', exact: true }).waitFor({ state: 'hidden' });
}

/**
 * The dashboard with FOSDEM_TWO_TALKS_ICS imported, and the write-up `html` served at `path` from
 * 127.0.0.1 and open in a tab whose content script is ready.
 */
export async function fosdemWithWriteUp(session: ExtensionSession, path: string, html: string) {
  const dashboard = await session.openDashboard();
  await importScheduleFile(dashboard, 'fosdem26.ics', FOSDEM_TWO_TALKS_ICS, /^Imported FOSDEM 2026: 2 talks/);
  session.server.serve(path, html);
  const page = await session.context.newPage();
  await page.goto(session.server.url(path));
  await waitForContentScript(page);
  return { dashboard, page };
}

/** The highlight and note count the dashboard's Conferences view shows on the conference talk `title`. */
export function conferenceTalkCount(dashboard: Page, title: string) {
  return dashboard
    .locator('section.dash-sched-talk', { has: dashboard.getByRole('heading', { level: 4, name: title }) })
    .locator('.dash-count')
    .textContent();
}
