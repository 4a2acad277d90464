/**
 * Write-ups made of messages: a thread of posts (Bluesky, Mastodon, Substack Notes), a forum topic's
 * replies, a chat log or a channel, where the writer posts one message (or a few) per talk. Whatever
 * the platform, each message is a container holding one time stamp, an author (or none: a chat's
 * continuation message is the previous author's) and a body. A talk opens at the writer's message whose
 * first line names it (`talkOpening`, prose.ts), and the writer's messages after it continue it until
 * the next one that opens a talk or opens with a structural word (a break, the day's end, the next
 * day), or whose bold first line names no talk. Messages by other people (replies, questions, the
 * speaker's correction) belong to no talk. Shape is read from structure and class words only; no site
 * or page is known here.
 */
import { leadOf } from './blocks';
import { clean, isHidden, precedes, tokens } from './dom';
import { isPersonName, nameWordRecurs, parsePeople } from './people';
import { type ProseTalk, talkOpening } from './prose';
import { findSpeakers } from './speakers';
import { parseTalkTitle } from './title-parse';
import { headingRole } from './vocabulary';

/** A talk that a thread's messages hold: the line that opens it and the messages it consists of. */
export interface MessageTalk extends ProseTalk {
  /** The block holding the opening line. */
  heading: Element;
  /** The opening message and the writer's messages that continue it. */
  owns: Element[];
}

interface Message {
  el: Element;
  /** The author's name as the message shows it; a message without one continues the previous author's. */
  author: string;
  /** The first line of the body, or null when the body holds no text. */
  lead: Lead | null;
  /** The body's text, for names written again. */
  text: string;
  /** The account handle shown by the author's name ("@shreyak"), if any. */
  handle: string | null;
}

interface Lead {
  text: string;
  holder: Element;
  /** Set apart as a title: bold, or a heading. */
  titled: boolean;
}

/** Messages of a thread at least: fewer are a post and its comments. */
const MIN_MESSAGES = 4;
/** Talks a thread must open: one is a post that names a talk. */
const MIN_TALKS = 2;
/** A message longer than this on average is a post of its own, not a message of a thread. */
const MAX_MEAN_CHARS = 2000;
/** "08:43", "9:02 pm", "09/10/2025 08:41", "2024-05-24": a time stamp that is an element's whole text. */
const STAMP_TEXT =
  /^(?:\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}(?:,?\s+\d{1,2}:\d{2}(?:\s?[ap]m)?)?)$/iu;
/** Share of messages of one tag, at least: messages are of one kind. */
const MIN_SHARED_TAG = 0.6;
/** Share of messages that name their author, at least. */
const MIN_AUTHORED = 1 / 3;
/** A stamp is short: "09/10/2025 08:41" with some whitespace around it. */
const MAX_STAMP = 40;
/** A title attribute holding a time ("Sep 23, 2024 9:02 pm", "09/10/2025 08:43"): a stamp's tooltip. */
const STAMP_TITLE = /\d{1,2}:\d{2}/;
/** An account's handle, as a thread shows it next to its author's name. */
const HANDLE = /@[\p{L}\p{N}_.-]{2,40}/u;
/** Class words of a short leaf that shows a time stamp as words ("2 hours ago", "mwaka 1 uliopita"). */
const STAMP_CLASS = /^(?:time|date|timestamp|ago)$|(?:^|[-_])(?:time|date|timestamp|ago)$/i;
/**
 * The path of a link to a person's profile ("/u/jane", "/users/jane", "/@jane", "/profile/jane"): where
 * no class names the author, a message names them by such a link.
 */
const PROFILE_PATH = /^\/(?:u|user|users|profile|profiles|member|members|people|@[^/]+)(?:\/|$)/i;
/** Class words of the element naming a message's author. */
const AUTHOR = /author|owner|user|(?:^|[-_])name$|^name$|nick/i;
/** Elements that hold no body text: buttons, icons, quoted messages, reactions and counters. */
const SKIPPED = /^(?:SCRIPT|STYLE|TEMPLATE|NOSCRIPT|BUTTON|SVG|IMG|ASIDE|BLOCKQUOTE|NAV|FOOTER|SELECT|FORM)$/;
const NOT_BODY = /avatar|action|reaction|toolbar|badge|vote|score|counter|views|meta|info|footer/i;
const BLOCK =
  /^(?:P|DIV|LI|UL|OL|DL|DT|DD|H[1-6]|TABLE|TR|TD|BLOCKQUOTE|PRE|SECTION|ARTICLE|FIGURE|FIGCAPTION|HEADER|FOOTER|BR|HR)$/;
