// @vitest-environment node
/**
 * The background's sync service against a real CouchDB-protocol server (pouchdb-server on
 * 127.0.0.1): `Start sync`, `Sync now`, `Stop sync`, the alarm, one pass at a time, the status kept
 * in storage (a Map stands in for storage.local), the URL rule and host access checked before any
 * request, and open tabs told which pages a pull changed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCommands } from '@/storage/commands';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import type { Fetch } from '@/storage/sync/couch';
import { isSyncEnabled } from '@/storage/sync/enable';
import {
  type KeyValueArea,
  SYNC_ACCOUNT_KEY,
  SYNC_ALARM,
  SYNC_STATUS_KEY,
  type SyncAccount,
} from '@/messaging/sync-settings';
import { SYNC_PERIOD_MINUTES, type SyncService, syncService } from '@/messaging/sync-service';
import { type PouchServer, startPouchServer } from '../../sync/pouchdb-server';
import { saveClip } from '@/storage/clips';
import { clipOn, noMetadata, quotedPassage } from '../clip-fixtures';

function memoryArea(): KeyValueArea & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (key) => (data.has(key) ? { [key]: structuredClone(data.get(key)) } : {}),
    set: async (items) => {
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
    remove: async (keys) => {
      for (const k of [keys].flat()) data.delete(k);
    },
  };
}

interface Device {
  db: TalkNotesDatabase;
  area: ReturnType<typeof memoryArea>;
  service: SyncService;
  alarms: { create: ReturnType<typeof vi.fn>; clear: ReturnType<typeof vi.fn> };
  requests: string[];
  notified: string[][];
  access: { granted: boolean };
}

describe('the sync service', () => {
  let server: PouchServer;
  const devices: Device[] = [];

  function device(): Device {
    const db = createDatabase(`sync-service-${crypto.randomUUID()}`);
    const area = memoryArea();
    const requests: string[] = [];
    const notified: string[][] = [];
    const access = { granted: true };
    const recording: Fetch = (input, init) => {
      requests.push(`${init?.method ?? 'GET'} ${String(input)}`);
      return fetch(input, init);
    };
    const alarms = { create: vi.fn(), clear: vi.fn(async () => true) };
    const service = syncService({
      db,
      area,
      alarms,
      hasAccess: async () => access.granted,
      fetch: recording,
      notifyHighlightsChanged: (urls) => notified.push([...urls]),
      passOptions: { iterations: 1_000, timeoutMs: 5_000 },
    });
    const made = { db, area, service, alarms, requests, notified, access };
    devices.push(made);
    return made;
  }
  const account = (): SyncAccount => ({
    url: `${server.origin}/talk-notes`,
    username: '',
    password: '',
  });

  beforeEach(async () => {
    server = await startPouchServer();
  });
  afterEach(async () => {
    for (const d of devices.splice(0)) await d.db.delete();
    await server.stop();
  });

  it('starts: keeps the account in storage.local only, sets the alarm, adopts the library and runs a pass', async () => {
    const password = 'pw-kept-in-storage-local';
    await fetch(`${server.origin}/_config/admins/ada`, { method: 'PUT', body: JSON.stringify(password) });
    const a = device();
    await clipOn(a.db, 'https://a.example/', 'kGraft patches a running kernel', 60, null);
    const state = await a.service.start({ ...account(), username: 'ada', password, author: 'Ada' });
    expect(state.status).toMatchObject({ started: true, running: false, last: { ok: true, sent: 4 } });
    // The panel gets the account back without its password.
    expect(state.account).toEqual({
      url: `${server.origin}/talk-notes`,
      username: 'ada',
      author: 'Ada',
      encrypted: false,
    });
    expect(a.area.data.get(SYNC_ACCOUNT_KEY)).toMatchObject({ username: 'ada', password, author: 'Ada' });
    expect(a.alarms.create).toHaveBeenCalledWith(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES });
    expect(isSyncEnabled(a.db)).toBe(true);
    // The password is in no table of the library's database, and in no document on the server.
    const tables = await Promise.all(a.db.tables.map((table) => table.toArray()));
    expect(JSON.stringify(tables)).not.toContain(password);
    const auth = { authorization: `Basic ${btoa(`ada:${password}`)}` };
    const docs = await fetch(`${server.origin}/talk-notes/_all_docs?include_docs=true`, { headers: auth });
    const text = await docs.text();
    expect(text).toContain('kGraft');
    expect(text).not.toContain(password);
  });

  it('brings a clip to another device and tells its open tabs to redraw that page', async () => {
    const a = device();
    const b = device();
    await clipOn(a.db, 'https://a.example/post', 'kGraft patches a running kernel', 60, null);
    await a.service.start(account());
    const state = await b.service.start(account());
    expect(state.status.last).toMatchObject({ ok: true, received: 4 });
    expect((await b.db.highlights.toArray()).map((h) => h.text)).toEqual(['kGraft patches a running kernel']);
    expect(b.notified).toEqual([['https://a.example/post']]);
    // A second pass brings nothing: nobody is told anything.
    await b.service.syncNow();
    expect(b.notified).toHaveLength(1);
  });

  it('names on the server who made a highlight and its page, not the device that sent it last', async () => {
    const a = device();
    const b = device();
    const { highlight } = await saveClip(
      a.db,
      {
        page: { url: 'https://a.example/post', title: 'Post', ...noMetadata() },
        talks: [],
        highlight: quotedPassage('kGraft patches a running kernel', 60, null),
      },
      Date.now(),
      'Ada',
    );
    await a.service.start({ ...account(), author: 'Ada' });
    await b.service.start({ ...account(), author: 'Brian' });
    await createCommands({ db: b.db }).updateHighlight(highlight.id, { note: 'edited on B' });
    expect((await b.service.syncNow()).status.last).toMatchObject({ ok: true, sent: 1 });
    const read = async (id: string) =>
      (await (await fetch(`${server.origin}/talk-notes/${encodeURIComponent(id)}`)).json()) as {
        author: string | null;
        record: { note?: string; author?: string };
      };
    const sent = await read(`highlights:${highlight.id}`);
    expect(sent).toMatchObject({ author: 'Ada', record: { note: 'edited on B', author: 'Ada' } });
    // The page the clip made names its clipper too (#16), whoever sends it.
    expect((await read(`pages:${highlight.pageId}`)).author).toBe('Ada');
  });

  it('runs one pass at a time: Sync now while a pass runs joins it', async () => {
    const a = device();
    await clipOn(a.db, 'https://a.example/', 'one', 60, null);
    await a.service.start(account());
    a.requests.length = 0;
    await Promise.all([a.service.syncNow(), a.service.syncNow(), a.service.onAlarm(SYNC_ALARM)]);
    expect(a.requests.filter((r) => r.includes('/_changes')).length).toBe(1);
  });

  it('says "Wrong user name or password" on a 401, and keeps the library', async () => {
    await fetch(`${server.origin}/_config/admins/ada`, { method: 'PUT', body: JSON.stringify('secret') });
    const a = device();
    await clipOn(a.db, 'https://a.example/', 'mine', 60, null);
    const state = await a.service.start({ ...account(), username: 'ada', password: 'wrong' });
    expect(state.status).toMatchObject({
      started: true,
      running: false,
      last: { ok: false, message: 'Wrong user name or password' },
    });
    expect(await a.db.highlights.count()).toBe(1);
  });

  it.each([
    ['http://couch.example.org/talk-notes', 'Use an https:// address'],
    ['https://couch.example.org/', 'Add the database’s name'],
    ['https://ada:secret@couch.example.org/db', 'Put the user name and password in their own fields'],
    ['not a url', 'Type the database’s address'],
  ])('refuses %s before any request, in plain words', async (url, words) => {
    const a = device();
    const state = await a.service.start({ url, username: 'ada', password: 'secret' });
    expect(state.status.notice).toContain(words);
    expect(state.status.started).toBe(false);
    expect(a.requests).toEqual([]);
    expect(a.area.data.has(SYNC_ACCOUNT_KEY)).toBe(false);
    expect(a.alarms.create).not.toHaveBeenCalled();
  });

  it('sends nothing to a server it has no access to, and says so', async () => {
    const a = device();
    a.access.granted = false;
    const state = await a.service.start(account());
    expect(state.status.notice).toBe(
      'Talk Notes may not reach 127.0.0.1: press Start sync and allow access to it.',
    );
    expect(a.requests).toEqual([]);
  });

  it('Stop sync ends the alarm and the passes but keeps the account; Forget removes it and the sync state', async () => {
    const a = device();
    await clipOn(a.db, 'https://a.example/', 'one', 60, null);
    await a.service.start(account());
    const stopped = await a.service.stop();
    expect(a.alarms.clear).toHaveBeenCalledWith(SYNC_ALARM);
    expect(stopped.status.started).toBe(false);
    expect(stopped.account).not.toBeNull();
    a.requests.length = 0;
    expect((await a.service.syncNow()).status.notice).toBe('Sync is off: press Start sync first.');
    await a.service.onAlarm(SYNC_ALARM);
    expect(a.requests).toEqual([]);
    // Edits while stopped are still stamped, and sent when sync starts again.
    await createCommands({ db: a.db }).setSetting('colorNames', { green: 'Key idea' });
    expect((await a.service.start(account())).status.last).toMatchObject({ ok: true, sent: 1 });

    const forgotten = await a.service.stop(true);
    expect(forgotten).toEqual({ status: { started: false, running: false }, account: null });
    expect(a.area.data.size).toBe(0);
    expect(await a.db.sync.count()).toBe(0);
    expect(isSyncEnabled(a.db)).toBe(false);
  });

  it('a new worker clears a "running" status left by one stopped mid-pass', async () => {
    const a = device();
    a.area.data.set(SYNC_STATUS_KEY, { started: true, running: true });
    await a.service.recover();
    expect(a.area.data.get(SYNC_STATUS_KEY)).toEqual({ started: true, running: false });
  });
});
