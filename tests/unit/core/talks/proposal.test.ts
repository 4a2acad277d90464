/**
 * Proposals and calls for them (core/talks/proposal.ts): a post with its rejected proposal in full, or a
 * call-for-speakers form, names a proposal's fields as headings; the talks it names were never given.
 * Pages made up for the test, in wording of their own.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectTalkSections } from '@/core/talks';
import { isProposalOrCall, namesProposalFields } from '@/core/talks/proposal';

describe('namesProposalFields', () => {
  it.each([
    [['The proposal', 'Title', 'Abstract', 'What I would change'], true],
    [['Your name *', 'Talk title *', 'Abstract *', 'Format *'], true],
    [['Session title:', 'Description:'], true],
    [['Titel', 'Zusammenfassung'], true],
    [['Názov', 'Anotácia'], true],
    [['タイトル', '概要'], true],
    // A write-up's summary or a lone "Title" is no proposal.
    [['Keynote: Shipping Fast — Ana Costa', 'Summary', 'Abstract thinking in type systems'], false],
    [['Zusammenfassung', 'Fazit'], false],
    [['Title', 'Lunch'], false],
    [['Title fights: naming things — Ben Oduya', 'Abstract art in CSS — Cy Lane'], false],
  ])('%j -> %s', (headings, expected) => {
    expect(namesProposalFields(headings)).toBe(expected);
  });
});

const KEYNOTES = `
  <h2>Past evenings</h2>
  <h3>Keynote: Writing a Compiler in a Weekend — Ana Costa</h3>
  <p>Ana wrote a compiler in a weekend and it still runs the office coffee machine.</p>
  <h3>Keynote: Fearless Refactoring at a Bus Company — Ben Oduya</h3>
  <p>Ben replaced a service one module at a time.</p>`;

function page(body: string): Document {
  return new JSDOM(
    `<!doctype html><html><head><title>Page</title></head><body><main>${body}</main></body></html>`,
  ).window.document;
}

describe('proposals and calls for speakers have no talks', () => {
  it.each([
    [
      'a call-for-speakers form with ARIA question headings',
      `<div role="heading" aria-level="1">Speak at our 2026 meetups</div>${KEYNOTES}
       <form><div><div role="heading" aria-level="3">Talk title<span> *</span></div>
       <div>Something like "Porting a Weather Station to Embassy" tells people what to expect.</div>
       <input type="text" aria-label="Talk title"></div>
       <div><div role="heading" aria-level="3">Abstract<span> *</span></div><textarea></textarea></div></form>`,
    ],
    [
      'a rejected proposal posted in full',
      `<h1>My conference talk was rejected, so here it is</h1>${KEYNOTES}
       <h2>The proposal</h2><h3>Title</h3><p>Your Autoscaler Is Lying to Your Finance Team</p>
       <h3>Abstract</h3><blockquote><p>In this session I'll show how we traced our costs.</p></blockquote>`,
    ],
  ])('%s', (_name, body) => {
    const doc = page(body);
    expect(isProposalOrCall(doc)).toBe(true);
    expect(detectTalkSections(doc)).toEqual([]);
  });

  it('a write-up with a summary keeps its talks', () => {
    const doc = page(`<h1>Notes from RustNorth</h1>${KEYNOTES}<h2>Summary</h2><p>A good day.</p>`);
    expect(isProposalOrCall(doc)).toBe(false);
    expect(detectTalkSections(doc).map((s) => s.title)).toEqual([
      'Writing a Compiler in a Weekend',
      'Fearless Refactoring at a Bus Company',
    ]);
  });
});
