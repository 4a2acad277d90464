/**
 * Whether two lists of speakers name the same people, however each side writes a name: accents and
 * case ("José Núñez" / "Jose Nunez"), order ("Doe, Jane", "Saeki Mariko" / "Mariko Saeki"), initials
 * ("J. Doe"), a middle name, an honorific ("Dr."), umlauts spelt out ("Joerg"), a one-letter typo in a
 * longer word, spacing in CJK names ("佐伯 真理子" / "佐伯真理子"), a short form of the first name with the
 * same family name ("Dev Patel" / "Devendra Patel", "Emeka Obi" / "Chukwuemeka Obi", "Bob Smith" /
 * "Robert Smith"), or a first name alone ("Jane", which agrees only weakly).
 */
import { handleSpells } from '../talks/handles';
import { stripHonorific } from '../talks/people';
import { boundedEditDistance } from './edit-distance';
import { foldText, isUnspaced } from './normalize';
import { compareAcrossScripts } from './transliterate';

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
 * counts for the word it starts) and it has two words or more, or when one first name is a short form
 * of the other and the family names are the same (see `shortFormOf`); `partial` for a one-word name
 * found in the other, or a two-letter short form ("Jo Berg" / "Johanna Berg"); `none` otherwise. At
 * least one counterpart must be a whole word: "J." alone is nobody.
 */
export function comparePeople(a: NameWords, b: NameWords): PersonMatch {
  // "@orlakeating" (a write-up naming its speaker by a handle) is the person whose name it spells.
  if (isHandle(a) || isHandle(b)) {
    // A dot inside a handle ("@jo.dev") split it into words: one handle again.
    const [h, other] = isHandle(a) ? [a.join('.'), b] : [b.join('.'), a];
    if (isHandle(other)) return h === other.join('.') ? 'same' : 'none';
    if (handleSpells(h.startsWith('@') ? h : `@${h}`, other.join(' '))) return 'same';
    return handleNames(h, other) ? 'partial' : 'none';
  }
  const words = compareNameWords(a, b);
  if (words === 'same') return words;
  const short = shortFormOf(a, b);
  if (short !== 'none' || words !== 'none') return short === 'same' || words === 'none' ? short : words;
  // A first name alone, shortened: "Dev" for Devraj Iyer.
  const [one, full] = a.length === 1 ? [a, b] : [b, a];
  if (one.length === 1 && full.length >= 2 && shortForm(one[0]!, full[0]!) === 'strong') return 'partial';
  // "अनन्या राव" / "Ananya Rao": a name in another script than the schedule's (transliterate.ts).
  return compareAcrossScripts(a, b);
}

/**
 * A handle, not a name: "@tamsin", or one word with "_" or digits in it ("kasia_io", "dev42"), as a
 * platform's user name is written.
 */
export function isHandle(name: NameWords): boolean {
  return !!name[0]?.startsWith('@') || (name.length === 1 && /_|\p{L}\d|\d\p{L}/u.test(name[0]!));
}

/**
 * Whether a part of handle `h` (between "_", ".", "-" or digits, three letters or more) is one of the
 * words of `name` as written: "@tamsin" for Tamsin Achterberg, not "@tessaq" for Tessa Keating. One
 * name word is no more than a first name.
 */
function handleNames(h: string, name: NameWords): boolean {
  const parts = h
    .replace(/^@/, '')
    .split(/[_.\-\d]+/)
    .filter((p) => p.length >= 3);
  return parts.some((p) => name.includes(p));
}

