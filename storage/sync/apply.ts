/**
 * Writing what the server holds into the library (docs/sync.md, "How a pass works", step 1): each
 * incoming record state is merged with this device's (core/sync/merge.ts `mergeStates`, a join, so
 * the order and repetition of passes do not matter), the record written or deleted as the merged
 * state says, and the sync row updated, all in ONE transaction per batch together with the
 * checkpoint, so a pass cut short resumes from a batch boundary with nothing half-written.
 */
import { canonicalJson } from '@/core/sync/field-clock';
import { type SyncRecords, type SyncTable, toLocalRecord } from '@/core/sync/documents';
import { type RecordState, mergeStates } from '@/core/sync/merge';
import type { TalkNotesDatabase } from '../db';
import { skipStamping } from './stamping';
import type { SyncRow } from './state';

/** A record state read from the server, valid (core/sync/documents.ts `parseDocument`). */
export interface Incoming {
  /** The document id, `<table>:<key>`. */
  id: string;
  table: SyncTable;
  key: string;
  state: RecordState;
  rev: string;
}

export interface Refusal {
  id: string | null;
  reason: string;
}

const sameState = (a: RecordState, b: RecordState) => canonicalJson(a) === canonicalJson(b);

/**
 * Merges `incoming` into the library in one transaction, and runs `alsoInTransaction` (the local
 * checkpoint) in it. Returns how many records changed here and the documents refused.
 */
export async function applyIncoming(
  db: TalkNotesDatabase,
  incoming: readonly Incoming[],
  alsoInTransaction?: () => Promise<unknown>,
): Promise<{ changed: number; refused: Refusal[]; changedUrls: string[] }> {
  const tables = [db.pages, db.conferences, db.talks, db.highlights, db.collections, db.settings];
  return db.transaction('rw', [...tables, db.sync, db.syncMeta], async () => {
    skipStamping();
    const refused: Refusal[] = [];
    let changed = 0;
    // Pages whose drawn highlights this batch changed: open tabs showing them redraw.
    const changedUrls = new Set<string>();
    const noteUrl = (table: SyncTable, value: unknown) => {
      const url = (value as { url?: unknown } | undefined)?.url;
      if ((table === 'highlights' || table === 'pages') && typeof url === 'string') changedUrls.add(url);
    };
    const rows = await db.sync.bulkGet(incoming.map((item) => item.id));
    const updates: SyncRow[] = [];
    for (const [i, item] of incoming.entries()) {
      const row = rows[i];
      const merged = row ? mergeStates(row.state, item.state) : item.state;
      // Still to send when this device knows something the server's document does not.
      const dirty = sameState(merged, item.state) ? 0 : 1;
      const table = db.table(item.table);
      const local = (await table.get(item.key)) as SyncRecords[SyncTable] | undefined;
      const record = toLocalRecord(item.table, item.key, merged, local);
      if (record && item.table === 'pages') {
        // Pages have a unique URL here: another id for the same URL is refused until pages are
        // unified on pull (docs/sync.md, "left").
        const url = (record as SyncRecords['pages']).url;
        const holder = await db.pages.where('url').equals(url).first();
        if (holder && holder.id !== item.key) {
          refused.push({ id: item.id, reason: `this device holds the page ${url} under another id` });
          continue;
        }
      }
      if (!row || !sameState(merged, row.state)) {
        if (record) {
          if (!local || canonicalJson(local) !== canonicalJson(record)) {
            await table.put(record);
            changed++;
            noteUrl(item.table, record);
            noteUrl(item.table, local);
          }
        } else if (local) {
          await table.delete(item.key);
          changed++;
          noteUrl(item.table, local);
        }
      }
      updates.push({ ...row, key: item.id, state: merged, rev: item.rev, dirty });
    }
    await db.sync.bulkPut(updates);
    await alsoInTransaction?.();
    return { changed, refused, changedUrls: [...changedUrls] };
  });
}
