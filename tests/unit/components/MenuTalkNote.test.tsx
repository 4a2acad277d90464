/**
 * The note of the highlight's talk in the in-page menu (#17): collapsed behind a `Talk note`
 * disclosure while the talk has none, open when it has one, saved through the menu's grant.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HighlightMenu, type HighlightMenuApi } from '@/components/HighlightMenu';
import type { MenuTalk } from '@/components/MenuTalkNote';
import type { HighlightRecord } from '@/core/types';

afterEach(cleanup);

const highlight: HighlightRecord = {
  id: 'h1',
  pageId: 'p1',
  url: 'https://blog.example/day-1',
  talkId: 't1',
  text: 'kGraft patches a running kernel',
  markdown: 'kGraft patches a running kernel',
  selectors: [
    { type: 'TextQuoteSelector', exact: 'kGraft patches a running kernel', prefix: '', suffix: '' },
  ],
  color: 'yellow',
  note: '',
  tags: [],
  position: 10,
  anchorStatus: 'placed',
  createdAt: 1,
  updatedAt: 1,
};

function api(talk: MenuTalk | null) {
  let stored = talk;
  const setTalkNote = vi.fn(async (note: string) => {
    stored = { ...stored!, note };
    return stored;
  });
  const menuApi: HighlightMenuApi = {
    get: async () => highlight,
    update: async () => highlight,
    remove: async () => null,
    restore: async () => {},
    tags: async () => [],
    talk: async () => stored,
    setTalkNote,
  };
  return { menuApi, setTalkNote };
}

describe('the talk note in the in-page menu', () => {
  it('is collapsed while the talk has no note; opened, what is typed is saved to the talk', async () => {
    const { menuApi, setTalkNote } = api({ title: 'Kernel live patching', note: '' });
    render(<HighlightMenu api={menuApi} onClose={() => {}} />);
    const summary = await screen.findByText('Talk note');
    const details = summary.closest('details')!;
    expect(details.open).toBe(false);
    expect(details.textContent).toContain('Kernel live patching');
    fireEvent.click(summary);
    details.open = true;
    const box = screen.getByRole('textbox', { name: 'Talk note' }) as HTMLTextAreaElement;
    box.value = 'Try it on the staging boxes';
    fireEvent.input(box);
    fireEvent.blur(box);
    await waitFor(() => expect(setTalkNote).toHaveBeenCalledWith('Try it on the staging boxes'));
    // The highlight's own note is another text box.
    expect((screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement).value).toBe('');
  });

  it('is open when the talk has a note, and absent for a passage under no talk', async () => {
    const { menuApi } = api({ title: 'Kernel live patching', note: 'Ask about kpatch' });
    render(<HighlightMenu api={menuApi} onClose={() => {}} />);
    const box = (await screen.findByRole('textbox', { name: 'Talk note' })) as HTMLTextAreaElement;
    expect(box.closest('details')!.open).toBe(true);
    expect(box.value).toBe('Ask about kpatch');
    cleanup();

    render(<HighlightMenu api={api(null).menuApi} onClose={() => {}} />);
    await screen.findByRole('textbox', { name: 'Note' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.queryByText('Talk note')).toBeNull();
  });
});
