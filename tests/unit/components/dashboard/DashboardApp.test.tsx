import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DashboardApp, type DashboardView } from '@/components/dashboard/DashboardApp';
import type { HighlightRecord } from '@/core/types';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import { setSetting } from '@/storage/settings';
import { makeLibrary } from '../../../e2e/seed-library';
import { hl, page, T0, talk } from '../../core/library/library-fixtures';

const NOW = Date.UTC(2025, 5, 1, 12);
/** jsdom computes no layout: a viewport tall enough for every row of this small library. */
const VIEWPORT = { width: 1000, height: 20_000 };

let db: TalkNotesDatabase;
beforeEach(() => {
  db = createDatabase(`dashboard-${crypto.randomUUID()}`, { cache: 'immutable' });
});
afterEach(async () => {
  cleanup();
  await db.delete();
});

/** A small seeded library, with two highlights whose content the tests rely on. */
async function fill() {
  const library = makeLibrary({ highlights: 12, pages: 3, seed: 5, collections: 1 });
  const [first, second] = library.highlights as [HighlightRecord, HighlightRecord];
  Object.assign(first, {
    text: 'Livepatch lets you fix a running kernel <img src=x onerror="alert(1)">',
    note: 'Ask about kGraft',
    tags: ['kernel'],
    color: 'green',
  });
  Object.assign(second, { text: 'Rust drivers land upstream', note: '', tags: [], color: 'pink' });
  await db.pages.bulkAdd(library.pages);
  await db.talks.bulkAdd(library.talks);
  await db.highlights.bulkAdd(library.highlights);
  await db.collections.bulkAdd(library.collections);
  return { library, first, second };
}

function show(
  props: {
    renderExport?: (view: DashboardView) => null;
    onHighlightsChanged?: () => void;
    handOverNote?: (id: string, note: string) => void;
  } = {},
) {
  render(<DashboardApp db={db} listViewport={VIEWPORT} now={() => NOW} {...props} />);
}

const status = () => screen.getByRole('status', { name: 'Library summary' }).textContent;
const article = (text: RegExp) => screen.getByRole('article', { name: text });

