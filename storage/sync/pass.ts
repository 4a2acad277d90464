/**
 * One sync pass with a CouchDB database (docs/sync.md, "How a pass works"): pull the changes since
 * the last checkpoint (`_changes`, `_bulk_get`), merge them in (apply.ts), then push the records
 * changed here (`_bulk_docs`), a 409 answered by fetching, merging and retrying a few rounds. A pass
 * is one-shot (an alarm, an open dashboard, `Sync now` run it); whatever stops it, the library is
 * intact and the next pass resumes from the last checkpoint and the dirty flags.
 */
import { type ServerDocument, openDocument, sealDocument } from '@/core/sync/crypto';
import { KEYINFO_ID } from '@/core/sync/crypto';
import { SYNC_TABLES, type SyncTable, parseDocument, toDocument } from '@/core/sync/documents';
import { type RecordState, mergeStates } from '@/core/sync/merge';
import type { TalkNotesDatabase } from '../db';
import { type Incoming, type Refusal, applyIncoming } from './apply';
import {
  type BulkDocsResult,
  type CouchClient,
  type Fetch,
  type SyncServer,
  SyncError,
  couchClient,
} from './couch';
import { isSyncEnabled } from './enable';
import { type KeyOptions, databaseKey } from './keys';
import {
  type Checkpoint,
  checkpointKey,
  DEVICE_ID_KEY,
  newDeviceId,
  SYNC_ENABLED_KEY,
  type SyncRow,
} from './state';

export interface SyncOptions extends KeyOptions {
  fetch?: Fetch;
  /**
   * Documents per request at most (`_changes` limit and `_bulk_get`: 500 by default; `_bulk_docs`:
   * 2,000): bounds memory.
   */
  batchSize?: number;
  /** Bytes of JSON per `_bulk_docs` request (about): bounds memory whatever the documents' sizes. */
  batchBytes?: number;
  /** `_bulk_docs` requests out at once (the next is made meanwhile in any case). */
  inFlight?: number;
  /** Rounds of fetch-merge-retry for documents another device wrote in between (409). */
  conflictRounds?: number;
  timeoutMs?: number;
  now?: () => number;
}

export interface SyncReport {
  ok: boolean;
  /** Documents the server took from this device. */
  sent: number;
  /** Records of this library changed by what came from the server. */
  received: number;
  /** Documents on the server that were not valid, with why (never written here). */
  refused: Refusal[];
  /** Addresses of the pages whose highlights the pull changed here (open tabs showing them redraw). */
  changedUrls: string[];
  error?: { kind: SyncError['kind']; message: string; detail?: string };
  finishedAt: number;
}

const DEFAULT_BATCH = 500;
const DEFAULT_PUSH_DOCUMENTS = 2_000;
const DEFAULT_BATCH_BYTES = 4 * 1024 * 1024;
const DEFAULT_IN_FLIGHT = 1;
const DEFAULT_ROUNDS = 3;

/**
 * Runs one pass; never throws for the faults a server or network can cause (see `error`). Throws,
 * before any request, on a library not set up for sync (`enableSync` first): its edits were not
 * stamped, and records pulled into it would have a sync state that nothing keeps up to date.
 */
export async function syncOnce(
  db: TalkNotesDatabase,
  server: SyncServer,
  options: SyncOptions = {},
): Promise<SyncReport> {
  await db.open();
  if (!isSyncEnabled(db)) throw new Error('Sync is not enabled on this library: call enableSync first');
  const now = options.now ?? Date.now;
  const report: SyncReport = {
    ok: false,
    sent: 0,
    received: 0,
    refused: [],
    changedUrls: [],
    finishedAt: 0,
  };
  try {
    const couch = couchClient(server, options.fetch, options.timeoutMs);
    await couch.open();
    const key = await databaseKey(couch, options);
    const device = await deviceIdOf(db);
    const guard = stillSyncing(db, device);
    const checkpoint = await startCheckpoint(db, couch, server, device, guard);
    const codec = documentCodec(key);
    await pull(
      db,
      couch,
      codec,
      checkpoint,
      server,
      device,
      options.batchSize ?? DEFAULT_BATCH,
      guard,
      report,
    );
    await push(db, couch, codec, options, guard, report);
    report.ok = true;
  } catch (error) {
    if (!(error instanceof SyncError)) throw error;
    report.error = {
      kind: error.kind,
      message: error.message,
      ...(error.detail ? { detail: error.detail } : {}),
    };
  }
  report.finishedAt = now();
  return report;
}

