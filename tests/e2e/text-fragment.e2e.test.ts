/**
 * Text-fragment links as Chromium itself follows them. Passages are clipped through the toolbar (the
 * link is built then, in the content script, from the rendered page) on a page holding the cases
 * browsers trip on: blocks with no whitespace between them, a `<br>`, a span laid out as a block,
 * hidden share buttons, an end term that also occurs inside the passage, and repeated text (once with
 * layout wrappers holding only whitespace between it and the words that tell it apart). Each stored
 * link is then opened in a new tab, and what Chromium highlights is read from the screen: the page paints
 * `::target-text` (and nothing else) magenta, and the magenta box must be the passage's box.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dragSelect, type ExtensionSession, launchExtension, readLibrary, selectText } from './harness';

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Links</title>
<style>
  body { font: 16px/1.5 sans-serif; max-width: 40em; margin: 2em; }
  .share { display: none; }
  .boxed { display: block; }
</style></head><body>
<p>Alpha paragraph ends here.</p><p>Beta paragraph starts here and goes on.</p>
<p>First line of a verse<br>second line of the verse</p>
<div>Leading words<span class="boxed">a boxed span</span>trailing words</div>
<p>Read the release notes<span class="share">Share on Twitter</span> before upgrading today.</p>
<p>Source files: blanket.js, mocha-blanket.js. As an example, mocha-blanket.js is loaded last.</p>
<p>The bug was old. Later he found the bug in the kernel, and the bug in the driver.</p>
<p>Repeated line.</p><p>Something between.</p><p>Repeated line.</p>
<p>Style guide.</p><p>Food and travel.</p>
<div>
  <div>
    <div>
      <div>
        <div>
          <p>Style guide.</p>
        </div>
      </div>
    </div>
  </div>
</div>
</body></html>`;

/** Passages as the source text has them (blocks run together), with the occurrence to select (0 = first). */
const PASSAGES: Array<[string, number]> = [
  ['ends here.Beta paragraph', 0],
  ['of the verse', 0],
  ['wordsa boxed span', 0],
  ['release notesShare on Twitter before upgrading', 0],
  ['mocha-blanket.js. As an example, mocha-blanket.js', 0],
  ['the bug', 1],
  ['Repeated line.', 1],
  // Told apart by the words before it, past wrapper blocks that hold only whitespace (nytimes-1's navigation).
  ['Style guide.', 1],
];

const MAGENTA_CSS = `
  * { color: #000 !important; background: #fff !important; text-shadow: none !important; }
  ::target-text { color: #f0f !important; background-color: #f0f !important; }
  ::selection { color: #000 !important; background: #fff !important; }`;

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The bounding box of magenta pixels in a screenshot, decoded by the browser itself; null for none. */
async function magentaBox(page: Page, decoder: Page): Promise<Box | null> {
  const png = (await page.screenshot()).toString('base64');
  return decoder.evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const { data: pixels } = context.getImageData(0, 0, image.width, image.height);
    let box: { left: number; top: number; right: number; bottom: number } | null = null;
    for (let y = 0; y < image.height; y++) {
      for (let x = 0; x < image.width; x++) {
        const i = (y * image.width + x) * 4;
        if (pixels[i]! > 230 && pixels[i + 1]! < 30 && pixels[i + 2]! > 230) {
          box ??= { left: x, top: y, right: x + 1, bottom: y + 1 };
          box.left = Math.min(box.left, x);
          box.top = Math.min(box.top, y);
          box.right = Math.max(box.right, x + 1);
          box.bottom = Math.max(box.bottom, y + 1);
        }
      }
    }
    return box;
  }, png);
}

/** The passage's box on screen (the union of its text's client rects), the selection cleared after. */
async function passageBox(page: Page, text: string, occurrence: number): Promise<Box> {
  await selectText(page, text, occurrence);
  return page.evaluate(() => {
    const range = getSelection()!.getRangeAt(0);
    getSelection()!.removeAllRanges();
    const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    return {
      left: Math.min(...rects.map((r) => r.left)),
      top: Math.min(...rects.map((r) => r.top)),
      right: Math.max(...rects.map((r) => r.right)),
      bottom: Math.max(...rects.map((r) => r.bottom)),
    };
  });
}

describe('text-fragment links in Chromium', () => {
  let session: ExtensionSession;
  let decoder: Page;
  beforeAll(async () => {
    session = await launchExtension();
    session.server.serve('/links.html', PAGE);
    decoder = await session.context.newPage();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('opens each clipped passage’s link on exactly that passage', async () => {
    const page = await session.openFixture('links.html');
    const links: Array<string | undefined> = [];
    const seen = new Set<string>();
    for (const [i, [text, occurrence]] of PASSAGES.entries()) {
      await dragSelect(page, text, occurrence);
      await page.getByRole('button', { name: 'Highlight', exact: true }).click();
      await expect
        .poll(async () => (await readLibrary(session)).highlights.length, { message: text })
        .toBe(i + 1);
      const { highlights } = await readLibrary(session);
      const added = highlights.find((h) => !seen.has(h.id))!;
      seen.add(added.id);
      links.push(added.textFragment);
      // The toolbar stays after a clip, over the next line; a reader sends it away before the next drag.
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('button', { name: 'Highlight', exact: true }).count()).toBe(0);
    }
    await page.close();

    const wrong: string[] = [];
    for (const [i, [text, occurrence]] of PASSAGES.entries()) {
      const stored = { textFragment: links[i] };
      expect(stored.textFragment, text).toMatch(/^text=/);
      const opened = await session.context.newPage();
      await opened.goto(`${session.server.url('links.html')}#:~:${stored!.textFragment}`);
      await opened.addStyleTag({ content: MAGENTA_CSS });
      // Chromium applies the fragment after load: wait until it is painted.
      let painted: Box | null = null;
      await expect
        .poll(
          async () => {
            painted = await magentaBox(opened, decoder);
            return painted !== null;
          },
          { timeout: 10_000 },
        )
        .toBe(true);
      const expected = await passageBox(opened, text, occurrence);
      const close = (a: number, b: number) => Math.abs(a - b) <= 3;
      const p = painted as unknown as Box;
      if (
        !close(p.left, expected.left) ||
        !close(p.right, expected.right) ||
        !close(p.top, expected.top) ||
        !close(p.bottom, expected.bottom)
      ) {
        wrong.push(
          `${text} (${stored!.textFragment}): painted ${JSON.stringify(p)}, passage ${JSON.stringify(expected)}`,
        );
      }
      await opened.close();
    }
    expect(wrong).toEqual([]);
  });
});
