/**
 * The part of CouchDB's HTTP API a sync pass uses (docs/sync.md, section 1): the database's info,
 * `_local` checkpoint documents, `_changes`, `_bulk_get` and `_bulk_docs`. Every failure becomes a
 * {@link SyncError} whose kind says what the reader can do about it; `fetch` is a parameter (the
 * tests' seam, and the extension page's or background's own `fetch` in the product).
 */
import type { ServerDocument } from '@/core/sync/crypto';

/** Where to sync: a CouchDB database URL and the account on that server. */
export interface SyncServer {
  /** The database's URL, e.g. `https://couch.example.org/talk-notes` (no trailing slash needed). */
  url: string;
  username?: string;
  password?: string;
}

export type SyncErrorKind =
  | 'credentials'
  | 'forbidden'
  | 'unreachable'
  | 'no-database'
  | 'server'
  | 'passphrase'
  | 'encrypted'
  | 'not-encrypted'
  | 'conflicts'
  | 'stopped';

/** The status line's words for each kind (the panel shows them as they are). */
export const SYNC_ERROR_MESSAGES: Record<SyncErrorKind, string> = {
  credentials: 'Wrong user name or password',
  forbidden: 'This user may not read or write this database',
  unreachable: 'The server cannot be reached; your changes are kept and will be sent when it can',
  'no-database': 'There is no database at this address, and this user cannot make one',
  server: 'The server answered with an error; your changes are kept and will be sent on the next sync',
  passphrase: 'This database was made with another passphrase',
  encrypted: 'This database is encrypted: enter its passphrase',
  'not-encrypted':
    'This database holds records that are not encrypted: sync it without a passphrase, or use an empty database',
  conflicts: 'Other devices kept changing the same records; the rest will be sent on the next sync',
  stopped: 'Sync was removed from this browser while it ran: it stopped, and wrote nothing more here',
};

export class SyncError extends Error {
  override name = 'SyncError';
  /** The plain words are the message; `detail` is for the curious (a status code, the network's error). */
  constructor(
    readonly kind: SyncErrorKind,
    readonly detail?: string,
  ) {
    super(SYNC_ERROR_MESSAGES[kind]);
  }
}

export type Fetch = typeof globalThis.fetch;

export interface ChangesBatch {
  results: { id: string; changes: { rev: string }[]; deleted?: boolean }[];
  last_seq: string | number;
}

/** A `_bulk_get` answer for one requested revision: the document or why not. */
export type BulkGetResult = { ok: ServerDocument } | { error: { id?: string; error: string } };

export type BulkDocsResult = { id: string; ok?: boolean; rev?: string; error?: string; reason?: string };

/** A request to the server took longer than this: it is treated as unreachable. */
const DEFAULT_TIMEOUT_MS = 30_000;

export interface CouchClient {
  /** `GET /db`; a missing database is made (`PUT /db`) when the user may. */
  open(): Promise<{ instance: string }>;
  getLocal<T>(id: string): Promise<T | null>;
  putLocal(id: string, body: object): Promise<void>;
  getDocument(id: string): Promise<ServerDocument | null>;
  /** `PUT` one document; null when someone wrote it first (409). */
  putDocument(document: ServerDocument): Promise<string | null>;
  changes(since: string | number, limit: number): Promise<ChangesBatch>;
  bulkGet(
    requests: readonly { id: string; rev?: string }[],
  ): Promise<{ id: string; docs: BulkGetResult[] }[]>;
  bulkDocs(documents: readonly ServerDocument[]): Promise<BulkDocsResult[]>;
  /** `_bulk_docs` of documents already serialized (each one's JSON): the pass sizes its requests by them. */
  bulkDocsEncoded(documents: readonly string[]): Promise<BulkDocsResult[]>;
}

/** A request body already serialized. */
class EncodedBody {
  constructor(readonly text: string) {}
}

