/**
 * jsdom computes a style by matching every rule of every sheet against the element, anew on each
 * `getComputedStyle` read; real pages bring thousands of rules, so corpus tests that read layout spent
 * most of their time there (20 s for the first clip on one large page on a loaded machine). These
 * helpers give the same answers for the properties the code under test reads, faster.
 */

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
 * Deletes the style rules that set none of {@link LAYOUT_PROPERTIES}: the computed values of those
 * properties stay the same, and jsdom has far fewer rules to match.
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
}
