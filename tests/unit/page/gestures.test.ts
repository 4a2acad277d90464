/**
 * #14, finding 5: the content script acts on a person's gestures only. A page's synthetic mouseup,
 * keyup or mousedown is dropped before any work: no timer, no look at the selection, no toolbar.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { BackgroundRequest } from '@/messaging/protocol';
import { ContentApp } from '@/page/content-app';
import { installHighlightApi } from './page-fixtures';

describe('synthetic gestures', () => {
  let ctx: ContentScriptContext;
  beforeEach(() => {
    installHighlightApi();
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: BackgroundRequest) =>
      message.type === 'getPageHighlights' ? { ok: true, value: [] } : { ok: true, value: null }) as never);
    document.body.innerHTML = '<article><p id="p">Kernel live patching merged in 4.0.</p></article>';
    ctx = new ContentScriptContext('test');
  });
  afterEach(() => {
    ctx.abort();
    vi.restoreAllMocks();
    getSelection()?.removeAllRanges();
    document.body.innerHTML = '';
  });

  it('drops twenty thousand synthetic mouseups, keyups and mousedowns before any work', async () => {
    const app = new ContentApp(ctx, document);
    await app.start();
    // The page selected its own text, and fakes the end of a drag or a Shift+arrow.
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('p')!);
    getSelection()!.addRange(range);
    const timers = vi.spyOn(ctx, 'setTimeout');
    const looks = vi.spyOn(document, 'getSelection');
    for (let i = 0; i < 20_000; i++) {
      document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      document.dispatchEvent(
        new KeyboardEvent('keyup', { bubbles: true, key: 'ArrowRight', shiftKey: true }),
      );
      document.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    }
    expect(timers).not.toHaveBeenCalled();
    expect(looks).not.toHaveBeenCalled();
    expect(document.querySelector('talk-notes-toolbar')).toBeNull();
  });
});
