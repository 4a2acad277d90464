// @vitest-environment node
/**
 * `_local` checkpoint documents (storage/sync/couch.ts): the client writes them with the revision it
 * wrote last (one request a checkpoint), and still writes when someone else changed the document
 * meanwhile (a 409: read again, write again).
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { couchClient, type Fetch } from '@/storage/sync/couch';
import { type PouchServer, startPouchServer } from '../../sync/pouchdb-server';

let server: PouchServer;
beforeEach(async () => {
  server = await startPouchServer();
});
afterEach(async () => {
  await server.stop();
});

it('writes a checkpoint in one request once its revision is known, and after another writer in two more', async () => {
  const url = `${server.origin}/local-checkpoints`;
  const requests: string[] = [];
  const counting: Fetch = (input, init) => {
    requests.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
    return fetch(input, init);
  };
  const couch = couchClient({ url }, counting);
  await couch.open();
  expect(await couch.getLocal('talk-notes-dev-1')).toBeNull();
  requests.length = 0;
  await couch.putLocal('talk-notes-dev-1', { since: 1 });
  await couch.putLocal('talk-notes-dev-1', { since: 2 });
  expect(requests).toEqual([
    'PUT /local-checkpoints/_local/talk-notes-dev-1',
    'PUT /local-checkpoints/_local/talk-notes-dev-1',
  ]);

  // Another client (the same device's pass in another context) writes it meanwhile.
  const other = couchClient({ url });
  await other.getLocal('talk-notes-dev-1');
  await other.putLocal('talk-notes-dev-1', { since: 3 });
  requests.length = 0;
  await couch.putLocal('talk-notes-dev-1', { since: 4 });
  expect(requests).toEqual([
    'PUT /local-checkpoints/_local/talk-notes-dev-1',
    'GET /local-checkpoints/_local/talk-notes-dev-1',
    'PUT /local-checkpoints/_local/talk-notes-dev-1',
  ]);
  expect(await other.getLocal('talk-notes-dev-1')).toMatchObject({ since: 4 });
});
