/**
 * A talk with no element of its own: a paragraph or list item that opens with the talk's title and
 * names its speaker in the sentence the title opens, the notes following in the same block.
 * "»T« je naslov, s katerim je Matej Kranjc …", "»T« (Luka Šuštar) je bilo …", "T — Eva Hribar je
 * razložila …", "T, je predstavila Nika Kovačič (Company) …", "“T” is where Jane Doe …". The title is
 * set apart by its quotation marks, by a dash before the person, or by a comma right before a short
 * clause that names the person ("T, presented by Jane Doe"); a title without one of these has no
 * border a reader without the language's words could see.
 */
import { parsePeople } from './people';
import { isTitleShaped, leadingPeople } from './prose';

export interface OpenedTalk {
  title: string;
  speakers: string[];
}

/** A title in quotation marks where the block opens: »T«, «T», “T”, „T“, "T", ‘T’, 「T」. */
const QUOTED_OPENING =
  /^\s*(?:»([^«»]{3,160})«|«([^«»]{3,160})»|“([^”]{3,160})”|„([^“”]{3,160})[“”]|"([^"]{3,160})"|‘([^’]{3,160})’|「([^」]{2,160})」)/u;
/** "T — Jane Doe …": a title, a spaced dash, the person. */
const DASH_OPENING = /^\s*([^—–]{3,160}?)\s+[—–]\s+(?=\p{Lu})/u;
/** "T, presented by Jane Doe …": a title, a comma, a few lower-case words, the person. */
const COMMA_OPENING = /^\s*(.{3,160}?),\s+((?:\p{Ll}+\s+){1,3})(?=\p{Lu})/u;
/** Words of the person's name read after the title, at most. */
const MAX_NAME_WORDS = 4;
/**
 * Words of a title set apart by a dash, at most, and by a comma only (a comma also ends a sentence's
 * opening clause, "In the morning, we met Jane Doe"): a longer run is a sentence.
 */
const MAX_DASH_TITLE_WORDS = 12;
const MAX_COMMA_TITLE_WORDS = 8;

/** Notes after the person, at least, and after the opening sentence of a list item. */
const MIN_NOTES = 20;

/**
 * The talk a block's text opens with, or null. `holdsNotes`: the block is the whole talk (a list item),
 * so its notes must follow in it: "“T” — Jane Doe" alone is a list of talks (the most watched, a
 * speaker's past talks), and a one-sentence item a list of points.
 */
export function talkOpenedBy(text: string, holdsNotes = false): OpenedTalk | null {
  const flat = text.replace(/\s+/g, ' ').trim();
  const sentence = firstSentence(flat);
  if (holdsNotes && flat.length - sentence.length < MIN_NOTES) return null;
  const talk = openingOf(sentence);
  // The sentence goes on after the person ("T — Jane Doe" alone is a programme's line, not notes).
  if (!talk) return null;
  const named = flat.indexOf(talk.speakers.at(-1) ?? '');
  return flat.length - named - (talk.speakers.at(-1)?.length ?? 0) >= MIN_NOTES ? talk : null;
}

function openingOf(sentence: string): OpenedTalk | null {
  const quoted = QUOTED_OPENING.exec(sentence);
  if (quoted) {
    const title = (quoted.slice(1).find(Boolean) ?? '').trim();
    const rest = sentence.slice(quoted[0].length);
    // "»T« (Luka Šuštar) je bilo …", or the person later in the sentence.
    const parens = /^\s*[(（]([^()（）]{3,80})[)）]/u.exec(rest);
    const speakers = (parens?.[1] ? parsePeople(parens[1]) : null) ?? personIn(rest);
    return speakers && isTitleShaped(title) ? { title, speakers } : null;
  }
  for (const [opening, maxWords] of BARE_OPENINGS) {
    const m = opening.exec(sentence);
    const title = m?.[1]?.trim() ?? '';
    if (!m || !isTitleShaped(title) || title.split(/\s+/).length > maxWords) continue;
    const speakers = personAt(sentence.slice(m[0].length));
    if (speakers && !titleFollows(sentence, speakers)) return { title, speakers };
  }
  return null;
}

const BARE_OPENINGS: [RegExp, number][] = [
  [DASH_OPENING, MAX_DASH_TITLE_WORDS],
  [COMMA_OPENING, MAX_COMMA_TITLE_WORDS],
];

/**
 * "Saal 2 jetzt — Jonas Reiter, Datenbanken ohne Drama", "Room 2 now — Jane Doe, T": a kicker (a room,
 * a time) before the dash and the title after the person, set apart by a comma and ending the sentence;
 * the opening is the kicker, not a title.
 */
function titleFollows(sentence: string, speakers: string[]): boolean {
  const last = speakers.at(-1) ?? '';
  const after = sentence.slice(sentence.indexOf(last) + last.length);
  const title = /^\s*,\s*(.+)$/u.exec(after)?.[1]?.trim() ?? '';
  return title !== '' && title.split(/\s+/).length <= MAX_DASH_TITLE_WORDS && isTitleShaped(title);
}

/** The block's first sentence: up to a full stop, a question or an exclamation mark and a space. */
function firstSentence(text: string): string {
  const end = /[.!?…](?=\s|$)/u.exec(text);
  return end ? text.slice(0, end.index) : text;
}

/** The people named by the capitalised words `text` opens with ("Eva Hribar je …" -> Eva Hribar). */
function personAt(text: string): string[] | null {
  return leadingPeople(text.split(/\s+/).slice(0, MAX_NAME_WORDS), () => true);
}

/** The first person named anywhere in `text` (two capitalised words at least, not at its start). */
function personIn(text: string): string[] | null {
  const words = text.split(/\s+/);
  for (let i = 1; i < words.length - 1; i++) {
    if (!/^\p{Lu}/u.test(words[i] ?? '')) continue;
    const people = personAt(words.slice(i).join(' '));
    if (people) return people;
  }
  return null;
}

/**
 * True when a block's first sentence names two people or more, none of them `speakers`: in a write-up
 * whose talks open paragraphs, such a block introduces another talk ("T je bilo zadnje predavanje
 * sekcije, imela sta ga Gregor Potočnik in Urša Bizjak"), though its title has no mark to be read by,
 * and the talk above ends before it.
 */
export function introducesOthers(text: string, speakers: readonly string[]): boolean {
  const words = firstSentence(text.replace(/\s+/g, ' ').trim()).split(' ');
  const people: string[] = [];
  for (let i = 1; i < words.length - 1; i++) {
    if (!/^\p{Lu}/u.test(words[i] ?? '')) continue;
    const found = personAt(words.slice(i).join(' '));
    if (!found) continue;
    people.push(...found);
    i += found.join(' ').split(' ').length - 1;
  }
  const known = (person: string) => speakers.some((s) => s.split(' ').some((w) => person.includes(w)));
  return people.length >= 2 && !people.some(known);
}
