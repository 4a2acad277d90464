import { describe, expect, it } from 'vitest';
import {
  createKeyInfo,
  fromBase64,
  open,
  openDocument,
  seal,
  sealDocument,
  toBase64,
  unlock,
} from '@/core/sync/crypto';

// Few iterations keep the tests fast; the product uses DEFAULT_ITERATIONS.
const ITERATIONS = 1_000;

async function keyFor(passphrase: string) {
  const { keyInfo, key } = await createKeyInfo(passphrase, ITERATIONS);
  return { keyInfo, key };
}

describe('sync encryption', () => {
  it('round-trips a document body, and the server sees neither its text nor its fields', async () => {
    const { key } = await keyFor('correct horse');
    const document = {
      _id: 'highlights:h1',
      _rev: '2-abc',
      table: 'highlights',
      record: { note: 'a secret note', text: 'clipped passage' },
    };
    const sealed = await sealDocument(key, document);
    expect(Object.keys(sealed).sort()).toEqual(['_id', '_rev', 'encrypted', 'talkNotes']);
    expect(JSON.stringify(sealed)).not.toMatch(/secret|clipped|record|highlights"/);
    expect(await openDocument(key, sealed)).toEqual({ ok: true, document });
  });

  it('uses a fresh IV every time', async () => {
    const { key } = await keyFor('pass');
    const a = await seal(key, 'pages:p1', { x: 1 });
    const b = await seal(key, 'pages:p1', { x: 1 });
    expect(fromBase64(a.iv)).toHaveLength(12);
    expect(a.iv).not.toBe(b.iv);
    expect(a.data).not.toBe(b.data);
  });

  it('unlocks with the right passphrase, and recognises a wrong one', async () => {
    const { keyInfo, key } = await keyFor('right one');
    const sealed = await seal(key, 'pages:p1', { title: 'T' });
    // The key info crosses the server as JSON.
    const stored = JSON.parse(JSON.stringify(keyInfo));
    const right = await unlock('right one', stored);
    expect(right.ok).toBe(true);
    if (right.ok)
      expect(await open(right.key, 'pages:p1', sealed)).toEqual({ ok: true, body: { title: 'T' } });
    expect(await unlock('wrong one', stored)).toMatchObject({
      ok: false,
      reason: 'wrong-passphrase',
      message: 'This database was made with another passphrase.',
    });
  });

  it('normalises the passphrase (the same text typed on two systems is one passphrase)', async () => {
    const { keyInfo } = await keyFor('caf\u00e9');
    expect((await unlock('cafe\u0301', keyInfo)).ok).toBe(true);
  });

  it.each([
    ['a missing check', (k: Record<string, unknown>) => ({ ...k, check: undefined })],
    ['another KDF', (k: Record<string, unknown>) => ({ ...k, kdf: 'scrypt' })],
    ['absurd work', (k: Record<string, unknown>) => ({ ...k, iterations: 1e12 })],
    ['too little work', (k: Record<string, unknown>) => ({ ...k, iterations: 1 })],
    ['a salt that is not base64', (k: Record<string, unknown>) => ({ ...k, salt: '<script>' })],
  ])('refuses key info with %s', async (_, change) => {
    const { keyInfo } = await keyFor('p');
    expect(await unlock('p', change({ ...keyInfo }))).toMatchObject({ ok: false, reason: 'invalid-keyinfo' });
  });

  it('refuses a tampered ciphertext', async () => {
    const { key } = await keyFor('p');
    const sealed = await seal(key, 'highlights:h1', { note: 'n' });
    const bytes = fromBase64(sealed.data);
    bytes[0]! ^= 1;
    const result = await open(key, 'highlights:h1', { ...sealed, data: toBase64(bytes) });
    expect(result).toMatchObject({ ok: false });
  });

  it('refuses a ciphertext moved to another document (the id is authenticated)', async () => {
    const { key } = await keyFor('p');
    const sealed = await sealDocument(key, { _id: 'highlights:h1', record: { note: 'n' } });
    const moved = { ...sealed, _id: 'highlights:h2' };
    expect(await openDocument(key, moved)).toMatchObject({ ok: false });
    expect(await openDocument(key, sealed)).toMatchObject({ ok: true });
  });

  it('refuses a document sealed with another key, a readable one, and malformed ones', async () => {
    const { key } = await keyFor('p');
    const { key: other } = await keyFor('p'); // same passphrase, another salt: another key
    const foreign = await sealDocument(other, { _id: 'pages:p1', record: {} });
    expect(await openDocument(key, foreign)).toMatchObject({ ok: false });
    expect(await openDocument(key, { _id: 'pages:p1', record: {} })).toMatchObject({
      ok: false,
      message: 'it is not encrypted, in a database that is',
    });
    for (const encrypted of [null, 'x', { iv: 'AAAA', data: 'AAAA' }, { iv: '!!', data: '' }]) {
      expect(await openDocument(key, { _id: 'pages:p1', encrypted })).toMatchObject({ ok: false });
    }
  });
});
