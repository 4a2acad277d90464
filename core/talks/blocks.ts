/**
 * Repeated sibling blocks: the structural reading of a write-up whose talks are not marked up as
 * headings. Where three or more siblings of like shape (the posts of a thread, the comments of a tree,
 * toggles, table cells, paragraphs that open with a time stamp, cards) each open with a line, and those
 * lines read as talk titles (short, no sentence, with a person, a quoted title or a session kind), each
 * such block is a talk and its text belongs to it, whatever the markup. Shape is read from structure
 * only: the block's tag, the tag of the block holding its first line, and how that line opens (a time
 * stamp, bold, a heading, plain text). No class name, site or wording of a page is known here.
 */
import { childElements, clean, HEADINGS, isHidden, tokens } from './dom';
import { RECORDING_LINK } from './links';
import { parsePeople, withoutOutlineMarkup } from './people';
import { type ParsedTitle, parseTalkTitle } from './title-parse';
import { boldAncestor } from './typography';
import { headingRole } from './vocabulary';

/** Blocks of one run, at least: two alike could be chance. */
const MIN_RUN = 3;
/** Lines longer than this are prose. */
const MAX_LEAD = 200;
/** A block whose text goes on this much beyond its first line holds its notes itself. */
const MIN_NOTES = 60;
/** Elements that never hold a post's content, and what does not read as text (buttons, icons). */
const SKIPPED =
  /^(?:NAV|HEADER|FOOTER|ASIDE|SCRIPT|STYLE|TEMPLATE|BUTTON|SVG|IMG|INPUT|SELECT|TEXTAREA|FORM|NOSCRIPT)$/;
/** Post meta in a block (an author, a date, a badge): read past, never the block's line. */
const META = /meta|byline|author|date|time|badge|avatar|user|vote|score|action|toolbar/i;
const BLOCK_TAG =
  /^(?:P|DIV|LI|UL|OL|DL|DT|DD|H[1-6]|TABLE|TBODY|THEAD|TR|TD|TH|BLOCKQUOTE|PRE|SECTION|ARTICLE|FIGURE|FIGCAPTION|DETAILS|SUMMARY|HEADER|FOOTER|BR|HR)$/;
