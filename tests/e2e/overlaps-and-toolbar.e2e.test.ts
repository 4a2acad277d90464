/**
 * #17, items 2 and 6, as a reader meets them in Chromium: a selection that overlaps a highlight offers
 * to extend it (one record: its note and talk kept, right again after a reload) or to keep both (the
 * shared text drawn apart); the toolbar covers neither the selection nor the next line, fades after a
 * saved clip, and starts every clip from the reader's `Default colour`.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clickDrawnHighlight,
  drawnHighlights,
  dragSelect,
  type ExtensionSession,
  launchExtension,
  readLibrary,
  waitForContentScript,
} from './harness';
import { PROJECT_ROOT } from './paths';

const FIRST = 'was given by Jono Bacon on what it';
const SECOND = 'Jono Bacon on what it takes to incentivise communities';
const MERGED = 'was given by Jono Bacon on what it takes to incentivise communities';
const MENU = 'iframe[title="Talk Notes highlight"]';

/** Waits until the toolbar takes clicks (it waits a moment after it appears: README, security). */
async function toolbarArmed(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document
        .querySelector('talk-notes-toolbar')
        ?.shadowRoot?.querySelector('[role="toolbar"]')
        ?.getAttribute('aria-disabled') === null,
  );
}

/** Clicks a toolbar button once the toolbar takes clicks. */
async function clickToolbar(page: Page, name: string): Promise<void> {
  await toolbarArmed(page);
  await page.getByRole('button', { name, exact: true }).click();
}

/** The toolbar's box, and the selection's line boxes with the line that follows its last one. */
async function toolbarAndLines(page: Page) {
  const handle = await page.waitForFunction(() => {
    const host = document.querySelector<HTMLElement>('talk-notes-toolbar');
    const bar = host?.shadowRoot?.querySelector('[role="toolbar"]');
    if (!host || host.style.display === 'none' || !bar) return null;
    const box = bar.getBoundingClientRect();
    if (!box.height) return null;
    const range = getSelection()!.getRangeAt(0);
    const lines = [...range.getClientRects()].filter((r) => r.width > 0);
    const last = lines[lines.length - 1]!;
    // The text after the selection, to the end of its paragraph: its first line box below the last one.
    const rest = document.createRange();
    rest.setStart(range.endContainer, range.endOffset);
    rest.setEndAfter(range.endContainer.parentElement!.closest('p, li')!);
    const next = [...rest.getClientRects()].find((r) => r.width > 0 && r.top >= last.bottom - 1);
    const plain = (r: DOMRect) => ({ top: r.top, bottom: r.bottom, left: r.left, right: r.right });
    return { toolbar: plain(box), lines: lines.map(plain), next: next ? plain(next) : null };
  });
  return (await handle.jsonValue()) as {
    toolbar: { top: number; bottom: number; left: number; right: number };
    lines: { top: number; bottom: number; left: number; right: number }[];
    next: { top: number; bottom: number; left: number; right: number } | null;
  };
}

