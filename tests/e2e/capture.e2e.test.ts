/**
 * Capture, as a reader does it: select a passage, click Highlight, see it drawn and stored with its
 * talk; come back and see it again; come back after the author edited the post.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anchoredMarks,
  clickDrawnHighlight,
  drawnHighlights,
  dragSelect,
  type ExtensionSession,
  launchExtension,
  readLibrary,
  selectText,
  waitForContentScript,
} from './harness';
import { FIXTURE_PAGES_DIR } from './paths';

const FUZZING = "He's a really big fan of random testing/ fuzzing in order to find bugs";
const TWIST = 'An intersting twist though: Eight of these ten goals are choosen by the children themselves';
const SIEMENS_REASON =
  'Their reason for tapping into OSS more and more is to grow beyond their own capabilities.';

/** The author's edit: typos fixed, a paragraph inserted near the top, one paragraph removed. */
function editedPost(html: string): string {
  const edited = html
    .replace('A bit more obivious', 'A bit more obvious')
    .replace('An intersting twist', 'An interesting twist')
    .replace(
      '<p class="meta">',
      '<p>Update: the slides of most talks are now online, linked from the schedule page of the event.</p>\n<p class="meta">',
    )
    .replace(`<p>${SIEMENS_REASON}</p>`, '');
  if (edited.includes(SIEMENS_REASON) || edited.includes('intersting'))
    throw new Error('fixture edit failed');
  return edited;
}

async function clickHighlight(page: Page) {
  const button = page.getByRole('button', { name: 'Highlight', exact: true });
  await button.waitFor({ state: 'visible' });
  await button.click();
}

