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
import { resumeStamping, skipStamping } from './stamping';
import type { SyncRow } from './state';
import { emptyUnifyWork, unifyPages } from './unify';

/** A record state read from the server, valid (core/sync/documents.ts `parseDocument`). */
export interface Incoming {
  /** The document id, `<table>:<key>`. */
  id: string;
  table: SyncTable;
  key: string;
  state: RecordState;
  rev: string;
  /** Other leaf revisions on the server merged into `state`, to delete once it is written on `rev`. */
  otherLeaves?: string[];
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
  /** Runs first in the transaction; throwing there aborts it with nothing written (the pass's check that sync is still on). */
  guard?: () => Promise<void>,
): Promise<{ changed: number; refused: Refusal[]; changedUrls: string[] }> {
  const tables = [db.pages, db.conferences, db.talks, db.highlights, db.collections, db.settings];
  return db.transaction('rw', [...tables, db.sync, db.syncMeta], async () => {
    skipStamping();
    await guard?.();
    const refused: Refusal[] = [];
    let changed = 0;
    // Pages whose drawn highlights this batch changed: open tabs showing them redraw.
    const changedUrls = new Set<string>();
    const noteUrl = (table: SyncTable, value: unknown) => {
      const url = (value as { url?: unknown } | undefined)?.url;
      if ((table === 'highlights' || table === 'pages') && typeof url === 'string') changedUrls.add(url);
    };
    // One read per table for the whole batch, not one per record.
    const rows = await db.sync.bulkGet(incoming.map((item) => item.id));
    const locals = await localRecords(db, incoming);
    const planned = incoming.map((item, i) => {
      const row = rows[i];
      const merged = row ? mergeStates(row.state, item.state) : item.state;
      return { merged, record: toLocalRecord(item.table, item.key, merged, locals[i]) };
    });
    // Which id holds each URL here, kept as the batch's writes change it (pages have a unique URL).
    const pageUrls = planned.flatMap(({ record }, i) =>
      incoming[i]!.table === 'pages' && record ? [(record as SyncRecords['pages']).url] : [],
    );
    const holders = new Map(
      (await db.pages.where('url').anyOf(pageUrls).toArray()).map((page) => [page.url, page.id]),
    );
    const pending = new Map<SyncTable, { put: SyncRecords[SyncTable][]; delete: string[] }>();
    const writes = (name: SyncTable) => {
      const found = pending.get(name) ?? { put: [], delete: [] };
      pending.set(name, found);
      return found;
    };
    const updates: SyncRow[] = [];
    const unify = emptyUnifyWork();
    /** Page ids the batch's highlights and talks point at. */
    const pointers = new Set<string>();
    for (const [i, item] of incoming.entries()) {
      const row = rows[i];
      const { merged, record } = planned[i]!;
      // Still to send when this device knows something the server's document does not.
      const dirty = sameState(merged, item.state) ? 0 : 1;
      const local = locals[i];
      if (record && item.table === 'pages') {
        // Pages have a unique URL here: a page arriving with a URL held under another id is the same
        // page clipped on two devices. Its state is kept, its record held aside for unifyPages.
        const url = (record as SyncRecords['pages']).url;
        const holder = holders.get(url);
        if (holder !== undefined && holder !== item.key) {
          unify.held.push(record as SyncRecords['pages']);
          if (local) {
            // It held another URL here before: that URL is free now.
            writes('pages').delete.push(item.key);
            movePage(holders, item.key, local, undefined);
          }
          changed++;
          noteUrl(item.table, record);
          updates.push(rowUpdate(row, item, merged, dirty));
          continue;
        }
      }
      if (record && (item.table === 'highlights' || item.table === 'talks')) {
        const pageId = (record as SyncRecords['highlights'] | SyncRecords['talks']).pageId;
        if (pageId !== null) pointers.add(pageId);
        const talkId = item.table === 'highlights' ? (record as SyncRecords['highlights']).talkId : null;
        if (talkId !== null) unify.talks.add(talkId);
        if (item.table === 'talks' && pageId !== null) unify.talkPages.add(pageId);
      }
      if (!row || !sameState(merged, row.state)) {
        if (record) {
          if (!local || canonicalJson(local) !== canonicalJson(record)) {
            writes(item.table).put.push(record);
            changed++;
            noteUrl(item.table, record);
            noteUrl(item.table, local);
            if (item.table === 'pages') movePage(holders, item.key, local, record);
          }
        } else {
          if (local) {
            writes(item.table).delete.push(item.key);
            changed++;
            noteUrl(item.table, local);
            if (item.table === 'pages') movePage(holders, item.key, local, undefined);
          }
          // Deleted on another device (unified away, or by the reader), held here or not: what
          // still points at it here moves to the kept page or talk, or brings it back (bring-back.ts).
          if (item.table === 'pages') unify.dangling.add(item.key);
          if (item.table === 'talks') unify.talks.add(item.key);
        }
      }
      updates.push(rowUpdate(row, item, merged, dirty));
    }
    // Written together per table: deletions first (they free page URLs that a put may take), puts
    // in the batch's order.
    for (const [name, { delete: keys }] of pending) await db.table(name).bulkDelete(keys);
    for (const [name, { put }] of pending) await db.table(name).bulkPut(put);
    await db.sync.bulkPut(updates);
    // Records pointing at a page this device does not hold: one unified away maps to the kept page.
    const pointed = [...pointers];
    const pages = await db.pages.bulkGet(pointed);
    for (const [i, id] of pointed.entries()) if (!pages[i]) unify.dangling.add(id);
    if (unify.held.length || unify.dangling.size || unify.talkPages.size || unify.talks.size) {
      // The unification's changes are this device's edits, to be sent: stamped as the reader's are.
      resumeStamping();
      for (const url of await unifyPages(db, unify)) changedUrls.add(url);
    }
    await alsoInTransaction?.();
    return { changed, refused, changedUrls: [...changedUrls] };
  });
}

