import { useEffect, useId, useRef, useState } from 'preact/hooks';
import {
  DEFAULT_EXPORT_OPTIONS,
  type ExportOptions,
  EXPORT_GROUP_BY,
  type ExportGroupBy,
} from '@/core/markdown/export-options';
import { compileTemplate, TEMPLATE_VARIABLES } from '@/core/markdown/template';
import { toMarkdown } from '@/core/markdown/export';
import type { HighlightRecord } from '@/core/types';
import type { MarkdownExporter } from './data/useMarkdownExport';
import { type Downloader, downloadFile, exportFileName } from './download';
import { useNotify } from './notify';

export interface ExportControlsProps {
  /** The stored options and what an export reads (components/data/useMarkdownExport.ts). */
  exporter: MarkdownExporter;
  /** The export's `# title` and file name: the collection's name, the filter, the page title. */
  title: string;
  /**
   * What to export: the highlights in view (any order; sections follow page order), or a loader called
   * when a button is pressed (for views that do not hold every record).
   */
  highlights: readonly HighlightRecord[] | (() => Promise<readonly HighlightRecord[]>);
  /** Saves the file; defaults to a Blob + `<a download>` click. */
  download?: Downloader;
  /** Puts text on the clipboard; defaults to `navigator.clipboard.writeText`. */
  writeClipboard?: (text: string) => Promise<void>;
  now?: () => number;
}

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done' | 'error'; message: string };

const GROUP_LABELS: Record<ExportGroupBy, string> = { talk: 'Talk', page: 'Page', tag: 'Tag', none: 'None' };
const FLAGS = [
  ['includeNotes', 'Include notes'],
  ['includeTags', 'Include tags'],
  ['includeLinks', 'Include links'],
  ['includeFrontMatter', 'Include front matter'],
] as const;
/** These shape the default layout only: a template says itself what each highlight shows. */
const LAYOUT_FLAGS = new Set(['includeNotes', 'includeTags', 'includeLinks']);

/**
 * `Export Markdown` (downloads a .md file) and `Copy Markdown` (clipboard) for the given highlights,
 * with the export options (grouping, what to include, a template) remembered in settings.
 */
