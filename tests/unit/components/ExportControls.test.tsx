import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DownloadFile } from '@/components/download';
import { useMarkdownExport } from '@/components/data/useMarkdownExport';
import { ExportControls } from '@/components/ExportControls';
import { DEFAULT_EXPORT_OPTIONS } from '@/core/markdown/export-options';
import { toMarkdown } from '@/core/markdown/export';
import type { HighlightRecord } from '@/core/types';
import { saveClip } from '@/storage/clips';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import { updateHighlight } from '@/storage/highlights';
import { getSetting, setSetting } from '@/storage/settings';
import { quotedPassage } from '../clip-fixtures';

const NOW = Date.UTC(2024, 4, 1, 9, 30);
const URL = 'https://conf.example/oss-summit';

async function clip(db: TalkNotesDatabase, text: string, position: number, talkTitle: string) {
  const { highlight } = await saveClip(db, {
    page: {
      url: URL,
      title: 'Open Source Summit - Day 3',
      authors: [],
      siteName: 'Conference Notes Blog',
      publishedAt: null,
      lang: 'en',
      canonicalUrl: null,
      excerpt: null,
    },
    talks: [
      { title: 'The TAO of Hashicorp', speakers: ['Mitchell Hashimoto'], position: 100 },
      { title: 'Linus Torvalds Q&A', speakers: ['Linus Torvalds'], position: 2000 },
    ],
    highlight: quotedPassage(text, position, talkTitle),
  });
  return highlight;
}

let db: TalkNotesDatabase;
let highlights: HighlightRecord[];
let download: ReturnType<typeof vi.fn<(file: DownloadFile) => void>>;
beforeEach(async () => {
  db = createDatabase(`export-controls-${crypto.randomUUID()}`);
  const a = await clip(db, 'Workflows - not technologies.', 300, 'The TAO of Hashicorp');
  const b = await clip(db, 'He is a really big fan of random testing', 2500, 'Linus Torvalds Q&A');
  await updateHighlight(db, b.id, { note: 'Ask about *syzkaller*', tags: ['testing/fuzzing', 'kernel'] });
  highlights = [(await db.highlights.get(b.id))!, a];
  download = vi.fn<(file: DownloadFile) => void>();
});
afterEach(async () => {
  cleanup();
  await db.delete();
});

type Props = Parameters<typeof ExportControls>[0];

/** The controls as the popup and the dashboard mount them: with the export's container hook. */
function Connected(props: Omit<Props, 'exporter'>) {
  return <ExportControls exporter={useMarkdownExport(db)} {...props} />;
}

function show(props: Partial<Omit<Props, 'exporter'>> = {}) {
  const writeClipboard = vi.fn(async (_text: string) => {});
  render(
    <Connected
      title="OSS Summit notes"
      highlights={highlights}
      download={download}
      writeClipboard={writeClipboard}
      now={() => NOW}
      {...props}
    />,
  );
  return { writeClipboard };
}

async function expected(options = DEFAULT_EXPORT_OPTIONS) {
  return toMarkdown({
    title: 'OSS Summit notes',
    highlights,
    pages: await db.pages.toArray(),
    talks: await db.talks.toArray(),
    colorNames: {},
    options,
    exportedAt: NOW,
  });
}

describe('ExportControls', () => {
  it('Export Markdown downloads the export as a .md file', async () => {
    show();
    fireEvent.click(screen.getByRole('button', { name: 'Export Markdown' }));
    await waitFor(() => expect(download).toHaveBeenCalledOnce());
    const file = download.mock.calls[0]![0];
    expect(file).toEqual({
      name: 'oss-summit-notes-2024-05-01.md',
      type: 'text/markdown;charset=utf-8',
      text: await expected(),
    });
    expect(file.text).toContain(
      '## Linus Torvalds Q&A\n\nSpeakers: Linus Torvalds\n\n> He is a really big fan of random testing',
    );
    expect(file.text).toContain('Ask about *syzkaller*\n\n#testing/fuzzing #kernel');
    expect(screen.getByRole('status').textContent).toBe('Exported 2 highlights to Markdown.');
  });

  it('Copy Markdown puts the same text on the clipboard', async () => {
    const { writeClipboard } = show();
    fireEvent.click(screen.getByRole('button', { name: 'Copy Markdown' }));
    await waitFor(() =>
      expect(writeClipboard).toHaveBeenCalledWith(expect.stringContaining('# OSS Summit notes')),
    );
    expect(writeClipboard.mock.calls[0]![0]).toBe(await expected());
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Copied 2 highlights as Markdown.'),
    );
  });

  it('remembers the options in settings and exports with them', async () => {
    show();
    fireEvent.change(screen.getByRole('combobox', { name: 'Group by' }), { target: { value: 'tag' } });
    await waitFor(async () => expect((await getSetting(db, 'exportOptions')).groupBy).toBe('tag'));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Include front matter' }));
    await waitFor(async () => expect((await getSetting(db, 'exportOptions')).includeFrontMatter).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Export Markdown' }));
    await waitFor(() => expect(download).toHaveBeenCalledOnce());
    const text = download.mock.calls[0]![0].text;
    expect(text.startsWith('# OSS Summit notes\n\n## kernel\n')).toBe(true);
    expect(text).toContain('## Untagged');
  });

  it('shows the stored options and template; a template error is explained and blocks the export', async () => {
    await setSetting(db, 'exportOptions', {
      ...DEFAULT_EXPORT_OPTIONS,
      groupBy: 'none',
      template: '{{quote}}',
    });
    show();
    const template = screen.getByRole('textbox', { name: 'Template' }) as HTMLTextAreaElement;
    await waitFor(() => expect(template.value).toBe('{{quote}}'));
    expect((screen.getByRole('combobox', { name: 'Group by' }) as HTMLSelectElement).value).toBe('none');
    // A template decides the layout itself: those options do not apply.
    expect((screen.getByRole('checkbox', { name: 'Include notes' }) as HTMLInputElement).disabled).toBe(true);

    fireEvent.input(template, { target: { value: '{{quote}} {{nope}}' } });
    expect(screen.getByRole('alert').textContent).toBe('Unknown variable {{nope}} on line 1');
    expect(template.getAttribute('aria-invalid')).toBe('true');
    expect((screen.getByRole('button', { name: 'Export Markdown' }) as HTMLButtonElement).disabled).toBe(
      true,
    );

    fireEvent.input(template, { target: { value: '{{text}} ({{talk}})' } });
    fireEvent.blur(template);
    await waitFor(async () =>
      expect((await getSetting(db, 'exportOptions')).template).toBe('{{text}} ({{talk}})'),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Export Markdown' }));
    await waitFor(() => expect(download).toHaveBeenCalledOnce());
    expect(download.mock.calls[0]![0].text).toContain(
      '# OSS Summit notes\n\nHe is a really big fan of random testing (Linus Torvalds Q&A)\n\nWorkflows - not technologies. (The TAO of Hashicorp)\n',
    );
  });

  it('nothing to export: the buttons are disabled, and a loader that finds nothing says so', async () => {
    show({ highlights: [] });
    expect((screen.getByRole('button', { name: 'Export Markdown' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    cleanup();
    show({ highlights: async () => [] });
    fireEvent.click(screen.getByRole('button', { name: 'Export Markdown' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('There are no highlights to export.'),
    );
    expect(download).not.toHaveBeenCalled();
  });
});
