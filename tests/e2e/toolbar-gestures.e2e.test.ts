/**
 * #14, finding 5: the selection toolbar answers a person only. A page that selects its own text and
 * dispatches a synthetic mouseup gets no toolbar (and twenty thousand of them cost nothing); a toolbar
 * the page faded or covered, or one that appeared a moment ago, does not save on a real click.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_VISIBLE, TOO_SOON } from '@/page/toolbar-ui';
import { dragSelect, type ExtensionSession, launchExtension, readLibrary, selectText } from './harness';

/** Whether the toolbar shows within `timeout` ms. */
const toolbarShows = (page: Page, timeout: number) =>
  page
    .waitForFunction(
      () => {
        const host = document.querySelector<HTMLElement>('talk-notes-toolbar');
        return !!host && host.style.display !== 'none' && host.getBoundingClientRect().height > 0;
      },
      null,
      { timeout },
    )
    .then(
      () => true,
      () => false,
    );

/** The centre of the toolbar's Highlight button, once the toolbar is in place (armed or not). */
async function highlightButton(page: Page): Promise<{ x: number; y: number }> {
  const handle = await page.waitForFunction(() => {
    const host = document.querySelector<HTMLElement>('talk-notes-toolbar');
    const button = [...(host?.shadowRoot?.querySelectorAll('button') ?? [])].find(
      (b) => b.textContent === 'Highlight',
    );
    if (!host || host.style.display === 'none' || !button) return null;
    const rect = button.getBoundingClientRect();
    return rect.width ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
  });
  return (await handle.jsonValue()) as { x: number; y: number };
}

/** The toolbar's status once it says anything other than `previous`. */
async function nextStatus(page: Page, previous = ''): Promise<string> {
  const handle = await page.waitForFunction((previous) => {
    const status = document
      .querySelector('talk-notes-toolbar')
      ?.shadowRoot?.querySelector('[role="status"]')?.textContent;
    return status && status !== previous ? status : null;
  }, previous);
  return (await handle.jsonValue()) as string;
}

const disarmed = (page: Page, timeout: number) =>
  page
    .waitForFunction(
      () =>
        document
          .querySelector('talk-notes-toolbar')
          ?.shadowRoot?.querySelector('[role="toolbar"]')
          ?.getAttribute('aria-disabled') === 'true',
      null,
      { timeout },
    )
    .then(
      () => true,
      () => false,
    );

const storedTexts = async (session: ExtensionSession) =>
  (await readLibrary(session)).highlights.map((h) => h.text);

