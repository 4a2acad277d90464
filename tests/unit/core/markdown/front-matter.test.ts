// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { type FrontMatterValue, frontMatter, yamlQuote } from '@/core/markdown/front-matter';

/** Both YAML versions a notes app may read front matter with. */
const VERSIONS = ['1.1', '1.2'] as const;

/** A real YAML parser's reading of a front matter block (`---` … `---`), in strict mode. */
function readFrontMatter(block: string, version: (typeof VERSIONS)[number]): unknown {
  expect(block.startsWith('---\n') && block.endsWith('\n---')).toBe(true);
  return YAML.parse(block.slice(4, -4), { version, strict: true, uniqueKeys: true }) ?? {};
}

/** Lone surrogate halves cannot be written in YAML (nor UTF-8): yamlQuote writes U+FFFD for them. */
const wellFormed = (text: string) =>
  text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

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

  it('reads back as the same text in YAML 1.1 and 1.2, with only YAML-safe characters, on one line', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const quoted = yamlQuote(text);
        expect(quoted).toMatch(YAML_SAFE);
        for (const version of VERSIONS) {
          expect(readFrontMatter(`---\nvalue: ${quoted}\n---`, version)).toEqual({ value: wellFormed(text) });
        }
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

  it('round-trips through a YAML parser: any strings, numbers and lists come back as written', () => {
    // Keys are the export's own words: letters, `_` and `-` (a key like `E5` would read as a number).
    const key = fc
      .stringMatching(/^[A-Za-z][A-Za-z_-]{0,11}$/)
      .filter(
        (k) => !['y', 'n', 'yes', 'no', 'true', 'false', 'on', 'off', 'null'].includes(k.toLowerCase()),
      );
    const value: fc.Arbitrary<FrontMatterValue> = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.constantFrom(
        '---',
        '...',
        'null',
        'yes',
        'no',
        '~',
        '0x1F',
        '1e3',
        ': x',
        '# c',
        '- a',
        '[a]',
        '{b}',
        '&a *a',
        '!tag',
      ),
      fc.integer(),
      fc.array(fc.string({ unit: 'binary' }), { maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(key, value), { selector: ([k]) => k, maxLength: 6 }), (entries) => {
        const expected = Object.fromEntries(
          entries.map(([k, v]) => [
            k,
            typeof v === 'number' ? v : typeof v === 'string' ? wellFormed(v) : v.map(wellFormed),
          ]),
        );
        for (const version of VERSIONS)
          expect(readFrontMatter(frontMatter(entries), version)).toEqual(expected);
      }),
    );
  });

  it.each(['a: b', 'y', 'No', 'on', 'TRUE', 'null'])(
    'refuses the key %j, which would need quoting',
    (key) => {
      expect(() => frontMatter([[key, 'x']])).toThrow(/not plain/);
    },
  );
});
