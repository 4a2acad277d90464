// @vitest-environment node
/**
 * Pages Talk Notes cannot work on in Firefox. Its content scripts do not run on about: pages, reader
 * view (about:reader?url=…), view-source:, other moz-extension:// pages, or the restricted Mozilla
 * domains (addons.mozilla.org…); `tabs.sendMessage` to such a tab, to a tab opened before the add-on
 * was installed, or to a closed tab rejects, in Firefox 153 always with the text below. The popup
 * must then say "cannot work on this page" rather than fail or spin.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { normalizeUrl } from '@/core/url';
import { loadPopupPage } from '@/entrypoints/popup/load-page';

const FIREFOX_NO_RECEIVER = 'Could not establish connection. Receiving end does not exist.';

describe('the popup on a tab Firefox keeps Talk Notes out of', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it.each([
    'about:addons',
    'about:reader?url=https%3A%2F%2Fconf.example%2Fday-3',
    'view-source:https://conf.example/day-3',
    'moz-extension://11111111-2222-3333-4444-555555555555/dashboard.html',
    'https://addons.mozilla.org/en-US/firefox/',
  ])('%s: cannot work on this page', async () => {
    // What Firefox answers for any tab without our content script (the popup cannot see tab URLs).
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error(FIREFOX_NO_RECEIVER));
    expect(await loadPopupPage('?tab=7')).toEqual({ kind: 'unreachable' });
  });

  it('a content script that answers nothing (Firefox resolves undefined): cannot work on this page', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    expect(await loadPopupPage('?tab=7')).toEqual({ kind: 'unreachable' });
  });
});

describe('Firefox-only addresses are never page keys', () => {
  it.each([
    'about:reader?url=https%3A%2F%2Fconf.example%2Fday-3',
    'view-source:https://conf.example/day-3',
    'moz-extension://11111111-2222-3333-4444-555555555555/dashboard.html',
    'about:blank',
    'about:newtab',
    'blob:https://conf.example/0b4f3c1e-2a61-4e0e-9d53-3c7e0c5f1a2b',
  ])('%s -> null', (url) => {
    expect(normalizeUrl(url)).toBeNull();
  });

  it('the popup calls such a tab unreachable even if something answered for it', async () => {
    const page = await loadPopupPage('?tab=7', {
      contentStatus: async () => ({ url: 'about:reader?url=https%3A%2F%2Fconf.example%2F', title: 'Day 3' }),
    });
    expect(page).toEqual({ kind: 'unreachable' });
  });
});