describe('DashboardApp', () => {
  it('shows an empty library', async () => {
    show();
    await waitFor(() => expect(status()).toBe('0 highlights from 0 pages'));
    expect(screen.getByRole('heading', { name: 'Talk Notes library' })).toBeTruthy();
    expect(screen.getByText(/No highlights yet/)).toBeTruthy();
  });

  it('lists highlights grouped by talk, with their text as text and a link to the passage', async () => {
    const { library, first } = await fill();
    show();
    await waitFor(() => expect(status()).toBe('12 highlights from 3 pages'));
    const row = article(/Livepatch lets you fix/);
    // Page text is never parsed as HTML.
    expect(row.querySelector('img')).toBeNull();
    expect(within(row).getByText(/onerror="alert\(1\)"/)).toBeTruthy();
    expect(within(row).getByText('Ask about kGraft')).toBeTruthy();
    const page = library.pages.find((p) => p.id === first.pageId)!;
    // Grouped by talk, a talk from one page names that page in its header: the row links to the passage.
    const link = within(row).getByRole('link', { name: `Open passage on ${page.title}` });
    expect(link.getAttribute('href')).toMatch(new RegExp(`^${page.url}#:~:text=`));
    expect(link.getAttribute('rel')).toContain('noopener');
    const talk = library.talks.find((t) => t.id === first.talkId);
    if (talk)
      expect(screen.getAllByRole('heading', { level: 2, name: talk.title }).length).toBeGreaterThan(0);
  });

  it('lists a post read at several addresses once, its highlights together, its permalink first (#18)', async () => {
    const permalink = 'https://blog.example/posts/scaling';
    const pages = [
      // Clipped on the archive page before post identity, then at the post's own address, then an AMP view.
      page('archive', {
        url: 'https://blog.example/2024/',
        title: 'Scaling Postgres',
        fingerprint: 'f'.repeat(16),
      }),
      page('post', {
        url: permalink,
        title: 'Scaling Postgres',
        fingerprint: 'f'.repeat(16),
        createdAt: T0 + 1,
      }),
      page('amp', {
        url: 'https://amp.blog.example/scaling',
        title: 'Scaling Postgres',
        canonicalUrl: permalink,
        createdAt: T0 + 2,
      }),
      page('other', { url: 'https://blog.example/posts/other', title: 'Another post' }),
    ];
    await db.pages.bulkAdd(pages);
    await db.highlights.bulkAdd(
      pages.map((p, i) =>
        hl(`h-${p.id}`, p.id, { url: p.url, text: `passage ${p.id}`, position: i, createdAt: T0 + i }),
      ),
    );
    show();
    await waitFor(() => expect(status()).toBe('4 highlights from 2 pages'));
    // The list's Group by (the export options have one too).
    const groupBy = screen
      .getAllByRole('combobox', { name: 'Group by' })
      .find((select) => select.querySelector('option[value="day"]'))!;
    fireEvent.change(groupBy, { target: { value: 'page' } });
    await waitFor(() =>
      expect(screen.getAllByRole('heading', { level: 2, name: 'Scaling Postgres' })).toHaveLength(1),
    );
    const header = screen.getByRole('heading', { level: 2, name: 'Scaling Postgres' }).closest('section')!;
    expect(within(header).getByText('3 highlights')).toBeTruthy();
    expect(within(header).getByRole('link', { name: 'Open post' }).getAttribute('href')).toBe(permalink);
    expect(
      within(header)
        .getAllByRole('link')
        .map((a) => a.getAttribute('href')),
    ).toEqual([permalink, 'https://blog.example/2024/', 'https://amp.blog.example/scaling']);
    expect(within(header).getByRole('link', { name: 'amp.blog.example/scaling' })).toBeTruthy();
    // A post at one address keeps its one link.
    const other = screen.getByRole('heading', { level: 2, name: 'Another post' }).closest('section')!;
    expect(
      within(other)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Open page']);
    // Searching still finds the post's passages under the one entry.
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search' }), {
      target: { value: 'passage archive' },
    });
    await waitFor(() => expect(status()).toBe('1 of 4 highlights, from 1 of 2 pages'));
  });

  it('lists the addresses a post was read at: permalink first, then each as a named link (#18)', async () => {
    const permalink = 'https://blog.example/posts/scaling';
    const archive = 'https://blog.example/2024/';
    const moved = 'https://blog.example/posts/scaling-postgres';
    // Clipped at its permalink, then on the archive page and at the post's new address: one page record.
    const post = page('post', { url: permalink, title: 'Scaling Postgres', readAt: [archive, moved] });
    await db.pages.bulkAdd([
      post,
      page('other', { url: 'https://blog.example/posts/other', title: 'Other' }),
    ]);
    await db.highlights.bulkAdd([
      hl('h1', 'post', { url: permalink, text: 'passage one', position: 1 }),
      hl('h2', 'other', { url: 'https://blog.example/posts/other', text: 'passage two', position: 2 }),
    ]);
    show();
    const groupBy = await waitFor(
      () =>
        screen
          .getAllByRole('combobox', { name: 'Group by' })
          .find((select) => select.querySelector('option[value="day"]'))!,
    );
    fireEvent.change(groupBy, { target: { value: 'page' } });
    const header = await waitFor(
      () => screen.getByRole('heading', { level: 2, name: 'Scaling Postgres' }).closest('section')!,
    );
    expect(within(header).getByRole('link', { name: 'Open post' }).getAttribute('href')).toBe(permalink);
    expect(
      within(header)
        .getAllByRole('link')
        .map((a) => [a.textContent, a.getAttribute('href')]),
    ).toEqual([
      ['Open post', permalink],
      ['blog.example/2024/', archive],
      ['blog.example/posts/scaling-postgres', moved],
    ]);
    expect(within(header).getByText(/also read at/)).toBeTruthy();
  });

  it('lists a page’s talks in page order, newest clip first only when the reader orders so', async () => {
    const recap = page('p', { title: 'KubeCon recap' });
    const at = (id: string, title: string, position: number) => ({ ...talk(id, 'p', title), position });
    await db.pages.add(recap);
    await db.talks.bulkAdd([at('t1', 'Opening keynote', 100), at('t2', 'Closing panel', 900)]);
    // The closing panel was clipped last.
    await db.highlights.bulkAdd([
      hl('h-open', 'p', { url: recap.url, talkId: 't1', position: 150, createdAt: T0 }),
      hl('h-close', 'p', { url: recap.url, talkId: 't2', position: 950, createdAt: T0 + 1000 }),
    ]);
    show();
    const talkHeadings = () =>
      screen
        .getAllByRole('heading', { level: 2 })
        .map((h) => h.textContent ?? '')
        .filter((t) => /Opening keynote|Closing panel/.test(t));
    await waitFor(() => expect(talkHeadings()).toHaveLength(2));
    expect(talkHeadings()[0]).toMatch(/Opening keynote/);
    fireEvent.change(screen.getByRole('combobox', { name: 'Order' }), { target: { value: 'newest' } });
    await waitFor(() => expect(talkHeadings()[0]).toMatch(/Closing panel/));
  });

  it('deletes all data only after a typed confirmation, offering a backup first, and tells open pages', async () => {
    const { library } = await fill();
    await setSetting(db, 'colorNames', { yellow: 'Idea' });
    const changed = vi.fn();
    show({ onHighlightsChanged: changed });
    await waitFor(() => expect(status()).toBe('12 highlights from 3 pages'));
    fireEvent.click(screen.getByRole('button', { name: 'Delete all data…' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete all data' });
    const remove = within(dialog).getByRole('button', { name: 'Delete everything' });
    expect((remove as HTMLButtonElement).disabled).toBe(true);
    fireEvent.input(within(dialog).getByRole('textbox', { name: 'Confirmation' }), {
      target: { value: 'delete' },
    });
    expect((remove as HTMLButtonElement).disabled).toBe(true); // the word exactly, in capitals
    fireEvent.input(within(dialog).getByRole('textbox', { name: 'Confirmation' }), {
      target: { value: 'DELETE' },
    });
    expect((remove as HTMLButtonElement).disabled).toBe(false);
    // Escape closes it and deletes nothing.
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await db.highlights.count()).toBe(12);

    fireEvent.click(screen.getByRole('button', { name: 'Delete all data…' }));
    const again = screen.getByRole('dialog', { name: 'Delete all data' });
    fireEvent.input(within(again).getByRole('textbox', { name: 'Confirmation' }), {
      target: { value: 'DELETE' },
    });
    fireEvent.click(within(again).getByRole('button', { name: 'Delete everything' }));
    await waitFor(() =>
      expect(screen.getByText(/^Deleted all Talk Notes data in this browser/)).toBeTruthy(),
    );
    await waitFor(() => expect(status()).toBe('0 highlights from 0 pages'));
    for (const table of db.tables) expect(await table.count(), table.name).toBe(0);
    expect(changed).toHaveBeenCalledWith(expect.arrayContaining(library.pages.map((p) => p.url)));
  });

  it('searches as you type and marks the matches', async () => {
    await fill();
    show();
    await waitFor(() => expect(status()).toBe('12 highlights from 3 pages'));
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'livepatch' } });
    await waitFor(() => expect(status()).toMatch(/^1 of 12 highlights/));
    const marks = [...article(/Livepatch/).querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toEqual(['Livepatch']);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'kgraft' } });
    await waitFor(() => expect(article(/Livepatch/).querySelector('mark')?.textContent).toBe('kGraft'));
  });

  it('filters by colour under its name', async () => {
    await setSetting(db, 'colorNames', { green: 'Key idea' });
    await fill();
    show();
    fireEvent.click(await screen.findByRole('checkbox', { name: /Key idea/ }));
    await waitFor(() => expect(status()).toMatch(/^\d+ of 12 highlights/));
    for (const row of screen.getAllByRole('article')) expect(within(row).getByText('Key idea')).toBeTruthy();
  });

  it('filters by author only in a library of more than one author (#16)', async () => {
    const { first } = await fill();
    show();
    await waitFor(() => expect(status()).toBe('12 highlights from 3 pages'));
    // One author (none recorded): nothing to choose.
    expect(screen.queryByRole('group', { name: 'Authors (any of)' })).toBeNull();
    await db.highlights.update(first.id, { author: 'Ada' });
    const authors = await screen.findByRole('group', { name: 'Authors (any of)' });
    fireEvent.click(within(authors).getByRole('checkbox', { name: /^Ada/ }));
    await waitFor(() => expect(status()).toMatch(/^1 of 12 highlights/));
    expect(
      screen.getAllByRole('article').map((row) => row.getAttribute('aria-label') ?? row.textContent),
    ).toHaveLength(1);
    expect(article(/Livepatch lets you fix/)).toBeTruthy();
    fireEvent.click(within(authors).getByRole('checkbox', { name: /^Ada/ }));
    fireEvent.click(within(authors).getByRole('checkbox', { name: /^Unknown author/ }));
    await waitFor(() => expect(status()).toMatch(/^11 of 12 highlights/));
  });

  it('edits a note inline and tells open pages', async () => {
    const { first } = await fill();
    const onHighlightsChanged = vi.fn();
    show({ onHighlightsChanged });
    const row = await waitFor(() => article(/Livepatch/));
    fireEvent.click(within(row).getByRole('button', { name: 'Edit' }));
    const note = within(article(/Livepatch/)).getByRole('textbox', { name: 'Note' });
    fireEvent.input(note, { target: { value: 'Ask about kpatch too' } });
    fireEvent.blur(note);
    await waitFor(async () => expect((await db.highlights.get(first.id))?.note).toBe('Ask about kpatch too'));
    await waitFor(() => expect(onHighlightsChanged).toHaveBeenCalledWith([first.url]));
  });

  it('hands each keystroke of a note to the background when it can (#14), writing nothing itself', async () => {
    const { first } = await fill();
    const handOverNote = vi.fn();
    show({ handOverNote });
    const row = await waitFor(() => article(/Livepatch/));
    fireEvent.click(within(row).getByRole('button', { name: 'Edit' }));
    const note = within(article(/Livepatch/)).getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement;
    note.value = 'A';
    fireEvent.input(note);
    note.value = 'As';
    fireEvent.input(note);
    // At once, without waiting for a pause in typing: the tab may close after any keystroke.
    expect(handOverNote.mock.calls).toEqual([
      [first.id, 'A'],
      [first.id, 'As'],
    ]);
    expect((await db.highlights.get(first.id))?.note).toBe(first.note);
  });

  it('selects with click and shift-click, tags in bulk, deletes and undoes exactly', async () => {
    await fill();
    show();
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(12));
    const boxes = () => screen.getAllByRole('checkbox', { name: /^Select highlight/ });
    fireEvent.click(boxes()[0]!);
    fireEvent.click(boxes()[3]!, { shiftKey: true });
    const bulk = await screen.findByRole('toolbar', { name: 'Selected highlights' });
    expect(within(bulk).getByText('4 highlights selected')).toBeTruthy();
    const ids = screen
      .getAllByRole('article')
      .slice(0, 4)
      .map((a) => a.getAttribute('data-highlight-id')!);

    fireEvent.input(within(bulk).getByRole('textbox', { name: /Tags to add/ }), {
      target: { value: 'to-review' },
    });
    fireEvent.click(within(bulk).getByRole('button', { name: 'Add tags' }));
    await waitFor(async () => {
      const stored = await db.highlights.bulkGet(ids);
      expect(stored.every((h) => h?.tags.includes('to-review'))).toBe(true);
    });

    const before = await db.highlights.bulkGet(ids);
    fireEvent.click(within(bulk).getByRole('button', { name: 'Delete 4 highlights' }));
    await waitFor(() => expect(status()).toBe('8 highlights from 3 pages'));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(status()).toBe('12 highlights from 3 pages'));
    expect(await db.highlights.bulkGet(ids)).toEqual(before);
  });

  it('moves and selects with the keyboard', async () => {
    await fill();
    show();
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(12));
    const feed = screen.getByRole('region', { name: 'Highlights' });
    const first = feed.querySelector<HTMLElement>('[tabindex="0"]')!;
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement?.tagName).toBe('ARTICLE'));
    fireEvent.keyDown(document.activeElement!, { key: ' ' });
    await screen.findByText('1 highlight selected');
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('toolbar', { name: 'Selected highlights' })).toBeNull());
  });

  it('saves the results as a collection, and shows only a collection', async () => {
    await fill();
    show();
    fireEvent.input(await screen.findByRole('searchbox', { name: 'Search' }), {
      target: { value: 'rust drivers' },
    });
    await waitFor(() => expect(status()).toMatch(/^1 of 12/));
    fireEvent.click(screen.getByRole('button', { name: 'Save 1 result as collection' }));
    // A dialog with a name to start from, whose description says it is a fixed set, not a live filter (#17).
    const dialog = screen.getByRole('dialog', { name: 'Save results as a collection' });
    const form = within(dialog).getByRole('form', { name: 'Save results as a collection' });
    expect((within(form).getByRole('textbox', { name: 'Name' }) as HTMLInputElement).value).toBe(
      'Search “rust drivers”',
    );
    expect((within(form).getByRole('textbox', { name: 'Description' }) as HTMLTextAreaElement).value).toBe(
      `Fixed set: the 1 highlight that matched search “rust drivers” on ${new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(NOW)}. Highlights clipped later are not added.`,
    );
    fireEvent.input(within(form).getByRole('textbox', { name: 'Name' }), { target: { value: 'Rust' } });
    fireEvent.submit(form);
    const open = await screen.findByRole('button', { name: /^Rust/ });
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: '' } });
    fireEvent.click(open);
    await waitFor(() => expect(status()).toMatch(/^1 of 12/));
    expect(screen.getByRole('heading', { level: 2, name: 'Rust' })).toBeTruthy();
  });

  it('saves the results as a saved search: opened later, it holds what matches then, and exports that (#17)', async () => {
    const { first } = await fill();
    const renderExport = vi.fn<(view: DashboardView) => null>(() => null);
    show({ renderExport });
    fireEvent.input(await screen.findByRole('searchbox', { name: 'Search' }), {
      target: { value: 'rust drivers' },
    });
    await waitFor(() => expect(status()).toMatch(/^1 of 12/));
    fireEvent.click(screen.getByRole('button', { name: 'Save 1 result as collection' }));
    const dialog = screen.getByRole('dialog', { name: 'Save results as a collection' });
    const description = () =>
      (within(dialog).getByRole('textbox', { name: 'Description' }) as HTMLTextAreaElement).value;
    expect(description()).toMatch(/^Fixed set: /);
    fireEvent.click(within(dialog).getByRole('radio', { name: /^Saved search/ }));
    await waitFor(() =>
      expect(description()).toBe(
        `Saved search: the highlights that match search “rust drivers”, found again whenever it is opened (1 on ${new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(NOW)}). Highlights clipped later that match are included.`,
      ),
    );
    fireEvent.input(within(dialog).getByRole('textbox', { name: 'Name' }), { target: { value: 'Rust' } });
    fireEvent.submit(within(dialog).getByRole('form', { name: 'Save results as a collection' }));
    const open = await screen.findByRole('button', { name: /^Rust/ });
    // The list says which kind each collection is.
    expect(open.parentElement!.textContent).toContain('Saved search');
    const stored = (await db.collections.toArray()).find((c) => c.name === 'Rust')!;
    expect(stored).toMatchObject({ highlightIds: [], search: { query: 'rust drivers', tags: [] } });
    // A passage clipped later that matches is in it when it is opened; the export takes it too.
    await db.highlights.put({
      ...first,
      id: 'later',
      text: 'Rust drivers need safe abstractions',
      note: '',
      tags: [],
      createdAt: NOW,
    });
    await waitFor(() => expect(status()).toMatch(/^2 of 13/));
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: '' } });
    fireEvent.click(open);
    await waitFor(() => expect(status()).toMatch(/^2 of 13/));
    expect(screen.getByRole('heading', { level: 2, name: 'Rust' })).toBeTruthy();
    await waitFor(() => expect(open.textContent).toContain('(2)'));
    await waitFor(() =>
      expect(renderExport.mock.lastCall?.[0].target.map((h) => h.text).sort()).toEqual([
        'Rust drivers land upstream',
        'Rust drivers need safe abstractions',
      ]),
    );
    expect(renderExport.mock.lastCall?.[0].title).toBe('Rust');
  });

  it('gives the export slot what is in view, and the selection', async () => {
    await fill();
    const renderExport = vi.fn<(view: DashboardView) => null>(() => null);
    show({ renderExport });
    await waitFor(() => expect(renderExport.mock.lastCall?.[0].highlights).toHaveLength(12));
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'livepatch' } });
    await waitFor(() =>
      expect(renderExport.mock.lastCall?.[0].target.map((h) => h.text)).toEqual([
        expect.stringMatching(/^Livepatch/),
      ]),
    );
    expect(renderExport.mock.lastCall?.[0]).toMatchObject({
      description: 'Search “livepatch”',
      title: 'Search “livepatch”',
      groupBy: 'talk',
    });
    // With a selection, the export takes the selection.
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: '' } });
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(12));
    fireEvent.click(screen.getAllByRole('checkbox', { name: /^Select highlight/ })[2]!);
    await waitFor(() => expect(renderExport.mock.lastCall?.[0].target).toHaveLength(1));
    expect(renderExport.mock.lastCall?.[0].highlights).toHaveLength(12);
  });
});

