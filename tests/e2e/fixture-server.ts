/**
 * A tiny HTTP server for fixture pages on 127.0.0.1 with a random port. Tests can replace what a
 * path serves (an edited version of a page at the same URL) with `serve(path, html)`.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { FIXTURE_PAGES_DIR } from './paths';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
};

export interface FixtureServer {
  origin: string;
  /** Absolute URL of a fixture page, e.g. `url('conference-h2.html')`. */
  url(path: string): string;
  /** Serve `body` at `path` instead of the file (until `reset`). */
  serve(path: string, body: string, contentType?: string): void;
  /** Answer `path` with an HTTP redirect (301) to `location` (until `reset`). */
  redirect(path: string, location: string): void;
  /** How many requests for `path` (its pathname, any query) the server has had. */
  requests(path: string): number;
  reset(): void;
  close(): Promise<void>;
}

export async function startFixtureServer(
  root = FIXTURE_PAGES_DIR,
  options: { headers?: Record<string, string> } = {},
): Promise<FixtureServer> {
  const extra = options.headers ?? {};
  const overrides = new Map<string, { body: string; type: string }>();
  const redirects = new Map<string, string>();
  const requested = new Map<string, number>();
  const server: Server = createServer(async (req, res) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    requested.set(path, (requested.get(path) ?? 0) + 1);
    const location = redirects.get(path);
    if (location) {
      res.writeHead(301, { ...extra, location, 'cache-control': 'no-store' }).end();
      return;
    }
    const override = overrides.get(path);
    if (override) {
      res.writeHead(200, { ...extra, 'content-type': override.type, 'cache-control': 'no-store' });
      res.end(override.body);
      return;
    }
    const file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        ...extra,
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => `${origin}/${path.replace(/^\//, '')}`,
    serve: (path, body, type = 'text/html; charset=utf-8') =>
      overrides.set(`/${path.replace(/^\//, '')}`, { body, type }),
    requests: (path) => requested.get(`/${path.replace(/^\//, '')}`) ?? 0,
    redirect: (path, location) => redirects.set(`/${path.replace(/^\//, '')}`, location),
    reset: () => {
      overrides.clear();
      redirects.clear();
    },
    close: () =>
      new Promise((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        // Browsers keep connections open; do not wait for them to time out.
        server.closeAllConnections();
      }),
  };
}
