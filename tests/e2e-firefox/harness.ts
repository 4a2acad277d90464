/**
 * The Firefox add-on in a real headless Firefox (Debian's firefox-esr), driven over WebDriver BiDi
 * with puppeteer-core. What BiDi allows, and how this works around it:
 * - the add-on is installed temporarily with `webExtension.install` (puppeteer's installExtension);
 * - a fixed moz-extension:// UUID is set through the `extensions.webextensions.uuids` pref, so tests
 *   know the extension's origin;
 * - BiDi refuses to navigate to moz-extension:// pages unless Firefox runs with
 *   --remote-allow-system-access, and then never reports their load: `openExtensionPage` polls;
 * - the background page and extension frames inside web pages are not reachable; extension pages
 *   are (they have `browser`), and `runtime.getBackgroundPage()` reaches the background from them.
 */
import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { browser as WebExtensionBrowser } from 'wxt/browser';
import { type FixtureServer, startFixtureServer } from '../e2e/fixture-server';
import { drawnHighlightsInPage, readLibraryInPage } from '../e2e/in-page';
import { FIREFOX_EXTENSION_DIR } from '../e2e/paths';

export const GECKO_ID = 'talk-notes@talk-notes.dev';
const UUID = '6f1c0e3a-5b7d-4c2e-9a8f-0d1e2f3a4b5c';
export const EXTENSION_ORIGIN = `moz-extension://${UUID}`;

