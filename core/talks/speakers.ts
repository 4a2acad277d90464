/**
 * Who gave a talk, from its title ("Title - by Siemens", "Title (Jane Doe)", "Jane Doe: Title") and from
 * the opening of its write-up ("In his talk Michael Bright gave...", "a talk by Shane Coughlan").
 * Precision over recall: every pattern needs a speaking context, only full names of people count, and an
 * empty list is a fine answer.
 */
import { cleanText as clean } from '../text';
import { bylineHandles, isHandle, linkHandles } from './handles';
import { isPersonName } from './people';
import {
  AGENT_WORD,
  CJK_SPEAKER,
  PRESENTER_PHRASE,
  SPEAKING_VERB,
  speakerLine,
  TALK_WORD,
} from './speaker-phrases';

/** How much of a section's text is read: speakers are introduced in its first sentences. */
const LEAD_CHARS = 600;

// A capitalized word: "Jörg", "McHardy", "O'Brien", "Jean-Luc", "SuSE", or an initial "J.".
const WORD = String.raw`(?:\p{Lu}\.|\p{Lu}[\p{L}\p{M}'’-]*)`;
const PARTICLE = `(?:de|del|della|der|den|da|das|di|do|dos|du|la|le|van|von|ter|ten|bin|ibn|al|y|zu)`;
/** One to five capitalized words, with lower-case particles between them ("Jose Manrique Lopez de la Fuente"). */
const NAME = String.raw`${WORD}(?:[ \t]+(?:${PARTICLE}[ \t]+){0,3}${WORD}){0,4}`;
/** Names joined by "&" or "and" in the languages of speaker-phrases.ts ("Marie Dupont et Paul Martin"). */
const NAMES = String.raw`${NAME}(?:[ \t]*(?:&|\b(?:and|und|et|y|e|en)\b)[ \t]*${NAME})*`;
/** Case-insensitive first letter without the `i` flag, which would make `\p{Lu}` match lower case too. */
const word = (w: string) => `[${w[0]?.toUpperCase()}${w[0]}]${w.slice(1)}`;
const CHAT = `(?:${['interview', 'conversation', 'fireside chat', 'chat'].map(word).join('|')}|Q&A|AMA)`;
/** "Dr. Jane Doe": a title before the name. */
const HONORIFIC = String.raw`(?:(?:Dr|Prof|Mr|Mrs|Ms|Mx)\.?[ \t]+)?`;
const ORG = String.raw`[\p{Lu}\d][\p{L}\p{M}\d&.'’-]*(?:[ \t]+[\p{Lu}\d][\p{L}\p{M}\d&.'’-]*){0,3}`;

/**
 * "talk that was given by Miroslav Benes", "keynote by Jono Bacon", "interview with Linus Torvalds", "Vortrag
 * von Jörg Weiß", "la charla de Ana García", "présentée par Marie Dupont", "de la mano de Ana García"
 * (the words of every language in speaker-phrases.ts).
 */
const RE_AGENT = new RegExp(
  String.raw`(?<!\p{L})${TALK_WORD}s?(?!\p{L})([^.!?\n]{0,40}?)(?<!\p{L})${AGENT_WORD}\s+${HONORIFIC}(${NAMES})|\b${CHAT}\s+with\s+${HONORIFIC}(${NAMES})|(?<!\p{L})${PRESENTER_PHRASE}\s+${HONORIFIC}(${NAMES})`,
  'gu',
);
/** "a talk sponsored by Google", "Vortrag, organisiert von …" names no speaker. */
const RE_NOT_SPEAKER_BY =
  /(?<!\p{L})(?:sponsored|organi[sz]ed|supported|funded|inspired|followed|moderated|attended|recorded|hosted|powered|caused|preceded|introduced|announced|run|organisiert|gesponsert|moderiert|organisée?|sponsorisée?|modérée?|organizad[oa]|patrocinad[oa]|moderad[oa]|organizzat[oa]|georganiseerd|gesponsord)\s*$/iu;
