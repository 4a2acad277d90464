/**
 * How the reader arrived at a page (page/post-claim.ts, #18): read from the browser's navigation entry
 * and referrer, which a page's script cannot change in the content script's world. The navigation
 * entry is a stand-in here (jsdom has none); the real one is read in tests/e2e/post-identity.e2e.test.ts.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { readPageIdentity } from '@/page/post-claim';

const PAGE = 'https://blog.example.org/2026/postgres-once-more';
const OLD = 'https://blog.example.org/2024/scaling-postgres';
const BODY = `<article><h1>Scaling Postgres</h1><p>${'Connection pooling moved into PgBouncer last spring. '.repeat(4)}</p></article>`;

function page({
  loaded = PAGE,
  redirectCount = 0,
  referrer = '',
  url = PAGE,
}: {
  loaded?: string;
  redirectCount?: number;
  referrer?: string;
  url?: string;
} = {}): Document {
  const { window } = new JSDOM(`<!doctype html><html><body>${BODY}</body></html>`, {
    url,
    ...(referrer ? { referrer } : {}),
  });
  Object.defineProperty(window.performance, 'getEntriesByType', {
    value: (type: string) => (type === 'navigation' ? [{ name: loaded, redirectCount }] : []),
  });
  return window.document;
}

describe('readPageIdentity: the reader’s arrival, beside what the page claims', () => {
  it.each([
    ['a direct visit', {}, {}],
    ['an HTTP redirect (a moved post’s old link)', { redirectCount: 1 }, { redirected: true }],
    ['a link or client redirect from the old address', { referrer: OLD }, { referrer: OLD }],
    ['a referrer with a fragment and tracking', { referrer: `${OLD}?utm_source=x#top` }, { referrer: OLD }],
    ['the page itself as its referrer (a reload)', { referrer: PAGE }, {}],
  ])('%s', (_, arrival, expected) => {
    const { claim } = readPageIdentity(page(arrival), PAGE);
    expect({ redirected: claim.redirected, referrer: claim.referrer }).toEqual({
      redirected: undefined,
      referrer: undefined,
      ...expected,
    });
    expect(claim.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it('says nothing of the arrival for a later post of a single-page site (not the loaded document)', () => {
    const doc = page({ redirectCount: 1, referrer: OLD });
    const later = 'https://blog.example.org/2026/another-post';
    const { claim } = readPageIdentity(doc, later);
    expect(claim.redirected).toBeUndefined();
    expect(claim.referrer).toBeUndefined();
  });

  it('sends no referrer longer than an address the message may carry', () => {
    const long = `https://blog.example.org/${'x'.repeat(9000)}`;
    expect(readPageIdentity(page({ referrer: long }), PAGE).claim.referrer).toBeUndefined();
  });
});
