/**
 * The popup and post identity (#18): the question on a page that looks like a post the reader
 * highlighted elsewhere, and an archive page's posts, each under its own title.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageBridge } from '@/components/data/popup-actions';
import { PopupApp } from '@/components/popup/PopupApp';
import type { PopupPage } from '@/core/page-view';
import type { PostClaim } from '@/core/post-identity';
import { saveClip } from '@/storage/clips';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import { postLinkOf } from '@/storage/post-links';
import { noMetadata, quotedPassage } from '../../clip-fixtures';

const POST = 'https://blog.example.org/2024/scaling-postgres';
const COPY = 'https://syndicate.example.net/@author/scaling-postgres';
const FP = '0123456789abcdef';
const TAB = 3;
const QUESTION = 'This looks like the post you highlighted on blog.example.org: show those highlights here?';

const clip = (
  db: TalkNotesDatabase,
  url: string,
  title: string,
  text: string,
  fingerprint: string | null = null,
) =>
  saveClip(db, {
    page: { url, title, ...noMetadata(), fingerprint },
    talks: [],
    highlight: quotedPassage(text, 10, null),
  });

let db: TalkNotesDatabase;
let bridge: { [K in keyof PageBridge]: ReturnType<typeof vi.fn> };
beforeEach(async () => {
  db = createDatabase(`popup-post-${crypto.randomUUID()}`);
  await clip(db, POST, 'How we scaled Postgres', 'a billion rows', FP);
  bridge = {
    scrollTo: vi.fn(async () => true),
    notifyChanged: vi.fn(),
    updateInBackground: vi.fn(async () => {}),
    isClosing: vi.fn(() => false),
    saveNote: vi.fn(),
    postClaim: vi.fn(
      async (): Promise<PostClaim | null> => ({ permalinks: [], fingerprint: FP, articles: [] }),
    ),
  };
});
afterEach(async () => {
  cleanup();
  await db.delete();
});

const show = (page: PopupPage = { kind: 'page', tabId: TAB, title: 'A copy', url: COPY }) =>
  render(
    <PopupApp
      load={async () => page}
      db={db}
      bridge={bridge as unknown as PageBridge}
      dashboardUrl="dashboard.html"
    />,
  );
const settled = () =>
  waitFor(() => expect(document.querySelector('main')?.getAttribute('aria-busy')).toBe('false'));

describe('the popup on a page that looks like a post highlighted elsewhere (#18)', () => {
  it('asks, and once the reader says it is the same post, links the page, tells the tab and shows the post', async () => {
    show();
    const offer = await screen.findByRole('region', { name: 'Same post?' });
    expect(offer.textContent).toContain(QUESTION);
    expect(bridge.postClaim).toHaveBeenCalledWith(TAB, COPY);
    // Nothing is drawn before the reader's word: the tab is told nothing.
    expect(bridge.notifyChanged).not.toHaveBeenCalled();
    fireEvent.click(within(offer).getByRole('button', { name: 'Show highlights here' }));
    await screen.findByText('a billion rows');
    expect(screen.queryByRole('region', { name: 'Same post?' })).toBeNull();
    expect(await postLinkOf(db, COPY)).toEqual({ post: POST, linked: true });
    expect(bridge.notifyChanged).toHaveBeenCalledWith([COPY]);
  });

  it('remembers “Not the same post”: the tab is told nothing and the question is not asked again', async () => {
    show();
    const offer = await screen.findByRole('region', { name: 'Same post?' });
    fireEvent.click(within(offer).getByRole('button', { name: 'Not the same post' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Same post?' })).toBeNull());
    expect(await postLinkOf(db, COPY)).toEqual({ post: POST, linked: false });
    expect(bridge.notifyChanged).not.toHaveBeenCalled();
    cleanup();
    show();
    await waitFor(() => expect(bridge.postClaim).toHaveBeenCalledTimes(2));
    await settled();
    expect(screen.queryByRole('region', { name: 'Same post?' })).toBeNull();
    expect(screen.queryByText('a billion rows')).toBeNull();
  });

  it('asks nothing when the page cannot say what it shows', async () => {
    bridge.postClaim!.mockRejectedValue(new Error('no content script'));
    show();
    await waitFor(() => expect(bridge.postClaim).toHaveBeenCalled());
    await settled();
    expect(screen.queryByRole('region', { name: 'Same post?' })).toBeNull();
  });
});

describe('the popup on an archive page (#18)', () => {
  it('shows each post’s highlights under the post’s title, and the page’s own clips', async () => {
    const ARCHIVE = 'https://www.example.org/2024/';
    const RUST = 'https://blog.example.org/2024/rust';
    await clip(db, RUST, 'Rust in the kernel', 'no single revert');
    await clip(db, ARCHIVE, 'Archive 2024', 'the archive itself');
    bridge.postClaim!.mockResolvedValue(null);
    show({
      kind: 'page',
      tabId: TAB,
      title: 'Archive 2024',
      url: ARCHIVE,
      posts: [RUST, POST, 'https://blog.example.org/unclipped'],
    });
    const group = async (title: string) =>
      (await screen.findByRole('heading', { level: 3, name: title })).closest('section') as HTMLElement;
    expect(
      within(await group('Rust in the kernel'))
        .getAllByRole('listitem')
        .map((li) => li.querySelector('.quote')?.textContent ?? li.textContent),
    ).toEqual([expect.stringContaining('no single revert')]);
    expect(within(await group('How we scaled Postgres')).getByText('a billion rows')).toBeTruthy();
    expect(within(await group('How we scaled Postgres')).queryByText('no single revert')).toBeNull();
    // In page order; a post with nothing highlighted has no group.
    const titles = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(titles.slice(0, 2)).toEqual(['Rust in the kernel', 'How we scaled Postgres']);
    expect(screen.getByText('the archive itself')).toBeTruthy();
    expect(screen.queryByText('Nothing clipped on this page yet.')).toBeNull();
  });
});