describe('capture in Chromium', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('clips a passage across elements with one click, draws it, and stores it under its talk', async () => {
    const page = await session.openFixture('conference-h2.html');
    expect(await dragSelect(page, FUZZING)).toBe(FUZZING);
    // The toolbar appears right above the selection (#17: it covers neither the passage nor the line
    // after it), inside the viewport.
    const button = page.getByRole('button', { name: 'Highlight', exact: true });
    await button.waitFor();
    const selectionTop = await page.evaluate(() => getSelection()!.getRangeAt(0).getClientRects()[0]!.top);
    const box = (await button.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(selectionTop);
    expect(box.y + box.height).toBeGreaterThan(selectionTop - 60);
    expect(box.y).toBeGreaterThanOrEqual(0);
    await clickHighlight(page);
    await expect.poll(() => drawnHighlights(page)).toEqual({ 'talk-notes-yellow': [FUZZING] });
    // The toolbar says so, politely.
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved' }).count()).toBe(1);

    const library = await readLibrary(session);
    expect(library.highlights).toHaveLength(1);
    const [stored] = library.highlights;
    expect(stored).toMatchObject({
      text: FUZZING,
      color: 'yellow',
      note: '',
      tags: [],
      anchorStatus: 'placed',
    });
    expect(stored!.markdown).toBe("He's a *really big fan of random testing*/ fuzzing in order to find bugs");
    expect(stored!.selectors.map((s) => s.type)).toEqual(
      expect.arrayContaining(['TextQuoteSelector', 'TextPositionSelector']),
    );
    const talk = library.talks.find((t) => t.id === stored!.talkId);
    expect(talk?.title).toBe('Linus Torvalds Q&A');
    expect(library.talks.map((t) => t.title)).toEqual(
      expect.arrayContaining(['The TAO of Hashicorp', 'Integrating OSS in industrial environments']),
    );
    expect(library.pages).toHaveLength(1);
    expect(library.pages[0]).toMatchObject({
      url: session.server.url('conference-h2.html'),
      title: 'Open Source Summit - Day 3',
      siteName: 'Conference Notes Blog',
    });
    await page.close();
  });

  it('does not offer the toolbar for selections in a text field', async () => {
    const page = await session.openFixture('conference-h2.html');
    await page.evaluate(() => {
      const area = document.createElement('textarea');
      area.value = 'a note the page asked me to type';
      document.body.prepend(area);
    });
    const area = page.locator('textarea');
    await area.click();
    await area.press('Control+A');
    await page.mouse.up();
    await page.waitForTimeout(200);
    expect(await page.getByRole('button', { name: 'Highlight', exact: true }).count()).toBe(0);
    await page.close();
  });

  it('draws the highlights again on the next visit, and after the author edits the post', async () => {
    const page = await session.openFixture('conference-h2.html');
    // The first test's highlight is drawn again on arrival.
    await expect.poll(() => drawnHighlights(page)).toEqual({ 'talk-notes-yellow': [FUZZING] });
    for (const text of [TWIST, SIEMENS_REASON]) {
      await dragSelect(page, text);
      await clickHighlight(page);
      await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    }
    await expect.poll(async () => (await drawnHighlights(page))['talk-notes-yellow']?.length).toBe(3);

    await page.reload();
    await waitForContentScript(page);
    await expect
      .poll(async () => (await anchoredMarks(page)).at(-1))
      .toMatchObject({ anchored: 3, orphaned: 0 });

    session.server.serve(
      'conference-h2.html',
      editedPost(readFileSync(join(FIXTURE_PAGES_DIR, 'conference-h2.html'), 'utf8')),
    );
    await page.reload();
    await waitForContentScript(page);
    await expect
      .poll(async () => (await anchoredMarks(page)).at(-1))
      .toMatchObject({ anchored: 2, fuzzy: 1, orphaned: 1 });
    expect(await drawnHighlights(page)).toEqual({
      'talk-notes-yellow': [
        FUZZING,
        'An interesting twist though: Eight of these ten goals are choosen by the children themselves',
      ].sort(),
    });
    // The removed passage is kept, and known as not found on this page.
    await expect
      .poll(
        async () =>
          (await readLibrary(session)).highlights.find((h) => h.text === SIEMENS_REASON)?.anchorStatus,
      )
      .toBe('orphan');
    session.server.reset();
    await page.close();
  });

  it('highlights the selection from the keyboard command, as the context menu does', async () => {
    const page = await session.openFixture('conference-h3.html');
    const tabId = await session.tabIdOf(page);
    await selectText(page, 'Kernel live patching');
    const worker = await session.serviceWorker();
    const outcome = await worker.evaluate(
      (tabId) =>
        (
          globalThis as unknown as {
            talkNotes: { onCommand: (c: string, t: { id: number }) => Promise<unknown> };
          }
        ).talkNotes.onCommand('highlight-selection', { id: tabId }),
      tabId,
    );
    expect(outcome).toMatchObject({ saved: true });
    await expect.poll(() => drawnHighlights(page)).toEqual({ 'talk-notes-yellow': ['Kernel live patching'] });
    await selectText(page, 'Trolling != Enforcement');
    const viaMenu = await worker.evaluate(
      (tabId) =>
        (
          globalThis as unknown as {
            talkNotes: {
              onContextMenuClicked: (
                i: { menuItemId: string; frameId: number },
                t: { id: number },
              ) => Promise<unknown>;
            };
          }
        ).talkNotes.onContextMenuClicked(
          { menuItemId: 'talk-notes-highlight-selection', frameId: 0 },
          { id: tabId },
        ),
      tabId,
    );
    expect(viaMenu).toMatchObject({ saved: true });
    // The same passage again is not saved twice.
    await selectText(page, 'Kernel live patching');
    const again = await worker.evaluate(
      (tabId) =>
        (
          globalThis as unknown as {
            talkNotes: { onCommand: (c: string, t: { id: number }) => Promise<unknown> };
          }
        ).talkNotes.onCommand('highlight-selection', { id: tabId }),
      tabId,
    );
    expect(again).toMatchObject({ saved: false, duplicate: true });
    await page.close();
  });

  it('opens a highlight’s menu in an extension iframe to add a note, tags and a colour', async () => {
    const page = await session.openFixture('conference-h3.html');
    await expect.poll(async () => (await drawnHighlights(page))['talk-notes-yellow']?.length).toBe(2);
    await clickDrawnHighlight(page, 'Kernel live patching');
    const menu = page.frameLocator('iframe[title="Talk Notes highlight"]');
    const note = menu.getByRole('textbox', { name: 'Note' });
    await note.waitFor();
    // Page scripts cannot look into the menu: it is a cross-origin frame.
    expect(await page.evaluate(() => document.querySelector('iframe')?.contentDocument ?? null)).toBeNull();
    await note.fill('Live patching: kGraft + kpatch merged');
    await note.blur();
    await menu.getByRole('combobox', { name: 'Add tags' }).fill('kernel, Linux/Patching');
    await menu.getByRole('combobox', { name: 'Add tags' }).press('Enter');
    await menu.getByRole('radio', { name: 'Blue' }).check();
    await expect
      .poll(async () =>
        (await readLibrary(session)).highlights.find((h) => h.text === 'Kernel live patching'),
      )
      .toMatchObject({
        note: 'Live patching: kGraft + kpatch merged',
        tags: ['kernel', 'Linux/Patching'],
        color: 'blue',
      });
    // The page redraws in the new colour.
    await expect
      .poll(async () => (await drawnHighlights(page))['talk-notes-blue'])
      .toEqual(['Kernel live patching']);
    await page.close();
  });

  it('finds highlights on pages that render their text late', async () => {
    // The app renders at once, or 600 ms after the content script's first anchoring pass (its
    // performance mark): late whatever the machine's load, never before the script has looked.
    const spa = (
      late: boolean,
    ) => `<!doctype html><html lang="en"><head><title>SPA recap</title></head><body><div id="app">Loading…</div>
      <script>const render = () => { document.getElementById('app').innerHTML =
        '<article><h1>SPA recap</h1><h2>Kernel live patching — Miroslav Benes</h2><p>kGraft uses the ftrace framework for inception, then asks ftrace to redirect calls.</p></article>'; };
      if (${late}) new PerformanceObserver((list, observer) => {
        if (!list.getEntriesByName('talk-notes:anchored').length) return;
        observer.disconnect();
        setTimeout(render, 600);
      }).observe({ type: 'mark', buffered: true });
      else setTimeout(render, 0);</script></body></html>`;
    session.server.serve('spa.html', spa(false));
    const page = await session.context.newPage();
    await page.goto(session.server.url('spa.html'));
    await waitForContentScript(page);
    await page.getByText('kGraft uses').waitFor();
    await dragSelect(page, 'uses the ftrace framework');
    await clickHighlight(page);
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const talkOf = async () => {
      const library = await readLibrary(session);
      const h = library.highlights.find((x) => x.text === 'uses the ftrace framework');
      return library.talks.find((t) => t.id === h?.talkId)?.title;
    };
    expect(await talkOf()).toBe('Kernel live patching');

    // Next visit: the text arrives 600 ms after the content script looked.
    session.server.serve('spa.html', spa(true));
    await page.goto(session.server.url('spa.html'));
    await waitForContentScript(page);
    await expect
      .poll(() => drawnHighlights(page), { timeout: 5000 })
      .toEqual({ 'talk-notes-yellow': ['uses the ftrace framework'] });
    const marks = await anchoredMarks(page);
    expect(marks[0]).toMatchObject({ anchored: 0, orphaned: 1 });
    expect(marks.at(-1)).toMatchObject({ anchored: 1, orphaned: 0 });
    await expect
      .poll(
        async () =>
          (await readLibrary(session)).highlights.find((h) => h.text === 'uses the ftrace framework')
            ?.anchorStatus,
      )
      .toBe('placed');
    await page.close();
  });

  it('clips and opens the note editor at once with Add note', async () => {
    const page = await session.openFixture('conference-bold.html');
    await dragSelect(page, 'Resilient systems.');
    await page.getByRole('button', { name: 'Add note' }).click();
    const note = page
      .frameLocator('iframe[title="Talk Notes highlight"]')
      .getByRole('textbox', { name: 'Note' });
    await note.waitFor();
    await expect.poll(() => note.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('Desired state, and a way back to it.');
    await page.keyboard.press('Escape');
    await expect
      .poll(
        async () =>
          (await readLibrary(session)).highlights.find((h) => h.text === 'Resilient systems.')?.note,
      )
      .toBe('Desired state, and a way back to it.');
    // Bold-line talk titles are talks too.
    const library = await readLibrary(session);
    const clipped = library.highlights.find((h) => h.text === 'Resilient systems.')!;
    expect(library.talks.find((t) => t.id === clipped.talkId)?.title).toBe('The TAO of Hashicorp');
    await expect.poll(() => page.locator('iframe[title="Talk Notes highlight"]').count()).toBe(0);
    await page.close();
  });

  it('keeps the toolbar for a new selection made right after a clip', async () => {
    const page = await session.openFixture('conference-h4.html');
    await dragSelect(page, 'Immutability.');
    await clickHighlight(page);
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    // The reader goes straight on to the next passage, before the "Saved" toolbar fades.
    await dragSelect(page, 'Automate.');
    await page.waitForTimeout(1200);
    expect(await page.getByRole('button', { name: 'Highlight', exact: true }).isVisible()).toBe(true);
    await page.close();
  });
});
