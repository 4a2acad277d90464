/**
 * In a private window a clip is drawn and kept on the page, never sent to storage; the toolbar
 * offers to copy it, not to retry.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PRIVATE_WINDOW_NOTICE } from '@/core/private-window';
import { ContentApp } from '@/page/content-app';
import { installHighlightApi, toolbarButtons } from './page-fixtures';

function selectParagraph() {
  const text = document.getElementById('p')!.firstChild!;
  const range = document.createRange();
  range.setStart(text, 0);
  range.setEnd(text, text.textContent!.length);
  getSelection()!.removeAllRanges();
  getSelection()!.addRange(range);
}

describe('a clip in a private window', () => {
  beforeEach(() => {
    Range.prototype.getClientRects ??= () => [] as unknown as DOMRectList;
    Range.prototype.getBoundingClientRect ??= () => new DOMRect();
    document.body.innerHTML =
      '<article><h2>A talk</h2><p id="p">Kernel live patching merged in 4.0.</p></article>';
  });
  afterEach(() => {
    vi.restoreAllMocks();
    getSelection()?.removeAllRanges();
    document.body.innerHTML = '';
  });

  it('is drawn and kept on the page, never sent to storage, and can be copied but not retried', async () => {
    const drawn = installHighlightApi();
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    const app = new ContentApp(new ContentScriptContext('test'), document, { privateWindow: true });
    selectParagraph();
    app.selectionChanged();
    const outcome = await app.highlightSelection('yellow');
    expect(outcome).toMatchObject({ saved: false, message: PRIVATE_WINDOW_NOTICE });
    // The one message is a read of the reader's Default colour for the toolbar (#17): nothing is sent
    // to be stored, no clip and no anchoring report.
    expect(send.mock.calls.map(([message]) => (message as unknown as { type: string }).type)).toEqual([
      'getClipSettings',
    ]);
    expect([...(drawn.get('talk-notes-yellow') ?? [])].map((r) => r.toString())).toEqual([
      'Kernel live patching merged in 4.0.',
    ]);
    await vi.waitFor(() => expect(toolbarButtons()).toContain('Copy unsaved'));
    expect(toolbarButtons().some((label) => label?.startsWith('Retry saving'))).toBe(false);
  });

  it('in a normal window the same clip is sent to storage', async () => {
    installHighlightApi();
    const send = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockResolvedValue({ ok: false, error: 'x' } as never);
    const app = new ContentApp(new ContentScriptContext('test'), document);
    selectParagraph();
    await app.highlightSelection('yellow');
    expect(send).toHaveBeenCalledWith(expect.objectContaining({ type: 'saveClip' }));
  });
});
