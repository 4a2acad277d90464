// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalHttpUrl } from '@/core/schedule/canonical-url';

/** What `URL` gives for `text`, in the parts canonicalHttpUrl returns. */
function byUrl(text: string) {
  const url = new URL(text);
  return { href: url.href, hostname: url.hostname, pathname: url.pathname };
}

describe('canonicalHttpUrl', () => {
  it.each([
    'https://conf.example.org/2026/schedule/event/12/',
    'http://example.org',
    'https://video.example.org/2026/talk-1.mp4',
    'https://www.youtube.com/watch?v=abc_DEF-1&t=30',
    'https://example.org/a/b;c=d/e:f@g+h,i~j',
    'https://example.org/page#section-2',
    'https://example.org/search?q=a?b#x?y',
    'https://localhost/x',
    'https://1.2.3.example/x',
    'https://a-b.c-d.example/',
  ])('reads %s as URL does', (text) => {
    expect(canonicalHttpUrl(text)).toEqual(byUrl(text));
  });

  it.each([
    'HTTPS://example.org/',
    'https://Example.org/',
    'https://example.org:443/',
    'https://example.org:8080/',
    'https://user:pw@example.org/',
    'https://127.0.0.1/',
    'https://0x7f.1/',
    'https://example.1/',
    'https://xn--nxasmq6b.example/',
    'https://example.org/a/../b',
    'https://example.org/a/./b',
    'https://example.org/..',
    'https://example.org/%2e%2e/b',
    'https://example.org/%7Euser',
    'https://example.org?q=1',
    'https://example.org#top',
    'https://example.org/a b',
    'https://example.org/a\\b',
    'https://example.org/a"b',
    'https://example.org/a<b>',
    'https://example.org/a`b',
    "https://example.org/?q='x'",
    'https://example.org./',
    'https://exa_mple.org/',
    'https://bücher.example/',
    'https://example.org/ü',
    'ftp://example.org/',
    'https:example.org',
    'https:/example.org',
    'https:///example.org',
    '/relative',
  ])('leaves %s to URL', (text) => {
    expect(canonicalHttpUrl(text)).toBeNull();
  });

  it('agrees with URL on whatever it recognizes', () => {
    // Mostly URLs of the recognized shape, with each thing URL rewrites mixed in now and then.
    const label = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('example', 'org', 'a1', 'b-c', 'z') },
      { weight: 1, arbitrary: fc.constantFrom('1', '0x7f', 'xn--a', 'Ab', '', 'ü', '-', '_') },
    );
    const piece = fc.oneof(
      {
        weight: 12,
        arbitrary: fc.constantFrom(
          'a',
          'Z',
          '0',
          '-',
          '.',
          '_',
          '~',
          '/',
          ':',
          '@',
          '+',
          ',',
          ';',
          '=',
          '&',
          '?',
          '#',
          'talk',
          '.mp4',
        ),
      },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          '..',
          '%',
          '%2e',
          '%41',
          "'",
          '"',
          '!',
          '$',
          '(',
          ')',
          '*',
          ' ',
          '\\',
          '[',
          ']',
          'ü',
          '<',
        ),
      },
    );
    const text = fc
      .tuple(
        fc.constantFrom('https://', 'https://', 'http://', 'HTTP://', 'https:/', 'https:'),
        fc.array(label, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('', '/', '/', ':8080/', '?', '#'),
        fc.array(piece, { maxLength: 12 }),
      )
      .map(([scheme, host, glue, rest]) => scheme + host.join('.') + glue + rest.join(''));
    let recognized = 0;
    fc.assert(
      fc.property(text, (t) => {
        const parts = canonicalHttpUrl(t);
        if (!parts) return;
        recognized++;
        expect(parts).toEqual(byUrl(t));
      }),
      { numRuns: 20_000 },
    );
    // The property says something only if many inputs took the fast path.
    expect(recognized).toBeGreaterThan(1_000);
  });
});
