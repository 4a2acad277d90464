import { describe, expect, it, vi } from 'vitest';
import { loadPopupPage } from '@/entrypoints/popup/load-page';

const answering = (url: string, title = 'A talk write-up') => vi.fn(async () => ({ url, title }));

describe('loadPopupPage', () => {
  it('takes the tab from ?tab=, and the page key from what its content script says', async () => {
    const contentStatus = answering('https://conf.example/day-1?utm_source=x#talk-2');
    const activeTabId = vi.fn(async () => 99);
    expect(await loadPopupPage('?tab=12', { contentStatus, activeTabId })).toEqual({
      kind: 'page',
      tabId: 12,
      title: 'A talk write-up',
      url: 'https://conf.example/day-1',
    });
    expect(contentStatus).toHaveBeenCalledWith(12);
    expect(activeTabId).not.toHaveBeenCalled();
  });

  it.each(['', '?tab=', '?tab=abc', '?tab=-1'])('uses the active tab for %j', async (search) => {
    const contentStatus = answering('https://conf.example/');
    await loadPopupPage(search, { contentStatus, activeTabId: async () => 5 });
    expect(contentStatus).toHaveBeenCalledWith(5);
  });

  it('titles an untitled page with its address', async () => {
    const page = await loadPopupPage('?tab=1', { contentStatus: answering('https://conf.example/x', '') });
    expect(page).toMatchObject({ title: 'https://conf.example/x' });
  });

  it.each([
    ['no active tab', { activeTabId: async () => undefined, contentStatus: answering('https://a.example/') }],
    [
      'no content script (chrome:// pages, the store)',
      {
        activeTabId: async () => 1,
        contentStatus: async () => {
          throw new Error('Could not establish connection');
        },
      },
    ],
    [
      'a page that is not http(s)',
      { activeTabId: async () => 1, contentStatus: answering('file:///tmp/a.html') },
    ],
  ])('says the page is out of reach with %s', async (_, deps) => {
    expect(await loadPopupPage('', deps)).toEqual({ kind: 'unreachable' });
  });
});
