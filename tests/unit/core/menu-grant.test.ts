import { describe, expect, it } from 'vitest';
import {
  closeGrant,
  formatGrant,
  GRANT_AFTER_CLOSE_MS,
  GRANT_CLAIM_MS,
  MENU_ARMING_MS,
  type MenuGrant,
  mayAct,
  parseGrant,
  useGrant,
} from '@/core/menu-grant';

const TOKEN = `${'A'.repeat(42)}Q`;
const grant = (extra: Partial<MenuGrant> = {}): MenuGrant => ({
  token: TOKEN,
  highlightId: 'h1',
  issuedAt: 1000,
  ...extra,
});
const menu = { frameId: 7, documentId: 'doc-7' };

describe('formatGrant / parseGrant', () => {
  it('round-trips a frame id and 32 random bytes as base64url', () => {
    const bytes = new Uint8Array(32).map((_, i) => (i * 37 + 251) % 256);
    const text = formatGrant(17179869185, bytes);
    expect(text).toMatch(/^17179869185\.[A-Za-z0-9_-]{43}$/);
    expect(parseGrant(text)).toEqual({ frameId: 17179869185, token: text.split('.')[1] });
    expect(() => formatGrant(0, new Uint8Array(16))).toThrow();
  });

  it.each([
    '',
    TOKEN,
    `-1.${TOKEN}`,
    `1.${TOKEN}x`,
    `1.${TOKEN.slice(1)}`,
    `1.${TOKEN.slice(1)}+`,
    `99999999999999999999.${TOKEN}`,
    ` 0.${TOKEN}`,
  ])('refuses %j', (text) => {
    expect(parseGrant(text)).toBeNull();
  });
});

describe('useGrant', () => {
  it('gives the first frame that uses the token the highlight, and binds the grant to it', () => {
    const first = useGrant(grant(), TOKEN, menu, 1000 + GRANT_CLAIM_MS);
    expect(first).toEqual({ highlightId: 'h1', grant: grant({ claimant: menu }) });
    // The same frame and document go on using it, however long the menu stays open.
    expect(useGrant(first!.grant, TOKEN, { ...menu }, 10_000_000)?.highlightId).toBe('h1');
  });

  it.each([
    ['another frame', { frameId: 8, documentId: 'doc-7' }],
    ['a new document in the same frame', { frameId: 7, documentId: 'doc-8' }],
    ['a frame without a document id', { frameId: 7 }],
  ])('refuses %s once the grant is claimed', (_label, claimant) => {
    const claimed = grant({ claimant: menu });
    expect(useGrant(claimed, TOKEN, claimant, 1001)).toBeNull();
  });

  it('refuses another token, no grant, and a grant unused for too long', () => {
    expect(useGrant(grant(), `${TOKEN.slice(0, -1)}R`, menu, 1001)).toBeNull();
    expect(useGrant(grant(), TOKEN.slice(1), menu, 1001)).toBeNull();
    expect(useGrant(null, TOKEN, menu, 1001)).toBeNull();
    expect(useGrant(grant(), TOKEN, menu, 1001 + GRANT_CLAIM_MS)).toBeNull();
    // A clock that went back is no reason to trust an old grant.
    expect(useGrant(grant(), TOKEN, menu, 999)).toBeNull();
  });
});

describe('closeGrant', () => {
  it('lets the claimant’s last requests through for a moment after the menu closed, and no one else', () => {
    const closed = closeGrant(grant({ claimant: menu }), 5000)!;
    expect(useGrant(closed, TOKEN, menu, 5000 + GRANT_AFTER_CLOSE_MS)?.highlightId).toBe('h1');
    expect(useGrant(closed, TOKEN, { frameId: 8 }, 5001)).toBeNull();
    expect(useGrant(closed, TOKEN, menu, 5001 + GRANT_AFTER_CLOSE_MS)).toBeNull();
    expect(useGrant(closed, TOKEN, menu, 4999)).toBeNull();
  });

  it('ends an unclaimed grant at once', () => {
    expect(closeGrant(grant(), 5000)).toBeNull();
    expect(closeGrant(null, 5000)).toBeNull();
  });
});

describe('mayAct', () => {
  it('lets a click act only on an open menu, MENU_ARMING_MS after its grant, while shown', () => {
    expect(mayAct(grant(), 1000 + MENU_ARMING_MS - 1, true)).toBe(false);
    expect(mayAct(grant(), 1000 + MENU_ARMING_MS, true)).toBe(true);
    expect(mayAct(grant(), 1000 + MENU_ARMING_MS, false)).toBe(false);
    expect(mayAct(grant({ closedAt: 2000 }), 2000, true)).toBe(false);
  });
});
