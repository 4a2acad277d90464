// @vitest-environment node
/**
 * Sync passes against a real CouchDB-protocol server (pouchdb-server on 127.0.0.1, over real HTTP):
 * two Dexie databases (fake-indexeddb) stand in for two devices. docs/sync.md's rules, encryption,
 * and the faults a pass must survive.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LibraryData } from '@/core/backup';
import { documentId } from '@/core/sync/documents';
import { viewState } from '@/core/sync/merge';
import { type Commands, createCommands } from '@/storage/commands';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import type { Fetch, SyncServer } from '@/storage/sync/couch';
import { enableSync } from '@/storage/sync/enable';
import { type SyncOptions, syncOnce } from '@/storage/sync/pass';
import { type Checkpoint, checkpointKey } from '@/storage/sync/state';
import { type PouchServer, startPouchServer } from '../../sync/pouchdb-server';
import { clipOn } from '../clip-fixtures';
import { readWholeLibrary } from '../storage/library-helpers';

interface Device {
  db: TalkNotesDatabase;
  commands: Commands;
}

/** The library without what is kept per device (a highlight's anchoring status). */
async function libraryOf(device: Device): Promise<LibraryData> {
  const data = await readWholeLibrary(device.db);
  return { ...data, highlights: data.highlights.map(({ anchorStatus: _, ...h }) => h as never) };
}

async function rawDocuments(server: SyncServer): Promise<Record<string, unknown>[]> {
  const response = await fetch(`${server.url}/_all_docs?include_docs=true`);
  const { rows } = (await response.json()) as { rows: { doc: Record<string, unknown> }[] };
  return rows.map((row) => row.doc);
}