/**
 * "Michael Bright gave", "Jörg Schad from Mesosphere gave", "In his talk, Matthias Kirschner gave", "A and B
 * presented", "Sophie Groß zeigte", "Hana Kovač, principal engineer at Brightwell, explained", "Sylvie
 * Marchand, qui a passé vingt ans …, a ouvert la conférence". An aside between commas (a role, a relative
 * clause) may stand between the name and the verb.
 */
const RE_SUBJECT = new RegExp(
  String.raw`((?<!\p{L})${TALK_WORD}s?,?[ \t]+)?(${NAMES})(?:[ \t]*\([^()\n]{1,60}\))?(?:,?[ \t]+(?:from|of|at|with|von|bei|chez)[ \t]+${ORG},?)?(?:,[ \t]+[^,.;!?\n]{1,120},)?[ \t]+${SPEAKING_VERB}(?!\p{L})(?![ \t]+sich\b)`,
  'gu',
);
/** "Integrating OSS in industrial environments - by Siemens", "... | by Jane Doe". */
const RE_TITLE_BY = new RegExp(String.raw`\s[-–—:|]\s*by\s+(${NAMES})\s*$`, 'u');
/** "Title (Jane Doe)", "Title (Jane Doe & John Roe)". */
const RE_TITLE_PARENS = /\(([^()]{3,120})\)\s*$/u;
/** "Jane Doe: Title", "Jane Doe - Title". */
const RE_TITLE_PREFIX = new RegExp(String.raw`^(${NAMES})\s*(?::|\s[-–—|])\s+\S`, 'u');

/** Capitalized words that start sentences or name roles, never people; stripped from the front of a match. */
const NOT_NAMES = new Set(
  `a an and as at after also before but by during first finally following for from he her here his however i in it its
  last later my next now of on or our overall second she so speaker speakers that the their then there these they third
  this those today tomorrow we when while with yesterday you your keynote talk session panel q&a mr mrs ms dr prof
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september
  october november december`.split(/\s+/),
);
/** Words of a parenthesised title suffix that make it something else than a name ("(Part 1)", "(Live Demo)"). */
const NOT_IN_PARENS =
  /\b(?:part|keynote|talk|slides|video|recording|workshop|panel|tutorial|live|demo|update|updated|day|track|room|session|lightning|edition|english|german|french|remote|online|beginner|advanced|intro|introduction)\b/i;

/**
 * The speakers of a talk titled `title` whose write-up is `sectionText` (its first paragraphs are enough).
 * Returns people or organisations, longest form first seen, without duplicates; `[]` when unsure.
 */
export function findSpeakers(title: string, sectionText: string): string[] {
  const cleanTitle = clean(title);
  // Blocks stay on lines of their own: "▶ Watch on YouTube" and "Henrik Vall closed …" are two blocks.
  const lead = sectionText
    .slice(0, LEAD_CHARS * 2)
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim()
    .slice(0, LEAD_CHARS);
  const found: string[] = [];

  const by = RE_TITLE_BY.exec(cleanTitle);
  if (by?.[1]) found.push(...splitNames(by[1], 1));
  const parens = RE_TITLE_PARENS.exec(cleanTitle);
  if (parens?.[1] && !NOT_IN_PARENS.test(parens[1])) {
    const names = parens[1].split(/\s*(?:,|&|\band\b)\s*/).map(clean);
    if (names.every(isPersonShaped)) found.push(...names);
  }

  // In a title only the explicit forms count: "Docker Swarm explained" is a title, not a speaker.
  const fromText = [...speakersInText(lead, true), ...speakersInText(cleanTitle, false)];
  found.push(...fromText.filter((m) => m.words >= 2).map((m) => m.name));

  // "Jane Doe: Title" is also how "Kafka: a deep dive" reads: accept the prefix only when the write-up
  // names the same person (even by one name) as the one who spoke.
  const prefix = RE_TITLE_PREFIX.exec(cleanTitle);
  if (prefix?.[1]) {
    const mentioned = new Set(fromText.flatMap((m) => lowerWords(m.name)));
    for (const name of splitNames(prefix[1], 2)) {
      if (isPersonShaped(name) && lowerWords(name).some((w) => mentioned.has(w))) found.push(name);
    }
  }
  // "鈴木花子さんの発表", "王浩老师的分享"; "登壇者：鈴木花子さん", "Referent: Jörg Weiß" on a line of its own.
  for (const m of lead.matchAll(CJK_SPEAKER)) if (m[1]) found.push(m[1].trim());
  for (const line of lead.split('\n').slice(0, 4)) found.push(...speakerLine(line));

  // "by @tessaq" right under the title says who spoke: the person the handle spells, or the handle.
  const handles = lead
    .split('\n')
    .slice(0, 2)
    .flatMap((line) => bylineHandles(line));
  if (handles.length) return dedupe(linkHandles(handles, lead)).filter((n) => isHandle(n) || isPersonName(n));

  // People only: a company ("by Siemens"), a single name or a phrase is no speaker.
  return dedupe(found).filter(isPersonName);
}

