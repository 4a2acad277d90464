/**
 * Whether two lists of speakers name the same people, however each side writes a name: accents and
 * case ("José Núñez" / "Jose Nunez"), order ("Doe, Jane", "Saeki Mariko" / "Mariko Saeki"), initials
 * ("J. Doe"), a middle name, an honorific ("Dr."), umlauts spelt out ("Joerg"), a one-letter typo in a
 * longer word, spacing in CJK names ("佐伯 真理子" / "佐伯真理子"), or a first name alone ("Jane", which
 * agrees only weakly).
 */
import { stripHonorific } from '../talks/people';
import { boundedEditDistance } from './edit-distance';
import { foldText, isUnspaced } from './normalize';

/** A person's name as lower-case, accent-free words, in any order. */
export type NameWords = string[];

/** How one name relates to another. */
export type PersonMatch = 'same' | 'partial' | 'none';

/**
 * How the speakers of a write-up's talk and of a schedule talk agree: `agree` when one person is named
 * on both sides in full, `partial` when only a first or last name agrees, `disagree` when both sides
 * name speakers and none of them is the same, `unknown` when a side names nobody.
 */
export type SpeakerAgreement = 'agree' | 'partial' | 'disagree' | 'unknown';

/** The words of a display name: "Dr. José Núñez-Pérez" -> jose, nunez, perez; "Doe, Jane" -> doe, jane. */
export function nameWords(name: string): NameWords {
  return foldText(stripHonorific(name))
    .replace(/[.'’]/g, (c) => (c === '.' ? ' ' : ''))
    .split(/[\s,\-/]+/)
    .filter(Boolean);
}

function compatible(a: string, b: string): 'full' | 'initial' | null {
  if (a === b) return 'full';
  if (a.length === 1 || b.length === 1) return a[0] === b[0] ? 'initial' : null;
  if (a.length >= 5 && b.length >= 5 && !isUnspaced(a) && boundedEditDistance(a, b, 1) <= 1) return 'full';
  // German umlauts spelt out: "Joerg" for "Jörg" (folded to "jorg").
  const plain = (w: string) => w.replace(/([aou])e/g, '$1');
  return plain(a) === plain(b) ? 'full' : null;
}

/**
 * `same` when every word of the shorter name has its own counterpart in the longer one (an initial
 * counts for the word it starts) and it has two words or more; `partial` for a one-word name found in
 * the other; `none` otherwise. At least one counterpart must be a whole word: "J." alone is nobody.
 */
export function comparePeople(a: NameWords, b: NameWords): PersonMatch {
  if (!a.length || !b.length) return 'none';
  // "佐伯真理子" / "佐伯 真理子"; a one-word name agrees in full only outside the Latin script ("김지은").
  const compact = a.join('');
  if (compact === b.join(''))
    return a.length + b.length > 2 || !/\p{Script=Latin}/u.test(compact) ? 'same' : 'partial';
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const used = new Set<number>();
  let whole = 0;
  for (const word of short) {
    let found = -1;
    let kind: 'full' | 'initial' | null = null;
    for (let i = 0; i < long.length && kind !== 'full'; i++) {
      if (used.has(i)) continue;
      const k = compatible(word, long[i]!);
      if (k && (found < 0 || k === 'full')) {
        found = i;
        kind = k;
      }
    }
    if (found < 0) return 'none';
    used.add(found);
    if (kind === 'full') whole++;
  }
  if (!whole) return 'none';
  return short.length >= 2 ? 'same' : 'partial';
}

/** How two speaker lists agree (see `SpeakerAgreement`). */
export function compareSpeakers(a: readonly NameWords[], b: readonly NameWords[]): SpeakerAgreement {
  if (!a.length || !b.length) return 'unknown';
  let best: SpeakerAgreement = 'disagree';
  for (const x of a) {
    for (const y of b) {
      const m = comparePeople(x, y);
      if (m === 'same') return 'agree';
      if (m === 'partial') best = 'partial';
    }
  }
  return best;
}
