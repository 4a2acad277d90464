/**
 * jsdom computes a style by matching every rule of every sheet against the element, anew on each
 * `getComputedStyle` read; real pages bring thousands of rules, so corpus tests that read layout spent
 * most of their time there (20 s for the first clip on one large page on a loaded machine). These
 * helpers give the same answers for the properties the code under test reads, faster.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The style properties the text-fragments polyfill and our rendered text (`core/rendered-text.ts`) read. */
export const LAYOUT_PROPERTIES = [
  'display',
  'visibility',
  'height',
  'width',
  'overflow',
  'overflow-x',
  'overflow-y',
  'opacity',
];

/**
 * The properties whose rules in jsdom's own default style sheet are still matched: the layout properties,
 * and `white-space` with its parts, which the clip reads of the page's `getComputedStyle` (`isPreformatted`
 * in page/clipper.ts).
 */
const DEFAULT_SHEET_PROPERTIES = new Set([
  ...LAYOUT_PROPERTIES,
  'white-space',
  'white-space-collapse',
  'text-wrap-mode',
]);

/**
 * Deletes the style rules that set none of {@link LAYOUT_PROPERTIES}: the computed values of those
 * properties stay the same, and jsdom has far fewer rules to match. jsdom's default style sheet, which
 * no page can edit, is matched first for every element; its rules that set none of those properties (nor
 * `white-space`) are passed over for this document from now on; a later call for it reads its page's
 * selectors again (see {@link skipDefaultRulesOutsideLayout}).
 */
export function keepOnlyLayoutRules(doc: Document): void {
  const prune = (rules: CSSRuleList, remove: (i: number) => void) => {
    for (let i = rules.length - 1; i >= 0; i--) {
      const rule = rules[i]!;
      if ('cssRules' in rule && !('style' in rule)) {
        prune((rule as CSSGroupingRule).cssRules, (j) => (rule as CSSGroupingRule).deleteRule(j));
        continue;
      }
      if (!('style' in rule)) continue;
      const style = (rule as CSSStyleRule).style;
      if (!LAYOUT_PROPERTIES.some((p) => style.getPropertyValue(p) !== '')) remove(i);
    }
  };
  for (const sheet of doc.styleSheets) {
    try {
      prune(sheet.cssRules, (i) => sheet.deleteRule(i));
    } catch {
      // A sheet jsdom could not parse: left as it is.
    }
  }
  skipDefaultRulesOutsideLayout(doc);
}

/** Every style rule in `rules`, in the groups (`@media`, nesting) and imported sheets among them too. */
function styleRules(rules: CSSRuleList, out: CSSStyleRule[] = []): CSSStyleRule[] {
  for (const rule of rules) {
    if ('style' in rule) out.push(rule as CSSStyleRule);
    if ('cssRules' in rule) styleRules((rule as CSSGroupingRule).cssRules, out);
    const imported = 'styleSheet' in rule ? (rule as CSSImportRule).styleSheet : null;
    if (imported) styleRules(imported.cssRules, out);
  }
  return out;
}

function setsDefaultSheetProperty(rule: CSSStyleRule): boolean {
  const { style } = rule;
  for (let i = 0; i < style.length; i++) if (DEFAULT_SHEET_PROPERTIES.has(style.item(i))) return true;
  return [...DEFAULT_SHEET_PROPERTIES].some((p) => style.getPropertyValue(p) !== '');
}

/** The part of jsdom's selector engine its computed styles go through, one per document. */
interface DomSelector {
  check(
    selector: string,
    node: object,
    options?: object,
  ): { match: boolean; ast: unknown; pseudoElement: unknown };
}

const require = createRequire(import.meta.url);
const { implForWrapper } = require('jsdom/lib/generated/idl/utils.js') as {
  implForWrapper(wrapper: object): { _getDOMSelector?: () => DomSelector } | null;
};

/** The selectors of jsdom's default style sheet whose every rule sets none of DEFAULT_SHEET_PROPERTIES. */
let defaultSelectorsOutsideLayout: ReadonlySet<string> | undefined;

function defaultSheetSelectorsOutsideLayout(view: Window & typeof globalThis): ReadonlySet<string> {
  if (!defaultSelectorsOutsideLayout) {
    // The sheet jsdom matches first (lib/jsdom/browser/default-stylesheet.css), read with jsdom's own parser.
    const path = join(dirname(require.resolve('jsdom')), 'jsdom/browser/default-stylesheet.css');
    const sheet = new view.CSSStyleSheet();
    sheet.replaceSync(readFileSync(path, 'utf8'));
    const rules = styleRules(sheet.cssRules);
    const kept = new Set(rules.filter(setsDefaultSheetProperty).map((r) => r.selectorText));
    defaultSelectorsOutsideLayout = new Set(rules.map((r) => r.selectorText).filter((s) => !kept.has(s)));
  }
  return defaultSelectorsOutsideLayout;
}

/** jsdom's own selector check of each document's engine, before it was wrapped here. */
const originalChecks = new WeakMap<DomSelector, DomSelector['check']>();

/**
 * Makes `doc`'s computed styles pass over the rules of jsdom's default style sheet that set none of the
 * layout properties (nor `white-space`): their selectors are checked against every element, and some
 * are slow in jsdom (`:dir()`, `:link`, the bidi rules' attribute lists walk up the tree, parsing the
 * address of every link on the way), most of the time of a first `getComputedStyle` on a real page. A
 * rule only gives values to the properties it sets, so the others keep their computed values. A
 * selector the page's own rules use is still checked (the check is asked by selector text).
 */
export function skipDefaultRulesOutsideLayout(doc: Document): void {
  const engine = implForWrapper(doc)?._getDOMSelector?.();
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  // Another jsdom, or no window: left as it is (slower, same answers).
  if (!engine || typeof engine.check !== 'function' || !view) return;
  const check = originalChecks.get(engine) ?? engine.check;
  originalChecks.set(engine, check);
  const onPage = new Set<string>();
  try {
    for (const sheet of doc.styleSheets)
      for (const rule of styleRules(sheet.cssRules)) onPage.add(rule.selectorText);
  } catch {
    // A sheet whose rules cannot be read here: its selectors are unknown, so every rule is checked.
    engine.check = check;
    return;
  }
  const skipped = new Set([...defaultSheetSelectorsOutsideLayout(view)].filter((s) => !onPage.has(s)));
  engine.check = (selector, node, options) =>
    skipped.has(selector) ? { match: false, ast: null, pseudoElement: null } : check(selector, node, options);
}
