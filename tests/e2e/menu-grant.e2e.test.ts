/**
 * #14, finding 2: the in-page menu frame acts on a highlight only with the grant its content script
 * handed to it. A hostile page (on 127.0.0.1) that frames highlight-menu.html itself, with a real
 * highlight's id in the address and a forged, an old or another frame's live grant, gets a menu that
 * shows nothing, and a real click where Delete would be deletes nothing. The page cannot read any id or
 * grant from the address of a real menu.
 */
import type { FrameLocator, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clickDrawnHighlight,
  dragSelect,
  type ExtensionSession,
  launchExtension,
  readLibrary,
} from './harness';

const PASSAGE = 'Linus Torvalds Q&A';
const MENU = 'iframe[title="Talk Notes highlight"]';

declare const seenGrants: string[];

/** Grants the menu frames send to the background, as an attacker holding the browser could see them. */
async function recordGrants(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const seen: string[] = [];
    Object.assign(globalThis, { seenGrants: seen });
    chrome.runtime.onMessage.addListener((message: { grant?: unknown }) => {
      if (typeof message?.grant === 'string' && !seen.includes(message.grant)) seen.push(message.grant);
    });
  });
}

/** Frames `src` in the page (as the page's own script would) and posts `grant` to it once it loaded. */
async function frameAsThePage(page: Page, name: string, src: string, grant: string): Promise<FrameLocator> {
  await page.evaluate(
    ({ name, src, grant }) =>
      new Promise<void>((resolve) => {
        const frame = document.createElement('iframe');
        frame.id = name;
        frame.src = src;
        frame.setAttribute('style', 'position:fixed;top:0;left:0;width:320px;height:320px;border:0');
        frame.addEventListener(
          'load',
          () => {
            frame.contentWindow!.postMessage({ type: 'talk-notes:menu-grant', grant, focus: 'menu' }, '*');
            resolve();
          },
          { once: true },
        );
        document.body.append(frame);
      }),
    { name, src, grant },
  );
  return page.frameLocator(`#${name}`);
}

/**
 * What a page-made menu frame came to: `refused` once the background refused its grant, `menu` if it
 * showed a Delete button (then clicked for real, as a lured reader would).
 */
async function attack(page: Page, name: string, frame: FrameLocator): Promise<'refused' | 'menu'> {
  const deleteButton = frame.getByRole('button', { name: 'Delete highlight' });
  const outcome = await Promise.race([
    frame
      .locator('html[data-grant="refused"]')
      .waitFor({ state: 'attached' })
      .then(() => 'refused' as const),
    deleteButton.waitFor().then(() => 'menu' as const),
  ]);
  if (outcome === 'menu') await deleteButton.click();
  else {
    // A real click in the middle of the frame, where the menu's buttons would be.
    const box = (await page.locator(`#${name}`).boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height * 0.75);
    expect(await deleteButton.count()).toBe(0);
  }
  return outcome;
}

