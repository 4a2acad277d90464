// @vitest-environment node
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type PouchServer, startPouchServer } from '../../sync/pouchdb-server';

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('pouchdb-server test helper', () => {
  let server: PouchServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('starts in memory on 127.0.0.1, takes a database and a document, and stops', async () => {
    server = await startPouchServer();
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const put = (path: string, body?: unknown) =>
      fetch(`${server!.origin}${path}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    expect((await put('/talk-notes')).status).toBe(201);
    const created = await put('/talk-notes/highlights:h1', { talkNotes: 1, note: 'n' });
    expect(created.status).toBe(201);
    const { rev } = (await created.json()) as { rev: string };
    expect(rev).toMatch(/^1-/);
    const stale = await put('/talk-notes/highlights:h1', { talkNotes: 1, note: 'other' });
    expect(stale.status).toBe(409);
    const read = (await (await fetch(`${server.origin}/talk-notes/highlights:h1`)).json()) as {
      note: string;
    };
    expect(read.note).toBe('n');

    const { pid, origin } = server;
    await server.stop();
    server = undefined;
    expect(running(pid)).toBe(false);
    await expect(fetch(`${origin}/`)).rejects.toThrow();
  });

  it('never takes another process answering on its port for itself', async () => {
    // Another process holds the port (as when one takes it between the free-port probe and the start).
    const other = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"couchdb":"Welcome"}');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = other.address() as AddressInfo;
      await expect(startPouchServer({ port })).rejects.toThrow(/already in use/);
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });
});