describe('the selection toolbar and the page’s gestures, in Chromium', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows no toolbar for a synthetic mouseup, and twenty thousand of them cost nothing', async () => {
    const page = await session.openFixture('conference-h3.html');
    // The page selects its own text and fakes the end of a drag.
    await selectText(page, 'Kernel live patching');
    await page.evaluate(() => document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true })));
    // Waiting for something that must not happen: on main the toolbar showed within a few hundred ms.
    expect(await toolbarShows(page, 2000)).toBe(false);

    // Once a person has used the toolbar (the content runtime is loaded and listening), a flood of
    // synthetic mouseups costs what a flood of synthetic clicks costs, which the content script has always
    // dropped at once (on main the mouseups took over a minute: each one moved the toolbar).
    await dragSelect(page, 'Limux - the loss of a lighthouse');
    expect(await toolbarShows(page, 10_000)).toBe(true);
    await selectText(page, 'Kernel live patching');
    const cost = await page.evaluate(async () => {
      /** Dispatches 20,000 events and waits until every task they queued has run. */
      const flood = async (type: string) => {
        const started = performance.now();
        for (let i = 0; i < 20_000; i++) document.dispatchEvent(new MouseEvent(type, { bubbles: true }));
        await new Promise((resolve) => setTimeout(resolve, 0));
        return performance.now() - started;
      };
      await flood('mouseover'); // warm-up
      return {
        unheard: await flood('mouseover'),
        click: await flood('click'),
        mouseup: await flood('mouseup'),
      };
    });
    console.log(
      `[toolbar] 20,000 synthetic events: mouseup ${cost.mouseup.toFixed(0)} ms, click ${cost.click.toFixed(0)} ms, one nobody listens to ${cost.unheard.toFixed(0)} ms`,
    );
    // Two listeners hear a mouseup (the eager script's and the runtime's), one a click.
    expect(cost.mouseup).toBeLessThan(cost.click * 4 + 250);
    // The toolbar is still about the person's selection: the page's did not move it.
    expect(await toolbarShows(page, 1000)).toBe(true);
    await page.close();
  });

  it.each([
    [
      'fades the toolbar (opacity on an ancestor)',
      'People thrive for acceptance',
      () => {
        document.body.style.opacity = '0.05';
      },
    ],
    [
      'covers it with an element that lets clicks through',
      'Humans are a reciprocal species',
      () => {
        const cover = document.createElement('div');
        cover.id = 'bait';
        cover.textContent = 'Click here to win';
        cover.setAttribute(
          'style',
          'position:fixed;inset:0;z-index:2147483647;background:#fff;pointer-events:none;font:40px sans-serif',
        );
        document.documentElement.append(cover);
      },
    ],
  ])('does not save on a real click when the page %s', async (_label, passage, trick) => {
    const page = await session.openFixture('conference-h3.html');
    const before = await storedTexts(session);
    await dragSelect(page, passage);
    // Armed first (a real reader's toolbar), so only the page's trick can make it refuse.
    await page.getByRole('button', { name: 'Highlight', exact: true }).waitFor();
    await disarmedOrNot(page, false);
    const button = await highlightButton(page);
    await page.evaluate(trick);
    // Chromium's IntersectionObserver v2 notices within its 100 ms delay; the click is checked anyway.
    await disarmed(page, 2000);
    await page.mouse.click(button.x, button.y);
    expect(await nextStatus(page)).toBe(NOT_VISIBLE);
    expect(await storedTexts(session)).toEqual(before);
    await page.close();
  });

  it('does not save on a click sooner than 400 ms after the toolbar appeared; a later one saves', async () => {
    const page = await session.openFixture('conference-h3.html');
    // The page's clock: when the toolbar was last put in place, and when a person's click arrived.
    await page.evaluate(() => {
      const times = { shown: 0, clicked: 0 };
      Object.assign(window, { toolbarTimes: times });
      new MutationObserver(() => {
        const host = document.querySelector<HTMLElement>('talk-notes-toolbar');
        if (host && host.style.display !== 'none') times.shown = performance.now();
      }).observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['style'],
      });
      addEventListener(
        'click',
        (e) => {
          if (e.isTrusted) times.clicked = performance.now();
        },
        true,
      );
    });
    const passages = [
      'Overall measurement is key',
      'Dude, Where',
      'Limux - the loss of a lighthouse',
      'People thrive for acceptance',
      'Humans have a fairly good bullshit radar',
    ];
    let early: string | undefined;
    for (const passage of passages) {
      await dragSelect(page, passage);
      const button = await highlightButton(page);
      await page.mouse.click(button.x, button.y);
      const status = await nextStatus(page);
      const times = await page.evaluate(
        () => (window as unknown as { toolbarTimes: { shown: number; clicked: number } }).toolbarTimes,
      );
      // A click measured by the page's own clock at under 300 ms is early by the toolbar's too. A
      // machine too busy to click that soon gives no verdict: the next passage tries again.
      if (times.clicked - times.shown >= 300) continue;
      expect(status).toBe(TOO_SOON);
      expect(await storedTexts(session)).not.toContain(passage);
      early = passage;
      break;
    }
    expect(early, 'no click landed within 300 ms of the toolbar appearing').toBeDefined();
    // The reader clicks again once the toolbar takes clicks: saved.
    await page.getByRole('button', { name: 'Highlight', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    expect(await storedTexts(session)).toContain(early);
    await page.close();
  });
});

/** Waits until the toolbar takes clicks (no aria-disabled), as a reader who looked at it first. */
async function disarmedOrNot(page: Page, wantDisarmed: boolean): Promise<void> {
  await page.waitForFunction(
    (wantDisarmed) =>
      (document
        .querySelector('talk-notes-toolbar')
        ?.shadowRoot?.querySelector('[role="toolbar"]')
        ?.getAttribute('aria-disabled') ===
        'true') ===
      wantDisarmed,
    wantDisarmed,
  );
}
