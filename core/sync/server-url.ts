/**
 * Which sync server addresses Talk Notes sends a library and a password to (#16): a CouchDB
 * database URL over HTTPS, or over plain HTTP only on this machine (localhost, 127.0.0.1, [::1]),
 * where nothing crosses a network. Anything else is refused with a plain sentence, before any request.
 */

export type SyncUrlCheck = { ok: true; url: string } | { ok: false; message: string };

/** Hosts whose plain-HTTP traffic never leaves this machine. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export const SYNC_URL_MESSAGES = {
  invalid: 'Type the database’s address, such as https://couch.example.org/talk-notes',
  insecure:
    'Use an https:// address: over http:// your password and library would cross the network unencrypted (http:// is allowed for localhost and 127.0.0.1 only)',
  noDatabase: 'Add the database’s name to the address, such as https://couch.example.org/talk-notes',
  credentials: 'Put the user name and password in their own fields, not in the address',
} as const;

/** Checks a typed server URL; on success gives it without trailing slashes, query or fragment. */
export function checkSyncUrl(input: string): SyncUrlCheck {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, message: SYNC_URL_MESSAGES.invalid };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: SYNC_URL_MESSAGES.invalid };
  }
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    return { ok: false, message: SYNC_URL_MESSAGES.insecure };
  }
  if (url.username || url.password) return { ok: false, message: SYNC_URL_MESSAGES.credentials };
  const path = url.pathname.replace(/\/+$/, '');
  if (!path) return { ok: false, message: SYNC_URL_MESSAGES.noDatabase };
  return { ok: true, url: `${url.origin}${path}` };
}
