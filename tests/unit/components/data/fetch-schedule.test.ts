/** Fetching a schedule from a real local server on 127.0.0.1: every way it can go wrong, in words. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchScheduleText, ScheduleFetchError, scheduleUrl } from '@/components/data/fetch-schedule';

let server: Server;
let base: string;
const hanging = new Set<import('node:http').ServerResponse>();

beforeAll(async () => {
  server = createServer((request, response) => {
    switch (request.url) {
      case '/schedule.json':
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{"schedule":{}}');
        return;
      case '/moved':
        response.writeHead(302, { location: '/schedule.json' });
        response.end();
        return;
      case '/big':
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('x'.repeat(4096));
        response.end('x'.repeat(4096));
        return;
      case '/never':
        hanging.add(response); // headers never sent
        return;
      default:
        response.writeHead(404, 'Not Found');
        response.end('missing');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const response of hanging) response.destroy();
  await new Promise((resolve) => server.close(resolve));
});

async function problemOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ScheduleFetchError);
  return error as ScheduleFetchError;
}

describe('fetchScheduleText', () => {
  it('reads the file and reports the address it came from after redirects', async () => {
    expect(await fetchScheduleText(`${base}/moved`)).toEqual({
      text: '{"schedule":{}}',
      url: `${base}/schedule.json`,
    });
  });

  it('a 404 says there is no file there', async () => {
    const error = await problemOf(fetchScheduleText(`${base}/nothing`));
    expect(error.problem).toBe('http');
    expect(error.message).toMatch(/404 Not Found/);
  });

  it('a server that never answers times out with a plain message', async () => {
    const error = await problemOf(fetchScheduleText(`${base}/never`, { timeoutMs: 300 }));
    expect(error.problem).toBe('timeout');
    expect(error.message).toMatch(/did not send the schedule within/);
  });

  it('a file over the size limit is refused', async () => {
    const error = await problemOf(fetchScheduleText(`${base}/big`, { maxBytes: 5000 }));
    expect(error.problem).toBe('too-large');
  });

  it('the reader cancelling stops it', async () => {
    const controller = new AbortController();
    const pending = fetchScheduleText(`${base}/never`, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect((await problemOf(pending)).problem).toBe('cancelled');
  });

  it('a server that is not there is unreachable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await problemOf(fetchScheduleText(`http://127.0.0.1:${port}/schedule.json`));
    expect(error.problem).toBe('unreachable');
  });

  it.each([
    ['not a url', /is not a web address/],
    ['ftp://files.example/schedule.xml', /must start with https:\/\/ or http:\/\//],
    ['javascript:alert(1)', /must start with https:\/\/ or http:\/\//],
  ])('refuses %s before fetching anything', (input, message) => {
    expect(() => scheduleUrl(input)).toThrow(message);
  });
});
