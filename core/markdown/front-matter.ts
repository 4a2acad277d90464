/**
 * YAML front matter for Markdown exports. Every string is written as a YAML double-quoted scalar, so any
 * text (a title with `: `, `#`, `---`, quotes, newlines or control characters) stays one valid value in
 * YAML 1.1 and 1.2 parsers alike (Obsidian, Logseq, static site generators).
 */

export type FrontMatterValue = string | number | readonly string[];

/** Characters a YAML stream may not contain raw, or that YAML 1.1 reads as line breaks (NEL, LS, PS). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const NEEDS_ESCAPE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\uFEFF\uFFFE\uFFFF"\\]|[\uD800-\uDFFF]/g;
const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\t': '\\t',
  '\r': '\\r',
};

/** `text` as a YAML double-quoted scalar. Lone surrogates (not representable) become U+FFFD. */
export function yamlQuote(text: string): string {
  const body = text.replace(NEEDS_ESCAPE, (c, offset: number) => {
    const short = SHORT_ESCAPES[c];
    if (short) return short;
    const code = c.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdfff) {
      // A well-formed pair is fine as it is; only a lone half is replaced.
      const next = text.charCodeAt(offset + 1);
      const prev = text.charCodeAt(offset - 1);
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) return c;
      if (code >= 0xdc00 && prev >= 0xd800 && prev <= 0xdbff) return c;
      return '\uFFFD';
    }
    return `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
  return `"${body}"`;
}

/** Words a YAML 1.1 or 1.2 reader takes for a boolean or null, not a string: no key may be one. */
const YAML_KEYWORDS = new Set(['y', 'n', 'yes', 'no', 'true', 'false', 'on', 'off', 'null']);

/**
 * A front matter block (`---` … `---`) from ordered entries. Keys must be plain identifiers (and no YAML keyword); strings are
 * quoted, numbers written as they are, lists as block sequences of quoted strings (`[]` when empty).
 */
export function frontMatter(entries: readonly (readonly [string, FrontMatterValue])[]): string {
  const lines = ['---'];
  for (const [key, value] of entries) {
    if (!/^[A-Za-z][\w-]*$/.test(key) || YAML_KEYWORDS.has(key.toLowerCase()))
      throw new Error(`front matter key ${JSON.stringify(key)} is not plain`);
    if (typeof value === 'number') {
      lines.push(`${key}: ${Number.isFinite(value) ? value : 0}`);
    } else if (typeof value === 'string') {
      lines.push(`${key}: ${yamlQuote(value)}`);
    } else if (value.length === 0) {
      lines.push(`${key}: []`);
    } else {
      lines.push(`${key}:`, ...value.map((item) => `  - ${yamlQuote(item)}`));
    }
  }
  lines.push('---');
  return lines.join('\n');
}
