// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LIMITS } from '@/core/limits';
import { notifyHighlightsChanged, sendToBackground } from '@/messaging/client';
import { MessageRejected } from '@/messaging/router';
import { ContentRequestSchema } from '@/messaging/protocol';
import * as v from 'valibot';

describe('notifyHighlightsChanged', () => {
  let sent: { tabId: number; message: unknown }[];
  let options: unknown[];
  beforeEach(() => {
    fakeBrowser.reset();
    sent = [];
    options = [];
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 1 }, { id: 2 }, {}] as never);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (
      tabId: number,
      message: unknown,
      sendOptions?: unknown,
    ) => {
      sent.push({ tabId, message });
      options.push(sendOptions);
      if (tabId === 2) throw new Error('Could not establish connection. Receiving end does not exist.');
      return { ok: true, value: null };
    }) as never);
  });
  afterEach(() => vi.restoreAllMocks());

  it('tells every tab once, naming each page once, in messages the content script accepts', async () => {
    await notifyHighlightsChanged(['https://a.example/', 'https://b.example/', 'https://a.example/']);
    expect(sent).toEqual([
      {
        tabId: 1,
        message: { type: 'highlightsChanged', urls: ['https://a.example/', 'https://b.example/'] },
      },
      {
        tabId: 2,
        message: { type: 'highlightsChanged', urls: ['https://a.example/', 'https://b.example/'] },
      },
    ]);
    for (const { message } of sent) expect(v.safeParse(ContentRequestSchema, message).success).toBe(true);
    // To every frame of the tab, not the top frame only: a page shown in a same-origin frame redraws too.
    expect(options).toEqual([undefined, undefined]);
  });

  it('splits a restore of many pages into messages of at most LIMITS.changedPages', async () => {
    const pages = Array.from({ length: LIMITS.changedPages * 2 + 1 }, (_, i) => `https://blog.example/${i}`);
    await notifyHighlightsChanged(pages);
    const toFirstTab = sent.filter((s) => s.tabId === 1).map((s) => (s.message as { urls: string[] }).urls);
    expect(toFirstTab.map((urls) => urls.length)).toEqual([LIMITS.changedPages, LIMITS.changedPages, 1]);
    expect(toFirstTab.flat()).toEqual(pages);
  });

  it('sends nothing for no pages, and never rejects', async () => {
    await notifyHighlightsChanged([]);
    expect(sent).toEqual([]);
    vi.spyOn(fakeBrowser.tabs, 'query').mockRejectedValue(new Error('tabs are gone'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await expect(notifyHighlightsChanged(['https://a.example/'])).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledOnce();
  });
});

describe('sendToBackground', () => {
  afterEach(() => vi.restoreAllMocks());

  it('throws MessageRejected when the background refused the message itself, a plain Error otherwise', async () => {
    const reply = vi.spyOn(fakeBrowser.runtime, 'sendMessage') as unknown as ReturnType<typeof vi.fn>;
    reply.mockResolvedValueOnce({ ok: false, error: 'malformed or unknown message: …', rejected: true });
    const refused = await sendToBackground({ type: 'ping' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(MessageRejected);
    expect((refused as Error).message).toBe('malformed or unknown message: …');

    reply.mockResolvedValueOnce({ ok: false, error: 'The disk is full.' });
    const failed = await sendToBackground({ type: 'ping' }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(Error);
    expect(failed).not.toBeInstanceOf(MessageRejected);

    reply.mockResolvedValueOnce(undefined);
    await expect(sendToBackground({ type: 'ping' })).rejects.not.toBeInstanceOf(MessageRejected);

    reply.mockResolvedValueOnce({ ok: true, value: { version: '1' } });
    await expect(sendToBackground({ type: 'ping' })).resolves.toEqual({ version: '1' });
  });
});
