/**
 * An outline: nested list items, each a short line over the items that hold its notes (a shared
 * document's bullets, an outliner's export: "Day 1" over "Title (Jane Doe)" over what was said). Such
 * an item has no bold or link to set its line apart: its children set it apart as a heading's section
 * does, so its line is read as a candidate title of the item's form, and the item owns its notes.
 */
import { childElements, clean, visibleText } from './dom';

/** Lines longer than this are notes, not an outline item's title. */
const MAX_OUTLINE_LINE = 160;
/** Child items an outline item holds at least: one child is a remark, not a section. */
const MIN_CHILDREN = 2;

/**
 * The line of `li` when it is an outline item: its own text (before its nested list) is short and no
 * sentence, and it holds a nested list of two items or more. Null otherwise.
 */
export function outlineItemLine(li: Element): string | null {
  let own = '';
  let nested: Element | null = null;
  for (let child = li.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1 && /^(?:UL|OL)$/.test((child as Element).tagName)) {
      nested = child as Element;
      break;
    }
    if (child.nodeType === 3) own += child.textContent;
    else if (child.nodeType === 1) own += ` ${visibleText(child as Element)} `;
  }
  if (!nested || childElements(nested).filter((c) => c.tagName === 'LI').length < MIN_CHILDREN) return null;
  const line = clean(own);
  if (line.length < 4 || line.length > MAX_OUTLINE_LINE || SENTENCE_END.test(line)) return null;
  return line;
}
/** A line ending as a sentence does is a note, not a title ("… and it worked."). */
const SENTENCE_END = /[.!?…。！？]$/u;