type Box = { top: number; bottom: number; left: number; right: number };
const intersects = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('overlapping clips and the toolbar, in Chromium', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('extends a highlight to a selection that overlaps it: one record, note and talk kept, right after a reload', async () => {
    const page = await session.openFixture('conference-h3.html');
    await dragSelect(page, FIRST);
    await clickToolbar(page, 'Highlight');
    await expect.poll(async () => (await readLibrary(session)).highlights.length).toBe(1);
    const before = (await readLibrary(session)).highlights[0]!;
    // The reader writes a note on it in the in-page menu.
    await clickDrawnHighlight(page, FIRST);
    await page.frameLocator(MENU).getByRole('textbox', { name: 'Note' }).fill('Four factors of motivation');
    await expect
      .poll(async () => (await readLibrary(session)).highlights[0]?.note)
      .toBe('Four factors of motivation');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator(MENU).count()).toBe(0);

    // A second selection overlapping the first: the toolbar offers to extend it, or to keep both.
    await dragSelect(page, SECOND);
    await page.getByRole('button', { name: 'Keep both', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Highlight', exact: true }).count()).toBe(0);
    // The page's own script clicking them (once the toolbar takes a person's clicks) does nothing.
    await toolbarArmed(page);
    await page.evaluate(() => {
      for (const button of document
        .querySelector('talk-notes-toolbar')!
        .shadowRoot!.querySelectorAll('button'))
        if (button.textContent === 'Extend highlight' || button.textContent === 'Keep both') button.click();
    });
    await page.waitForTimeout(300);
    expect((await readLibrary(session)).highlights.map((h) => h.text)).toEqual([FIRST]);
    await clickToolbar(page, 'Extend highlight');
    await expect
      .poll(async () => (await readLibrary(session)).highlights.map((h) => h.text))
      .toEqual([MERGED]);
    const after = (await readLibrary(session)).highlights[0]!;
    expect(after).toMatchObject({ id: before.id, note: 'Four factors of motivation', talkId: before.talkId });
    expect(after.markdown).toBe(MERGED);
    expect(after.textFragment).toBeDefined();
    await expect.poll(async () => (await drawnHighlights(page))['talk-notes-yellow']).toEqual([MERGED]);

    // Re-anchored from the stored selectors on the next visit: the union, drawn once.
    await page.reload();
    await waitForContentScript(page);
    await expect.poll(async () => (await drawnHighlights(page))['talk-notes-yellow']).toEqual([MERGED]);
    expect((await readLibrary(session)).highlights).toHaveLength(1);

    // Part of it selected again reaches past nothing: an ordinary clip, nothing to extend.
    await dragSelect(page, FIRST);
    await page.getByRole('button', { name: 'Highlight', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Extend highlight', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Keep both', exact: true }).count()).toBe(0);
    await page.close();
  });

  it('gives a reader who selects again right after a clip the toolbar, from the text under the saved one', async () => {
    const page = await session.openFixture('conference-h3.html');
    const passage = 'Taken into the bigger context of a world';
    // The line above the passage, where the toolbar will sit once it is saved: two points on its text.
    const above = await page.evaluate((passage) => {
      const p = [...document.querySelectorAll('p')].find((el) => el.textContent!.includes(passage))!;
      p.scrollIntoView({ block: 'center' });
      const node = document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode() as Text;
      const range = document.createRange();
      range.setStart(node, node.data.indexOf(passage));
      range.setEnd(node, node.data.indexOf(passage) + passage.length);
      const first = [...range.getClientRects()].filter((r) => r.width > 0)[0]!;
      const y = first.top + first.height / 2 - Number.parseFloat(getComputedStyle(p).lineHeight);
      const start = { x: first.left + 20, y };
      const end = { x: first.left + 200, y };
      const from = document.caretRangeFromPoint(start.x, start.y)!;
      const to = document.caretRangeFromPoint(end.x, end.y)!;
      const text = document.createRange();
      text.setStart(from.startContainer, from.startOffset);
      text.setEnd(to.startContainer, to.startOffset);
      return { start, end, text: text.toString() };
    }, passage);
    expect(above.text.length).toBeGreaterThan(10);
    expect(above.text).not.toContain(passage.slice(0, 10));

    await dragSelect(page, passage);
    await clickToolbar(page, 'Highlight');
    // Read at once with the status: the saved clip's toolbar lies over the line above.
    const saved = await (
      await page.waitForFunction(() => {
        const bar = document
          .querySelector('talk-notes-toolbar')
          ?.shadowRoot?.querySelector('[role="toolbar"]');
        if (!bar?.textContent?.includes('Saved')) return null;
        const box = bar.getBoundingClientRect();
        return { top: box.top, bottom: box.bottom, left: box.left, right: box.right };
      })
    ).jsonValue();
    expect(saved).not.toBeNull();
    const box = saved!;
    expect(
      above.start.x > box.left &&
        above.start.x < box.right &&
        above.start.y > box.top &&
        above.start.y < box.bottom,
    ).toBe(true);

    // The reader drags over that line at once: the text is selected, and the toolbar is there for it.
    await page.mouse.move(above.start.x, above.start.y);
    await page.mouse.down();
    await page.mouse.move(above.end.x, above.end.y, { steps: 6 });
    await page.mouse.up();
    expect(await page.evaluate(() => getSelection()!.toString())).toBe(above.text);
    await clickToolbar(page, 'Highlight');
    await expect
      .poll(async () => (await readLibrary(session)).highlights.map((h) => h.text))
      .toContain(above.text.trim());
    await page.close();
  });

  it('keeps both when asked, and draws the text they share apart', async () => {
    const page = await session.openFixture('conference-h3.html');
    await dragSelect(page, 'Reuben Paul (11 years old) on how hacking');
    await clickToolbar(page, 'Highlight');
    await expect
      .poll(async () => (await drawnHighlights(page))['talk-notes-yellow'])
      .toContain('Reuben Paul (11 years old) on how hacking');
    await dragSelect(page, 'how hacking today really is just childs play');
    await clickToolbar(page, 'Keep both');
    await expect
      .poll(async () => (await drawnHighlights(page))['talk-notes-overlap'])
      .toEqual(['how hacking']);
    const stored = (await readLibrary(session)).highlights.filter((h) => h.text.includes('how hacking'));
    expect(stored).toHaveLength(2);
    await page.close();
  });

  it('places the toolbar off the selection and off the next line, even at the top of the viewport', async () => {
    const page = await session.openFixture('conference-h3.html');
    const passage = 'Apache Kafka and the Rise of the Streaming Platform';
    // In the middle of the viewport: above the selection.
    await dragSelect(page, passage);
    const middle = await toolbarAndLines(page);
    expect(middle.next).not.toBeNull();
    for (const line of middle.lines) expect(intersects(middle.toolbar, line)).toBe(false);
    expect(intersects(middle.toolbar, middle.next!)).toBe(false);
    expect(middle.toolbar.bottom).toBeLessThanOrEqual(middle.lines[0]!.top);
    await page.keyboard.press('Escape');

    // The passage's line at the very top of the viewport: no room above, so below the line after it.
    const top = 'Taken into the bigger context of a world';
    await dragSelect(page, top);
    await page.mouse.click(5, 5); // away from the text: the selection goes, and so does the toolbar
    await page.evaluate((top) => {
      const p = [...document.querySelectorAll('p')].find((el) => el.textContent!.includes(top))!;
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      const node = walker.nextNode() as Text;
      const at = node.data.indexOf(top);
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + top.length);
      window.scrollBy(0, range.getClientRects()[0]!.top - 2);
    }, top);
    const box = await page.evaluate((top) => {
      const p = [...document.querySelectorAll('p')].find((el) => el.textContent!.includes(top))!;
      const node = document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode() as Text;
      const at = node.data.indexOf(top);
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + top.length);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0);
      const plain = (r: DOMRect) => ({ top: r.top, left: r.left, right: r.right, height: r.height });
      return { start: plain(rects[0]!), end: plain(rects[rects.length - 1]!) };
    }, top);
    expect(box.start.top).toBeLessThan(20);
    await page.mouse.move(box.start.left + 1, box.start.top + box.start.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.end.right - 1, box.end.top + box.end.height / 2, { steps: 6 });
    await page.mouse.up();
    const atTop = await toolbarAndLines(page);
    expect(atTop.next).not.toBeNull();
    for (const line of atTop.lines) expect(intersects(atTop.toolbar, line)).toBe(false);
    expect(intersects(atTop.toolbar, atTop.next!)).toBe(false);
    expect(atTop.toolbar.top).toBeGreaterThanOrEqual(atTop.next!.bottom);
    await page.close();
  });

  it('fades out after a saved clip without a click, and keeps no focus', async () => {
    const page = await session.openFixture('conference-h2.html');
    // Watches the toolbar's class inside its (open) shadow root, as a test can.
    await dragSelect(page, 'A bit more obivious');
    await page.getByRole('button', { name: 'Highlight', exact: true }).waitFor();
    await page.evaluate(() => {
      const bar = document
        .querySelector('talk-notes-toolbar')!
        .shadowRoot!.querySelector('[role="toolbar"]')!;
      const seen: string[] = [];
      Object.assign(window, { toolbarClasses: seen });
      new MutationObserver(() => seen.push(bar.className)).observe(bar, { attributeFilter: ['class'] });
    });
    await clickToolbar(page, 'Highlight');
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>('talk-notes-toolbar')!.style.display === 'none',
      null,
      { timeout: 10_000 },
    );
    expect(
      await page.evaluate(() => (window as unknown as { toolbarClasses: string[] }).toolbarClasses),
    ).toContain('toolbar fading');
    // The focus is the page's again, not held by a hidden toolbar.
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('TALK-NOTES-TOOLBAR');
    await page.close();
  });

  it('goes on Escape when the keyboard is in it, as it does when the keyboard is in the page', async () => {
    const page = await session.openFixture('conference-h2.html');
    const shown = () =>
      page.evaluate(
        () => document.querySelector<HTMLElement>('talk-notes-toolbar')?.style.display !== 'none',
      );
    await dragSelect(page, 'A bit more obivious');
    await page.getByRole('radio', { name: 'Blue' }).focus();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TALK-NOTES-TOOLBAR');
    await page.keyboard.press('Escape');
    await expect.poll(shown).toBe(false);
    await page.close();
  });

  it('starts every clip from the Default colour set in the popup; a colour picked is that clip’s only', async () => {
    const page = await session.openFixture('conference-h2.html');
    const popup = await session.openPopup(page);
    await popup.getByLabel('Default colour').selectOption('green');
    await page.bringToFront();
    await popup.close();
    const color = () =>
      page.evaluate(
        () =>
          document
            .querySelector('talk-notes-toolbar')
            ?.shadowRoot?.querySelector('[role="radio"][aria-checked="true"]')
            ?.getAttribute('aria-label') ?? null,
      );

    await dragSelect(page, 'Open source summit Wednesday');
    await expect.poll(color).toBe('Green');
    await page.getByRole('radio', { name: 'Blue' }).click();
    await clickToolbar(page, 'Highlight');
    await expect
      .poll(async () => (await readLibrary(session)).highlights.map((h) => h.color))
      .toContain('blue');

    await page.keyboard.press('Escape');
    await dragSelect(page, 'raising a tech family');
    await expect.poll(color).toBe('Green');
    await clickToolbar(page, 'Highlight');
    await expect
      .poll(async () =>
        (await readLibrary(session)).highlights
          .filter((h) => h.text === 'raising a tech family')
          .map((h) => h.color),
      )
      .toEqual(['green']);
    await page.close();
  });
  // `SCREENSHOTS=1` writes docs/screenshots/in-page.png for the README: a highlight with a note (underlined) and a
  // new selection with the toolbar above it.
  it.runIf(process.env.SCREENSHOTS)('takes the in-page screenshot', async () => {
    // A library of its own: the tests above leave highlights on this page.
    const own = await launchExtension();
    try {
      const page = await own.openFixture('conference-h3.html');
      await page.setViewportSize({ width: 900, height: 560 });
      await dragSelect(page, FIRST);
      await clickToolbar(page, 'Highlight');
      await expect.poll(async () => (await readLibrary(own)).highlights.length).toBeGreaterThan(0);
      await clickDrawnHighlight(page, FIRST);
      await page.frameLocator(MENU).getByRole('textbox', { name: 'Note' }).fill('Four factors of motivation');
      await expect
        .poll(async () => (await readLibrary(own)).highlights[0]?.note)
        .toBe('Four factors of motivation');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator(MENU).count()).toBe(0);
      await dragSelect(page, 'takes to incentivise communities');
      await page.getByRole('button', { name: 'Highlight', exact: true }).waitFor();
      await toolbarArmed(page);
      const dir = join(PROJECT_ROOT, 'docs', 'screenshots');
      mkdirSync(dir, { recursive: true });
      await page.screenshot({ path: join(dir, 'in-page.png') });
    } finally {
      await own.close();
    }
  });
});
