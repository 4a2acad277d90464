/**
 * Repeated block shapes: every block of a post whose own first line could be a title, keyed by a
 * page-internal signature (its tag, whether its line is a bold lead or the whole block set in bold, the
 * tags and class attributes on its path up to the post). A page's template repeats one shape for each
 * talk whatever the platform calls it (a heading, a one-item list, a grid cell, a subject line, a
 * caption, a bold run), so the blocks of one shape are the candidates of one group. Nothing here knows
 * a platform, a class name or a language; `shape-talks.ts` scores the groups.
 */
import { clean, headingText, isBoilerplate, isHidden } from './dom';
import { isBold } from './typography';
import { type HeadingRole, headingRole } from './vocabulary';

/** One block's own first line and the shape it has on this page. */
export interface ShapeLine {
  el: Element;
  /** The block's own first line (its text up to the first nested block or line break), or its bold lead. */
  line: string;
  /** The page-internal signature: blocks of one key are the same shape of the page's template. */
  key: string;
  /** The key with a heading's rank left out, so that mixed heading ranks can be merged. */
  rankFree: string;
  /**
   * The shapes of where it stands, whatever element it is: the first line of a block the page repeats
   * (a grid's cell, a card, a module), or the line right after a block the page repeats (a captioned
   * photo before each talk). A writer who varies the title's element keeps its place.
   */
  places: string[];
  /** 1-6 for headings, 7 for every other block. */
  level: number;
  /** Why the line is no talk title (a day, a break, a conclusion …), or null (`vocabulary.ts`). */
  role: HeadingRole | null;
}

/** Blocks that can open a talk: any block element with text of its own. */
const BLOCK =
  /^(?:P|LI|H[1-6]|DT|DD|SUMMARY|CAPTION|FIGCAPTION|TD|TH|DIV|SECTION|ARTICLE|BLOCKQUOTE|HEADER|LEGEND)$/;
/** Elements that end a block's own first line. */
const LINE_BREAK =
  /^(?:P|LI|H[1-6]|DT|DD|SUMMARY|CAPTION|FIGCAPTION|TD|TH|TR|DIV|SECTION|ARTICLE|BLOCKQUOTE|HEADER|FOOTER|UL|OL|DL|TABLE|FIGURE|BR|HR|PRE|DETAILS|ASIDE|NAV|FORM|IMG|PICTURE|VIDEO|IFRAME|SVG|svg)$/;
/** Elements whose content is no text a reader sees (read by shapes.ts and line-units.ts alike). */
export const NOT_TEXT = /^(?:SCRIPT|STYLE|TEMPLATE|NOSCRIPT|BUTTON|svg|SVG)$/;
/** Inline wrappers: a run inside them still stands on its line (shape-talks.ts, line-units.ts). */
export const INLINE =
  /^(?:A|B|STRONG|EM|I|SPAN|CODE|MARK|U|S|SMALL|SUB|SUP|CITE|Q|ABBR|TIME|KBD|SAMP|VAR|LABEL|FONT)$/;
/** A first line longer than this is prose; a bold lead may still open it. */
const MAX_LINE = 200;
/** How many ancestors the path of a shape names: enough to tell a grid's cells from the prose around it. */
const PATH_DEPTH = 6;

/** Every block of `post` with a line of its own, in document order. */
export function shapeLines(post: Element): ShapeLine[] {
  const out: ShapeLine[] = [];
  const skipped = new Set<Element>();
  for (const el of post.querySelectorAll('*')) {
    if (skipped.has(el.parentElement!) || NOT_TEXT.test(el.tagName) || isHidden(el)) {
      skipped.add(el);
      continue;
    }
    if (!BLOCK.test(el.tagName)) continue;
    if ((el.tagName === 'TD' || el.tagName === 'TH') && !opensRow(el)) continue;
    // A header row (no data cell) names the columns, not a row's talk.
    if (el.tagName === 'TH' && !el.parentElement?.querySelector(':scope > td')) continue;
    const own = ownLine(el);
    // A heading's permalink or edit mark is no part of its line.
    if (own && /^H[1-6]$/.test(el.tagName) && !own.lead) own.text = headingText(el) || own.text;
    if (!own || isBoilerplate(el)) continue;
    const path = `${classOf(el)}<${pathOf(el, post)}`;
    const heading = /^H[1-6]$/.test(el.tagName);
    const style = own.lead ? '+lead' : own.bold ? '+bold' : '';
    out.push({
      el,
      line: own.text,
      key: `${el.tagName}${style}<${path}`,
      rankFree: `${heading ? 'H' : el.tagName}${style}<${path}`,
      level: heading ? Number(el.tagName[1]) : 7,
      places: [],
      role: headingRole(own.text),
    });
  }
  for (const [i, l] of out.entries()) l.places = placesOf(l, out[i - 1] ?? null, post);
  return out;
}