describe('DashboardApp talks', () => {
  it('merges the same talk written up on two pages into one, from the talk’s header', async () => {
    const library = makeLibrary({ highlights: 6, pages: 2, seed: 8, collections: 0 });
    const [a, b] = library.pages;
    // One talk per page, with the same title.
    library.talks = [
      {
        ...library.talks[0]!,
        id: 'talk-a',
        pageId: a!.id,
        title: 'Kernel live patching',
        speakers: ['Jane Doe'],
      },
      {
        ...library.talks[0]!,
        id: 'talk-b',
        pageId: b!.id,
        title: 'Kernel Live Patching!',
        speakers: ['Ada Lovelace'],
      },
    ];
    for (const h of library.highlights) h.talkId = h.pageId === a!.id ? 'talk-a' : 'talk-b';
    await db.pages.bulkAdd(library.pages);
    await db.talks.bulkAdd(library.talks);
    await db.highlights.bulkAdd(library.highlights);
    show();
    const headers = await screen.findAllByRole('heading', { level: 2, name: /kernel live patching/i });
    expect(headers).toHaveLength(2);
    const header = headers.find((h) => h.textContent === 'Kernel live patching')!.closest('section')!;
    fireEvent.click(within(header).getByRole('button', { name: /^Actions for / }));
    fireEvent.click(within(header).getByRole('menuitem', { name: 'Merge…' }));
    const dialog = screen.getByRole('dialog', { name: /Merge talks into “Kernel live patching”/ });
    expect(
      (within(dialog).getByRole('checkbox', { name: /Kernel Live Patching!/ }) as HTMLInputElement).checked,
    ).toBe(true);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Merge 1 talk' }));
    await waitFor(async () => expect(await db.talks.count()).toBe(1));
    expect((await db.highlights.toArray()).every((h) => h.talkId === 'talk-a')).toBe(true);
    expect((await db.talks.get('talk-a'))?.speakers).toEqual(['Jane Doe', 'Ada Lovelace']);
    // One group now, listing both pages its highlights came from.
    await waitFor(() =>
      expect(screen.getAllByRole('heading', { level: 2, name: /kernel live patching/i })).toHaveLength(1),
    );
    const merged = screen
      .getByRole('heading', { level: 2, name: 'Kernel live patching' })
      .closest('section')!;
    expect(within(merged).getByRole('link', { name: a!.title })).toBeTruthy();
    expect(within(merged).getByRole('link', { name: b!.title })).toBeTruthy();
  });

  it('shows only one talk, and edits its title and speakers', async () => {
    const { first } = await fill();
    show();
    const talk = (await db.talks.get(first.talkId!))!;
    const header = (await screen.findAllByRole('heading', { level: 2, name: talk.title }))[0]!.closest(
      'section',
    )!;
    fireEvent.click(within(header).getByRole('button', { name: /^Actions for / }));
    fireEvent.click(within(header).getByRole('menuitem', { name: 'Only this talk' }));
    const count = await db.highlights.where('talkId').equals(talk.id).count();
    await waitFor(() => expect(status()).toMatch(new RegExp(`^${count} of 12`)));
    fireEvent.click(within(header).getByRole('button', { name: /^Actions for / }));
    fireEvent.click(within(header).getByRole('menuitem', { name: 'Edit talk' }));
    const form = within(header).getByRole('form', { name: 'Edit talk' });
    fireEvent.input(within(form).getByRole('textbox', { name: 'Title' }), {
      target: { value: 'Live patching, revisited' },
    });
    fireEvent.input(within(form).getByRole('textbox', { name: 'Speakers' }), {
      target: { value: 'Jane Doe, Ada Lovelace' },
    });
    fireEvent.submit(form);
    await waitFor(async () =>
      expect(await db.talks.get(talk.id)).toMatchObject({
        title: 'Live patching, revisited',
        speakers: ['Jane Doe', 'Ada Lovelace'],
      }),
    );
    expect(await screen.findByRole('heading', { level: 2, name: 'Live patching, revisited' })).toBeTruthy();
  });
});
