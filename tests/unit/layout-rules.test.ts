/** tests/unit/layout-rules.ts: fewer rules for jsdom to match, the same layout. */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { keepOnlyLayoutRules, LAYOUT_PROPERTIES } from './layout-rules';

/** Elements jsdom's default style sheet lays out, or styles otherwise, next to a page's own rules. */
const PAGE = `<!doctype html><html><head><title>t</title><meta charset="utf-8">
<style>
  .card { display: flex; color: red } .note { font-weight: bold } #gone { visibility: hidden }
  @media screen { .wide { width: 10px; overflow: hidden; opacity: 0.5 } .tint { color: blue } }
</style></head>
<body>
  <p dir="rtl">ltr <bdi>x</bdi> <a href="https://example.com/a">link <span>in a link</span></a></p>
  <div hidden>hidden</div><div hidden="until-found">until found</div><embed hidden>
  <dialog>closed</dialog><dialog open>open</dialog><div popover>popover</div>
  <details><summary>more</summary>details</details>
  <table><caption>c</caption><colgroup><col></colgroup><thead><tr><th>h</th></tr></thead>
    <tbody><tr hidden><td>d</td></tr></tbody><tfoot><tr><td>f</td></tr></tfoot></table>
  <ruby>漢<rt>kan</rt></ruby><nobr>no <wbr>break</nobr>
  <pre>pre</pre><listing>listing</listing><xmp>xmp</xmp><textarea>text</textarea>
  <ul><li><ol><li>nested</li></ol></li></ul><dl><dt>t</dt><dd>d</dd></dl>
  <form><input type="hidden"><input type="text"><button>b</button><fieldset><legend>l</legend></fieldset></form>
  <noscript>no script</noscript><marquee>m</marquee><hr><address>a</address><blockquote>q</blockquote>
  <section class="card note wide tint"><h1>h</h1><em id="gone">gone</em><span style="display: block">inline style</span></section>
</body></html>`;

const PROPERTIES = [...LAYOUT_PROPERTIES, 'white-space'];

function styles(doc: Document, properties: string[]): string[][] {
  const view = doc.defaultView!;
  return [...doc.querySelectorAll('*')].map((el) => {
    const style = view.getComputedStyle(el);
    return [el.localName, ...properties.map((p) => `${p}: ${style.getPropertyValue(p)}`)];
  });
}

const page = (html = PAGE) => new JSDOM(html).window.document;

describe('keepOnlyLayoutRules', () => {
  it('leaves every element the layout jsdom gives it with all its rules', () => {
    const pruned = page();
    keepOnlyLayoutRules(pruned);
    expect(styles(pruned, PROPERTIES)).toEqual(styles(page(), PROPERTIES));
  });

  it('deletes the page’s rules that set no layout property', () => {
    const pruned = page();
    keepOnlyLayoutRules(pruned);
    const rules = [...pruned.styleSheets[0]!.cssRules].map((r) => r.cssText.replace(/\s+/g, ' '));
    expect(rules).toEqual([
      '.card { display: flex; color: red; }',
      '#gone { visibility: hidden; }',
      '@media screen { .wide { width: 10px; overflow: hidden; opacity: 0.5; } }',
    ]);
  });

  it('passes over jsdom’s default rules that set no layout property (links, bidi)', () => {
    const pruned = page();
    keepOnlyLayoutRules(pruned);
    const read = (doc: Document, selector: string, property: string) =>
      doc.defaultView!.getComputedStyle(doc.querySelector(selector)!).getPropertyValue(property);
    const all = page();
    expect(read(all, 'a', 'color')).toBe('rgb(0, 0, 238)'); // :link
    expect(read(pruned, 'a', 'color')).not.toBe('rgb(0, 0, 238)');
    expect(read(all, 'p', 'unicode-bidi')).toBe('isolate'); // [dir=rtl i]
    expect(read(pruned, 'p', 'unicode-bidi')).not.toBe('isolate');
  });

  it('still matches a default rule’s selector that a rule of the page uses', () => {
    const html = '<style>:link { display: block }</style><p><a href="https://example.com/">a</a></p>';
    const pruned = page(html);
    keepOnlyLayoutRules(pruned);
    expect(pruned.defaultView!.getComputedStyle(pruned.querySelector('a')!).display).toBe('block');
  });

  it('can be called again for the same document', () => {
    const pruned = page();
    keepOnlyLayoutRules(pruned);
    keepOnlyLayoutRules(pruned);
    expect(styles(pruned, PROPERTIES)).toEqual(styles(page(), PROPERTIES));
  });
});
