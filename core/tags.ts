/**
 * Tag normalization: what the user types becomes a clean, comparable tag.
 * Trimmed, inner whitespace collapsed, `/` kept for hierarchies (with empty levels removed),
 * and case-insensitive duplicates merged (the first spelling wins).
 */
import { LIMITS } from './limits';

/** One normalization step; repeated until nothing changes, so the result is a fixed point. */
function normalizeOnce(input: string): string {
  const levels = input
    .split('/')
    .map((level) => level.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
  return levels
    .join('/')
    .replace(/^#+/, '') // "#kernel" typed as a hashtag
    .slice(0, LIMITS.tag);
}

/** Normalizes one tag; null when nothing is left. */
export function normalizeTag(input: string): string | null {
  let tag = input;
  // Each step only shortens or folds whitespace, so a few rounds always settle ("/#a" -> "#a" -> "a").
  for (let round = 0; round < 8; round++) {
    const next = normalizeOnce(tag);
    if (next === tag) break;
    tag = next;
  }
  return tag || null;
}

/** Normalizes a list of tags, merging case-insensitive duplicates and keeping the first spelling. */
export function normalizeTags(inputs: Iterable<string>): string[] {
  const seen = new Map<string, string>();
  for (const input of inputs) {
    const tag = normalizeTag(input);
    if (tag && !seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
  }
  return [...seen.values()];
}

/** Splits typed text on commas into normalized tags ("a, b/c" -> ["a", "b/c"]). */
export function parseTagInput(text: string): string[] {
  return normalizeTags(text.split(','));
}
