/**
 * The lines above a clip that may say which talk it belongs to, read from the page whatever its
 * markup: headings, a block's bold or first line (a card's title, a thread message's opening), a
 * short line that ends no sentence, and a quoted title in the first sentence of a paragraph ("Next
 * up, Jane Doe's “Scaling Postgres” …"). file-by-lines.ts matches them against the imported
 * schedules; the clipper stores them with the highlight (`HighlightRecord.clipLines`), so that an
 * import later can file the clip too. Bounded: at most MAX_CLIP_LINES lines of at most
 * MAX_LEAD_CHARS characters, read back over at most MAX_BLOCKS blocks (MAX_ELEMENTS elements), and
 * no further than a heading of rank 1 or 2 or a structure line (a break, "Closing thoughts", another
 * day) that ends any talk above it. On a single-talk post, a reading that reached the post's top ends
 * with the post's own titles (`title` lines: a line of its opening such as a link card to the talk's
 * slides, its `<h1>`, its metadata title). Page text, read as data.
 */
import { leadOf } from '../talks/blocks';
import { saysNotSeen, type TalkSection } from '../talks/detect';
import { opensWithBreak, quotedTitleIn, tellsOfAnotherTalk } from '../talks/prose';
import { headingRole } from '../talks/vocabulary';
import { cleanText as clean } from '../text';
import type { ClipLineRecord } from '../types';
import { headingRank, isHeadingLike, isLineBlock, MAX_LEAD_CHARS, styleOf } from './clip-lead';

/** Lines kept, nearest first. */
export const MAX_CLIP_LINES = 8;
/** Blocks read back from the clip (a page without headings is read no further). */
export const MAX_BLOCKS = 40;
/** Elements visited on the way back, blocks or not: a page of inline markup is read no further. */
const MAX_ELEMENTS = 2000;
/** Looks told apart in one read (`ClipLine.style`). */
export const MAX_STYLES = 8;
/** A quoted title counts only where a paragraph opens: it starts within these characters. */
const QUOTE_WITHIN = 80;

/**
 * A line above a clip, as `HighlightRecord.clipLines` stores it (core/types.ts `ClipLineRecord`): its
 * text (a heading, a block's first or bold line, a short line; for `quoted`, the paragraph's first
 * sentence that holds the quoted title; for `end`, the opening of a block that ends every talk above
 * it: a break, another talk attended, a talk not seen, where detection ended a talk; for `title`, a
 * single-talk post's `<h1>` or metadata title, or a line of its opening above its first sub-heading), kind, heading
 * rank, look and whether a list item or table row that does not hold the clip encloses it.
 */
export type ClipLine = ClipLineRecord;

/** Structure roles that end every talk above them (a talk's own "Key takeaways" ends none). */
const ENDING = new Set(['day', 'track', 'group', 'intro', 'outro', 'break', 'chrome', 'upcoming']);

/** `end`: a structure line, no talk reaches past it; `part`: a talk's own sub-section, no talk's line. */
export function lineRole(text: string): 'end' | 'part' | null {
  const role = headingRole(text);
  return role === null ? null : ENDING.has(role) ? 'end' : 'part';
}

