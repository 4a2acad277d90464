/**
 * Library records as documents on the sync server, and back (docs/sync.md, "The document on the
 * server"). One document per record, `_id` `<table>:<id>`; the record without its per-device fields,
 * the version of each field, the conflicts and the deletions. A document read from the server is
 * untrusted: {@link parseDocument} checks its shape, bounds and every value (the current ones and
 * those in conflict) with the schemas a backup import uses, and refuses it with a reason otherwise.
 */
import * as v from 'valibot';
import {
  CollectionRecordSchema,
  ConferenceRecordSchema,
  HighlightRecordSchema,
  PageRecordSchema,
  SettingRecordSchema,
  TalkRecordSchema,
} from '../schemas';
import { SETTINGS, type SettingKey } from '../settings';
import type {
  CollectionRecord,
  ConferenceRecord,
  HighlightRecord,
  PageRecord,
  SettingRecord,
  TalkRecord,
} from '../types';
import type { ServerDocument } from './crypto';
import { type FieldVersion, currentVersions } from './field-clock';
import { type RecordState, currentDeletions, isDeleted, viewState } from './merge';

export const SYNC_TABLES = [
  'pages',
  'conferences',
  'talks',
  'highlights',
  'collections',
  'settings',
] as const;
export type SyncTable = (typeof SYNC_TABLES)[number];

export interface SyncRecords {
  pages: PageRecord;
  conferences: ConferenceRecord;
  talks: TalkRecord;
  highlights: HighlightRecord;
  collections: CollectionRecord;
  settings: SettingRecord;
}

/**
 * Fields of a record kept on each device and never synced, with the value a record arriving from
 * another device starts with. A highlight's anchoring status is what this device found on its last
 * visit of the page.
 */
export const PER_DEVICE_FIELDS: { readonly [T in SyncTable]: Readonly<Partial<SyncRecords[T]>> } = {
  pages: {},
  conferences: {},
  talks: {},
  highlights: { anchorStatus: 'pending' },
  collections: {},
  settings: {},
};

const TABLES = {
  pages: { schema: PageRecordSchema, key: 'id' },
  conferences: { schema: ConferenceRecordSchema, key: 'id' },
  talks: { schema: TalkRecordSchema, key: 'id' },
  highlights: { schema: HighlightRecordSchema, key: 'id' },
  collections: { schema: CollectionRecordSchema, key: 'id' },
  settings: { schema: SettingRecordSchema, key: 'key' },
} as const;

/**
 * A record's `updatedAt` is the latest edit time of its fields. It is also versioned like a field
 * (its value is the device's own `updatedAt`, so a write that changed only it, such as a page clipped
 * again, reaches the other devices), but it never makes a conflict (core/sync/merge.ts `viewState`).
 */
const hasUpdatedAt = (table: SyncTable) => 'updatedAt' in TABLES[table].schema.entries;

/** The fields of `table` that sync carries: all but the key and the per-device ones. */
export function syncedFields(table: SyncTable): string[] {
  const perDevice = PER_DEVICE_FIELDS[table];
  return Object.keys(TABLES[table].schema.entries).filter(
    (field) => field !== TABLES[table].key && !(field in perDevice),
  );
}

/** The record's key (`id`, or a setting's `key`). */
export function recordKey<T extends SyncTable>(table: T, record: SyncRecords[T]): string {
  return (record as unknown as Record<string, string>)[TABLES[table].key]!;
}

export function documentId(table: SyncTable, key: string): string {
  return `${table}:${key}`;
}

/** The values sync versions (core/sync/edits.ts `stampRecord`): the record's synced fields. */
export function toSyncedValues<T extends SyncTable>(
  table: T,
  record: SyncRecords[T],
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const source = record as unknown as Record<string, unknown>;
  for (const field of syncedFields(table)) {
    if (source[field] !== undefined) values[field] = source[field];
  }
  return values;
}

/**
 * The library record a state shows, or null when it is deleted. Per-device fields come from this
 * device's record (`local`) when it has one, else from {@link PER_DEVICE_FIELDS}.
 */
