/**
 * Finds a passage of a page's rendered text in the DOM, the way a reader selects it: across inline elements
 * (links, emphasis, code) and regardless of how the source breaks and indents lines. The rendering follows
 * tests/fixtures/recaps/check.py, which checked the corpus passages: text of `<head>`, scripts, styles,
 * templates, `<noscript>`, `<title>`, `[hidden]` elements and inline `display:none` is left out; whitespace
 * collapses to one space; block elements are separated by a line break, so a passage never spans two blocks.
 * Stylesheets are not evaluated (jsdom does not apply them), so text hidden by a class counts as visible.
 */

const SKIPPED = new Set(['HEAD', 'SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'TITLE']);
/** check.py's BLOCK set (it treats `<time>` as inline too). */
const BLOCKS = new Set(
  (
    'address article aside blockquote body dd details dialog div dl dt fieldset figcaption figure footer form ' +
    'h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section summary table tbody td tfoot th thead tr ' +
    'ul br button label textarea option select'
  )
    .toUpperCase()
    .split(' '),
);
const SPACE = /\s/;

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

export interface RenderedText {
  /** The visible text: whitespace collapsed to one space, `\n` between blocks. */
  text: string;
  /** For each character of `text`, the text node and offset it comes from; null for a block break. */
  origins: ({ node: Text; offset: number } | null)[];
}

export interface TextPosition {
  node: Text;
  offset: number;
}

export interface LocatedPassage {
  /** How many times the passage occurs in the rendered text (a corpus passage occurs exactly once). */
  count: number;
  /** Where its first occurrence starts and ends (the end is just after its last character), or null. */
  start: TextPosition | null;
  end: TextPosition | null;
}

function isHidden(el: Element): boolean {
  if (SKIPPED.has(el.tagName.toUpperCase())) return true;
  if (el.hasAttribute('hidden')) return true;
  const style = (el.getAttribute('style') ?? '').replace(/ /g, '').toLowerCase();
  return style.includes('display:none');
}

/** The rendered text of `root` (a document or an element) with the origin of every character. */
export function renderText(root: Document | Element): RenderedText {
  // First the raw characters with their origins, then one pass that collapses whitespace.
  const raw: string[] = [];
  const rawOrigins: ({ node: Text; offset: number } | null)[] = [];
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        const data = (child as Text).data;
        for (let i = 0; i < data.length; i++) {
          raw.push(data[i]!);
          rawOrigins.push({ node: child as Text, offset: i });
        }
      } else if (child.nodeType === ELEMENT_NODE) {
        const el = child as Element;
        if (isHidden(el)) continue;
        const block = BLOCKS.has(el.tagName.toUpperCase());
        if (block) {
          raw.push('\n');
          rawOrigins.push(null);
        }
        walk(el);
        if (block) {
          raw.push('\n');
          rawOrigins.push(null);
        }
      }
    }
  };
  walk(root);

  let text = '';
  const origins: RenderedText['origins'] = [];
  for (let i = 0; i < raw.length; ) {
    const ch = raw[i]!;
    if (rawOrigins[i] === null || SPACE.test(ch)) {
      // A run of whitespace and block breaks: one `\n` if it holds a block break, else one space.
      let j = i;
      let hasBreak = false;
      let first: { node: Text; offset: number } | null = null;
      while (j < raw.length && (rawOrigins[j] === null || SPACE.test(raw[j]!))) {
        if (rawOrigins[j] === null) hasBreak = true;
        else first ??= rawOrigins[j]!;
        j++;
      }
      text += hasBreak ? '\n' : ' ';
      origins.push(hasBreak ? null : first);
      i = j;
    } else {
      text += ch;
      origins.push(rawOrigins[i]!);
      i++;
    }
  }
  return { text, origins };
}

/** Whitespace collapsed and trimmed, as passages are compared with the rendered text. */
export const collapseSpace = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Where `passage` is in `root`'s rendered text (whitespace in the passage is collapsed first). */
export function locatePassage(root: Document | Element | RenderedText, passage: string): LocatedPassage {
  const rendered = 'origins' in root ? root : renderText(root);
  const wanted = collapseSpace(passage);
  if (wanted === '') return { count: 0, start: null, end: null };
  const first = rendered.text.indexOf(wanted);
  if (first < 0) return { count: 0, start: null, end: null };
  let count = 0;
  for (let at = first; at >= 0; at = rendered.text.indexOf(wanted, at + 1)) count++;
  const last = rendered.origins[first + wanted.length - 1]!;
  return {
    count,
    start: rendered.origins[first]!,
    end: { node: last.node, offset: last.offset + 1 },
  };
}
