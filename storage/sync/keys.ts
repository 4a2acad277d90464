/**
 * Which key, if any, a pass encrypts with (docs/sync.md, section 3): the server's
 * `talk-notes:keyinfo` document decides. With a passphrase, an existing key info must accept it; an
 * empty database gets a new one; a database that already holds readable records is refused (never a
 * new salt over records made without one). Without a passphrase, an encrypted database is refused.
 */
import { KEYINFO_ID, createKeyInfo, unlock } from '@/core/sync/crypto';
import { canonicalJson } from '@/core/sync/field-clock';
import { type CouchClient, SyncError } from './couch';

export interface KeyOptions {
  passphrase?: string;
  /** PBKDF2 work for a new database (tests pass a small one; the default is core/sync/crypto's). */
  iterations?: number;
  crypto?: Crypto;
}

/** The key to seal and open documents with, or null for a readable database. */
export async function databaseKey(couch: CouchClient, options: KeyOptions): Promise<CryptoKey | null> {
  const { passphrase, iterations, crypto = globalThis.crypto } = options;
  const keyInfo = await couch.getDocument(KEYINFO_ID);
  if (!passphrase) {
    if (keyInfo) throw new SyncError('encrypted');
    return null;
  }
  if (keyInfo) return unlocked(passphrase, keyInfo, crypto);
  // No key info: only an empty database (of ours) may be made encrypted.
  const first = await couch.changes(0, 2);
  if (first.results.some((change) => !change.id.startsWith('_design/'))) throw new SyncError('not-encrypted');
  const made = await createKeyInfo(passphrase, iterations, crypto);
  const rev = await couch.putDocument({ _id: KEYINFO_ID, ...made.keyInfo });
  if (rev) return made.key;
  // Another device made it between our read and write: use theirs.
  const theirs = await couch.getDocument(KEYINFO_ID);
  if (!theirs) throw new SyncError('server', 'the key document vanished');
  return unlocked(passphrase, theirs, crypto);
}

/**
 * Keys already derived, for this context's life only (the service worker's, an extension page's):
 * PBKDF2's 600,000 iterations take a second or more, once per pass without it. In memory, never in
 * storage; keyed by the key info (its salt and check) and the passphrase, so another database or
 * passphrase derives its own. A few entries: one account is synced at a time.
 */
const derived = new Map<string, CryptoKey>();
const DERIVED_MAX = 4;

async function unlocked(passphrase: string, keyInfo: unknown, crypto: Crypto): Promise<CryptoKey> {
  const cacheKey = `${canonicalJson(keyInfo)}\u0000${passphrase}`;
  const known = derived.get(cacheKey);
  if (known) return known;
  const result = await unlock(passphrase, keyInfo, crypto);
  if (!result.ok)
    throw new SyncError('passphrase', result.reason === 'invalid-keyinfo' ? result.message : undefined);
  if (derived.size >= DERIVED_MAX) derived.delete(derived.keys().next().value!);
  derived.set(cacheKey, result.key);
  return result.key;
}
