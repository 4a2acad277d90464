/**
 * The dashboard, as a reader uses it, on a seeded library of 300 highlights over 12 pages: filter,
 * search with marked matches, edit a note inline, tag several at once, make a collection, delete
 * and undo; and see changes made elsewhere (a clip, another extension page) appear without reload.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildLibraryIndex } from '@/core/library/library-index';
import { searchLibrary } from '@/core/library/search';
import { parseQuery } from '@/core/library/search';
import type { CollectionRecord, HighlightRecord } from '@/core/types';
import { dragSelect, type ExtensionSession, launchExtension } from './harness';
import { makeLibrary, type SeededLibrary, writeLibrary } from './seed-library';

const HIGHLIGHTS = 300;
const PAGES = 12;

/** Reads stores of the `talk-notes` database from an extension page (raw IndexedDB). */
async function readStore<T>(page: Page, store: 'highlights' | 'collections'): Promise<T[]> {
  return page.evaluate(async (store) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('talk-notes');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      return await new Promise<T[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
        request.onerror = () => reject(request.error);
      });
    } finally {
      db.close();
    }
  }, store);
}

/** How many seeded highlights the dashboard should find for a query (the same core functions). */
function expectedHits(library: SeededLibrary, query: string): number {
  const index = buildLibraryIndex(library);
  return searchLibrary(index, parseQuery(query)).length;
}