describe('a sync pass', () => {
  let server: PouchServer;
  let target: SyncServer;
  const devices: Device[] = [];
  // Edits later than the clips (which use the real clock), and never two at the same millisecond.
  let clock = 0;

  /** A device whose reader pressed `Start sync`: its library is adopted and its writes stamped. */
  async function device(): Promise<Device> {
    const db = createDatabase(`sync-device-${crypto.randomUUID()}`);
    await enableSync(db);
    const made = {
      db,
      commands: createCommands({ db, now: () => (clock = Math.max(clock + 1, Date.now())) }),
    };
    devices.push(made);
    return made;
  }
  const sync = async (d: Device, options: SyncOptions = {}) => {
    const report = await syncOnce(d.db, target, options);
    expect(report.error).toBeUndefined();
    return report;
  };

  beforeEach(async () => {
    server = await startPouchServer();
    target = { url: `${server.origin}/talk-notes` };
  });
  afterEach(async () => {
    for (const d of devices.splice(0)) await d.db.delete();
    await server.stop();
  });

  it('refuses to run on a library where sync was never enabled, before any request', async () => {
    const db = createDatabase(`sync-device-${crypto.randomUUID()}`);
    devices.push({ db, commands: createCommands({ db }) });
    await clipOn(db, 'https://a.example/', 'never sent', 60, null);
    const asked: string[] = [];
    const recording: Fetch = (input, init) => {
      asked.push(String(input));
      return fetch(input, init);
    };
    await expect(syncOnce(db, target, { fetch: recording })).rejects.toThrow('enableSync first');
    expect(asked).toEqual([]);
    expect(await db.sync.count()).toBe(0);
  });

  it('does not read back the documents it sent: the pass after a first sync asks only for others’', async () => {
    const a = await device();
    const b = await device();
    await clipOn(a.db, 'https://a.example/', 'sent once', 60, 'Kernel live patching');
    await sync(a);
    const sentByA = new Set((await a.db.sync.toCollection().primaryKeys()) as string[]);
    const fromB = await clipOn(b.db, 'https://b.example/', 'from B', 10, null);
    await sync(b);
    const asked: string[] = [];
    const recording: Fetch = async (input, init) => {
      if (String(input).includes('/_bulk_get')) {
        const { docs } = JSON.parse(String(init?.body)) as { docs: { id: string }[] };
        asked.push(...docs.map((doc) => doc.id));
      }
      return fetch(input, init);
    };
    const again = await sync(a, { fetch: recording });
    expect(again.received).toBeGreaterThan(0);
    // Only B's records are read (its page, talks and highlight), no document of A's own.
    expect(asked).toContain(documentId('highlights', fromB.highlight.id));
    expect(asked.filter((id) => sentByA.has(id))).toEqual([]);
    asked.length = 0;
    expect(await sync(a, { fetch: recording })).toMatchObject({ sent: 0, received: 0 });
    expect(asked).toEqual([]);
  });

  it('brings two devices to the same library, both ways', async () => {
    const a = await device();
    const b = await device();
    const clip = await clipOn(
      a.db,
      'https://a.example/',
      'kGraft patches a running kernel',
      60,
      'Kernel live patching',
    );
    await a.commands.updateHighlight(clip.highlight.id, { note: 'from A', tags: ['kernel'] });
    await a.commands.setSetting('colorNames', { green: 'Key idea' });
    await a.commands.createCollection({ name: 'Keep', highlightIds: [clip.highlight.id] });
    const first = await sync(a);
    expect(first.sent).toBe(6); // a page, two talks, a highlight, a setting, a collection
    const received = await sync(b);
    expect(received.received).toBe(6);
    expect(await libraryOf(b)).toEqual(await libraryOf(a));
    // The arrival is a new highlight here: its anchoring is still to be done on this device.
    expect((await b.db.highlights.get(clip.highlight.id))!.anchorStatus).toBe('pending');

    await clipOn(b.db, 'https://b.example/', 'livepatch', 10, null);
    await b.commands.deleteHighlight(clip.highlight.id);
    await sync(b);
    await sync(a);
    expect(await libraryOf(a)).toEqual(await libraryOf(b));
    expect(await a.db.highlights.get(clip.highlight.id)).toBeUndefined();
    // Nothing left to send, nothing new to receive: a pass changes nothing.
    expect(await sync(a)).toMatchObject({ sent: 0, received: 0 });
    expect(await sync(b)).toMatchObject({ sent: 0, received: 0 });
  });

  it('keeps concurrent edits of different fields, and of one note the later with the other as a conflict', async () => {
    const a = await device();
    const b = await device();
    const { highlight } = await clipOn(a.db, 'https://a.example/', 'kpatch', 60, null);
    await sync(a);
    await sync(b);
    await a.commands.updateHighlight(highlight.id, { tags: ['from-a'], note: 'note of A' });
    await b.commands.updateHighlight(highlight.id, { color: 'blue', note: 'note of B, later' });
    await sync(a);
    await sync(b); // B's push meets A's revision: the 409 is fetched, merged and sent again
    await sync(a);
    for (const d of [a, b]) {
      const h = (await d.db.highlights.get(highlight.id))!;
      expect(h).toMatchObject({ tags: ['from-a'], color: 'blue', note: 'note of B, later' });
      const state = (await d.db.sync.get(documentId('highlights', highlight.id)))!.state;
      expect(viewState(state).conflicts.map((c) => [c.field, c.versions.map((v) => v.value)])).toEqual([
        ['note', ['note of B, later', 'note of A']],
      ]);
    }
    expect(await libraryOf(a)).toEqual(await libraryOf(b));
  });

  /** A fetch that runs `meanwhile` (another device writing) before each of its `_bulk_docs` requests. */
  const interleaved =
    (meanwhile: () => Promise<unknown>): Fetch =>
    async (input, init) => {
      if (String(input).includes('/_bulk_docs')) await meanwhile();
      return fetch(input, init);
    };

  it('answers a 409 by reading the other write, merging and sending again in the same pass', async () => {
    const a = await device();
    const b = await device();
    const { highlight } = await clipOn(a.db, 'https://a.example/', 'racing', 60, null);
    await sync(a);
    await sync(b);
    await a.commands.updateHighlight(highlight.id, { tags: ['from-a'] });
    await b.commands.updateHighlight(highlight.id, { note: 'from B' });
    let raced = false;
    const report = await sync(b, {
      fetch: interleaved(async () => {
        if (raced) return;
        raced = true;
        await sync(a); // A writes the document after B pulled it: B's revision is stale
      }),
    });
    expect(raced).toBe(true);
    expect(report.sent).toBe(1);
    expect(await b.db.sync.where('dirty').equals(1).count()).toBe(0);
    await sync(a);
    for (const d of [a, b]) {
      expect(await d.db.highlights.get(highlight.id)).toMatchObject({ tags: ['from-a'], note: 'from B' });
    }
  });

  it('ends a conflict storm with a plain status after a few rounds; the next pass sends the rest', async () => {
    const a = await device();
    const b = await device();
    const { highlight } = await clipOn(a.db, 'https://a.example/', 'stormy', 60, null);
    await sync(a);
    await sync(b);
    await b.commands.updateHighlight(highlight.id, { note: 'from B' });
    let writes = 0;
    const storm = await syncOnce(b.db, target, {
      conflictRounds: 3,
      fetch: interleaved(async () => {
        await a.commands.updateHighlight(highlight.id, { tags: [`storm-${++writes}`] });
        await sync(a);
      }),
    });
    expect(writes).toBe(3);
    expect(storm).toMatchObject({ ok: false, error: { kind: 'conflicts' } });
    expect(storm.error?.message).toBe(
      'Other devices kept changing the same records; the rest will be sent on the next sync',
    );
    expect((await b.db.highlights.get(highlight.id))?.note).toBe('from B');
    await sync(b);
    await sync(a);
    expect(await a.db.highlights.get(highlight.id)).toMatchObject({ note: 'from B', tags: ['storm-3'] });
  });

  it('keeps a highlight deleted on one device and edited on the other; a deletion alone propagates', async () => {
    const a = await device();
    const b = await device();
    const kept = await clipOn(a.db, 'https://a.example/', 'kept one', 60, null);
    const gone = await clipOn(a.db, 'https://a.example/', 'gone one', 80, null);
    await sync(a);
    await sync(b);
    await a.commands.deleteHighlights([kept.highlight.id, gone.highlight.id]);
    await b.commands.updateHighlight(kept.highlight.id, { note: 'edited while deleted elsewhere' });
    await sync(a);
    await sync(b);
    await sync(a);
    for (const d of [a, b]) {
      expect((await d.db.highlights.get(kept.highlight.id))?.note).toBe('edited while deleted elsewhere');
      expect(await d.db.highlights.get(gone.highlight.id)).toBeUndefined();
      const state = (await d.db.sync.get(documentId('highlights', kept.highlight.id)))!.state;
      expect(viewState(state).keptAfterDeletion).toBe(true);
    }
  });

  it('encrypts end to end: the server holds no clipped text, the passphrase opens it elsewhere', async () => {
    const a = await device();
    const b = await device();
    const secret = 'a passage nobody on the server may read';
    const { highlight } = await clipOn(a.db, 'https://private.example/', secret, 60, null);
    await a.commands.updateHighlight(highlight.id, { note: 'private note', tags: ['confidential'] });
    const options = { passphrase: 'correct horse battery staple', iterations: 1_000 };
    await sync(a, options);

    const documents = await rawDocuments(target);
    expect(documents.length).toBeGreaterThan(1);
    const text = JSON.stringify(documents);
    for (const word of ['passage', 'private', 'confidential', 'Kernel', 'yellow', 'record', 'fields']) {
      expect(text, word).not.toContain(word);
    }
    for (const document of documents) {
      const fields = Object.keys(document).sort();
      if (document._id === 'talk-notes:keyinfo') continue;
      expect(fields).toEqual(['_id', '_rev', 'encrypted', 'talkNotes']);
    }

    await sync(b, options);
    expect(await libraryOf(b)).toEqual(await libraryOf(a));

    const wrong = await device();
    const refused = await syncOnce(wrong.db, target, { passphrase: 'another one' });
    expect(refused).toMatchObject({
      ok: false,
      error: { kind: 'passphrase', message: 'This database was made with another passphrase' },
    });
    expect(await wrong.db.highlights.count()).toBe(0);
    const without = await syncOnce(wrong.db, target);
    expect(without.error?.message).toBe('This database is encrypted: enter its passphrase');
  });

  it('derives the passphrase’s key once per context, not once per pass; another passphrase is still refused', async () => {
    const a = await device();
    const b = await device();
    await clipOn(a.db, 'https://private.example/', 'sealed passage', 60, null);
    const passphrase = 'derived once';
    let derivations = 0;
    const counting = {
      getRandomValues: (array: Uint8Array) => crypto.getRandomValues(array),
      randomUUID: () => crypto.randomUUID(),
      subtle: new Proxy(crypto.subtle, {
        get(target, name) {
          if (name === 'deriveKey') derivations++;
          const value = Reflect.get(target, name, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      }),
    } as unknown as Crypto;
    const options = { passphrase, iterations: 1_000, crypto: counting };
    await sync(a, options); // makes the key info: derived once, not cached (no unlock)
    const made = derivations;
    await sync(b, options); // unlocks it: derived once
    await sync(b, options);
    await sync(a, options);
    await sync(a, options);
    expect(derivations - made).toBe(1);
    expect(await b.db.highlights.count()).toBe(1);
    const wrong = await syncOnce(b.db, target, { passphrase: 'not it', crypto: counting });
    expect(wrong.error?.kind).toBe('passphrase');
    expect(derivations - made).toBe(2);
  });

  it('refuses a passphrase for a database that already holds readable records', async () => {
    const a = await device();
    await clipOn(a.db, 'https://a.example/', 'readable', 60, null);
    await sync(a);
    const b = await device();
    const report = await syncOnce(b.db, target, { passphrase: 'late', iterations: 1_000 });
    expect(report.error?.kind).toBe('not-encrypted');
  });

  it('refuses a malformed or planted document, reports it and writes the rest', async () => {
    const a = await device();
    const b = await device();
    await clipOn(a.db, 'https://a.example/', 'genuine', 60, null);
    await sync(a);
    const planted = await fetch(`${target.url}/highlights:evil`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        talkNotes: 1,
        table: 'highlights',
        record: { id: 'evil', text: 42 },
        fields: {},
        deletions: [],
      }),
    });
    expect(planted.status).toBe(201);
    const report = await sync(b);
    expect(report.refused.map((r) => r.id)).toEqual(['highlights:evil']);
    expect(await b.db.highlights.get('evil')).toBeUndefined();
    expect(await libraryOf(b)).toEqual(await libraryOf(a));
  });

  it('sends everything again to a database deleted and made again', async () => {
    const a = await device();
    await clipOn(a.db, 'https://a.example/', 'one', 60, null);
    await clipOn(a.db, 'https://a.example/', 'two', 80, null);
    const first = await sync(a);
    expect((await fetch(target.url, { method: 'DELETE' })).status).toBe(200);
    expect((await fetch(target.url, { method: 'PUT' })).status).toBe(201);
    const again = await sync(a);
    expect(again.sent).toBe(first.sent);
    const b = await device();
    await sync(b);
    expect(await libraryOf(b)).toEqual(await libraryOf(a));
  });

  it('says "Wrong user name or password" on a 401 and leaves the library as it was', async () => {
    const admin = { authorization: `Basic ${btoa('ada:secret')}`, 'content-type': 'application/json' };
    await fetch(`${server.origin}/_config/admins/ada`, { method: 'PUT', body: JSON.stringify('secret') });
    await fetch(target.url, { method: 'PUT', headers: admin });
    const a = await device();
    await clipOn(a.db, 'https://a.example/', 'mine', 60, null);
    const before = await readWholeLibrary(a.db);
    const report = await syncOnce(a.db, { ...target, username: 'ada', password: 'wrong' });
    expect(report).toMatchObject({
      ok: false,
      sent: 0,
      error: { kind: 'credentials', message: 'Wrong user name or password' },
    });
    expect(await readWholeLibrary(a.db)).toEqual(before);
    expect(await a.db.sync.where('dirty').equals(1).count()).toBe(4);
    const right = await syncOnce(a.db, { ...target, username: 'ada', password: 'secret' });
    expect(right).toMatchObject({ ok: true, sent: 4 });
  });

  it('says the server cannot be reached when nothing listens there', async () => {
    const a = await device();
    await clipOn(a.db, 'https://a.example/', 'mine', 60, null);
    const before = await readWholeLibrary(a.db);
    // A port this test holds, where every connection is reset at once, as where nothing listens. Not
    // the port of a server just stopped: another process on this machine may take a freed port.
    const nobody = await resettingPort();
    try {
      const report = await syncOnce(a.db, { url: `${nobody.origin}/talk-notes` }, { timeoutMs: 5_000 });
      expect(report).toMatchObject({ ok: false, sent: 0, error: { kind: 'unreachable' } });
      expect(report.error?.message).toBe(
        'The server cannot be reached; your changes are kept and will be sent when it can',
      );
      expect(nobody.connections()).toBeGreaterThan(0);
    } finally {
      await nobody.close();
    }
    expect(await readWholeLibrary(a.db)).toEqual(before);
    expect(await a.db.sync.where('dirty').equals(1).count()).toBe(4);
  });
});

