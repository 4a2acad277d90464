/**
 * Pages that fight back and a service worker that goes away: the extension neither breaks the
 * page nor loses a clip.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clickDrawnHighlight,
  dragSelect,
  drawnHighlights,
  type ExtensionSession,
  launchExtension,
  readLibrary,
  waitForContentScript,
} from './harness';

const PROSE = 'Kernel live patching lets administrators apply security fixes without rebooting the machine.';

function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

async function clipFirst(page: Page, text: string) {
  await dragSelect(page, text);
  await page.getByRole('button', { name: 'Highlight', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
}

describe('robustness in Chromium', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('keeps working when the service worker is stopped between clips and edits', async () => {
    const page = await session.openFixture('conference-h2.html');
    await clipFirst(page, 'Linus Torvalds Q&A');
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    // The next message wakes a fresh worker with no state but the database.
    await clipFirst(page, 'The TAO of Hashicorp');
    await cdp.send('ServiceWorker.stopAllWorkers');
    // An edit through the in-page menu (whose reads and writes go through the worker) works too.
    await clickDrawnHighlight(page, 'Linus Torvalds Q&A');
    await page
      .frameLocator('iframe[title="Talk Notes highlight"]')
      .getByRole('radio', { name: 'Green' })
      .check();
    await expect
      .poll(
        async () =>
          (await readLibrary(session)).highlights.find((h) => h.text === 'Linus Torvalds Q&A')?.color,
      )
      .toBe('green');
    const library = await readLibrary(session);
    expect(library.highlights.map((h) => h.text).sort()).toEqual([
      'Linus Torvalds Q&A',
      'The TAO of Hashicorp',
    ]);
    await page.reload();
    await waitForContentScript(page);
    await expect
      .poll(() => drawnHighlights(page))
      .toEqual({ 'talk-notes-green': ['Linus Torvalds Q&A'], 'talk-notes-yellow': ['The TAO of Hashicorp'] });
    await page.close();
  });

  it('survives pages that patch Range and Selection, replace their body, or use shadow DOM', async () => {
    const html = `<!doctype html><html><head><title>Hostile scripts</title></head><body>
      <p id="p">${PROSE}</p><div id="host"></div>
      <script>
        // Page scripts that tamper with the APIs the extension uses.
        const realGetRangeAt = Selection.prototype.getRangeAt;
        Selection.prototype.getRangeAt = function (i) { window.__patched = (window.__patched || 0) + 1; return realGetRangeAt.call(this, i); };
        Range.prototype.toString = function () { return 'lies'; };
        document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = '<p>text in a shadow root</p>';
        setTimeout(() => { document.body.innerHTML = '<p id="p">' + ${JSON.stringify(PROSE)} + '</p>'; }, 50);
      </script></body></html>`;
    session.server.serve('hostile-scripts.html', html);
    const page = await session.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(session.server.url('hostile-scripts.html'));
    await waitForContentScript(page);
    // The page has replaced its body (its shadow host is gone) before the reader selects.
    await page.waitForFunction(() => !document.getElementById('host'));
    await clipFirst(page, 'security fixes without rebooting');
    await expect.poll(() => drawnHighlights(page)).toEqual({ 'talk-notes-yellow': ['lies'] });
    // Our isolated world kept the real Range: the stored text is the page's real text.
    const stored = (await readLibrary(session)).highlights.find((h) => h.text.includes('security fixes'));
    expect(stored?.text).toBe('security fixes without rebooting');
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each([
    [
      'an XML document',
      'feed.xml',
      '<?xml version="1.0"?><feed><title>Talks</title><entry>Kernel live patching</entry></feed>',
      'application/xml',
    ],
    [
      'an SVG document',
      'image.svg',
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text y="9">Talk</text></svg>',
      'image/svg+xml',
    ],
    ['a plain-text document', 'notes.txt', PROSE, 'text/plain; charset=utf-8'],
  ])('does not break %s', async (_label, path, body, type) => {
    session.server.serve(path, body, type);
    const page = await session.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(session.server.url(path));
    await waitForContentScript(page);
    await page.waitForTimeout(100);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('clips on a 10 MB page without freezing it', async () => {
    const paragraph = `<p>${'Conference notes about open source communities and their tooling. '.repeat(20)}</p>\n`;
    const big = `<!doctype html><html><head><title>Huge recap</title></head><body><h1>Huge recap</h1>
      <h2>A talk in the middle</h2><p>${PROSE}</p>${paragraph.repeat(Math.ceil(10_000_000 / paragraph.length))}</body></html>`;
    session.server.serve('huge.html', big);
    const page = await session.context.newPage();
    await page.goto(session.server.url('huge.html'));
    await waitForContentScript(page, 30_000);
    await clipFirst(page, 'apply security fixes');
    const stored = (await readLibrary(session)).highlights.find((h) => h.text === 'apply security fixes');
    expect(stored).toBeDefined();
    // The page stays responsive: a task queued now runs promptly.
    const delay = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const t = performance.now();
          setTimeout(() => resolve(performance.now() - t), 0);
        }),
    );
    expect(delay).toBeLessThan(1000);
    await page.close();
  }, 120_000);
  it('clips and saves on a page laid out with long whitespace runs between elements, and draws it again', async () => {
    // An old site's indented tables: thousands of spaces and newlines around the passage (#14, "2737").
    const run = `\n${' '.repeat(2736)}`;
    session.server.serve(
      'indented.html',
      `<!doctype html><html lang="ja"><head><title>Indented</title></head><body>${run}<table>${run}<tr>${run}<td>${run}
      <p>The passage between long runs of whitespace.</p>${run}</td>${run}</tr>${run}</table>${run}</body></html>`,
    );
    const page = await session.context.newPage();
    await page.goto(session.server.url('indented.html'));
    await waitForContentScript(page);
    await clipFirst(page, 'The passage between long runs of whitespace.');
    const stored = (await readLibrary(session)).highlights.find((h) =>
      h.text.startsWith('The passage between'),
    );
    expect(stored?.selectors[0]).toMatchObject({ type: 'TextQuoteSelector' });
    await page.reload();
    await waitForContentScript(page);
    await expect
      .poll(() => drawnHighlights(page))
      .toEqual({
        'talk-notes-yellow': ['The passage between long runs of whitespace.'],
      });
    await page.close();
  });

  it('finds highlights on an endless page: a clock that never stops changing, sessions loaded on scroll', async () => {
    const scrollUntil = async (page: Page, sessions: number) => {
      while (
        (await page.evaluate(() => (window as unknown as { sessionsLoaded: number }).sessionsLoaded)) <
        sessions
      ) {
        await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
        await page.waitForTimeout(20);
      }
    };
    const early = 'In session six, note one:';
    const late = 'In session three zero, note two:';
    const page = await session.openFixture('endless.html');
    const errors = collectPageErrors(page);
    await scrollUntil(page, 6);
    await clipFirst(page, early);
    // Far beyond any fixed number of retries: 30 sessions means 30 separate loads of new text.
    await scrollUntil(page, 30);
    await clipFirst(page, late);

    // Next visit: only the first sessions exist, and the clock changes the page every 100 ms,
    // so a plain debounce would never fire.
    await page.reload();
    await waitForContentScript(page);
    await page.waitForTimeout(1500);
    expect(
      await page.evaluate(() => (window as unknown as { sessionsLoaded: number }).sessionsLoaded),
    ).toBeLessThan(6);
    expect(await drawnHighlights(page)).toEqual({});
    await scrollUntil(page, 6);
    await expect
      .poll(() => drawnHighlights(page), { timeout: 10_000 })
      .toEqual({
        'talk-notes-yellow': [early],
      });
    await scrollUntil(page, 30);
    await expect
      .poll(() => drawnHighlights(page), { timeout: 15_000 })
      .toEqual({
        'talk-notes-yellow': [early, late].sort(),
      });
    // The page kept working: its clock still ticks and it still loads more on scroll.
    const ticks = await page.evaluate(() => (window as unknown as { ticks: number }).ticks);
    await scrollUntil(page, 32);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { ticks: number }).ticks))
      .toBeGreaterThan(ticks);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
  it('clips around frames and leaves all but same-origin ones alone: cross-origin, srcdoc and sandboxed', async () => {
    const frameBody = (label: string) =>
      `<!doctype html><html><body><p id="p">${label} frame text about reproducible builds.</p>
       <script>parent.postMessage({ ready: ${JSON.stringify(label)} }, '*');</script></body></html>`;
    session.server.serve('frame-inner.html', frameBody('inner'));
    const crossOrigin = session.server.url('frame-inner.html').replace('127.0.0.1', 'localhost');
    session.server.serve(
      'framed.html',
      `<!doctype html><html><head><title>Recap with embeds</title>
       <script>window.ready = []; addEventListener('message', (e) => e.data && e.data.ready && window.ready.push(e.data.ready));</script></head><body>
       <h1>Recap with embeds</h1><h2>A talk with slides</h2><p>${PROSE}</p>
       <iframe id="same" name="same" src="frame-inner.html"></iframe>
       <iframe id="cross" name="cross" src="${crossOrigin}"></iframe>
       <iframe id="srcdoc" name="srcdoc" srcdoc="${frameBody('srcdoc').replace(/"/g, '&quot;')}"></iframe>
       <iframe id="sandboxed" name="sandboxed" sandbox="allow-scripts" src="frame-inner.html"></iframe>
       </body></html>`,
    );
    const page = await session.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(session.server.url('framed.html'));
    await waitForContentScript(page);
    // Every frame loaded and ran its own script.
    await expect
      .poll(() => page.evaluate(() => [...(window as unknown as { ready: string[] }).ready].sort()), {
        timeout: 10_000,
      })
      .toEqual(['inner', 'inner', 'inner', 'srcdoc']);
    await clipFirst(page, PROSE);
    expect((await readLibrary(session)).highlights.map((h) => h.text)).toContain(PROSE);
    // The content script runs in the same-origin frame (tests/e2e/frames.e2e.test.ts clips there).
    await page
      .frame({ name: 'same' })!
      .waitForFunction(() => performance.getEntriesByName('talk-notes:ready').length > 0);
    // Nothing of ours inside any other frame: no script marks; no toolbar host anywhere; the text untouched.
    for (const frame of page.frames().filter((f) => f !== page.mainFrame())) {
      const inside = await frame.evaluate(() => ({
        marks: performance.getEntriesByName('talk-notes:ready').length,
        ours: document.querySelectorAll('talk-notes-toolbar, [data-talk-notes]').length,
        text: document.getElementById('p')?.textContent,
      }));
      expect(inside.marks).toBe(frame.name() === 'same' ? 1 : 0);
      expect(inside.ours).toBe(0);
      expect(inside.text).toMatch(/^(inner|srcdoc) frame text about reproducible builds\.$/);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