async function deviceIdOf(db: TalkNotesDatabase): Promise<string> {
  return db.transaction('rw', db.syncMeta, async () => {
    // Sync removed since the check in syncOnce: no device id is made again.
    if ((await db.syncMeta.get(SYNC_ENABLED_KEY))?.value !== true) throw new SyncError('stopped');
    const row = await db.syncMeta.get(DEVICE_ID_KEY);
    if (typeof row?.value === 'string') return row.value;
    const id = newDeviceId();
    await db.syncMeta.put({ key: DEVICE_ID_KEY, value: id });
    return id;
  });
}

/** Throws {@link SyncError} `stopped` when sync is no longer this pass's to run. */
type Guard = () => Promise<void>;

/**
 * The check every write of a pass makes first, in its own transaction, and every request first:
 * sync is still on here with the same device id. `Forget sync` and `Delete all data` empty the sync
 * state while a pass may be running (the background does not wait for it); from then on the pass
 * writes nothing (no record deleted there comes back, no sync row or checkpoint is made again) and
 * sends nothing more. Nothing is ever deleted on the server for it: neither stamps deletions.
 */
function stillSyncing(db: TalkNotesDatabase, device: string): Guard {
  return async () => {
    const [enabled, id] = await db.syncMeta.bulkGet([SYNC_ENABLED_KEY, DEVICE_ID_KEY]);
    if (enabled?.value !== true || id?.value !== device) throw new SyncError('stopped');
  };
}

const remoteCheckpointId = (device: string) => `talk-notes-${device}`;

/**
 * The checkpoint to pull from. The server keeps a copy in `_local/talk-notes-<device>` with the
 * same `epoch`; when it is missing or another (the database was deleted and made again, or this
 * device never synced with it), everything is pulled from the start and every record is sent again,
 * its revisions forgotten (they belong to the old database).
 */
async function startCheckpoint(
  db: TalkNotesDatabase,
  couch: CouchClient,
  server: SyncServer,
  device: string,
  guard: Guard,
): Promise<Checkpoint> {
  const local = (await db.syncMeta.get(checkpointKey(server.url)))?.value as Checkpoint | undefined;
  const remote = await couch.getLocal<Checkpoint>(remoteCheckpointId(device));
  if (local && remote && remote.instance === local.instance) return local;
  const fresh: Checkpoint = { since: 0, instance: newDeviceId().replace(/^dev-/, 'epoch-') };
  await db.transaction('rw', db.sync, db.syncMeta, async () => {
    await guard();
    // Only the rows that change: on a first sync (every row dirty, none sent) nothing is rewritten.
    await db.sync
      .filter((row) => row.dirty !== 1 || row.rev !== undefined)
      .modify((row) => {
        row.dirty = 1;
        delete row.rev;
      });
    await db.syncMeta.put({ key: checkpointKey(server.url), value: fresh });
  });
  await couch.putLocal(remoteCheckpointId(device), fresh);
  return fresh;
}

interface Codec {
  seal(document: ServerDocument): Promise<ServerDocument>;
  open(
    document: ServerDocument,
  ): Promise<{ ok: true; document: ServerDocument } | { ok: false; message: string }>;
}

function documentCodec(key: CryptoKey | null): Codec {
  if (!key) {
    return {
      seal: async (document) => document,
      open: async (document) =>
        document.encrypted !== undefined
          ? { ok: false, message: 'it is encrypted, in a database that is not' }
          : { ok: true, document },
    };
  }
  return { seal: (document) => sealDocument(key, document), open: (document) => openDocument(key, document) };
}