export function toLocalRecord<T extends SyncTable>(
  table: T,
  key: string,
  state: RecordState,
  local?: SyncRecords[T],
): SyncRecords[T] | null {
  const view = viewState(state);
  if (!view.values) return null;
  const perDevice: Record<string, unknown> = { ...PER_DEVICE_FIELDS[table] };
  if (local) {
    for (const field of Object.keys(perDevice))
      perDevice[field] = (local as unknown as Record<string, unknown>)[field];
  }
  return {
    ...view.values,
    ...perDevice,
    [TABLES[table].key]: key,
    ...(hasUpdatedAt(table) ? { updatedAt: view.updatedAt } : {}),
  } as unknown as SyncRecords[T];
}

/** Tables whose records say who made them (#16): the top-level `author` repeats it. */
const AUTHORED = new Set<SyncTable>(['highlights', 'pages', 'talks', 'collections']);

/**
 * The readable document of a record's state (`_rev` is the client's to add). Its top-level `author`
 * repeats who made the record (a highlight's, page's or talk's own `author` field, as it stands),
 * for a team that queries the server: it never depends on which device sent the document (null
 * where no author is recorded: other tables, records made before authors existed or by hand).
 */
export function toDocument(table: SyncTable, key: string, state: RecordState): ServerDocument {
  const record: Record<string, unknown> = { [TABLES[table].key]: key };
  const fields: Record<string, Omit<FieldVersion, 'value'>> = {};
  const conflicts: Record<string, FieldVersion[]> = {};
  let updatedAt = 0;
  for (const [field, [winner, ...others]] of Object.entries(state.fields)) {
    if (!winner) continue;
    if (winner.value !== undefined) record[field] = winner.value;
    fields[field] = { at: winner.at, by: winner.by, vv: winner.vv };
    updatedAt = Math.max(updatedAt, winner.at);
    if (others.length > 0) conflicts[field] = others;
  }
  // A state whose `updatedAt` has no version of its own (made by stampRecord from values without it):
  // the latest edit time.
  if (hasUpdatedAt(table) && !('updatedAt' in state.fields)) record.updatedAt = updatedAt;
  return {
    _id: documentId(table, key),
    talkNotes: 1,
    table,
    author: AUTHORED.has(table) && typeof record.author === 'string' ? record.author : null,
    record,
    fields,
    conflicts,
    deletions: [...state.deletions],
    deleted: isDeleted(state),
  };
}

/** Bounds: a document must not make us hold or compare without limit. */
export const DOCUMENT_LIMITS = {
  /** JSON characters of a whole document. */
  chars: 4 * 1024 * 1024,
  devices: 64,
  deviceId: 100,
  conflictsPerField: 16,
  deletions: 64,
  author: 200,
} as const;

const deviceId = v.pipe(v.string(), v.minLength(1), v.maxLength(DOCUMENT_LIMITS.deviceId));
const time = v.pipe(v.number(), v.integer(), v.minValue(0));
const VectorSchema = v.pipe(
  v.record(deviceId, v.pipe(v.number(), v.integer(), v.minValue(1))),
  v.check((vector) => Object.keys(vector).length <= DOCUMENT_LIMITS.devices, 'too many devices'),
);
const VersionSchema = v.object({ at: time, by: deviceId, vv: VectorSchema });
const ConflictSchema = v.object({ value: v.optional(v.unknown()), at: time, by: deviceId, vv: VectorSchema });
const fieldName = v.pipe(v.string(), v.minLength(1), v.maxLength(64));

const DocumentSchema = v.object({
  _id: v.pipe(v.string(), v.maxLength(400)),
  _rev: v.optional(v.pipe(v.string(), v.maxLength(200))),
  talkNotes: v.literal(1),
  table: v.picklist(SYNC_TABLES),
  author: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(DOCUMENT_LIMITS.author)))),
  record: v.record(fieldName, v.unknown()),
  fields: v.record(fieldName, VersionSchema),
  conflicts: v.optional(
    v.record(fieldName, v.pipe(v.array(ConflictSchema), v.maxLength(DOCUMENT_LIMITS.conflictsPerField))),
  ),
  deletions: v.pipe(
    v.array(v.object({ at: time, by: deviceId, seen: v.record(fieldName, VectorSchema) })),
    v.maxLength(DOCUMENT_LIMITS.deletions),
  ),
  deleted: v.optional(v.boolean()),
});

