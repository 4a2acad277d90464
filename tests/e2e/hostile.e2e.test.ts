/**
 * Clipped content is untrusted: a page full of script payloads is clipped, then shown in the popup,
 * the dashboard and an export. Nothing may execute anywhere (no flag set, no dialog opened).
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scriptStartedEventName } from '@/page/script-started-guard';
import {
  clickDrawnHighlight,
  dragSelect,
  type ExtensionSession,
  launchExtension,
  readLibrary,
} from './harness';

const HOSTILE = `<!doctype html><html lang="en"><head>
<title>Recap &lt;img src=x onerror="window.__pwned=1;alert(1)"&gt; day 2</title>
<meta property="og:site_name" content="&quot;&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt;">
<meta name="author" content="&lt;svg onload=alert(1)&gt;">
</head><body><article>
<h1>Recap &lt;img src=x onerror=alert(1)&gt; day 2</h1>
<h2>&lt;script&gt;window.__pwned=1&lt;/script&gt; Keynote</h2>
<p id="payload">Start of the clip: read <a href="javascript:window.__pwned=1;alert(1)">this link</a> and
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="&lt;img src=y onerror=alert(1)&gt;"> then
&lt;/textarea&gt;&lt;img src=x onerror="window.__pwned=1;alert(1)"&gt; # not a heading [[embed]] end of the clip.</p>
</article></body></html>`;

const NOTE = '<img src=x onerror="window.__pwned=1;alert(1)"> [x](javascript:alert(1))';

describe('hostile content in Chromium', () => {
  let session: ExtensionSession;
  const dialogs: string[] = [];
  const watched: Page[] = [];
  const watch = (page: Page) => {
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    watched.push(page);
    return page;
  };
  const pwned = async () =>
    Promise.all(
      watched
        .filter((p) => !p.isClosed())
        .map((p) =>
          p.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? 0).catch(() => 0),
        ),
    );

  beforeAll(async () => {
    session = await launchExtension();
    session.context.on('page', watch);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('clips a hostile page and shows it in the popup, the dashboard and an export without running anything', async () => {
    session.server.serve('hostile.html', HOSTILE);
    const page = await session.context.newPage();
    await page.goto(session.server.url('hostile.html'));
    await dragSelect(page, 'Start of the clip: read this link and');
    await page.getByRole('button', { name: 'Highlight', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await dragSelect(page, '</textarea><img src=x onerror="window.__pwned=1;alert(1)"> # not a heading');
    await page.getByRole('button', { name: 'Highlight', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();

    // A hostile note and tag, typed through the in-page menu.
    await clickDrawnHighlight(page, 'Start of the clip: read this link and');
    const menu = page.frameLocator('iframe[title="Talk Notes highlight"]');
    await menu.getByRole('textbox', { name: 'Note' }).fill(NOTE);
    await menu.getByRole('combobox', { name: 'Add tags' }).fill('<script>alert(1)</script>');
    await menu.getByRole('combobox', { name: 'Add tags' }).press('Enter');
    await expect
      .poll(async () => (await readLibrary(session)).highlights.find((h) => h.note === NOTE)?.tags)
      .toEqual(['<script>alert(1)</script>']);

    const stored = await readLibrary(session);
    const clip = stored.highlights.find((h) => h.text.startsWith('</textarea>'))!;
    expect(clip.text).toBe('</textarea><img src=x onerror="window.__pwned=1;alert(1)"> # not a heading');
    // The stored Markdown keeps it as text: no tag, no heading.
    expect(clip.markdown).not.toMatch(/(^|[^\\])<img/);
    const linked = stored.highlights.find((h) => h.note === NOTE)!;
    expect(linked.markdown).not.toContain('javascript:');

    const popup = await session.openPopup(page);
    await popup.getByText('Start of the clip', { exact: false }).first().waitFor();
    // Page-derived strings appear as text.
    expect(await popup.getByText('<script>alert(1)</script>').count()).toBeGreaterThan(0);
    // No element came from page text (the popup's own module scripts have a src).
    expect(await popup.locator('img, svg, iframe, script:not([src])').count()).toBe(0);

    const dashboard = await session.openDashboard();
    await dashboard.getByText('Start of the clip', { exact: false }).first().waitFor();
    await dashboard.getByRole('searchbox', { name: 'Search' }).fill('onerror');
    await expect.poll(() => dashboard.locator('mark').count()).toBeGreaterThan(0);
    expect(await dashboard.locator('img, svg, iframe, script:not([src])').count()).toBe(0);
    await dashboard.getByRole('searchbox', { name: 'Search' }).fill('');
    const downloading = dashboard.waitForEvent('download');
    await dashboard.getByRole('button', { name: 'Export Markdown' }).click();
    const markdown = await readFile((await (await downloading).path())!, 'utf8');
    expect(markdown).not.toContain('javascript:');
    expect(markdown).not.toMatch(/(^|[^\\`])<(img|script|svg)/m);
    expect(markdown).not.toMatch(/^# not a heading/m);
    expect(markdown).not.toMatch(/(^|[^\\])\[\[embed\]\]/);

    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(await pwned()).toEqual(watched.filter((p) => !p.isClosed()).map(() => 0));
    await dashboard.close();
    await popup.close();
    await page.close();
  });

  it('gives page scripts no way to clip, open a note, close the menu or message the extension', async () => {
    const page = await session.openFixture('conference-h3.html');
    const before = (await readLibrary(session)).highlights.length;
    // A real selection shows the toolbar; then the page's own script clicks its buttons.
    await dragSelect(page, 'Kernel live patching');
    await page.getByRole('button', { name: 'Highlight', exact: true }).waitFor();
    await page.evaluate(() => {
      const root = document.querySelector('talk-notes-toolbar')!.shadowRoot!;
      for (const button of root.querySelectorAll('button')) button.click();
      root.querySelector('button')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    });
    await page.waitForTimeout(300);
    expect((await readLibrary(session)).highlights).toHaveLength(before);
    expect(
      await page.evaluate(
        () =>
          typeof (window as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime
            ?.sendMessage,
      ),
    ).toBe('undefined');

    // The person clips; a synthetic click on the drawn passage opens nothing, a real one does.
    await page.getByRole('button', { name: 'Highlight', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await page.evaluate(() => {
      const heading = [...document.querySelectorAll('h3')].find(
        (h) => h.textContent === 'Kernel live patching',
      )!;
      const rect = heading.getBoundingClientRect();
      heading.dispatchEvent(
        new MouseEvent('click', {
          bubbles: true,
          clientX: rect.left + 20,
          clientY: rect.top + rect.height / 2,
        }),
      );
    });
    await page.waitForTimeout(200);
    expect(await page.locator('iframe[title="Talk Notes highlight"]').count()).toBe(0);
    await clickDrawnHighlight(page, 'Kernel live patching');
    await page
      .frameLocator('iframe[title="Talk Notes highlight"]')
      .getByRole('textbox', { name: 'Note' })
      .waitFor();
    // Only the menu's own frame can close it.
    await page.evaluate(() => window.postMessage('talk-notes:close-menu', '*'));
    await page.waitForTimeout(200);
    expect(await page.locator('iframe[title="Talk Notes highlight"]').count()).toBe(1);
    await page.close();
  });
  it('tells the page nothing about the extension, and a page cannot switch it off', async () => {
    // The page records every window message from its first script on.
    await session.context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { seenMessages: string[] }).seenMessages = seen;
      addEventListener('message', (e) => seen.push(JSON.stringify(e.data)));
    });
    const page = await session.openFixture('conference-h4.html');
    await page.waitForTimeout(300);
    const seen = await page.evaluate(() => (window as unknown as { seenMessages: string[] }).seenMessages);
    expect(seen.filter((m) => m.includes(session.extensionId) || /wxt|talk-notes/i.test(m))).toEqual([]);

    // Even knowing the id (a published extension's id is public), the page cannot make the content
    // script believe a newer copy started (which would make it stop).
    // The event name as the unit test checks it against WXT's own ContentScriptContext.
    const events = ['content', 'content-runtime'].map((name) => ({
      name,
      type: scriptStartedEventName(session.extensionId, name),
    }));
    await page.evaluate((events) => {
      for (const { name, type } of events) {
        document.dispatchEvent(
          new CustomEvent(type, { detail: { contentScriptName: name, messageId: 'page' } }),
        );
      }
    }, events);
    await dragSelect(page, 'Nobody puts Java in a container');
    await page.getByRole('button', { name: 'Highlight', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    expect((await readLibrary(session)).highlights.map((h) => h.text)).toContain(
      'Nobody puts Java in a container',
    );
    await page.close();
  });

  it('lets no page load its files by the published id: the menu frame and the runtime come from the session id', async () => {
    const page = await session.openFixture('conference-h2.html');
    const probe = (url: string) =>
      page.evaluate(
        (url) =>
          new Promise<string>((resolve) => {
            const script = document.createElement('script');
            script.onload = () => resolve('loaded');
            script.onerror = () => resolve('refused');
            script.src = url;
            document.head.append(script);
          }),
        url,
      );
    // Any page can try the published id: with use_dynamic_url the files are not there.
    expect(await probe(`chrome-extension://${session.extensionId}/content-runtime.js`)).toBe('refused');
    expect(await probe(`chrome-extension://${session.extensionId}/post-identity.js`)).toBe('refused');
    // The content script is web-accessible too (the frame loader imports it), under the session id alone.
    expect(await probe(`chrome-extension://${session.extensionId}/content-scripts/content.js`)).toBe(
      'refused',
    );
    // Talk Notes itself still loads both: the runtime (a clip) and the menu frame, where a note is kept.
    await dragSelect(page, 'The TAO of Hashicorp');
    await page.getByRole('button', { name: 'Highlight', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await clickDrawnHighlight(page, 'The TAO of Hashicorp');
    const src = await page.locator('iframe[title="Talk Notes highlight"]').getAttribute('src');
    expect(new URL(src!).protocol).toBe('chrome-extension:');
    expect(new URL(src!).host).not.toBe(session.extensionId);
    const menu = page.frameLocator('iframe[title="Talk Notes highlight"]');
    await menu.getByRole('textbox', { name: 'Note' }).fill('kept through the session id');
    await expect
      .poll(
        async () =>
          (await readLibrary(session)).highlights.find((h) => h.text === 'The TAO of Hashicorp')?.note,
      )
      .toBe('kept through the session id');
    await page.close();
  });

  it('clips a passage with images and media without running their handlers or requesting them again', async () => {
    session.server.serve('counting.html', COUNTING);
    session.server.serve('pixel.svg', PIXEL, 'image/svg+xml');
    const page = await session.context.newPage();
    await page.goto(session.server.url('counting.html'));
    // The page's own loads: each handler has run once, each resource been asked for once.
    await page.waitForFunction(() => {
      const { calls } = window as unknown as { calls: Record<string, number> };
      return calls.onerror === 1 && calls.onload === 1 && calls.media === 2;
    });
    const requests = () => Object.fromEntries(COUNTED.map((path) => [path, session.server.requests(path)]));
    const calls = () => page.evaluate(() => ({ ...(window as unknown as { calls: object }).calls }));
    expect(Object.values(requests()).every((n) => n >= 1)).toBe(true);
    const before = { calls: await calls(), requests: requests() };

    /**
     * Clips `text`, then waits for what the clip would have set off: a request the page makes after the
     * clip reaches the server after any the clip made, and handlers of failed loads run a moment later.
     */
    const clip = async (text: string, sentinel: string) => {
      await dragSelect(page, text);
      await page.getByRole('button', { name: 'Highlight', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
      await page.evaluate((path) => fetch(path), `/${sentinel}`);
      await expect.poll(() => session.server.requests(sentinel)).toBe(1);
      await page.waitForTimeout(500);
    };
    // A passage away from the elements: the page is analysed (Readability reads all of it), not converted.
    await clip('Another paragraph, without images.', 'after-the-analysis');
    expect({ calls: await calls(), requests: requests() }).toEqual(before);
    // The passage with the elements: converted to Markdown as well.
    await clip(COUNTED_PASSAGE, 'after-the-clip');
    expect({ calls: await calls(), requests: requests() }).toEqual(before);
    const stored = (await readLibrary(session)).highlights.find((h) =>
      h.text.startsWith('Start of the counted'),
    );
    expect(stored?.markdown).toMatch(/^Start of the counted passage, an image that fails, one that loads/);
    await page.close();
  });
});