/** `FIREFOX`, else Debian's firefox-esr, else firefox. */
export function firefoxBinary(): string | undefined {
  return [process.env.FIREFOX, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find(
    (path): path is string => !!path && existsSync(path),
  );
}

export interface FirefoxSession {
  browser: Browser;
  server: FixtureServer;
  /** Uncaught errors of web pages and their content scripts, as "url: message". */
  pageErrors: string[];
  openFixture(path: string): Promise<Page>;
  openExtensionPage(path: string): Promise<Page>;
  /** The tab id Firefox gave to the tab showing `url` (asked from an extension page). */
  tabIdOf(url: string): Promise<number>;
  close(): Promise<void>;
}

export async function launchFirefox(): Promise<FirefoxSession> {
  const executablePath = firefoxBinary();
  if (!executablePath) throw new Error('no Firefox: run `node scripts/ensure-browsers.mjs`, or set FIREFOX');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }) },
  });
  let server: FixtureServer;
  try {
    await browser.installExtension(FIREFOX_EXTENSION_DIR);
    server = await startFixtureServer();
  } catch (error) {
    // No session to close later: the browser must not outlive this failed launch.
    await browser.close();
    throw error;
  }
  const pageErrors: string[] = [];
  const watch = (page: Page) => page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error}`));

  const openExtensionPage = async (path: string) => {
    const page = await browser.newPage();
    watch(page);
    const url = `${EXTENSION_ORIGIN}/${path}`;
    // The navigation happens; its load event never reaches puppeteer.
    page.goto(url, { timeout: 10_000 }).catch(() => {});
    await waitUntil(() =>
      page
        .evaluate((url) => location.href === url && document.readyState === 'complete', url)
        .catch(() => false),
    );
    return page;
  };

  return {
    browser,
    server,
    pageErrors,
    async openFixture(path) {
      const page = await browser.newPage();
      watch(page);
      await page.goto(server.url(path));
      await page.waitForFunction(() => performance.getEntriesByName('talk-notes:ready').length > 0, {
        timeout: 10_000,
      });
      return page;
    },
    openExtensionPage,
    async tabIdOf(url) {
      const page = await openExtensionPage('dashboard.html');
      // Without the tabs permission tab URLs are hidden: ask each tab's content script.
      const id = await page.evaluate(async (url) => {
        // Runs in the extension page, where `browser` is the WebExtension API.
        const { browser } = globalThis as unknown as { browser: typeof WebExtensionBrowser };
        for (const tab of await browser.tabs.query({})) {
          const reply: { ok: boolean; value: { url: string } } | undefined = await browser.tabs
            .sendMessage(tab.id!, { type: 'getContentStatus' })
            .catch(() => undefined);
          if (reply?.ok && reply.value.url === url) return tab.id;
        }
        return undefined;
      }, url);
      await page.close();
      if (id === undefined) throw new Error(`no tab shows ${url}`);
      return id;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

async function waitUntil(check: () => Promise<boolean>, timeout = 10_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The text of the shadow-root toolbar's button `name`, as a viewport point to click. */
export async function toolbarButton(page: Page, name: string): Promise<{ x: number; y: number }> {
  const handle = await page.waitForFunction(
    (name) => {
      const host = document.querySelector<HTMLElement>('talk-notes-toolbar');
      const button = [...(host?.shadowRoot?.querySelectorAll('button') ?? [])].find(
        (b) => b.textContent?.trim() === name,
      );
      // The toolbar takes clicks once it has been in place a moment and is visible (#14): not aria-disabled.
      if (!button || host?.style.display === 'none' || button.closest('[aria-disabled="true"]')) return null;
      const rect = button.getBoundingClientRect();
      return rect.width ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
    },
    { timeout: 5_000 },
    name,
  );
  return (await handle.jsonValue()) as { x: number; y: number };
}

/** Drags the mouse over the first occurrence of `text` in one text node, as a reader selects it. */
export async function dragSelect(page: Page, text: string): Promise<string> {
  const box = await page.evaluate((text) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.nodeValue?.indexOf(text) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      node.parentElement?.scrollIntoView({ block: 'center' });
      const rects = [...range.getClientRects()].filter((r) => r.width > 0);
      const first = rects[0]!;
      const last = rects[rects.length - 1]!;
      return {
        start: { x: first.left + 1, y: first.top + first.height / 2 },
        end: { x: last.right - 1, y: last.top + last.height / 2 },
      };
    }
    throw new Error(`text not found in one text node: ${text}`);
  }, text);
  await page.mouse.move(box.start.x, box.start.y);
  await page.mouse.down();
  await page.mouse.move(box.end.x, box.end.y, { steps: 8 });
  await page.mouse.up();
  return page.evaluate(() => getSelection()!.toString());
}

/** What the page's `CSS.highlights` registry holds under our names: text per colour. */
export function drawnHighlights(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(drawnHighlightsInPage);
}

/** The stored highlights, read from an extension page with raw IndexedDB (no app code). */
export async function storedHighlights(
  session: FirefoxSession,
): Promise<{ text: string; talkId: string | null; anchorStatus: string }[]> {
  const page = await session.openExtensionPage('dashboard.html');
  const rows = (await page.evaluate(readLibraryInPage)).highlights;
  await page.close();
  return rows as { text: string; talkId: string | null; anchorStatus: string }[];
}

/** The part of puppeteer's WebDriver BiDi connection used to reach the browser's own windows. */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

/**
 * Evaluates `expression` (an async function body's value) in Firefox's own browser window, with its
 * privileges: Firefox allows it over BiDi when started with --remote-allow-system-access (`moz:scope`).
 * Tests use it only for what a reader does in the browser's UI and a page cannot reach: the
 * add-on's permission prompt.
 */
async function inBrowserWindow(session: FirefoxSession, expression: string): Promise<unknown> {
  const { connection } = session.browser as unknown as { connection: BidiConnection };
  const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
  const [window] = tree.result.contexts as { context: string }[];
  if (!window) throw new Error('no browser window reachable over BiDi');
  const { result } = await connection.send('script.evaluate', {
    expression,
    target: { context: window.context },
    awaitPromise: true,
    resultOwnership: 'none',
  });
  if (result.type === 'exception') throw new Error(`in the browser window: ${JSON.stringify(result)}`);
  return (result.result as { value?: unknown }).value;
}

/**
 * The origins the add-on's permission prompts now open in any tab ask for (Firefox's
 * `addon-webext-permissions` doorhanger, shown by `permissions.request`).
 */
export async function permissionPrompts(session: FirefoxSession): Promise<string[]> {
  const value = await inBrowserWindow(
    session,
    `(() => {
      const asked = [];
      for (const win of Services.wm.getEnumerator('navigator:browser'))
        for (const tab of win.gBrowser.browsers) {
          const prompt = win.PopupNotifications.getNotification('addon-webext-permissions', tab);
          if (prompt) asked.push(...prompt.options.customElementOptions.strings.msgs);
        }
      return JSON.stringify(asked);
    })()`,
  );
  return JSON.parse(String(value)) as string[];
}

/**
 * Answers the add-on's open permission prompt as its buttons do (the button's action, then the
 * prompt is removed): `allow` or `cancel`. Throws when no prompt is open.
 */
export async function answerPermissionPrompt(
  session: FirefoxSession,
  answer: 'allow' | 'cancel',
): Promise<void> {
  const answered = await inBrowserWindow(
    session,
    `(() => {
      for (const win of Services.wm.getEnumerator('navigator:browser'))
        for (const tab of win.gBrowser.browsers) {
          const prompt = win.PopupNotifications.getNotification('addon-webext-permissions', tab);
          if (!prompt) continue;
          const action = ${answer === 'allow' ? 'prompt.mainAction' : 'prompt.secondaryActions[0]'};
          action.callback();
          prompt.remove();
          return true;
        }
      return false;
    })()`,
  );
  if (answered !== true) throw new Error('no permission prompt of the add-on is open');
}
