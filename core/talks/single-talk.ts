/**
 * Single-talk write-ups: the whole post is about one talk, named in the post's title. "What I took from
 * the ‘Pager Fatigue Is a Design Problem’ keynote", "Notes on “Glanceable Uncertainty” (CHI 2024)",
 * "My notes on Jane Doe's 'Scaling Postgres' talk", "Vacuum Is Not the Enemy (Ruairí Bennett)",
 * "Keynote: …". A title that only names people or only says "talk" is not enough: either the talk's
 * title is quoted next to a talk word, or the title names a speaker and the post reads like a talk.
 */
import { clean, contextInPost, markedText, textUpTo } from './dom';
import { parsePeople, parsePeopleWithRole } from './people';
import { quotedTitleIn, talksIntroducedIn } from './prose';
import { findSpeakers } from './speakers';
import { speaksOfTheFuture } from './tense';
import { parseTalkTitle } from './title-parse';

export interface SingleTalk {
  title: string;
  speakers: string[];
  heading: Element;
}

/**
 * Words in a post title that say it is about a talk, in the languages detection reads ("Μια ομιλία
 * που …", "Puhe, jonka jälkeen …", "A palestra que …"): letter-aware edges, since `\b` knows only ASCII.
 */
export const TALK_NOUN =
  /(?<!\p{L})(?:talk|keynote|session|presentation|lecture|paper|notes?|recap|write-?up|takeaways|lessons|vortrag|keynote-vortrag|notizen|conférence|présentation|charla|ponencia|palestra|apresentação|intervento|lezing|voordrag|xerrada|ponència|föredrag(?:et)?|foredrag(?:et)?|puhe(?:en|esta|essa)?|esitys|esityksen|esitelmä|előadás\p{L}*|prezentare|prelegere|konuşma\p{L}*|sunum\p{L}*|prelekcj\p{L}*|wykład\p{L}*|přednášk\p{L}*|доклад\p{L}*|доповід\p{L}*|выступлени\p{L}*|ομιλί\p{L}*|διάλεξη|הרצא\p{L}*|محاضر\p{L}*|جلس\p{L}*|वार्ता|व्याख्यान|टॉक)(?!\p{L})|講演|発表|登壇|トーク|セッション|基調|演讲|발표/iu;
/** Quoted segments: “…”, ‘…’, "…", '…' (not an apostrophe), «…», „…“, 「…」, 『…』. */
export const QUOTED =
  /“([^”]{3,200})”|‘([^’]{3,200})’|"([^"]{3,200})"|(?<![\p{L}])'([^']{3,200})'(?![\p{L}])|«\s?([^»]{3,200}?)\s?»|„([^“”]{3,200})[“”]|「([^」]{2,200})」|『([^』]{2,200})』/gu;
/** Where the write-up reads like a talk was given. */
const TALK_READING =
  /\b(?:(?:the|this|her|his|their) (?:talk|keynote|session|presentation|slides|speaker)|on stage|q&a|questions from the (?:room|audience)|speaker|presented|vortrag|講演|発表|登壇)\b/iu;