/** The passage of COUNTING that is clipped, as the page shows it. */
const COUNTED_PASSAGE =
  'Start of the counted passage, an image that fails, one that loads, one from a srcset, a picture, a video, a sound: the end of the counted passage.';
/** What the passage's elements ask the server for. */
const COUNTED = [
  'gone.png',
  'pixel.svg',
  'gone-srcset.png',
  'gone-source.png',
  'gone-poster.png',
  'gone.mp4',
  'gone.mp3',
];
const PIXEL =
  '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><rect width="1" height="1"/></svg>';

/**
 * A page whose elements count what they do: inline handlers add to `calls` in the page, and the test
 * server counts the requests (#14: a clip used to clone these in the page, so they ran and loaded again).
 */
const COUNTING = `<!doctype html><html lang="en"><head><title>A write-up with counting handlers</title>
<script>window.calls = { onerror: 0, onload: 0, media: 0 };</script>
</head><body><article>
<h1>A write-up with counting handlers</h1>
<p>Start of the counted passage, an image that fails<img src="/gone.png" onerror="calls.onerror++" alt="">,
one that loads<img src="/pixel.svg" onload="calls.onload++" alt="">,
one from a srcset<img srcset="/gone-srcset.png 1x" alt="">,
a picture<picture><source srcset="/gone-source.png"><img alt=""></picture>,
a video<video poster="/gone-poster.png" src="/gone.mp4" preload="auto" onerror="calls.media++"></video>,
a sound<audio src="/gone.mp3" preload="auto" onerror="calls.media++"></audio>: the end of the counted passage.</p>
<p>Another paragraph, without images.</p>
</article></body></html>`;
