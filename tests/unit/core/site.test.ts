// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { sameSite, siteOf } from '@/core/site';

describe('sameSite (#18: a page may claim identity only with pages of its own site)', () => {
  it.each([
    ['two hosts of one registrable domain', 'https://blog.example.org/p', 'https://www.example.org/q', true],
    [
      'the same host, another path and port',
      'https://blog.example.org/p',
      'https://blog.example.org:8443/q',
      true,
    ],
    ['a country-code suffix', 'https://blog.example.co.uk/p', 'https://shop.example.co.uk/', true],
    ['another registrable domain', 'https://blog.example.org/p', 'https://example.net/p', false],
    ['a look-alike ending', 'https://example.org/p', 'https://evilexample.org/p', false],
    [
      'two user sites of github.io (a public suffix)',
      'https://alice.github.io/p',
      'https://bob.github.io/p',
      false,
    ],
    ['one github.io user site', 'https://alice.github.io/p', 'https://alice.github.io/q', true],
    ['two blogspot blogs', 'https://a.blogspot.com/p', 'https://b.blogspot.com/p', false],
    ['http and https of one host', 'http://blog.example.org/p', 'https://blog.example.org/p', false],
    ['one IP address, one port', 'http://127.0.0.1:8000/a', 'http://127.0.0.1:8000/b', true],
    ['one IP address, two ports', 'http://127.0.0.1:8000/a', 'http://127.0.0.1:9000/a', false],
    ['localhost and another port', 'http://localhost:3000/', 'http://localhost:4000/', false],
    ['a page and a non-http URL', 'https://blog.example.org/p', 'javascript:alert(1)', false],
    ['a page and nothing', 'https://blog.example.org/p', '', false],
  ])('%s', (_, a, b, expected) => {
    expect(sameSite(a, b)).toBe(expected);
    expect(sameSite(b, a)).toBe(expected);
  });

  it('names a site by scheme and registrable domain, or by origin where there is none', () => {
    expect(siteOf('https://Blog.Example.org:8443/x?y#z')).toBe('https://example.org');
    expect(siteOf('http://127.0.0.1:8000/x')).toBe('http://127.0.0.1:8000');
    expect(siteOf('ftp://example.org/')).toBeNull();
  });
});
