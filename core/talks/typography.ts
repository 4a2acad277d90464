/**
 * Typographic evidence read from the page itself: a line set in bold by its style rather than by a
 * `<b>`/`<strong>` element (an exported document's `<span class="c7">`, a builder's
 * `<span style="font-weight:700">`) is as much a bold line as one in `<strong>`. Read from what a
 * `Document` holds without layout: the element's inline style and the rules of the page's `<style>`
 * elements whose selector is a single class (`.c7`, `span.c7`), the form exporters and builders write.
 * Rules behind longer selectors, stylesheets loaded by `<link>` and inherited weight are not read:
 * without them a line is simply not bold, as before.
 */

/**
 * Class name -> bold (true) or explicitly not bold (false) from the last rule that sets a weight, and
 * that rule's place in the page's styles (of two classes on one element, the later rule wins).
 */
type ClassWeights = Map<string, { bold: boolean; order: number }>;

interface Cached {
  /** The page's live list of `<style>` elements, and its length and last element when read: a change re-reads them. */
  styles: HTMLCollectionOf<HTMLStyleElement>;
  count: number;
  last: Element | null;
  weights: ClassWeights;
}

const cache = new WeakMap<Document, Cached>();
/** Style text read per document at most: a page with megabytes of inline CSS is not an exported document. */
const MAX_CSS = 400_000;
/** ".c7", "span.c7", "p.title": one class, with a tag at most. */
const SIMPLE_CLASS = /^[a-z][a-z0-9]*?\.([\w-]+)$|^\.([\w-]+)$/i;
const RULE = /([^{}]+)\{([^{}]*)\}/g;
const WEIGHT = /(?:^|;)\s*font-weight\s*:\s*([^;!]+)/gi;

/** True when the weight named in CSS (`bold`, `700`, `600`) is bold; false for normal weights. */
function boldWeight(value: string): boolean {
  const v = value.trim().toLowerCase();
  if (v === 'bold' || v === 'bolder') return true;
  const n = Number(v);
  return Number.isFinite(n) && n >= 600;
}

/** The weight the declarations set last, or null when they set none. */
function weightIn(declarations: string): boolean | null {
  let bold: boolean | null = null;
  for (const m of declarations.matchAll(WEIGHT)) bold = boldWeight(m[1] ?? '');
  return bold;
}

function classWeights(doc: Document): ClassWeights {
  // Asked for every line a page's detection reads: the check must cost nothing (a live list's length).
  const cached = cache.get(doc);
  if (
    cached &&
    cached.styles.length === cached.count &&
    cached.styles[cached.count - 1] === (cached.last ?? undefined)
  )
    return cached.weights;
  const live = cached?.styles ?? doc.getElementsByTagName('style');
  const styles = [...live];
  const weights: ClassWeights = new Map();
  let read = 0;
  let order = 0;
  for (const style of styles) {
    const css = style.textContent ?? '';
    read += css.length;
    if (read > MAX_CSS) break;
    // Cheap first: most pages' styles set no weight on a class of their own.
    if (!css.includes('font-weight')) continue;
    for (const [, selectors = '', declarations = ''] of css.matchAll(RULE)) {
      const bold = weightIn(declarations);
      if (bold === null) continue;
      for (const selector of selectors.split(',')) {
        const m = SIMPLE_CLASS.exec(selector.trim());
        const name = m?.[1] ?? m?.[2];
        if (name) weights.set(name, { bold, order: order++ });
      }
    }
  }
  cache.set(doc, { styles: live, count: styles.length, last: styles[styles.length - 1] ?? null, weights });
  return weights;
}

/**
 * True when `el` is set in bold: a `<b>`/`<strong>`, or an element whose inline style or single-class
 * style rule gives it a bold weight (an inline style wins over a class, as in CSS).
 */
export function isBold(el: Element): boolean {
  if (el.tagName === 'B' || el.tagName === 'STRONG') return true;
  const inline = el.getAttribute('style');
  if (inline?.includes('font-weight')) {
    const bold = weightIn(inline);
    if (bold !== null) return bold;
  }
  const names = el.getAttribute('class');
  if (!names) return false;
  const weights = classWeights(el.ownerDocument);
  if (!weights.size) return false;
  let last: { bold: boolean; order: number } | undefined;
  for (const name of names.split(/\s+/)) {
    const w = weights.get(name);
    if (w && (!last || w.order > last.order)) last = w;
  }
  return last?.bold ?? false;
}

/** The nearest element from `el` up to `root` (inclusive) that is set in bold, or null. */
export function boldAncestor(el: Element, root: Element): Element | null {
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (isBold(node)) return node;
    if (node === root) break;
  }
  return null;
}