/** Every leaf revision of the documents `changes` names, read, opened, parsed and merged per id. */
async function readStates(
  couch: CouchClient,
  codec: Codec,
  requests: readonly { id: string; rev?: string }[],
  refused: Refusal[],
): Promise<Incoming[]> {
  if (requests.length === 0) return [];
  const results = await couch.bulkGet(requests);
  const byId = new Map<string, Incoming>();
  /** Per id, the live leaf revisions read. */
  const leaves = new Map<string, string[]>();
  const refusedIds = new Set<string>();
  for (const { id, docs } of results) {
    for (const result of docs) {
      if (!('ok' in result)) continue;
      const raw = result.ok;
      if (raw._deleted) continue; // a revision removed on the server itself, not one of our states
      const opened = await codec.open(raw);
      const parsed = opened.ok
        ? parseDocument(opened.document)
        : { ok: false as const, id, reason: opened.message };
      if (!parsed.ok) {
        if (!refusedIds.has(id)) refused.push({ id, reason: parsed.reason });
        refusedIds.add(id);
        continue;
      }
      const known = byId.get(id);
      const state: RecordState = known ? mergeStates(known.state, parsed.state) : parsed.state;
      // Several leaves (conflicts made by replication between servers) are merged into one state.
      byId.set(id, { id, table: parsed.table, key: parsed.key, state, rev: known?.rev ?? raw._rev ?? '' });
      if (raw._rev) leaves.set(id, [...(leaves.get(id) ?? []), raw._rev]);
    }
  }
  return [...byId.values()]
    .filter((item) => !refusedIds.has(item.id))
    .map((item) => {
      const others = (leaves.get(item.id) ?? []).filter((leaf) => leaf !== item.rev);
      return others.length ? { ...item, otherLeaves: others } : item;
    });
}

const isOurs = (id: string) => id !== KEYINFO_ID && SYNC_TABLES.some((t) => id.startsWith(`${t}:`));

async function pull(
  db: TalkNotesDatabase,
  couch: CouchClient,
  codec: Codec,
  checkpoint: Checkpoint,
  server: SyncServer,
  device: string,
  batchSize: number,
  guard: Guard,
  report: SyncReport,
) {
  let since = checkpoint.since;
  for (;;) {
    const batch = await couch.changes(since, batchSize);
    const ours = batch.results.filter((change) => isOurs(change.id));
    // A revision this device already holds (it wrote it, or read it before) brings nothing new: not
    // read again. Without this, the pass after a first sync read back every document it had just
    // sent (the pull checkpoint does not move past our own pushes): 50,000 documents of _bulk_get.
    const held = await db.sync.bulkGet(ours.map((change) => change.id));
    const requests = ours.flatMap((change, i) =>
      change.changes.filter(({ rev }) => rev !== held[i]?.rev).map(({ rev }) => ({ id: change.id, rev })),
    );
    const read = await readStates(couch, codec, requests, report.refused);
    // A leaf this device holds and did not read again is another leaf too, when the server lists more.
    const incoming = read.map((item) => {
      const i = ours.findIndex((change) => change.id === item.id);
      const heldRev = held[i]?.rev;
      const listed = i >= 0 && ours[i]!.changes.length > 1 && ours[i]!.changes.some((c) => c.rev === heldRev);
      if (!listed || heldRev === item.rev || heldRev === undefined) return item;
      return { ...item, otherLeaves: [...(item.otherLeaves ?? []), heldRev] };
    });
    const next: Checkpoint = { since: batch.last_seq, instance: checkpoint.instance };
    const { changed, refused, changedUrls } = await applyIncoming(
      db,
      incoming,
      () => db.syncMeta.put({ key: checkpointKey(server.url), value: next }),
      guard,
    );
    report.received += changed;
    addUrls(report, changedUrls);
    report.refused.push(...refused);
    await couch.putLocal(remoteCheckpointId(device), next);
    since = batch.last_seq;
    if (batch.results.length < batchSize) return;
  }
}

