/**
 * The lines of a post that could introduce a talk, in the forms write-ups use: headings; bold lines
 * (`<p><b>Title</b> – Speaker</p>`) and, on blogs without markup, short plain lines; a list item that
 * opens with a bold title (lightning talks) or with a linked one and its speakers; a definition term; a
 * row of a table with a talk column; a `<details>` toggle's summary; a link card to a recording; a
 * paragraph that introduces a talk in prose; the first line of each block of a run of like blocks
 * (`blocks.ts`). Each comes parsed (title, speakers, marker) and with its structural role when it is
 * not a title.
 */
import { type BlockLine, blockLines, blockLinesAround } from './blocks';
import { cardFields, withoutBadge } from './boxes';
import { linkedTitleIn, notesUpToNextLinkedTitle, speakersNamedAgain } from './linked-titles';
import { talkOpenedBy } from './openings';
import { outlineItemLine } from './outline';
import {
  caselessName,
  honorificsAmong,
  isCjkName,
  nameWordRecurs,
  nominativeIn,
  parsePeople,
} from './people';
import { speakerLine } from './speaker-phrases';
import { recordTalk } from './records';
import { columnsByContent, namesNoOneIn } from './tables';
import { quotedTitleIn, talksIntroducedIn, THREAD_NUMBER } from './prose';
import type { DeclaredTalk } from './structured-data';
import {
  MATH_ALPHANUMERIC,
  blocksAfter,
  childElements,
  clean,
  contextInPost,
  HEADINGS,
  headingLevel,
  headingText,
  isHidden,
  markedText,
  textUpTo,
  tokens,
  visibleText,
} from './dom';
import { type ParsedTitle, parseTalkTitle } from './title-parse';
import { isBold } from './typography';
import { type HeadingRole, headingRole } from './vocabulary';

export type CandidateKind =
  | 'heading'
  | 'line'
  | 'plain'
  | 'item'
  | 'term'
  | 'row'
  | 'toggle'
  | 'card'
  | 'prose'
  | 'block'
  | 'box';

export interface Candidate {
  /** Where the talk starts: the heading, line, list item, `<dt>`, table row, toggle, card or paragraph. */
  el: Element;
  kind: CandidateKind;
  /** 1-6 for headings, 7 for lines, cards and prose, 8 for items, terms, rows and toggles (they own their content instead). */
  level: number;
  /** The raw visible text of the title part. */
  text: string;
  parsed: ParsedTitle;
  role: HeadingRole | null;
  /** For items, terms, rows and toggles: the elements the talk consists of. */
  owns: Element[] | null;
  /** People named on a "Speaker: …" line or in a speaker column. */
  listedSpeakers: string[];
  /** In the post's `<header>`. */
  inHeader: boolean;
  /** The talk the page declares under this title, in its JSON-LD or in an agenda table (detect.ts), if any. */
  declared?: DeclaredTalk | null;
  /** Set when the reader's rules for the site say what this line is: nothing overrides them. */
  ruled?: boolean;
  /** Set when the other lines of its form confirm that "Jane Doe: Title" names the speaker first. */
  prefixConfirmed?: boolean;
  /** A heading naming only its speakers, titled by the opening of its section (`titleUnderPeople`). */
  titleUnderPeople?: boolean;
}

/** Links to a talk's page, schedule entry, recording (YouTube under any of its domains) or slides. */
export const TALK_LINK =
  /\/(?:schedule|talks?|sessions?|events?|program(?:me)?|agenda|speakers?|slides)\b|\byoutube(?:-nocookie)?\.[a-z.]{2,12}\/|youtu\.be|vimeo\.com|speakerdeck\.com|slideshare\.net|media\.ccc\.de|pretalx|sessionize|sched\.com/i;

/** Lines longer than this are prose, not titles. */
const MAX_LINE = 160;
const CANDIDATE_TAG = /^(?:H[1-6]|P|DIV|SECTION|LI|DL|DT|TABLE|DETAILS|A)$/;
/** Post meta lines ("Posted on <time> by ..."): never talk titles. */
const META_TOKEN =
  /meta|byline|author|date|posted|tags|categor|caption|credit|subtitle|dek|kicker|admonition-title/i;
const TALK_COLUMN =
  /^(?:talks?|titles?|sessions?|talk titles?|presentations?|vortr(?:a|ä)ge?|titel|titre|título|titulo|charlas?|sess(?:ão|ões|ao|oes)|palestras?|sesión|sesiones|доклад|доповідь|prelekcja|přednáška|konuşma|sesi|phiên|主题|题目|タイトル|講演|セッション|演題|topic)$/iu;
const SPEAKER_COLUMN =
  /^(?:speakers?|speaker\(s\)|presenters?|presented by|by|who|sprecher(?:in)?(?:\(innen\))?|referent(?:in)?(?:en)?|intervenants?|orateurs?|ponentes?|sprekers?|докладчики?|спикеры?|prelegen(?:t|tka|ci|tki)|přednášející|доповідач(?:і|ка)?|konuşmacı(?:lar)?|pembicara|narasumber|diễn giả|登壇者|講演者|発表者|발표자|讲师|讲者|講師|講者|演講者|主講人?)$/iu;
