/**
 * "Speakers right": the detected speakers of a talk are the expected people, compared as people, not as
 * strings. Both sides are normalised with `normalizePerson` and compared as sets.
 */

/** Honorifics a recap puts around a name that do not change who is meant. */
const TITLE_PREFIX = /^(?:dr|prof|professor|mr|mrs|ms|mx)\.?\s+/u;
const JA_SUFFIX = /(?:さん|様|氏|先生)$/u;

/**
 * NFKC; diacritics dropped (NFD, then combining marks removed: "Wrzesień" = "Wrzesien"); lower case; a
 * leading "Dr", "Prof", "Professor", "Mr", "Mrs", "Ms" or "Mx" (with or without a dot) and a trailing Japanese
 * honorific (さん, 様, 氏, 先生) dropped; then everything that is not a letter or a digit removed, spaces and
 * hyphens included ("El-Idrissi" = "El Idrissi", "佐伯 真理子" = "佐伯真理子", "@mirelak" = "mirelak").
 * Anything else stays: a company, a role or a second person makes the name different.
 */
export function normalizePerson(name: string): string {
  const folded = name
    .normalize('NFKC')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
  return folded
    .replace(TITLE_PREFIX, '')
    .replace(JA_SUFFIX, '')
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .normalize('NFC');
}

/** True when `detected` and `expected` name the same set of people (duplicates and order do not matter). */
export function samePeople(detected: readonly string[], expected: readonly string[]): boolean {
  const a = new Set(detected.map(normalizePerson));
  const b = new Set(expected.map(normalizePerson));
  a.delete('');
  b.delete('');
  if (a.size !== b.size) return false;
  for (const name of a) if (!b.has(name)) return false;
  return true;
}