/** Text read of a message's body for its opening and for names written again. */
const BODY_CHARS = 1500;

/** The talks of the thread of messages under `root`, in document order; empty when it holds none. */
export function threadTalks(root: Element | Document): MessageTalk[] {
  const messages = messagesOf(root);
  if (messages.length < MIN_MESSAGES) return [];
  const writer = mostFrequent(messages.map((m) => m.author));
  const names = namesByHandle(messages);
  const talks: MessageTalk[] = [];
  let open: MessageTalk | null = null;
  messages.forEach((message, i) => {
    if (message.author !== writer || !message.lead) return;
    const notes = messages
      .slice(i, i + 4)
      .filter((m) => m.author === writer)
      .map((m) => m.text)
      .join('\n');
    const talk =
      talkOpening(message.lead.text, (name) => nameWordRecurs(name, notes, 'clitic')) ??
      titledTalk(message.lead, message.text);
    if (talk) {
      const speakers = talk.speakers.map((s) => names.get(s.toLowerCase()) ?? s);
      open = { title: talk.title, speakers, heading: message.lead.holder, owns: [message.el] };
      talks.push(open);
    } else if (open && !endsTalk(message.lead, message.text) && !quotesAnother(message))
      open.owns.push(message.el);
    else open = null;
  });
  return talks.length >= MIN_TALKS ? talks : [];
}

/**
 * A message whose first line is set apart as a title (bold, a heading) names a talk when its text goes
 * on to name the speaker ("HTMX Without the Hype" over "Femi Adebayo from Lagoon Health, …").
 */
