/**
 * Line units: the post read as a reader sees its lines, where a line is not a block of its own. A page
 * may open each talk at a bold or italic run inside a paragraph or a text span (lines separated only by
 * `<br>`), at an element marked `role="heading"` that is no block, or name its talks only in a contents
 * list whose links lead to the sections that hold them. `shapes.ts` offers blocks only; this module
 * offers those lines in the same form (`ShapeLine`), keyed by a page-internal signature (the run's tag,
 * its emphasis, its class set, what it follows, the tags and classes of its path), so that
 * `shape-talks.ts` groups and scores them like any other shape. Nothing here knows a platform, a class
 * name or a language.
 *
 * A unit's element is the run itself (or, for a contents entry, the element its link leads to): a talk
 * opened by it starts at the run, inside its block, and the text before the run in that block stays in
 * the talk above (`talkForNode` files by document order, which a run inside a block keeps).
 */
import { clean, isBoilerplate, isHidden } from './dom';
import { classOf, INLINE, NOT_TEXT, pathOf, type ShapeLine } from './shapes';
import { isBold } from './typography';
import { headingRole } from './vocabulary';

/** Inline elements whose run can open a line as a title does: set apart by weight, slant or underline. */
const EMPHASIS = /^(?:B|STRONG|EM|I|U|MARK|CITE)$/;
/** Elements that show no text but stand before a line ("<img> Title", an icon). */
const PICTURE = /^(?:IMG|PICTURE|SVG|svg|I)$/;
/** Text allowed before a run on its line: a bullet, an emoji, a number ("🎤", "1.", "②", "—"). */
const LINE_MARK = /^[^\p{L}]{0,6}$/u;
/** A tail after a run that may name its speakers: set off by a dash, a bar, a colon or a bracket. */
const TAIL = /^[—–|:：(（-]/u;
const HEAD = /[—–|:：-]$/u;
/** Where a line's tail ends: a colon or the end of a sentence ("T (Jane Doe): notes …"). */
const CLAUSE_END = /(?<=\S)[:：](?=\s|$)|[.!?。।](?=\s|$)/u;
/** Where the sentence before a run ends ("2-zal. 🎤 Jane Doe — T": the head is "🎤 Jane Doe —"). */
const SENTENCE_END = /[.!?。।]\s/u;
const MAX_TAIL = 100;
/** A run longer than this is prose set in bold, not a title. */
const MAX_LINE = 200;
/**
 * Runs of one shape read at most: the shape scorer reads no group of more than 100 lines
 * (`shape-talks.ts`), and a run's shape splits into three places on its line at most.
 */
const MAX_RUNS = 300;
/** Contents lists longer than this are an index, not a post's talks. */
const MAX_CONTENTS = 60;

/**
 * Every line of `post` that opens at an emphasised run, a non-block `role="heading"` element, or a
 * contents entry leading into the post, in document order. Runs that open a block whose own line is the
 * run (which `shapes.ts` offers already) are left out: `blockLines` are the lines it offers.
 */
export function lineUnits(post: Element, blockLines: readonly ShapeLine[]): ShapeLine[] {
  const offered = new Map(blockLines.map((l) => [l.el, l.line]));
  const inChrome = isBoilerplate(post);
  // Runs of one shape, counted first: more than `MAX_RUNS` of them are a feed or an index, not read.
  const runs: { el: Element; kind: string; rankFree: string }[] = [];
  const counts = new Map<string, number>();
  for (const el of post.querySelectorAll('*')) {
    const kind = runKind(el);
    if (!kind) continue;
    // Runs of one tag, emphasis, class and path are one shape wherever they stand on their line
    // (`rankFree`); where they stand keeps them apart too (`key`).
    const rankFree = `${el.tagName}.${kind}${classOf(el)}<${pathOf(el, post)}`;
    counts.set(rankFree, (counts.get(rankFree) ?? 0) + 1);
    runs.push({ el, kind, rankFree });
  }
  const out: ShapeLine[] = [];
  for (const { el, rankFree } of runs) {
    if (counts.get(rankFree)! > MAX_RUNS) continue;
    const line = clean(el.textContent);
    if (!line || line.length > MAX_LINE || !/\p{L}/u.test(line) || hiddenIn(el, post, inChrome)) continue;
    const { before, opensBlock } = lineBefore(el, post);
    // Nothing but a mark before it ("🎤", "1."): the run opens its line; else it sits inside one.
    const opens = LINE_MARK.test(before);
    const block = blockOf(el, post);
    const rest = restOfLine(el);
    const whole = LINE_MARK.test(rest);
    // A short tail set off by a dash, a bar, a colon or a bracket names the speakers ("T — Jane Doe",
    // "T (Jane Doe): notes …"), and so may a short head that ends in one ("Jane Doe — T"): both are
    // part of the line the title parser reads.
    // A company in brackets after the name is no speaker ("— Jane Doe (Acme)"); a name alone in them is.
    const tail = rest.split(CLAUSE_END)[0]!.replace(/(?<=\p{L})\s*[(（][^()（）]*[)）]$/u, '');
    const head = before.split(SENTENCE_END).pop()!.trim();
    const read = [
      !opens && head.length <= MAX_TAIL && HEAD.test(head) ? head : '',
      line,
      !whole && tail.length <= MAX_TAIL && TAIL.test(tail) ? tail : '',
    ]
      .filter(Boolean)
      .join(' ');
    // The block's own line is this run and its only one: the block is offered already (`shapes.ts`).
    if (opens && opensBlock && offered.get(block) === read && !block.querySelector('br')) continue;
    const key = `${rankFree}${opens ? (whole ? '' : '+lead') : '+inside'}`;
    out.push({ el, line: read, key, rankFree, places: [], level: 7, role: headingRole(line) });
  }
  // Runs come in document order; contents entries lead elsewhere in it.
  const contents = contentsEntries(post);
  return contents.length ? inDocumentOrder([...out, ...contents], post) : out;
}

/**
 * `lines` sorted by where their elements stand in `post`, by one walk of it: comparing positions pair by
 * pair costs a walk of the siblings each time, which a post of thousands of lines in one block cannot pay.
 */
export function inDocumentOrder(lines: ShapeLine[], post: Element): ShapeLine[] {
  const order = new Map<Element, number>();
  let i = 0;
  for (const el of post.querySelectorAll('*')) order.set(el, i++);
  const at = (l: ShapeLine) => order.get(l.el) ?? -1;
  return lines.sort((a, b) => at(a) - at(b));
}

/** What sets the run apart: its weight, slant, underline or its heading role; null for a plain run. */
function runKind(el: Element): string | null {
  if (NOT_TEXT.test(el.tagName)) return null;
  if (el.getAttribute('role') === 'heading' && INLINE.test(el.tagName)) return 'heading';
  if (!INLINE.test(el.tagName)) return null;
  // The outermost emphasis only: "<b><i>T</i></b>" is one run.
  const parent = el.parentElement;
  if (parent && INLINE.test(parent.tagName) && emphasis(parent) && sameText(parent, el)) return null;
  return emphasis(el);
}

function emphasis(el: Element): string | null {
  if (EMPHASIS.test(el.tagName)) return el.tagName === 'B' || el.tagName === 'STRONG' ? 'bold' : 'mark';
  if (el.tagName === 'SPAN' && isBold(el)) return 'bold';
  return null;
}

const sameText = (a: Element, b: Element) => clean(a.textContent) === clean(b.textContent);

/**
 * The text before `el` on its visual line (from the start of its block, a `<br>` or a block element),
 * read up to `MAX_LINE` characters, and whether that line is the start of its block.
 */
function lineBefore(el: Element, post: Element): { before: string; opensBlock: boolean } {
  let before = '';
  for (let node: Element = el; node !== post; node = node.parentElement!) {
    for (let sib = node.previousSibling; sib; sib = sib.previousSibling) {
      if (sib.nodeType === 1) {
        const e = sib as Element;
        if (
          e.tagName === 'BR' ||
          (!INLINE.test(e.tagName) && !PICTURE.test(e.tagName) && !NOT_TEXT.test(e.tagName))
        )
          return { before: clean(before), opensBlock: false };
        if (NOT_TEXT.test(e.tagName) || isHidden(e)) continue;
      } else if (sib.nodeType !== 3) continue;
      before = (sib.textContent ?? '') + before;
      if (before.length > MAX_LINE) return { before: clean(before), opensBlock: false };
    }
    if (!INLINE.test(node.parentElement?.tagName ?? '') || node.parentElement === post)
      return { before: clean(before), opensBlock: true };
  }
  return { before: clean(before), opensBlock: true };
}

/** The text after `el` on its line, up to a `<br>`, a block or its block's end (read up to `MAX_LINE`). */
function restOfLine(el: Element): string {
  let after = '';
  for (let node: Element = el; node.parentElement; node = node.parentElement) {
    for (let sib = node.nextSibling; sib; sib = sib.nextSibling) {
      if (sib.nodeType === 1 && !INLINE.test((sib as Element).tagName)) return clean(after);
      after += sib.textContent ?? '';
      if (after.length > MAX_LINE) return clean(after);
    }
    if (!INLINE.test(node.parentElement.tagName)) break;
  }
  return clean(after);
}

/** The nearest block holding `el` (its paragraph, cell or item), or the post. */
function blockOf(el: Element, post: Element): Element {
  let node = el.parentElement ?? post;
  while (node !== post && INLINE.test(node.tagName)) node = node.parentElement ?? post;
  return node;
}

/** Hidden, or in the page's chrome (navigation, a sidebar, comments), on the way up to the post. */
function hiddenIn(el: Element, post: Element, postInChrome: boolean): boolean {
  for (let node: Element | null = el; node && node !== post; node = node.parentElement)
    if (isHidden(node)) return true;
  return !postInChrome && isBoilerplate(el);
}

/**
 * A contents list's entries: links to places of the post, in the post's order, at least two of them,
 * each read as the line that opens the section it leads to (the link's target, or the first block
 * inside it when the target is a container that holds the section's text). The list may stand outside
 * the post (a sidebar "On this page"); its entries are the talks' lines where the post shows none.
 */
function contentsEntries(post: Element): ShapeLine[] {
  const doc = post.ownerDocument;
  const byList = new Map<Element, ShapeLine[]>();
  for (const a of doc.querySelectorAll('a[href^="#"]')) {
    const id = decodeId(a.getAttribute('href')!.slice(1));
    const target = id ? doc.getElementById(id) : null;
    if (!target || !post.contains(target) || target.contains(a) || a.contains(target)) continue;
    const line = clean(a.textContent);
    if (!line || line.length > MAX_LINE || !/\p{L}/u.test(line)) continue;
    const list = a.closest('nav, ol, ul, [role="navigation"]') ?? a.parentElement!;
    const opening = openingOf(target);
    const key = `contents<${list.tagName}${classOf(list)}`;
    const entry: ShapeLine = {
      el: opening,
      line,
      key,
      rankFree: key,
      places: [],
      level: 7,
      role: headingRole(line),
    };
    const entries = byList.get(list);
    if (entries) entries.push(entry);
    else byList.set(list, [entry]);
  }
  const out: ShapeLine[] = [];
  for (const entries of byList.values()) {
    if (entries.length < 2 || entries.length > MAX_CONTENTS) continue;
    // Entries out of the post's order, or two leading to one place, are no contents of its sections.
    const ordered = entries.every(
      (e, i) => i === 0 || (entries[i - 1]!.el.compareDocumentPosition(e.el) & 4) !== 0,
    );
    if (ordered) out.push(...entries);
  }
  return out;
}

/** The element a section led to opens with: itself, unless it is a container of the section's blocks. */
function openingOf(target: Element): Element {
  let node = target;
  while (node.firstElementChild && !INLINE.test(node.firstElementChild.tagName))
    node = node.firstElementChild;
  return node;
}

function decodeId(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