function compareNameWords(a: NameWords, b: NameWords): PersonMatch {
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

/**
 * Short forms of first names that are neither the start nor the end of the full name, each with the
 * names it stands for (English, Polish and a few others'; "Dev"/"Devendra", "Emeka"/"Chukwuemeka" need no list).
 */
const HYPOCORISMS: ReadonlyMap<string, string[]> = new Map([
  ['bob', ['robert']],
  ['bobby', ['robert']],
  ['rob', ['robert']],
  ['bill', ['william']],
  ['billy', ['william']],
  ['will', ['william']],
  ['liz', ['elizabeth']],
  ['betty', ['elizabeth']],
  ['mike', ['michael']],
  ['dick', ['richard']],
  ['rick', ['richard']],
  ['jim', ['james']],
  ['jimmy', ['james']],
  ['jack', ['john']],
  ['johnny', ['john', 'jonathan']],
  ['joe', ['joseph']],
  ['kate', ['katherine', 'catherine', 'kathryn']],
  ['katie', ['katherine', 'catherine', 'kathryn']],
  ['cathy', ['catherine']],
  ['kathy', ['katherine', 'kathryn']],
  ['peggy', ['margaret']],
  ['meg', ['margaret']],
  ['maggie', ['margaret']],
  ['tony', ['anthony', 'antonio']],
  ['ted', ['edward', 'theodore']],
  ['ned', ['edward']],
  ['chuck', ['charles']],
  ['charlie', ['charles']],
  ['hank', ['henry']],
  ['harry', ['henry', 'harold']],
  ['tom', ['thomas']],
  ['tommy', ['thomas']],
  ['nick', ['nicholas', 'nikolaos', 'nicolas']],
  ['andy', ['andrew', 'andreas']],
  ['drew', ['andrew']],
  ['nate', ['nathan', 'nathaniel']],
  ['sue', ['susan', 'suzanne']],
  ['vicky', ['victoria']],
  ['abby', ['abigail']],
  ['gabe', ['gabriel']],
  ['jenny', ['jennifer']],
  ['becky', ['rebecca']],
  ['sandy', ['sandra', 'alexandra']],
  ['sasha', ['alexander', 'alexandra', 'aleksandr']],
  ['misha', ['mikhail']],
  ['dima', ['dmitri', 'dmitry']],
  ['pepe', ['jose']],
  ['paco', ['francisco']],
  ['nacho', ['ignacio']],
  // Polish: the everyday forms a write-up uses for the names a schedule lists.
  ['ola', ['aleksandra']],
  ['olek', ['aleksander']],
  ['bartek', ['bartlomiej']],
  ['kasia', ['katarzyna']],
  ['gosia', ['malgorzata']],
  ['tomek', ['tomasz']],
  ['wojtek', ['wojciech']],
  ['basia', ['barbara']],
  ['asia', ['joanna']],
  ['ania', ['anna']],
  ['jurek', ['jerzy']],
  ['stas', ['stanislaw']],
  ['krzysiek', ['krzysztof']],
  ['zosia', ['zofia']],
  ['kuba', ['jakub']],
  ['grzesiek', ['grzegorz']],
  ['maciek', ['maciej']],
]);

/**
 * How sure it is that first name `a` is a short form of `b` or the reverse: `strong` for a listed
 * short form, the start of the other of three letters or more ("Dev"/"Devendra", "Ken"/"Kenneth") or
 * its end of four or more ("Emeka"/"Chukwuemeka"); `weak` for a start of two letters ("Jo"/"Johanna").
 */
function shortForm(a: string, b: string): 'strong' | 'weak' | null {
  if (a === b) return null;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const form =
    HYPOCORISMS.get(short)?.includes(long) ||
    (short.length >= 3 && long.startsWith(short)) ||
    (short.length >= 4 && long.endsWith(short))
      ? 'strong'
      : short.length === 2 && long.startsWith(short)
        ? 'weak'
        : null;
  // Letters only: "j" is an initial (see `compatible`), "佐伯" no first name to shorten.
  return form && /^\p{Ll}+$/u.test(a) && /^\p{Ll}+$/u.test(b) ? form : null;
}

/**
 * Whether two names are one person's, one of them under a short first name: the first words are a
 * short form of one another (see `shortForm`) and the last words, the family name, are the same.
 * Only in that order: a family name is not shortened ("Anna Lee" is not "Anna Leeds").
 */
function shortFormOf(a: NameWords, b: NameWords): PersonMatch {
  if (a.length < 2 || b.length < 2) return 'none';
  const form = shortForm(a[0]!, b[0]!);
  if (!form || compatible(a.at(-1)!, b.at(-1)!) !== 'full') return 'none';
  return form === 'strong' ? 'same' : 'partial';
}

/**
 * How two speaker lists agree (see `SpeakerAgreement`). A handle that spells nobody on the other side
 * says nothing against them ("@kasia_io" may well be Katarzyna Wiśniewska): when every person one side
 * names is such a handle, the lists neither agree nor disagree.
 */
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
  if (best === 'disagree' && (a.every(isHandle) || b.every(isHandle))) return 'unknown';
  // "陈思远" for Siyuan Chen: a name in a script read only with a dictionary, against one in another
  // script, is no evidence either way (as a handle that spells nobody), not another person.
  if (best === 'disagree' && a.every((x) => b.every((y) => unreadAcross(x, y)))) return 'unknown';
  return best;
}

/**
 * Scripts whose names need a reading dictionary to be spelt in Latin letters (a character stands for
 * a syllable or a word, or a vowel is written around its consonant): Han, kana, Thai and its neighbours.
 */
const UNREAD_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** Whether one of two names is in a script not read here and the other is not (see `UNREAD_SCRIPT`). */
function unreadAcross(a: NameWords, b: NameWords): boolean {
  const unread = (name: NameWords) => name.some((w) => UNREAD_SCRIPT.test(w));
  return unread(a) !== unread(b);
}
