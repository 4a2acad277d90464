/**
 * The popup, as a reader uses it right after clipping: annotate, tag, re-file under talks,
 * delete and undo; close it and open it again to find everything as left.
 * `SCREENSHOTS=1` also writes docs/screenshots/popup-{light,dark}.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawnHighlights, dragSelect, type ExtensionSession, launchExtension, readLibrary } from './harness';
import { PROJECT_ROOT } from './paths';

const QUESTIONS =
  'What I found very interesting about the talk were the questions that Matthias raised at the very end';
const MESH = 'Enter the Service Mesh architecture, e.g. based on Linker.d, or Envoy.';
const LIMUX_TALK = 'Limux - the loss of a lighthouse';
const MICROSERVICE_TALK = "Dude, Where's My Microservice";
const NOTE = 'Questions every migration should ask **before** it starts.\n- apps first, OS second';
const NEW_TALK = 'Service mesh, in depth';

async function clip(page: Page, text: string) {
  expect(await dragSelect(page, text)).toBe(text);
  const button = page.getByRole('button', { name: 'Highlight', exact: true });
  await button.waitFor({ state: 'visible' });
  await button.click();
}

/** The card of a highlight in the popup, found by its text. */
const card = (popup: Page, text: string): Locator =>
  popup.locator('li.highlight').filter({ has: popup.getByRole('button', { name: text, exact: true }) });
const groupTitles = (popup: Page) => popup.getByRole('heading', { level: 3 }).allTextContents();
const tagsOf = (item: Locator) =>
  item.getByRole('list', { name: 'Tags' }).getByRole('listitem').allTextContents();
/** What the page draws, per colour (colours with nothing drawn left out). */
const drawn = async (page: Page) =>
  Object.fromEntries(Object.entries(await drawnHighlights(page)).filter(([, texts]) => texts.length));
const stored = async (session: ExtensionSession, text: string) =>
  (await readLibrary(session)).highlights.find((h) => h.text === text);

