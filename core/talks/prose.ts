/**
 * Talks introduced in running prose, where a write-up has no title lines at all: "Next up, Ruud
 * Klaassen on “Terraform Drift Is a People Problem”.", "… met de keynote van Daan Verbeek, ‘Twintig jaar
 * Java’, …", "Sanne Bakker, die in ‘Records en sealed classes’ liet zien …", "山田 花子さんの「…」では".
 * A sentence introduces a talk when a title in quotation marks follows a person's name right away:
 * joined by a comma, a preposition ("on", "with", "in", "met", "über", "sur" …), a relative pronoun, a
 * possessive or, in Japanese and Korean, a possessive particle after an honorific. A quoted saying
 * ("Jane Doe said “…”") is joined by a verb, and ends in sentence punctuation: no talk.
 */
import { parsePeople } from './people';
import { parseTalkTitle } from './title-parse';
import { headingRole } from './vocabulary';

export interface ProseTalk {
  title: string;
  speakers: string[];
}

/** A quoted title: “…”, ‘…’, «…», „…“, "…", 「…」, 『…』, 《…》. */
const QUOTED =
  /“([^”]{3,160})”|‘([^’]{3,160})’|«\s?([^»]{3,160}?)\s?»|„([^“”]{3,160})[“”]|"([^"]{3,160})"|「([^」]{2,160})」|『([^』]{2,160})』|《([^》]{2,160})》/gu;
/** Relative pronouns that may stand between the person and the title ("Jane Doe, who in “…”"). */
const RELATIVE = `(?:who|die|der|qui|que|quien|который|которая|которые|któr[ayz]|którzy|kter[ýáé]|kteří)`;
/** Prepositions that join a person to the title of their talk ("on", "with", "in", "about", "titled" …). */
const PREPOSITION = `(?:on|with|in|about|called|titled|entitled|named|über|mit|namens|sur|avec|dans|intitulée?|sobre|con|en|titulad[oa]|com|em|intitulad[oa]|met|over|getiteld|genaamd|про|о|с|под названием|o|z|pod tytułem|na temat|na téma|s|se)`;
/**
 * Verbs of giving a talk, which join a speaker to its title as a preposition does ("Jane Doe presented
 * “…”", "marina рассказывала «…»"); verbs of saying do not ("Jane Doe said “…”" quotes her).
 */
