/**
 * The dashboard's Sync panel as a reader drives it, for the sync end-to-end tests (sync.e2e,
 * sync-unify.e2e): start a sync, press `Sync now` and wait for that pass, clip a passage, edit a note.
 */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { dragSelect, drawnHighlights } from './harness';

export const GRANTED = ['http://127.0.0.1/*'];
export const SYNC_WAIT = { timeout: 45_000, interval: 200 };

export interface Fields {
  url: string;
  username?: string;
  password?: string;
  passphrase?: string;
  author?: string;
}

export async function syncPanel(dashboard: Page): Promise<Locator> {
  const panel = dashboard.getByRole('dialog', { name: 'Sync with a CouchDB database' });
  if ((await panel.count()) === 0) await dashboard.getByRole('button', { name: 'Sync', exact: true }).click();
  return panel;
}

export async function startSync(dashboard: Page, fields: Fields): Promise<Locator> {
  const panel = await syncPanel(dashboard);
  await panel.getByRole('textbox', { name: 'Server URL' }).fill(fields.url);
  await panel.getByRole('textbox', { name: 'Username' }).fill(fields.username ?? '');
  await panel.getByLabel('Password').fill(fields.password ?? '');
  await panel.getByLabel('Passphrase').fill(fields.passphrase ?? '');
  await panel.getByRole('textbox', { name: 'Device or author name' }).fill(fields.author ?? '');
  await panel.getByRole('button', { name: 'Start sync' }).click();
  return panel;
}

export const statusOf = (panel: Locator) => () =>
  panel.getByRole('status', { name: 'Sync status' }).textContent({ timeout: 5_000 });

export async function clip(page: Page, text: string) {
  await dragSelect(page, text);
  await page.getByRole('button', { name: 'Highlight', exact: true }).click();
  await expect
    .poll(() => drawnHighlights(page).then((d) => Object.values(d).flat()), SYNC_WAIT)
    .toContain(text);
}

export async function serverDocuments(database: string): Promise<Record<string, unknown>[]> {
  const response = await fetch(`${database}/_all_docs?include_docs=true`);
  const { rows } = (await response.json()) as { rows: { doc: Record<string, unknown> }[] };
  return rows.map((row) => row.doc);
}

/** When the last pass of this profile ended (0 before any; -1 while one runs), from the background's status. */
export async function lastPassAt(dashboard: Page): Promise<number> {
  return dashboard.evaluate(async () => {
    const { talkNotesSyncStatus: status } = await chrome.storage.local.get('talkNotesSyncStatus');
    const known = status as { running?: boolean; last?: { at: number } } | undefined;
    return known?.running ? -1 : (known?.last?.at ?? 0);
  });
}

/** Does `act` (a button that runs a pass) and waits until that pass has ended, successfully. */
export async function passAfter(dashboard: Page, act: () => Promise<unknown>) {
  const before = await lastPassAt(dashboard);
  await act();
  await expect.poll(() => lastPassAt(dashboard), SYNC_WAIT).toBeGreaterThan(Math.max(before, 0));
  const panel = await syncPanel(dashboard);
  expect(await statusOf(panel)()).toMatch(/^Last synced at /);
}

/** `Sync now` in the panel, waiting for the pass; the panel is closed again. */
export async function syncNow(dashboard: Page) {
  const panel = await syncPanel(dashboard);
  await passAfter(dashboard, () => panel.getByRole('button', { name: 'Sync now' }).click());
  await panel.getByRole('button', { name: 'Close' }).click();
}

/** Edits a highlight's note in the dashboard's list, as in the dashboard's own test. */
export async function editNote(dashboard: Page, passage: string, text: string) {
  const article = dashboard.locator('article.dash-hl', { hasText: passage });
  await article.getByRole('button', { name: 'Edit' }).click();
  const note = article.getByRole('textbox', { name: 'Note' });
  await note.fill(text);
  // Done stays under the pointer while the blur saves and redraws the row (dashboard.e2e.test.ts).
  await article.getByRole('button', { name: 'Done' }).hover();
  await dashboard.mouse.down();
  await expect.poll(() => note.evaluate((el: HTMLTextAreaElement) => el.defaultValue), SYNC_WAIT).toBe(text);
  await dashboard.mouse.up();
  await expect.poll(() => article.getByRole('textbox', { name: 'Note' }).count()).toBe(0);
}