/** Minutes since midnight of the time a line opens with ("14:00 — Title", "13:20 Jane"), or null. */
export function timeOf(line: Pick<ClipLine, 'text'>): number | null {
  const m = /^\s*\[?([01]?\d|2[0-3])[:.h]([0-5]\d)(?!\d)/u.exec(line.text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** Never a post's content. */
const OUTSIDE = 'nav, aside, footer, script, style, noscript, template, [hidden], [aria-hidden="true"]';

/** A list item that is one of a list of bare titles (a table of contents, "talks I saw"): no talk starts there. */
function isListedTitle(el: Element): boolean {
  if (el.tagName !== 'LI' || !el.parentElement) return false;
  const items = [...el.parentElement.children].filter((c) => c.tagName === 'LI');
  return items.length >= 2 && items.every((li) => isHeadingLike(clean(li.textContent)));
}

/** The block's line and how it stands, or null when the block holds none. */
function lineOf(el: Element): Omit<ClipLine, 'style' | 'enclosed'> | null {
  const whole = clean(el.textContent);
  if (!whole) return null;
  const level = headingRank(el);
  if (level) return whole.length <= MAX_LEAD_CHARS ? { text: whole, kind: 'heading', level } : null;
  const lead = leadOf(el);
  // A block that opens with a line of its own and goes on: a card's title, a thread message's first line.
  if (lead && lead.text.length < whole.length && isHeadingLike(lead.text) && lead.text.split(' ').length >= 2)
    return { text: lead.text, kind: 'first', level: 0 };
  if (isHeadingLike(whole)) return isListedTitle(el) ? null : { text: whole, kind: 'line', level: 0 };
  const bold = boldOpening(el);
  if (bold) return { text: bold, kind: 'bold', level: 0 };
  const sentence = /^.{1,400}?(?:[.!?…。！？](?=\s|$)|$)/su.exec(whole)?.[0] ?? '';
  const quoted = quotedTitleIn(sentence);
  if (quoted && sentence.indexOf(quoted) <= QUOTE_WITHIN)
    return { text: sentence.slice(0, MAX_LEAD_CHARS), kind: 'quoted', level: 0 };
  return null;
}

/** The text of a bold element the block opens with ("**Title** — notes …"), when it reads as a line. */
function boldOpening(el: Element): string | null {
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3 && !clean(child.textContent)) continue;
    if (child.nodeType !== 1) return null;
    const tag = (child as Element).tagName;
    if (tag !== 'STRONG' && tag !== 'B') return null;
    const text = clean(child.textContent).replace(/[\s:：—–-]+$/u, '');
    return isHeadingLike(text) && text.split(' ').length >= 2 ? text : null;
  }
  return null;
}

/**
 * Elements at which detection ended a talk other than at the next talk (`TalkSection.end` where it is
 * no section's heading): structure it knows, which no talk above reaches past.
 */
export function structureStops(sections: readonly TalkSection[]): Element[] {
  const talkParts = new Set(sections.flatMap((s) => [s.heading, ...(s.owns ?? [])]));
  // A talk made of the blocks it owns ends at the block after its last one.
  const ends = sections.map((s) => (s.owns ? blockAfter(s.owns[s.owns.length - 1], s.post) : s.end));
  return ends.filter((end): end is Element => end !== null && !talkParts.has(end));
}

/** The element after `el` in reading order within `post` (its next sibling, or an ancestor's). */
function blockAfter(el: Element | undefined, post: Element): Element | null {
  for (let node = el ?? null; node && node !== post; node = node.parentElement)
    if (node.nextElementSibling) return node.nextElementSibling;
  return null;
}

/** A block that ends every talk above it, whatever its look: a break, another talk attended, one not seen. */
function endsTalks(el: Element, stops: readonly Element[]): boolean {
  if (stops.some((stop) => stop.contains(el))) return true;
  const text = clean(el.textContent);
  return opensWithBreak(text) || tellsOfAnotherTalk(text) || saysNotSeen(text);
}

/**
 * Inside a block where detection ended a talk, only its first line speaks for it: what it holds below
 * that line (another author's post it quotes, a forwarded note) names no talk of the writer's.
 */
function belowStopLead(el: Element, stops: readonly Element[]): boolean {
  const stop = stops.find((s) => s !== el && s.contains(el));
  const holder = stop ? leadOf(stop)?.holder : null;
  return !!holder && holder !== el && !holder.contains(el) && !el.contains(holder) && follows(holder, el);
}
const follows = (a: Node, b: Node) => (a.compareDocumentPosition(b) & 4) /* FOLLOWING */ !== 0;

const endLine = (el: Element): Omit<ClipLine, 'style' | 'enclosed'> => ({
  text: clean(el.textContent).slice(0, MAX_LEAD_CHARS) || '—',
  kind: 'end',
  level: 0,
});

/** The innermost line block that holds `node`, or null. */
function blockOf(node: Node): Element | null {
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement)
    if (isLineBlock(el)) return el;
  return null;
}

/** The first line of the clip's own block, when the clip starts after it ("Title — Jane Doe<br>notes"). */
function ownLine(block: Element, node: Node): Omit<ClipLine, 'style' | 'enclosed'> | null {
  const lead = leadOf(block);
  const whole = clean(block.textContent);
  if (!lead || lead.text.length >= whole.length || !isHeadingLike(lead.text)) return null;
  const range = block.ownerDocument.createRange();
  range.setStart(block, 0);
  range.setEnd(node, 0);
  return clean(range.toString()).length >= lead.text.length
    ? { text: lead.text, kind: 'first', level: 0 }
    : null;
}

/**
 * The lines above `node` (a clip's start), nearest first (see the module comment for what counts
 * and the bounds). A structure line is kept, last, so that the caller sees where the reach ended.
 * On a single-talk post (`postTitle`, from {@link singlePostTitle}; null on other pages) a reading that
 * went up to the post's top ends with the post's titles, `title` lines, farthest last.
 */
