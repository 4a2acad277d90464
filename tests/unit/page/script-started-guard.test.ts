/**
 * The guard against a page retiring the content script, checked against WXT's real
 * ContentScriptContext (not a copy of its private event name): if WXT renames or reshapes the
 * event, these fail.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { scriptStartedEventName, stopScriptStartedEvents } from '@/page/script-started-guard';

const NAME = 'content';

/** The event types a real context listens to on the document, and the events it dispatches there. */
function startContext(): { ctx: ContentScriptContext; listens: string[]; dispatched: Event[] } {
  const listens: string[] = [];
  const dispatched: Event[] = [];
  const listen = vi.spyOn(document, 'addEventListener').mockImplementation(function (
    this: Document,
    ...args: Parameters<Document['addEventListener']>
  ) {
    listens.push(args[0]);
    return EventTarget.prototype.addEventListener.apply(this, args);
  });
  const dispatch = vi.spyOn(document, 'dispatchEvent').mockImplementation(function (this: Document, event) {
    dispatched.push(event);
    return EventTarget.prototype.dispatchEvent.call(this, event);
  });
  const ctx = new ContentScriptContext(NAME, { noScriptStartedPostMessage: true });
  listen.mockRestore();
  dispatch.mockRestore();
  return { ctx, listens, dispatched };
}

describe('the script-started guard, against WXT’s ContentScriptContext', () => {
  let contexts: ContentScriptContext[];
  let undo: (() => void) | undefined;
  beforeEach(() => {
    fakeBrowser.reset();
    contexts = [];
  });
  afterEach(() => {
    undo?.();
    undo = undefined;
    for (const ctx of contexts) ctx.abort('test over');
  });
  const start = () => {
    const started = startContext();
    contexts.push(started.ctx);
    return started;
  };
  const ourName = () => scriptStartedEventName(browser.runtime.id, import.meta.env.ENTRYPOINT);

  it('names the very event WXT listens to and dispatches', () => {
    const { listens, dispatched } = start();
    expect(listens).toContain(ourName());
    expect(dispatched.map((e) => e.type)).toEqual([ourName()]);
  });

  it('without it, a newer copy starting (or a page faking one) retires the content script', () => {
    const older = start();
    start();
    expect(older.ctx.isValid).toBe(false);
  });

  it('with it, neither WXT’s own event nor a page’s forged one retires the content script', () => {
    undo = stopScriptStartedEvents(window, ourName());
    const older = start();
    // A newer copy's real event, exactly as WXT dispatches it.
    const newer = start();
    expect(newer.dispatched).toHaveLength(1);
    expect(older.ctx.isValid).toBe(true);
    // A page script's, with the detail WXT checks.
    document.dispatchEvent(
      new CustomEvent(ourName(), { detail: { contentScriptName: NAME, messageId: 'from-the-page' } }),
    );
    expect(older.ctx.isValid).toBe(true);
  });

  it('stops only that event, and can be undone', () => {
    undo = stopScriptStartedEvents(window, ourName());
    const other = vi.fn();
    document.addEventListener('click', other);
    document.dispatchEvent(new Event('click'));
    expect(other).toHaveBeenCalledOnce();
    document.removeEventListener('click', other);
    undo();
    undo = undefined;
    const older = start();
    start();
    expect(older.ctx.isValid).toBe(false);
  });
});
