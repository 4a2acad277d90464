import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DashboardApp } from '@/components/dashboard/DashboardApp';
import type { DownloadFile } from '@/components/download';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import { FOSDEM_RUST, makeConferenceLibrary } from '../../../e2e/seed-conferences';

const NOW = Date.UTC(2026, 1, 10, 12);
/** jsdom computes no layout: a viewport tall enough for every row of the small library. */
const TALL = { width: 1000, height: 20_000 };

let db: TalkNotesDatabase;
beforeEach(() => {
  db = createDatabase(`dashboard-conferences-${crypto.randomUUID()}`, { cache: 'immutable' });
});
afterEach(async () => {
  cleanup();
  await db.delete();
});

async function fill(options: Parameters<typeof makeConferenceLibrary>[0] = {}) {
  const library = makeConferenceLibrary(options);
  await db.conferences.bulkAdd(library.conferences);
  await db.pages.bulkAdd(library.pages);
  await db.talks.bulkAdd(library.talks);
  await db.highlights.bulkAdd(library.highlights);
  return library;
}

function show(viewport = TALL) {
  const download = vi.fn<(file: DownloadFile) => void>();
  render(<DashboardApp db={db} listViewport={viewport} download={download} now={() => NOW} />);
  return download;
}

const status = () => screen.getByRole('status', { name: 'Library summary' }).textContent;
/** The list's Group by (the export options have one too). */
const groupBy = async (value: string) => {
  const selects = await screen.findAllByRole('combobox', { name: 'Group by' });
  fireEvent.change(selects.find((s) => s.querySelector('option[value="conference"]'))!, {
    target: { value },
  });
};
/** A talk's row in the Conferences view, by its title. */
/** The title of the group header above a row of the list (rows follow their header in `data-index` order). */
function previousGroupHeading(article: HTMLElement): string | undefined {
  const at = Number(article.closest<HTMLElement>('[data-index]')!.dataset.index);
  const headers = [...document.querySelectorAll<HTMLElement>('[data-index]')]
    .filter((row) => Number(row.dataset.index) < at && row.querySelector('section h2'))
    .sort((a, b) => Number(b.dataset.index) - Number(a.dataset.index));
  return headers[0]?.querySelector('h2')?.textContent ?? undefined;
}
const talkRow = (title: string) => screen.getByRole('heading', { level: 4, name: title }).closest('section')!;
const talkTitles = () => screen.queryAllByRole('heading', { level: 4 }).map((h) => h.textContent);

/** The text assistive technology reads in `element`: its text without the aria-hidden parts. */
function readAloud(element: Element): string {
  let text = '';
  for (const node of element.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) text += node.textContent;
    else if (node instanceof Element && node.getAttribute('aria-hidden') !== 'true') text += readAloud(node);
  }
  return text;
}

