/**
 * Frames: a passage inside a same-origin iframe is clipped with the toolbar in the frame, stored under
 * the framed page's own URL, drawn again inside the frame on the next visit and shown by the popup of
 * the top tab; a frame of another origin (another 127.0.0.1 port) gets no toolbar, no drawing, and
 * learns nothing.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureServer, startFixtureServer } from './fixture-server';
import {
  dragSelect,
  type ExtensionSession,
  launchExtension,
  readLibrary,
  waitForContentScript,
} from './harness';
import { drawnHighlightsInPage } from './in-page';

const EMBEDDED =
  'Reproducible builds let anyone check that a binary was made from the published source code.';
const CROSS = 'Supply chain attacks target the build servers that nobody audits closely enough these days.';
const TOP = 'The write-up embeds the speaker’s own notes from the same blog, shown in a frame below.';

/** How long to wait for a state on a loaded machine (expect.poll's default is one second). */
const WAIT = { timeout: 10_000 };

/** A framed page: its text (after `before` pixels of other matter), and a script that tells the top page it has loaded. */
const framedPage = (title: string, text: string, before = 0) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body style="margin:8px">
   <article><h1>${title}</h1><div style="height:${before}px"></div><p>${text}</p></article>
   <script>parent.postMessage({ loaded: ${JSON.stringify(title)} }, '*');</script></body></html>`;

/** A write-up embedding frames: `frames` are [name, src] pairs. */
const topPage = (frames: [string, string][]) =>
  `<!doctype html><html lang="en"><head><title>Day 2 write-up</title>
   <script>window.loaded = []; addEventListener('message', (e) => e.data && e.data.loaded && window.loaded.push(e.data.loaded));</script>
   </head><body style="margin:8px"><h1>Day 2 write-up</h1><p>${TOP}</p>
   ${frames
     .map(
       ([name, src]) =>
         `<iframe name="${name}" src="${src}" style="border:0;width:700px;height:260px"></iframe>`,
     )
     .join('\n')}
   </body></html>`;

/** The named frame of the page, once its own script ran. */
async function loadedFrame(page: Page, name: string): Promise<Frame> {
  await expect.poll(() => page.frame({ name })?.evaluate(() => document.readyState), WAIT).toBe('complete');
  return page.frame({ name })!;
}

/** Our `talk-notes:ready` marks, toolbar hosts and drawn passages (ranges) inside a frame. */
const traces = (frame: Frame) =>
  frame.evaluate(() => ({
    marks: performance.getEntriesByName('talk-notes:ready').length,
    toolbars: document.querySelectorAll('talk-notes-toolbar').length,
    drawn: [...CSS.highlights.entries()]
      .filter(([name]) => name.startsWith('talk-notes'))
      .reduce((ranges, [, highlight]) => ranges + highlight.size, 0),
  }));

/**
 * Drags over `text` inside a frame with the real mouse: the frame's coordinates plus where the frame
 * sits in the page (frames here have no border).
 */
async function dragSelectInFrame(page: Page, frame: Frame, text: string): Promise<string> {
  const box = await frame.evaluate((text) => {
    const p = [...document.querySelectorAll('p')].find((el) => el.textContent?.includes(text))!;
    p.scrollIntoView({ block: 'center' });
    const node = p.firstChild as Text;
    const start = node.data.indexOf(text);
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, start + text.length);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0);
    const first = rects[0]!;
    const last = rects[rects.length - 1]!;
    return {
      start: { x: first.left + 1, y: first.top + first.height / 2 },
      end: { x: last.right - 1, y: last.top + last.height / 2 },
    };
  }, text);
  const offset = (await (await frame.frameElement()).boundingBox())!;
  await page.mouse.move(offset.x + box.start.x, offset.y + box.start.y);
  await page.mouse.down();
  await page.mouse.move(offset.x + (box.start.x + box.end.x) / 2, offset.y + (box.start.y + box.end.y) / 2, {
    steps: 4,
  });
  await page.mouse.move(offset.x + box.end.x, offset.y + box.end.y, { steps: 4 });
  await page.mouse.up();
  return frame.evaluate(() => getSelection()!.toString());
}

describe('frames in Chromium', () => {
  let session: ExtensionSession;
  /** A second server: its pages are of another origin (another port of 127.0.0.1). */
  let other: FixtureServer;
  beforeAll(async () => {
    session = await launchExtension();
    other = await startFixtureServer();
  });
  afterAll(async () => {
    await session?.close();
    await other?.close();
  });

  it('clips a passage inside a same-origin frame, draws it there again after a reload, and lists it in the popup', async () => {
    // The passage sits below the frame's fold, so that scrolling to it shows.
    session.server.serve('notes/embed.html', framedPage('Speaker notes', EMBEDDED, 1200));
    session.server.serve('day-2.html', topPage([['notes', 'notes/embed.html']]));
    const page = await session.context.newPage();
    await page.goto(session.server.url('day-2.html'));
    await waitForContentScript(page);
    let frame = await loadedFrame(page, 'notes');
    await frame.waitForFunction(() => performance.getEntriesByName('talk-notes:ready').length > 0);

    expect(await dragSelectInFrame(page, frame, EMBEDDED)).toBe(EMBEDDED);
    // The toolbar shows inside the frame, under the selection there.
    await frame.getByRole('button', { name: 'Highlight', exact: true }).click();
    await frame.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    expect((await frame.evaluate(drawnHighlightsInPage))['talk-notes-yellow']).toEqual([EMBEDDED]);
    expect((await traces(page.mainFrame())).drawn).toBe(0);

    // Stored under the framed page's own URL and title, as a link to it would open it.
    const library = await readLibrary(session);
    const stored = library.highlights.filter((h) => h.text === EMBEDDED);
    expect(stored).toHaveLength(1);
    const pageRecord = library.pages.find(
      (p) => p.id === (stored[0] as unknown as { pageId: string }).pageId,
    );
    expect(pageRecord).toMatchObject({ url: session.server.url('notes/embed.html'), title: 'Speaker notes' });

    // The popup of the tab opens on the framed page, where the reader's focus is.
    let popup = await session.openPopup(page);
    await expect
      .poll(() => popup.getByRole('heading', { level: 2 }).textContent(), WAIT)
      .toBe('Speaker notes');
    expect(await popup.getByRole('button', { name: EMBEDDED }).count()).toBe(1);
    await popup.close();

    await page.reload();
    await waitForContentScript(page);
    frame = await loadedFrame(page, 'notes');
    await expect
      .poll(async () => (await frame.evaluate(drawnHighlightsInPage))['talk-notes-yellow'], WAIT)
      .toEqual([EMBEDDED]);
    expect((await traces(page.mainFrame())).drawn).toBe(0);

    // Without the focus in the frame the popup opens on the top page and offers the framed one.
    popup = await session.openPopup(page);
    const chooser = popup.getByRole('combobox', { name: 'Page in this tab' });
    await expect.poll(() => chooser.inputValue(), WAIT).toBe(session.server.url('day-2.html'));
    expect(await popup.getByRole('button', { name: EMBEDDED }).count()).toBe(0);
    await chooser.selectOption({ label: 'Embedded: Speaker notes' });
    // Clicking the passage scrolls the frame that shows it (the top page does not answer for it).
    expect(await frame.evaluate(() => scrollY)).toBe(0);
    await popup.getByRole('button', { name: EMBEDDED }).click();
    await expect.poll(() => frame.evaluate(() => scrollY), WAIT).toBeGreaterThan(500);
    expect(await popup.getByText('This passage is not on the page right now.').count()).toBe(0);

    // Deleting it in the popup redraws the frame: every frame of the tab hears of the change.
    await popup.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(async () => (await traces(frame)).drawn, WAIT).toBe(0);
    await popup.close();
    await page.close();
  });

  it('highlights, from the keyboard command, the selection of the frame the reader is in', async () => {
    const NOTES = 'Signed releases mean little when the signing key lives on the same build server.';
    session.server.serve('notes/command.html', framedPage('Command notes', NOTES));
    session.server.serve('day-4.html', topPage([['notes', 'notes/command.html']]));
    const page = await session.context.newPage();
    await page.goto(session.server.url('day-4.html'));
    await waitForContentScript(page);
    const frame = await loadedFrame(page, 'notes');
    await frame.waitForFunction(() => performance.getEntriesByName('talk-notes:ready').length > 0);
    const tabId = await session.tabIdOf(page);
    const worker = await session.serviceWorker();
    const command = () =>
      worker.evaluate(
        (tabId) =>
          (
            globalThis as unknown as {
              talkNotes: { onCommand: (c: string, t: { id: number }) => Promise<unknown> };
            }
          ).talkNotes.onCommand('highlight-selection', { id: tabId }),
        tabId,
      );

    // The top page keeps a selection of its own: the command must take the frame's, where the reader is.
    await dragSelect(page, TOP);
    expect(await dragSelectInFrame(page, frame, NOTES)).toBe(NOTES);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('IFRAME');
    expect(await command()).toMatchObject({ saved: true });
    await expect
      .poll(async () => (await frame.evaluate(drawnHighlightsInPage))['talk-notes-yellow'], WAIT)
      .toEqual([NOTES]);
    const library = await readLibrary(session);
    const stored = library.highlights.filter((h) => h.text === NOTES);
    expect(stored).toHaveLength(1);
    expect(
      library.pages.find((p) => p.id === (stored[0] as unknown as { pageId: string }).pageId),
    ).toMatchObject({
      url: session.server.url('notes/command.html'),
    });

    // Back in the top page, the command takes the top page's selection.
    await page.keyboard.press('Escape');
    await dragSelect(page, TOP);
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('IFRAME');
    expect(await command()).toMatchObject({ saved: true });
    await expect
      .poll(async () => (await page.evaluate(drawnHighlightsInPage))['talk-notes-yellow'], WAIT)
      .toEqual([TOP]);
    expect((await frame.evaluate(drawnHighlightsInPage))['talk-notes-yellow']).toEqual([NOTES]);
    await page.close();
  });

  it('leaves a frame of another origin alone: no script, no toolbar, nothing drawn, nothing clipped', async () => {
    // The cross-origin page has a highlight of its own, clipped when it was opened by itself.
    other.serve('slides.html', framedPage('Slides', CROSS));
    const alone = await session.context.newPage();
    await alone.goto(other.url('slides.html'));
    await waitForContentScript(alone);
    await dragSelect(alone, CROSS);
    await alone.getByRole('button', { name: 'Highlight', exact: true }).click();
    await alone.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await alone.close();

    // A same-origin frame with a highlight of its own beside it: once that one is drawn, the frame
    // of the other origin would have been too.
    session.server.serve('notes/kept.html', framedPage('Kept notes', EMBEDDED));
    session.server.serve(
      'day-3.html',
      topPage([
        ['same', 'notes/kept.html'],
        ['cross', other.url('slides.html')],
      ]),
    );
    const page = await session.context.newPage();
    await page.goto(session.server.url('day-3.html'));
    await waitForContentScript(page);
    const same = await loadedFrame(page, 'same');
    const cross = await loadedFrame(page, 'cross');
    await same.waitForFunction(() => performance.getEntriesByName('talk-notes:ready').length > 0);
    await dragSelectInFrame(page, same, EMBEDDED);
    await same.getByRole('button', { name: 'Highlight', exact: true }).click();
    await same.getByRole('status').filter({ hasText: 'Saved' }).waitFor();

    // A reader's real drag in the cross-origin frame: no toolbar there, then or after the next clip.
    expect(await dragSelectInFrame(page, cross, CROSS)).toBe(CROSS);
    await page.reload();
    await waitForContentScript(page);
    const sameAgain = await loadedFrame(page, 'same');
    const crossAgain = await loadedFrame(page, 'cross');
    await expect
      .poll(async () => (await sameAgain.evaluate(drawnHighlightsInPage))['talk-notes-yellow'], WAIT)
      .toEqual([EMBEDDED]);
    await dragSelectInFrame(page, crossAgain, CROSS);
    // The same gesture in the same-origin frame brings its toolbar: gestures are being seen.
    await dragSelectInFrame(page, sameAgain, EMBEDDED);
    await sameAgain.getByRole('button', { name: 'Highlight', exact: true }).waitFor();
    expect(await traces(crossAgain)).toEqual({ marks: 0, toolbars: 0, drawn: 0 });

    // The popup offers only the same-origin framed page.
    const popup = await session.openPopup(page);
    const chooser = popup.getByRole('combobox', { name: 'Page in this tab' });
    await expect
      .poll(() => chooser.locator('option').allTextContents(), WAIT)
      .toEqual(['This page: Day 2 write-up', 'Embedded: Kept notes']);
    await popup.close();

    const library = await readLibrary(session);
    expect(library.highlights.filter((h) => h.text === CROSS)).toHaveLength(1);
    await page.close();
  });
});
