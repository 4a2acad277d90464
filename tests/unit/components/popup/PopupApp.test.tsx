import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '@/components/popup/PopupApp';
import type { PopupPage } from '@/core/page-view';
import { createNoteWriter } from '@/messaging/note-drafts';
import { createCommands } from '@/storage/commands';
import type { PageBridge } from '@/components/data/popup-actions';
import { saveClip } from '@/storage/clips';
import { importSchedule } from '@/storage/conferences';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import { recordAnchoring } from '@/storage/highlights';
import { linkPageTalks } from '@/storage/schedule-links';
import { setSetting } from '@/storage/settings';
import { noMetadata, quotedPassage } from '../../clip-fixtures';
import { event, schedule } from '../../schedule-fixtures';

const URL = 'https://conf.example/oss-summit';
const TAB = 7;

function clip(db: TalkNotesDatabase, text: string, position: number, talkTitle: string | null) {
  return saveClip(db, {
    page: {
      url: URL,
      title: 'Open Source Summit Prague 2017',
      authors: ['Blog Author'],
      siteName: 'Conference Notes Blog',
      publishedAt: '2017-10-23T11:18:00+02:00',
      lang: 'en',
      canonicalUrl: null,
      excerpt: null,
    },
    talks: [
      { title: 'Limux', speakers: ['Matthias Kirschner'], position: 100 },
      { title: 'Microservices', speakers: [], position: 2000 },
      { title: 'Live patching', speakers: [], position: 5000 },
    ],
    highlight: quotedPassage(text, position, talkTitle),
  });
}

let db: TalkNotesDatabase;
let bridge: { [K in keyof PageBridge]: ReturnType<typeof vi.fn> };
beforeEach(() => {
  db = createDatabase(`popup-app-${crypto.randomUUID()}`);
  const commands = createCommands({ db });
  const notes = createNoteWriter((id, note) => commands.updateHighlight(id, { note }));
  bridge = {
    scrollTo: vi.fn(async () => true),
    notifyChanged: vi.fn((_urls: readonly string[]) => {}),
    updateInBackground: vi.fn(async () => {}),
    isClosing: vi.fn(() => false),
    // The background's side of the note port (entrypoints/background.ts), without the port.
    saveNote: vi.fn((id: string, note: string) => notes.write(id, note)),
  };
});
afterEach(async () => {
  cleanup();
  await db.delete();
});

function show(page: PopupPage = { kind: 'page', tabId: TAB, title: 'Tab title', url: URL }) {
  render(
    <PopupApp
      load={async () => page}
      db={db}
      bridge={bridge as unknown as PageBridge}
      dashboardUrl="dashboard.html"
      locale="en-GB"
    />,
  );
}

/** The card of the highlight whose text is `text`. */
async function card(text: string) {
  const quote = await screen.findByText(text);
  return quote.closest('li.highlight') as HTMLElement;
}
const groupHeadings = () => screen.queryAllByRole('heading', { level: 3 }).map((h) => h.textContent);
const stored = (text: string) => db.highlights.filter((h) => h.text === text).first();

