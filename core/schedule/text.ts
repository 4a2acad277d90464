/**
 * Text from schedule files, made safe to keep: control and direction-override characters out,
 * white space folded, markup turned into plain text without a DOM (this runs in workers and Node
 * too). Nothing here interprets what it keeps: `<img onerror=…>` in a title stays those characters.
 */
import { decodeHTML } from 'entities/decode';
import { cleanText, truncate } from '@/core/text';

/**
 * C0 and C1 controls (tab, line feed and carriage return are white space and stay), bidirectional
 * embeddings, overrides and isolates (they can make a title read backwards), the byte-order mark
 * and the interlinear annotation marks.
 */
const CONTROL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb]/g;
/** A surrogate without its other half (JSON can carry one); shown as U+FFFD. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const SURROGATE = /[\ud800-\udfff]/;
/** Tags that start a new line (list items, table rows, line breaks). */
const LINE_TAG = /<(?:br|li|tr|dt|dd)\b[^<>]*>/gi;
/** Tags that start or end a paragraph. */
const PARAGRAPH_TAG =
  /<\/?(?:p|div|h[1-6]|blockquote|pre|ul|ol|table|section|article|header|footer|dl|hr)\b[^<>]*>/gi;
/** Any other tag: `<` must be followed by a letter, so "a < b" and "<3" stay text. */
const TAG = /<\/?[a-z][a-z0-9:-]*(?:\s[^<>]*)?\/?>/gi;
/** Elements whose content is not text at all. */
const HIDDEN_ELEMENTS = ['script', 'style', 'template'];

/** A string or a number from a parsed file as text; anything else (objects, null) as ''. */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** `value` without control characters and lone surrogates (see CONTROL). */
export function stripControlCharacters(value: string): string {
  const clean = value.replace(CONTROL, '');
  return SURROGATE.test(clean) ? clean.replace(LONE_SURROGATE, '\ufffd') : clean;
}

/** One line of text (a title, a name, a room): controls out, white space folded to single spaces. */
export function cleanLine(value: unknown): string {
  return cleanText(stripControlCharacters(textOf(value)));
}

/** `cleanLine(value)` cut to `max` characters (ending in `…` when cut), or null when empty. */
export function boundedLine(value: unknown, max: number): string | null {
  const line = cleanLine(value);
  return line ? truncate(line, max) : null;
}

/** Removes every `<name …>…</name>` of the hidden elements, in one pass (no regex backtracking). */
function removeHiddenElements(markup: string): string {
  let lower = markup.toLowerCase();
  for (const name of HIDDEN_ELEMENTS) {
    if (!lower.includes(`<${name}`)) continue;
    let out = '';
    let from = 0;
    for (;;) {
      const open = lower.indexOf(`<${name}`, from);
      if (open < 0) break;
      out += markup.slice(from, open);
      const close = lower.indexOf(`</${name}`, open);
      if (close < 0) {
        from = markup.length;
        break;
      }
      const end = lower.indexOf('>', close);
      from = end < 0 ? markup.length : end + 1;
    }
    markup = out + markup.slice(from);
    lower = markup.toLowerCase();
  }
  return markup;
}

/** Removes HTML comments in one pass; an unclosed one runs to the end. */
function removeComments(markup: string): string {
  if (!markup.includes('<!--')) return markup;
  let out = '';
  let from = 0;
  for (;;) {
    const open = markup.indexOf('<!--', from);
    if (open < 0) break;
    out += markup.slice(from, open);
    const close = markup.indexOf('-->', open + 4);
    from = close < 0 ? markup.length : close + 3;
  }
  return out + markup.slice(from);
}

/**
 * Markup (HTML, or text that may hold some) as plain text: hidden elements and comments dropped,
 * paragraphs apart by a blank line, list items and `<br>` on lines of their own, other tags removed, entities decoded (after the tags are gone, so an
 * escaped `&lt;b&gt;` stays the visible text `<b>`), controls out, spaces folded within lines and
 * at most one blank line between paragraphs.
 */
export function plainText(markup: unknown): string {
  let text = textOf(markup);
  if (text.includes('<')) {
    text = removeComments(removeHiddenElements(text))
      .replace(PARAGRAPH_TAG, '\n\n')
      .replace(LINE_TAG, '\n')
      .replace(TAG, '');
  }
  if (text.includes('&')) text = decodeHTML(text);
  return stripControlCharacters(text)
    .replace(/\r\n?/g, '\n')
    .replace(/(?:[^\S\n]|\u200b)+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
