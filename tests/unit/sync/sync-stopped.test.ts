// @vitest-environment node
/**
 * A pass under way when the reader deletes all data (or forgets sync) in this browser (docs/sync.md,
 * "A pass and Delete all data"): the background does not wait for the pass, so the pass itself
 * stops at its next step. Nothing it pulled is written into the emptied library, no sync state is
 * made again, nothing more is sent, and nothing is deleted on the server.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import type { Fetch, SyncServer } from '@/storage/sync/couch';
import { enableSync, forgetSync } from '@/storage/sync/enable';
import { syncOnce } from '@/storage/sync/pass';
import { deleteAllData } from '@/storage/wipe';
import { type PouchServer, startPouchServer } from '../../sync/pouchdb-server';
import { clipOn } from '../clip-fixtures';

describe('a pass while the reader deletes all data', () => {
  let server: PouchServer;
  let target: SyncServer;
  const dbs: TalkNotesDatabase[] = [];

  async function device(): Promise<TalkNotesDatabase> {
    const db = createDatabase(`sync-stopped-${crypto.randomUUID()}`);
    dbs.push(db);
    await enableSync(db);
    return db;
  }

  /** Runs `meanwhile` once, just before the `n`th request whose path ends with `part`; counts them. */
  function during(part: string, n: number, meanwhile: () => Promise<unknown>) {
    const seen = { count: 0 };
    const fetcher: Fetch = async (input, init) => {
      if (new URL(String(input)).pathname.endsWith(part) && ++seen.count === n) await meanwhile();
      return fetch(input, init);
    };
    return { fetcher, seen };
  }

  async function serverDocuments(): Promise<{ id: string; deleted: boolean }[]> {
    const response = await fetch(`${target.url}/_changes?style=all_docs`);
    const { results } = (await response.json()) as { results: { id: string; deleted?: boolean }[] };
    return results
      .map((r) => ({ id: r.id, deleted: r.deleted === true }))
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  const isEmpty = async (db: TalkNotesDatabase) => {
    for (const table of db.tables) expect(await table.count(), table.name).toBe(0);
  };

  beforeEach(async () => {
    server = await startPouchServer();
    target = { url: `${server.origin}/talk-notes` };
  });
  afterEach(async () => {
    for (const db of dbs.splice(0)) await db.delete();
    await server.stop();
  });

  it('pulling: writes nothing of what it pulled into the emptied library, and stops', async () => {
    const a = await device();
    for (let i = 0; i < 8; i++) await clipOn(a, `https://a.example/${i}`, `passage ${i}`, 60, null);
    expect((await syncOnce(a, target)).error).toBeUndefined();
    const before = await serverDocuments();

    const b = await device();
    // B has read the first batch of documents when the reader deletes everything in this browser.
    const { fetcher } = during('/_bulk_get', 1, () => deleteAllData(b));
    const report = await syncOnce(b, target, { fetch: fetcher, batchSize: 10 });
    expect(report).toMatchObject({ ok: false, received: 0, error: { kind: 'stopped' } });
    await isEmpty(b);
    // Nothing was sent, and nothing deleted on the server.
    expect(await serverDocuments()).toEqual(before);
    expect(before.some((d) => d.deleted)).toBe(false);
  });

  it('pushing: sends no further batch and writes no sync state back; the server loses nothing', async () => {
    const a = await device();
    for (let i = 0; i < 12; i++) await clipOn(a, `https://a.example/${i}`, `passage ${i}`, 60, null);
    const total = await a.sync.count();
    // The reader deletes everything while the second batch of ten is out.
    const { fetcher, seen } = during('/_bulk_docs', 2, () => deleteAllData(a));
    const report = await syncOnce(a, target, { fetch: fetcher, batchSize: 10 });
    expect(report).toMatchObject({ ok: false, error: { kind: 'stopped' } });
    expect(report.sent).toBe(10);
    expect(seen.count).toBe(2);
    expect(total).toBeGreaterThan(20);
    await isEmpty(a);
    const documents = await serverDocuments();
    expect(documents).toHaveLength(20);
    expect(documents.some((d) => d.deleted)).toBe(false);
  });

  it('forgetting sync during a pull: the library stays as it was, no sync state comes back', async () => {
    const a = await device();
    for (let i = 0; i < 8; i++) await clipOn(a, `https://a.example/${i}`, `passage ${i}`, 60, null);
    expect((await syncOnce(a, target)).error).toBeUndefined();
    const b = await device();
    await clipOn(b, 'https://b.example/', 'kept on B', 60, null);
    const library = await b.highlights.toArray();
    const { fetcher } = during('/_bulk_get', 1, () => forgetSync(b));
    const report = await syncOnce(b, target, { fetch: fetcher, batchSize: 10 });
    expect(report.error?.kind).toBe('stopped');
    expect(await b.highlights.toArray()).toEqual(library);
    expect(await b.sync.count()).toBe(0);
    expect(await b.syncMeta.count()).toBe(0);
  });
});