/** Every candidate line of `post`, in document order. */
export function collectCandidates(post: Element): Candidate[] {
  const out: Candidate[] = [];
  // Record boxes read as one talk each: their own terms are its fields, not talks.
  const records = new Set<Element>();
  // A tree walk, not querySelectorAll: one pass, and the tag test is all it needs.
  const walker = post.ownerDocument.createTreeWalker(post, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node as Element;
    if (!CANDIDATE_TAG.test(el.tagName)) continue;
    if (/^H[1-6]$/.test(el.tagName)) pushHeading(out, el, post);
    else if (el.tagName === 'LI') pushItem(out, el, post);
    else if (el.tagName === 'DL') pushRecord(out, el, post, records);
    else if (el.tagName === 'DT') {
      if (!records.has(el.parentElement!)) pushTerm(out, el, post);
    } else if (el.tagName === 'TABLE') pushRows(out, el, post);
    else if (el.tagName === 'DETAILS') pushToggle(out, el, post);
    else if (el.tagName === 'A') pushCard(out, el, post);
    else pushLineOrProse(out, el, post);
  }
  keepSpeakerFirstForms(out);
  withoutHonorifics(out, post);
  return out;
}

/**
 * Lines naming their speakers last in a script without letter case, with an honorific at the name's edge
 * ("T — ஸ்ரீநிதி வெங்கடேசன் அவர்கள்"): the honorific makes the names as long as the title, so the line was
 * read as naming no one. Where the page writes that word beside another person's name too
 * (`honorificsAmong`), the line is read again without it.
 */
function withoutHonorifics(out: Candidate[], post: Element): void {
  const tails = out.map((c) => (c.parsed.speakers.length ? null : caselessTail(c.text)));
  const read = out.flatMap((c) => c.parsed.speakers.filter((p) => caselessName(p)));
  const unread = tails.filter((t): t is string => t !== null);
  if (!unread.length || read.length + unread.length < 2) return;
  const honorifics = honorificsAmong([...read, ...unread], clean(post.textContent));
  if (!honorifics.size) return;
  out.forEach((c, i) => {
    const tail = tails[i];
    if (!tail) return;
    const name = tail
      .split(/\s+/)
      .filter((w, k, words) => !((k === 0 || k === words.length - 1) && honorifics.has(w)))
      .join(' ');
    if (name === tail) return;
    const reread = withCaselessSpeakers(
      parseTalkTitle(`${c.text.slice(0, -tail.length)}${name}`),
      c.el,
      c.owns,
    );
    if (reread.speakers.length) c.parsed = reread;
  });
}

/** The names after a line's last dash, when they are two to four words of a script without letter case. */
function caselessTail(text: string): string | null {
  const tail = /\s[-–—]\s+([^-–—]+)$/u.exec(text)?.[1]?.trim();
  const words = tail?.split(/\s+/) ?? [];
  return tail && words.length >= 2 && words.length <= 4 && words.every((w) => caselessName(w)) ? tail : null;
}

/**
 * A heading naming a person over a section that opens with a quoted phrase is any profile or interview;
 * two headings of one level that read so are a speaker-first write-up. A lone one stays a plain heading.
 */
function keepSpeakerFirstForms(out: Candidate[]): void {
  const read = out.filter((c) => c.titleUnderPeople);
  for (const c of read) {
    if (read.filter((o) => o.level === c.level).length >= 2) continue;
    c.parsed = parseTalkTitle(c.text);
    c.titleUnderPeople = false;
  }
}

/**
 * The talks of runs of like sibling blocks (`blocks.ts`), each owning its block: read apart from the
 * other forms, since detect.ts asks for them only where no other form names talks.
 */
export function collectBlockCandidates(post: Element): Candidate[] {
  return blockLines(post).map(blockCandidate);
}

/** The block candidates of the runs that hold `elements` (`blockLinesAround`). */
export function collectBlockCandidatesAround(elements: readonly Element[], post: Element): Candidate[] {
  return blockLinesAround(elements, post).map(blockCandidate);
}

function blockCandidate({ el, text, parsed, owns, linked }: BlockLine): Candidate {
  const candidate = {
    ...make(el, 'block', 8, text, { owns }),
    parsed: withCaselessSpeakers(parsed, el, owns),
  };
  // A line linked to its recording names a talk even when it opens like a structural line ("What we learned …").
  if (linked) candidate.role = null;
  return candidate;
}

function make(
  el: Element,
  kind: CandidateKind,
  level: number,
  text: string,
  extra: Partial<Candidate> = {},
): Candidate {
  return {
    el,
    kind,
    level,
    text,
    parsed: withCaselessSpeakers(parseTalkTitle(text), el, extra.owns ?? null),
    role: headingRole(text),
    owns: null,
    listedSpeakers: [],
    inHeader: false,
    ...extra,
  };
}

/**
 * A line whose speakers are written in a script without letter case ("T – נועה לוי", "रोहित मल्होत्रा —
 * T") names them when the talk's notes name a person again, as writers do ("נועה מובילה…", "रोहित ने…"):
 * then the line's title is without them. A phrase on the short side ("दोपहर का खाना", lunch) does not
 * come back as a name, and the line stays as it was.
 */
function withCaselessSpeakers(parsed: ParsedTitle, el: Element, owns: Element[] | null): ParsedTitle {
  const reading = parsed.caseless;
  if (!reading) return parsed;
  // A talk that owns its block holds its own line: the name there is not a second mention.
  const notes = (person: string) =>
    owns ? clean(owns.map((o) => o.textContent).join(' ')).replace(person, ' ') : notesAfter(el);
  if (!reading.speakers.some((person) => nameWordRecurs(person, notes(person), 'clitic'))) return parsed;
  return { ...parsed, title: withoutLabel(reading.title), speakers: reading.speakers, caseless: null };
}

