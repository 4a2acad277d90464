/**
 * Titles and speakers in scripts without letter case (Devanagari, Telugu, Tamil, Thai, Arabic, Hebrew …)
 * and in Han and Hangul, where capitals cannot say that a line is a title or that words name a person.
 * What can: a line of a few words with no sentence's end is shaped like a title in any script; and of
 * the two sides of a separator beside a title ("T — రవి కుమార్", "Name: T"), the side that reads as a
 * name in such a script (`parseCaselessPeople`, `isCjkName`) and that the talk's notes name again is the
 * speakers, counted by recurrence rather than by capitals. No language's words are read.
 */
import { isCjkName, nameWordRecurs, parseCaselessPeople } from './people';

/** A sentence's end inside or at the end of a line, in the scripts read here ("।" Devanagari's danda). */
const SENTENCE_END = /[.,;:!?…。、।॥؟]$|[.!?।؟]\s+\S/u;
/** A letter of a script without letter case, other than Han, kana and Hangul (which `isTitleShaped` reads). */
const CASELESS_FIRST = /^[\p{Lo}\p{M}]/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** Where a line sets its title and its people apart: a spaced dash, a bar, a colon. */
const SEPARATOR = /\s+[—–-]\s+|\s*[|｜]\s*|[:：]\s*/u;

/** A title in a script without letter case: two to sixteen words, no sentence's end. */
export function isCaselessTitle(title: string): boolean {
  const text = title.trim();
  if (!CASELESS_FIRST.test(text) || CJK.test(text[0]!) || SENTENCE_END.test(text)) return false;
  const words = text.split(/\s+/).length;
  return words >= 2 && words <= 16;
}

/**
 * The title and speakers of a line that names people on one side of a separator in a script without
 * letter case (or a CJK name), when `notes` name one of them again; null otherwise. The tail is read
 * first ("T — Name"), then the head ("Name: T").
 */
export function caselessSpeakersBeside(
  line: string,
  notes: string,
): { title: string; speakers: string[] } | null {
  const m = SEPARATOR.exec(line);
  if (!m) return null;
  const head = line.slice(0, m.index).trim();
  const tail = line.slice(m.index + m[0].length).trim();
  for (const [people, title] of [
    [tail, head],
    [head, tail],
  ] as const) {
    if (!/\p{L}/u.test(title)) continue;
    const named = namesIn(people);
    if (named?.some((p) => namedAgain(p, notes))) return { title, speakers: named };
  }
  return null;
}

function namesIn(text: string): string[] | null {
  const bare = text
    .replace(/[)）]$/u, '')
    .replace(/^[(（]/u, '')
    .trim();
  if (!bare) return null;
  if (isCjkName(bare)) return [bare];
  return parseCaselessPeople(bare);
}

/** A word of the name again in the notes (a clitic or case ending allowed), or a CJK name or its given name. */
function namedAgain(name: string, notes: string): boolean {
  if (CJK.test(name)) {
    const bare = name.replace(/\s+/g, '');
    return notes.includes(bare) || (bare.length >= 3 && notes.includes(bare.slice(1)));
  }
  return nameWordRecurs(name, notes, 'clitic');
}
