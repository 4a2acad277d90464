/**
 * The content script reuses the body's text index from one clip to the next while the page's text
 * stays the same (ContentApp.currentTextIndex). A change of any kind between two clips must give the
 * second clip the selectors of an index built afresh, whether the observer has delivered the change
 * yet or not (the page's own script may change the text in the task the clip runs in).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { buildTextIndex, describeRange } from '@/core/anchoring';
import type { ClipInput } from '@/core/schemas';
import type { BackgroundRequest } from '@/messaging/protocol';
import { contentApps, installHighlightApi } from './page-fixtures';

function select(node: Node) {
  const range = document.createRange();
  range.selectNodeContents(node);
  getSelection()!.removeAllRanges();
  getSelection()!.addRange(range);
  return range;
}

/** The background: every clip is stored; the clips sent are kept. */
function background(): ClipInput[] {
  const saves: ClipInput[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: BackgroundRequest) => {
    if (message.type === 'getTalkRules') return { ok: true, value: {} };
    if (message.type === 'getPostHighlights') {
      return { ok: true, value: { postUrl: document.URL, highlights: [], articles: [] } };
    }
    if (message.type === 'saveClip') {
      saves.push(message.clip);
      const id = `h${saves.length}`;
      return { ok: true, value: { highlight: { id, color: 'yellow', url: document.URL }, duplicate: false } };
    }
    return { ok: true, value: null };
  }) as never);
  return saves;
}

const byId = (id: string) => document.getElementById(id)!;

/** Changes to the page made between the two clips, each one moving the second passage's offsets. */
const CHANGES: [string, () => void][] = [
  ['text added before it', () => byId('a').append(' and a sentence added later')],
  ['a node removed before it', () => byId('b').remove()],
  ['a text node’s data changed', () => ((byId('b').firstChild as Text).data = 'B.')],
  ['a node moved after it', () => byId('c').after(byId('b'))],
];
/** When the clip starts: in the task that changed the page, or after the observer was told. */
const TIMINGS = [
  ['clip started in the same task', async () => {}],
  ['after the observer saw it', () => new Promise<void>(queueMicrotask)],
] as const;

describe('the text index reused between clips', () => {
  const apps = contentApps();
  const startApp = () => apps.start();
  beforeEach(() => {
    Range.prototype.getClientRects ??= () => [] as unknown as DOMRectList;
    Range.prototype.getBoundingClientRect ??= () => new DOMRect();
    document.body.innerHTML =
      '<article><h2>A talk</h2><p id="a">First passage here.</p><p id="b">Second paragraph, the one that moves.</p>' +
      '<p id="c">Third passage to clip.</p></article>';
  });
  afterEach(() => {
    apps.abortAll();
    vi.restoreAllMocks();
    getSelection()?.removeAllRanges();
    document.body.innerHTML = '';
  });

  it.each(
    CHANGES.flatMap(([change, apply]) =>
      TIMINGS.map(([timing, wait]) => [change, timing, apply, wait] as const),
    ),
  )('%s, %s: the second clip is described against the page as it is now', async (_c, _t, apply, wait) => {
    installHighlightApi();
    const saves = background();
    const app = await startApp();
    select(byId('a').firstChild!);
    expect((await app.highlightSelection('yellow')).saved).toBe(true);
    const stale = buildTextIndex(document.body);

    apply();
    await wait();
    const range = select(byId('c').firstChild!);
    expect((await app.highlightSelection('yellow')).saved).toBe(true);

    const fresh = describeRange(document.body, range, buildTextIndex(document.body));
    expect(saves[1]!.highlight.selectors).toEqual(fresh);
    // The change matters: the index from before the change describes the passage otherwise.
    expect(describeRange(document.body, range, stale)).not.toEqual(fresh);
  });

  it('a clip after a clip with nothing changed between them is described as a fresh index describes it', async () => {
    installHighlightApi();
    const saves = background();
    const app = await startApp();
    select(byId('a').firstChild!);
    await app.highlightSelection('yellow');
    const range = select(byId('c').firstChild!);
    expect((await app.highlightSelection('yellow')).saved).toBe(true);
    expect(saves[1]!.highlight.selectors).toEqual(
      describeRange(document.body, range, buildTextIndex(document.body)),
    );
  });
});