/** The library's records the incoming states are about, in `incoming`'s order: one bulkGet per table. */
async function localRecords(
  db: TalkNotesDatabase,
  incoming: readonly Incoming[],
): Promise<(SyncRecords[SyncTable] | undefined)[]> {
  const found: (SyncRecords[SyncTable] | undefined)[] = new Array(incoming.length);
  const byTable = new Map<SyncTable, number[]>();
  for (const [i, item] of incoming.entries()) {
    const list = byTable.get(item.table) ?? [];
    list.push(i);
    byTable.set(item.table, list);
  }
  for (const [table, indexes] of byTable) {
    const records = await db.table(table).bulkGet(indexes.map((i) => incoming[i]!.key));
    for (const [n, i] of indexes.entries()) found[i] = records[n] as SyncRecords[SyncTable] | undefined;
  }
  return found;
}

/** The URL index after page `id` changed from `before` to `after` (undefined: deleted). */
function movePage(
  holders: Map<string, string>,
  id: string,
  before: SyncRecords[SyncTable] | undefined,
  after: SyncRecords[SyncTable] | undefined,
) {
  const old = (before as SyncRecords['pages'] | undefined)?.url;
  if (old !== undefined && holders.get(old) === id) holders.delete(old);
  const url = (after as SyncRecords['pages'] | undefined)?.url;
  if (url !== undefined) holders.set(url, id);
}

/** The sync row after `item` was merged in; other leaves to delete keep the row to send. */
function rowUpdate(row: SyncRow | undefined, item: Incoming, state: RecordState, dirty: 0 | 1): SyncRow {
  const leaves = [...new Set([...(row?.leaves ?? []), ...(item.otherLeaves ?? [])])].filter(
    (leaf) => leaf !== item.rev,
  );
  const { leaves: _, ...rest } = row ?? ({} as Partial<SyncRow>);
  return leaves.length
    ? { ...rest, key: item.id, state, rev: item.rev, dirty: 1, leaves }
    : { ...rest, key: item.id, state, rev: item.rev, dirty };
}
