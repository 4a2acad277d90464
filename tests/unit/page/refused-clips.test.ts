/**
 * A clip the background refuses for what it is (the message itself: a retry would be refused again)
 * is said to be refused and offered for copying: no Retry, no "leave page?" prompt, not drawn as if
 * kept. A clip that storage failed to keep stays drawn, with Retry and the prompt (#14).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LIMITS } from '@/core/limits';
import type { HighlightRecord } from '@/core/types';
import type { BackgroundRequest, Reply } from '@/messaging/protocol';
import { contentApps, installHighlightApi, toolbarButtons } from './page-fixtures';

const PASSAGE = 'Kernel live patching merged in 4.0.';
const REFUSAL = 'malformed or unknown message: Invalid length: Expected <=1000 but received 2737';

/** The texts the painter draws now. */
function drawnTexts(registry: Map<string, Set<Range>>) {
  return () => [...registry.values()].flatMap((set) => [...set].map((r) => r.toString()));
}

function select(text: Node) {
  const range = document.createRange();
  range.selectNodeContents(text);
  getSelection()!.removeAllRanges();
  getSelection()!.addRange(range);
}

const toolbarStatus = () =>
  document.querySelector('talk-notes-toolbar')?.shadowRoot?.querySelector('[role="status"]')?.textContent;

/** Whether leaving the page now asks first. */
function leavingAsks(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

/** The background: `saveClip` answers with `onSave`'s reply; the page has no highlights yet. */
function background(onSave: () => Reply<unknown>) {
  const saves: unknown[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: BackgroundRequest) => {
    if (message.type === 'getPageHighlights') return { ok: true, value: [] };
    if (message.type === 'getTalkRules') return { ok: true, value: {} };
    if (message.type === 'saveClip') {
      saves.push(message.clip);
      return onSave();
    }
    return { ok: true, value: null };
  }) as never);
  return saves;
}

const storedHighlight = { id: 'h1', color: 'yellow', url: 'http://localhost:3000/' } as HighlightRecord;

describe('a clip the background refuses, and one storage fails to keep', () => {
  const apps = contentApps();
  const startApp = () => apps.start();
  beforeEach(() => {
    Range.prototype.getClientRects ??= () => [] as unknown as DOMRectList;
    Range.prototype.getBoundingClientRect ??= () => new DOMRect();
    document.body.innerHTML = `<article><h2>A talk</h2><p id="p">${PASSAGE}</p><p id="q">Another passage.</p></article>`;
  });
  afterEach(() => {
    apps.abortAll();
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
    getSelection()?.removeAllRanges();
    document.body.innerHTML = '';
  });

  it('refused for good: said so, not drawn, no Retry and no prompt, and Copy puts it on the clipboard', async () => {
    const drawn = drawnTexts(installHighlightApi());
    const saves = background(() => ({ ok: false, error: REFUSAL, rejected: true }));
    const copied: string[] = [];
    // jsdom has no clipboard.
    vi.stubGlobal(
      'navigator',
      Object.create(navigator, {
        clipboard: { value: { writeText: async (text: string) => void copied.push(text) } },
      }),
    );
    const app = await startApp();
    select(document.getElementById('p')!.firstChild!);
    app.selectionChanged();

    const outcome = await app.highlightSelection('yellow');
    expect(outcome).toEqual({
      saved: false,
      duplicate: false,
      message: `Not saved: Talk Notes cannot store this passage (${REFUSAL}). Saving it again would not help: copy it to keep it.`,
    });
    expect(saves).toHaveLength(1);
    expect(drawn()).toEqual([]);
    await vi.waitFor(() => expect(toolbarButtons()).toContain('Copy passage'));
    expect(toolbarButtons().filter((label) => /Retry|unsaved/.test(label ?? ''))).toEqual([]);
    expect(leavingAsks()).toBe(false);

    await app.copyRefused();
    // The page has no title: its address stands for it, linked to the passage as an export links it
    // (with the link made from the rendered page when clipped: its first and last word are unique here).
    expect(copied).toEqual([`> ${PASSAGE}\n\n— [${document.URL}](${document.URL}#:~:text=Kernel,4.0.)`]);
    await vi.waitFor(() => expect(toolbarButtons()).not.toContain('Copy passage'));
    expect(toolbarStatus()).toBe('Copied the passage');
  });

  it('not kept by storage: drawn, Retry offered, leaving asks; a retry the background then refuses gives it up', async () => {
    const drawn = drawnTexts(installHighlightApi());
    let reply: Reply<unknown> = { ok: false, error: 'The browser has no room left for Talk Notes.' };
    const saves = background(() => reply);
    const app = await startApp();
    select(document.getElementById('p')!.firstChild!);
    app.selectionChanged();

    const outcome = await app.highlightSelection('yellow');
    expect(outcome.message).toMatch(
      /^Not saved: The browser has no room left for Talk Notes\. It stays on this page/,
    );
    expect(drawn()).toEqual([PASSAGE]);
    await vi.waitFor(() =>
      expect(toolbarButtons()).toEqual(expect.arrayContaining(['Retry saving (1)', 'Copy unsaved'])),
    );
    expect(toolbarButtons()).not.toContain('Copy passage');
    expect(leavingAsks()).toBe(true);

    reply = { ok: false, error: 'a content script may only act on its own page', rejected: true };
    await app.retryUnsaved();
    expect(saves).toHaveLength(2);
    expect(drawn()).toEqual([]);
    await vi.waitFor(() => expect(toolbarButtons()).toContain('Copy passage'));
    expect(toolbarButtons().filter((label) => /Retry|unsaved/.test(label ?? ''))).toEqual([]);
    expect(toolbarStatus()).toMatch(
      /Talk Notes cannot store this passage \(a content script may only act on its own page\)/,
    );
    expect(leavingAsks()).toBe(false);

    // A new selection: the refused passage is no longer what the toolbar offers.
    select(document.getElementById('q')!.firstChild!);
    app.selectionChanged();
    await vi.waitFor(() => expect(toolbarButtons()).toContain('Highlight'));
    expect(toolbarButtons()).not.toContain('Copy passage');
    reply = { ok: true, value: { highlight: storedHighlight, duplicate: false } };
  });

  it('refuses a passage over the limit up front: nothing sent, nothing drawn, the reason given', async () => {
    const drawn = drawnTexts(installHighlightApi());
    const saves = background(() => ({ ok: true, value: null }));
    document.getElementById('q')!.textContent = 'word '.repeat(LIMITS.passage / 5 + 1);
    const app = await startApp();
    select(document.getElementById('q')!.firstChild!);
    const outcome = await app.highlightSelection('yellow');
    expect(outcome.message).toMatch(
      /^This passage is too long to highlight: 100,004 characters, the limit is 100,000\./,
    );
    expect(saves).toEqual([]);
    expect(drawn()).toEqual([]);
    expect(leavingAsks()).toBe(false);
  });
});
