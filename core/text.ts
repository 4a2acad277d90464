/** Small text helpers shared by the page readers (metadata, talk detection). */

/** Collapses runs of whitespace (including non-breaking and zero-width spaces) into one space, and trims. */
export function cleanText(value: string | null | undefined): string {
  return (value ?? '').replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

/** `value` cut to at most `max` characters; a cut value ends in `…` (counted in `max`). */
export function truncate(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1).trimEnd()}…`;
}
