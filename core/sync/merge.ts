/**
 * The conflict rules of sync (docs/sync.md, "Conflict rules") as pure functions over a record's sync
 * state: per field, the versions no other edit has superseded (the winner first, then conflicts),
 * and the record's deletions. {@link mergeStates} is a join (commutative, associative, idempotent):
 * replicas that exchange states in any order, with repeats and losses, end equal once each has seen
 * the others' edits. {@link viewState} reads the record off a state: its values, the conflicts to
 * show, and whether it is deleted or was kept after a concurrent deletion.
 */
import { joinReadAt } from '../read-at';
import {
  type FieldVersion,
  type VersionVector,
  canonicalJson,
  covers,
  currentVersions,
  sameValue,
} from './field-clock';

/** A deletion of the record: by which device, when, and the edits of each field it had seen. */
export interface Deletion {
  at: number;
  by: string;
  /** Per field, every edit the deleting device had seen (the join of that field's vectors). */
  seen: Readonly<Record<string, VersionVector>>;
}

/** What sync keeps of one record: its fields' current versions and its deletions. */
export interface RecordState {
  /** Per synced field, the current versions in winner-first order (never empty). */
  fields: Readonly<Record<string, readonly FieldVersion[]>>;
  deletions: readonly Deletion[];
}

/** The state of both sides: every edit either has seen, superseded edits dropped. */
export function mergeStates(a: RecordState, b: RecordState): RecordState {
  const fields: Record<string, FieldVersion[]> = {};
  const names = [...new Set([...Object.keys(a.fields), ...Object.keys(b.fields)])].sort();
  for (const name of names) {
    fields[name] = currentVersions([...(a.fields[name] ?? []), ...(b.fields[name] ?? [])]);
  }
  return { fields, deletions: currentDeletions([...a.deletions, ...b.deletions]) };
}

/** True when `a` has seen at least what `b` had seen of every field. */
function deletionCovers(a: Deletion, b: Deletion): boolean {
  return Object.entries(b.seen).every(([field, vector]) => covers(a.seen[field] ?? {}, vector));
}

/**
 * Deletions that no other covers, in a fixed order (earliest first, then by content). A covered
 * deletion adds nothing to the rule "deleted when every version is covered by a deletion".
 */
export function currentDeletions(deletions: readonly Deletion[]): Deletion[] {
  const keyed = deletions.map((d) => ({ d, key: canonicalJson(d) }));
  keyed.sort((x, y) => x.d.at - y.d.at || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  const kept: typeof keyed = [];
  for (const item of keyed) {
    const superseded = keyed.some(
      (other) =>
        other.key !== item.key && deletionCovers(other.d, item.d) && !deletionCovers(item.d, other.d),
    );
    const duplicate = kept.some((k) => deletionCovers(k.d, item.d) && deletionCovers(item.d, k.d));
    if (!superseded && !duplicate) kept.push(item);
  }
  return kept.map((k) => k.d);
}

/** The record field holding its last edit time (versioned, never a conflict). */
export const EDIT_TIME_FIELD = 'updatedAt';

/**
 * Fields that are grow-only sets: concurrent values are joined (their union), never a conflict. A
 * page's `readAt` (core/read-at.ts): two devices that read one post at different addresses list both.
 */
export const JOINED_FIELDS: Readonly<Record<string, (values: readonly unknown[]) => unknown>> = {
  readAt: (values) => joinReadAt(null, ...values),
};

/** A field edited on two devices (or more), neither having seen the other's edit. */
export interface FieldConflict {
  field: string;
  /** The value the record shows first, then the others (distinct values only). */
  versions: FieldVersion[];
}

export interface StateView {
  /** The record's synced fields (the winners' values; absent ones left out); null when deleted. */
  values: Record<string, unknown> | null;
  /** The latest edit time of any current value: the record's `updatedAt`. */
  updatedAt: number;
  conflicts: FieldConflict[];
  /** Deleted on a device that had not seen an edit made elsewhere: kept, and the reader is told. */
  keptAfterDeletion: boolean;
}

/** True when the record is deleted: it has deletions and they had seen every current version. */
export function isDeleted(state: RecordState): boolean {
  if (state.deletions.length === 0) return false;
  return Object.entries(state.fields).every(([field, versions]) =>
    versions.every((version) => state.deletions.some((d) => covers(d.seen[field] ?? {}, version.vv))),
  );
}

/** The record as the library shows it, see {@link StateView}. */
export function viewState(state: RecordState): StateView {
  const deleted = isDeleted(state);
  const values: Record<string, unknown> = {};
  const conflicts: FieldConflict[] = [];
  let updatedAt = 0;
  for (const [field, versions] of Object.entries(state.fields)) {
    const [winner] = versions;
    if (!winner) continue;
    updatedAt = Math.max(updatedAt, winner.at);
    const join = Object.hasOwn(JOINED_FIELDS, field) ? JOINED_FIELDS[field] : undefined;
    if (join && versions.length > 1) {
      values[field] = join(versions.map((version) => version.value));
      continue;
    }
    if (winner.value !== undefined) values[field] = winner.value;
    const distinct: FieldVersion[] = [winner];
    for (const version of versions.slice(1)) {
      if (!distinct.some((d) => sameValue(d.value, version.value))) distinct.push(version);
    }
    // Two devices' edit times are not the reader's to choose between: the later one shows.
    if (distinct.length > 1 && field !== EDIT_TIME_FIELD) conflicts.push({ field, versions: distinct });
  }
  return {
    values: deleted ? null : values,
    updatedAt,
    conflicts: deleted ? [] : conflicts,
    keptAfterDeletion: !deleted && state.deletions.length > 0,
  };
}
