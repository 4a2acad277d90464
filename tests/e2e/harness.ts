/**
 * End-to-end harness: the built extension in headless Chromium (playwright-core), fixture pages
 * on a local server, and the gestures later tests need (select a passage, open popup/dashboard).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { type FixtureServer, startFixtureServer } from './fixture-server';
import { EXTENSION_DIR } from './paths';

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  server: FixtureServer;
  /** The background service worker (restarts are handled: always the current one). */
  serviceWorker(): Promise<Worker>;
  /** Opens a fixture page and waits for the content script to be ready on it. */
  openFixture(path: string): Promise<Page>;
  /** Opens `popup.html?tab=<id of page>` in its own tab. */
  openPopup(page: Page): Promise<Page>;
  openDashboard(): Promise<Page>;
  /** The tab id Chrome gave to `page`. */
  tabIdOf(page: Page): Promise<number>;
  close(): Promise<void>;
}

export async function launchExtension(): Promise<ExtensionSession> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'talk-notes-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
    ],
  });
  const server = await startFixtureServer();
  const serviceWorker = async () =>
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL((await serviceWorker()).url()).host;
  const extensionPage = async (path: string) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/${path}`);
    return page;
  };

  const tabIdOf = async (page: Page) => {
    // The page's own tab is the active one once it is in front; the worker can see tab ids.
    await page.bringToFront();
    const worker = await serviceWorker();
    const id = await worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id;
    });
    if (id === undefined) throw new Error('no active tab found for the page');
    return id;
  };

  return {
    context,
    extensionId,
    server,
    serviceWorker,
    async openFixture(path) {
      const page = await context.newPage();
      await page.goto(server.url(path));
      await waitForContentScript(page);
      return page;
    },
    async openPopup(page) {
      const tabId = await tabIdOf(page);
      return extensionPage(`popup.html?tab=${tabId}`);
    },
    openDashboard: () => extensionPage('dashboard.html'),
    tabIdOf,
    async close() {
      await context.close();
      await server.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Waits for the content script's `talk-notes:ready` mark in the page. */
export async function waitForContentScript(page: Page, timeout = 10_000): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('talk-notes:ready').length > 0, null, {
    timeout,
  });
}

/**
 * Selects the `occurrence`-th match of `text` in the page's text, across element boundaries,
 * and returns the selected string. Whitespace in `text` matches any run of whitespace.
 */
export async function selectText(page: Page, text: string, occurrence = 0): Promise<string> {
  return page.evaluate(
    ({ text, occurrence }) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      let all = '';
      const starts: number[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push(n as Text);
        starts.push(all.length);
        all += n.nodeValue ?? '';
      }
      const pattern = new RegExp(
        text
          .trim()
          .split(/\s+/)
          .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('\\s+'),
        'g',
      );
      const matches = [...all.matchAll(pattern)];
      const match = matches[occurrence];
      if (!match || match.index === undefined) throw new Error(`text not found on the page: ${text}`);
      const locate = (offset: number, isEnd: boolean) => {
        for (let i = nodes.length - 1; i >= 0; i--) {
          const start = starts[i]!;
          if (isEnd ? start < offset : start <= offset) return { node: nodes[i]!, offset: offset - start };
        }
        throw new Error('offset outside the page text');
      };
      const start = locate(match.index, false);
      const end = locate(match.index + match[0].length, true);
      const range = document.createRange();
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
      const selection = getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return selection.toString();
    },
    { text, occurrence },
  );
}