export function readClipLines(
  node: Node,
  stops: readonly Element[] = [],
  postTitle: string | null = null,
): ClipLine[] {
  const doc = node.ownerDocument;
  if (!doc) return [];
  const root = doc.body ?? doc.documentElement;
  const own = blockOf(node);
  const styles = new Map<string, number>();
  const lines: ClipLine[] = [];
  const add = (el: Element, line: Omit<ClipLine, 'style' | 'enclosed'>) => {
    const look = `${line.kind}:${styleOf(el)}`;
    if (!styles.has(look)) styles.set(look, Math.min(styles.size, MAX_STYLES - 1));
    const item = el.closest('li, tr');
    lines.push({ ...line, style: styles.get(look)!, enclosed: !!item && !item.contains(node) });
  };
  if (stops.some((stop) => stop.contains(node)) || (own && endsTalks(own, stops))) {
    add(own ?? root, endLine(own ?? root));
    return lines;
  }
  const ownLead = own && ownLine(own, node);
  if (own && ownLead) add(own, ownLead);
  const walker = doc.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
  walker.currentNode = own ?? (node.nodeType === 1 ? node : (node.parentNode ?? root));
  let blocks = 0;
  let visited = 0;
  // Whether the reading went up to the post's top (its start, or a heading of rank 1 or 2 with no
  // structure line on the way): the post's title is then the farthest line.
  let reachedTop = true;
  for (
    let el = walker.previousNode() as Element | null;
    el && lines.length < MAX_CLIP_LINES && blocks < MAX_BLOCKS && visited++ < MAX_ELEMENTS;
    el = walker.previousNode() as Element | null
  ) {
    if (el.contains(node) || !isLineBlock(el) || el.closest(OUTSIDE)) continue;
    if (belowStopLead(el, stops)) continue;
    blocks++;
    const line = lineOf(el);
    if (!line && endsTalks(el, stops)) {
      add(el, endLine(el));
      reachedTop = false;
      break;
    }
    if (!line) continue;
    add(el, line);
    if (line.kind !== 'quoted' && lineRole(line.text) === 'end') reachedTop = false;
    if (!reachedTop || (line.level > 0 && line.level <= 2)) break;
  }
  if (lines.length >= MAX_CLIP_LINES || blocks >= MAX_BLOCKS || visited > MAX_ELEMENTS) reachedTop = false;
  if (reachedTop && postTitle !== null) lines.push(...postTitles(doc, node, postTitle, lines));
  return lines.slice(0, MAX_CLIP_LINES);
}

/**
 * The post title `readClipLines` may read as the farthest line: only on a page where detection found
 * at most one talk (a single-talk post; a recap's title is no talk's).
 */
export function singlePostTitle(sections: readonly TalkSection[], title: string | null): string | null {
  return sections.length <= 1 ? title : null;
}

/** Blocks of a post's opening read for the line that names its talk. */
const MAX_OPENING_BLOCKS = 8;

/**
 * The post's own titles, farthest last, as `title` lines: the lines of its opening (between its `<h1>`
 * and its first sub-heading: a link card to the talk's slides, a bold line; see {@link openingLines}),
 * its visible `<h1>` (the page's only one, above the clip, when the reading stopped before it) and the
 * title its metadata states (`postTitle`: og:title, JSON-LD headline or `<title>`, as
 * core/page-metadata.ts reads it), each once, within MAX_CLIP_LINES with the lines read.
 */
function postTitles(doc: Document, node: Node, postTitle: string, read: readonly ClipLine[]): ClipLine[] {
  const [h1, ...more] = [...doc.querySelectorAll('h1')].filter((h) => !h.closest(OUTSIDE));
  const above =
    h1 && !more.length && !h1.contains(node) && h1.compareDocumentPosition(node) & 4; /* FOLLOWING */
  const shown = above ? clean(h1.textContent) : '';
  const seen = new Set(read.map((line) => line.text));
  const titleLines = (texts: readonly string[]) => {
    const lines: ClipLine[] = [];
    for (const text of texts) {
      if (!text || text.length > MAX_LEAD_CHARS || seen.has(text)) continue;
      seen.add(text);
      lines.push({ text, kind: 'title', level: 0, style: 0, enclosed: false });
    }
    return lines;
  };
  const titles = titleLines([shown, clean(postTitle)]);
  const room = MAX_CLIP_LINES - read.length - titles.length;
  const opening = above && room > 0 ? titleLines(openingLines(h1, node)).slice(0, room) : [];
  return [...opening, ...titles];
}

/**
 * The lines of a post's opening, the blocks between its `<h1>` and its first sub-heading above the
 * clip, nearest the clip first: where a single-talk post often names its talk (a link card to the
 * slides between two intro paragraphs). Not a quoted title in its prose (a talk mentioned in passing),
 * a list item or table row, nor a line of one word.
 */
function openingLines(h1: Element, node: Node): string[] {
  const doc = h1.ownerDocument;
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, 1 /* NodeFilter.SHOW_ELEMENT */);
  walker.currentNode = h1;
  const lines: string[] = [];
  let blocks = 0;
  let visited = 0;
  for (
    let el = walker.nextNode() as Element | null;
    el && blocks < MAX_OPENING_BLOCKS && visited++ < MAX_ELEMENTS;
    el = walker.nextNode() as Element | null
  ) {
    if (h1.contains(el)) continue;
    // The clip's own block, or past it: the reading above has read this far.
    if (el.contains(node) || node.compareDocumentPosition(el) & 4 /* FOLLOWING */) break;
    if (!isLineBlock(el) || el.closest(OUTSIDE)) continue;
    blocks++;
    if (headingRank(el)) break;
    const line = el.closest('li, tr') ? null : lineOf(el);
    // Two words or more: a card's domain or a byline's date is no title.
    if (line && line.kind !== 'quoted' && line.text.split(' ').length >= 2) lines.push(line.text);
  }
  return lines.reverse();
}
