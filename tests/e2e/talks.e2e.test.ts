/**
 * Talks on the open web, as a reader meets them: a clip on a single-talk post is filed under the post's
 * talk, a clip in a lightning-talk list under its item's title, a clip on an ordinary article under no
 * talk. The pages are the recap corpus's (tests/fixtures/recaps), served from 127.0.0.1.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ExtensionSession,
  dragSelect,
  launchExtension,
  readLibrary,
  waitForContentScript,
} from './harness';
import { PROJECT_ROOT } from './paths';

const RECAPS = join(PROJECT_ROOT, 'tests', 'fixtures', 'recaps');

describe('talks on the open web, in Chromium', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(async () => {
    await session?.close();
  });

  async function openRecap(file: string): Promise<Page> {
    session.server.serve(file, readFileSync(join(RECAPS, file), 'utf8'));
    const page = await session.context.newPage();
    await page.goto(session.server.url(file));
    await waitForContentScript(page);
    return page;
  }

  /** Clips `text` with the toolbar and returns the title of the talk it was filed under (null: none). */
  async function clipAndReadTalk(page: Page, text: string): Promise<string | null> {
    expect(await dragSelect(page, text)).toBe(text);
    const button = page.getByRole('button', { name: 'Highlight', exact: true });
    await button.waitFor({ state: 'visible' });
    await button.click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const library = await readLibrary(session);
    const stored = library.highlights.find((h) => h.text === text);
    expect(stored).toBeDefined();
    return library.talks.find((t) => t.id === stored!.talkId)?.title ?? null;
  }

  it('files a clip on a single-talk post under the talk the post is about', async () => {
    const page = await openRecap('12-linkedin-srecon-single.html');
    const talk = await clipAndReadTalk(
      page,
      'Oona suggested writing the expected first action directly into the alert text',
    );
    expect(talk).toBe('Pager Fatigue Is a Design Problem');
    await page.close();
  });

  it('files a clip in a lightning-talk list under the list item’s title, with its speaker', async () => {
    const page = await openRecap('04-medium-jsnation.html');
    const talk = await clipAndReadTalk(page, 'Jonas rebuilt his company’s dropdown');
    expect(talk).toBe('CSS Anchor Positioning in Ten Minutes');
    const library = await readLibrary(session);
    expect(library.talks.find((t) => t.title === talk)?.speakers).toEqual(['Jonas Meyer']);
    // The group heading above the list ("⚡ The lightning round") is no talk.
    expect(library.talks.map((t) => t.title)).not.toContain('⚡ The lightning round');
    await page.close();
  });

  it('files a clip on an ordinary article under no talk, and invents none', async () => {
    const page = await openRecap('16-news-feature-negative.html');
    const before = (await readLibrary(session)).talks.length;
    const talk = await clipAndReadTalk(page, 'Each new sensor costs around £180 in parts.');
    expect(talk).toBeNull();
    expect((await readLibrary(session)).talks).toHaveLength(before);
    await page.close();
  });

  describe('corrections', () => {
    const FAST = 'Caching the dependency graph cut the cold build from nine minutes to four.';
    const CORNER = 'Our community corner this month visits the hardware hackers in the basement.';
    const HIDDEN = 'A second speaker then took the stage to show flaky test quarantine.';
    const AFTER = 'Quarantined tests run nightly and page nobody.';
    const LATER = 'Retries hide the real failure rate, so they report it separately.';
    const CORNER_TWO = 'This time the corner covers the sticker swap at the registration desk.';
    /** A recap of this site; every recap here ends with the editor's "Community Corner" column. */
    const recap = (title: string, talks: string, corner: string) =>
      `<!doctype html><html lang="en"><head><title>${title} | DevConf Blog</title></head><body>
      <article><h1>${title}</h1><p>Notes from two talks at DevConf 2025.</p>${talks}
      <h2>Community Corner — Mia Chen</h2><p>${corner}</p><p>Mia Chen writes the corner every month.</p>
      </article></body></html>`;
    const PAGE_ONE = recap(
      'DevConf day one recap',
      `<h2>Fast Builds — Jane Doe</h2><p>${FAST}</p><p>Jane showed the cache keys in her talk.</p>
       <p>${HIDDEN}</p><p>${AFTER}</p><p>${LATER}</p>
       <h2>Quiet Pagers — Ann Lee</h2><p>Ann explained alert budgets in her talk.</p>`,
      CORNER,
    );
    const PAGE_TWO = recap(
      'DevConf day two recap',
      `<h2>Small Models — Ines Carvalho</h2><p>Ines compared model sizes in her talk.</p>
       <h2>Open Data — Priya Raman</h2><p>Priya showed the portal in her talk.</p>`,
      CORNER_TWO,
    );

    const talkOf = async (text: string) => {
      const library = await readLibrary(session);
      const stored = library.highlights.find((h) => h.text === text);
      return stored ? (library.talks.find((t) => t.id === stored.talkId)?.title ?? null) : undefined;
    };
    const clip = async (page: Page, text: string) => {
      expect(await dragSelect(page, text)).toBe(text);
      await page.getByRole('button', { name: 'Highlight', exact: true }).click();
      await expect.poll(() => talkOf(text)).not.toBe(undefined);
      // The toolbar goes once the clip is saved: the next drag must not land on it.
      await page.getByRole('button', { name: 'Highlight', exact: true }).waitFor({ state: 'hidden' });
    };
    const card = (popup: Page, text: string): Locator =>
      popup.locator('li.highlight').filter({ has: popup.getByRole('button', { name: text, exact: true }) });
    const groupTitles = (popup: Page) => popup.getByRole('heading', { level: 3 }).allTextContents();

    it('"Not a talk" and "Start a new talk here" re-file highlights, stay after reload, and teach the site', async () => {
      session.server.serve('devconf/day-one.html', PAGE_ONE);
      session.server.serve('devconf/day-two.html', PAGE_TWO);
      const page = await session.context.newPage();
      await page.goto(session.server.url('devconf/day-one.html'));
      await waitForContentScript(page);
      for (const text of [FAST, HIDDEN, AFTER, CORNER]) await clip(page, text);
      expect(await talkOf(CORNER)).toBe('Community Corner'); // detection's mistake: a column, not a talk
      expect(await talkOf(HIDDEN)).toBe('Fast Builds'); // and a talk it could not see

      // "Not a talk": the column's highlights go to no talk.
      let popup = await session.openPopup(page);
      const corner = popup.getByRole('region', { name: 'Community Corner' });
      await corner.getByRole('button', { name: 'Not a talk' }).click();
      await popup.getByRole('group', { name: 'Not a talk' }).getByRole('button', { name: 'No talk' }).click();
      await expect.poll(() => talkOf(CORNER)).toBe(null);
      await expect.poll(() => groupTitles(popup)).toEqual(['No talk', 'Fast Builds']); // passages under no talk come first

      // "Start a new talk here": the passage and the ones after it in its talk move to the new talk.
      await card(popup, HIDDEN).getByRole('button', { name: 'Edit' }).click();
      await card(popup, HIDDEN).getByRole('button', { name: 'Start a new talk here' }).click();
      await card(popup, HIDDEN).getByRole('textbox', { name: 'Talk title' }).fill('Flaky Tests');
      await popup.getByRole('button', { name: 'Start talk' }).click();
      await expect.poll(() => talkOf(HIDDEN)).toBe('Flaky Tests');
      await expect.poll(() => talkOf(AFTER)).toBe('Flaky Tests');
      expect(await talkOf(FAST)).toBe('Fast Builds');
      await popup.close();

      // Reload: the corrections stay, and new clips respect them.
      await page.reload();
      await waitForContentScript(page);
      await clip(page, LATER);
      expect(await talkOf(LATER)).toBe('Flaky Tests');
      expect(await talkOf(CORNER)).toBe(null);
      expect(await talkOf(AFTER)).toBe('Flaky Tests');
      popup = await session.openPopup(page);
      await expect.poll(() => groupTitles(popup)).toEqual(['No talk', 'Fast Builds', 'Flaky Tests']);
      await popup.close();

      // A second page of the same site: the column is no talk there either, and the popup says why.
      const two = await session.context.newPage();
      await two.goto(session.server.url('devconf/day-two.html'));
      await waitForContentScript(two);
      await clip(two, CORNER_TWO);
      expect(await talkOf(CORNER_TWO)).toBe(null);
      popup = await session.openPopup(two);
      await popup.getByText('Talk detection on this site').click();
      const rules = popup.getByRole('region', { name: 'Talk detection on this site' });
      await expect.poll(() => rules.textContent()).toContain('“Community Corner” (no talk)');
      await popup.close();

      // "Detect talks again" in the dashboard, with the page open: every correction is kept.
      const dashboard = await session.openDashboard();
      await dashboard.getByRole('combobox', { name: 'Group by' }).selectOption('page');
      const group = dashboard.locator('.dash-group').filter({ hasText: 'DevConf day one recap' });
      await group.getByRole('button', { name: /^Actions for / }).click();
      await group.getByRole('menuitem', { name: 'Detect talks again' }).click();
      await expect
        .poll(() => group.getByRole('status').textContent())
        .toContain('Your corrections were kept');
      expect(await talkOf(CORNER)).toBe(null);
      expect(await talkOf(HIDDEN)).toBe('Flaky Tests');
      expect(await talkOf(FAST)).toBe('Fast Builds');
      await dashboard.close();
      await two.close();
      await page.close();
    });
  });
});