/**
 * A port on 127.0.0.1 held by the test, whose every connection is reset as soon as it is made: a
 * client sees what it sees where nothing listens (a connection refused or reset), and no other
 * process can take the port while the test holds it.
 */
async function resettingPort(): Promise<{ origin: string; connections(): number; close(): Promise<void> }> {
  let connections = 0;
  const holder = createNetServer((socket) => {
    connections++;
    socket.resetAndDestroy();
  });
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  const { port } = holder.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    connections: () => connections,
    close: () => new Promise<void>((resolve) => holder.close(() => resolve())),
  };
}

describe('a server that goes away in the middle of a pass', () => {
  let folder: string;
  let server: PouchServer;
  const dbs: TalkNotesDatabase[] = [];
  afterEach(async () => {
    await server?.stop();
    for (const db of dbs.splice(0)) await db.delete();
    await rm(folder, { recursive: true, force: true });
  });
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'talk-notes-sync-restart-'));
  });

  /** A fetch that stops the server just before the `n`th request whose URL contains `part`. */
  function killingFetch(part: string, n: number): Fetch {
    let seen = 0;
    return async (input, init) => {
      if (String(input).includes(part) && ++seen === n) await server.stop();
      return fetch(input, init);
    };
  }

  it('loses nothing: the next pass after a restart completes, pushing and pulling', async () => {
    server = await startPouchServer({ folder });
    const port = Number(new URL(server.origin).port);
    const target = { url: `${server.origin}/talk-notes` };
    const a = createDatabase(`restart-a-${crypto.randomUUID()}`);
    const b = createDatabase(`restart-b-${crypto.randomUUID()}`);
    dbs.push(a, b);
    await enableSync(a);
    await enableSync(b);
    for (let i = 0; i < 12; i++) await clipOn(a, `https://a.example/${i}`, `passage ${i}`, 60, null);
    const total = await a.sync.count(); // 12 pages, 24 talks, 12 highlights

    const cut = await syncOnce(a, target, { batchSize: 10, fetch: killingFetch('_bulk_docs', 3) });
    expect(cut).toMatchObject({ ok: false, sent: 20, error: { kind: 'unreachable' } });
    expect(await a.sync.where('dirty').equals(1).count()).toBe(total - 20);

    server = await startPouchServer({ folder, port });
    expect(await syncOnce(a, target, { batchSize: 10 })).toMatchObject({ ok: true, sent: total - 20 });
    expect(await a.sync.where('dirty').equals(1).count()).toBe(0);

    // Pulling, cut after two batches: the checkpoint of the last written batch is kept.
    const pulled = await syncOnce(b, target, { batchSize: 10, fetch: killingFetch('_changes', 3) });
    expect(pulled).toMatchObject({ ok: false, received: 20, error: { kind: 'unreachable' } });
    const saved = (await b.syncMeta.get(checkpointKey(target.url)))?.value as Checkpoint;
    expect(Number(saved.since)).toBeGreaterThan(0);
    server = await startPouchServer({ folder, port });
    const asked: string[] = [];
    const recording: Fetch = (input, init) => {
      const url = new URL(String(input));
      if (url.pathname.endsWith('/_changes')) asked.push(url.searchParams.get('since')!);
      return fetch(input, init);
    };
    const rest = await syncOnce(b, target, { batchSize: 10, fetch: recording });
    // It resumed from the last batch written, not from the start.
    expect(asked[0]).toBe(String(saved.since));
    expect(rest).toMatchObject({ ok: true, received: total - 20, sent: 0 });
    const plain = async (db: TalkNotesDatabase) => {
      const data = await readWholeLibrary(db);
      return { ...data, highlights: data.highlights.map(({ anchorStatus: _, ...h }) => h) };
    };
    expect(await plain(b)).toEqual(await plain(a));
  });
});
