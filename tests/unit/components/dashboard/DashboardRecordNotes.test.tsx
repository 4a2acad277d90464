/**
 * A talk's and a page's own note and tags in the dashboard (#17): on the talk groups' and page
 * groups' headers, collapsed behind `Add talk note` while empty, saved as typed (handed to the
 * background when it can), shown live, and found by search.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DashboardApp } from '@/components/dashboard/DashboardApp';
import { createCommands } from '@/storage/commands';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import { hl, page, T0, talk } from '../../core/library/library-fixtures';

const NOW = Date.UTC(2025, 5, 1, 12);
const VIEWPORT = { width: 1000, height: 20_000 };

let db: TalkNotesDatabase;
beforeEach(async () => {
  db = createDatabase(`dashboard-notes-${crypto.randomUUID()}`, { cache: 'immutable' });
  const recap = page('p', { title: 'KubeCon recap' });
  await db.pages.add(recap);
  await db.talks.bulkAdd([
    { ...talk('t1', 'p', 'Opening keynote'), position: 100 },
    { ...talk('t2', 'p', 'Closing panel'), position: 900, note: 'Ask about *SIG funding*', tags: ['panels'] },
  ]);
  await db.highlights.bulkAdd([
    hl('h-open', 'p', {
      url: recap.url,
      talkId: 't1',
      text: 'Welcome to Paris',
      position: 150,
      createdAt: T0,
    }),
    hl('h-close', 'p', { url: recap.url, talkId: 't2', text: 'Maintainers are tired', position: 950 }),
  ]);
});
afterEach(async () => {
  cleanup();
  await db.delete();
});

function show(handOverNote?: (id: string, note: string, kind?: string) => void) {
  render(<DashboardApp db={db} listViewport={VIEWPORT} now={() => NOW} handOverNote={handOverNote} />);
}
const group = (title: string) => screen.getByRole('region', { name: title });
const status = () => screen.getByRole('status', { name: 'Library summary' }).textContent;

describe('talk and page notes in the dashboard', () => {
  it('shows a talk’s note and tags on its header; an empty one behind Add talk note', async () => {
    show();
    const closing = await waitFor(() => group('Closing panel'));
    const note = within(closing).getByRole('textbox', { name: 'Talk note' }) as HTMLTextAreaElement;
    expect(note.value).toBe('Ask about *SIG funding*');
    expect(within(within(closing).getByRole('list', { name: 'Talk tags' })).getByText('panels')).toBeTruthy();

    const opening = group('Opening keynote');
    expect(within(opening).queryByRole('textbox', { name: 'Talk note' })).toBeNull();
    fireEvent.click(within(opening).getByRole('button', { name: 'Add talk note' }));
    const added = within(opening).getByRole('textbox', { name: 'Talk note' }) as HTMLTextAreaElement;
    expect(document.activeElement).toBe(added);
    added.value = 'Paris, 2025: the welcome';
    fireEvent.input(added);
    fireEvent.blur(added);
    await waitFor(async () => expect((await db.talks.get('t1'))?.note).toBe('Paris, 2025: the welcome'));
    fireEvent.input(within(opening).getByRole('combobox', { name: 'Add talk tags' }), {
      target: { value: 'keynotes,' },
    });
    await waitFor(async () => expect((await db.talks.get('t1'))?.tags).toEqual(['keynotes']));
  });

  it('hands each keystroke of a talk note to the background when it can, writing nothing itself', async () => {
    const handOverNote = vi.fn();
    show(handOverNote);
    const note = await waitFor(
      () => within(group('Closing panel')).getByRole('textbox', { name: 'Talk note' }) as HTMLTextAreaElement,
    );
    note.focus();
    note.value = 'Ask';
    fireEvent.input(note);
    expect(handOverNote.mock.calls).toEqual([['t2', 'Ask', 'talk']]);
    expect((await db.talks.get('t2'))?.note).toBe('Ask about *SIG funding*');
  });

  it('shows a note typed in the popup live, and a page’s note on the page’s header', async () => {
    show();
    await waitFor(() => group('Opening keynote'));
    await createCommands({ db }).setRecordNote('talk', 't1', 'Typed in the popup');
    await waitFor(() =>
      expect(
        (within(group('Opening keynote')).getByRole('textbox', { name: 'Talk note' }) as HTMLTextAreaElement)
          .value,
      ).toBe('Typed in the popup'),
    );
    await createCommands({ db }).setRecordNote('page', 'p', 'The whole recap is worth it');
    fireEvent.change(screen.getAllByRole('combobox', { name: 'Group by' })[0]!, {
      target: { value: 'page' },
    });
    const pageGroup = await waitFor(() => group('KubeCon recap'));
    await waitFor(() =>
      expect(
        (within(pageGroup).getByRole('textbox', { name: 'Page note' }) as HTMLTextAreaElement).value,
      ).toBe('The whole recap is worth it'),
    );
  });

  it('finds a talk’s passages by the talk’s own note and tags', async () => {
    show();
    await waitFor(() => expect(status()).toBe('2 highlights from 1 page'));
    const search = screen.getByRole('searchbox', { name: 'Search' });
    fireEvent.input(search, { target: { value: 'sig funding' } });
    await waitFor(() => expect(status()).toMatch(/^1 of 2 highlights/));
    expect(screen.getByRole('article', { name: /Maintainers are tired/ })).toBeTruthy();
    fireEvent.input(search, { target: { value: 'panels' } });
    await waitFor(() => expect(screen.queryByRole('article', { name: /Welcome to Paris/ })).toBeNull());
    expect(screen.getByRole('article', { name: /Maintainers are tired/ })).toBeTruthy();
  });

  it('lists a talk’s and a page’s tags in the tag filter; choosing one shows their highlights', async () => {
    await db.pages.update('p', { tags: ['kubecon'] });
    show();
    await waitFor(() => expect(status()).toBe('2 highlights from 1 page'));
    const add = (await screen.findByRole('combobox', { name: 'Add a tag filter' })) as HTMLSelectElement;
    await waitFor(() =>
      expect([...add.options].map((o) => o.textContent)).toEqual(['Add a tag…', 'kubecon (2)', 'panels (1)']),
    );
    fireEvent.change(add, { target: { value: 'panels' } });
    await waitFor(() => expect(status()).toMatch(/^1 of 2 highlights/));
    expect(screen.getByRole('article', { name: /Maintainers are tired/ })).toBeTruthy();
    expect(screen.queryByRole('article', { name: /Welcome to Paris/ })).toBeNull();
  });
});