/**
 * "முதன்மை உரை: Building for the Next Billion Users" (keynote: T): a label in the page's own script before a
 * title written wholly in Latin letters is the line's kind or track, not the title's first part: a title's
 * own parts share its script. A title in the page's script keeps its colon ("Compose-இல் …: …").
 */
function withoutLabel(title: string): string {
  const m = /^([^:：]{2,40}?)\s*[:：]\s+(\S.*)$/u.exec(title);
  if (!m?.[1] || !m[2]) return title;
  const latin = (text: string) => /\p{Script=Latin}/u.test(text);
  const other = (text: string) => /[^\P{L}\p{Script=Latin}]/u.test(text);
  return !latin(m[1]) && other(m[1]) && latin(m[2]) && !other(m[2]) ? m[2] : title;
}

/** The text after `el` up to the next heading, as much as speakers are named again in. */
function notesAfter(el: Element): string {
  const parts: string[] = [];
  let length = 0;
  const root = el.ownerDocument.body ?? el.ownerDocument.documentElement;
  for (const block of blocksAfter(el, root)) {
    if (block.matches(HEADINGS) || length >= NOTES_CHARS) break;
    const text = textUpTo(block, NOTES_CHARS);
    parts.push(text);
    length += text.length;
  }
  return parts.join('\n');
}
const NOTES_CHARS = 800;

function pushHeading(out: Candidate[], el: Element, post: Element): void {
  const text = headingText(el);
  if (!text || text.length > MAX_LINE * 2) return;
  const context = contextInPost(el, post);
  if (context === 'excluded') return;
  const candidate = make(el, 'heading', headingLevel(el), text, {
    inHeader: context === 'header',
    listedSpeakers: speakerLineAfter(el, post, text),
  });
  const named = context === 'content' ? talkNamedUnderSpeakers(el, post, text) : null;
  if (named) candidate.parsed = named.parsed;
  if (named && !named.byMarker) candidate.titleUnderPeople = true;
  out.push(candidate);
}

/**
 * A heading that only names people ("Anna Sokolova", "Jane Doe and John Roe") and a line right under
 * it that names a talk with a marker ("Talk: “Title”", "Доклад: «…»", "基調講演「…」"): the heading
 * introduces that talk, given by those people. Without a marker line, the talk's title may stand where
 * its section opens in a form any language shares (`titleUnderPeople`).
 */
function talkNamedUnderSpeakers(
  el: Element,
  post: Element,
  text: string,
): { parsed: ParsedTitle; byMarker: boolean } | null {
  const people = parsePeople(text);
  if (!people) return null;
  let seen = 0;
  for (const block of blocksAfter(el, post)) {
    if (block.matches(HEADINGS) || block.querySelector(HEADINGS)) return null;
    const line = textUpTo(block, MAX_LINE);
    if (!line) continue;
    if (line.length <= MAX_LINE) {
      const parsed = parseTalkTitle(line);
      if (parsed.marker && parsed.title && !/[.!?…。]$/u.test(parsed.title))
        return { parsed: { ...parsed, ...byPeople(people) }, byMarker: true };
    }
    // Any two to eight Han or kana characters read as a name ("質疑応答" too): only names in a script
    // with letter case are sure enough to stand for a talk without a marker.
    const title = people.some(isCjkName) ? null : titleUnderPeople(block, people);
    if (title) return { parsed: { ...parseTalkTitle(title), ...byPeople(people) }, byMarker: false };
    if (++seen >= 3) return null;
  }
  return null;
}

const byPeople = (people: string[]) => ({ speakers: people, prefixPeople: [], titleAfterPrefix: null });

/**
 * Where a heading only names a speaker (a speaker-first write-up: "Zuzana Hudecová" over her talk), the
 * talk's title stands where the section opens, in forms that need no word of the language: a caption
 * naming the same person with a title ("Zuzana Hudecová: T (room A, 11:10)", "T — Zuzana Hudecová"), a
 * quoted title in the opening sentence ("… mal názov „T“."), or a title after a colon that ends that
 * sentence ("… na slajde: T."). Null when the block names none. Taken as talks only where two headings of
 * a form read so (`collectCandidates`): one person over a quoted phrase is any profile.
 */
function titleUnderPeople(block: Element, people: string[]): string | null {
  const caption = block.matches('figure') ? block.querySelector('figcaption') : null;
  if (caption) {
    const line = clean(caption.textContent).replace(/\s*\([^()]*\d[^()]*\)$/u, '');
    const parsed = parseTalkTitle(line);
    const named = [...parsed.speakers, ...parsed.prefixPeople];
    if (parsed.title && people.every((p) => named.includes(p)))
      return parsed.titleAfterPrefix ?? parsed.title;
    return null;
  }
  if (block.tagName !== 'P') return null;
  const text = textUpTo(block, MAX_LINE * 3);
  const first = /^.+?[.!?…。](?=\s|$)/u.exec(text)?.[0] ?? text;
  const quoted = quotedTitleIn(first);
  if (quoted) return quoted;
  const afterColon = /:\s+(\p{Lu}[^:.!?]{3,120})[.!?]?$/u.exec(first)?.[1]?.trim();
  return afterColon && afterColon.split(/\s+/).length >= 2 ? afterColon : null;
}

