/**
 * End-to-end encryption of synced documents (docs/sync.md, "End-to-end encryption"): a key derived
 * from the reader's passphrase with PBKDF2-SHA-256 and a random salt, kept with a key check value in
 * the server's `talk-notes:keyinfo` document so a wrong passphrase is recognised; each document body
 * sealed with AES-256-GCM under a fresh 96-bit IV, with the document id as additional data so a
 * ciphertext cannot be moved to another document. WebCrypto is a parameter (`crypto`, the standard
 * global by default) so this stays pure and testable.
 */
import * as v from 'valibot';

/** The id of the document holding the key's salt and check value. */
export const KEYINFO_ID = 'talk-notes:keyinfo';
/** PBKDF2 iterations for a new database (OWASP 2023 for PBKDF2-HMAC-SHA-256). */
export const DEFAULT_ITERATIONS = 600_000;
/** Refuse key info asking for absurd work (a hostile server could freeze the extension). */
const MAX_ITERATIONS = 10_000_000;
const MIN_ITERATIONS = 1_000;
const CHECK_TEXT = 'talk-notes key check v1';
const MAX_SEALED_CHARS = 8 * 1024 * 1024;

/** A sealed (encrypted) body: base64 IV and base64 ciphertext with its GCM tag. */
export interface Sealed {
  iv: string;
  data: string;
}

/** The content of the `talk-notes:keyinfo` document (besides `_id` and `_rev`). */
export interface KeyInfo {
  kdf: 'PBKDF2-SHA-256';
  iterations: number;
  salt: string;
  check: Sealed;
}

const base64 = v.pipe(v.string(), v.maxLength(MAX_SEALED_CHARS), v.regex(/^[A-Za-z0-9+/]*={0,2}$/));
export const SealedSchema = v.object({ iv: base64, data: base64 });
export const KeyInfoSchema = v.object({
  kdf: v.literal('PBKDF2-SHA-256'),
  iterations: v.pipe(v.number(), v.integer(), v.minValue(MIN_ITERATIONS), v.maxValue(MAX_ITERATIONS)),
  salt: base64,
  check: SealedSchema,
});

export type Unlock =
  | { ok: true; key: CryptoKey }
  | { ok: false; reason: 'wrong-passphrase' | 'invalid-keyinfo'; message: string };

export type Opened = { ok: true; body: unknown } | { ok: false; message: string };

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const encoder = new TextEncoder();

/** The AES-GCM key for `passphrase` with this salt and work factor. */
export async function deriveKey(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
  crypto: Crypto = globalThis.crypto,
): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey(
    'raw',
    encoder.encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Encrypts JSON `body` for the document `id` (the id is authenticated, not encrypted). */
export async function seal(
  key: CryptoKey,
  id: string,
  body: unknown,
  crypto: Crypto = globalThis.crypto,
): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(id) },
    key,
    encoder.encode(JSON.stringify(body)),
  );
  return { iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
}

/** Decrypts a sealed body of the document `id`; a tampered, moved or foreign one is refused. */
export async function open(
  key: CryptoKey,
  id: string,
  sealed: unknown,
  crypto: Crypto = globalThis.crypto,
): Promise<Opened> {
  const parsed = v.safeParse(SealedSchema, sealed);
  if (!parsed.success) return { ok: false, message: 'its encrypted content is malformed' };
  const iv = fromBase64(parsed.output.iv);
  if (iv.length !== 12) return { ok: false, message: 'its encrypted content is malformed' };
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv, additionalData: encoder.encode(id) },
      key,
      fromBase64(parsed.output.data),
    );
  } catch {
    return {
      ok: false,
      message:
        'it cannot be decrypted with this passphrase (altered, moved from another document, or foreign)',
    };
  }
  try {
    return { ok: true, body: JSON.parse(new TextDecoder().decode(plain)) };
  } catch {
    return { ok: false, message: 'its decrypted content is not JSON' };
  }
}

/** New key info for an empty database, and its key. */
export async function createKeyInfo(
  passphrase: string,
  iterations: number = DEFAULT_ITERATIONS,
  crypto: Crypto = globalThis.crypto,
): Promise<{ keyInfo: KeyInfo; key: CryptoKey }> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const key = await deriveKey(passphrase, salt, iterations, crypto);
  const check = await seal(key, KEYINFO_ID, CHECK_TEXT, crypto);
  return { keyInfo: { kdf: 'PBKDF2-SHA-256', iterations, salt: toBase64(salt), check }, key };
}

/** The key for `passphrase`, if it is the one the database was made with. */
export async function unlock(
  passphrase: string,
  keyInfo: unknown,
  crypto: Crypto = globalThis.crypto,
): Promise<Unlock> {
  const parsed = v.safeParse(KeyInfoSchema, keyInfo);
  if (!parsed.success) {
    return {
      ok: false,
      reason: 'invalid-keyinfo',
      message: `The database's ${KEYINFO_ID} document is not valid.`,
    };
  }
  const info = parsed.output;
  const key = await deriveKey(passphrase, fromBase64(info.salt), info.iterations, crypto);
  const check = await open(key, KEYINFO_ID, info.check, crypto);
  if (!check.ok || check.body !== CHECK_TEXT) {
    return {
      ok: false,
      reason: 'wrong-passphrase',
      message: 'This database was made with another passphrase.',
    };
  }
  return { ok: true, key };
}

/** A document as the server holds it: CouchDB's own fields and ours. */
export interface ServerDocument {
  _id: string;
  _rev?: string;
  [field: string]: unknown;
}

/** The encrypted form of a readable document: the server sees its id and revision only. */
export async function sealDocument(
  key: CryptoKey,
  document: ServerDocument,
  crypto: Crypto = globalThis.crypto,
): Promise<ServerDocument> {
  const { _id, _rev, ...body } = document;
  const encrypted = await seal(key, _id, body, crypto);
  return _rev === undefined ? { _id, talkNotes: 1, encrypted } : { _id, _rev, talkNotes: 1, encrypted };
}

/**
 * The readable form of an encrypted document (its `_id` and `_rev` kept), or why it is refused. In an
 * encrypted database a readable document is refused too: anyone with write access could plant it.
 */
export async function openDocument(
  key: CryptoKey,
  document: ServerDocument,
  crypto: Crypto = globalThis.crypto,
): Promise<{ ok: true; document: ServerDocument } | { ok: false; message: string }> {
  if (document.encrypted === undefined) {
    return { ok: false, message: 'it is not encrypted, in a database that is' };
  }
  const opened = await open(key, document._id, document.encrypted, crypto);
  if (!opened.ok) return opened;
  if (typeof opened.body !== 'object' || opened.body === null || Array.isArray(opened.body)) {
    return { ok: false, message: 'its decrypted content is not a document' };
  }
  const { _id: _ignoredId, _rev: _ignoredRev, ...body } = opened.body as Record<string, unknown>;
  return {
    ok: true,
    document: { ...body, _id: document._id, ...(document._rev ? { _rev: document._rev } : {}) },
  };
}
