/**
 * The title rule of tests/fixtures/recaps/README.md ("When is a detected title right?"), ported from
 * `normalize_title` and `title_matches` in tests/fixtures/recaps/check.py, the reference implementation.
 * Where JavaScript and Python differ (what `\s`, `\b`, `str.split()` and `len` mean), the port follows Python:
 * tests/unit/eval/title-rule.test.ts compares the two on a table of cases when python3 is installed.
 */

/** Python's `\s` / `str.isspace()` set (JavaScript's `\s` lacks U+001C-U+001F and U+0085 and adds U+FEFF). */
const PY_SPACE = '\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const SPACE_RUN = new RegExp(`[${PY_SPACE}]+`, 'g');
const EDGE_SPACE = new RegExp(`^[${PY_SPACE}]+|[${PY_SPACE}]+$`, 'g');
const EDGE_PUNCT = /^[ .:;,]+|[ .:;,]+$/g;

/** Same characters as QUOTES and DASHES in check.py. */
const QUOTES = new Set('"\'`´‘’‚‛“”„‟«»‹›「」『』〝〞＂＇');
const DASHES = new Set('‐‑‒–—―−﹘﹣－');

/**
 * Python's `\b` after a word: the next character is not a word character (a letter, a number or `_`, as
 * Python's Unicode `\w` has it) or there is none. JavaScript's `\b` only knows ASCII word characters.
 */
const WORD_END = '(?![\\p{L}\\p{N}_])';
const SEPARATOR = new RegExp(
  `^[${PY_SPACE}]*(?:-|,|:|\\(|by${WORD_END}|von${WORD_END}|de${WORD_END}|par${WORD_END}|with${WORD_END})[${PY_SPACE}]*`,
  'iu',
);

/** NFKC, dashes to `-`, quotes to spaces, whitespace collapsed, lower case, `. : ; ,` and spaces trimmed. */
export function normalizeTitle(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFKC')) out += DASHES.has(ch) ? '-' : QUOTES.has(ch) ? ' ' : ch;
  return out.replace(SPACE_RUN, ' ').replace(EDGE_SPACE, '').toLowerCase().replace(EDGE_PUNCT, '');
}

/** Python's `str.split()`: runs of whitespace separate, no empty parts. */
function pySplit(s: string): string[] {
  return s.split(SPACE_RUN).filter((part) => part !== '');
}

/** Python's `len`: code points, not UTF-16 units. */
const codePoints = (s: string) => [...s].length;

/**
 * True when `candidate` is the talk `title`, optionally followed by a speaker suffix: a separator (a dash,
 * comma, colon, opening parenthesis, `by`, `von`, `de`, `par` or `with`) and then text containing one of
 * `speakers`' full names or one of its name parts longer than two characters. Prefixes are never tolerated.
 */
export function titleMatches(candidate: string, title: string, speakers: readonly string[]): boolean {
  const c = normalizeTitle(candidate);
  const t = normalizeTitle(title);
  if (c === t) return true;
  if (!c.startsWith(t)) return false;
  let rest = c.slice(t.length);
  if (!SEPARATOR.test(rest)) return false;
  rest = rest.replace(SEPARATOR, '');
  for (const speaker of speakers) {
    const names = [
      normalizeTitle(speaker),
      ...pySplit(speaker)
        .filter((part) => codePoints(part) > 2)
        .map(normalizeTitle),
    ];
    if (names.some((n) => n !== '' && rest.includes(n))) return true;
  }
  return false;
}
