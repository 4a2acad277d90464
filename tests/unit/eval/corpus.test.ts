// The evaluation's view of the recap corpus in jsdom: every passage is found exactly once, so a wrong filing in
// `npm run eval:talks` is the detector's, never the locator's.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRecapCases, recapPath } from '@/eval/talks/cases';
import { loadPage, withPageGlobals } from '@/eval/talks/load';
import { collapseSpace, locatePassage, renderText } from '@/eval/talks/locate';

const CASES = loadRecapCases();

describe.each(CASES.map((c) => [c.file, c] as const))('%s', (_file, c) => {
  it('has every passage exactly once in the rendered text, and every heading as rendered text', () => {
    const window = loadPage(readFileSync(recapPath(c.file), 'utf8'));
    const rendered = renderText(window.document);
    for (const p of c.passages) expect([p.text, locatePassage(rendered, p.text).count]).toEqual([p.text, 1]);
    const lines = new Set(rendered.text.split('\n').map(collapseSpace));
    for (const t of c.talks) {
      // a heading is an element's rendered text; it may share its line with more inline text (a table row's link)
      const present = lines.has(collapseSpace(t.heading)) || rendered.text.includes(collapseSpace(t.heading));
      expect([t.heading, present]).toEqual([t.heading, true]);
    }
    for (const p of c.passages) if (p.talk !== null) expect(c.talks.map((t) => t.title)).toContain(p.talk);
  });
});

it('withPageGlobals installs the page realm’s DOM globals only for the call', () => {
  const window = loadPage('<p>x</p>');
  const g = globalThis as Record<string, unknown>;
  const hadNode = 'Node' in g;
  const seen = withPageGlobals(window, () => [g.document, g.window, g.HTMLParagraphElement]);
  if (!hadNode) {
    expect(seen).toEqual([
      window.document,
      window,
      (window as unknown as Record<string, unknown>).HTMLParagraphElement,
    ]);
    expect('HTMLParagraphElement' in g).toBe(false);
  } else {
    // under the unit tests' jsdom environment the globals exist already and are left alone
    expect(seen[0]).toBe(g.document);
  }
});
