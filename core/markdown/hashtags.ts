/**
 * Tags as hashtags that notes apps read as the tags the reader meant (issue #19).
 *
 * Obsidian's rules (help.obsidian.md, "Tags"): a tag holds letters, digits, `_`, `-` and `/` (nesting),
 * no spaces, and at least one character that is not a digit (`#1984` is no tag). Logseq reads the same
 * `#word` as a page reference. So each level is written with those characters only, and characters
 * that carry meaning are spelt out instead of dropped: `C++` -> `C-plus-plus`, `c#` -> `c-sharp`,
 * `R&D` -> `R-and-D`, `it's` -> `its`; a tag of digits only gets a `y` (`2024` -> `y2024`).
 *
 * Distinct tags stay distinct: the library's tags differ by more than case (core/tags.ts), and when two
 * of them still come out the same in one export (`open source` and `open-source`), the later one, in
 * sorted order, gets `-2`, `-3`, ... ({@link hashtagNames}).
 */

/** Characters spelt out as words, so `c`, `c++` and `c#` stay three tags. */
const SPELT: Readonly<Record<string, string>> = {
  '+': 'plus',
  '#': 'sharp',
  '&': 'and',
  '@': 'at',
  '%': 'percent',
};
const APOSTROPHES = /['’ʼ]/g;

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

function level(text: string): string {
  return (
    text
      .normalize('NFC')
      .replace(APOSTROPHES, '')
      .replace(/[+#&@%]/g, (c) => `-${SPELT[c]}-`)
      .replace(/[^\p{L}\p{N}\p{M}_-]+/gu, '-')
      // An `_` is kept inside a word (`snake_case`) and at the start before one (`_private`): there a
      // Markdown renderer never reads it as emphasis. Elsewhere (`tag_`, `_-a`) it could close or open
      // emphasis with another tag's `_` on the same line, so it becomes `-`.
      .replace(/_+/g, (run: string, at: number, all: string) =>
        WORD_CHAR.test(all[at + run.length] ?? '') && (at === 0 || WORD_CHAR.test(all[at - 1] ?? ''))
          ? run
          : '-',
      )
      .replace(/-{2,}/g, '-')
      .replace(/^-+|-+$/g, '')
  );
}

/**
 * One tag as a hashtag body (no `#`): valid in Obsidian and Logseq, levels kept (`a/b`). Null when nothing
 * is left (`???`). Not yet told apart from other tags: {@link hashtagNames} does that for an export.
 */
export function hashtagFor(tag: string): string | null {
  const levels = tag.replace(/^#+/, '').split('/').map(level).filter(Boolean);
  if (!levels.length) return null;
  const name = levels.join('/');
  return /^[\d/]+$/.test(name) ? `y${name}` : name;
}

/**
 * The hashtag of each tag in `tags` (keyed by the tag in lower case, as the library tells tags apart),
 * no two alike in Obsidian (which ignores case): the first in sorted order keeps its name, the next gets
 * `-2`, and so on. The same set of tags always gives the same names.
 */
export function hashtagNames(tags: Iterable<string>): Map<string, string> {
  const spelling = new Map<string, string>();
  for (const tag of tags) if (!spelling.has(tag.toLowerCase())) spelling.set(tag.toLowerCase(), tag);
  const keys = [...spelling.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const key of keys) {
    const base = hashtagFor(spelling.get(key)!);
    if (!base) continue;
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}`;
    taken.add(name.toLowerCase());
    names.set(key, name);
  }
  return names;
}
