/**
 * The line that leads to a clip within its talk's section: the nearest heading-like block (a heading,
 * or a short paragraph, list item or line that ends no sentence) between the section's own heading
 * and the clip. clip-guard.ts reads it for another talk's title or speaker: a section that ran over
 * the next talk's introduction shows that talk's line right above the clip.
 */

/**
 * A line longer than this is prose, not a heading. Also the bound on the lead a highlight stores
 * (`HighlightRecord.clipLead`, LIMITS.clipLead): page text, kept short.
 */
export const MAX_LEAD_CHARS = 160;

/** A short line that does not end a sentence: "Observability on a Budget", "14:20, B terem: Kill Your Feature Flags". */
export function isHeadingLike(line: string): boolean {
  const text = line.trim();
  return text.length > 0 && text.length <= MAX_LEAD_CHARS && !/[.!?…。！？]["'”’»)]*$/u.test(text);
}

/** Longer than this, a line of a title's look is a message or a note, not another talk's title. */
const MAX_TITLE_LINE = 100;

/**
 * Whether a heading-like line of the talks' own look could start another talk: not one that opens in
 * lower case or runs past MAX_TITLE_LINE characters (a chat's notes messages share its title
 * messages' look: "she works on interlocking software for regional lines, …").
 */
export function couldBeTitleLine(line: string): boolean {
  const text = line.trim();
  return text.length <= MAX_TITLE_LINE && !/^\p{Ll}/u.test(text);
}

/** Blocks that hold a line of text. */
const BLOCKS = new Set([
  'P',
  'DIV',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'DT',
  'DD',
  'TD',
  'TH',
  'SUMMARY',
  'FIGCAPTION',
  'BLOCKQUOTE',
]);

/** Inner blocks only: a wrapper `<div>` of paragraphs is not itself a line. */
export function isLineBlock(el: Element): boolean {
  if (!BLOCKS.has(el.tagName.toUpperCase())) return false;
  for (const child of el.children) if (BLOCKS.has(child.tagName.toUpperCase())) return false;
  return true;
}

/** The lead of a clip: its text, and whether its block is styled as the section's own heading. */
export interface ClipLead {
  text: string;
  /**
   * The same element, class and first child's element and class as the section's heading, or a
   * heading of its rank or above: a line of the section's own rank (the next talk's title or a break
   * detection did not end the section at).
   */
  likeHeading: boolean;
}

/** The rank of a heading (`<h1>`-`<h6>`, or `role="heading"` with its `aria-level`, 2 without), 0 for any other block. */
export function headingRank(el: Element): number {
  if (/^H[1-6]$/.test(el.tagName)) return Number(el.tagName[1]);
  if (el.getAttribute('role') !== 'heading') return 0;
  const level = Number(el.getAttribute('aria-level'));
  return Number.isInteger(level) && level >= 1 && level <= 6 ? level : 2;
}

/**
 * Whether `el`, a line between a section's `heading` and a clip, is of the section's own rank: styled
 * as the heading, or a heading of its rank or above in the same container whatever its class ("What
 * we missed" set as an `<h2>` of another class among `<h2>` talks): where a talk of the section's rank
 * would start. Not a heading inside a card the section holds (a speaker's profile card titled by an
 * `<h2>`).
 */
function ofHeadingRank(el: Element, heading: Element): boolean {
  if (styleOf(el) === styleOf(heading)) return true;
  const rank = headingRank(el);
  const own = headingRank(heading);
  return rank > 0 && own > 0 && rank <= own && el.parentElement === heading.parentElement;
}

/** Tag and class of an element and of its first child: what styles a line as a heading. */
export function styleOf(el: Element): string {
  const first = el.firstElementChild;
  const own = `${el.tagName}.${el.getAttribute('class') ?? ''}`;
  return first ? `${own}>${first.tagName}.${first.getAttribute('class') ?? ''}` : own;
}

/**
 * The nearest heading-like line after `heading` (the section's own heading, excluded with what it
 * holds) and before the block that holds `node` (the clip's start); null when there is none.
 */
export function clipLead(heading: Element, node: Node): ClipLead | null {
  const doc = heading.ownerDocument;
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, 1 /* NodeFilter.SHOW_ELEMENT */);
  walker.currentNode = heading;
  const headingText = (heading.textContent ?? '').replace(/\s+/g, ' ').trim();
  let lead: ClipLead | null = null;
  for (let el = walker.nextNode() as Element | null; el; el = walker.nextNode() as Element | null) {
    if (heading.contains(el)) continue;
    if (el.contains(node)) break;
    // Past the clip (DOCUMENT_POSITION_FOLLOWING of the node): stop.
    if ((node.compareDocumentPosition(el) & 4) !== 0) break;
    if (!isLineBlock(el)) continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text && isHeadingLike(text) && text !== headingText)
      lead = { text, likeHeading: ofHeadingRank(el, heading) };
  }
  return lead;
}
