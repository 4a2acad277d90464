/**
 * Per-field edit clocks for sync (docs/sync.md, "Conflict rules"). Every synced field of a record
 * carries, for each of its current values, a {@link FieldVersion}: the time of the edit on the device
 * that made it (`at`), that device's id (`by`) and a version vector (`vv`: how many edits of this
 * field each device had made, as the editing device knew them). A version *covers* another when its
 * vector is at least as large everywhere: its edit was made after seeing the other. Versions that no
 * other covers are concurrent; the latest by (`at`, `by`) is the field's value, the rest are conflicts.
 */

/** Edits of one field per device id, as seen by one edit. */
export type VersionVector = Readonly<Record<string, number>>;

/** One value of a field and the edit that made it. */
export interface FieldVersion {
  /** The field's value (JSON); absent when the edit removed an optional field. */
  value?: unknown;
  /** Time of the edit on its device (ms since the epoch): the record's `updatedAt` there. */
  at: number;
  /** The device that made the edit. */
  by: string;
  vv: VersionVector;
}

/** True when `a` has seen every edit `b` has seen (a >= b pointwise). */
export function covers(a: VersionVector, b: VersionVector): boolean {
  for (const [device, count] of Object.entries(b)) {
    if ((a[device] ?? 0) < count) return false;
  }
  return true;
}

/** The pointwise maximum of vectors: everything any of them has seen. */
export function joinVectors(vectors: readonly VersionVector[]): Record<string, number> {
  const joined: Record<string, number> = {};
  for (const vector of vectors) {
    for (const [device, count] of Object.entries(vector)) {
      if (count > (joined[device] ?? 0)) joined[device] = count;
    }
  }
  return joined;
}

/**
 * The order of concurrent versions: the later edit (by its device's time) first, ties broken by the
 * greater device id, then by content so the order is total even for versions a hostile peer forged.
 */
export function compareVersions(a: FieldVersion, b: FieldVersion): number {
  if (a.at !== b.at) return b.at - a.at;
  if (a.by !== b.by) return a.by < b.by ? 1 : -1;
  const ka = canonicalJson(a);
  const kb = canonicalJson(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * The versions no other version covers, in {@link compareVersions} order (the winner first). Equal
 * vectors are one edit: one of them is kept (the first in that order), so the result does not
 * depend on the order of the input.
 */
export function currentVersions(versions: readonly FieldVersion[]): FieldVersion[] {
  const sorted = [...versions].sort(compareVersions);
  const kept: FieldVersion[] = [];
  for (const candidate of sorted) {
    const superseded = sorted.some(
      (other) => other !== candidate && covers(other.vv, candidate.vv) && !covers(candidate.vv, other.vv),
    );
    const duplicate = kept.some((k) => covers(k.vv, candidate.vv) && covers(candidate.vv, k.vv));
    if (!superseded && !duplicate) kept.push(candidate);
  }
  return kept;
}

/**
 * The vector of a new edit by `device` on top of `base` (the versions it replaces): everything they
 * have seen, with the device's own count one higher than in any vector of this field it knows of
 * (`known`), so two edits of one device never share a vector.
 */
export function nextVector(
  base: readonly FieldVersion[],
  known: readonly VersionVector[],
  device: string,
): Record<string, number> {
  const vector = joinVectors(base.map((v) => v.vv));
  const own = Math.max(0, ...known.map((v) => v[device] ?? 0));
  vector[device] = own + 1;
  return vector;
}

/** JSON with object keys sorted: equal values give equal strings (for comparing field values). */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

/** True when two field values are the same JSON value (absent equals absent only). */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
