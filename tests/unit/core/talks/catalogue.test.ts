/**
 * Catalogue or write-up (core/talks/catalogue.ts): a page listing its talks with a link to each one's
 * recording and a short impersonal blurb is a catalogue, not a write-up, though its blurbs are in the
 * present tense; a write-up with the same cards keeps its talks. Pages made up for the test.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectTalkSections } from '@/core/talks';
import { hasWriter, listsRatherThanReports } from '@/core/talks/catalogue';

const page = (body: string, title: string) =>
  new JSDOM(`<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`, {
    url: 'https://fest.example.net/archive',
  }).window.document;

describe('hasWriter', () => {
  it.each([
    ['How a payments team split its monolith along ledger boundaries, and what it cost.', false],
    ['Memory orderings, justified in plain words and checked by a model checker.', false],
    ['We left the room convinced; our team tried it the next week.', true],
    ['I had never seen a live demo go that smoothly.', true],
    ['She showed the graphs from the first year.', true],
    ['Wir haben danach lange darüber gesprochen.', true],
    ['Nous avons testé l’outil le lendemain.', true],
  ])('%s -> %s', (text, expected) => {
    expect(hasWriter(text)).toBe(expected);
  });
});

describe('listsRatherThanReports', () => {
  const blurb = { notes: 'An overview of schema migrations without downtime, with examples.', linked: true };
  it('short impersonal blurbs, each linked: a catalogue', () => {
    expect(listsRatherThanReports([blurb, blurb, blurb])).toBe(true);
  });
  it('two talks are too few to tell', () => {
    expect(listsRatherThanReports([blurb, blurb])).toBe(false);
  });
  it('notes told by a writer, notes longer than a blurb, or no links: not a catalogue', () => {
    const told = { notes: 'We sat in the front row; the demo failed twice.', linked: true };
    expect(listsRatherThanReports([blurb, told, told])).toBe(false);
    expect(listsRatherThanReports([blurb, blurb, { notes: 'x '.repeat(400), linked: true }])).toBe(false);
    const unlinked = { ...blurb, linked: false };
    expect(listsRatherThanReports([blurb, unlinked, unlinked])).toBe(false);
  });
});

const card = (kind: string, slug: string, title: string, speaker: string, blurb: string) =>
  `<article class="tile"><a class="thumb" href="https://tv.fest.example.net/2025/${slug}" aria-label="Watch"></a>
   <p class="kick">${kind}</p><h3><a href="https://tv.fest.example.net/2025/${slug}">${title}</a></h3>
   <p class="who">${speaker}</p><p>${blurb}</p></article>`;

describe('a recordings page of cards with programme blurbs', () => {
  const doc = page(
    `<main><h1>Harborfest 2025: every recording</h1>
     <p>All sessions of Harborfest 2025 are online; the blurbs are the ones from the programme.</p>
     <section>
     ${card('Keynote · Hall A', 'ledgers', 'Ledgers All the Way Down', 'Oona Markkanen', 'Why double-entry bookkeeping keeps turning up in distributed systems, and what it offers to engineers who have never met an accountant.')}
     ${card('Data · Hall B', 'migrations', 'Migrations Without Maintenance Windows', 'Rafael Quintana', 'Expand and contract, dual writes and backfills: the patterns that let a schema change while traffic keeps flowing.')}
     ${card('Ops · Hall B', 'pager', 'A Quieter Pager', 'Siobhan Keane', 'Alert design for teams that are tired of being woken up: symptoms over causes, budgets over thresholds.')}
     ${card('Web · Hall C', 'forms', 'Forms That Forgive', 'Kwame Asante', 'Validation, error messages and autofill that work with people rather than against them, with examples from public services.')}
     </section></main>`,
    'Harborfest 2025 – recordings',
  );
  it('has no talks', () => {
    expect(detectTalkSections(doc)).toEqual([]);
  });
});

describe('a write-up built of the same cards, with notes of what was said', () => {
  const doc = page(
    `<main><h1>Harborfest 2025: the four talks we keep talking about</h1>
     <p>Five of us went to Harborfest this year; here are our notes, one card per talk, with the recording linked.</p>
     <section>
     ${card('Keynote · Hall A', 'ledgers', 'Ledgers All the Way Down', 'Oona Markkanen', 'Oona opened with a ledger drawn on a napkin and we were hooked; our payments team has already borrowed her reconciliation trick.')}
     ${card('Data · Hall B', 'migrations', 'Migrations Without Maintenance Windows', 'Rafael Quintana', 'Rafael showed the dual-write phase of their last migration step by step; the room asked mostly about backfills.')}
     ${card('Ops · Hall B', 'pager', 'A Quieter Pager', 'Siobhan Keane', 'Siobhan gave numbers: a third fewer pages after one quarter. We are trying her alert budget next sprint.')}
     ${card('Web · Hall C', 'forms', 'Forms That Forgive', 'Kwame Asante', 'Kwame was funny and precise; I took more notes here than anywhere else, mostly about error messages.')}
     </section></main>`,
    'Harborfest 2025 – our notes',
  );
  it('keeps its talks', () => {
    expect(detectTalkSections(doc).map((s) => s.title)).toEqual([
      'Ledgers All the Way Down',
      'Migrations Without Maintenance Windows',
      'A Quieter Pager',
      'Forms That Forgive',
    ]);
  });
});
