// @vitest-environment node
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

  it('offers the pages of same-origin frames, opening on the one that holds the focus', async () => {
    const frames = [
      { url: 'https://conf.example/embed/slides', title: 'Slides', focused: false },
      { url: 'https://conf.example/embed/notes', title: '', focused: true },
      { url: 'https://conf.example/day-1', title: 'The top page framed again', focused: false },
    ];
    const contentStatus = vi.fn(async () => ({ url: 'https://conf.example/day-1', title: 'Day 1', frames }));
    expect(await loadPopupPage('?tab=3', { contentStatus })).toEqual({
      kind: 'page',
      tabId: 3,
      title: 'https://conf.example/embed/notes',
      url: 'https://conf.example/embed/notes',
      pages: [
        { url: 'https://conf.example/day-1', title: 'Day 1' },
        { url: 'https://conf.example/embed/slides', title: 'Slides', framed: true },
        { url: 'https://conf.example/embed/notes', title: 'https://conf.example/embed/notes', framed: true },
      ],
    });
    frames[1]!.focused = false;
    expect(await loadPopupPage('?tab=3', { contentStatus })).toMatchObject({
      url: 'https://conf.example/day-1',
      title: 'Day 1',
    });
  });

  it('lists no pages for a tab without framed pages', async () => {
    const contentStatus = vi.fn(async () => ({ url: 'https://conf.example/', title: 'Home', frames: [] }));
    expect(await loadPopupPage('?tab=3', { contentStatus })).not.toHaveProperty('pages');
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
