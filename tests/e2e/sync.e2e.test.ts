/**
 * Sync as readers use it (#16): two browser profiles (two persistent contexts with the built
 * extension) and a CouchDB-protocol server (pouchdb-server, started here on 127.0.0.1). A clip made
 * in one profile reaches the other's dashboard and is drawn on its open page after `Sync now`; a
 * wrong password is said in plain words; a server that goes away in the middle of a pass and comes
 * back lets the next pass finish; with a passphrase the server's documents hold no clipped text.
 * The profiles hold access to 127.0.0.1 as a reader who allowed it before (harness `grantedOrigins`:
 * headless Chromium cannot answer the permission prompt); a third profile, without it, shows that an
 * unanswered prompt leaves a plain status and a panel that still works.
 */
import { type IncomingMessage, request as httpRequest, type Server, createServer } from 'node:http';
import type { Socket } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PouchServer, startPouchServer } from '../sync/pouchdb-server';
import { drawnHighlights, type ExtensionSession, launchExtension, waitForContentScript } from './harness';
import {
  clip,
  editNote,
  GRANTED,
  passAfter,
  SYNC_WAIT,
  serverDocuments,
  startSync,
  statusOf,
  syncNow,
  syncPanel,
} from './sync-panel';

const PASSAGE = "He's a really big fan of random testing/ fuzzing in order to find bugs";
describe('sync between two browser profiles', () => {
  let server: PouchServer;
  let a: ExtensionSession;
  let b: ExtensionSession;
  let dashboardA: Page;
  let dashboardB: Page;

  beforeAll(async () => {
    server = await startPouchServer();
    a = await launchExtension({ grantedOrigins: GRANTED });
    b = await launchExtension({ grantedOrigins: GRANTED });
    dashboardA = await a.openDashboard();
    dashboardB = await b.openDashboard();
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await server?.stop();
  });

  it('a clip made on one profile appears on the other’s dashboard and is drawn on its page after Sync now', async () => {
    const database = `${server.origin}/notebook`;
    const panelA = await startSync(dashboardA, { url: database, author: 'Ada' });
    await expect
      .poll(statusOf(panelA), SYNC_WAIT)
      .toMatch(/^Last synced at .+: 0 records sent, 0 records received\.$/);
    const panelB = await startSync(dashboardB, { url: database, author: 'Brian' });
    await expect.poll(statusOf(panelB), SYNC_WAIT).toMatch(/^Last synced at .+: 0 records sent/);

    // B reads the write-up while A clips it.
    const url = a.server.url('conference-h2.html');
    const pageB = await b.context.newPage();
    await pageB.goto(url);
    await waitForContentScript(pageB);
    const pageA = await a.openFixture('conference-h2.html');
    await clip(pageA, PASSAGE);

    await panelA.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(statusOf(panelA), SYNC_WAIT).toMatch(/: [1-9]\d* records? sent, 0 records received\.$/);
    await panelB.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(statusOf(panelB), SYNC_WAIT).toMatch(/: 0 records sent, [1-9]\d* records? received\.$/);

    // B's dashboard lists it (live, no reload) and B's open page draws it (told by the background).
    await panelB.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => dashboardB.locator('article', { hasText: PASSAGE }).count(), SYNC_WAIT).toBe(1);
    await expect
      .poll(() => drawnHighlights(pageB).then((d) => Object.values(d).flat()), SYNC_WAIT)
      .toContain(PASSAGE);
    // The author's name travels with the record on the server.
    const highlight = (await serverDocuments(database)).find((d) => String(d._id).startsWith('highlights:'));
    expect(highlight).toMatchObject({ author: 'Ada', record: { text: PASSAGE, author: 'Ada' } });
    // And on the highlight itself, in B's library (who made it, #16).
    await expect
      .poll(
        () =>
          dashboardB.evaluate(async (text) => {
            const db = await new Promise<IDBDatabase>((resolve, reject) => {
              const request = indexedDB.open('talk-notes');
              request.onsuccess = () => resolve(request.result);
              request.onerror = () => reject(request.error);
            });
            const all = await new Promise<{ text: string; author?: string }[]>((resolve) => {
              const request = db.transaction('highlights').objectStore('highlights').getAll();
              request.onsuccess = () => resolve(request.result);
            });
            db.close();
            return all.find((h) => h.text === text)?.author;
          }, PASSAGE),
        SYNC_WAIT,
      )
      .toBe('Ada');
    await pageA.close();
    await pageB.close();
  });

  it('with a passphrase, the server’s documents hold no clipped text, and the other profile reads them', async () => {
    const database = `${server.origin}/sealed`;
    const passphrase = 'correct horse battery staple';
    // A passage B does not have yet.
    const page = await a.openFixture('conference-h3.html');
    const sealed = 'Kernel live patching';
    await clip(page, sealed);
    await page.close();
    const panelA = await startSync(dashboardA, { url: database, passphrase });
    // A's status line said "Last synced…" before this pass too: wait for the server to hold the records.
    // PBKDF2 with 600,000 iterations runs once per pass: allow for it on a loaded machine.
    await expect
      .poll(async () => {
        const sent = await serverDocuments(database).catch(() => []);
        return sent.filter((d) => d.encrypted && String(d._id).startsWith('highlights:')).length;
      }, SYNC_WAIT)
      .toBe(2);
    await expect.poll(statusOf(panelA), SYNC_WAIT).toMatch(/^Last synced at .+: [1-9]\d* records? sent/);
    const documents = await serverDocuments(database);
    expect(documents.length).toBeGreaterThan(1);
    // Everything but the ciphertexts and the key's salt and check (random base64, where three letters
    // such as "Ada" turn up by chance in about one run of ten now that each highlight carries its author);
    // the next loop checks that nothing else is there.
    const text = JSON.stringify(
      documents.map(({ encrypted: _, salt: __, check: ___, ...readable }) => readable),
    );
    for (const words of ['random testing', 'fuzzing', 'conference-h2', 'Ada'])
      expect(text).not.toContain(words);
    for (const document of documents) {
      if (document._id === 'talk-notes:keyinfo') continue;
      expect(Object.keys(document).sort()).toEqual(['_id', '_rev', 'encrypted', 'talkNotes']);
    }

    const wrong = await startSync(dashboardB, { url: database, passphrase: 'another one' });
    await expect
      .poll(statusOf(wrong), SYNC_WAIT)
      .toMatch(/^This database was made with another passphrase\./);
    const panelB = await startSync(dashboardB, { url: database, passphrase });
    await expect.poll(statusOf(panelB), SYNC_WAIT).toMatch(/^Last synced at .+: \d+ records? sent/);
    await panelB.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => dashboardB.locator('article', { hasText: sealed }).count(), SYNC_WAIT).toBe(1);
  });

  it('a server that goes away in the middle of a pass: the pass says so, and the next one completes', async () => {
    // An on-disk server behind a relay that stops the server when the pass starts sending.
    const folder = await mkdtemp(join(tmpdir(), 'talk-notes-e2e-couch-'));
    let disk = await startPouchServer({ folder });
    const port = Number(new URL(disk.origin).port);
    let cutAtFirstPush = true;
    const relay = await startRelay(port, async (request) => {
      if (!cutAtFirstPush || request.method !== 'POST' || !request.url?.includes('/_bulk_docs')) return false;
      cutAtFirstPush = false;
      await disk.stop();
      return true;
    });
    try {
      const database = `${relay.origin}/interrupted`;
      const page = await a.openFixture('conference-h3.html');
      const passage = 'Trolling != Enforcement';
      await clip(page, passage);
      const panel = await startSync(dashboardA, { url: database });
      await expect
        .poll(statusOf(panel), SYNC_WAIT)
        .toMatch(/^The server cannot be reached; your changes are kept and will be sent when it can\./);
      expect(cutAtFirstPush).toBe(false);

      disk = await startPouchServer({ folder, port });
      await panel.getByRole('button', { name: 'Sync now' }).click();
      await expect.poll(statusOf(panel), SYNC_WAIT).toMatch(/^Last synced at .+: [1-9]\d* records? sent/);
      const documents = await serverDocuments(database);
      expect(JSON.stringify(documents)).toContain(passage);
      expect(JSON.stringify(documents)).toContain(PASSAGE);
      await page.close();
    } finally {
      await relay.close();
      await disk.stop();
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('says "Wrong user name or password", then syncs with the right one', async () => {
    const guarded = await startPouchServer();
    try {
      await fetch(`${guarded.origin}/_config/admins/ada`, { method: 'PUT', body: JSON.stringify('secret') });
      const database = `${guarded.origin}/guarded`;
      const panel = await startSync(dashboardB, { url: database, username: 'ada', password: 'wrong' });
      await expect
        .poll(statusOf(panel), SYNC_WAIT)
        .toMatch(/^Wrong user name or password\. \(Tried at .+\.\)$/);
      await startSync(dashboardB, { url: database, username: 'ada', password: 'secret' });
      await expect.poll(statusOf(panel), SYNC_WAIT).toMatch(/^Last synced at .+: [1-9]\d* records? sent/);
      // Reopened, the panel shows the account again, never its password.
      await panel.getByRole('button', { name: 'Close' }).click();
      const again = await syncPanel(dashboardB);
      await expect.poll(() => again.getByRole('textbox', { name: 'Username' }).inputValue()).toBe('ada');
      expect(await again.getByLabel('Password').inputValue()).toBe('');
      await again.getByRole('button', { name: 'Stop sync' }).click();
      await expect.poll(statusOf(again), SYNC_WAIT).toMatch(/Sync is stopped\.$/);
      await again.getByRole('button', { name: 'Close' }).click();
    } finally {
      await guarded.stop();
    }
  });

  it('a note edited on both profiles, each before pulling the other’s: offered on both, resolved on one, the same everywhere', async () => {
    const database = `${server.origin}/conflicts`;
    const passage = 'Humans are a reciprocal species';
    const page = await a.openFixture('conference-h3.html');
    await clip(page, passage);
    await page.close();
    await passAfter(dashboardA, () => startSync(dashboardA, { url: database, author: 'Ada' }));
    await passAfter(dashboardB, () => startSync(dashboardB, { url: database, author: 'Brian' }));
    await (await syncPanel(dashboardB)).getByRole('button', { name: 'Close' }).click();
    await syncNow(dashboardA);
    // Both hold the passage clipped on A; each edits its note, offline from the other.
    await editNote(dashboardA, passage, 'Written on A: fuzzing first');
    await editNote(dashboardB, passage, 'Written on B: property tests first');
    await syncNow(dashboardA);
    await syncNow(dashboardB);
    await syncNow(dashboardA);

    // B's edit is the later one: both show it, and both offer the choice.
    for (const dashboard of [dashboardA, dashboardB]) {
      const row = dashboard.locator('article.dash-hl', { hasText: passage });
      await expect.poll(() => row.getByText('Written on B: property tests first').count(), SYNC_WAIT).toBe(1);
      await expect
        .poll(() => dashboard.getByRole('heading', { name: 'Edited on two devices (1)' }).count(), SYNC_WAIT)
        .toBe(1);
    }
    const choice = dashboardB.getByRole('group', { name: 'Note edited on two devices' });
    await expect.poll(() => choice.getByText('Written on A: fuzzing first').count()).toBe(1);
    // Keyboard: Keep that (A's note) focused and pressed with Enter.
    await choice.getByRole('button', { name: 'Keep that' }).focus();
    await dashboardB.keyboard.press('Enter');
    await expect.poll(() => choice.count(), SYNC_WAIT).toBe(0);

    await syncNow(dashboardB);
    await syncNow(dashboardA);
    for (const dashboard of [dashboardA, dashboardB]) {
      const row = dashboard.locator('article.dash-hl', { hasText: passage });
      await expect.poll(() => row.getByText('Written on A: fuzzing first').count(), SYNC_WAIT).toBe(1);
      await expect
        .poll(() => dashboard.getByRole('heading', { name: /Edited on two devices/ }).count())
        .toBe(0);
    }
    const highlight = (await serverDocuments(database)).find(
      (d) => (d.record as { text?: string } | undefined)?.text === passage,
    );
    expect(highlight).toMatchObject({ record: { note: 'Written on A: fuzzing first' }, conflicts: {} });
  });
});

describe('a profile that has not allowed access to the server', () => {
  it('asks for that origin at Start sync; unanswered, the status says so, nothing is sent and the panel works', async () => {
    const server = await startPouchServer();
    const session = await launchExtension();
    try {
      const dashboard = await session.openDashboard();
      const panel = await startSync(dashboard, { url: `${server.origin}/never` });
      await expect
        .poll(statusOf(panel), SYNC_WAIT)
        .toBe('Allow Talk Notes to reach 127.0.0.1 in the browser’s prompt to start sync.');
      // Nothing reached the server: the database was never made.
      expect((await fetch(`${server.origin}/never`)).status).toBe(404);
      const worker = await session.serviceWorker();
      expect(await worker.evaluate(() => chrome.storage.local.get(null))).toEqual({});
      // The panel is not hung: a refused address is answered at once, and it closes.
      await startSync(dashboard, { url: 'http://couch.example.org/db' });
      await expect.poll(statusOf(panel)).toMatch(/^Use an https:\/\/ address/);
      await panel.getByRole('button', { name: 'Close' }).click();
      await expect.poll(() => panel.count()).toBe(0);
    } finally {
      await session.close();
      await server.stop();
    }
  });
});

/**
 * A relay on 127.0.0.1 in front of the server on `port`: `cut(request)` may stop the server and say
 * true, and the relay then drops that request's connection, as a server going away does.
 */
async function startRelay(
  port: number,
  cut: (request: IncomingMessage) => Promise<boolean>,
): Promise<{ origin: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const relay: Server = createServer(async (request, response) => {
    if (await cut(request)) {
      request.socket.destroy();
      return;
    }
    const upstream = httpRequest(
      { host: '127.0.0.1', port, path: request.url, method: request.method, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => request.socket.destroy());
    request.pipe(upstream);
  });
  relay.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const address = relay.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        relay.close(() => resolve());
      }),
  };
}