describe('PopupApp', () => {
  it('says plainly when the page cannot be reached', async () => {
    show({ kind: 'unreachable' });
    expect(await screen.findByText('Talk Notes cannot work on this page.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open dashboard' }).getAttribute('href')).toBe('dashboard.html');
  });

  it('teaches the gesture on a page with nothing clipped, titled from the tab', async () => {
    show();
    expect((await screen.findByRole('heading', { level: 2 })).textContent).toBe('Tab title');
    expect(screen.getByText('No highlights yet')).toBeTruthy();
    const empty = screen.getByRole('region', { name: 'How to clip' });
    expect(empty.textContent).toMatch(/Select a passage on the page\..*Click Highlight/);
    expect(within(empty).getByRole('link', { name: 'dashboard' }).getAttribute('href')).toBe(
      'dashboard.html',
    );
  });

  it('shows the page, its highlights by talk in document order, and orphans apart', async () => {
    await clip(db, 'Microservice mesh', 2100, 'Microservices');
    await clip(db, 'Intro before any talk', 10, null);
    await clip(db, 'Do we suck at desktop?', 150, 'Limux');
    const { highlight: gone } = await clip(db, 'A removed paragraph', 160, 'Limux');
    await recordAnchoring(db, URL, [{ id: gone.id, status: 'orphan' }]);
    show();

    expect((await screen.findByRole('heading', { level: 2 })).textContent).toBe(
      'Open Source Summit Prague 2017',
    );
    expect(screen.getByText('Conference Notes Blog · Blog Author · 23 Oct 2017')).toBeTruthy();
    expect(screen.getByText('4 highlights · 1 not found on this page')).toBeTruthy();
    expect(groupHeadings()).toEqual(['No talk', 'Limux', 'Microservices', 'Not found on this page']);
    expect(screen.getByText('Matthias Kirschner')).toBeTruthy();
    const orphans = screen.getByRole('region', { name: 'Not found on this page' });
    expect(within(orphans).getByText('A removed paragraph')).toBeTruthy();
    // An orphan is not on the page: its text does not offer to scroll there.
    expect(within(orphans).queryByRole('button', { name: 'A removed paragraph' })).toBeNull();
    const limux = screen.getByRole('region', { name: 'Limux' });
    expect(within(limux).getByRole('button', { name: 'Do we suck at desktop?' })).toBeTruthy();
  });

  it('renders a highlight’s text and note as text, never as HTML', async () => {
    const { highlight } = await clip(db, '<img src=x onerror=alert(1)> <b>bold</b>', 10, null);
    await db.highlights.update(highlight.id, { note: '<script>alert(2)</script>' });
    show();
    const item = await card('<img src=x onerror=alert(1)> <b>bold</b>');
    expect(item.querySelector('img, b, script')).toBeNull();
    expect(within(item).getByText('<script>alert(2)</script>')).toBeTruthy();
  });

  it('shows highlights clipped while it is open', async () => {
    show();
    await screen.findByText('No highlights yet');
    await clip(db, 'Fresh clip', 150, 'Limux');
    expect(await screen.findByRole('button', { name: 'Fresh clip' })).toBeTruthy();
    expect(screen.getByText('1 highlight')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'How to clip' })).toBeNull();
  });

  it('offers the pages of the tab’s same-origin frames, each with its own highlights', async () => {
    const FRAMED = 'https://conf.example/embed/live-notes';
    await clip(db, 'On the top page', 150, 'Limux');
    const { highlight } = await saveClip(db, {
      page: { url: FRAMED, title: 'Live notes', ...noMetadata() },
      talks: [],
      highlight: quotedPassage('Inside the embed', 20, null),
    });
    show({
      kind: 'page',
      tabId: TAB,
      title: 'Tab title',
      url: URL,
      pages: [
        { url: URL, title: 'Tab title' },
        { url: FRAMED, title: 'Embedded notes', framed: true },
      ],
    });
    expect(await screen.findByRole('button', { name: 'On the top page' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Inside the embed' })).toBeNull();
    const chooser = screen.getByRole('combobox', { name: 'Page in this tab' }) as HTMLSelectElement;
    expect([...chooser.options].map((o) => o.textContent)).toEqual([
      'This page: Tab title',
      'Embedded: Embedded notes',
    ]);
    fireEvent.change(chooser, { target: { value: FRAMED } });
    fireEvent.click(await screen.findByRole('button', { name: 'Inside the embed' }));
    expect(screen.queryByRole('button', { name: 'On the top page' })).toBeNull();
    expect((await screen.findByRole('heading', { level: 2 })).textContent).toBe('Live notes');
    // Scrolling goes to the frame that shows the embedded page.
    await waitFor(() => expect(bridge.scrollTo).toHaveBeenCalledWith(TAB, highlight.id, FRAMED));
  });

  it('shows no page chooser for a tab without framed pages', async () => {
    show();
    await screen.findByRole('heading', { level: 2 });
    expect(screen.queryByRole('combobox', { name: 'Page in this tab' })).toBeNull();
  });

  it('scrolls the page to a highlight, and says so when it is not there', async () => {
    const { highlight } = await clip(db, 'Scroll to me', 150, 'Limux');
    show();
    fireEvent.click(await screen.findByRole('button', { name: 'Scroll to me' }));
    await waitFor(() => expect(bridge.scrollTo).toHaveBeenCalledWith(TAB, highlight.id, URL));
    bridge.scrollTo.mockResolvedValueOnce(false);
    fireEvent.click(screen.getByRole('button', { name: 'Scroll to me' }));
    expect(await screen.findByText('This passage is not on the page right now.')).toBeTruthy();
  });

  it('edits note, tags and colour, saving each and telling the page', async () => {
    await clip(db, 'Annotate me', 150, 'Limux');
    await clip(db, 'Other', 160, 'Limux');
    await db.highlights.toCollection().modify((h) => {
      if (h.text === 'Other') h.tags = ['linux/desktop'];
    });
    show();
    const item = await card('Annotate me');
    const edit = within(item).getByRole('button', { name: 'Edit' });
    expect(edit.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(edit);
    const note = within(item).getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement;
    await waitFor(() => expect(document.activeElement).toBe(note));
    fireEvent.input(note, { target: { value: 'Questions to ask **before** a migration' } });
    fireEvent.blur(note);

    const tags = within(item).getByRole('combobox', { name: 'Add tags' });
    // Completion offers the library's tags.
    const offered = () =>
      [...document.getElementById(tags.getAttribute('list')!)!.querySelectorAll('option')].map(
        (o) => o.value,
      );
    await waitFor(() => expect(offered()).toEqual(['linux/desktop']));
    fireEvent.input(tags, { target: { value: 'Migration, ' } });
    fireEvent.input(tags, { target: { value: 'linux/desktop' } });
    fireEvent.keyDown(tags, { key: 'Enter' });
    fireEvent.click(within(item).getByRole('radio', { name: 'Blue' }));

    await waitFor(async () =>
      expect(await stored('Annotate me')).toMatchObject({
        note: 'Questions to ask **before** a migration',
        tags: ['Migration', 'linux/desktop'],
        color: 'blue',
      }),
    );
    await waitFor(() => expect(bridge.notifyChanged).toHaveBeenCalledWith([URL]));
    // The note went to the background as typed (#14), not by the popup's own write.
    expect(bridge.saveNote).toHaveBeenCalledWith(
      (await stored('Annotate me'))!.id,
      'Questions to ask **before** a migration',
    );

    // Escape closes the editor; the note and tags show on the card, focus is back on Edit.
    fireEvent.keyDown(within(item).getByRole('radio', { name: 'Blue' }), { key: 'Escape' });
    const closed = await card('Annotate me');
    await waitFor(() =>
      expect(document.activeElement).toBe(within(closed).getByRole('button', { name: 'Edit' })),
    );
    expect(within(closed).getByText('Questions to ask **before** a migration')).toBeTruthy();
    // The card shows what is stored once the live query has caught up with both tag saves (an answer
    // to the first save can arrive after the second settled, for a moment).
    await waitFor(() =>
      expect(
        within(within(closed).getByRole('list', { name: 'Tags' }))
          .getAllByRole('listitem')
          .map((li) => li.textContent),
      ).toEqual(['Migration', 'linux/desktop']),
    );
  });

  it('moves a highlight to another talk or a new one, keeping the focus on its talk picker', async () => {
    await clip(db, 'Move me', 150, 'Limux');
    show();
    fireEvent.click(within(await card('Move me')).getByRole('button', { name: 'Edit' }));
    fireEvent.change(within(await card('Move me')).getByRole('combobox', { name: 'Talk' }), {
      target: { value: (await db.talks.filter((t) => t.title === 'Live patching').first())!.id },
    });
    await waitFor(() => expect(groupHeadings()).toEqual(['Live patching']));
    const moved = await card('Move me');
    await waitFor(() =>
      expect(document.activeElement).toBe(within(moved).getByRole('combobox', { name: 'Talk' })),
    );

    fireEvent.click(within(moved).getByRole('button', { name: 'New talk…' }));
    const name = within(moved).getByRole('textbox', { name: 'New talk name' });
    fireEvent.input(name, { target: { value: 'Hallway track' } });
    fireEvent.submit(name.closest('form')!);
    await waitFor(() => expect(groupHeadings()).toEqual(['Hallway track']));
    const talk = await db.talks.filter((t) => t.title === 'Hallway track').first();
    expect(talk).toMatchObject({ detected: false });
    expect((await stored('Move me'))!.talkId).toBe(talk!.id);
    await waitFor(() =>
      expect(document.activeElement).toBe(
        within(screen.getByRole('region', { name: 'Hallway track' })).getByRole('combobox', { name: 'Talk' }),
      ),
    );
    await waitFor(() => expect(bridge.notifyChanged).toHaveBeenCalledWith([URL]));
  });

  it('deletes without asking and undoes exactly, note and tags included', async () => {
    const { highlight } = await clip(db, 'Delete me', 150, 'Limux');
    await db.highlights.update(highlight.id, { note: 'keep this', tags: ['a', 'b/c'] });
    const before = await db.highlights.get(highlight.id);
    show();
    fireEvent.click(within(await card('Delete me')).getByRole('button', { name: 'Delete' }));
    const undo = await screen.findByRole('button', { name: 'Undo' });
    expect(screen.getByText('Highlight deleted.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(undo));
    await waitFor(() => expect(screen.queryByText('Delete me')).toBeNull());
    expect(await db.highlights.get(highlight.id)).toBeUndefined();

    fireEvent.click(undo);
    expect(await screen.findByText('Delete me')).toBeTruthy();
    expect(await db.highlights.get(highlight.id)).toEqual(before);
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    await waitFor(() =>
      expect(document.activeElement).toBe(
        within(screen.getByRole('region', { name: 'Limux' })).getByRole('button', { name: 'Edit' }),
      ),
    );
    expect(bridge.notifyChanged).toHaveBeenCalledTimes(2);
  });

  it('renames a talk, sets its speakers and tags all its highlights', async () => {
    await clip(db, 'One', 150, 'Limux');
    await clip(db, 'Two', 160, 'Limux');
    show();
    const group = await screen.findByRole('region', { name: 'Limux' });
    fireEvent.click(within(group).getByRole('button', { name: 'Edit talk' }));
    fireEvent.input(within(group).getByRole('textbox', { name: 'Talk title' }), {
      target: { value: 'Limux - the loss of a lighthouse' },
    });
    fireEvent.input(within(group).getByRole('textbox', { name: 'Speakers' }), {
      target: { value: 'Matthias Kirschner, FSFE' },
    });
    fireEvent.submit(within(group).getByRole('textbox', { name: 'Talk title' }).closest('form')!);
    const renamed = await screen.findByRole('region', { name: 'Limux - the loss of a lighthouse' });
    expect(await within(renamed).findByText('Matthias Kirschner, FSFE')).toBeTruthy();
    expect(
      await db.talks.filter((t) => t.title === 'Limux - the loss of a lighthouse').first(),
    ).toMatchObject({
      speakers: ['Matthias Kirschner', 'FSFE'],
      detectedTitle: 'Limux',
    });

    fireEvent.click(within(renamed).getByRole('button', { name: 'Tag all' }));
    const input = within(renamed).getByRole('combobox', { name: 'Tags for every highlight of this talk' });
    fireEvent.input(input, { target: { value: 'public-sector, migration' } });
    fireEvent.submit(input.closest('form')!);
    expect(await within(renamed).findByText('Tagged 2 highlights.')).toBeTruthy();
    expect((await db.highlights.toArray()).map((h) => h.tags)).toEqual([
      ['public-sector', 'migration'],
      ['public-sector', 'migration'],
    ]);
  });

  it('lets the reader name colours, and shows the names with the highlights', async () => {
    await clip(db, 'Key passage', 150, 'Limux');
    await setSetting(db, 'colorNames', { blue: 'question' });
    show();
    const item = await card('Key passage');
    expect(within(item).queryByText('question')).toBeNull();
    fireEvent.click(screen.getByText('Name your colours'));
    const yellow = screen.getByRole('textbox', { name: 'Yellow' }) as HTMLInputElement;
    fireEvent.input(yellow, { target: { value: 'key idea' } });
    fireEvent.keyDown(yellow, { key: 'Enter' });
    expect(await within(item).findByText('key idea')).toBeTruthy();
    await waitFor(async () =>
      expect((await db.settings.get('colorNames'))?.value).toEqual({ yellow: 'key idea', blue: 'question' }),
    );
    // Escape drops what is being typed.
    fireEvent.input(yellow, { target: { value: 'oops' } });
    fireEvent.keyDown(yellow, { key: 'Escape' });
    expect(yellow.value).toBe('key idea');
    // Emptied, a name is gone.
    const blue = screen.getByRole('textbox', { name: 'Blue' });
    fireEvent.input(blue, { target: { value: '  ' } });
    fireEvent.blur(blue);
    await waitFor(async () =>
      expect((await db.settings.get('colorNames'))?.value).toEqual({ yellow: 'key idea' }),
    );
  });

  it('creates a talk with no highlights yet', async () => {
    await clip(db, 'Something', 150, 'Limux');
    show();
    fireEvent.click(await screen.findByRole('button', { name: 'New talk…' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Talk title' }), {
      target: { value: 'Lightning talks' },
    });
    fireEvent.submit(screen.getByRole('textbox', { name: 'Talk title' }).closest('form')!);
    const group = await screen.findByRole('region', { name: 'Lightning talks' });
    expect(within(group).getByText(/move one here/)).toBeTruthy();
  });
});

/**
 * The clip guard's offer (#13): a passage of a matched talk whose lead names another talk of the
 * conference asks "Which talk is this passage from?" on its own card, with the talk group's offer
 * UI; picking files it under the picked schedule talk, declining keeps it.
 */
describe('the clip guard’s offer in the popup', () => {
  const RUST = 'Rust for Linux — Miguel Ojeda';
  const VACUUM = 'Postgres Vacuum Internals';
  const QUESTION = 'Which talk is this passage from?';
  const scheduleTalk = (scheduleId: string) => db.talks.filter((t) => t.scheduleId === scheduleId).first();
  beforeEach(async () => {
    await importSchedule(
      db,
      schedule([
        event('rust', 'Rust for Linux: where we are in 2026', '2026-01-31T10:00:00+01:00', {
          speakers: ['Miguel Ojeda'],
          room: 'Janson',
        }),
        event('pg', VACUUM, '2026-01-31T11:00:00+01:00', { speakers: ['Tomas Vondra'], room: 'Janson' }),
      ]),
      { url: 'https://fosdem.example/schedule.xml' },
    );
    // Detection took only the Rust talk's heading; the Vacuum talk's plain line leads the second clip.
    for (const [text, position, lead] of [
      ['memory safety in drivers', 150, null],
      ['autovacuum tuning is about cost limits', 400, `Then Tomas Vondra on ${VACUUM}`],
    ] as const) {
      await saveClip(db, {
        page: {
          url: URL,
          title: 'My FOSDEM 2026 notes',
          ...noMetadata(),
          publishedAt: '2026-02-02T08:00:00Z',
        },
        talks: [{ title: RUST, speakers: ['Miguel Ojeda'], position: 100 }],
        highlight: {
          ...quotedPassage(text, position, RUST),
          ...(lead ? { clipLead: { text: lead, likeHeading: false } } : {}),
        },
      });
    }
    await linkPageTalks(db, 'all');
  });

  it('asks on the offered passage’s card only, named talk first, under its page talk', async () => {
    show();
    const offered = await card('autovacuum tuning is about cost limits');
    const question = await within(offered).findByRole('group', { name: QUESTION });
    expect(
      within(question)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      expect.stringMatching(/^Is this “Postgres Vacuum Internals” \(.*Sat.*11:00.*Janson\)\? Yes$/),
      expect.stringMatching(
        /^Is this “Rust for Linux: where we are in 2026” \(.*Sat.*10:00.*Janson\)\? Yes$/,
      ),
    ]);
    expect(
      within(await card('memory safety in drivers')).queryByRole('group', { name: QUESTION }),
    ).toBeNull();
    // Both cards are in the page talk's group, linked to the Rust talk.
    const group = screen.getByRole('region', { name: RUST });
    expect(
      within(group)
        .getAllByRole('listitem')
        .filter((li) => li.matches('li.highlight')),
    ).toHaveLength(2);
  });

  it('picking files the passage under the picked schedule talk, pinned, and shows it in that talk’s group', async () => {
    show();
    const offered = await card('autovacuum tuning is about cost limits');
    const question = await within(offered).findByRole('group', { name: QUESTION });
    fireEvent.click(within(question).getByRole('button', { name: `Yes, it is “${VACUUM}”` }));
    const pg = await scheduleTalk('pg');
    await waitFor(async () =>
      expect(await stored('autovacuum tuning is about cost limits')).toMatchObject({
        talkId: pg!.id,
        talkPinned: true,
      }),
    );
    const group = await screen.findByRole('region', { name: VACUUM });
    expect(within(group).getByText('autovacuum tuning is about cost limits')).toBeTruthy();
    expect(screen.queryByRole('group', { name: QUESTION })).toBeNull();
    expect(screen.getByText(`The passage is filed under “${VACUUM}”.`).getAttribute('role')).toBe('status');
  });

  it('declining keeps the passage under its page talk, and the question does not come back', async () => {
    show();
    const offered = await card('autovacuum tuning is about cost limits');
    const question = await within(offered).findByRole('group', { name: QUESTION });
    fireEvent.click(within(question).getByRole('button', { name: `Keep under “${RUST}”` }));
    await waitFor(() => expect(screen.queryByRole('group', { name: QUESTION })).toBeNull());
    const record = await stored('autovacuum tuning is about cost limits');
    expect(record?.guardDeclined).toBe(true);
    expect(record?.scheduleCandidates).toBeUndefined();
    await linkPageTalks(db, 'all');
    expect((await stored('autovacuum tuning is about cost limits'))?.scheduleCandidates).toBeUndefined();
    expect(
      within(screen.getByRole('region', { name: RUST })).getByText('autovacuum tuning is about cost limits'),
    ).toBeTruthy();
  });
});
