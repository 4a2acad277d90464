/**
 * Local changes as sync versions: an edited record, a deletion, a resolved conflict. Each gives the
 * record's new sync state (core/sync/merge.ts); the storage layer calls them in its write paths.
 */
import { type FieldVersion, currentVersions, joinVectors, nextVector, sameValue } from './field-clock';
import { type Deletion, JOINED_FIELDS, type RecordState, currentDeletions } from './merge';

export const EMPTY_STATE: RecordState = { fields: {}, deletions: [] };

function version(value: unknown, at: number, by: string, vv: FieldVersion['vv']): FieldVersion {
  return value === undefined ? { at, by, vv } : { value, at, by, vv };
}

/** Vectors of `field` this state knows of (current versions and deletions). */
function knownVectors(state: RecordState, field: string) {
  return [
    ...(state.fields[field] ?? []).map((v) => v.vv),
    ...state.deletions.map((d) => d.seen[field] ?? {}),
  ];
}

/**
 * The state after the device saved `values` (the record's synced fields, as `toSyncedValues` gives
 * them) at `at`: each field whose value differs from its current winner gets a new version on top
 * of the winner. Conflicts stay until resolved ({@link resolveConflict}).
 */
export function stampRecord(
  state: RecordState | undefined,
  values: Readonly<Record<string, unknown>>,
  device: string,
  at: number,
): RecordState {
  const base = state ?? EMPTY_STATE;
  const fields: Record<string, readonly FieldVersion[]> = { ...base.fields };
  const names = new Set([...Object.keys(base.fields), ...Object.keys(values)]);
  for (const field of names) {
    const current = base.fields[field] ?? [];
    const winner = current[0];
    const value = values[field];
    if (winner ? sameValue(winner.value, value) : value === undefined) continue;
    // A joined field's new value that holds every concurrent one (the union the device shows)
    // supersedes them all; one that does not stays concurrent, to be joined.
    const join = Object.hasOwn(JOINED_FIELDS, field) ? JOINED_FIELDS[field] : undefined;
    const seenAll =
      join && current.length > 1 && sameValue(join([value, ...current.map((v) => v.value)]), value);
    const vv = nextVector(seenAll ? current : winner ? [winner] : [], knownVectors(base, field), device);
    fields[field] = currentVersions([...current, version(value, at, device, vv)]);
  }
  return { fields, deletions: base.deletions };
}

/**
 * The state after the device saved `values` for a record its state says is deleted (an undo, a
 * restored backup, a record made again): every field gets a version on top of everything known of
 * it, deletions included, so the deletions no longer cover the record and it lives again everywhere.
 */
export function stampRecreated(
  state: RecordState,
  values: Readonly<Record<string, unknown>>,
  device: string,
  at: number,
): RecordState {
  const fields: Record<string, readonly FieldVersion[]> = { ...state.fields };
  for (const field of new Set([...Object.keys(state.fields), ...Object.keys(values)])) {
    const current = state.fields[field] ?? [];
    const vv = nextVector(current, knownVectors(state, field), device);
    // The device's count is above every deletion's view of the field: no deletion covers this edit.
    fields[field] = currentVersions([...current, version(values[field], at, device, vv)]);
  }
  return { fields, deletions: state.deletions };
}

/** True when `after` (a stamp of `before`) holds a version `before` did not: something to send. */
export function stateChanged(before: RecordState | undefined, after: RecordState): boolean {
  if (!before) return Object.keys(after.fields).length > 0 || after.deletions.length > 0;
  if (before.deletions !== after.deletions) return true;
  const names = new Set([...Object.keys(before.fields), ...Object.keys(after.fields)]);
  for (const name of names) if (before.fields[name] !== after.fields[name]) return true;
  return false;
}

/** The state after the device deleted the record at `at`, having seen every current version. */
export function stampDeletion(state: RecordState, device: string, at: number): RecordState {
  const seen: Record<string, Record<string, number>> = {};
  for (const [field, versions] of Object.entries(state.fields)) {
    seen[field] = joinVectors(versions.map((v) => v.vv));
  }
  const deletion: Deletion = { at, by: device, seen };
  return { fields: state.fields, deletions: currentDeletions([...state.deletions, deletion]) };
}

/**
 * The state after the reader resolved a conflict on `field`: `value` (one of the versions' values,
 * or both notes joined for "keep both"; undefined removes an optional field) supersedes every
 * current version of the field.
 */
export function resolveConflict(
  state: RecordState,
  field: string,
  value: unknown,
  device: string,
  at: number,
): RecordState {
  const current = state.fields[field] ?? [];
  const vv = nextVector(current, knownVectors(state, field), device);
  return {
    fields: { ...state.fields, [field]: currentVersions([...current, version(value, at, device, vv)]) },
    deletions: state.deletions,
  };
}
