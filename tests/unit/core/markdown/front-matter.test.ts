import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frontMatter, yamlQuote } from '@/core/markdown/front-matter';

/** Reads back a YAML double-quoted scalar using only the escapes yamlQuote writes. */
function readYamlQuoted(quoted: string): string {
  expect(quoted.startsWith('"') && quoted.endsWith('"')).toBe(true);
  const body = quoted.slice(1, -1);
  expect(body).not.toMatch(/(^|[^\\])(\\\\)*"/); // no unescaped quote inside
  return body.replace(/\\(u[0-9A-F]{4}|.)/g, (_, e: string) =>
    e.length === 5
      ? String.fromCharCode(Number.parseInt(e.slice(1), 16))
      : ({ n: '\n', t: '\t', r: '\r' }[e] ?? e),
  );
}

/** YAML 1.2's printable set, minus what YAML 1.1 reads as line breaks (NEL, LS, PS). */
const YAML_SAFE =
  /^[\t\u0020-\u007E\u00A0-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

describe('yamlQuote', () => {
  it.each([
    ['plain', '"plain"'],
    ['title: with # and ---', '"title: with # and ---"'],
    ['say "hi" \\ bye', '"say \\"hi\\" \\\\ bye"'],
    ['two\nlines\ttab', '"two\\nlines\\ttab"'],
    [
      'nul\u0000 del\u007F nel\u0085 ls\u2028 bom\uFEFF',
      '"nul\\u0000 del\\u007F nel\\u0085 ls\\u2028 bom\\uFEFF"',
    ],
    ['emoji 😀 stays', '"emoji 😀 stays"'],
    ['lone \uD800 half', '"lone \uFFFD half"'],
  ])('%j -> %s', (input, expected) => {
    expect(yamlQuote(input)).toBe(expected);
  });

  it('reads back as the same text, with only YAML-safe characters, on one line', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const quoted = yamlQuote(text);
        expect(quoted).toMatch(YAML_SAFE);
        const wellFormed = text.replace(
          /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
          '\uFFFD',
        );
        expect(readYamlQuoted(quoted)).toBe(wellFormed);
      }),
    );
  });
});

describe('frontMatter', () => {
  it('writes strings quoted, numbers bare, lists as block sequences', () => {
    expect(
      frontMatter([
        ['title', '---\n# x'],
        ['count', 3],
        ['tags', ['a', 'b/c']],
        ['sources', []],
      ]),
    ).toBe('---\ntitle: "---\\n# x"\ncount: 3\ntags:\n  - "a"\n  - "b/c"\nsources: []\n---');
  });

  it('refuses keys that would need quoting', () => {
    expect(() => frontMatter([['a: b', 'x']])).toThrow(/not plain/);
  });
});