describe('the in-page menu frame and its grant, in Chromium', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows a page-made menu frame nothing and lets it delete nothing, with a forged, an old or a live grant', async () => {
    const page = await session.openFixture('conference-h2.html');
    await dragSelect(page, PASSAGE);
    await page.getByRole('button', { name: 'Highlight', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const stored = (await readLibrary(session)).highlights.find((h) => h.text === PASSAGE)!;
    await recordGrants(await session.serviceWorker());

    // The reader opens the menu: it works, and its frame's address tells the page nothing.
    await clickDrawnHighlight(page, PASSAGE);
    await page.frameLocator(MENU).getByRole('textbox', { name: 'Note' }).fill('mine');
    await expect
      .poll(async () => (await readLibrary(session)).highlights.find((h) => h.id === stored.id)?.note)
      .toBe('mine');
    const seenByPage = await page.evaluate((selector) => {
      const frame = document.querySelector<HTMLIFrameElement>(selector)!;
      return { src: frame.src, markup: frame.parentElement!.outerHTML };
    }, MENU);
    const src = new URL(seenByPage.src);
    const [oldGrant] = await (await session.serviceWorker()).evaluate(() => seenGrants);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator(MENU).count()).toBe(0);

    // The strongest attacker: the page frames the menu by its real address (which it read above), with
    // the highlight's id where main put it, and posts grants it should not have.
    const target = `${src.protocol}//${src.host}${src.pathname}?id=${encodeURIComponent(stored.id)}&focus=menu`;
    const forged = `0.${'A'.repeat(43)}`;
    const forgedOutcome = await attack(page, 'forged', await frameAsThePage(page, 'forged', target, forged));
    // (On main the frame showed the menu from its address, and the real click deleted the highlight.)
    expect((await readLibrary(session)).highlights.map((h) => h.id)).toContain(stored.id);
    expect(forgedOutcome).toBe('refused');

    // What the page read of the reader's menu: an address without an id or a grant.
    expect(src.search + src.hash).toBe('');
    expect(src.pathname).toBe('/highlight-menu.html');
    expect(seenByPage.markup).not.toContain(stored.id);
    expect(oldGrant).toMatch(/^\d+\.[\w-]{43}$/);
    expect(seenByPage.markup).not.toContain(oldGrant!.split('.')[1]);

    // The grant of a menu that was closed is worth nothing.
    expect(await attack(page, 'old', await frameAsThePage(page, 'old', target, oldGrant!))).toBe('refused');

    // A live grant, already used by the reader's menu, is worth nothing to another frame.
    await clickDrawnHighlight(page, PASSAGE);
    await page.frameLocator(MENU).getByRole('textbox', { name: 'Note' }).waitFor();
    const grants = await (await session.serviceWorker()).evaluate(() => seenGrants);
    const liveGrant = grants.at(-1)!;
    expect(liveGrant).not.toBe(oldGrant);
    expect(await attack(page, 'live', await frameAsThePage(page, 'live', target, liveGrant))).toBe('refused');
    // The reader's own menu still works.
    await page.frameLocator(MENU).getByRole('radio', { name: 'Green' }).check();
    await expect
      .poll(async () => (await readLibrary(session)).highlights.find((h) => h.id === stored.id)?.color)
      .toBe('green');

    const after = (await readLibrary(session)).highlights.find((h) => h.id === stored.id);
    expect(after).toMatchObject({ id: stored.id, text: PASSAGE, note: 'mine' });
    await page.close();
  });

  it('changes nothing on a click in the reader’s own menu while the page fades or covers it, and does once it shows', async () => {
    const page = await session.openFixture('conference-h3.html');
    // A fresh highlight of this page, made as a reader makes one.
    await dragSelect(page, 'Trolling != Enforcement');
    await page.getByRole('button', { name: 'Highlight', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const stored = (await readLibrary(session)).highlights.find((h) => h.text === 'Trolling != Enforcement')!;
    expect(stored).toBeDefined();

    /** Opens the menu, lets the page do `tamper` to it, clicks Delete for real once it is enabled. */
    const clickDeleteWhile = async (tamper: 'fade' | 'cover' | 'none') => {
      await clickDrawnHighlight(page, 'Trolling != Enforcement');
      const frame = page.frameLocator(MENU);
      const remove = frame.getByRole('button', { name: 'Delete highlight' });
      await expect.poll(() => remove.isEnabled(), { timeout: 10_000 }).toBe(true);
      const box = (await remove.boundingBox())!;
      await page.evaluate(
        ({ selector, tamper }) => {
          const menu = document.querySelector<HTMLIFrameElement>(selector)!;
          if (tamper === 'fade') menu.parentElement!.style.opacity = '0.05';
          if (tamper === 'cover') {
            // The page's bait, drawn over our menu; clicks go through it to the menu underneath.
            const bait = document.createElement('div');
            bait.id = 'bait';
            const r = menu.getBoundingClientRect();
            bait.setAttribute(
              'style',
              `position:fixed;left:${r.left}px;top:${r.top}px;width:${r.width}px;height:${r.height}px;background:#fc0;z-index:2147483647;pointer-events:none`,
            );
            bait.textContent = 'Click to claim your prize';
            document.body.append(bait);
          }
        },
        { selector: MENU, tamper },
      );
      // The browser's own verdict, as the page can ask for it too: wait until it calls the menu covered
      // (our observer, set up when the menu opened, hears it in the same rendering step).
      if (tamper === 'cover') {
        await page.evaluate(
          (selector) =>
            new Promise<void>((resolve) => {
              const observer = new IntersectionObserver(
                (entries) => {
                  const last = entries.at(-1) as IntersectionObserverEntry & { isVisible?: boolean };
                  if (last.isVisible === false) {
                    observer.disconnect();
                    resolve();
                  }
                },
                { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
              );
              observer.observe(document.querySelector(selector)!);
            }),
          MENU,
        );
      }
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      return frame;
    };

    for (const tamper of ['fade', 'cover'] as const) {
      const frame = await clickDeleteWhile(tamper);
      await frame.getByRole('alert').filter({ hasText: 'covered, faded or had only just opened' }).waitFor();
      expect((await readLibrary(session)).highlights.map((h) => h.id)).toContain(stored.id);
      await page.evaluate(() => document.getElementById('bait')?.remove());
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator(MENU).count()).toBe(0);
    }

    // Left alone, the same click deletes.
    const frame = await clickDeleteWhile('none');
    await frame.getByRole('status').filter({ hasText: 'Highlight deleted.' }).waitFor();
    await expect
      .poll(async () => (await readLibrary(session)).highlights.map((h) => h.id))
      .not.toContain(stored.id);
    await page.close();
  });
});