/** "Jane Doe's 'Title' talk": the possessive before the quote. */
const POSSESSIVE = /([\p{Lu}][\p{L}\p{M}'’.-]+(?:\s+[\p{Lu}][\p{L}\p{M}'’.-]+){1,3})['’]s\s*$/u;

/**
 * The one talk of `post`, from its title `postTitle` (the element `titleEl` when it has one), or null
 * when the post is not a single-talk write-up.
 */
export function singleTalkOfPost(
  post: Element,
  postTitle: string,
  titleEl: Element | null,
  eventPage: boolean,
): SingleTalk | null {
  const title = clean(postTitle);
  if (!title || !(eventPage || TALK_NOUN.test(title))) return null;
  const heading = titleEl ?? post;
  const lead = leadText(post);

  // A quoted title next to a talk word.
  if (TALK_NOUN.test(title.replace(QUOTED, ' '))) {
    const quotes = [...title.matchAll(QUOTED)].map((m) => ({
      text: m.slice(1).find(Boolean) ?? '',
      index: m.index,
    }));
    const best = quotes
      .filter((q) => q.text.split(/\s+/).length >= 2 || /\p{Script=Han}/u.test(q.text))
      .sort((a, b) => b.text.length - a.text.length)[0];
    if (best) {
      const possessive = POSSESSIVE.exec(title.slice(0, best.index));
      const named = possessive?.[1] ? (parsePeople(possessive[1]) ?? []) : [];
      return {
        title: best.text.trim(),
        speakers: named.length ? named : speakersOf(title, best.text, lead),
        heading,
      };
    }
  }

  // A quoted title that the opening introduces as someone's talk ("JSConf JP 2024「T」を聞いてきた" over
  // "…大西航さんの「T」だけを取り上げます"): the writer says whose talk it is, no talk word needed.
  const introduced = talksIntroducedIn(lead.slice(0, 1500)).find((talk) =>
    [...title.matchAll(QUOTED)].some((m) => (m.slice(1).find(Boolean) ?? '').trim() === talk.title),
  );
  if (introduced) return { title: introduced.title, speakers: introduced.speakers, heading };

  // A podcast episode, an interview or a video with a guest reads like a talk, and is none.
  if (NOT_A_TALK_PAGE.test(title) || NOT_A_TALK_PAGE.test(lead.slice(0, 400))) return null;

  // "Keynote: Title", "Notes: Title — Jane Doe (Event 2024)", "Title (Jane Doe)": a talk when the post reads like one.
  // What follows a bar is the event or the site: "T – Jane Doe | Event 2025".
  const bare = title
    .replace(NOTES_PREFIX, '')
    .replace(/\s*[(（](?:[^()（）]*\d{4}[^()（）]*)[)）]\s*$/u, '')
    .replace(/\s+[|·•]\s+[^|·•]*$/u, '');
  const parsed = parseTalkTitle(bare);
  if (
    (parsed.marker || parsed.speakers.length) &&
    parsed.title &&
    eventPage &&
    TALK_READING.test(lead.slice(0, 1500))
  ) {
    return {
      title: parsed.title,
      speakers: parsed.speakers.length ? parsed.speakers : speakersOf(title, parsed.title, lead),
      heading,
    };
  }

  // A report on one talk whose headline is the story: the talk named in quotes where the text opens
  // ("At QCon, Jane Doe presented “The Mesh We Took Out”", "in her talk “…”").
  const named = QUOTED_TALK_IN_LEAD.exec(lead.slice(0, 1200));
  const quoted = named?.slice(1).find(Boolean);
  if (eventPage && quoted && quoted.split(/\s+/).length >= 2 && !announced(lead, named!.index)) {
    return { title: quoted.trim(), speakers: speakersOf(title, quoted, lead), heading };
  }
  return null;
}

/** "Notes:", "My notes on", "Recap:", "Notizen zu", "Notas:" in front of a talk's title. */
const NOTES_PREFIX =
  /^(?:(?:my |talk |session |keynote )?notes?(?: on| from)?|recap|write-?up|summary|takeaways|notizen(?: zu[mr]?)?|notas(?: de| sobre)?|apuntes(?: de)?|メモ|笔记)\s*[:：–—-]\s*/iu;
/** Pages about an episode or an interview rather than a talk. */
const NOT_A_TALK_PAGE = /\b(?:podcast|episode|ep\.\s*\d|show notes|listen (?:now|on)|interview with)\b/iu;
/** A talk named in quotes by a talk word or a speaking verb. */
const QUOTED_TALK_IN_LEAD =
  /\b(?:presented|gave|delivered|(?:her|his|their|the|a) (?:talk|keynote|session|presentation)(?: titled| called| entitled)?)[,:]?\s+(?:a talk |the talk |a session |a keynote )?(?:titled |called |entitled )?(?:“([^”]{3,160})”|"([^"]{3,160})"|‘([^’]{3,160})’|«\s?([^»]{3,160}?)\s?»)/iu;

function speakersOf(postTitle: string, talkTitle: string, lead: string): string[] {
  const presenter =
    /\b(?:presented by|presenter|speaker|given by|talk by|keynote by|vorgetragen von|présenté par|presentado por)\s*[:：]?\s*([\p{Lu}][\p{L}\p{M}'’.-]+(?:\s+(?:de|van|von|der|da|del|la|le)?\s*[\p{Lu}][\p{L}\p{M}'’.-]+){1,3})/u.exec(
      lead,
    );
  const people = presenter?.[1] ? parsePeople(presenter[1]) : null;
  if (people) return people;
  return findSpeakers(talkTitle || postTitle, lead);
}

