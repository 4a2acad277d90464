/**
 * Embedded notes (core/talks/dom.ts `embeddingOf`, detect.ts `talkEnd`): a digital garden's hub note pulls
 * other notes in as block quotes that open with the note's own heading. Such a quote is no quotation: its
 * heading titles it, the talk it titles ends with it, and it ends the talk above it. Pages made up for
 * the test, in wording of their own.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectTalkSections, talkForNode } from '@/core/talks';

const NOTE = (title: string, text: string, fields = '') =>
  `<blockquote class="transclude"><h1>${title}</h1>${fields}<p>${text}</p>
   <p>More of the note, long enough to read as notes on what was said on the day.</p>
   <a href="../notes/x">Link to original</a></blockquote>`;

const HUB = `<!doctype html><html><head><title>KubeNorth 2025</title></head><body><article>
  <p>My hub note for the conference: one note per talk, pulled in here.</p>
  <h2>Day 1</h2>
  ${NOTE('Queues That Never Drop Work', 'Ben showed how the team retries without losing work.', '<p>speaker:: <a href="../people/ben">Ben Oduya</a><br>type:: keynote</p>')}
  <p id="between">Afterwards I spent an hour at the booths asking about hosting.</p>
  ${NOTE('The Pager Is Tired – Ana Costa &amp; Cy Lane', 'Ana counted the pages her team got at night for a year.', '<p>type:: breakout</p>')}
  <h2>Day 2</h2>
  <h3>Fearless Refactoring (Cy Lane)</h3>
  <p>Cy replaced a service one module at a time, behind a flag.</p>
  ${NOTE('Hallway track', '<span id="hallway">Lunch with three maintainers from the packaging world.</span>')}
  <h3>Lightning talk: Your Bus Factor Is One — Dee Park</h3>
  <p>Five minutes, one chart.</p>
</article></body></html>`;

describe('embedded notes', () => {
  const doc = new JSDOM(HUB).window.document;
  const sections = detectTalkSections(doc);
  const filed = (id: string) => talkForNode(sections, doc.getElementById(id)!.firstChild!)?.title ?? null;

  it('titles a talk by the heading an embedded note opens with', () => {
    expect(sections.map((s) => s.title)).toEqual([
      'Queues That Never Drop Work',
      'The Pager Is Tired',
      'Fearless Refactoring',
      'Your Bus Factor Is One',
    ]);
  });

  it.each([
    ['between', null],
    ['hallway', null],
  ])('files #%s under %s: an embedded note ends its talk and the talk above it', (id, expected) => {
    expect(filed(id)).toBe(expected);
  });
});
