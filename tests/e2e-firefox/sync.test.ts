/**
 * Sync in Firefox (#16, "Firefox too"): two Firefox profiles and a CouchDB-protocol server
 * (pouchdb-server, started here on 127.0.0.1). A passage clipped in one profile reaches the other's
 * dashboard after `Start sync` there, and one clipped there comes back after `Sync now`. Firefox asks
 * for the server's origin at `Start sync` with its own prompt; the test answers it as a reader does
 * (harness `answerPermissionPrompt`): refused first (a plain status, nothing sent), then allowed.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PouchServer, startPouchServer } from '../sync/pouchdb-server';
import {
  answerPermissionPrompt,
  dragSelect,
  drawnHighlights,
  type FirefoxSession,
  launchFirefox,
  permissionPrompts,
  toolbarButton,
} from './harness';

const FROM_A = 'really big fan of random testing';
const FROM_B = 'SuSE came up with something called kGraft';
const SYNC_WAIT = { timeout: 45_000, interval: 200 };

const aria = (role: string, name: string) => `::-p-aria([name="${name}"][role="${role}"])`;
const statusOf = (dashboard: Page) => () =>
  dashboard.$eval('[aria-label="Sync status"]', (e) => e.textContent ?? '').catch(() => '');
const listed = (dashboard: Page, text: string) => () =>
  dashboard.evaluate((text) => document.body.textContent?.includes(text) ?? false, text);

async function clip(session: FirefoxSession, fixture: string, passage: string) {
  const page = await session.openFixture(fixture);
  expect(await dragSelect(page, passage)).toBe(passage);
  const button = await toolbarButton(page, 'Highlight');
  await page.mouse.click(button.x, button.y);
  await expect.poll(() => drawnHighlights(page).then((d) => Object.values(d).flat())).toContain(passage);
  await page.close();
}

/** Opens the dashboard's Sync panel, fills it and presses `Start sync`. */
async function startSync(dashboard: Page, url: string, author: string) {
  if (!(await dashboard.$('[aria-label="Sync status"]')))
    await dashboard.locator(aria('button', 'Sync')).click();
  await dashboard.locator(aria('textbox', 'Server URL')).fill(url);
  await dashboard.locator(aria('textbox', 'Device or author name')).fill(author);
  await dashboard.locator(aria('button', 'Start sync')).click();
}

describe('sync in Firefox, between two Firefox profiles', () => {
  let server: PouchServer;
  let a: FirefoxSession;
  let b: FirefoxSession;
  beforeAll(async () => {
    // Side by side (each Firefox takes seconds to start); whatever started is kept for afterAll even
    // when another start fails, so nothing outlives the file.
    const [pouch, first, second] = await Promise.allSettled([
      startPouchServer(),
      launchFirefox(),
      launchFirefox(),
    ]);
    if (pouch.status === 'fulfilled') server = pouch.value;
    if (first.status === 'fulfilled') a = first.value;
    if (second.status === 'fulfilled') b = second.value;
    for (const started of [pouch, first, second]) if (started.status === 'rejected') throw started.reason;
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await server?.stop();
  });

  it('asks for the server at Start sync; refused, nothing is sent; allowed, the clip reaches the other profile and back', async () => {
    const database = `${server.origin}/notebook`;
    await clip(a, 'conference-h2.html', FROM_A);
    const dashboardA = await a.openExtensionPage('dashboard.html');

    await startSync(dashboardA, database, 'Ada');
    await expect
      .poll(statusOf(dashboardA))
      .toBe('Allow Talk Notes to reach 127.0.0.1 in the browser’s prompt to start sync.');
    // Firefox's prompt, for the server's host only.
    await expect.poll(() => permissionPrompts(a)).toEqual([expect.stringMatching(/\b127\.0\.0\.1\b/)]);
    await answerPermissionPrompt(a, 'cancel');
    await expect
      .poll(statusOf(dashboardA))
      .toBe(
        'Talk Notes may not reach 127.0.0.1, so sync did not start. Press Start sync and allow access to start it.',
      );
    // Nothing reached the server: the database was never made.
    expect((await fetch(database)).status).toBe(404);

    await startSync(dashboardA, database, 'Ada');
    await expect.poll(() => permissionPrompts(a)).toHaveLength(1);
    await answerPermissionPrompt(a, 'allow');
    await expect
      .poll(statusOf(dashboardA), SYNC_WAIT)
      .toMatch(/^Last synced at .+: [1-9]\d* records? sent, 0 records received\.$/);

    const dashboardB = await b.openExtensionPage('dashboard.html');
    expect(await listed(dashboardB, FROM_A)()).toBe(false);
    await startSync(dashboardB, database, 'Brian');
    await expect.poll(() => permissionPrompts(b)).toHaveLength(1);
    await answerPermissionPrompt(b, 'allow');
    await expect
      .poll(statusOf(dashboardB), SYNC_WAIT)
      .toMatch(/^Last synced at .+: 0 records sent, [1-9]\d* records? received\.$/);
    await expect.poll(listed(dashboardB, FROM_A), SYNC_WAIT).toBe(true);

    // And back: B clips, Sync now on both.
    await clip(b, 'conference-h3.html', FROM_B);
    await dashboardB.locator(aria('button', 'Sync now')).click();
    await expect.poll(statusOf(dashboardB), SYNC_WAIT).toMatch(/: [1-9]\d* records? sent/);
    expect(await listed(dashboardA, FROM_B)()).toBe(false);
    await dashboardA.locator(aria('button', 'Sync now')).click();
    await expect.poll(listed(dashboardA, FROM_B), SYNC_WAIT).toBe(true);
    // Access was asked once per profile: a later pass needs no prompt.
    expect(await permissionPrompts(a)).toEqual([]);
    expect(a.pageErrors).toEqual([]);
    expect(b.pageErrors).toEqual([]);
  });
});