export function couchClient(
  server: SyncServer,
  fetch: Fetch = globalThis.fetch,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): CouchClient {
  const base = server.url.replace(/\/+$/, '');
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/json' };
  if (server.username !== undefined || server.password !== undefined) {
    const bytes = new TextEncoder().encode(`${server.username ?? ''}:${server.password ?? ''}`);
    headers.authorization = `Basic ${btoa(String.fromCharCode(...bytes))}`;
  }

  /** One request; `allowed` statuses are returned to the caller, any other is a SyncError. */
  async function request(
    method: string,
    path: string,
    body?: unknown,
    allowed: readonly number[] = [],
  ): Promise<{ status: number; json: unknown }> {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : body instanceof EncodedBody ? body.text : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
        // The account is sent in the header; no cookie of the server's site is involved.
        credentials: 'omit',
      });
    } catch (error) {
      throw new SyncError('unreachable', error instanceof Error ? error.message : undefined);
    }
    let json: unknown = null;
    try {
      json = await response.json();
    } catch (error) {
      // A body cut off by a server that went away is the network's fault, not the server's answer.
      if (response.ok || allowed.includes(response.status)) {
        throw new SyncError('unreachable', error instanceof Error ? error.message : undefined);
      }
    }
    if (response.ok || allowed.includes(response.status)) return { status: response.status, json };
    if (response.status === 401) throw new SyncError('credentials');
    if (response.status === 403) throw new SyncError('forbidden');
    throw new SyncError('server', `${response.status} ${reasonOf(json)}`.trim());
  }

  /** `_local` documents' revisions as this client last wrote them (null: none there). */
  const localRevs = new Map<string, string | null>();
  const docPath = (id: string) => `/${id.split('/').map(encodeURIComponent).join('/')}`;

  return {
    async open() {
      let info = await request('GET', '', undefined, [404]);
      if (info.status === 404) {
        const made = await request('PUT', '', undefined, [404, 412]);
        if (made.status === 404) throw new SyncError('no-database');
        info = await request('GET', '');
      }
      const instance = (info.json as { instance_start_time?: unknown })?.instance_start_time;
      return { instance: typeof instance === 'string' ? instance : String(instance ?? '') };
    },
    async getLocal<T>(id: string) {
      const { status, json } = await request('GET', `/_local/${encodeURIComponent(id)}`, undefined, [404]);
      localRevs.set(id, status === 404 ? null : ((json as { _rev?: string })._rev ?? null));
      return status === 404 ? null : (json as T);
    },
    async putLocal(id, body) {
      const path = `/_local/${encodeURIComponent(id)}`;
      // The revision written last by this client first (one request per checkpoint, not two); read
      // when unknown or no longer current (another pass wrote it since).
      let rev = localRevs.get(id);
      for (let attempt = 0; ; attempt++) {
        if (rev === undefined || attempt > 0) {
          const current = await request('GET', path, undefined, [404]);
          rev = current.status === 404 ? null : ((current.json as { _rev?: string })._rev ?? null);
        }
        const put = await request(
          'PUT',
          path,
          rev ? { ...body, _rev: rev } : body,
          attempt === 0 ? [409] : [],
        );
        if (put.status !== 409) {
          const written = (put.json as { rev?: unknown } | null)?.rev;
          if (typeof written === 'string') localRevs.set(id, written);
          else localRevs.delete(id);
          return;
        }
      }
    },
    async getDocument(id) {
      const { status, json } = await request('GET', docPath(id), undefined, [404]);
      return status === 404 ? null : (json as ServerDocument);
    },
    async putDocument(document) {
      const { status, json } = await request('PUT', docPath(document._id), document, [409]);
      return status === 409 ? null : ((json as { rev: string }).rev ?? null);
    },
    async changes(since, limit) {
      const query = `since=${encodeURIComponent(String(since))}&limit=${limit}&style=all_docs`;
      const { json } = await request('GET', `/_changes?${query}`);
      return json as ChangesBatch;
    },
    async bulkGet(requests) {
      const { json } = await request('POST', '/_bulk_get?revs=false', { docs: requests });
      return (json as { results: { id: string; docs: BulkGetResult[] }[] }).results;
    },
    async bulkDocs(documents) {
      const { json } = await request('POST', '/_bulk_docs', { docs: documents });
      return json as BulkDocsResult[];
    },
    async bulkDocsEncoded(documents) {
      const body = new EncodedBody(`{"docs":[${documents.join(',')}]}`);
      const { json } = await request('POST', '/_bulk_docs', body);
      return json as BulkDocsResult[];
    },
  };
}

function reasonOf(json: unknown): string {
  if (typeof json !== 'object' || json === null) return '';
  const { reason, error } = json as { reason?: unknown; error?: unknown };
  return String(reason ?? error ?? '').slice(0, 200);
}
