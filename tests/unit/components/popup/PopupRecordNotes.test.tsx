/**
 * A talk's and a page's own note and tags in the popup (#17): a `Talk note` on each talk group and a
 * `Page note` in the page's header, each keystroke handed to the background (the note port) as a
 * highlight's note is, tags saved at once, and notes written elsewhere shown live.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageBridge } from '@/components/data/popup-actions';
import { PopupApp } from '@/components/popup/PopupApp';
import { createNoteWriter, noteDraftSaver } from '@/messaging/note-drafts';
import { saveClip } from '@/storage/clips';
import { createCommands } from '@/storage/commands';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import { noMetadata, quotedPassage } from '../../clip-fixtures';

const URL = 'https://conf.example/oss-summit';

function clip(db: TalkNotesDatabase, text: string, position: number, talkTitle: string | null) {
  return saveClip(db, {
    page: { url: URL, title: 'Open Source Summit Prague 2017', ...noMetadata() },
    talks: [
      { title: 'Limux', speakers: ['Matthias Kirschner'], position: 100 },
      { title: 'Live patching', speakers: [], position: 5000 },
    ],
    highlight: quotedPassage(text, position, talkTitle),
  });
}

let db: TalkNotesDatabase;
let notes: ReturnType<typeof createNoteWriter>;
let saveNote: ReturnType<typeof vi.fn<(id: string, note: string, kind?: 'talk' | 'page') => void>>;
beforeEach(() => {
  db = createDatabase(`popup-notes-${crypto.randomUUID()}`);
  // The background's side of the note port (entrypoints/background.ts), without the port.
  notes = createNoteWriter(noteDraftSaver(createCommands({ db })));
  saveNote = vi.fn((id: string, note: string, kind?: 'talk' | 'page') => notes.write(id, note, kind));
});
afterEach(async () => {
  cleanup();
  await notes.idle();
  await db.delete();
});

function show() {
  const bridge: PageBridge = {
    scrollTo: async () => true,
    notifyChanged: () => {},
    updateInBackground: async () => {},
    isClosing: () => false,
    saveNote,
  };
  render(
    <PopupApp
      load={async () => ({ kind: 'page', tabId: 7, title: 'Tab', url: URL })}
      db={db}
      bridge={bridge}
      locale="en-GB"
    />,
  );
}

const group = (title: string) => screen.getByRole('region', { name: title });

describe('talk and page notes in the popup', () => {
  it('gives every talk group a Talk note and the page header a Page note, each keystroke handed over', async () => {
    const { highlight } = await clip(db, 'Munich moved back to Windows', 300, 'Limux');
    await clip(db, 'kGraft patches a running kernel', 5200, 'Live patching');
    show();
    const limux = await waitFor(() => group('Limux'));
    expect(within(group('Live patching')).getByRole('textbox', { name: 'Talk note' })).toBeTruthy();
    const talkNote = within(limux).getByRole('textbox', { name: 'Talk note' }) as HTMLTextAreaElement;
    talkNote.focus();
    for (const text of ['W', 'What I’ll try: *public money, public code*']) {
      talkNote.value = text;
      fireEvent.input(talkNote);
    }
    // At once, keystroke by keystroke, as a talk's note: the popup may close after any of them.
    expect(saveNote.mock.calls).toEqual([
      [highlight.talkId, 'W', 'talk'],
      [highlight.talkId, 'What I’ll try: *public money, public code*', 'talk'],
    ]);
    await notes.idle();
    expect((await db.talks.get(highlight.talkId!))?.note).toBe('What I’ll try: *public money, public code*');

    const header = screen.getByRole('region', { name: 'Current page' });
    const pageNote = within(header).getByRole('textbox', { name: 'Page note' }) as HTMLTextAreaElement;
    pageNote.value = 'A good recap of day 1';
    fireEvent.input(pageNote);
    await notes.idle();
    expect((await db.pages.get(highlight.pageId))?.note).toBe('A good recap of day 1');
    // No highlight's note changed.
    expect((await db.highlights.get(highlight.id))?.note).toBe('');
  });

  it('tags a talk and the page (their own tags, not their highlights’)', async () => {
    const { highlight } = await clip(db, 'Munich moved back to Windows', 300, 'Limux');
    show();
    const limux = await waitFor(() => group('Limux'));
    const add = within(limux).getByRole('combobox', { name: 'Add talk tags' });
    fireEvent.input(add, { target: { value: 'open data, policy,' } });
    await waitFor(async () =>
      expect((await db.talks.get(highlight.talkId!))?.tags).toEqual(['open data', 'policy']),
    );
    await waitFor(() =>
      expect(
        within(within(limux).getByRole('list', { name: 'Talk tags' })).getAllByRole('listitem'),
      ).toHaveLength(2),
    );
    const pageTags = within(screen.getByRole('region', { name: 'Current page' })).getByRole('combobox', {
      name: 'Add page tags',
    });
    fireEvent.input(pageTags, { target: { value: 'recaps,' } });
    await waitFor(async () => expect((await db.pages.get(highlight.pageId))?.tags).toEqual(['recaps']));
    expect((await db.highlights.get(highlight.id))?.tags).toEqual([]);
  });

  it('shows a talk note written elsewhere (the dashboard, the in-page menu) live', async () => {
    const { highlight } = await clip(db, 'Munich moved back to Windows', 300, 'Limux');
    show();
    const talkNote = await waitFor(
      () => within(group('Limux')).getByRole('textbox', { name: 'Talk note' }) as HTMLTextAreaElement,
    );
    expect(talkNote.value).toBe('');
    await createCommands({ db }).setRecordNote('talk', highlight.talkId!, 'Written in the dashboard');
    await waitFor(() => expect(talkNote.value).toBe('Written in the dashboard'));
    await createCommands({ db }).setRecordNote('page', highlight.pageId, 'Page, from the dashboard');
    const pageNote = screen.getByRole('textbox', { name: 'Page note' }) as HTMLTextAreaElement;
    await waitFor(() => expect(pageNote.value).toBe('Page, from the dashboard'));
  });
});