/** The opening of the post's text, where speakers and talk words are found. */
function leadText(post: Element): string {
  return textUpTo(post, 3000).slice(0, 3000);
}

/**
 * A post about one talk that names it only where it opens, not in its title: "Hazel Moreno's closing
 * talk, <em>T</em>", "gave a RailsConf 2024 talk called “T”" (a podcast episode about one talk), or a
 * phrase of the opening that the page's URL spells (`/the-pager-is-not-the-patient`). Italics count as
 * quotation marks. Taken only when the post's title says it is about a talk, the URL spells the title,
 * or the title names the talk's speaker ("Ep. 112: Priya rebuilt billing on stage"): a news story
 * quoting a talk in passing names one, and is not about it. Null otherwise.
 */
export function talkNamedInOpening(
  post: Element,
  postTitle: string,
  titleEl: Element | null,
  eventPage: boolean,
): SingleTalk | null {
  const title = clean(postTitle);
  if (!title) return null;
  const heading = titleEl ?? post;
  const lead = markedText(post, OPENING_CHARS);
  const slug = slugPhrase(post.ownerDocument, lead, title);
  const titleSaysTalk = TALK_NOUN.test(title);
  const named = NAMED_TALK.exec(lead);
  const quoted = named?.slice(2).find(Boolean)?.trim();
  if (
    named &&
    quoted &&
    quoted.split(/\s+/).length >= 2 &&
    quoted.length <= MAX_QUOTED_TITLE &&
    !announced(lead, named.index)
  ) {
    const possessive = named[1] ? parsePeople(named[1]) : null;
    const speakers = possessive ?? personInSentence(lead, named.index) ?? speakersOf(title, quoted, lead);
    const slugAgrees = slug !== null && slug.toLowerCase() === quoted.toLowerCase();
    if (titleSaysTalk || slugAgrees || namesSomeoneOf(title, speakers))
      return { title: quoted, speakers, heading };
  }
  if (slug && (titleSaysTalk || eventPage))
    return { title: slug, speakers: speakersOf(title, slug, lead), heading };
  return talkInReferenceLine(post, heading, !titleSaysTalk, eventPage);
}

/**
 * A post whose title says it is about a talk ("A talk that changed my mind about Postgres") may name
 * that talk, with its speaker, only in a line set apart from its prose where it opens: a photo's
 * caption ("Jane Doe in the talk «T», room 2"), a quote of the programme ("“T” — Jane Doe" over the
 * abstract), an embedded recording's title bar ("T — Jane Doe | Event 2025"). Such a line names a
 * title and a person, or it is not taken: a caption or a quote alone is any caption or quotation.
 */
function talkInReferenceLine(
  post: Element,
  heading: Element,
  cardsOnly: boolean,
  eventPage: boolean,
): SingleTalk | null {
  let read = 0;
  const walker = post.ownerDocument.createTreeWalker(post, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let node = walker.nextNode(); node && read < OPENING_CHARS; node = walker.nextNode()) {
    const el = node as Element;
    if (el.matches(PROSE_BLOCK) && !el.closest(REFERENCE)) read += textUpTo(el, OPENING_CHARS).length;
    if (!el.matches(REFERENCE) || contextInPost(el, post, REFERENCE_CONTEXT) === 'excluded') continue;
    const card = el.tagName === 'A' ? linkCardTalk(el) : null;
    const line = card ? null : referenceLine(el);
    // Where the post's title says nothing of a talk (or says it in a language detection does not
    // read), a reference line is its talk only when the post's prose quotes that title too.
    const talk =
      card ?? (line ? (cardsOnly ? talkQuotedInProse(line, post, el, eventPage) : talkInLine(line)) : null);
    if (talk) return { ...talk, heading };
  }
  return null;
}

/** ", Build Stuff 2025", ", PyCon SK 2024": an event named with its year, after a comma. */
const EVENT_WITH_YEAR = /,\s*\p{Lu}[\p{L}\p{M}\d.-]*(?:\s+[\p{L}\p{M}\d.-]+){0,3}\s+(?:19|20)\d{2}(?!\d)/u;