describe('the popup in Chromium', () => {
  let session: ExtensionSession;
  let page: Page;
  beforeAll(async () => {
    session = await launchExtension();
    page = await session.openFixture('conference-h3.html');
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows the page and the passages clipped on it under their talks', async () => {
    await clip(page, QUESTIONS);
    await clip(page, MESH);
    await expect.poll(async () => (await readLibrary(session)).highlights.length).toBe(2);
    const popup = await session.openPopup(page);
    await expect
      .poll(() => popup.getByRole('heading', { level: 2 }).textContent())
      .toBe('Open Source Summit Prague 2017 - part 1');
    const details = await popup.locator('.page-details').textContent();
    expect(details).toContain('Conference Notes Blog');
    expect(details).toContain('Blog Author');
    expect(details).toContain('2017');
    expect(await popup.getByText('2 highlights', { exact: true }).count()).toBe(1);
    expect(await groupTitles(popup)).toEqual([LIMUX_TALK, MICROSERVICE_TALK]);
    await popup.close();
  });

  it('annotates, tags, recolours and re-files highlights; delete is undone; all of it stays', async () => {
    let popup = await session.openPopup(page);
    const questions = card(popup, QUESTIONS);
    await questions.getByRole('button', { name: 'Edit' }).click();
    // Editing starts in the note, from the keyboard.
    const note = questions.getByRole('textbox', { name: 'Note' });
    await expect.poll(() => note.evaluate((el) => el === document.activeElement)).toBe(true);
    await note.fill(NOTE);
    const tags = questions.getByRole('combobox', { name: 'Add tags' });
    await tags.fill('public sector,');
    await tags.fill('Linux/Desktop');
    await tags.press('Enter');
    await questions.getByRole('radio', { name: 'Blue' }).check();
    await expect
      .poll(() => stored(session, QUESTIONS))
      .toMatchObject({ note: NOTE, tags: ['public sector', 'Linux/Desktop'], color: 'blue' });
    // The page redraws in the new colour.
    await expect
      .poll(() => drawn(page))
      // It has a note now: underlined too (#17).
      .toEqual({
        'talk-notes-blue': [QUESTIONS],
        'talk-notes-noted': [QUESTIONS],
        'talk-notes-yellow': [MESH],
      });
    await note.press('Escape');
    await expect.poll(() => tagsOf(questions)).toEqual(['public sector', 'Linux/Desktop']);

    // Move the other one to a new talk, typed in the talk picker.
    const mesh = card(popup, MESH);
    await mesh.getByRole('button', { name: 'Edit' }).click();
    await mesh.getByRole('button', { name: 'New talk…' }).click();
    await mesh.getByRole('textbox', { name: 'New talk name' }).fill(NEW_TALK);
    await mesh.getByRole('textbox', { name: 'New talk name' }).press('Enter');
    await expect.poll(() => groupTitles(popup)).toEqual([LIMUX_TALK, NEW_TALK]);
    // The moved card keeps the keyboard focus on its talk picker.
    await expect
      .poll(() =>
        card(popup, MESH)
          .getByRole('combobox', { name: 'Talk' })
          .evaluate((el) => el === document.activeElement),
      )
      .toBe(true);
    await popup.keyboard.press('Escape');

    // Delete (no question asked), then undo from the keyboard: Undo has the focus.
    await card(popup, QUESTIONS).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => card(popup, QUESTIONS).count()).toBe(0);
    await expect.poll(async () => (await readLibrary(session)).highlights.length).toBe(1);
    await expect.poll(() => drawn(page)).toEqual({ 'talk-notes-yellow': [MESH] });
    await expect
      .poll(() => popup.getByRole('button', { name: 'Undo' }).evaluate((el) => el === document.activeElement))
      .toBe(true);
    await popup.keyboard.press('Enter');
    await expect.poll(() => card(popup, QUESTIONS).count()).toBe(1);
    // Back with its note, so underlined again (#17).
    await expect
      .poll(() => drawn(page))
      .toEqual({
        'talk-notes-blue': [QUESTIONS],
        'talk-notes-noted': [QUESTIONS],
        'talk-notes-yellow': [MESH],
      });

    // Close, open again: everything as left.
    await popup.close();
    popup = await session.openPopup(page);
    await expect.poll(() => groupTitles(popup)).toEqual([LIMUX_TALK, NEW_TALK]);
    const again = card(popup, QUESTIONS);
    expect(await again.locator('.note-text').textContent()).toBe(NOTE);
    expect(await tagsOf(again)).toEqual(['public sector', 'Linux/Desktop']);
    expect(await again.getAttribute('style')).toContain('#5aaaff');
    expect(
      await popup.getByRole('region', { name: NEW_TALK }).getByRole('button', { name: MESH }).count(),
    ).toBe(1);

    const library = await readLibrary(session);
    const newTalk = library.talks.find((t) => t.title === NEW_TALK);
    const limux = library.talks.find((t) => t.title === LIMUX_TALK);
    expect(library.highlights.find((h) => h.text === QUESTIONS)).toMatchObject({
      note: NOTE,
      tags: ['public sector', 'Linux/Desktop'],
      color: 'blue',
      talkId: limux?.id,
    });
    expect(library.highlights.find((h) => h.text === MESH)).toMatchObject({ talkId: newTalk?.id, note: '' });
    await popup.close();
  });

  it('keeps a note typed just before the popup closes', async () => {
    const popup = await session.openPopup(page);
    const mesh = card(popup, MESH);
    await mesh.getByRole('button', { name: 'Edit' }).click();
    await mesh.getByRole('textbox', { name: 'Note' }).pressSequentially('Sidecars everywhere', { delay: 5 });
    // No pause, no blur: the debounce has not fired when the popup goes away.
    await popup.close();
    await expect
      .poll(async () => (await stored(session, MESH))?.note, { timeout: 5000 })
      .toBe('Sidecars everywhere');
    // Opened again, writing goes on after the note.
    const again = await session.openPopup(page);
    await card(again, MESH).getByRole('button', { name: 'Edit' }).click();
    await card(again, MESH).getByRole('textbox', { name: 'Note' }).pressSequentially('!');
    await again.close();
    await expect
      .poll(async () => (await stored(session, MESH))?.note, { timeout: 5000 })
      .toBe('Sidecars everywhere!');
  });

  it('scrolls the page to a highlight when its text is clicked, the popup staying open', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const popup = await session.openPopup(page);
    await card(popup, MESH).getByRole('button', { name: MESH }).click();
    await expect.poll(() => page.evaluate(() => window.scrollY), { timeout: 5000 }).toBeGreaterThan(300);
    expect(popup.isClosed()).toBe(false);
    await popup.close();
  });

  it.runIf(process.env.SCREENSHOTS)('takes screenshots of the popup, light and dark', async () => {
    const popup = await session.openPopup(page);
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.getByText('Name your colours').click();
    await popup.getByRole('textbox', { name: 'Yellow' }).fill('Key idea');
    await popup.getByRole('textbox', { name: 'Yellow' }).press('Enter');
    await popup.getByRole('textbox', { name: 'Blue' }).fill('Question');
    await popup.getByRole('textbox', { name: 'Blue' }).press('Enter');
    await popup.getByText('Name your colours').click();
    await expect.poll(() => card(popup, QUESTIONS).getByText('Question', { exact: true }).count()).toBe(1);
    await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const dir = join(PROJECT_ROOT, 'docs', 'screenshots');
    mkdirSync(dir, { recursive: true });
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.locator('main.popup').screenshot({ path: join(dir, `popup-${scheme}.png`) });
    }
    await popup.close();
  });
  it('edits one highlight from the popup and the dashboard at once: both edits kept, each shown in the other', async () => {
    const KPATCH = 'What is available there is a mixture of both kGraft and kpatch.';
    await clip(page, KPATCH);
    await expect.poll(async () => (await stored(session, KPATCH))?.text).toBe(KPATCH);
    const popup = await session.openPopup(page);
    const dashboard = await session.openDashboard();
    await dashboard.getByRole('searchbox', { name: 'Search' }).fill('mixture of both kGraft');
    const row = dashboard.locator('article').filter({ hasText: 'mixture of both' });
    await expect.poll(() => row.count()).toBe(1);

    // Both editors open on the same highlight; the popup's note is typed while the dashboard tags
    // and recolours it.
    await card(popup, KPATCH).getByRole('button', { name: 'Edit' }).click();
    await row.getByRole('button', { name: 'Edit' }).click();
    const popupNote = card(popup, KPATCH).getByRole('textbox', { name: 'Note' });
    await popupNote.pressSequentially('Merged in 4.0', { delay: 5 });
    const dashboardTags = row.getByRole('combobox', { name: 'Add tags' });
    await dashboardTags.fill('live patching');
    await dashboardTags.press('Enter');
    // A click, then the state waited for: the radio shows the stored colour, and the tags just written
    // re-render it, so it may show the old colour for a moment after the click (check() asserts at once).
    const green = row.getByRole('radio', { name: 'Green' });
    await green.click();
    await expect.poll(() => green.isChecked()).toBe(true);
    await popupNote.pressSequentially(', finally', { delay: 5 });
    await popupNote.blur();

    await expect
      .poll(() => stored(session, KPATCH))
      .toMatchObject({ note: 'Merged in 4.0, finally', tags: ['live patching'], color: 'green' });
    // Each sees the other's edit without a reload.
    await expect
      .poll(() => card(popup, KPATCH).getByRole('button', { name: 'Remove tag live patching' }).count())
      .toBe(1);
    await row.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => row.getByText('Merged in 4.0, finally').count()).toBe(1);
    // And the page redraws in the dashboard's colour.
    await expect.poll(async () => (await drawn(page))['talk-notes-green']).toEqual([KPATCH]);
    await dashboard.close();
    await popup.close();
  });
  it('moves between colours with the arrow keys without recolouring; Space chooses (#17)', async () => {
    const popup = await session.openPopup(page);
    const item = card(popup, MESH);
    await item.getByRole('button', { name: 'Edit' }).click();
    const radios = item.getByRole('radio');
    await expect.poll(() => radios.count()).toBe(5);
    const states = () =>
      radios.evaluateAll((inputs) =>
        inputs.map((r) => ({
          checked: (r as HTMLInputElement).checked,
          focused: r === document.activeElement,
        })),
      );
    const checkedAt = (await states()).findIndex((s) => s.checked);
    const before = (await stored(session, MESH))!.color;
    await radios.nth(checkedAt).focus();
    await popup.keyboard.press('ArrowRight');
    const next = (checkedAt + 1) % 5;
    await expect.poll(async () => (await states()).findIndex((s) => s.focused)).toBe(next);
    // The focus moved; the choice did not (a native radio group would have recoloured the highlight).
    expect((await states()).findIndex((s) => s.checked)).toBe(checkedAt);
    expect((await stored(session, MESH))!.color).toBe(before);
    await popup.keyboard.press('Space');
    const chosen = await radios.nth(next).getAttribute('value');
    await expect.poll(async () => (await stored(session, MESH))!.color).toBe(chosen);
    await popup.close();
  });
});
