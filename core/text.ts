/** Small text helpers shared by the page readers (metadata, talk detection). */

/** Collapses runs of whitespace (including non-breaking and zero-width spaces) into one space, and trims. */
export function cleanText(value: string | null | undefined): string {
  return (value ?? '').replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

/** `value` cut to at most `max` characters; a cut value ends in `…` (counted in `max`). */
export function truncate(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1).trimEnd()}…`;
}

/**
 * A passage's text as the reader saw it, where the page's source was indented: the spaces and tabs a
 * source puts around its line breaks (`</li>\n  <li>`) are not rendered, so they are dropped, and any
 * other run of them reads as one space. Line breaks stay (a clip across list items keeps one item a
 * line). Only for text in normal white-space flow: a caller keeps preformatted text as it is.
 */
export function withoutSourceIndent(text: string): string {
  return text
    .replace(/[ \t\f\r]*\n[ \t\f\r]*/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/[ \t\f\r]{2,}/g, ' ');
}
