import { useState } from 'preact/hooks';
import type { ConflictVersion } from '@/core/sync/conflict-choices';
import type { ConflictKeep, SyncConflict, SyncConflicts as Conflicts } from '../data/useSyncConflicts';

interface Props {
  conflicts: Conflicts;
}

const FIELD_NAMES: Readonly<Record<string, string>> = {
  note: 'Note',
  tags: 'Tags',
  color: 'Colour',
  title: 'Title',
  talkId: 'Talk',
  speakers: 'Speakers',
  name: 'Name',
  description: 'Description',
  value: 'Value',
};

const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function excerpt(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** What the reader knows the record by: a highlight's passage, a talk's or page's title. */
function recordName(item: SyncConflict): string {
  const record = (item.record ?? {}) as Record<string, unknown>;
  const text = (field: string) => (typeof record[field] === 'string' ? (record[field] as string) : '');
  switch (item.table) {
    case 'highlights':
      return `Highlight “${excerpt(text('text'))}”`;
    case 'talks':
      return `Talk “${excerpt(text('title'))}”`;
    case 'pages':
      return `Page “${excerpt(text('title') || text('url'))}”`;
    case 'conferences':
      return `Conference “${excerpt(text('title'))}”`;
    case 'collections':
      return `Collection “${excerpt(text('name'))}”`;
    case 'settings':
      return `Setting ${item.key}`;
  }
}

function shownValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return '(empty)';
  if (Array.isArray(value)) return value.length ? value.map(String).join(', ') : '(empty)';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function when(at: number): string {
  try {
    return WHEN.format(new Date(at));
  } catch {
    return '';
  }
}

/**
 * Records edited on two devices (docs/sync.md, "Conflict rules"): for each field, the value the
 * library shows and the other one, with `Keep this`, `Keep that` and, where both can be kept (notes,
 * tags), `Keep both`; and the records kept because they were edited on one device while deleted on
 * another. Hidden when there is nothing to show. The heading counts them, so the reader finds them.
 */
export function SyncConflicts({ conflicts }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const items = conflicts.conflicts;
  if (items.length === 0) return null;
  const resolve = async (item: SyncConflict, field: string, keep: ConflictKeep) => {
    setBusy(true);
    setError(null);
    try {
      await conflicts.resolve(item.id, field, keep);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  /** The notice goes on this device only (docs/sync.md, "Conflict rules"). */
  const dismiss = async (item: SyncConflict) => {
    setBusy(true);
    setError(null);
    try {
      await conflicts.dismissKept(item.id);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const device = (version: ConflictVersion) =>
    version.by === conflicts.device ? 'this device' : 'another device';
  const edited = items.filter((item) => item.choices.length > 0).length;
  const kept = items.length - edited;
  return (
    <section class="sync-conflicts" aria-labelledby="sync-conflicts-heading">
      <h2 id="sync-conflicts-heading">
        {edited > 0 ? `Edited on two devices (${edited})` : `Kept after a deletion (${kept})`}
      </h2>
      {error && (
        <p role="alert" class="dash-error">
          {error}
        </p>
      )}
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <article aria-label={recordName(item)}>
              <h3>{recordName(item)}</h3>
              {item.keptAfterDeletion && (
                <p class="sync-kept">
                  Deleted on one device and edited on another: kept.{' '}
                  <button type="button" disabled={busy} onClick={() => void dismiss(item)}>
                    Dismiss
                  </button>
                </p>
              )}
              {item.choices.map((choice) => (
                <fieldset
                  key={choice.field}
                  aria-label={`${FIELD_NAMES[choice.field] ?? choice.field} edited on two devices`}
                  class="sync-choice"
                >
                  <p>{FIELD_NAMES[choice.field] ?? choice.field}: edited on two devices, keep which?</p>
                  {choice.versions.map((version, i) => (
                    <div key={`${version.by}:${version.at}`} class="sync-version">
                      <blockquote>{shownValue(version.value)}</blockquote>
                      <p class="sync-version-origin">
                        {i === 0 ? 'Shown now; ' : ''}edited on {device(version)}
                        {when(version.at) ? `, ${when(version.at)}` : ''}
                      </p>
                      <button
                        type="button"
                        disabled={busy}
                        onClick={() => void resolve(item, choice.field, { by: version.by, at: version.at })}
                      >
                        {i === 0 ? 'Keep this' : 'Keep that'}
                      </button>
                    </div>
                  ))}
                  {choice.both !== null && (
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() => void resolve(item, choice.field, 'both')}
                    >
                      Keep both
                    </button>
                  )}
                </fieldset>
              ))}
            </article>
          </li>
        ))}
      </ul>
    </section>
  );
}