interface TextMatch {
  name: string;
  words: number;
  /** Introduced by an explicit talk context ("talk by X", "keynote X gave"): a single name is enough. */
  strong: boolean;
}

function speakersInText(text: string, withSubjects: boolean): TextMatch[] {
  const matches: TextMatch[] = [];
  for (const m of text.matchAll(RE_AGENT)) {
    if (m[1] !== undefined && RE_NOT_SPEAKER_BY.test(m[1])) continue;
    for (const name of splitNames(m[2] ?? m[3] ?? m[4] ?? '', 1)) {
      matches.push({ name, words: name.split(' ').length, strong: true });
    }
  }
  for (const m of withSubjects ? text.matchAll(RE_SUBJECT) : []) {
    for (const name of splitNames(m[2] ?? '', 1)) {
      matches.push({ name, words: name.split(' ').length, strong: m[1] !== undefined });
    }
  }
  return matches;
}

/** "Jane Doe and John Roe" -> both, each trimmed of sentence starters; names shorter than `minWords` dropped. */
function splitNames(text: string, minWords: number): string[] {
  return text
    .split(/\s*(?:&|\b(?:and|und|et|y|e|en)\b)\s*/)
    .map(trimName)
    .filter((n): n is string => n !== null && n.split(' ').length >= minWords);
}

/** Drops leading non-name words ("Yesterday Michael Bright" -> "Michael Bright") and a possessive. */
function trimName(raw: string): string | null {
  const words = clean(raw)
    .replace(/['’]s$|[-'’]+$/, '')
    .split(' ');
  while (words.length && NOT_NAMES.has((words[0] ?? '').toLowerCase().replace(/\.$/, ''))) words.shift();
  while (words.length && NOT_NAMES.has((words[words.length - 1] ?? '').toLowerCase())) words.pop();
  const name = words.join(' ');
  return name && /\p{L}{2}/u.test(name) ? name : null;
}

/** Two to four words shaped like a personal name: "Jane Doe", "Michiel de Jong"; not "OSS" or "Part 1". */
const RE_PARTICLE = new RegExp(`^${PARTICLE}$`, 'u');

function isPersonShaped(name: string): boolean {
  const words = name.split(' ');
  const real = words.filter((w) => !RE_PARTICLE.test(w));
  return (
    real.length >= 2 &&
    words.length <= 5 &&
    real.every((w) => /^\p{Lu}(?:\p{Ll}|\p{M})+(?:[-'’]\p{Lu}?(?:\p{Ll}|\p{M})+)*$|^\p{Lu}\.$/u.test(w)) &&
    !NOT_NAMES.has((real[0] ?? '').toLowerCase())
  );
}

/** Keeps the first of equal names and drops a name whose words all occur in a longer one ("Jörg" next to "Jörg Schad"). */
function dedupe(names: string[]): string[] {
  const out: string[] = [];
  for (const name of names) {
    const words = name.toLowerCase().split(' ');
    const covered = out.some((kept) => {
      const keptWords = kept.toLowerCase().split(' ');
      return words.every((w) => keptWords.includes(w));
    });
    if (covered) continue;
    // A longer form replaces the shorter ones it covers.
    for (let i = out.length - 1; i >= 0; i--) {
      const keptWords = (out[i] ?? '').toLowerCase().split(' ');
      if (keptWords.every((w) => words.includes(w))) out.splice(i, 1);
    }
    out.push(name);
  }
  return out;
}

const lowerWords = (name: string) => name.toLowerCase().split(' ');