describe('the Conferences view', () => {
  it('the unsure marker is a badge that says what to do, read once by assistive technology', async () => {
    await fill();
    await db.highlights.update('hl-blog-rust', { scheduleCandidates: ['ev-postgres', 'ev-rust'] });
    show();
    const article = await waitFor(
      () => screen.getAllByRole('article').find((a) => a.textContent?.includes(FOSDEM_RUST.firstPassage))!,
    );
    const marker = within(article).getByText('Unsure which talk').closest('.dash-badge');
    expect(marker).not.toBeNull();
    const hint = 'Choose its talk in the Talk Notes popup on its page';
    expect(marker!.querySelector('[title]')?.getAttribute('title')).toBe(hint);
    expect(readAloud(marker!)).toBe(`Unsure which talk. ${hint}.`);
    expect(readAloud(article).split('Unsure which talk')).toHaveLength(2);
  });

  it('leaves out a passage the clip guard offered until the reader decides, and marks it unsure where it is listed', async () => {
    await fill();
    // The first write-up's Rust passage had a lead naming "Postgres at scale": offered, not filed.
    await db.highlights.update('hl-blog-rust', { scheduleCandidates: ['ev-postgres', 'ev-rust'] });
    show();
    await waitFor(() => expect(status()).toBe('3 highlights from 2 pages'));
    const article = (text: string) =>
      screen.getAllByRole('article').find((a) => a.textContent?.includes(text))!;
    await waitFor(() => expect(article(FOSDEM_RUST.firstPassage)).toBeTruthy());
    expect(within(article(FOSDEM_RUST.firstPassage)).getByText('Unsure which talk')).toBeTruthy();
    expect(within(article(FOSDEM_RUST.secondPassage)).queryByText('Unsure which talk')).toBeNull();
    await groupBy('conference');
    await waitFor(() => expect(status()).toBe('1 conference: 6 talks, 1 read about, 1 highlight'));
    expect(within(talkRow(FOSDEM_RUST.title)).getByText('1 highlight · 0 notes')).toBeTruthy();
    expect(screen.getAllByRole('article').map((a) => a.textContent)).toEqual([
      expect.stringContaining(FOSDEM_RUST.secondPassage),
    ]);
  });

  it('lists the conference, its days and its talks in schedule order, read about or not', async () => {
    await fill();
    show();
    await waitFor(() => expect(status()).toBe('3 highlights from 2 pages'));
    expect(screen.getByRole('option', { name: 'Conferences' })).toBeTruthy();
    await groupBy('conference');
    await waitFor(() => expect(status()).toBe('1 conference: 6 talks, 1 read about, 2 highlights'));

    const conference = screen.getByRole('heading', { level: 2, name: 'FOSDEM 2026' }).closest('section')!;
    expect(conference.textContent).toContain('2026-01-31 – 2026-02-01 · Europe/Brussels');
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      expect.stringMatching(/2026|31|Saturday|Sat/),
      expect.stringMatching(/2026|1|Sunday|Sun/),
    ]);
    expect(talkTitles()).toEqual([
      'Welcome to FOSDEM',
      FOSDEM_RUST.title,
      'Coffee break',
      'Postgres at scale',
      'Wasm everywhere',
      'Observability for all',
    ]);

    // The talk two blogs wrote up: both pages as its sources, its passages under it, counts, links.
    const rust = talkRow(FOSDEM_RUST.title);
    expect(rust.classList.contains('dash-unread')).toBe(false);
    expect(rust.textContent).toContain('10:00–10:50');
    expect(rust.textContent).toContain('2 highlights · 1 note');
    expect(within(rust).getByText('Ada Example')).toBeTruthy();
    expect(rust.querySelector('.dash-sched-meta')?.textContent).toBe(
      'Room: Janson · Track: Kernel · Type: talk',
    );
    for (const [name, url] of [
      ['FOSDEM day 1: my notes', 'https://blog.example/2026/fosdem-day-1'],
      ['What I saw at FOSDEM', 'https://notes.example/fosdem-2026'],
    ]) {
      const link = within(rust).getByRole('link', { name });
      expect(link.getAttribute('href')).toBe(url);
      expect(link.getAttribute('target')).toBe('_blank');
    }
    const recording = within(rust).getByRole('link', { name: `Recording: ${FOSDEM_RUST.title}` });
    expect(recording.getAttribute('href')).toBe(FOSDEM_RUST.recording);
    expect(recording.getAttribute('rel')).toContain('noopener');
    expect(
      within(rust)
        .getByRole('link', { name: `Slides: ${FOSDEM_RUST.title}` })
        .getAttribute('target'),
    ).toBe('_blank');
    const passages = screen.getAllByRole('article').map((a) => a.getAttribute('data-highlight-id'));
    // Page by page, the page read most recently first.
    expect(passages).toEqual(['hl-blog-rust', 'hl-notes-rust']);

    // Talks nobody read about: dimmed, and said so. The break is one small line.
    for (const title of ['Welcome to FOSDEM', 'Postgres at scale', 'Wasm everywhere']) {
      expect(talkRow(title).classList.contains('dash-unread')).toBe(true);
      expect(within(talkRow(title)).getByText('Not read about yet')).toBeTruthy();
    }
    expect(talkRow('Coffee break').classList.contains('dash-housekeeping')).toBe(true);
    expect(talkRow('Coffee break').textContent).toContain('Janson');
    // A passage of a talk linked to no conference is not in this view.
    expect(screen.queryByText('Five minutes, no slides.')).toBeNull();
  });

  it('folds a conference, a day or a talk', async () => {
    await fill();
    show();
    await groupBy('conference');
    await waitFor(() => expect(talkTitles()).toHaveLength(6));
    fireEvent.click(screen.getByRole('button', { name: `Collapse ${FOSDEM_RUST.title}` }));
    await waitFor(() => expect(screen.queryAllByRole('article')).toHaveLength(0));
    const day = screen.getAllByRole('heading', { level: 3 })[0]!.textContent!;
    fireEvent.click(screen.getByRole('button', { name: `Collapse ${day}` }));
    await waitFor(() => expect(talkTitles()).toEqual(['Wasm everywhere', 'Observability for all']));
    fireEvent.click(screen.getByRole('button', { name: 'Collapse FOSDEM 2026' }));
    await waitFor(() => expect(talkTitles()).toEqual([]));
    fireEvent.click(screen.getByRole('button', { name: 'Expand FOSDEM 2026' }));
    await waitFor(() => expect(talkTitles()).toEqual(['Wasm everywhere', 'Observability for all']));
  });

  it('gives each talk a Talk note and Talk tags, saved as typed, read about or not (#17)', async () => {
    const library = await fill();
    show();
    await groupBy('conference');
    await waitFor(() => expect(talkTitles()).toHaveLength(6));
    const unread = talkRow('Wasm everywhere');
    const wasmId = unread.dataset.talkId!;
    expect(within(unread).queryByRole('textbox', { name: 'Talk note' })).toBeNull();
    fireEvent.click(within(unread).getByRole('button', { name: 'Add talk note' }));
    const note = within(talkRow('Wasm everywhere')).getByRole('textbox', {
      name: 'Talk note',
    }) as HTMLTextAreaElement;
    note.value = 'Heard it in the room: try wasmtime';
    fireEvent.input(note);
    fireEvent.blur(note);
    await waitFor(async () =>
      expect((await db.talks.get(wasmId))?.note).toBe('Heard it in the room: try wasmtime'),
    );
    fireEvent.input(within(talkRow('Wasm everywhere')).getByRole('combobox', { name: 'Add talk tags' }), {
      target: { value: 'wasm,' },
    });
    await waitFor(async () => expect((await db.talks.get(wasmId))?.tags).toEqual(['wasm']));
    // A talk's note shows on its row when the Conferences view opens.
    const rust = library.talks.find((t) => t.title === FOSDEM_RUST.title && t.pageId === null)!;
    await db.talks.update(rust.id, { note: 'Watch the recording' });
    await waitFor(() =>
      expect(
        (
          within(talkRow(FOSDEM_RUST.title)).getByRole('textbox', {
            name: 'Talk note',
          }) as HTMLTextAreaElement
        ).value,
      ).toBe('Watch the recording'),
    );
  });

  it('filters by room, day and track, combined with the other filters and search', async () => {
    await fill();
    show();
    await groupBy('conference');
    fireEvent.change(await screen.findByRole('combobox', { name: 'Add a room filter' }), {
      target: { value: 'Janson' },
    });
    await waitFor(() =>
      expect(talkTitles()).toEqual([
        'Welcome to FOSDEM',
        FOSDEM_RUST.title,
        'Coffee break',
        'Wasm everywhere',
      ]),
    );
    expect(within(screen.getByRole('list', { name: 'Chosen rooms' })).getByText('Janson')).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Add a track filter' }), {
      target: { value: 'Web' },
    });
    await waitFor(() => expect(talkTitles()).toEqual(['Wasm everywhere']));
    fireEvent.click(screen.getByRole('button', { name: 'Remove filter Web' }));
    // A criterion only highlights meet: talks without a matching highlight go.
    fireEvent.click(screen.getByRole('checkbox', { name: 'With a note' }));
    await waitFor(() => expect(talkTitles()).toEqual([FOSDEM_RUST.title]));
    expect(screen.getAllByRole('article').map((a) => a.getAttribute('data-highlight-id'))).toEqual([
      'hl-blog-rust',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Clear all' }));
    // Search finds talks by speaker and room, read about or not.
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'bruce' } });
    await waitFor(() => expect(talkTitles()).toEqual(['Postgres at scale']));
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'h.2215' } });
    await waitFor(() => expect(talkTitles()).toEqual(['Observability for all']));
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search' }), {
      target: { value: 'one subsystem' },
    });
    await waitFor(() => expect(talkTitles()).toEqual([FOSDEM_RUST.title]));
  });

  it('exports a conference as one Markdown file', async () => {
    await fill();
    const download = show();
    await groupBy('conference');
    fireEvent.click(await screen.findByRole('button', { name: 'Export Markdown: FOSDEM 2026' }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    const file = download.mock.calls[0]![0];
    expect(file.name).toBe('fosdem-2026-2026-02-10.md');
    expect(file.type).toBe('text/markdown;charset=utf-8');
    expect(file.text).toMatch(/^---\ntitle: "FOSDEM 2026"\n/);
    expect(file.text).toContain('source: "https://fosdem.org/2026/schedule/xml"');
    expect(file.text).toContain(`\n## ${FOSDEM_RUST.title}\n\n- **When:** 2026-01-31, 10:00–10:50\n`);
    expect(file.text).toContain(`[Recording](${FOSDEM_RUST.recording})`);
    // Both write-ups' passages under the one talk; unread talks and the unlinked write-up left out.
    expect(file.text).toContain(`> ${FOSDEM_RUST.firstPassage}`);
    expect(file.text).toContain(`> ${FOSDEM_RUST.secondPassage}`);
    expect(file.text.match(/^## /gm)).toHaveLength(1);
    expect(file.text).not.toContain('Five minutes');
    expect(screen.getByText('Exported 2 highlights of “FOSDEM 2026” to Markdown')).toBeTruthy();
    // The toolbar's Export Markdown keeps its name.
    expect(screen.getByRole('button', { name: 'Export Markdown' })).toBeTruthy();
  });

  it('says when there is no conference yet', async () => {
    show();
    await waitFor(() => expect(status()).toBe('0 highlights from 0 pages'));
    await groupBy('conference');
    await screen.findByText(/No conference schedules yet/);
  });

  it('renders only the rows in view of 10 conferences of 1,000 talks', async () => {
    await fill({ generated: 10, talksEach: 1000 });
    show({ width: 1000, height: 900 });
    await waitFor(() => expect(status()).toBe('3 highlights from 2 pages'));
    await groupBy('conference');
    await waitFor(() => expect(status()).toBe('11 conferences: 10,006 talks, 1 read about, 2 highlights'));
    const rows = document.querySelectorAll('.dash-row').length;
    expect(rows).toBeGreaterThan(5);
    expect(rows).toBeLessThan(60);
    fireEvent.change(await screen.findByRole('combobox', { name: 'Add a conference filter' }), {
      target: { value: 'gen-3' },
    });
    fireEvent.change(screen.getByRole('combobox', { name: 'Add a room filter' }), {
      target: { value: 'Room B' },
    });
    await waitFor(() => expect(status()).toBe('1 conference: 200 talks, 0 read about, 0 highlights'));
  });
});

describe('conference talks in the other views', () => {
  it('groups two write-ups of one talk under the conference talk, with both pages', async () => {
    await fill();
    show();
    const header = (await screen.findByRole('heading', { level: 2, name: FOSDEM_RUST.title })).closest(
      'section',
    )!;
    expect(header.textContent).toContain('FOSDEM 2026 · 2026-01-31 10:00–10:50 · Janson');
    expect(within(header).getByRole('link', { name: 'FOSDEM day 1: my notes' })).toBeTruthy();
    expect(within(header).getByRole('link', { name: 'What I saw at FOSDEM' })).toBeTruthy();
    expect(within(header).getByText('2 highlights')).toBeTruthy();
    // The schedule's talk is not edited or merged here; the write-ups' own titles are no groups.
    fireEvent.click(within(header).getByRole('button', { name: /^Actions for / }));
    expect(within(header).queryByRole('menuitem', { name: 'Edit talk' })).toBeNull();
    expect(within(header).getByRole('menuitem', { name: 'Only this talk' })).toBeTruthy();
    expect(screen.queryByRole('heading', { level: 2, name: 'Rust for Linux' })).toBeNull();
    // Each passage is shown under that talk's header, which names it once: the row does not repeat it (#17).
    for (const id of ['hl-blog-rust', 'hl-notes-rust']) {
      const article = document.querySelector<HTMLElement>(`article[data-highlight-id="${id}"]`)!;
      expect(within(article).queryByText(FOSDEM_RUST.title)).toBeNull();
      expect(previousGroupHeading(article)).toBe(FOSDEM_RUST.title);
    }
  });

  it('the talk filter offers the conference talk, not the write-ups linked to it', async () => {
    await fill();
    show();
    const picker = await screen.findByRole('combobox', { name: 'Add a talk filter' });
    fireEvent.input(picker, { target: { value: 'rust' } });
    const options = within(screen.getByRole('listbox', { name: /Add a talk filter/ })).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([`${FOSDEM_RUST.title}Ada Example · FOSDEM 2026`]);
    fireEvent.click(options[0]!);
    await waitFor(() => expect(status()).toMatch(/^2 of 3 highlights, from 2 of 2 pages/));
  });

  it('never offers a conference talk for a merge (a merge deletes the talks merged in)', async () => {
    await fill();
    show();
    const header = (await screen.findByRole('heading', { level: 2, name: 'Lightning talks' })).closest(
      'section',
    )!;
    fireEvent.click(within(header).getByRole('button', { name: /^Actions for / }));
    fireEvent.click(within(header).getByRole('menuitem', { name: 'Merge…' }));
    const dialog = screen.getByRole('dialog', { name: /Merge talks into “Lightning talks”/ });
    fireEvent.input(within(dialog).getByRole('combobox', { name: 'Find another talk to merge' }), {
      target: { value: 'rust' },
    });
    const options = within(dialog)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toEqual(['Kernel RustWhat I saw at FOSDEM', 'Rust for LinuxFOSDEM day 1: my notes']);
  });
});