const PRESENTING = `(?:presented|gave|delivered|рассказывал[аи]?|представлял[аи]?|представил[аи]?|präsentierte|hielt|presentó|apresentou|presenteerde)`;
/** What may stand between the person and the quote: ")", "'s", a comma, a relative pronoun, a preposition. */
const CONNECTOR = new RegExp(
  String.raw`(?:\)|['’]s)?\s*,?\s*(?:${RELATIVE}\s+)?(?:${PRESENTING}\s+)?(?:${PREPOSITION}\s+)?$`,
  'iu',
);
/** An account's handle ("@kasia_io"), which names the person by account (handles.ts maps it to a name). */
const HANDLE = /^@[\p{L}\p{N}_.-]{2,40}$/u;
/** "“Title” by @handle", "“Title” by Jane Doe": the speaker after the title. */
const BY_AFTER =
  /^\s*(?:by|von|par|por|door|oleh)\s+(@[\p{L}\p{N}_.-]{2,40}|[^.,;:!?()“”«»"]{3,60}?)(?=\s*(?:$|[.,;:!?(]|\s(?:and|at|from|on|in|who)\s))/u;
/**
 * "山田 花子さんの「…」", "김지은 님의 「…」", "王浩老师的《…》": an honorific and a possessive particle. A family
 * name is written in kanji or katakana, so a particle before it ("午後は") is not part of the name.
 */
const CJK_PERSON =
  /((?:[\p{Script=Han}\p{Script=Katakana}]{1,3}[ \u3000]?[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]{1,3})|\p{Script=Hangul}{2,4})\s?(?:さん|氏|先生|님|老师)\s?(?:の|의|的)\s*$/u;
/** A word of a name, a particle inside one, or "and" between two names. */
const NAME_TOKEN = /^(?:\p{Lu}[\p{L}\p{M}'’.-]*|\p{Lu}\.)$/u;
const JOINER =
  /^(?:de|del|della|der|den|da|das|di|do|dos|du|la|le|van|von|ter|ten|bin|ibn|al|zu|el|and|und|et|y|e|en|i|a|и|na|және|&)$/u;

/** The talk a sentence or paragraph introduces, or null. */
export function talkIntroducedIn(text: string): ProseTalk | null {
  return talksIntroducedIn(text)[0] ?? null;
}

/**
 * Every talk `text` introduces, in order. `nearby`: the person may also stand a few words from the
 * title in the same sentence, before or after it, in any grammatical case ("Ivana Perković svojim
 * keynoteom „T“", "„T“ Lane Horvat", "„T“ koju su vodili Tomislav Babić i Nina Jurić").
 */
export function talksIntroducedIn(text: string, nearby = false): ProseTalk[] {
  const out: ProseTalk[] = [];
  for (const m of text.matchAll(QUOTED)) {
    const title = (m.slice(1).find(Boolean) ?? '').trim();
    if (!isTitleShaped(title)) continue;
    const before = text.slice(Math.max(0, m.index - 160), m.index);
    const after = text.slice(m.index + m[0].length);
    const speakers =
      personBefore(before) ??
      personAfter(after) ??
      (nearby ? (personNearBefore(before) ?? personNearAfter(after)) : null);
    if (speakers) out.push({ title, speakers });
  }
  return out;
}
/** Words between a person and the quoted title of their talk ("opens with", "i njegovo predavanje"). */
const MAX_GAP = 4;

/** People a few words before the quote, in its sentence. */
function personNearBefore(before: string): string[] | null {
  const words = before.trim().split(/\s+/);
  for (let gap = 1; gap <= MAX_GAP && gap < words.length; gap++) {
    // A sentence's end between them: the quote is another sentence's.
    if (/[.!?;]$/u.test(words[words.length - gap] ?? '')) return null;
    const speakers = personBefore(`${words.slice(0, -gap).join(' ')} `);
    if (speakers) return speakers;
  }
  return null;
}

/** People right after the quote, or after a few lower-case words ("koju su vodili"), in its sentence. */
function personNearAfter(after: string): string[] | null {
  const words = after
    .trim()
    .split(/\s+/)
    .slice(0, MAX_GAP + 5);
  let i = 0;
  while (i < MAX_GAP && /^\p{Ll}+$/u.test(words[i] ?? '')) i++;
  return leadingPeople(words.slice(i), (word) => NAME_TOKEN.test(word) || JOINER.test(word));
}

/**
 * The people `words` open with: the longest run of them that reads as people, the run ending at a word
 * that `isNameWord` refuses or at a word's punctuation ("Murat Aydın, JavaLand 2024" names Murat Aydın).
 */
export function leadingPeople(
  words: readonly string[],
  isNameWord: (word: string) => boolean,
): string[] | null {
  const run: string[] = [];
  for (const word of words) {
    const bare = word.replace(/[,.;:!?)]+$/u, '');
    if (!isNameWord(bare)) break;
    run.push(bare);
    if (bare !== word) break;
  }
  for (let k = run.length; k >= 2; k--) {
    const people = parsePeople(run.slice(0, k).join(' '));
    if (people) return people;
  }
  return null;
}

/** The first quoted phrase of `text` shaped like a title, or null. */
export function quotedTitleIn(text: string): string | null {
  for (const m of text.matchAll(QUOTED)) {
    const title = (m.slice(1).find(Boolean) ?? '').trim();
    if (isTitleShaped(title)) return title;
  }
  return null;
}

/** A title, not a saying: a few words, a capital or a digit first, no sentence ending inside or at the end. */
export function isTitleShaped(title: string): boolean {
  // A capital, a digit or a CJK script first; or a code word ("io_uring in Production", "kubectl.ts").
  if (
    !/^[\p{Lu}\p{N}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(title) &&
    !/^\p{Ll}+[_.]\p{L}/u.test(title)
  )
    return false;
  if (/[.,;:!…。、]$/u.test(title) || /[.!?。！？]\s+\S/u.test(title)) return false;
  const words = title.split(/\s+/).length;
  const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(title);
  return cjk ? title.length >= 4 && title.length <= 80 : words >= 2 && words <= 16;
}

/** The people named right before a quote, joined to it by a connector; null when there are none. */
function personBefore(before: string): string[] | null {
  const cjk = CJK_PERSON.exec(before);
  if (cjk?.[1]) return [cjk[1].trim()];
  // Every part of the connector is optional: it matches, possibly empty, at the end.
  const connector = CONNECTOR.exec(before);
  const rest = before.slice(0, connector?.index ?? before.length);
  // "@handle (Jane Doe) on “…”": the name in the parentheses.
  if (connector?.[0].startsWith(')')) {
    const open = rest.lastIndexOf('(');
    return open < 0 ? null : parsePeople(rest.slice(open + 1));
  }
  const tokens = rest.trimEnd().split(/\s+/);
  const last = tokens[tokens.length - 1] ?? '';
  if (HANDLE.test(last)) return [last];
  const run: string[] = [];
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i] ?? '';
    if (!NAME_TOKEN.test(token) && !JOINER.test(token)) break;
    run.unshift(token);
  }
  // "Then Jane Doe", "the keynote of Jane Doe": the longest tail of the run that is people.
  for (let k = 0; k < run.length - 1; k++) {
    if (JOINER.test(run[k] ?? '')) continue;
    const people = parsePeople(run.slice(k).join(' '));
    if (people) return people;
  }
  return null;
}

/** The speaker named right after a title ("“T” by @handle", "“T” by Jane Doe"); null when there is none. */
function personAfter(after: string): string[] | null {
  const name = BY_AFTER.exec(after)?.[1]?.trim();
  if (!name) return null;
  return HANDLE.test(name) ? [name.replace(/\.+$/u, '')] : parsePeople(name);
}

/**
 * A block that opens with the evening or the party, when the talks are over: "The evening belonged to
 * the city", "Am Abend …", "Le soir, …", "Večer je pripadala Zadru.", "Вечером …", "夜は…".
 */
const EVENING =
  /^\s*(?:(?:(?:in|during|on) )?(?:the|that) (?:evening|night|party|after-?party)\b|(?:evening|party|after-?party)\b|(?:am |den )?abend\b|abends\b|(?:le |ce )soir(?:ée)?\b|(?:por|en|esa) (?:la )?noche\b|(?:à|de|a|na) noite\b|wieczor(?:em)?\b|wieczór\b|вечер(?:ом)?(?!\p{L})|ввечері|увечері|(?:na)?večer(?:i|u)?(?!\p{L})|uveče|naveče|'s avonds|(?:de )?avond\b|illalla|(?:om|på) kvällen|om aftenen|om kvelden|akşam(?:ı|leyin)?(?!\p{L})|buổi tối|夜は|夜の|저녁|晚上)/iu;

/**
 * True when a block opens by announcing something other than a talk: a short first sentence that is a
 * break, a block of short talks or the end ("8/ Coffee break ☕.", "Lunch.", "Ignites!", "That's a wrap
 * for day 1!"), or the evening after the talks ("Večer je pripadala Zadru."). In a write-up without
 * headings such a block ends the talk before it.
 */
export function opensWithBreak(text: string): boolean {
  if (EVENING.test(text)) return true;
  const first = /^\s*(?:\d{1,3}\s*[/.)]\s*)?([^.!?…:;]{2,60})(?:[.!?…:;]|$)/u.exec(text)?.[1];
  if (!first || first.trim().split(/\s+/).length > 6) return false;
  const role = headingRole(first);
  return role === 'break' || role === 'outro' || role === 'group';
}

/** Words for one talk, in the languages prose introductions are read in. */
const TALK_NOUN = String.raw`(?:talk|session|presentation|keynote|lecture|vortrag|vortrags|conférence|présentation|charla|ponencia|palestra|apresentação|lezing|presentatie|sessie|доклад\p{L}*|prelekcj\p{L}*|wykład\p{L}*|přednášk\p{L}*)`;
/**
 * Someone going to another talk: a preposition of attending, an indefinite article, a talk noun ("at a
 * talk about", "went to another session on", "bij een talk over", "in einem Vortrag über", "à une
 * conférence sur", "a una charla sobre", "на другом докладе"). The talk written up is "the talk" or
 * "her talk"; "a talk" one is at is another one.
 */
const AT_ANOTHER_TALK = new RegExp(
  String.raw`(?<!\p{L})(?:at|to|into|attended|bij|naar|zu|auf|in|à|a|en|em|na|no|w|на|в)\s+(?:a|an|another|one other|een|een andere|ein|einem|einen|einer|eine|anderen|une|une autre|un|una|otra|uma|outra|jiné|innej|другом|другой)\s+(?:\p{L}+\s+)?${TALK_NOUN}(?!\p{L})`,
  'iu',
);

/**
 * True when a block is about someone attending another talk ("My colleague sat in another room at a
 * talk about GraalVM …"): in a write-up without headings it ends the talk before it, since the post
 * does not write that talk up and it is not the one above.
 */
export function tellsOfAnotherTalk(text: string): boolean {
  return AT_ANOTHER_TALK.test(text);
}

/**
 * The talk a thread's message opens with, from its first line, in any of the ways a live-threader
 * writes it: a title line ("14:00 T (Jane Doe)", "Opening keynote: Jane Doe — “T”"), people and a comma
 * before the title ("Jonas Vik, Serde Without the Magic"), a sentence introducing it ("Jane Doe on
 * “T”", "“T” door @jd"), or a quoted title opening the line ("“T” from Tuomas"), each possibly after a
 * short lead-in ("1/", "ok back.", "Zaal 2, 11:20.", "room 2 now —", "last one for me:"). Speakers
 * written in a script without letter case count where `namedAgain` finds them in the talk's notes.
 * Null when the line names no talk.
 */
export function talkOpening(line: string, namedAgain: (name: string) => boolean): ProseTalk | null {
  const text = line.replace(THREAD_NUMBER, '').trim();
  for (const tail of afterLeadIns(text)) {
    const sentence = firstSentence(tail);
    const talk =
      titleLine(sentence, namedAgain) ??
      peopleThenTitle(sentence) ??
      talksIntroducedIn(sentence)[0] ??
      quotedFirst(sentence) ??
      talksIntroducedIn(sentence, true)[0];
    if (talk && !headingRole(talk.title)) return talk;
  }
  // A numbered post ("3/ After lunch, Bea's talk “T”.") names its talk by a quoted title alone.
  const title = THREAD_NUMBER.test(line) ? quotedTitleIn(firstSentence(text)) : null;
  return title && !headingRole(title) ? { title, speakers: [] } : null;
}
/** "1/", "🧵 3/", "🎤 12/": the number a thread's posts open with. */
export const THREAD_NUMBER = /^[^\p{L}\p{N}]{0,6}\d{1,2}\s?\/(?:\d{1,2})?\s/u;
/** A lead-in ends at a full stop, a colon, a comma or a dash, within its first few words. */
const LEAD_IN_END = /(?:[.:;,،!?]|\s[-–—|·])\s+/gu;
const MAX_LEAD_IN_WORDS = 8;

/** The line, and what follows each lead-in of a few words at its start. */
function afterLeadIns(text: string): string[] {
  const tails = [text];
  for (const m of text.matchAll(LEAD_IN_END)) {
    if (text.slice(0, m.index).split(/\s+/).length > MAX_LEAD_IN_WORDS) break;
    // A full stop inside a quote or a title ("3 a.m.") is no lead-in's end.
    if (/[“„«‘「"]/u.test(text.slice(0, m.index)) && !/[”»’」"]/u.test(text.slice(0, m.index))) continue;
    tails.push(text.slice(m.index + m[0].length));
  }
  return tails;
}

/** Up to the first sentence end outside quotation marks. */
function firstSentence(text: string): string {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (/[“«„‘「『]/u.test(ch)) depth++;
    else if (/[”»’」』]/u.test(ch) && depth > 0) depth--;
    else if (depth === 0 && /[.!?。！？]/u.test(ch) && /^(?:\s|$)/u.test(text.slice(i + 1, i + 2)))
      if (!/(?:^|\s)(?:\p{L}|Dr|Mr|Mrs|Ms|St|vs|a\.m|p\.m)$/u.test(text.slice(0, i)))
        // "Dr. Jane", "a.m.": a single letter or a short abbreviation is not a sentence's end.
        return text.slice(0, i);
  }
  return text;
}

/** A title line: a title with its speakers, or a marker, people and a quoted title. */
function titleLine(sentence: string, namedAgain: (name: string) => boolean): ProseTalk | null {
  const parsed = parseTalkTitle(sentence);
  if (parsed.speakers.length && isTitleShaped(parsed.title))
    return { title: parsed.title, speakers: parsed.speakers };
  const after = parsed.titleAfterPrefix;
  if (
    parsed.marker &&
    parsed.prefixPeople.length &&
    after &&
    QUOTED_WHOLE.test(parsed.title.slice(-after.length - 2))
  )
    return { title: after, speakers: parsed.prefixPeople };
  // "Jane Doe: Title" whose notes name Jane again (a dash is no such sign: "Kubernetes — …" reads the same).
  if (parsed.prefixPeople.length && !parsed.prefixDash && after && isTitleShaped(after))
    if (parsed.prefixPeople.every(namedAgain)) return { title: after, speakers: parsed.prefixPeople };
  const caseless = parsed.caseless;
  // A colon in it is a lead-in's ("آخر جلسة لي: T", my last session): the line's tail is read on its own.
  const shaped = caseless && (isTitleShaped(caseless.title) || isCaselessTitle(caseless.title));
  if (caseless && shaped && !/[:：]/u.test(caseless.title) && caseless.speakers.some(namedAgain))
    return { title: caseless.title, speakers: caseless.speakers };
  return null;
}
const QUOTED_WHOLE = /[“"«„‘「『][^”"»“’」』]+[”"»“’」』]$/u;

/** "Jonas Vik, Serde Without the Magic": people, a comma, and a title that runs to the sentence's end. */
function peopleThenTitle(sentence: string): ProseTalk | null {
  const m = /^([^,،]{3,80}?)\s*[,،]\s+(\S.*)$/u.exec(sentence);
  if (!m?.[1] || !m[2]) return null;
  const speakers = parsePeople(m[1]);
  const title = m[2].replace(/[.!…]+$/u, '').trim();
  if (!speakers || !isTitleShaped(title) || ROLE_START.test(title)) return null;
  return { title: unquoted(title), speakers };
}
/** A role or an affiliation after a name ("Jane Doe, Head of Platform at Acme"), not a title. */
const ROLE_START =
  /^(?:CEO|CTO|CIO|COO|VP|SVP|Head|Director|(?:Co-?)?[Ff]ounder|Senior|Staff|Principal|Lead|Engineer|Developer|Manager|Maintainer|Researcher|Professor|Architect|Consultant|Designer)\b|\s(?:at|from|bei|chez|de|da|van)\s+\p{Lu}\p{L}+$/u;

/** A title in a script without letter case ("واجهات من اليمين إلى اليسار دون ألم"): a few words, no colon. */
function isCaselessTitle(title: string): boolean {
  const words = title.split(/\s+/).length;
  return /^\p{Lo}/u.test(title) && !/[:：.!?؟]/u.test(title) && words >= 2 && words <= 16;
}

/** "“T” from Tuomas", "«T» — Jane Doe": a quoted title opening the sentence, and its speakers after it. */
function quotedFirst(sentence: string): ProseTalk | null {
  const m = /^[“"«„‘「『]([^”"»“’」』]{3,160})[”"»“’」』]/u.exec(sentence);
  const title = m?.[1]?.trim() ?? '';
  if (!m || !(isTitleShaped(title) || isCaselessTitle(title))) return null;
  return { title, speakers: personAfter(sentence.slice(m[0].length)) ?? [] };
}

function unquoted(title: string): string {
  const m = QUOTED_WHOLE.exec(title);
  return m && m.index === 0 ? title.slice(1, -1).trim() : title;
}
