/**
 * A live blog's entries titled by a structural line (core/talks/detect.ts `fileLiveBlogEntries`): on a
 * timeline without headings, an entry whose bold first line is a break ("Lunch break 🍱") is titled, as
 * one with a heading is: it belongs to no talk, newest first or oldest first. Pages made up for the test,
 * in wording of their own.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectTalkSections, talkForNode } from '@/core/talks';

const note = (time: string, body: string) =>
  `<article class="note"><header><span>Nadia</span><time datetime="2025-04-17T${time}:00+09:00">${time}</time></header>
   <div class="text">${body}</div></article>`;

const TALK_A = note(
  '10:00',
  `<p><b>Main hall: "Queues That Never Drop Work" (Ben Oduya)</b></p><p>Ben showed how his team retries without losing work, with graphs of every outage.</p>`,
);
const LUNCH = note(
  '12:30',
  `<p><b>Lunch break 🍱</b></p><p id="lunch">Bento in the courtyard with three people from the interop crowd.</p>`,
);
const TALK_B = note(
  '14:00',
  `<p><b>Sub hall A: "The Pager Is Tired" (Ana Costa)</b></p><p>Ana counted the pages her team got at night for a year, and what they changed.</p>`,
);
const FOLLOW_UP = note('15:10', `<p>Follow-up: Ana's slides are up, link in the replies.</p>`);

function timeline(notes: string[]): Document {
  return new JSDOM(`<!doctype html><html><head><title>Nadia's notes</title></head><body><main>
    <p>I'm at RubyKaigi this week and will post short notes from the talks I attend right here.</p>
    ${notes.join('')}</main></body></html>`).window.document;
}

describe('a live blog entry titled by a break line belongs to no talk', () => {
  it.each([
    ['newest first', [FOLLOW_UP, TALK_B, LUNCH, TALK_A]],
    ['oldest first', [TALK_A, LUNCH, TALK_B, FOLLOW_UP]],
  ])('%s', (_order, notes) => {
    const doc = timeline(notes);
    const sections = detectTalkSections(doc);
    expect(sections.map((s) => s.title).sort()).toEqual([
      'Queues That Never Drop Work',
      'The Pager Is Tired',
    ]);
    expect(talkForNode(sections, doc.getElementById('lunch')!.firstChild!)).toBeNull();
  });
});
