/**
 * A talk's or page's own note and tags (#17), written as fields of its record (core/types.ts
 * `RecordNotes`): optional fields without indexes, so no new database version and no rewrite of
 * existing rows (an upgrade that touched every talk and page would also stamp each one for sync
 * and send the whole library again). Each write bumps the record's `updatedAt`, which backups
 * merge by and sync versions per field like every other field.
 */
import { normalizeTags } from '@/core/tags';
import type { NotedKind, PageRecord, TalkRecord } from '@/core/types';
import type { TalkNotesDatabase } from './db';

/** The record a note is on, as stored after the write. */
export type NotedRecord = TalkRecord | PageRecord;

const tableOf = (db: TalkNotesDatabase, kind: NotedKind) => (kind === 'talk' ? db.talks : db.pages);

/** Sets the note of a talk or page; returns the record as stored. */
export async function setRecordNote(
  db: TalkNotesDatabase,
  kind: NotedKind,
  id: string,
  note: string,
  now = Date.now(),
): Promise<NotedRecord> {
  return change(db, kind, id, (record) => (record.note ?? '') !== note, { note }, now);
}

/** Sets the tags of a talk or page (normalized: trimmed, case-insensitive duplicates merged). */
export async function setRecordTags(
  db: TalkNotesDatabase,
  kind: NotedKind,
  id: string,
  tags: readonly string[],
  now = Date.now(),
): Promise<NotedRecord> {
  const clean = normalizeTags(tags);
  return change(
    db,
    kind,
    id,
    (record) => (record.tags ?? []).join('\n') !== clean.join('\n'),
    { tags: clean },
    now,
  );
}

/** Writes `fields` when `differs` says the record changes; an unchanged record is not written. */
async function change(
  db: TalkNotesDatabase,
  kind: NotedKind,
  id: string,
  differs: (record: NotedRecord) => boolean,
  fields: Pick<NotedRecord, 'note' | 'tags'>,
  now: number,
): Promise<NotedRecord> {
  const table = tableOf(db, kind);
  return db.transaction('rw', table, async () => {
    const record: NotedRecord | undefined = await table.get(id);
    if (!record) throw new Error(`${kind} ${id} does not exist`);
    if (!differs(record)) return record;
    const next = { ...record, ...fields, updatedAt: now };
    await table.put(next as TalkRecord & PageRecord);
    return next;
  });
}