/** A document read: its record's state (the top-level `author` is not read back: `record.author` is). */
export type ParsedDocument =
  | { ok: true; table: SyncTable; key: string; state: RecordState }
  | { ok: false; id: string | null; reason: string };

/** Reads a document from the server; see the module comment. Never throws. */
export function parseDocument(document: unknown): ParsedDocument {
  const id =
    typeof document === 'object' &&
    document !== null &&
    typeof (document as { _id?: unknown })._id === 'string'
      ? (document as { _id: string })._id
      : null;
  const refuse = (reason: string): ParsedDocument => ({ ok: false, id, reason });
  let chars: number;
  try {
    chars = JSON.stringify(document)?.length ?? 0;
  } catch {
    return refuse('it is not JSON');
  }
  if (chars > DOCUMENT_LIMITS.chars) return refuse(`it is too large (${chars} characters)`);
  const parsed = v.safeParse(DocumentSchema, document);
  if (!parsed.success) return refuse(describe(parsed.issues[0]));
  const doc = parsed.output;
  const table = doc.table;
  const prefix = `${table}:`;
  if (!doc._id.startsWith(prefix) || doc._id.length === prefix.length) {
    return refuse(`its id does not name a record of ${table}`);
  }
  const key = doc._id.slice(prefix.length);
  const keyField = TABLES[table].key;
  if (doc.record[keyField] !== key) return refuse(`record.${keyField} is not the id of the document`);

  const allowed = new Set(syncedFields(table));
  const named = new Set([
    ...Object.keys(doc.fields),
    ...Object.keys(doc.conflicts ?? {}),
    ...Object.keys(doc.record).filter((f) => f !== keyField && f !== 'updatedAt'),
    ...doc.deletions.flatMap((d) => Object.keys(d.seen)),
  ]);
  for (const field of named) {
    if (field in PER_DEVICE_FIELDS[table]) return refuse(`${field} is kept on each device and never synced`);
    if (!allowed.has(field)) return refuse(`${table} have no field ${JSON.stringify(field)}`);
    if (!(field in doc.fields)) return refuse(`${field} has no version`);
  }

  const fields: Record<string, FieldVersion[]> = {};
  for (const [field, version] of Object.entries(doc.fields)) {
    const value = Object.hasOwn(doc.record, field) ? doc.record[field] : undefined;
    const winner: FieldVersion = value === undefined ? { ...version } : { ...version, value };
    fields[field] = currentVersions([winner, ...(doc.conflicts?.[field] ?? [])]);
  }
  const state: RecordState = { fields, deletions: currentDeletions(doc.deletions) };

  // Every value the record may show, current or in conflict, must be valid in its place.
  const current = toLocalRecord(table, key, state) ?? toLocalRecord(table, key, { ...state, deletions: [] });
  const problem = recordProblem(table, current) ?? conflictProblem(table, current, state);
  if (problem) return refuse(problem);
  return { ok: true, table, key, state };
}

/** Why `record` is not a valid record of `table` (the backup import's schemas), or null. */
export function recordProblem(table: SyncTable, record: unknown): string | null {
  const result = v.safeParse(TABLES[table].schema, record);
  if (!result.success) return `record.${describe(result.issues[0])}`;
  if (table === 'settings') {
    const setting = record as SettingRecord;
    if (Object.hasOwn(SETTINGS, setting.key)) {
      const value = v.safeParse(SETTINGS[setting.key as SettingKey].schema, setting.value);
      if (!value.success) return `record.value: ${describe(value.issues[0])}`;
    }
  }
  return null;
}

function conflictProblem(table: SyncTable, current: unknown, state: RecordState): string | null {
  for (const [field, versions] of Object.entries(state.fields)) {
    for (const version of versions.slice(1)) {
      const withOther = { ...(current as Record<string, unknown>) };
      if (version.value === undefined) delete withOther[field];
      else withOther[field] = version.value;
      const problem = recordProblem(table, withOther);
      if (problem) return `a conflicting value of ${field}: ${problem}`;
    }
  }
  return null;
}

function describe(issue: v.BaseIssue<unknown> | undefined): string {
  if (!issue) return 'invalid';
  const path = (issue.path ?? []).map((item) => String(item.key)).join('.');
  const message = issue.type === 'object' && issue.received === 'undefined' ? 'missing' : issue.message;
  return path ? `${path}: ${message}` : message;
}