function titledTalk(lead: Lead, text: string): ProseTalk | null {
  if (!lead.titled || headingRole(lead.text)) return null;
  const words = lead.text.split(/\s+/).length;
  if (words < 2 || words > MAX_TITLE_WORDS || /[.!?…:;,]$/u.test(lead.text)) return null;
  const notes = text.slice(text.indexOf(lead.text) + lead.text.length).trim();
  // The line under the title opens with the speaker and an affiliation ("Jane Doe from Acme, …").
  const card = PERSON_FROM.exec(notes.split('\n')[0] ?? '')?.[1];
  const speakers = (card && parsePeople(card)) || findSpeakers(lead.text, notes);
  return speakers.length && speakers.every(isPersonName) ? { title: lead.text, speakers } : null;
}
const PERSON_FROM = /^(\S.{2,60}?)(?:\s+(?:from|of|at|von|bei|de|van|da|di|z|ze|из|с)\s+|\s*[,(—–]\s*)/u;
const MAX_TITLE_WORDS = 16;

/**
 * A message that announces something else ends the talk above: its first phrase is a break, the end,
 * a day or a group ("Lunch break.", "Lunchpauze", "Dag 2.", "Not a talk, just a lunch note"), or its
 * first line is set apart as a title that names no talk ("**lunch**", "**انتهى اليوم**"), or it opens
 * with a slot of the programme, a place and a time ("Room B, 11:30 — @kai talks about …", "القاعة ب،
 * 11:30 —"): another session began there, even when its talk is not one this reading names.
 */
function endsTalk(lead: Lead, text: string): boolean {
  if (lead.titled || parseTalkTitle(lead.text).slot !== null || standsAsTitle(lead, text)) return true;
  return [/^[^.!?…:;]{2,80}/u, /^[^.!?…:;,،]{2,80}/u].some((phrase) => {
    const first = phrase.exec(lead.text)?.[0] ?? '';
    return first.trim().split(/\s+/).length <= MAX_PHRASE_WORDS && headingRole(first) !== null;
  });
}
const MAX_PHRASE_WORDS = 8;

/**
 * A first line that is a paragraph of its own, a few words with no sentence's end, over the message's
 * text: set apart as a title by its block rather than its weight ("Chai na chakula cha mchana 🍵",
 * "Mwisho wa siku"). A message continuing a talk opens with a sentence.
 */
function standsAsTitle(lead: Lead, text: string): boolean {
  const words = lead.text.split(/\s+/).length;
  return (
    words <= MAX_PHRASE_WORDS &&
    !/[.!?…:;,،。]$/u.test(lead.text) &&
    clean(lead.holder.textContent) === lead.text &&
    text.length > lead.text.length + 1
  );
}

/**
 * The people behind the handles of the thread's authors who show a full name ("Shreya Kapoor
 * @shreyak"): a talk "by @shreyak" is hers. A first name alone ("Tommaso") leaves the handle.
 */
function namesByHandle(messages: Message[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const m of messages)
    if (m.handle && isPersonName(m.author)) names.set(m.handle.toLowerCase(), m.author);
  return names;
}

/**
 * The messages under `root`: each the largest element holding exactly one time stamp, in document
 * order, when they are of one kind (most share a tag) and short enough to be messages.
 */
function messagesOf(root: Element | Document): Message[] {
  const body = root.nodeType === 9 ? (root as Document).body : (root as Element);
  if (!body) return [];
  const stamps = stampsIn(body);
  if (stamps.length < MIN_MESSAGES) return [];
  const count = new Map<Element, number>();
  for (const stamp of stamps)
    for (let el = stamp.parentElement; el && el !== body; el = el.parentElement)
      count.set(el, (count.get(el) ?? 0) + 1);
  // Each stamp's own elements, innermost first: the ones holding it and no other stamp.
  const chains = stamps.map((stamp) => {
    const chain = [stamp];
    let el = stamp;
    while (el.parentElement && el.parentElement !== body && count.get(el.parentElement) === 1) {
      el = el.parentElement;
      chain.push(el);
    }
    return chain;
  });
  const elements = ofOneKind(chains);
  if (!elements) return [];
  // Messages show who wrote them (a chat's continuation messages excepted): stamps without authors are a
  // schedule's times or a changelog's dates.
  const names = elements.map(authorOf);
  if (names.filter(Boolean).length < elements.length * MIN_AUTHORED) return [];
  const out: Message[] = [];
  let author = '';
  elements.forEach((el, i) => {
    const name = names[i] ?? null;
    author = name ? clean(name.textContent) : author;
    const header = [name, stamps[i]!].filter((e): e is Element => !!e).map((e) => blockOf(e, el));
    const text = bodyText(el, header);
    const handle = name ? (HANDLE.exec(clean(header[0]?.textContent))?.[0] ?? null) : null;
    out.push({ el, author, lead: firstLineOf(el, header), text, handle });
  });
  const mean = out.reduce((sum, m) => sum + m.text.length, 0) / out.length;
  return mean <= MAX_MEAN_CHARS ? out : [];
}

/**
 * The messages of the stamps' chains: each chain's largest element, when most of them share a tag. In a
 * comment tree a comment without replies grows to its list item, one with replies stops at itself: then
 * each chain's largest element of the tag most chains hold, the outermost such tag when two are as common
 * (a comment's `<article>` rather than its header's `<div>`); a chain without one keeps its largest.
 */
function ofOneKind(chains: Element[][]): Element[] | null {
  const largest = chains.map((chain) => chain[chain.length - 1]!);
  const shared = (els: Element[], tag: string) => els.filter((el) => el.tagName === tag).length;
  const tag = mostFrequent(largest.map((el) => el.tagName));
  if (shared(largest, tag) >= largest.length * MIN_SHARED_TAG) return largest;
  const holding = (t: string) => chains.filter((chain) => chain.some((el) => el.tagName === t)).length;
  const tags = [...new Set(chains.flat().map((el) => el.tagName))].filter(
    (t) => holding(t) >= chains.length * MIN_SHARED_TAG,
  );
  // The outermost: the tag whose elements sit highest in their chains.
  const height = (t: string) =>
    chains.reduce((sum, chain) => sum + chain.findLastIndex((el) => el.tagName === t) / chain.length, 0);
  const best = tags.sort((a, b) => height(b) - height(a))[0];
  if (!best) return null;
  return chains.map((chain) => chain.findLast((el) => el.tagName === best) ?? chain[chain.length - 1]!);
}

/** Time stamps: `<time>`, an element whose whole text is a time or date, or whose tooltip holds a time. */
function stampsIn(body: Element): Element[] {
  const found: Element[] = [];
  const walker = body.ownerDocument.createTreeWalker(body, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node as Element;
    const only = el.firstChild;
    const stamp =
      el.tagName === 'TIME' ||
      STAMP_TITLE.test(el.getAttribute('title') ?? '') ||
      // A leaf whose one text node is short: a stamp shown as text, or in words its class calls a time.
      (only !== null &&
        only === el.lastChild &&
        only.nodeType === 3 &&
        (only.nodeValue?.length ?? 0) <= MAX_STAMP &&
        (STAMP_TEXT.test(clean(only.nodeValue)) || tokens(el).some((t) => STAMP_CLASS.test(t))));
    // A stamp inside a stamp (a <time> in a dated link) is the same one; the walk is in document order.
    if (stamp && !found[found.length - 1]?.contains(el)) found.push(el);
  }
  return found;
}

/**
 * The innermost element of `message` whose class names its author, before the body; else its first link
 * to a person's profile, when no paragraph comes before it (a header's "@jane · 2 hours ago").
 */
function authorOf(message: Element): Element | null {
  const named = [...message.querySelectorAll('[class]')].filter((el) =>
    tokens(el).some((t) => AUTHOR.test(t)),
  );
  const innermost = named.find((el) => !named.some((other) => other !== el && el.contains(other)));
  return innermost ?? profileLinkOf(message);
}

/**
 * A post by another author quoted under the message's first line: the writer passes on what someone
 * else said about elsewhere ("Sounds like I missed a good one:" over another account's post), which
 * ends the talk the writer was following. A reply's reference to another author stands above the text.
 */
function quotesAnother({ el: message, lead, author }: Message): boolean {
  if (!lead || !author) return false;
  return [...message.querySelectorAll('[class]')].some((el) => {
    const below = precedes(lead.holder, el) || (el !== lead.holder && lead.holder.contains(el));
    if (!below || !tokens(el).some((t) => AUTHOR.test(t))) return false;
    const name = clean(el.textContent);
    return name.length > 0 && name.length <= MAX_AUTHOR && name !== author;
  });
}
const MAX_AUTHOR = 80;

function profileLinkOf(message: Element): Element | null {
  for (const el of message.querySelectorAll('a[href], p')) {
    if (el.tagName === 'P') return null;
    if (PROFILE_PATH.test(pathOf(el.getAttribute('href') ?? ''))) return el;
  }
  return null;
}

function pathOf(href: string): string {
  try {
    return new URL(href, 'https://host.invalid/').pathname;
  } catch {
    return '';
  }
}

/** The block of `message` holding `el` (a header line, a footer): the whole of it is no body. */
function blockOf(el: Element, message: Element): Element {
  let block = el;
  while (block.parentElement && block.parentElement !== message && !BLOCK.test(block.tagName))
    block = block.parentElement;
  return block === message ? el : block;
}

function skipped(el: Element, header: Element[]): boolean {
  return (
    SKIPPED.test(el.tagName) ||
    isHidden(el) ||
    header.includes(el) ||
    /^(?:img|button)$/.test(el.getAttribute('role') ?? '') ||
    tokens(el).some((t) => NOT_BODY.test(t))
  );
}

/** The body's text, up to `BODY_CHARS`, a line for each block. */
function bodyText(message: Element, header: Element[]): string {
  let out = '';
  const visit = (el: Element) => {
    for (let child = el.firstChild; child && out.length < BODY_CHARS; child = child.nextSibling) {
      if (child.nodeType === 3) out += child.textContent;
      else if (child.nodeType === 1 && !skipped(child as Element, header)) {
        const e = child as Element;
        if (BLOCK.test(e.tagName)) out += '\n';
        visit(e);
      }
    }
  };
  visit(message);
  return out
    .replace(/[^\S\n]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}

/** The body's first line (blocks.ts reads it), and whether it is set apart as a title. */
function firstLineOf(message: Element, header: Element[]): Lead | null {
  const lead = leadOf(message, (el) => skipped(el, header));
  return (
    lead && { text: lead.text, holder: lead.holder, titled: lead.kind === 'bold' || lead.kind === 'heading' }
  );
}

function mostFrequent(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}