export function ExportControls({
  exporter,
  title,
  highlights,
  download = downloadFile,
  writeClipboard = (text) => navigator.clipboard.writeText(text),
  now = Date.now,
}: ExportControlsProps) {
  const stored = exporter.options;
  const options = stored ?? DEFAULT_EXPORT_OPTIONS;
  const [template, setTemplate] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  // In the dashboard, what happened goes to its toasts (components/notify.ts); inline elsewhere.
  const notify = useNotify();
  useEffect(() => {
    if (notify && (status.kind === 'done' || status.kind === 'error')) {
      notify({ message: status.message, kind: status.kind === 'error' ? 'error' : 'info' });
    }
  }, [status]);
  const saveTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const templateId = useId();
  const hintId = useId();
  const errorId = useId();

  // The textarea shows the stored template until the reader edits it.
  const templateText = template ?? options.template;
  const compiled = templateText.trim() ? compileTemplate(templateText) : null;
  const templateError = compiled && !compiled.ok ? compiled.error : null;
  const usesTemplate = compiled !== null;

  // What was last written: quick successive changes build on each other, not on a stale read.
  const latest = useRef(options);
  useEffect(() => {
    if (stored) latest.current = stored;
  }, [stored]);
  const save = (changes: Partial<ExportOptions>) => {
    latest.current = { ...latest.current, ...changes };
    void exporter
      .saveOptions(latest.current)
      .catch((error) =>
        setStatus({ kind: 'error', message: `Could not save the export options: ${messageOf(error)}` }),
      );
  };
  // A template typed just before the controls go away is still saved.
  const pendingTemplate = useRef<string | null>(null);
  const flushTemplate = () => {
    clearTimeout(saveTimer.current);
    const value = pendingTemplate.current;
    pendingTemplate.current = null;
    if (value !== null && value !== latest.current.template) save({ template: value });
  };
  useEffect(() => flushTemplate, []);

  const empty = Array.isArray(highlights) && highlights.length === 0;
  const disabled = status.kind === 'busy' || empty || templateError !== null;

  const run = async (target: 'file' | 'clipboard') => {
    setStatus({ kind: 'busy' });
    try {
      const list = typeof highlights === 'function' ? await highlights() : highlights;
      if (list.length === 0) {
        setStatus({ kind: 'error', message: 'There are no highlights to export.' });
        return;
      }
      const context = await exporter.loadContext(list);
      const at = now();
      const markdown = toMarkdown({
        title,
        highlights: list,
        ...context,
        // The latest choices, even one whose write the live query has not reported back yet.
        options: { ...latest.current, template: templateText },
        exportedAt: at,
      });
      const count = `${list.length} highlight${list.length === 1 ? '' : 's'}`;
      if (target === 'file') {
        download({
          name: exportFileName(title, 'md', at),
          type: 'text/markdown;charset=utf-8',
          text: markdown,
        });
        setStatus({ kind: 'done', message: `Exported ${count} to Markdown.` });
      } else {
        await writeClipboard(markdown);
        setStatus({ kind: 'done', message: `Copied ${count} as Markdown.` });
      }
    } catch (error) {
      setStatus({ kind: 'error', message: `Could not export: ${messageOf(error)}` });
    }
  };

  return (
    <section class="export-controls" aria-label="Markdown export">
      <div class="row">
        <button type="button" disabled={disabled} onClick={() => run('file')}>
          Export Markdown
        </button>
        <button type="button" disabled={disabled} onClick={() => run('clipboard')}>
          Copy Markdown
        </button>
      </div>
      {status.kind === 'busy' && (
        <p class="hint" role="status" aria-busy="true">
          Preparing the export…
        </p>
      )}
      {status.kind === 'done' && !notify && <p role="status">{status.message}</p>}
      {status.kind === 'error' && !notify && <p role="alert">{status.message}</p>}
      <details class="export-options">
        <summary>Export options</summary>
        <label class="field">
          Group by{' '}
          <select
            value={options.groupBy}
            onChange={(e) => save({ groupBy: e.currentTarget.value as ExportGroupBy })}
          >
            {EXPORT_GROUP_BY.map((g) => (
              <option key={g} value={g}>
                {GROUP_LABELS[g]}
              </option>
            ))}
          </select>
        </label>
        {FLAGS.map(([key, label]) => (
          <label key={key} class="field">
            <input
              type="checkbox"
              checked={options[key]}
              disabled={usesTemplate && LAYOUT_FLAGS.has(key)}
              onChange={(e) => save({ [key]: e.currentTarget.checked })}
            />{' '}
            {label}
          </label>
        ))}
        <label for={templateId}>Template</label>
        <textarea
          id={templateId}
          class="export-template"
          rows={6}
          placeholder={'> {{markdown}}\n\n{{link}} {{tags}}'}
          value={templateText}
          aria-describedby={templateError ? `${errorId} ${hintId}` : hintId}
          aria-invalid={templateError ? 'true' : undefined}
          onInput={(e) => {
            const value = e.currentTarget.value;
            setTemplate(value);
            pendingTemplate.current = value;
            clearTimeout(saveTimer.current);
            saveTimer.current = setTimeout(flushTemplate, 400);
          }}
          onBlur={flushTemplate}
        />
        {templateError && (
          <p id={errorId} role="alert">
            {templateError}
          </p>
        )}
        <p id={hintId} class="hint">
          Leave empty for the default layout. With a template, it decides what each highlight shows.
          Variables:{' '}
          {Object.keys(TEMPLATE_VARIABLES)
            .map((name) => `{{${name}}}`)
            .join(' ')}
          ; {'{{#note}}…{{/note}}'} shows its content only when there is a note.
        </p>
      </details>
    </section>
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
