/**
 * End-to-end harness: the built extension in headless Chromium (playwright-core), fixture pages
 * on a local server, and the gestures later tests need (select a passage, open popup/dashboard).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { type FixtureServer, startFixtureServer } from './fixture-server';
import { drawnHighlightsInPage, readLibraryInPage } from './in-page';
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

export interface LaunchOptions {
  /** An unpacked build other than the default one (e.g. a test-only variant). */
  extensionDir?: string;
  /** The time zone the browser's pages run in (IANA name), e.g. a reader far from the author. */
  timezoneId?: string;
  /**
   * Host names the browser resolves to 127.0.0.1 (`--host-resolver-rules`), e.g. `*.example.test`: pages
   * of several sites, all served by the fixture server. Nothing resolves to any other address.
   */
  localHosts?: string[];
  /**
   * Optional host permissions the reader has already granted in this profile (match patterns, e.g.
   * `http://127.0.0.1/*`). Headless Chromium cannot answer the browser's permission prompt (it stays
   * open, unanswered), so the grant is written into the profile as Chromium keeps it: the browser is
   * started once, closed, and started again with it. The extension's own request then finds the origin
   * granted and asks nothing, as for a reader who allowed it before.
   */
  grantedOrigins?: string[];
}

/** Writes `origins` into the profile's granted and active host permissions of the extension `id`. */
async function grantInProfile(userDataDir: string, id: string, origins: readonly string[]): Promise<void> {
  const file = join(userDataDir, 'Default', 'Preferences');
  const preferences = JSON.parse(await readFile(file, 'utf8'));
  const settings = preferences.extensions?.settings?.[id];
  if (!settings) throw new Error(`no settings of extension ${id} in the profile`);
  for (const key of ['granted_permissions', 'active_permissions']) {
    settings[key] ??= {};
    settings[key].explicit_host = [...new Set([...(settings[key].explicit_host ?? []), ...origins])];
  }
  await writeFile(file, JSON.stringify(preferences));
}

export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const userDataDir = await mkdtemp(join(tmpdir(), 'talk-notes-e2e-'));
  const launch = () =>
    chromium.launchPersistentContext(userDataDir, {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        ...(options.localHosts?.length
          ? [`--host-resolver-rules=${options.localHosts.map((host) => `MAP ${host} 127.0.0.1`).join(', ')}`]
          : []),
      ],
    });
  let context = await launch();
  if (options.grantedOrigins?.length) {
    try {
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      const id = new URL(worker.url()).host;
      await context.close();
      await grantInProfile(userDataDir, id, options.grantedOrigins);
      context = await launch();
    } catch (error) {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
      throw error;
    }
  }
  const serviceWorker = async () =>
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  let server: FixtureServer | undefined;
  let extensionId: string;
  try {
    server = await startFixtureServer();
    extensionId = new URL((await serviceWorker()).url()).host;
  } catch (error) {
    // No session to close later: the browser and server must not outlive this failed launch.
    await context.close();
    await server?.close();
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
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

/**
 * Selects `text` as a person does: presses the mouse before its first character and drags past
 * its last. Returns the selected string.
 */
export async function dragSelect(page: Page, text: string, occurrence = 0): Promise<string> {
  await selectText(page, text, occurrence);
  const box = await page.evaluate(() => {
    const range = getSelection()!.getRangeAt(0);
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const rects = [...range.getClientRects()].filter((r) => r.width > 0);
    const first = rects[0]!;
    const last = rects[rects.length - 1]!;
    getSelection()!.removeAllRanges();
    return {
      start: { x: first.left + 1, y: first.top + first.height / 2 },
      end: { x: last.right - 1, y: last.top + last.height / 2 },
    };
  });
  await page.mouse.move(box.start.x, box.start.y);
  await page.mouse.down();
  await page.mouse.move((box.start.x + box.end.x) / 2, (box.start.y + box.end.y) / 2, { steps: 4 });
  await page.mouse.move(box.end.x, box.end.y, { steps: 4 });
  await page.mouse.up();
  return page.evaluate(() => getSelection()!.toString());
}

/** What the page's `CSS.highlights` registry holds under our `talk-notes-*` names: text per colour. */
export function drawnHighlights(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(drawnHighlightsInPage);
}

/** The `talk-notes:anchored` performance marks of the page, oldest first. */
export async function anchoredMarks(
  page: Page,
): Promise<{ anchored: number; fuzzy: number; orphaned: number; durationMs: number }[]> {
  return page.evaluate(() =>
    performance.getEntriesByName('talk-notes:anchored').map(
      (e) =>
        (e as PerformanceMark).detail as {
          anchored: number;
          fuzzy: number;
          orphaned: number;
          durationMs: number;
        },
    ),
  );
}

export interface StoredLibrary {
  pages: Record<string, unknown>[];
  talks: { id: string; title: string; speakers: string[]; pageId: string }[];
  highlights: {
    id: string;
    text: string;
    talkId: string | null;
    color: string;
    note: string;
    tags: string[];
    markdown: string;
    textFragment?: string;
    anchorStatus: string;
    selectors: { type: string }[];
  }[];
}

/** Reads the extension's `talk-notes` database from one of its pages (raw IndexedDB, no app code). */
export async function readLibrary(session: ExtensionSession): Promise<StoredLibrary> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/dashboard.html`);
  const library = await page.evaluate(readLibraryInPage);
  await page.close();
  return library as StoredLibrary;
}

/** Clicks the middle of the drawn highlight whose text is `text` (any colour), as a reader does. */
export async function clickDrawnHighlight(page: Page, text: string): Promise<void> {
  const point = await page.evaluate((text) => {
    let target: Range | undefined;
    CSS.highlights.forEach((highlight, name) => {
      if (!name.startsWith('talk-notes')) return;
      for (const r of highlight) if ((r as Range).toString() === text) target = r as Range;
    });
    if (!target) throw new Error(`no drawn highlight reads: ${text}`);
    target.startContainer.parentElement!.scrollIntoView({ block: 'center' });
    // The middle of its first line box: a passage over two lines has unhighlighted text in its bounding box.
    const rect = [...target.getClientRects()].find((r) => r.width > 0) ?? target.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }, text);
  await page.mouse.click(point.x, point.y);
}

/** Empties every store of the extension's database, from one of its pages (raw IndexedDB, no app code). */
export async function clearLibrary(extensionPage: Page): Promise<void> {
  await extensionPage.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('talk-notes');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const stores = [...db.objectStoreNames];
    const tx = db.transaction(stores, 'readwrite');
    for (const store of stores) tx.objectStore(store).clear();
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  });
}