/** The repeated blocks `l` opens or follows (see `ShapeLine.places`). */
function placesOf(l: ShapeLine, previous: ShapeLine | null, post: Element): string[] {
  const places: string[] = [];
  // The outermost block below the post that `l` is the first line of.
  let opened: Element | null = null;
  for (let node = l.el.parentElement; node && node !== post; node = node.parentElement) {
    if (previous && node.contains(previous.el)) break;
    opened = node;
  }
  if (opened) places.push(`first of ${opened.tagName}${classOf(opened)}<${pathOf(opened, post)}`);
  // The block right before it (climbing while it has no sibling before it).
  let before: Element | null = null;
  for (let node: Element | null = l.el; node && node !== post && !before; node = node.parentElement)
    before = node.previousElementSibling;
  if (before && (!previous || before.contains(previous.el) || previous.el.contains(before)))
    places.push(`after ${before.tagName}${classOf(before)}<${pathOf(before, post)}`);
  return places;
}

/** The first cell of its row holding text: a row's cell that begins it. */
function opensRow(cell: Element): boolean {
  for (let sib = cell.previousElementSibling; sib; sib = sib.previousElementSibling)
    if (clean(sib.textContent)) return false;
  return true;
}

/** The tags and class attributes from `el`'s parent up to `post`: where on the page's template it stands. */
export function pathOf(el: Element, post: Element): string {
  const parts: string[] = [];
  for (
    let node = el.parentElement;
    node && node !== post && parts.length < PATH_DEPTH;
    node = node.parentElement
  )
    parts.push(`${node.tagName}${classOf(node)}`);
  return parts.join('<');
}

/** The class attribute as a set: equal on this page's like blocks whatever the platform names them. */
export function classOf(el: Element): string {
  const names = (el.getAttribute('class') ?? '').trim().split(/\s+/).filter(Boolean).sort();
  return names.length ? `.${names.join('.')}` : '';
}

/**
 * The text `el` holds before its first nested block or line break, and whether it is all bold; or,
 * when that text is prose, the bold run that opens it (a "lead": `<p><b>Title</b> — notes …</p>`).
 */
function ownLine(el: Element): { text: string; bold: boolean; lead: boolean } | null {
  const runs: { text: string; el: Element | null }[] = [];
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      runs.push({ text: child.textContent ?? '', el: null });
      continue;
    }
    if (child.nodeType !== 1) continue;
    const e = child as Element;
    if (NOT_TEXT.test(e.tagName) || isHidden(e)) continue;
    if (
      LINE_BREAK.test(e.tagName) ||
      e.querySelector('br, p, div, li, ul, ol, table, h1, h2, h3, h4, h5, h6')
    ) {
      // An image or an empty wrapper before the line is read past ("<p><img> Title</p>").
      if (!clean(runs.map((r) => r.text).join(''))) {
        if (/^(?:IMG|PICTURE|SVG|svg|BR)$/.test(e.tagName)) continue;
        return null;
      }
      break;
    }
    runs.push({ text: e.textContent ?? '', el: e });
  }
  const text = clean(runs.map((r) => r.text).join(''));
  if (!text) return null;
  const filled = runs.filter((r) => clean(r.text));
  const first = filled[0];
  const bold = filled.every((r) => r.el && isBoldRun(r.el));
  if (text.length <= MAX_LINE && !(first?.el && isBoldRun(first.el) && filled.length > 1 && !bold))
    return { text, bold, lead: false };
  // A bold run opening a longer block is the block's lead.
  if (first?.el && isBoldRun(first.el)) {
    const lead = clean(first.el.textContent);
    if (lead && lead.length <= MAX_LINE) return { text: lead, bold: true, lead: true };
  }
  return text.length <= MAX_LINE ? { text, bold, lead: false } : null;
}

/** Bold, or a run whose only element child is bold (`<a><strong>T</strong></a>`). */
function isBoldRun(el: Element): boolean {
  if (isBold(el)) return true;
  const only = el.children.length === 1 ? el.children[0]! : null;
  return !!only && clean(only.textContent) === clean(el.textContent) && isBold(only);
}
