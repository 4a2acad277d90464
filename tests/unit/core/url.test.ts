// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { normalizeUrl } from '@/core/url';

describe('normalizeUrl', () => {
  it.each([
    ['https://example.com/post#section-2', 'https://example.com/post'],
    ['https://example.com/post#:~:text=hello', 'https://example.com/post'],
    ['https://EXAMPLE.com:443/post', 'https://example.com/post'],
    ['http://example.com:80/', 'http://example.com/'],
    ['https://example.com/p?utm_source=x&utm_medium=y', 'https://example.com/p'],
    ['https://example.com/p?id=7&fbclid=abc&UTM_Campaign=z', 'https://example.com/p?id=7'],
    ['https://example.com/p?page=2&gclid=1&sort=new', 'https://example.com/p?page=2&sort=new'],
    ['https://example.com/p?q=a%20b', 'https://example.com/p?q=a%20b'],
    ['https://user:pw@example.com/p', 'https://example.com/p'],
    ['https://example.com/p?', 'https://example.com/p'],
  ])('%s -> %s', (input, expected) => {
    expect(normalizeUrl(input)).toBe(expected);
  });

  it.each(['chrome://extensions', 'file:///tmp/a.html', 'javascript:alert(1)', 'not a url', ''])(
    'refuses %s',
    (input) => {
      expect(normalizeUrl(input)).toBeNull();
    },
  );

  it('is idempotent', () => {
    const once = normalizeUrl('https://example.com/a?x=1&utm_source=t#frag')!;
    expect(normalizeUrl(once)).toBe(once);
  });
});
