/**
 * Typographic evidence (core/talks/typography.ts): a line set in bold by its style (an exported
 * document's class rule, a builder's inline style) is a bold line like one in `<strong>`. Pages made up
 * for the test; class names are random, as exporters write them.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectTalkSections, talkForNode } from '@/core/talks';
import { isBold } from '@/core/talks/typography';

const page = (head: string, body: string, title: string) =>
  new JSDOM(`<!doctype html><html><head><title>${title}</title>${head}</head><body>${body}</body></html>`, {
    url: 'https://docs.example.org/pub/abc',
  }).window.document;

describe('isBold', () => {
  const doc = page(
    `<style>.q3{font-size:11pt;font-weight:400}.q7{color:#111;font-weight:700}span.q9{font-weight:bold}
     .q5{font-weight:600}.q6{font-weight:normal}.x1, .x2 {font-weight: 800}</style>`,
    `<span id="a" class="q7">A</span><span id="b" class="q3">B</span><span id="c" class="q9">C</span>
     <span id="d" style="font-weight: 700">D</span><span id="e" class="q7" style="font-weight:400">E</span>
     <span id="f" class="q5 q6">F</span><span id="g" class="q6 q5">G</span><b id="h">H</b><span id="i" class="x2">I</span>`,
    't',
  );
  it.each([
    ['a', true],
    ['b', false],
    ['c', true],
    ['d', true],
    ['e', false], // an inline style wins over the class
    ['f', false], // of two classes, the later rule wins, whatever the attribute's order
    ['g', false],
    ['h', true],
    ['i', true],
  ])('#%s -> %s', (id, expected) => {
    expect(isBold(doc.getElementById(id)!)).toBe(expected);
  });
});

describe('a published document whose talk titles are spans in a bold class', () => {
  const line = (cls: string, text: string, id = '') =>
    `<p class="k1"${id ? ` id="${id}"` : ''}><span class="${cls}">${text}</span></p>`;
  const doc = page(
    `<style>.w2{color:#000;font-weight:400;font-size:11pt}.w5{color:#000;font-weight:700;font-size:13pt}
     .w8{font-weight:400;font-style:italic}.k1{line-height:1.2}</style>`,
    `<div id="contents"><div class="doc-body">
     ${line('w5', 'Field notes from Tidecon 2025')}
     ${line('w2', 'Our group went to the conference this spring; each of us wrote down the sessions we sat in, one after another.', 'intro')}
     ${line('w5', 'Queues Are Databases Too')}
     ${line('w2', 'Speaker: Ilse Brandauer, Fernwerk')}
     ${line('w2', 'Ilse started with the outage that made her team treat every queue as a store with a schema and a retention policy.', 'n1')}
     ${line('w2', 'Her advice: version message formats like tables, and never let a consumer parse what it does not own.', 'n2')}
     ${line('w5', 'Shipping on Fridays')}
     ${line('w2', 'Speaker: Tomás Echeverri')}
     ${line('w2', 'Tomás showed two years of deploy data: Friday releases failed no more often than Tuesday ones once rollbacks took a minute.', 'n3')}
     ${line('w5', 'The Cost of a Page')}
     ${line('w2', 'Speaker: Wen Hsiao, Lumen Health')}
     ${line('w2', 'Wen measured what a single alert at night costs the person who answers it, and the team counted them for a quarter after.', 'n4')}
     </div></div>`,
    'Field notes from Tidecon 2025',
  );

  it('each bold-class line over a speaker line is a talk, and the notes under it belong to it', () => {
    const sections = detectTalkSections(doc);
    expect(sections.map((s) => [s.title, s.speakers])).toEqual([
      ['Queues Are Databases Too', ['Ilse Brandauer']],
      ['Shipping on Fridays', ['Tomás Echeverri']],
      ['The Cost of a Page', ['Wen Hsiao']],
    ]);
    const filed = (id: string) =>
      talkForNode(sections, doc.getElementById(id)!.firstChild!.firstChild!)?.title ?? null;
    expect(filed('n2')).toBe('Queues Are Databases Too');
    expect(filed('n4')).toBe('The Cost of a Page');
    expect(filed('intro')).toBeNull();
  });
});