/** A line (below), else a paragraph that introduces a talk (`pushProse`). */
function pushLineOrProse(out: Candidate[], el: Element, post: Element): void {
  // Cheap tests first: most divs of a page are containers or prose; a few are cards.
  if (el.tagName !== 'P' && childElements(el).some((child) => BLOCK_CHILD.test(child.tagName))) {
    pushBox(out, el, post);
    return;
  }
  const raw = textUpTo(el, MAX_LINE * 2);
  if (!/\p{L}/u.test(raw)) return;
  const before = out.length;
  if (raw.length <= MAX_LINE * 2) pushLine(out, el, post);
  if (out.length === before) pushBoldLead(out, el, post);
  if (out.length === before)
    pushProse(out, el, post, el.querySelector(MARKED) ? markedText(el, MAX_LINE * 2) : raw);
}

/** Han, kana and Hangul: one of them says about what two Latin letters say. */
const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/** The length of a text in Latin letters' worth: a wide character counts twice. */
function proseWidth(text: string): number {
  return text.length + (text.match(WIDE)?.length ?? 0);
}

/** A bold-only line, a bold title followed by its speakers, or a short plain line before prose. */
function pushLine(out: Candidate[], el: Element, post: Element): void {
  const text = visibleText(el);
  if (!text || text.length > MAX_LINE) return;
  if (el.querySelector('br, time, img') || tokens(el).some((t) => META_TOKEN.test(t))) return;
  const bold = boldPrefix(el);
  const badged = bold ? null : withoutBadge(el);
  const plain = !bold && !badged && !/[.,;:!?…]$/.test(text) && !el.querySelector('b, strong, a');
  if (!bold && !plain && !badged) return;
  if (contextInPost(el, post) !== 'content') return;
  const next = nextBlockText(el, post);
  if (!next) return;
  if (badged) {
    // "<span>01</span><span>Title</span>": a badge sets the line apart as bold would.
    out.push(make(el, 'line', 7, badged, { listedSpeakers: speakerLineAfter(el, post) }));
    return;
  }
  if (bold === text) {
    // Titles end without sentence punctuation; a question is still a title ("Dude, Where's My Microservice?").
    if (/[.,;:]$/.test(text)) return;
    out.push(make(el, 'line', 7, text, { listedSpeakers: speakerLineAfter(el, post) }));
    return;
  }
  if (bold) {
    // "<b>Title</b> – Speaker": the rest of the line names people only.
    const rest = text.slice(bold.length).replace(/^\s*(?:[-–—|,:]|by\b)\s*/u, '');
    const people = parsePeople(rest.replace(/^[(（]|[)）]$/gu, ''));
    // "<b>Title</b> (lightning talk by Jane Doe)": the kind of talk and its speakers.
    if (people || parseTalkTitle(text).speakers.length) out.push(make(el, 'line', 7, text));
    return;
  }
  // Followed by prose: a longer paragraph that reads like sentences (a danda, "।", ends Hindi ones).
  if (proseWidth(next) < Math.max(80, proseWidth(text) * 2) || !/[.!?:…)"”。।؟۔]$/u.test(next)) return;
  out.push(make(el, 'plain', 7, text));
}
/**
 * "<p><b>Title</b>, by Jane Doe. Notes…</p>": a paragraph that opens with a bold title, names its
 * speakers in the sentence the title opens, and goes on with the notes (a callout's first paragraph).
 */
function pushBoldLead(out: Candidate[], el: Element, post: Element): void {
  const bold = boldPrefix(el);
  if (!bold || bold.length > MAX_LINE || /[.:;]$/.test(bold)) return;
  const rest = textUpTo(el, bold.length + 120).slice(bold.length);
  const by = BOLD_LEAD_BY.exec(rest);
  const people = by?.[1] ? parsePeople(by[1]) : null;
  if (!people || contextInPost(el, post) !== 'content') return;
  out.push(make(el, 'line', 7, `${bold} — ${people.join(' and ')}`));
}
const BOLD_LEAD_BY = /^\s*,?\s*(?:by|von|par|por|door|di|av|oleh|[-–—])\s+([^.!?;:()]{3,80}?)\s*[.;:!]\s/u;

/** Emphasis and user tags, which `markedText` reads as quotes and handles. */
const MARKED = 'em, i, cite, .ljuser, [data-ljuser], .h-card, .mention';
const BLOCK_CHILD = /^(?:P|DIV|UL|OL|TABLE|BLOCKQUOTE|PRE|SECTION|ARTICLE|H[1-6]|DL|FIGURE)$/;

/**
 * A paragraph (or a post of a thread) that introduces a talk in its first sentences: a person's name
 * and, right after it, a quoted title ("Next up, Jane Doe on “Title”.").
 */
function pushProse(out: Candidate[], el: Element, post: Element, opening: string): void {
  const talk = /[“‘«„"「『《»]/u.test(opening)
    ? (talksIntroducedIn(opening.slice(0, PROSE_OPENING), true)[0] ?? numberedThreadTalk(opening))
    : null;
  if (contextInPost(el, post) !== 'content' || tokens(el).some((t) => META_TOKEN.test(t))) return;
  if (!talk) {
    // A title linked to its recording or slides inside a sentence (linked-titles.ts), or a paragraph
    // opening with its talk's title and speaker (openings.ts).
    const linked = linkedTitleIn(el);
    if (linked) pushLinkedTitle(out, el, post, linked);
    else pushOpening(out, el, opening);
    return;
  }
  const candidate = make(el, 'prose', 7, talk.title);
  // "za Marka Vukovića": a name in a grammatical case, recorded as the paragraph's sentences name it.
  const paragraph = textUpTo(el, PROSE_TEXT);
  const speakers = talk.speakers.map((name) => nominativeIn(name, paragraph));
  candidate.parsed = { ...candidate.parsed, title: talk.title, speakers };
  // A thread's numbered post ("🎤 2/ … “Title”") names its talk as "Talk 2:" would: a marker.
  if (THREAD_NUMBER.test(opening) && quotedTitleIn(opening) === talk.title) candidate.parsed.marker = 'talk';
  out.push(candidate);
}

/**
 * A live-threader numbers the posts of a thread ("🎤 2/ Next, Jörg from the Fedora side with “T”."):
 * a numbered post with a quoted title names that talk even when its speaker is named by first name
 * only (then no one). detect.ts takes it only among a thread's posts that open by introducing talks.
 */
function numberedThreadTalk(opening: string): { title: string; speakers: string[] } | null {
  if (!THREAD_NUMBER.test(opening)) return null;
  const title = quotedTitleIn(opening.slice(0, PROSE_OPENING));
  return title ? { title, speakers: [] } : null;
}
/** How far into a paragraph a talk it introduces is named (at most what `pushLineOrProse` reads). */
const PROSE_OPENING = MAX_LINE * 2;
/** How much of the paragraph is read for the form its speakers' names take as a sentence's subject. */
const PROSE_TEXT = 1200;

/**
 * A list item that opens with a bold title, "<li><strong>Title</strong> (Jane Doe). Notes…</li>", or with
 * a link to a talk's page (its schedule entry, recording or slides) followed by its speakers,
 * "<li><p><a>Title</a> — Jane Doe</p><p>Notes…</p></li>", and notes on it. Other links lists read the
 * same ("<a>Post</a> — why it is worth reading", "<a>Post</a> — Its Author") and are no talks.
 */
function pushItem(out: Candidate[], el: Element, post: Element): void {
  const bold = boldPrefix(el);
  const linked = bold ? null : linkPrefix(el);
  if (!bold && !linked) {
    pushOutlineItem(out, el, post);
    return;
  }
  const lead = bold ?? linked?.title;
  if (!lead || lead.length < 4 || /[:：]$/.test(lead) || lead.split(/\s+/).length < 2) return;
  if (contextInPost(el, post, LIST) === 'excluded') return;
  const full = linked ? linked.line : visibleText(el);
  // The speakers right after the title: "(Jane Doe).", " – Jane Doe:", " by Jane Doe."
  const after = full.slice(lead.length);
  const suffix = /^\s*(?:[(（][^()（）]{2,80}[)）]|(?:[-–—]|by)\s+[^.:;()]{2,60})/u.exec(after)?.[0] ?? '';
  const line = clean(lead + suffix);
  const item = make(el, 'item', 8, line, { owns: [el] });
  // A linked title with its speakers and nothing more is a reference ("slides I learned from"), not a
  // talk written up.
  if (linked && (!item.parsed.speakers.length || textUpTo(el, line.length + 40).length < line.length + 20))
    return;
  out.push(item);
}

/**
 * An outline item (outline.ts): its line over the items of its notes, which it owns; else an item that
 * opens with its talk's title and speaker and goes on with the notes (openings.ts), owning itself.
 */
function pushOutlineItem(out: Candidate[], el: Element, post: Element): void {
  if (contextInPost(el, post, LIST) === 'excluded') return;
  const line = outlineItemLine(el);
  if (line) out.push(make(el, 'item', 8, line, { owns: [el] }));
  else pushOpening(out, el, textUpTo(el, PROSE_OPENING), [el]);
}

/** A paragraph naming its talk by a linked title, with the people its sentence names in a caseless script. */
function pushLinkedTitle(out: Candidate[], el: Element, post: Element, title: string): void {
  const candidate = make(el, 'prose', 7, title);
  if (!candidate.parsed.speakers.length) {
    const notes = notesUpToNextLinkedTitle(el, post);
    const speakers = speakersNamedAgain(el, title, notes, post.textContent ?? '');
    if (speakers.length) candidate.parsed = { ...candidate.parsed, speakers };
  }
  out.push(candidate);
}

/** A block opening with its talk's title and speaker, as a paragraph introducing a talk (`prose`). */
function pushOpening(out: Candidate[], el: Element, opening: string, owns: Element[] | null = null): void {
  const talk = talkOpenedBy(opening, owns !== null);
  if (!talk) return;
  const candidate = make(el, 'prose', 7, talk.title, { owns });
  candidate.parsed = { ...candidate.parsed, title: talk.title, speakers: talk.speakers, caseless: null };
  out.push(candidate);
}

/**
 * The link to a talk's page an element opens with (inside its first paragraph, if it has one), and the
 * text of the line it stands in.
 */
function linkPrefix(el: Element): { title: string; line: string } | null {
  let host = el;
  let first = firstContent(host);
  if (first?.nodeType === 1 && /^(?:P|DIV)$/.test((first as Element).tagName)) {
    host = first as Element;
    first = firstContent(host);
  }
  if (first?.nodeType !== 1 || (first as Element).tagName !== 'A') return null;
  if (!TALK_LINK.test((first as Element).getAttribute('href') ?? '')) return null;
  const title = visibleText(first as Element);
  const line = textUpTo(host, MAX_LINE * 2);
  return title && line.startsWith(title) ? { title, line } : null;
}

/** The first child node of `el` that is not blank text. */
function firstContent(el: Element): ChildNode | null {
  let node = el.firstChild;
  while (node && node.nodeType === 3 && !node.textContent?.trim()) node = node.nextSibling;
  return node;
}
const LIST = new Set(['LI']);

/** A definition term, with the descriptions that follow it. */
function pushTerm(out: Candidate[], el: Element, post: Element): void {
  if (contextInPost(el, post, TERM) === 'excluded') return;
  const text = visibleText(el);
  if (!text || text.length > MAX_LINE) return;
  const owns = [el];
  for (let sib = el.nextElementSibling; sib && sib.tagName === 'DD'; sib = sib.nextElementSibling)
    owns.push(sib);
  if (owns.length < 2) return;
  const listed = owns.slice(1).flatMap((dd) => speakerLinesIn(dd));
  out.push(make(el, 'term', 8, text, { owns, listedSpeakers: listed }));
}
const TERM = new Set(['DL', 'DT']);

/** A `<dl>` of fields naming a talk and its people (`records.ts`): one talk that owns the box. */
function pushRecord(out: Candidate[], el: Element, post: Element, records: Set<Element>): void {
  if (contextInPost(el, post, TERM) === 'excluded') return;
  const talk = recordTalk(el, post);
  if (!talk) return;
  records.add(el);
  const parsed = parseTalkTitle(talk.title);
  out.push({
    ...make(el, 'term', 8, talk.title, { owns: [el], listedSpeakers: talk.speakers }),
    parsed: { ...parsed, speakers: talk.speakers, marker: parsed.marker ?? talk.marker },
  });
}

/**
 * A toggle (`<details>`): its `<summary>` line is read like a heading, and the talk is the whole toggle,
 * open or closed.
 */
function pushToggle(out: Candidate[], el: Element, post: Element): void {
  const summary = el.firstElementChild;
  if (summary?.tagName !== 'SUMMARY') return;
  const text = visibleText(summary);
  if (!text || text.length > MAX_LINE || contextInPost(el, post, TOGGLE) === 'excluded') return;
  const body = childElements(el).filter((child) => child !== summary);
  const listed = body.flatMap((block) => speakerLinesIn(block)).slice(0, 8);
  out.push(make(el, 'toggle', 8, text, { owns: [el], listedSpeakers: listed }));
}
const TOGGLE = new Set(['DETAILS']);

/**
 * A link card to a talk's recording, slides or page: a block that holds nothing but one link, itself
 * made of blocks (a title line, a description, the site's name), as blogs render a pasted video link.
 * Its first line is read like a heading ("[Event 2024] Title / Speaker").
 */
function pushCard(out: Candidate[], link: Element, post: Element): void {
  if (!TALK_LINK.test(link.getAttribute('href') ?? '') || !link.querySelector(CARD_BLOCK)) return;
  const text = clean(link.textContent);
  if (!text) return;
  let card = link;
  while (card.parentElement && card.parentElement !== post && clean(card.parentElement.textContent) === text)
    card = card.parentElement;
  if (card === link || contextInPost(card, post, CARD) === 'excluded') return;
  // The card's first line: the linked page's title, in a block of its own or set inline (a `<strong>`)
  // before the blocks of its description.
  const title = firstLine(link);
  if (!title || title.length > MAX_LINE) return;
  out.push(make(card, 'card', 7, title, { listedSpeakers: speakerLineAfter(card, post) }));
}
const CARD_BLOCK = 'p, div, h1, h2, h3, h4, h5, h6';
const CARD = new Set(['FIGURE']);

/** The rows of a table whose header has a talk (title) column. */
function pushRows(out: Candidate[], table: Element, post: Element): void {
  if (contextInPost(table, post, TABLE) === 'excluded') return;
  const header = table.querySelector('tr');
  if (!header) return;
  // A header of one cell over wider rows is a caption: a record's box (a wiki's infobox, "Talk" over
  // "Speaker | Jane Doe" and "Hall | 1"), whose rows are its fields, not talks.
  if (header.children.length === 1 && Number(header.firstElementChild?.getAttribute('colspan') ?? 1) > 1)
    return;
  const names = childElements(header).map((cell) => clean(cell.textContent));
  const named = names.findIndex((n) => TALK_COLUMN.test(n));
  // A first row of plain cells naming no column is a row like the others: a table without a header.
  const headed =
    named >= 0 || header.querySelector('th') !== null || header.parentElement?.tagName === 'THEAD';
  const rows = [...table.querySelectorAll('tr')].filter(
    (row) => !(row === header && headed) && !row.querySelector('th') && !isHidden(row),
  );
  // Columns named in words detection reads, else found by what their cells hold (tables.ts).
  const byContent = columnsByContent(rows.map((row) => childElements(row)));
  const talkColumn = named >= 0 ? named : (byContent?.talk ?? -1);
  if (talkColumn < 0) return;
  const speakerColumn = named >= 0 ? names.findIndex((n) => SPEAKER_COLUMN.test(n)) : byContent!.speaker;
  for (const row of rows) {
    const cell = row.children[talkColumn];
    const text = cell ? withKindLabel(cell) : '';
    if (!text || text.length > MAX_LINE) continue;
    const speakerCell = speakerColumn >= 0 ? row.children[speakerColumn] : undefined;
    // Registration, lunch, the party: in a table whose rows name their people, a row naming no one.
    if (byContent?.speaker === speakerColumn && namesNoOneIn(childElements(row), byContent)) continue;
    const listed = speakerCell ? (parsePeople(visibleText(speakerCell)) ?? []) : [];
    out.push(make(row, 'row', 8, text, { owns: [row], listedSpeakers: listed }));
  }
}
const TABLE = new Set(['TABLE']);

/**
 * The text of a title cell whose first element is a label of its own (a wiki's status lozenge, a
 * badge: `<span>Keynote</span> <a>Title</a>`): the label and the title run together as text, so the
 * label is set apart as "Label: Title", and the title parser takes a session kind off as a marker (a
 * label that is no kind stays part of the title).
 */
function withKindLabel(cell: Element): string {
  const text = visibleText(cell);
  const first = cell.firstElementChild;
  const label = first && first.tagName !== 'A' && firstContent(cell) === first ? visibleText(first) : '';
  if (!label || label.length > 30 || !text.startsWith(label)) return text;
  const rest = text.slice(label.length).trim();
  return rest && parseTalkTitle(`${label}: ${rest}`).marker ? `${label}: ${rest}` : text;
}

/** Mathematical letters enough to set a line apart ("𝟮. 𝗦𝗟𝗢𝘀"), more than a bold word or two. */
const MIN_UNICODE_BOLD = 6;

/** The bold text an element starts with, when it starts with bold (whole words, not a bold word inside prose). */
function boldPrefix(el: Element): string | null {
  let first: Node | null = el.firstChild;
  while (first && first.nodeType === 3 && !first.textContent?.trim()) first = first.nextSibling;
  // Tolerate one wrapper (<span><strong>…</strong> …</span>, <p><a><b>…</b></a></p>). Bold is also bold
  // by style (typography.ts): an exported document's <span class="c7">.
  if (first && first.nodeType === 1 && !isBold(first as Element)) {
    const inner = (first as Element).firstElementChild;
    const wrapperText = clean(first.textContent);
    if (inner && isBold(inner) && clean(inner.textContent) === wrapperText) first = inner;
  }
  if (first?.nodeType === 3) return unicodeBoldPrefix(first.textContent ?? '');
  if (first?.nodeType !== 1 || !isBold(first as Element)) return null;
  const text = visibleText(first as Element);
  return text || null;
}

/**
 * "🎙️ 𝟭. 𝗞𝗲𝘆𝗻𝗼𝘁𝗲: 𝗧𝗶𝘁𝗹𝗲 (by …)": where a post cannot set bold (LinkedIn, X, Mastodon), writers type it
 * in mathematical bold letters. Their leading run (symbols and spaces between them included) is a bold
 * prefix, read as plain letters; a word or two of them is emphasis, not a line set apart.
 */
function unicodeBoldPrefix(text: string): string | null {
  const run =
    /^[^\p{L}\p{N}]*[\u{1D400}-\u{1D7FF}]+(?:[^\p{L}\p{N}]*[\u{1D400}-\u{1D7FF}]+)*[)"”»’」』]*/u.exec(
      text,
    )?.[0] ?? '';
  const letters = [...run].filter((ch) => MATH_ALPHANUMERIC.test(ch)).length;
  return letters >= MIN_UNICODE_BOLD ? clean(run) || null : null;
}

/**
 * The text of the block after `el`, climbing out of wrappers that hold nothing else (an editor's
 * `<div><div><span>` blocks); only its first 400 characters matter, and only their shape.
 */
function nextBlockText(el: Element, post: Element): string {
  const next = firstBlockAfter(el, post);
  return next && !next.matches(HEADINGS) ? textUpTo(next, 400) : '';
}

/**
 * A card or a box (`boxes.ts`): a block whose first children are its fields (a kicker, the title, the
 * speakers). One that goes on with the notes owns itself; one that holds only its fields introduces
 * the text after it, as a line does.
 */
function pushBox(out: Candidate[], el: Element, post: Element): void {
  const fields = cardFields(el);
  if (!fields || contextInPost(el, post) !== 'content') return;
  const owns = fields.holdsNotes ? [el] : null;
  out.push(make(el, 'box', owns ? 8 : 7, fields.title, { owns, listedSpeakers: fields.speakers }));
}

/**
 * People named right under a title, among the first two blocks after `el`: a "Speaker: …" line, or
 * short lines that start with people ("Imogen Falkner, Principal Engineer at Corvid Health",
 * "Renée Castellanos · Web performance consultant", the name of each speaker card).
 */
function speakerLineAfter(el: Element, post: Element, title = ''): string[] {
  let seen = 0;
  // A link card right under the title that repeats it with its speaker ("Title — Jane Doe | Event").
  const echoed = title ? titleEcho(firstBlockAfter(el, post), title) : [];
  if (echoed.length) return echoed;
  for (const block of blocksAfter(el, post)) {
    const text = textUpTo(block, MAX_SPEAKER_BLOCK);
    if (!text) continue;
    if (block.matches(HEADINGS) || block.querySelector(HEADINGS)) return [];
    // A long block is the write-up itself (or the rest of the page): speaker lines come before it, or
    // open it as its first line (a wiki's or a card's body wrapping every paragraph: "מרצה: …").
    if (text.length > MAX_SPEAKER_BLOCK) {
      const first = leaves(block)[0];
      return first && first !== block ? speakerLine(textUpTo(first, MAX_SPEAKER_BLOCK)) : [];
    }
    // "By Jane Doe" in a byline names the article's author, not a speaker.
    const byline = hasMetaAncestor(block, post);
    // Each line of the block, and each of its innermost blocks (an outliner's properties: "speaker:
    // [[Jane Doe]]", "room: Sala 4", each a block of its own).
    const lines = [...brokenLines(block), ...leaves(block).map((leaf) => clean(leaf.textContent))];
    const labelled =
      lines
        .filter((line) => !(byline && /^by\s/iu.test(line)))
        .map(speakerLine)
        .find((people) => people.length) ?? [];
    if (labelled.length) return labelled;
    // Unlabelled names count only right under the title (a short block: a line or a few cards), and
    // not in a byline or a post's meta.
    if (
      seen === 0 &&
      text.length <= MAX_SPEAKER_BLOCK &&
      block === firstBlockAfter(el, post) &&
      contextInPost(block, post) === 'content'
    ) {
      const people = leaves(block)
        .filter((leaf) => !hasMetaAncestor(leaf, post))
        .flatMap((leaf) => personLedLine(clean(leaf.textContent)));
      if (people.length) return [...new Set(people)];
    }
    // The post's furniture under a title (its date, its tags) stands between it and the speaker line.
    if (!byline && ++seen >= 2) return [];
  }
  return [];
}

/** The block that follows `el`, climbing out of wrappers that hold nothing else (Notion's `<div><h3>`). */
function firstBlockAfter(el: Element, post: Element): Element | null {
  let node: Element = el;
  while (node.parentElement && node.parentElement !== post && !nextWithText(node)) node = node.parentElement;
  return nextWithText(node);
}

function nextWithText(el: Element): Element | null {
  for (let sib = el.nextElementSibling; sib; sib = sib.nextElementSibling) if (textUpTo(sib, 1)) return sib;
  return null;
}

function hasMetaAncestor(el: Element, post: Element): boolean {
  for (let node: Element | null = el; node && node !== post; node = node.parentElement) {
    if (tokens(node).some((t) => META_TOKEN.test(t))) return true;
  }
  return false;
}

/** People after the title in a line of `block` that starts with that title. */
function titleEcho(block: Element | null, title: string): string[] {
  if (!block) return [];
  const key = title.toLowerCase();
  for (const leaf of leaves(block)) {
    const text = textUpTo(leaf, 300);
    if (text.length > 300 || !text.toLowerCase().startsWith(key) || text.length === key.length) continue;
    const parsed = parseTalkTitle(text.replace(/\s*[|·•]\s*[^|·•]*$/u, ''));
    if (parsed.speakers.length && parsed.title.toLowerCase() === key) return parsed.speakers;
  }
  return [];
}

/** A short line that opens with people and goes on with a role or links, not with a sentence. */
function personLedLine(text: string): string[] {
  if (!text || text.length > 140 || /[.!?…。]$/u.test(text)) return [];
  const labelled = speakerLine(text);
  if (labelled.length) return labelled;
  const lead = /^(.{3,100}?)(?:\s*(?:[,·•|(（—–]|\s-\s)|$)/u.exec(text)?.[1] ?? '';
  return parsePeople(lead) ?? [];
}

/** A block of speaker lines or cards is short; a longer one is the write-up. */
const MAX_SPEAKER_BLOCK = 600;

/** The visible text of `el` up to its first break between blocks. */
function firstLine(el: Element): string {
  let line = '';
  const walk = (node: Node): boolean => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) line += child.textContent;
      if (child.nodeType !== 1 || isHidden(child as Element)) continue;
      const block = BLOCK_CHILD.test((child as Element).tagName) || (child as Element).tagName === 'LI';
      if ((block && clean(line)) || walk(child) || (block && clean(line))) return true;
    }
    return false;
  };
  walk(el);
  return clean(line);
}