/**
 * A reference line naming a title that the post's prose quotes, then, after a dash, its speakers and,
 * where the page is not known to be about an event, the event with its year after a comma: "Recording:
 * T — Jane Doe, Event 2025, City" over "… Jane Doe's talk „T“ …". The title written twice, set apart
 * and quoted, is what the post is about, in any language; a person and an event after it say it is a
 * talk (a book's cover reads "T — Author"). Null otherwise.
 */
function talkQuotedInProse(
  line: string,
  post: Element,
  reference: Element,
  eventPage: boolean,
): { title: string; speakers: string[] } | null {
  const text = clean(post.textContent);
  const own = clean(reference.textContent);
  const at = text.indexOf(own);
  const prose = at < 0 ? text : text.slice(0, at) + text.slice(at + own.length);
  for (const m of prose.matchAll(QUOTED)) {
    const quoted = (m.slice(1).find(Boolean) ?? '').trim();
    const index = line.indexOf(quoted);
    if (index < 0 || quoted.split(/\s+/).length < 2) continue;
    const dash = /^\s*[”"»“]?\s*[-–—]\s*(.+)$/u.exec(line.slice(index + quoted.length));
    const speakers = dash?.[1] ? parsePeopleWithRole(dash[1]) : null;
    if (speakers && (eventPage || EVENT_WITH_YEAR.test(dash![1]!))) return { title: quoted, speakers };
  }
  return null;
}

/**
 * A link card (a link made of blocks: the linked page's title, then its description) whose description
 * says whose talk it links to ("Slides of Jane Doe's talk at Event 2024", "Diapositives de la xerrada
 * de Jane Doe"): the card's title is that talk's, even where the post's title does not say "talk",
 * since the card itself does. A card whose description names no talk or no person is any link.
 */
function linkCardTalk(link: Element): { title: string; speakers: string[] } | null {
  const [title, ...description] = [...link.querySelectorAll(CARD_BLOCK)]
    .filter((block) => !block.querySelector(CARD_BLOCK))
    .map((block) => clean(block.textContent))
    .filter(Boolean);
  if (!title || title.split(/\s+/).length < 2 || title.length > MAX_QUOTED_TITLE || /[.!…。]$/u.test(title))
    return null;
  // "Jane Doe's talk": the person without the possessive.
  for (const line of description.map((d) => d.replace(/(\p{L})['’]s(?!\p{L})/gu, '$1'))) {
    const noun = TALK_NOUN.exec(line);
    if (!noun) continue;
    const speakers = personInSentence(line, noun.index) ?? personInSentence(line, line.length);
    if (speakers) return { title, speakers };
  }
  return null;
}
const CARD_BLOCK = 'div, p, h1, h2, h3, h4, h5, h6';
/** Lines set apart from the prose: captions, quotations, and links (an embed's title bar). */
const REFERENCE = 'figcaption, blockquote, a[href]';
const REFERENCE_CONTEXT = new Set(['FIGURE', 'FIGCAPTION', 'BLOCKQUOTE']);
const PROSE_BLOCK = 'p, li, h2, h3, h4, pre';
/** A reference line is short: a caption or a title bar, not a quoted passage. */
const MAX_REFERENCE_LINE = 300;

/**
 * The line of a reference element: a caption's text, a quotation's first block, a link's text when
 * the link is its line's whole text (not a link inside a sentence).
 */
function referenceLine(el: Element): string | null {
  if (el.tagName === 'A') {
    const holder = el.parentElement;
    const text = clean(el.textContent);
    return holder && text && clean(holder.textContent) === text ? text : null;
  }
  const first = el.tagName === 'BLOCKQUOTE' ? (el.querySelector('p, div') ?? el) : el;
  const text = textUpTo(first, MAX_REFERENCE_LINE);
  return text.length <= MAX_REFERENCE_LINE ? text : null;
}

/**
 * The talk a reference line names with its speaker: "T — Jane Doe | Event" (what follows a bar is the
 * event), "“T” — Jane Doe", or a quoted title with a person before it in its sentence ("Jane Doe in
 * the talk «T», …"). Null when no person is named.
 */
function talkInLine(line: string): { title: string; speakers: string[] } | null {
  const parsed = parseTalkTitle(line.replace(/\s+[|·•]\s+[^|·•]*$/u, ''));
  // A saying ("“Simplicity is a prerequisite.” — E. W. Dijkstra") ends or breaks in a full stop; a title does not.
  if (
    parsed.speakers.length &&
    parsed.title.split(/\s+/).length >= 2 &&
    !/[.!…。](?:\s|$)/u.test(parsed.title)
  )
    return { title: parsed.title, speakers: parsed.speakers };
  const quoted = quotedTitleIn(line);
  if (!quoted) return null;
  const speakers = personInSentence(line, line.indexOf(quoted));
  return speakers ? { title: quoted, speakers } : null;
}
const OPENING_CHARS = 1500;
const MAX_QUOTED_TITLE = 160;
/**
 * A talk noun with its determiner, then the title in quotation marks (or italics, quoted by
 * `markedText`): "her talk “T”", "Jane Doe's closing talk, “T”", "a RailsConf 2024 talk called
 * “T”", "the keynote, titled “T”". Group 1: a possessive name.
 */
const NAMED_TALK = new RegExp(
  String.raw`(?:(?<![\p{L}])(?:a|an|the|her|his|their|this|that)|([\p{Lu}][\p{L}\p{M}'’.-]+(?:\s+[\p{Lu}][\p{L}\p{M}'’.-]+){1,3})['’]s)` +
    String.raw`(?:\s+(?:[\p{Lu}\d][\p{L}\d.+-]*|opening|closing|final|first|last|main|short|lightning|keynote|invited|morning|afternoon))*` +
    String.raw`\s+(?:talk|keynote|session|presentation|lecture)(?:,|:)?\s+(?:(?:titled|called|entitled|named|on)\s+)?` +
    String.raw`(?:“([^”]{3,160})”|"([^"]{3,160})"|‘([^’]{3,160})’|«\s?([^»]{3,160}?)\s?»)`,
  'u',
);

/**
 * The phrase of `lead` that the page's URL slug spells ("/the-pager-is-not-the-patient" and "The Pager
 * Is Not the Patient"), when the slug has three words or more and is not the post title's own slug.
 * The URL is the canonical one when the page declares it, else the document's.
 */
function slugPhrase(doc: Document, lead: string, postTitle: string): string | null {
  const url =
    doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    doc.querySelector('meta[property="og:url"]')?.getAttribute('content') ??
    doc.URL;
  let path = '';
  try {
    path = new URL(url, doc.URL).pathname;
  } catch {
    return null;
  }
  const segment = decodeURIComponent(path.split('/').filter(Boolean).pop() ?? '').replace(/\.\w{2,5}$/, '');
  const words = segment.split(/[-_]+/).filter(Boolean);
  if (words.length < 3 || words.some((w) => !/^[\p{L}\p{N}]+$/u.test(w))) return null;
  const spelled = new RegExp(
    `(?<![\\p{L}\\p{N}])${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(String.raw`[^\p{L}\p{N}]{1,3}`)}(?![p{L}p{N}])`,
    'iu',
  );
  if (spelled.test(postTitle)) return null;
  const m = spelled.exec(lead);
  return m ? m[0] : null;
}

/**
 * The sentence of `lead` that holds `index` speaks of the future ("Jane Doe will deliver the opening
 * keynote, “T”"): a press release or a programme announcing the talk, which no one has written up.
 */
function announced(lead: string, index: number): boolean {
  const ends = SENTENCE_ENDS.map((p) => lead.indexOf(p, index)).filter((i) => i >= 0);
  return speaksOfTheFuture(
    lead.slice(sentenceStart(lead, index), ends.length ? Math.min(...ends) : undefined),
  );
}

const SENTENCE_ENDS = ['. ', '! ', '? '];

/** Where the sentence of `lead` that holds `index` starts: after the last sentence end before it, or at 0. */
function sentenceStart(lead: string, index: number): number {
  const ends = SENTENCE_ENDS.map((p) => lead.lastIndexOf(p, index)).filter((i) => i >= 0);
  return ends.length ? Math.max(...ends) + 2 : 0;
}

/**
 * The first person named in the sentence of `lead` that holds `index`. Two capitalised words are no name
 * when they hold a talk noun, or when the first is an article opening the sentence: German capitalises
 * its nouns, and any language its first word ("Ein Vortrag über …", "The Keynote …").
 */
function personInSentence(lead: string, index: number): string[] | null {
  const start = sentenceStart(lead, index);
  const sentence = lead.slice(start, index);
  for (const m of sentence.matchAll(/[\p{Lu}][\p{L}\p{M}'’-]+(?:\s+[\p{Lu}][\p{L}\p{M}'’-]+){1,3}/gu)) {
    if (TALK_NOUN.test(m[0])) continue;
    if (m.index === 0 && SENTENCE_ARTICLE.test(m[0])) continue;
    const people = parsePeople(m[0]);
    if (people) return people;
  }
  return null;
}
/** Articles that open a sentence before a capitalised noun (English, German, Dutch, French, Spanish). */
const SENTENCE_ARTICLE = /^(?:the|an?|eine?[mnrs]?|die|das|der|dem|den|een|het|de|une?|el|la|le)\s/iu;

/** True when `title` holds a word of one of `people`'s names ("Priya rebuilt billing on stage"). */
function namesSomeoneOf(title: string, people: string[]): boolean {
  const words = new Set(title.toLowerCase().split(/[^\p{L}\p{M}]+/u));
  return people.some((p) =>
    p
      .toLowerCase()
      .split(/\s+/)
      .some((w) => w.length > 2 && words.has(w)),
  );
}

/**
 * A post whose own heading is a headline ("The best hour of the conference") may name its talk only in
 * the document's title, as a social card does: a quoted title with its speaker after a dash or "by"
 * ("Notes: „T” – Jane Doe at Event 2024"), or an unquoted one that the post's opening quotes (below).
 * A quote alone is any quotation, a person alone any byline.
 */
export function talkNamedInPageTitle(pageTitle: string, heading: Element, post: Element): SingleTalk | null {
  if (NOT_A_TALK_PAGE.test(pageTitle)) return null;
  for (const m of pageTitle.matchAll(QUOTED)) {
    const quoted = (m.slice(1).find(Boolean) ?? '').trim();
    if (quoted.split(/\s+/).length < 2) continue;
    const after = pageTitle.slice(m.index + m[0].length);
    const by =
      /^\s*(?:[-–—,|]|by|von|par|por|de|di|door|av|oleh)\s*((?:[\p{Lu}][\p{L}\p{M}'’.-]*\s*){2,4})/u.exec(
        after,
      );
    const people = by?.[1] ? parsePeople(by[1].trim()) : null;
    if (people) return { title: quoted, speakers: people, heading };
  }
  return talkOfPageTitleQuotedInOpening(pageTitle, heading, post);
}

/**
 * "T — Jane Doe, Event 2024" as the document's title (the writer's framing, "Notes:", and the event
 * taken off), and the same T in quotation marks where the post opens ("I heard Jane Doe's talk „T“",
 * in any language): two places naming one talk, which a headline over an essay does not do. The
 * speakers are the page title's, or the person named in the sentence that quotes the title.
 */
function talkOfPageTitleQuotedInOpening(
  pageTitle: string,
  heading: Element,
  post: Element,
): SingleTalk | null {
  const parsed = parseTalkTitle(pageTitle.replace(NOTES_PREFIX, '').replace(EVENT_SUFFIX, ''));
  if (parsed.title.split(/\s+/).length < 2) return null;
  const lead = markedText(post, OPENING_CHARS);
  const same = (text: string) => clean(text).toLowerCase() === parsed.title.toLowerCase();
  const quote = [...lead.matchAll(QUOTED)].find((m) => same(m.slice(1).find(Boolean) ?? ''));
  if (!quote) return null;
  const speakers = parsed.speakers.length ? parsed.speakers : (personInSentence(lead, quote.index) ?? []);
  return { title: parsed.title, speakers, heading };
}
/** The event after a title: ", PyCon Estonia 2024", "(RustConf 2024)", "at DevTalks 2024", "la DevTalks 2024". */
const EVENT_SUFFIX =
  /\s*(?:[(（][^()（）]*\d{4}[^()（）]*[)）]|[,，]\s*[^,，]*\d{4}|\s(?:at|@|la|auf|à|en|na|op|w|v|на|в)\s+[^,，]*\d{4})\s*$/u;
