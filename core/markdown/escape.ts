/**
 * The Markdown escaping rules every path out of a page shares, in one place: the clip converter
 * (./from-html.ts), the sanitizer of stored Markdown and notes (./sanitize.ts) and the export
 * (./export.ts).
 *
 * - Raw HTML: in CommonMark a `<` followed by a letter, `/`, `!` or `?` may open a tag, a comment, a
 *   declaration or an autolink; such a `<` is backslash-escaped. `a < b` stays as it is.
 * - Links: page text keeps only absolute http(s) and mailto links; a reader's note keeps any link but
 *   `javascript:`, `vbscript:` and `data:` (relative links to their own notes included); a template's
 *   literal text keeps absolute http(s) links only.
 */

/**
 * Where Markdown comes from: a web page (hostile), the reader (trusted, but still made inert), or the
 * literal text of an export template (the reader's, but it may have come in a backup file: it writes
 * into every export, so it may link to the web only and embed nothing).
 */
export type MarkdownOrigin = 'page' | 'user' | 'template';

/** What may follow a `<` that opens HTML or an autolink. */
const TAG_START = /^[A-Za-z/!?]/;
const PAGE_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'mailto']);
const TEMPLATE_SCHEMES: ReadonlySet<string> = new Set(['http', 'https']);
const DANGEROUS_SCHEMES: ReadonlySet<string> = new Set(['javascript', 'vbscript', 'data']);

/** Whether a `<` followed by `next` (the rest of the text, or its next character) could open HTML. */
export function opensTag(next: string): boolean {
  return TAG_START.test(next);
}

/** Backslash-escapes each `<` that could open HTML and is not escaped already. */
export function escapeTagOpeners(text: string): string {
  return text.replace(/(\\*)<(?=[A-Za-z/!?])/g, (match, slashes: string) =>
    slashes.length % 2 === 1 ? match : `${slashes}\\<`,
  );
}

/**
 * Whether a link with this scheme (lower case, no colon; undefined for a relative link) may stay in
 * Markdown from `origin`.
 */
export function isAllowedScheme(scheme: string | undefined, origin: MarkdownOrigin): boolean {
  if (origin === 'page') return scheme !== undefined && PAGE_SCHEMES.has(scheme);
  if (origin === 'template') return scheme !== undefined && TEMPLATE_SCHEMES.has(scheme);
  return scheme === undefined || !DANGEROUS_SCHEMES.has(scheme);
}

/**
 * Backslash-escapes text so that Markdown shows it literally. On top of CommonMark's and Turndown's
 * set, `~` (GFM strikethrough) and `|` (GFM tables) are always escaped, `#` at the start of a word (a
 * heading, or an Obsidian tag), `<` when it could open raw HTML or an autolink, and `&` when it could
 * start an entity reference (`&name;`, `&#123;`): `a < b` and `Q&A` stay readable while
 * `<img onerror=...>` and `&lt;` stay text. Line-start rules apply at the start of `text` (Turndown
 * calls this per text node).
 */
export function escapeMarkdownText(text: string): string {
  return (
    escapeTagOpeners(text.replace(/[\\*_`~[\]|]/g, '\\$&').replace(/(^|\s)#(?=[^\s#])/g, '$1\\#'))
      // A `<` or `&` that ends a text node is escaped too: the next node's text could complete a tag.
      .replace(/<$/, '\\<')
      .replace(/&(?=$|#?[A-Za-z0-9]+;)/g, '\\&')
      // Block syntax at the start of a line: list items, rules, setext underlines, headings, quotes.
      .replace(/^([-+=>])/, '\\$1')
      .replace(/^(#{1,6})(?=[ \t]|$)/, '\\$1')
      .replace(/^(\d+)([.)])(?=[ \t]|$)/, '$1\\$2')
  );
}

/**
 * Plain text as Markdown that shows it literally: each line trimmed and escaped, blank-line runs kept
 * to one. At most about twice as long as the text (one backslash per character at worst).
 */
export function plainTextMarkdown(text: string): string {
  return text
    .split(/\r\n?|\n/)
    .map((line) => escapeMarkdownText(line.trim()))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * An http(s) URL fit for a Markdown link destination (characters that could end or confuse one are
 * percent-encoded, as ./from-html.ts does), or null.
 */
export function linkDestination(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return parsed.href.replace(
      /[\s<>()\\"'`[\]]/g,
      (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
    );
  } catch {
    return null;
  }
}

/**
 * One line of page-derived text (a title, a talk, speakers): whitespace collapsed and escaped so it
 * stays text: no heading, rule, list, link, embed, HTML, emphasis or math.
 */
export function inline(text: string): string {
  return escapeMarkdownText(text.replace(/\s+/g, ' ').trim()).replace(/\$/g, '\\$').replace(/%%/g, '\\%\\%');
}