async function push(
  db: TalkNotesDatabase,
  couch: CouchClient,
  codec: Codec,
  options: SyncOptions,
  guard: Guard,
  report: SyncReport,
) {
  const rounds = options.conflictRounds ?? DEFAULT_ROUNDS;
  const limits: PushLimits = {
    documents: options.batchSize ?? DEFAULT_PUSH_DOCUMENTS,
    bytes: options.batchBytes ?? DEFAULT_BATCH_BYTES,
    inFlight: Math.max(1, options.inFlight ?? DEFAULT_IN_FLIGHT),
  };
  let pending = (await db.sync.where('dirty').equals(1).primaryKeys()) as string[];
  // Every dirty record once; then, a round at a time, those another device wrote in between (409),
  // read back and merged meanwhile.
  for (let round = 0; pending.length > 0; round++) {
    if (round === rounds) throw new SyncError('conflicts');
    pending = await pushRound(db, couch, codec, pending, limits, guard, report);
  }
}

interface PushLimits {
  /** Documents per `_bulk_docs` request at most. */
  documents: number;
  /** Bytes of JSON per `_bulk_docs` request (about; one larger document still goes alone). */
  bytes: number;
  /** `_bulk_docs` requests out at once. */
  inFlight: number;
}

/** One `_bulk_docs` request's documents: their JSON, and the states they were made from. */
interface Outgoing {
  json: string[];
  states: Map<string, RecordState>;
}

/**
 * The dirty rows of `keys` as `_bulk_docs` requests, sized by `limits`: read with one `bulkGet` per
 * request's worth of keys, sealed (encrypted) together, serialized once (the size is the JSON's).
 * A generator, so the next request is made while the previous one is out, and only a few are held.
 */
async function* outgoing(
  db: TalkNotesDatabase,
  codec: Codec,
  keys: readonly string[],
  limits: PushLimits,
): AsyncGenerator<Outgoing> {
  let batch: Outgoing = { json: [], states: new Map() };
  let bytes = 0;
  for (let start = 0; start < keys.length; start += limits.documents) {
    const rows = (await db.sync.bulkGet(keys.slice(start, start + limits.documents))).filter(
      (row) => row?.dirty === 1,
    );
    const sealed = await Promise.all(
      rows.map((row) => {
        const separator = row!.key.indexOf(':');
        const table = row!.key.slice(0, separator) as SyncTable;
        const document = toDocument(table, row!.key.slice(separator + 1), row!.state);
        return codec.seal(row!.rev ? { ...document, _rev: row!.rev } : document);
      }),
    );
    for (const [i, document] of sealed.entries()) {
      const json = JSON.stringify(document);
      if (
        batch.json.length >= limits.documents ||
        (batch.json.length > 0 && bytes + json.length > limits.bytes)
      ) {
        yield batch;
        batch = { json: [], states: new Map() };
        bytes = 0;
      }
      batch.json.push(json);
      batch.states.set(rows[i]!.key, rows[i]!.state);
      bytes += json.length + 1;
    }
  }
  if (batch.json.length > 0) yield batch;
}

/**
 * Sends the dirty rows of `keys`: at most `limits.inFlight` requests out, while the next is made and
 * the answers of earlier ones are written back. Returns the keys refused with a conflict (merged
 * here meanwhile, to send again). On a fault no further request is sent, and whatever is under way
 * (answers being written) ends before it is thrown: nothing of the pass outlives it.
 */
async function pushRound(
  db: TalkNotesDatabase,
  couch: CouchClient,
  codec: Codec,
  keys: readonly string[],
  limits: PushLimits,
  guard: Guard,
  report: SyncReport,
): Promise<string[]> {
  const conflicted: string[] = [];
  /** Requests whose answer has not come yet. */
  const out = new Set<Promise<unknown>>();
  /** Everything started: requests and the writing of their answers. */
  const started: Promise<void>[] = [];
  let failure: { error: unknown } | null = null;
  for await (const batch of outgoing(db, codec, keys, limits)) {
    while (out.size >= limits.inFlight && !failure) await Promise.race(out);
    if (failure) break;
    // Sync removed meanwhile: nothing more is sent.
    const answer = guard().then(() => couch.bulkDocsEncoded(batch.json));
    // A request that failed stops the round before another is sent.
    const answered = answer.then(
      () => undefined,
      (error: unknown) => {
        failure ??= { error };
      },
    );
    out.add(answered);
    void answered.then(() => out.delete(answered));
    started.push(
      answer
        .then((results) => written(db, couch, codec, batch, results, guard, report))
        .then(
          (ids) => {
            conflicted.push(...ids);
          },
          (error: unknown) => {
            failure ??= { error };
          },
        ),
    );
  }
  await Promise.all(started);
  if (failure) throw (failure as { error: unknown }).error;
  return conflicted;
}

