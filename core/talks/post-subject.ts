/**
 * What a post is about, read from the whole post where no rule finds a talk: one talk, when a
 * title-shaped phrase recurs in the places a page names its subject (its metadata titles and headline,
 * an embed's or a link card's title, a figure caption, a property row's value, a quoted phrase where
 * the post opens) and the post carries the marks of a talk (one person named again and again, a
 * recording or slides link, a time-stamped transcript, talk vocabulary in any language detection
 * reads). No platform's markup and no language's wording decides it: a phrase named in two such places
 * is what the page is about, and the marks say whether that is a talk. The post's own framing ("My
 * notes on …", "Annotated: …") is never the title: a phrase only the headline and the document's title
 * carry counts only when it is quoted there or set apart from a person's name.
 */
import { clean, isBoilerplate, textUpTo } from './dom';
import { linksToRecording } from './links';
import { NAME_RUN, parsePeople } from './people';
import { findSpeakers } from './speakers';
import { isTitleShaped } from './prose';
import { QUOTED, type SingleTalk, TALK_NOUN } from './single-talk';

/**
 * Where a slot's text comes from: the page's head and headline, or one kind of place in the post's
 * body. A phrase counts as named twice only by two kinds: a byline's "6 min read" repeats in one.
 */
type SlotSource = 'head' | 'embed' | 'link' | 'property' | 'quote';

interface Slot {
  text: string;
  source: SlotSource;
}

interface Phrase {
  text: string;
  key: string;
  /** Quoted in its slot, or set apart from a person's name there ("T — Jane Doe"). */
  setApart: boolean;
  /** The people its slot names beside it. */
  people: string[];
}

/** A slot longer than this is prose, not a name for something. */
const MAX_SLOT = 200;
/** Slots read at most, in document order by kind: a page's subject is named early, and phrases are compared pairwise. */
const MAX_SLOTS = 80;
/** How much of the post's opening is read for quoted phrases and talk vocabulary. */
const OPENING = 2500;
/** Blocks opening with a time stamp that make a transcript. */
const MIN_STAMPED = 3;
/** Mentions of one person that make them the post's subject. */
const MIN_MENTIONS = 3;
/**
 * Marks of a talk needed beside the phrase: a speaker named beside it or introduced as one (two marks),
 * a person named again and again, a recording, a transcript, talk words (one each).
 */
const MIN_MARKS = 3;
/** A property row is short: a key and a value, not a paragraph. */
const MAX_PROPERTY = 120;