/** "00:12:05 —", "[1:02:30]", "12:30 ·": a time stamp (a video position or a time of day) and its separator. */
const TIME_STAMP = /^[[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s*(?:[-–—|·•:]\s*)?/u;
/** "Last one: ", "And finally: ": two or three words, all but the first in lower case, before a colon. */
const LABEL = /^\p{L}\p{Ll}*(?:\s+\p{Ll}+){1,2}\s*[:：]\s+(?=\S)/u;
/** Quotation marks around a title. */
const QUOTE = /[“"«„‘「『]/u;

type LeadKind = 'time' | 'bold' | 'heading' | 'plain' | 'link';

interface Lead {
  /** The block's first line, whitespace collapsed. */
  text: string;
  kind: LeadKind;
  /** The block element that holds the line (the block itself for a one-line paragraph). */
  holder: Element;
}

/** The first line of a block of a run that reads as a talk title: the talk's line, owning its block. */
export interface BlockLine {
  /** The block. */
  el: Element;
  /** Its first line, without a time stamp. */
  text: string;
  parsed: ParsedTitle;
  /** The elements the talk consists of: the block, and the siblings it owns. */
  owns: Element[];
  /** The line links to the talk's recording or page: a title, though it may open like a structural line. */
  linked: boolean;
}

/** The blocks of every run of like sibling blocks under `post` that open with talk titles. */
export function blockLines(post: Element): BlockLine[] {
  const out: BlockLine[] = [];
  const walker = post.ownerDocument.createTreeWalker(post, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let node = walker.currentNode as Element | null; node; node = walker.nextNode() as Element | null) {
    if (SKIPPED.test(node.tagName) || node.childElementCount < MIN_RUN) continue;
    out.push(...runsUnder(node));
  }
  return out;
}

/**
 * The block lines of the runs that hold `elements` (each element's ancestors up to `post` are the
 * blocks they could belong to): what `blockLines` finds there, without reading the rest of the post.
 */
export function blockLinesAround(elements: readonly Element[], post: Element): BlockLine[] {
  const parents = new Set<Element>();
  for (const el of elements) {
    for (let node: Element | null = el; node && node !== post; node = node.parentElement) {
      const parent = node.parentElement;
      if (parent && parent.childElementCount >= MIN_RUN && !SKIPPED.test(parent.tagName)) parents.add(parent);
    }
  }
  return [...parents].flatMap((parent) => runsUnder(parent));
}

/** The talks of the runs among `parent`'s children. */
function runsUnder(parent: Element): BlockLine[] {
  const children = childElements(parent).filter((c) => !SKIPPED.test(c.tagName) && !isHidden(c));
  const leads = new Map<Element, Lead>();
  const byShape = new Map<string, Element[]>();
  for (const child of children) {
    // Headings are lines of their own (candidates.ts reads them); a run is of blocks that hold lines.
    if (child.matches(HEADINGS)) continue;
    const first = leadOf(child);
    const lead = (first && linkLeadOf(child, first)) ?? first;
    if (!lead) continue;
    leads.set(child, lead);
    const shape = `${child.tagName}>${lead.holder === child ? '' : lead.holder.tagName}|${lead.kind}`;
    byShape.set(shape, [...(byShape.get(shape) ?? []), child]);
  }
  const out: BlockLine[] = partsUnder(children);
  for (const members of byShape.values()) {
    if (members.length < MIN_RUN) continue;
    const talks = members.filter((m) => readsAsTalk(m, leads.get(m)!, members));
    // The lines of the run read as titles: two at least, and a third of its blocks (a run of comments
    // where one quotes a title is a discussion).
    if (talks.length < 2 || talks.length < members.length / 3) continue;
    for (const member of talks) {
      const lead = leads.get(member)!;
      const owns = ownedBy(member, lead, members);
      const text = withoutOutlineMarkup(withoutTimeStamp(lead.text));
      let parsed = parseTalkTitle(text);
      const named = quotedAndAttributed(text) ?? firstNameInParens(parsed.title, owns);
      if (named) parsed = { ...parsed, ...named, prefixPeople: [], titleAfterPrefix: null };
      // "Last one: Title (Jane Doe)": a phrase before the colon is the writer's, not the title's.
      const label = LABEL.exec(parsed.title);
      if (label && parsed.speakers.length) parsed = { ...parsed, title: parsed.title.slice(label[0].length) };
      // A card names its speakers on the line under the linked title ("Jane Doe, Acme").
      if (lead.kind === 'link' && !parsed.speakers.length) {
        const speakers = peopleLineAfter(lead.holder, member);
        if (speakers.length) parsed = { ...parsed, speakers };
      }
      out.push({ el: member, text, owns, parsed, linked: lead.kind === 'link' });
    }
  }
  return out;
}

/**
 * The first line of a block: the text up to the first block boundary, read past meta (an author line,
 * a date, buttons) and past what `readPast` says is no text of it. Null when the block holds no text.
 */
export function leadOf(block: Element, readPast: (el: Element) => boolean = () => false): Lead | null {
  if (block.tagName === 'DETAILS') {
    const summary = block.querySelector('summary');
    return summary ? { text: clean(summary.textContent), kind: 'heading', holder: summary } : null;
  }
  let text = '';
  let holder: Element | null = null;
  let bold: Element | null = null;
  let heading = false;
  const visit = (el: Element): boolean => {
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        if (!child.textContent?.trim()) {
          text += child.textContent ?? '';
          continue;
        }
        if (!text.trim()) {
          holder =
            el.closest('p, div, li, dt, dd, td, th, h1, h2, h3, h4, h5, h6, summary, blockquote') ?? el;
          if (!block.contains(holder)) holder = block;
          bold = boldAncestor(el, block);
          heading = !!el.closest(HEADINGS);
        }
        text += child.textContent;
        if (text.length > MAX_LEAD * 2) return true;
        continue;
      }
      if (child.nodeType !== 1) continue;
      const e = child as Element;
      if (SKIPPED.test(e.tagName) || isHidden(e) || e.getAttribute('role') === 'button' || readPast(e))
        continue;
      if (!text.trim() && (tokens(e).some((t) => META.test(t)) || isStampOnly(e))) continue;
      if (BLOCK_TAG.test(e.tagName) && text.trim()) return true;
      if (visit(e)) return true;
      if (BLOCK_TAG.test(e.tagName) && text.trim()) return true;
    }
    return false;
  };
  visit(block);
  const line = clean(text);
  if (!line || !holder) return null;
  const kind: LeadKind = TIME_STAMP.test(line)
    ? 'time'
    : heading
      ? 'heading'
      : bold && clean((bold as Element).textContent).length >= line.length * 0.6
        ? 'bold'
        : 'plain';
  return { text: line, kind, holder };
}

/**
 * A block holding only a time stamp (a `<div>` around a `<time>`, as a timeline sets an entry's time
 * beside its body): the entry's stamp, not its line. A stamp inline before a title stays the line's.
 */
function isStampOnly(el: Element): boolean {
  if (!BLOCK_TAG.test(el.tagName)) return false;
  const time = el.querySelector('time');
  return time !== null && clean(time.textContent) === clean(el.textContent);
}

/**
 * A block whose line is a link to a talk's recording or page under a kicker (a card: "Day · Room ·
 * Time" over the linked title): that line is the block's, read past the kicker. Null when the block
 * opens otherwise.
 */
function linkLeadOf(block: Element, first: Lead): Lead | null {
  if (!KICKER.test(first.text)) return null;
  // A linked line that opens its block is any list of links with blurbs (a speaker's talks, a reading
  // list); under a kicker (a day, a room, a time) it is a card of a programme or a write-up.
  if (first.holder === block || first.text.length > MAX_KICKER || !isTitleLike(`${first.text} x`))
    return null;
  let next: Element | null = null;
  for (let node: Element | null = first.holder; node && node !== block && !next; node = node.parentElement)
    next = node.nextElementSibling;
  if (!next || !block.contains(next)) return null;
  const text = clean(next.textContent);
  return text && isLinkLine(next, text) ? { text, kind: 'link', holder: next } : null;
}
/** A kicker over a card's title: short, labels set apart by dots or bars, or a number (a day, a time, a room). */
const MAX_KICKER = 80;
const KICKER = /\s[·•|]\s|\d/u;

/** People on the line right after `holder` in `block`, before a role or company ("Jane Doe, Acme"). */
function peopleLineAfter(holder: Element, block: Element): string[] {
  const next = holder.nextElementSibling;
  if (!next || !block.contains(next)) return [];
  const text = clean(next.textContent);
  if (!text || text.length > MAX_KICKER * 2 || /[.!?…。]$/u.test(text)) return [];
  const lead = /^(.{3,100}?)(?:\s*(?:[,·•|(（—–]|\s-\s)|$)/u.exec(text)?.[1] ?? '';
  return parsePeople(lead) ?? [];
}

/** The line is a link to a recording or talk page, or opens with one that is most of it. */
function isLinkLine(holder: Element, text: string): boolean {
  if (!text || text.length > MAX_LEAD) return false;
  const link = holder.tagName === 'A' ? holder : holder.querySelector('a[href]');
  if (!link || !RECORDING_LINK.test(link.getAttribute('href') ?? '')) return false;
  const linkText = clean(link.textContent);
  return linkText.length >= text.length * 0.6 && text.startsWith(linkText);
}

function withoutTimeStamp(line: string): string {
  return line.replace(TIME_STAMP, '').trim();
}

/**
 * A block's first line reads as a talk's title: short, not a sentence, no structural word (a break, a
 * conclusion), with its speakers, a quoted title or a session kind, and notes after it.
 */
function readsAsTalk(block: Element, lead: Lead, members: Element[], part?: Element[]): boolean {
  const line = withoutTimeStamp(lead.text);
  if (line.length > MAX_LEAD || !isTitleLike(line)) return false;
  const parsed = parseTalkTitle(line);
  if (!parsed.title) return false;
  // A line that links to its recording is a talk's title though it opens like a structural one ("What
  // we learned …"); any other line with a structural word is not.
  if (lead.kind !== 'link' && (headingRole(parsed.title) || headingRole(line))) return false;
  const evidence =
    parsed.speakers.length > 0 ||
    parsed.marker !== null ||
    parsed.prefixPeople.length > 0 ||
    QUOTE.test(line.slice(0, 3)) ||
    QUOTE.test(parsed.title.slice(0, 1)) ||
    // "Day 2 · «Title»": the title the parser kept was quoted in the line.
    QUOTE.test(line.charAt(line.indexOf(parsed.title) - 1)) ||
    // "Sal 5 – Title": a place of the programme in front.
    parsed.slot !== null ||
    firstNameInParens(parsed.title, part ?? ownedBy(block, lead, members)) !== null ||
    // A run of blocks each opening with a link to its recording or page: the links name the talks.
    lead.kind === 'link';
  if (!evidence) return false;
  // A list of titles (a programme, links to read) has no notes: a talk written up has.
  const notes = part
    ? part.reduce((sum, el) => sum + clean(el.textContent).length, 0) - lead.text.length
    : notesLength(block, lead);
  return notes >= MIN_NOTES;
}

/**
 * The parts of a block's `children` set apart by rules (`<hr>`), as a page written by hand divides its talks: each
 * part opens with a line, whatever element holds it (a heading, a bold paragraph, a plain one), so the
 * parts are one run whatever their first elements are. Read where two rules or more make three parts;
 * a part whose line reads as a talk's title is that talk, owning the part up to the next rule.
 */
function partsUnder(children: Element[]): BlockLine[] {
  if (children.filter((c) => c.tagName === 'HR').length < MIN_RUN - 1) return [];
  const parts: Element[][] = [[]];
  for (const child of children) {
    const part = parts[parts.length - 1]!;
    if (child.tagName === 'HR') parts.push([]);
    // Empty anchors (`<a name>`) before a part's line are no part of it.
    else if (part.length || clean(child.textContent)) part.push(child);
  }
  const leads = parts
    .filter((part) => part.length)
    .map((part) => ({ part, lead: leadOf(part[0]!) }))
    .filter((p): p is { part: Element[]; lead: Lead } => p.lead !== null);
  const members = leads.map((p) => p.part[0]!);
  const talks = leads.filter(({ part, lead }) => readsAsTalk(part[0]!, lead, members, part));
  if (talks.length < 2 || talks.length < leads.length / 3) return [];
  return talks.map(({ part, lead }) => {
    const text = withoutOutlineMarkup(withoutTimeStamp(lead.text));
    const named = quotedAndAttributed(text);
    const parsed = parseTalkTitle(text);
    return {
      el: part[0]!,
      text,
      owns: part,
      parsed: named ? { ...parsed, ...named, prefixPeople: [], titleAfterPrefix: null } : parsed,
      linked: false,
    };
  });
}

/** Not a sentence: no full stop inside or at the end outside quotes, few words. */
export function isTitleLike(line: string): boolean {
  const unquoted = line.replace(/[“"«„‘「『][^”"»“’」』]*[”"»“’」』]/gu, '“”');
  if (/[.!…。](?:\s|$)/u.test(unquoted.replace(/\b(?:[A-Z]|Dr|Mr|Mrs|Ms|St|vs|No|Jr)\.\s/g, '')))
    return false;
  const words = line.split(/\s+/).length;
  return words >= 2 && words <= 24;
}

/** Text of the block beyond its first line, or of the siblings it owns. */
function notesLength(block: Element, lead: Lead): number {
  const own = clean(block.textContent).length - lead.text.length;
  if (own >= MIN_NOTES) return own;
  let length = own;
  for (let sib = block.nextElementSibling; sib && length < MIN_NOTES; sib = sib.nextElementSibling) {
    if (sib.tagName === block.tagName || sib.matches(HEADINGS)) break;
    length += clean(sib.textContent).length;
  }
  return length;
}

/**
 * The elements a talk's block consists of: the block itself when it holds its notes (a post, a
 * comment, a toggle, a card); else the block and the siblings after it, up to the next block of the
 * run, the next sibling of the block's kind, or a heading (a time-stamped line and its bullet list).
 */
function ownedBy(block: Element, lead: Lead, members: Element[]): Element[] {
  if (clean(block.textContent).length - lead.text.length >= MIN_NOTES) return [block];
  const owns = [block];
  for (let sib = block.nextElementSibling; sib; sib = sib.nextElementSibling) {
    if (
      members.includes(sib) ||
      sib.tagName === block.tagName ||
      sib.matches(HEADINGS) ||
      sib.querySelector(HEADINGS)
    )
      break;
    owns.push(sib);
  }
  return owns;
}

/**
 * "“Title” by Jane (who posts here as …)", "«Title» — Jane Doe, Acme": a line that opens with a quoted
 * title and goes on to attribute it names that title; the attribution names its speakers when they are
 * people, else no one (a first name alone, a handle's explanation).
 */
function quotedAndAttributed(line: string): { title: string; speakers: string[] } | null {
  const m =
    /^[“"«„‘「『]([^”"»“’」』]{3,150})[”"»“’」』]\s*(?:[-–—,(]|by\b|von\b|par\b|por\b|de\b)\s*(.*)$/u.exec(
      line,
    );
  if (!m?.[1]) return null;
  const rest = (m[2] ?? '').replace(/^(?:by|von|par|por|de)\s+/u, '').replace(/\s*[)）(（].*$/u, '');
  return { title: m[1].trim(), speakers: parsePeople(rest.replace(/\s*[,，].*$/u, '')) ?? [] };
}

/**
 * "Title (Tobias)": one capitalised word in parentheses after a title names its speaker by first name
 * when the block's notes name that person again; else it is left to the title.
 */
function firstNameInParens(title: string, owns: Element[]): { title: string; speakers: string[] } | null {
  const m = /^(.{3,}?)\s*[(（](\p{Lu}\p{Ll}{2,20})[)）]$/u.exec(title);
  if (!m?.[1] || !m[2]) return null;
  const notes = owns
    .map((o) => o.textContent ?? '')
    .join(' ')
    .replace(title, ' ');
  return new RegExp(`(?<!\\p{L})${m[2]}(?!\\p{L})`, 'u').test(notes)
    ? { title: m[1], speakers: [m[2]] }
    : null;
}