/**
 * One `_bulk_docs` answer written back: accepted revisions recorded (in one transaction), documents
 * another device wrote in between read and merged. Returns the ids refused with a conflict.
 */
async function written(
  db: TalkNotesDatabase,
  couch: CouchClient,
  codec: Codec,
  batch: Outgoing,
  results: readonly BulkDocsResult[],
  guard: Guard,
  report: SyncReport,
): Promise<string[]> {
  const accepted = results.filter((r) => r.ok && r.rev && batch.states.has(r.id));
  await db.transaction('rw', db.sync, db.syncMeta, async () => {
    await guard();
    const rows = await db.sync.bulkGet(accepted.map((result) => result.id));
    const updates: SyncRow[] = [];
    for (const [i, result] of accepted.entries()) {
      const row = rows[i];
      if (!row) continue;
      // Edited again while the request was out: the new revision is known, the edit still to send.
      const sent = batch.states.get(result.id);
      const unchanged = row.state === sent || sameJson(row.state, sent);
      updates.push({ ...row, rev: result.rev!, dirty: unchanged ? 0 : 1 });
    }
    await db.sync.bulkPut(updates);
  });
  report.sent += accepted.length;
  await deleteOtherLeaves(db, couch, accepted, guard);
  const conflicted = results.filter((r) => r.error === 'conflict').map((r) => r.id);
  const failed = results.filter((r) => !r.ok && r.error !== 'conflict');
  if (failed.length > 0) {
    const first = failed[0]!;
    throw new SyncError('server', `${first.id}: ${first.error ?? ''} ${first.reason ?? ''}`.trim());
  }
  if (conflicted.length === 0) return [];
  // Someone wrote these in between: read their current documents and merge them in, then retry.
  const incoming = await readStates(
    couch,
    codec,
    conflicted.map((id) => ({ id })),
    report.refused,
  );
  const { changed, changedUrls } = await applyIncoming(db, incoming, undefined, guard);
  report.received += changed;
  addUrls(report, changedUrls);
  return conflicted;
}

function addUrls(report: SyncReport, urls: readonly string[]) {
  for (const url of urls) if (!report.changedUrls.includes(url)) report.changedUrls.push(url);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Deletes the other leaf revisions of documents just written (section 1: conflicts made by
 * replication between servers): their states are merged into what was written, so the server
 * keeps one leaf. Only after the merged state is accepted, so a leaf is never deleted before what
 * it held is on the server. A deletion refused (someone deleted or wrote that leaf first) is
 * dropped: the next pull lists what is left.
 */
async function deleteOtherLeaves(
  db: TalkNotesDatabase,
  couch: CouchClient,
  accepted: readonly BulkDocsResult[],
  guard: Guard,
) {
  const rows = await db.sync.bulkGet(accepted.map((result) => result.id));
  const withLeaves = rows.filter((row): row is SyncRow => (row?.leaves?.length ?? 0) > 0);
  if (withLeaves.length === 0) return;
  await guard();
  const stubs = withLeaves.flatMap((row) =>
    row.leaves!.map((leaf) => JSON.stringify({ _id: row.key, _rev: leaf, _deleted: true })),
  );
  await couch.bulkDocsEncoded(stubs);
  await db.transaction('rw', db.sync, db.syncMeta, async () => {
    await guard();
    const now = await db.sync.bulkGet(withLeaves.map((row) => row.key));
    const cleared = now.flatMap((row, i) =>
      row && sameJson(row.leaves, withLeaves[i]!.leaves) ? [{ ...row, leaves: undefined }] : [],
    );
    await db.sync.bulkPut(cleared.map(({ leaves: _, ...row }) => row));
  });
}