/** Separators between a title and what a page adds to it: a speaker, an event, a site, a framing. */
const SEPARATOR = /\s+[|–—·•»/]\s+|\s+-\s+|::|[:：]\s+|\s*[(（[)）\]]\s*/u;
/** A time stamp opening a transcript's block: "12:34", "[1:02:33]", "(04:10)". */
const STAMP = /^\s*[[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?(?!\d)/u;
/** Words of `TALK_NOUN` that name any write-up, not a talk: show notes, a recap, lessons, a paper. */
const GENERAL_NOUN = /^(?:notes?|recap|write-?up|takeaways|lessons|paper)$/iu;
/** A numbered member of a series before a phrase: "Episode 61: T", "Aula 1 — T", "Chapter 3. T". */
const SERIES_MEMBER = /(?<!\p{L})\p{L}+\.?\s*\d{1,4}\s*(?:[:：.—–-]|\s-)\s*$/u;
/** A word and a number: a label ("Episode 61", "Aula 1", "Part 2"), not a title. */
const LABEL = /^\p{L}+\.?\s*\d{1,4}$/u;
/** A year in a phrase: an event's name or a date, not a talk's title. */
const YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/u;

/**
 * The one talk `post` is about, named by the best-attested title and given to the person the post
 * names again and again; null when no phrase recurs or the post bears too few marks of a talk.
 * `headTitles` are the page's metadata titles and the post's headline; `heading` the element the talk
 * starts at.
 */
export function subjectOfPost(
  post: Element,
  headTitles: readonly string[],
  heading: Element,
): SingleTalk | null {
  const head = headTitles.map((text): Slot => ({ text: clean(text), source: 'head' }));
  const headKeys = new Set(head.map((s) => keyOf(s.text)));
  // A link repeating the page's title is a permalink or a breadcrumb: the same naming, not another.
  const body = bodySlots(post).filter((s) => s.source !== 'link' || !headKeys.has(keyOf(s.text)));
  const slots = [...head, ...body].filter((s) => s.text && s.text.length <= MAX_SLOT);
  const best = bestAttested(slots);
  if (!best) return null;
  const text = spacedText(post, 20000);
  const opening = `${headTitles.join(' | ')} | ${text.slice(0, OPENING)}`;
  // The speaker: named beside the title where it is named, or as the one person a property row gives
  // ("Ponent | Jane Doe"), or by a phrase of the opening ("a talk by X", "Vortrag von X"), or the person
  // the post names most often; each must recur in the body (a property's by any word of the name).
  const beside =
    best.people.find((p) => mentions(p, text) >= 2) ??
    onePersonOf(
      slots.filter((s) => s.source === 'property').map((s) => s.text),
      text,
    );
  const introduced = findSpeakers(best.phrase.text, text.slice(0, OPENING)).filter(
    (p) => parsePeople(p) && !keyOf(best.phrase.text).includes(keyOf(p)),
  );
  const recurring = recurringPerson(post, text);
  const speakers = beside ? [beside] : introduced.length ? introduced : recurring ? [recurring] : [];
  const named = !!beside || introduced.length > 0;
  const recorded = linksToRecording(post) || post.querySelector('iframe, video, audio') !== null;
  const transcript = timeStamped(post);
  const talkWords = [...opening.matchAll(new RegExp(TALK_NOUN, 'giu'))].some((m) => !GENERAL_NOUN.test(m[0]));
  // A person (a speaker named beside the title or introduced as one weighs two marks, a person named
  // often one) and a talk (its words, or a recording with a transcript): an article names people and
  // embeds videos too.
  const marks = [named, named, !!recurring, recorded, transcript, talkWords].filter(Boolean).length;
  const person = named || !!recurring;
  const talk = talkWords || (recorded && transcript);
  if (!person || !talk || marks < MIN_MARKS) return null;
  return { title: best.phrase.text, speakers, heading };
}

/** The post's places that name something: embeds, captions, link cards, property rows, opening quotes. */
function bodySlots(post: Element): Slot[] {
  const out: Slot[] = [];
  const add = (source: SlotSource, text: string) => out.push({ text: clean(text), source });
  for (const el of post.querySelectorAll('iframe[title], video[title], object[title], embed[title]'))
    add('embed', el.getAttribute('title') ?? '');
  for (const el of post.querySelectorAll('figcaption, caption, cite, blockquote > :first-child'))
    add('embed', textUpTo(el, MAX_SLOT + 1));
  // A link that is its block's whole text: a link card's or an embed's title bar.
  for (const a of post.querySelectorAll('a')) {
    const block = a.parentElement;
    // A heading's link is the post's permalink, not another place naming its subject.
    if (a.closest('h1, h2, h3, h4, h5, h6')) continue;
    const own = textUpTo(a, MAX_SLOT + 1);
    if (block && own && textUpTo(block, own.length + 1) === own) add('link', own);
  }
  for (const value of propertyValues(post)) add('property', value);
  const opening = textUpTo(post, OPENING).slice(0, OPENING);
  for (const m of opening.matchAll(QUOTED)) add('quote', m.slice(1).find(Boolean) ?? '');
  // The chrome's texts (a menu's link, a footer's line) name nothing; each text counts once per kind.
  const chrome = [...post.querySelectorAll('nav, footer, aside')]
    .filter((el) => isBoilerplate(el))
    .map((el) => clean(el.textContent));
  const seen = new Set<string>();
  return out
    .filter((slot) => slot.text && slot.text.length <= MAX_SLOT && !chrome.some((c) => c.includes(slot.text)))
    .filter((slot) => !seen.has(`${slot.source} ${slot.text}`) && !!seen.add(`${slot.source} ${slot.text}`))
    .slice(0, MAX_SLOTS);
}

/**
 * The values of a post's property rows: a `<dd>` after its `<dt>`, a two-cell table row, an element of
 * exactly two children whose first is a short key ("Xerrada" | "T", "Speaker" | "Jane Doe"), the value
 * after a short key and a colon on a line of its own.
 */
function propertyValues(post: Element): string[] {
  const values: string[] = [];
  for (const dd of post.querySelectorAll('dd')) values.push(textUpTo(dd, MAX_PROPERTY + 1));
  for (const row of post.querySelectorAll('tr'))
    if (row.children.length === 2) values.push(textUpTo(row.children[1]!, MAX_PROPERTY + 1));
  for (const el of post.querySelectorAll('div, li, p, span')) {
    if (el.children.length > 2 || textUpTo(el, MAX_PROPERTY + 1).length > MAX_PROPERTY) continue;
    const [key, value] = [el.children[0], el.children[1]];
    if (el.children.length === 2 && key && value && isKey(clean(key.textContent)))
      if (bare(el.textContent) === bare(`${key.textContent}${value.textContent}`))
        values.push(textUpTo(value, MAX_SLOT + 1));
    if (el.children.length <= 2 && !el.querySelector('p, div, li')) {
      const line = /^([^:：]{1,30})[:：]\s+(.+)$/u.exec(textUpTo(el, MAX_PROPERTY + 1));
      if (line && isKey(line[1]!)) values.push(line[2]!);
    }
  }
  return values.filter((v) => v.length <= MAX_PROPERTY);
}

const bare = (text: string | null) => (text ?? '').replace(/\s+/gu, '');

/** A property's key: one to three words, no sentence. */
function isKey(text: string): boolean {
  return text.length > 0 && text.length <= 30 && text.split(/\s+/).length <= 3 && !/[.!?]/u.test(text);
}

/**
 * The phrase named in the most slots (two at least), preferring one the body names, then one set apart
 * in its slot, then the longer. A phrase only head slots name must be set apart there.
 */
function bestAttested(slots: readonly Slot[]): Attested | null {
  const keys = slots.map((s) => ` ${keyOf(s.text)} `);
  let best: Attested | null = null;
  for (const slot of slots)
    for (const phrase of phrasesOf(slot.text)) {
      const attesting = slots.filter((_, i) => keys[i]!.includes(` ${phrase.key} `));
      const kinds = new Set(attesting.map((s) => s.source));
      // Two kinds of place, or the page's titles alone where they set it apart (quoted, beside a name).
      if (kinds.size < 2 && !(kinds.has('head') && attesting.length >= 2 && phrase.setApart)) continue;
      // An episode, a lesson, a chapter: one of a numbered series, not a talk.
      if (attesting.some((s) => isSeriesMember(s.text, phrase.text))) continue;
      const people = attesting.flatMap((s) => peopleBeside(s.text));
      const candidate = { phrase, head: kinds.has('head'), count: attesting.length, people };
      if (!best || isGreater(rank(candidate), rank(best))) best = candidate;
    }
  return best;
}

interface Attested {
  phrase: Phrase;
  /** Named by the page's own titles too: what the page is about, not a page it links to. */
  head: boolean;
  count: number;
  /** People named beside the phrase where it is named. */
  people: string[];
}

const rank = (c: Attested) => [c.head ? 1 : 0, c.count, c.phrase.setApart ? 1 : 0, c.phrase.key.length];

/** The one person property rows name (a value that is one name), when its words recur in `text`. */
function onePersonOf(values: readonly string[], text: string): string | undefined {
  const people = [
    ...new Set(
      values
        .filter((v) => v.split(/\s+/).length <= 3)
        .map((v) => parsePeople(v))
        .filter((p): p is string[] => p?.length === 1)
        .map((p) => p[0]!),
    ),
  ];
  if (people.length !== 1) return undefined;
  const person = people[0]!;
  return person.split(/\s+/).some((word) => mentions(word, text) >= 2) ? person : undefined;
}

/** The people a slot names in a part of its own ("T — Jane Doe | Event"). */
function peopleBeside(text: string): string[] {
  return (
    text
      .split(SEPARATOR)
      .flatMap((p) => p.split(/,\s+/u))
      // A title in title case parses as a name too: a name is three words at most.
      .filter((p) => p.trim().split(/\s+/).length <= 3)
      .map((p) => parsePeople(p.trim()))
      .find((p): p is string[] => !!p) ?? []
  );
}

function isSeriesMember(slot: string, phrase: string): boolean {
  const at = slot.indexOf(phrase);
  return at > 0 && SERIES_MEMBER.test(slot.slice(0, at).replace(/["“„«「『'‘\s]+$/u, ' '));
}

function isGreater(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return false;
}

/** The title-shaped phrases of a slot: its quotes, its whole text, and its parts between separators. */
function phrasesOf(text: string): Phrase[] {
  const quoted = [...text.matchAll(QUOTED)].map((m) => (m.slice(1).find(Boolean) ?? '').trim());
  const parts = text.split(SEPARATOR).map((p) => p?.trim() ?? '');
  const peopleParts = parts
    .filter((p) => p.split(/\s+/).length <= 3)
    .map((p) => parsePeople(p))
    .filter((p): p is string[] => !!p);
  const people = peopleParts.length === 1 ? peopleParts[0]! : [];
  const candidates: Phrase[] = [
    ...quoted.map((q) => ({ text: q, setApart: true })),
    { text, setApart: false },
    ...parts.map((p) => ({ text: p, setApart: people.length > 0 })),
  ].map((c) => ({
    ...c,
    text: c.text.replace(/^["“”„«»「」『』'‘’\s]+|["“”„«»「」『』'‘’\s]+$/gu, ''),
    key: '',
    people,
  }));
  return candidates
    .filter((c) => isTalkTitle(c.text, c.setApart))
    .map((c) => ({ ...c, key: keyOf(c.text) }))
    .filter((c) => c.key);
}

/** A title, not a name, a year's event or a framing word: title-shaped, three words or more unless quoted. */
function isTalkTitle(text: string, setApart: boolean): boolean {
  // A name is two or three words; a title in title case ("Shipping Fonts Without Regret") reads as one too.
  if (
    !isTitleShaped(text) ||
    YEAR.test(text) ||
    LABEL.test(text) ||
    (parsePeople(text) && text.split(/\s+/).length <= 3)
  )
    return false;
  const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(text);
  return cjk || setApart || text.split(/\s+/).length >= 3;
}

/** Lower case, quotes and punctuation gone, words separated by one space. */
function keyOf(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}

/** The person the post names most often, three times at least (a full name, then a word of it). */
function recurringPerson(post: Element, text: string): string | null {
  const authors = authorsOf(post);
  const names = new Set<string>();
  for (const m of text.matchAll(NAME_RUN)) {
    const person = parsePeople(m[0]);
    if (person?.length === 1 && !authors.has(person[0]!.toLowerCase())) names.add(person[0]!);
  }
  let best: string | null = null;
  let most = MIN_MENTIONS - 1;
  for (const name of names) {
    // Named in full twice at least: a sentence's capitalised opening word beside a name is no person.
    const count = fullMentions(name, text) >= 2 ? mentions(name, text) : 0;
    if (count > most) [best, most] = [name, count];
  }
  return best;
}

/**
 * Mentions of `name`: its last word (a surname) as a whole word, with a case ending of up to three
 * letters after its stem in the languages that inflect names ("Gedvilas", "Gedvilo", "Gedvilui").
 */
function mentions(name: string, text: string): number {
  const words = name.split(/\s+/);
  const last = words[words.length - 1]!;
  const stem = last.length >= 5 ? last.slice(0, last.length - 2) : last;
  const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const ending = stem === last ? '' : String.raw`\p{L}{0,3}`;
  const word = new RegExp(`(?<![\\p{L}\\p{M}])${literal(stem)}${ending}(?![\\p{L}\\p{M}])`, 'gu');
  return [...text.matchAll(word)].length;
}

function fullMentions(name: string, text: string): number {
  return text.split(name).length - 1;
}

/** The page's own author: its byline's name is no speaker. */
function authorsOf(post: Element): Set<string> {
  const doc = post.ownerDocument;
  const names = [
    doc.querySelector('meta[name="author"]')?.getAttribute('content'),
    ...[...doc.querySelectorAll('[rel~="author"], [itemprop~="author"], address')].map(
      (el) => el.textContent,
    ),
  ];
  return new Set(names.map((n) => clean(n).toLowerCase()).filter(Boolean));
}

/** The text of `el` with a space between its text nodes: a key and its value ("Talk", "T") stay two words. */
function spacedText(el: Element, max: number): string {
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  const parts: string[] = [];
  let length = 0;
  for (let node = walker.nextNode(); node && length < max; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent && /^(?:SCRIPT|STYLE|TEMPLATE)$/.test(parent.tagName)) continue;
    parts.push(node.textContent ?? '');
    length += node.textContent?.length ?? 0;
  }
  return clean(parts.join(' '));
}

/** Three blocks or more open with a time stamp: a transcript, or notes kept against a recording. */
function timeStamped(post: Element): boolean {
  let stamped = 0;
  for (const el of post.querySelectorAll('p, li, dt, div, tr')) {
    if (el.querySelector('p, li, div, tr')) continue;
    if (STAMP.test(textUpTo(el, 20)) && ++stamped >= MIN_STAMPED) return true;
  }
  return false;
}
