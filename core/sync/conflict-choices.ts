/**
 * What the reader is offered for a record edited on two devices (docs/sync.md, "Conflict rules"):
 * the distinct values of a field in conflict, the value "Keep both" writes, and whether a record
 * kept after a deletion should say so. Pure: the storage layer (storage/sync/conflicts.ts) reads
 * the states and writes the choice with `resolveConflict` (edits.ts).
 */
import { covers } from './field-clock';
import { type RecordState, EDIT_TIME_FIELD, viewState } from './merge';

/** One value a field had on one device, as the dashboard shows it. */
export interface ConflictVersion {
  value: unknown;
  /** Time of the edit on its device. */
  at: number;
  /** The device that made it (a sync device id). */
  by: string;
}

/** A field of one record with two (or more) values, the one the record shows first. */
export interface ConflictChoice {
  field: string;
  versions: ConflictVersion[];
  /** The value `Keep both` writes; null when the values cannot be combined (a colour, a talk). */
  both: unknown;
}

/**
 * The value that keeps every version of a field: notes (strings) one after the other, separated by
 * a blank line, the shown one first; lists (tags) united in order. Null for anything else.
 */
export function combineValues(values: readonly unknown[]): unknown {
  if (values.length > 0 && values.every((value) => typeof value === 'string')) {
    return [...new Set((values as string[]).filter((value) => value.trim() !== ''))].join('\n\n');
  }
  if (values.length > 0 && values.every(Array.isArray)) {
    const united: unknown[] = [];
    for (const list of values as unknown[][]) {
      for (const item of list)
        if (!united.some((kept) => JSON.stringify(kept) === JSON.stringify(item))) united.push(item);
    }
    return united;
  }
  return null;
}

/** The fields of a record's state the reader has to choose between (none for a deleted record). */
export function conflictChoices(state: RecordState): ConflictChoice[] {
  return viewState(state)
    .conflicts.filter((conflict) => conflict.field !== EDIT_TIME_FIELD)
    .map(({ field, versions }) => {
      const shown = versions.map(({ value, at, by }) => ({ value, at, by }));
      return { field, versions: shown, both: combineValues(shown.map((v) => v.value)) };
    });
}

/**
 * True when the record lives on although a device deleted it, because another device edited it
 * without having seen the deletion: "deleted on one device, edited on another: kept". A record this
 * device deleted and brought back itself (an undo) is kept by its own edit, which is no news.
 */
export function keptAfterOtherDeviceDeletion(state: RecordState): boolean {
  if (!viewState(state).keptAfterDeletion) return false;
  return state.deletions.some((deletion) =>
    Object.entries(state.fields).some(([field, versions]) =>
      versions.some(
        (version) => version.by !== deletion.by && !covers(deletion.seen[field] ?? {}, version.vv),
      ),
    ),
  );
}

/**
 * What the reader dismissed when they dismissed a record's "kept after a deletion" notice: its
 * deletions (device and time of each). A deletion made later is not covered, so the notice shows
 * again. The state itself cannot forget a deletion (merging is a join), hence a key kept beside it.
 */
export function keptNoticeKey(state: RecordState): string {
  return state.deletions
    .map((d) => `${d.by}@${d.at}`)
    .sort()
    .join(' ');
}

/** True when the record says "kept after a deletion" and the reader has not dismissed it here. */
export function showsKeptNotice(state: RecordState, dismissed?: string): boolean {
  return keptAfterOtherDeviceDeletion(state) && dismissed !== keptNoticeKey(state);
}

/**
 * Whether a record asks something of the reader: a field in conflict ({@link conflictChoices}) or a
 * deletion elsewhere that an edit here survived ({@link showsKeptNotice}, unless dismissed: the key
 * `dismissed` names). The sync rows keep this as an indexed flag, so the dashboard finds them
 * without reading every row; it is computed on every write of a row, so the usual state (one
 * version per field, no deletion) is answered without building the record's view.
 */
export function needsReader(state: RecordState, dismissed?: string): boolean {
  const plain =
    state.deletions.length === 0 &&
    Object.entries(state.fields).every(
      ([field, versions]) => field === EDIT_TIME_FIELD || versions.length <= 1,
    );
  if (plain) return false;
  return conflictChoices(state).length > 0 || showsKeptNotice(state, dismissed);
}