describe('dashboard in Chromium', () => {
  let session: ExtensionSession;
  let dashboard: Page;
  let library: SeededLibrary;
  const status = () => dashboard.getByRole('status', { name: 'Library summary' }).textContent();
  const bulkBar = () => dashboard.getByRole('toolbar', { name: 'Selected highlights' });
  const search = () => dashboard.getByRole('searchbox', { name: 'Search' });
  const idsOfArticles = (count: number) =>
    dashboard
      .locator('article')
      .evaluateAll(
        (articles, count) => articles.slice(0, count).map((a) => a.getAttribute('data-highlight-id')!),
        count,
      );

  beforeAll(async () => {
    session = await launchExtension();
    library = makeLibrary({ highlights: HIGHLIGHTS, pages: PAGES, seed: 42, collections: 1 });
    // The app creates the database and its stores; the seed then fills them.
    const seeder = await session.openDashboard();
    await seeder.getByRole('status', { name: 'Library summary' }).waitFor();
    await writeLibrary(seeder, library);
    // The reader has named a colour: filters offer it by that name.
    await seeder.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('talk-notes');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      await new Promise((resolve, reject) => {
        const tx = db.transaction('settings', 'readwrite');
        tx.objectStore('settings').put({ key: 'colorNames', value: { green: 'Key idea' } });
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    });
    await seeder.close();
    dashboard = await session.openDashboard();
    await dashboard.setViewportSize({ width: 1280, height: 900 });
  });
  afterAll(async () => {
    await session?.close();
  });
  // Each test starts from a fresh view of the library (no filter, search or selection).
  afterEach(async () => {
    await dashboard.reload();
    await dashboard.getByRole('status', { name: 'Library summary' }).waitFor();
  });

  it('shows the library grouped by talk, rendering only the rows in view', async () => {
    await expect.poll(status).toBe(`${HIGHLIGHTS} highlights from ${PAGES} pages`);
    expect(await dashboard.getByRole('heading', { name: 'Talk Notes library' }).count()).toBe(1);
    const rows = await dashboard.locator('.dash-row').count();
    expect(rows).toBeGreaterThan(3);
    expect(rows).toBeLessThan(60); // of 300 highlights and their group headers
    const firstLink = dashboard.locator('article a[href*="#:~:text="]').first();
    expect(await firstLink.getAttribute('target')).toBe('_blank');
  });

  it('filters by tag, colour and "with a note", combined', async () => {
    const tagged = library.highlights.filter((h) => h.tags.includes('kernel'));
    await dashboard.getByRole('combobox', { name: 'Add a tag filter' }).selectOption('kernel');
    await expect.poll(status).toMatch(new RegExp(`^${tagged.length} of ${HIGHLIGHTS} highlights`));
    await dashboard.getByRole('checkbox', { name: 'With a note' }).check();
    const withNote = tagged.filter((h) => h.note.trim());
    await expect.poll(status).toMatch(new RegExp(`^${withNote.length} of ${HIGHLIGHTS} highlights`));
    await dashboard.getByRole('button', { name: 'Clear all' }).click();
    await expect.poll(status).toBe(`${HIGHLIGHTS} highlights from ${PAGES} pages`);
    // A colour, by the name the reader gave it.
    await dashboard.getByRole('checkbox', { name: /Key idea/ }).check();
    const keyIdeas = library.highlights.filter((h) => h.color === 'green');
    expect(keyIdeas.length).toBeGreaterThan(0);
    await expect.poll(status).toMatch(new RegExp(`^${keyIdeas.length} of ${HIGHLIGHTS} highlights`));
    const shown = await dashboard.locator('article').count();
    expect(shown).toBeGreaterThan(0);
    expect(new Set(await dashboard.locator('article .dash-hl-color').allTextContents())).toEqual(
      new Set(['Colour: Key idea']),
    );
    await dashboard.getByRole('button', { name: 'Clear all' }).click();
    await expect.poll(status).toBe(`${HIGHLIGHTS} highlights from ${PAGES} pages`);
  });

  it('searches as you type and marks the matches as text', async () => {
    const query = 'lockfree';
    await search().click();
    await search().pressSequentially(query, { delay: 30 });
    const hits = expectedHits(library, query);
    expect(hits).toBeGreaterThan(0);
    await expect.poll(status).toMatch(new RegExp(`^${hits} of ${HIGHLIGHTS} highlights`));
    const marks = await dashboard.locator('article mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(new Set(marks.map((m) => m.toLowerCase()))).toEqual(new Set([query]));
    // A phrase and a second word narrow it down.
    await search().fill('"garbage collector" raft');
    const narrowed = expectedHits(library, '"garbage collector" raft');
    await expect.poll(status).toMatch(new RegExp(`^${narrowed} of ${HIGHLIGHTS} highlights`));
    await search().fill('');
    await expect.poll(status).toBe(`${HIGHLIGHTS} highlights from ${PAGES} pages`);
  });

  it('edits a note inline', async () => {
    const article = dashboard.locator('article').first();
    const id = (await article.getAttribute('data-highlight-id'))!;
    await article.getByRole('button', { name: 'Edit' }).click();
    const note = article.getByRole('textbox', { name: 'Note' });
    await note.fill('Worth a blog post of its own');
    // Pressing Done blurs the note, which saves it and redraws the row while the button is still
    // held: Done must stay under the pointer, or the release lands elsewhere and the editor stays.
    await article.getByRole('button', { name: 'Done' }).hover();
    await dashboard.mouse.down();
    await expect
      .poll(
        async () =>
          (await readStore<HighlightRecord>(dashboard, 'highlights')).find((h) => h.id === id)?.note,
      )
      .toBe('Worth a blog post of its own');
    await expect
      .poll(() => note.evaluate((el: HTMLTextAreaElement) => el.defaultValue))
      .toBe('Worth a blog post of its own');
    await dashboard.mouse.up();
    await expect.poll(() => article.getByRole('textbox', { name: 'Note' }).count()).toBe(0);
    await expect.poll(() => article.getByText('Worth a blog post of its own').count()).toBe(1);
  });

  it('selects several (click, shift-click) and tags them at once', async () => {
    const boxes = dashboard.getByRole('checkbox', { name: /^Select highlight/ });
    await boxes.nth(0).click();
    await boxes.nth(3).click({ modifiers: ['Shift'] });
    await expect.poll(() => bulkBar().getByText('4 highlights selected').count()).toBe(1);
    const ids = await idsOfArticles(4);
    await bulkBar()
      .getByRole('textbox', { name: /Tags to add/ })
      .fill('team, to-review');
    await bulkBar().getByRole('button', { name: 'Add tags' }).click();
    await expect
      .poll(async () =>
        (await readStore<HighlightRecord>(dashboard, 'highlights'))
          .filter((h) => ids.includes(h.id))
          .every((h) => h.tags.includes('team') && h.tags.includes('to-review')),
      )
      .toBe(true);
  });

  it('makes a collection of the selection and shows only it', async () => {
    const boxes = dashboard.getByRole('checkbox', { name: /^Select highlight/ });
    await boxes.nth(0).click();
    await boxes.nth(3).click({ modifiers: ['Shift'] });
    const ids = await idsOfArticles(4);
    await dashboard.getByRole('button', { name: 'New collection' }).click();
    const form = dashboard.getByRole('form', { name: 'New collection' });
    await form.getByRole('textbox', { name: 'Name' }).fill('Team reading');
    await form.getByRole('textbox', { name: 'Description' }).fill('For Monday’s meeting');
    await form.getByRole('button', { name: 'Create collection' }).click();
    await bulkBar()
      .getByRole('combobox', { name: /Collection to add/ })
      .selectOption({ label: 'Team reading' });
    await bulkBar().getByRole('button', { name: 'Add to collection' }).click();
    await expect
      .poll(async () =>
        (await readStore<CollectionRecord>(dashboard, 'collections')).find((c) => c.name === 'Team reading'),
      )
      .toMatchObject({ description: 'For Monday’s meeting', highlightIds: expect.arrayContaining(ids) });
    await bulkBar().getByRole('button', { name: 'Clear selection' }).click();
    await dashboard.getByRole('button', { name: /^Team reading/ }).click();
    await expect.poll(status).toMatch(new RegExp(`^4 of ${HIGHLIGHTS} highlights`));
    await dashboard.getByRole('button', { name: 'All highlights' }).click();
    await expect.poll(status).toBe(`${HIGHLIGHTS} highlights from ${PAGES} pages`);
  });

  it('deletes several and undoes it, restoring the records exactly', async () => {
    const boxes = dashboard.getByRole('checkbox', { name: /^Select highlight/ });
    await boxes.nth(1).click();
    await boxes.nth(2).click();
    const ids = await dashboard
      .locator('article.selected')
      .evaluateAll((articles) => articles.map((a) => a.getAttribute('data-highlight-id')!));
    expect(ids).toHaveLength(2);
    const before = (await readStore<HighlightRecord>(dashboard, 'highlights')).filter((h) =>
      ids.includes(h.id),
    );
    await bulkBar().getByRole('button', { name: 'Delete 2 highlights' }).click();
    await expect.poll(status).toBe(`${HIGHLIGHTS - 2} highlights from ${PAGES} pages`);
    await dashboard.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(status).toBe(`${HIGHLIGHTS} highlights from ${PAGES} pages`);
    const after = (await readStore<HighlightRecord>(dashboard, 'highlights')).filter((h) =>
      ids.includes(h.id),
    );
    expect(after).toEqual(before);
  });

  it('is keyboard operable: arrows move, Space selects, Escape clears', async () => {
    const focused = () => dashboard.evaluate(() => document.activeElement?.tagName);
    /** Arrow down until a highlight (not a group header) has the focus. */
    const downToHighlight = async () => {
      do await dashboard.keyboard.press('ArrowDown');
      while ((await focused()) !== 'ARTICLE');
    };
    await dashboard.locator('.dash-list [tabindex="0"]').first().focus();
    await downToHighlight();
    await dashboard.keyboard.press('Space');
    await expect.poll(() => bulkBar().getByText('1 highlight selected').count()).toBe(1);
    await downToHighlight();
    await dashboard.keyboard.press('Shift+Space');
    await expect.poll(() => bulkBar().getByText('2 highlights selected').count()).toBe(1);
    await dashboard.keyboard.press('Escape');
    await expect.poll(() => bulkBar().count()).toBe(0);
    // Enter opens the editor on the focused highlight, Escape closes it and gives the focus back.
    await dashboard.keyboard.press('Enter');
    const note = dashboard.getByRole('textbox', { name: 'Note' });
    await expect.poll(() => note.evaluate((el) => el === document.activeElement)).toBe(true);
    await dashboard.keyboard.press('Escape');
    await expect.poll(() => dashboard.getByRole('textbox', { name: 'Note' }).count()).toBe(0);
    expect(await focused()).toBe('ARTICLE');
    await dashboard.keyboard.press('/');
    expect(await search().evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('shows a passage clipped on a page, and an edit made in another extension page, without reload', async () => {
    const page = await session.openFixture('conference-h2.html');
    const passage = "He's a really big fan of random testing/ fuzzing in order to find bugs";
    await dragSelect(page, passage);
    await page.getByRole('button', { name: 'Highlight', exact: true }).click();
    await expect.poll(status).toBe(`${HIGHLIGHTS + 1} highlights from ${PAGES + 1} pages`);
    await search().fill('"random testing" fuzzing');
    await expect.poll(() => dashboard.locator('article').count()).toBe(1);
    expect(await dashboard.locator('article mark').allTextContents()).toEqual(['random testing', 'fuzzing']);

    // Another extension page edits it through the background (as the popup does).
    const clipped = (await readStore<HighlightRecord>(dashboard, 'highlights')).find(
      (h) => h.text === passage,
    )!;
    const other = await session.openDashboard();
    const reply = await other.evaluate(
      (id) =>
        chrome.runtime.sendMessage({ type: 'updateHighlight', id, changes: { note: 'Fuzz everything' } }),
      clipped.id,
    );
    expect(reply).toMatchObject({ ok: true });
    await expect.poll(() => dashboard.locator('article').getByText('Fuzz everything').count()).toBe(1);
    await other.close();
    await page.close();
  });
});