/** The innermost blocks of `el` (itself when it holds no block). */
function leaves(el: Element): Element[] {
  const blocks = [...el.querySelectorAll('p, div, li')].filter(
    (b) => !b.querySelector('p, div, li') && clean(b.textContent).length > 0,
  );
  return blocks.length ? blocks : [el];
}

/** People on "Speaker: …" lines inside `el` (a `<dd>`). */
function speakerLinesIn(el: Element): string[] {
  // Innermost first: the description as a whole would run the names into the notes after them.
  for (const block of [...el.querySelectorAll('em, span, p, li, div'), el]) {
    const text = clean(block.textContent);
    if (text.length > 240) continue;
    const people = speakerLine(text);
    if (people.length) return people;
  }
  return [];
}

/**
 * The lines of a block that `<br>`s break ("講者：黃淑芬<br>議程軌：社群與治理"): each label holds only
 * its own line. A block without `<br>` is one line.
 */
function brokenLines(block: Element): string[] {
  // A table of fields ("Speaker | Jane Doe"): each row a labelled line, "Speaker: Jane Doe".
  if (block.tagName === 'TABLE')
    return [...block.querySelectorAll('tr')].map((tr) =>
      childElements(tr)
        .map((cell) => clean(cell.textContent))
        .join(': '),
    );
  if (!block.querySelector('br')) return [textUpTo(block, MAX_SPEAKER_BLOCK)];
  const lines = [''];
  const walker = block.ownerDocument.createTreeWalker(block, 1 | 4 /* SHOW_ELEMENT | SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === 1) {
      if ((node as Element).tagName === 'BR') lines.push('');
    } else lines[lines.length - 1] += node.textContent ?? '';
  }
  return lines.map((line) => clean(line)).filter(Boolean);
}
