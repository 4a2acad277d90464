/**
 * Lines in mathematical bold letters (core/talks/dom.ts `clean`, candidates.ts): posts that cannot set
 * bold (LinkedIn, X, Mastodon) type "𝗧𝗶𝘁𝗹𝗲" instead; such a line is a bold line, read as its letters.
 * Pages made up for the test, in wording of their own.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectTalkSections } from '@/core/talks';
import { clean } from '@/core/talks/dom';
import { speakerLine } from '@/core/talks/speaker-phrases';

/** "Text" in mathematical sans-serif bold letters and digits, as Unicode text generators write it. */
function mathBold(text: string): string {
  return [...text]
    .map((ch) => {
      const c = ch.codePointAt(0)!;
      if (c >= 65 && c <= 90) return String.fromCodePoint(0x1d5d4 + c - 65);
      if (c >= 97 && c <= 122) return String.fromCodePoint(0x1d5ee + c - 97);
      if (c >= 48 && c <= 57) return String.fromCodePoint(0x1d7ec + c - 48);
      return ch;
    })
    .join('');
}

const NOTES = (who: string) =>
  `<p>${who} walked through the migration step by step, with the graphs of every outage they had along the way.</p>
   <p>The questions were mostly about rollbacks, and the answers were honest about what still hurts.</p>`;

function page(body: string): Document {
  return new JSDOM(
    `<!doctype html><html><head><title>Notes from RustNorth 2025, the talks I liked</title></head><body><main>
     <h1>Notes from RustNorth 2025, the talks I liked</h1>${body}</main></body></html>`,
  ).window.document;
}

describe('mathematical alphanumerics', () => {
  it.each([
    [mathBold('Keynote: The Pager Is Tired'), 'Keynote: The Pager Is Tired'],
    [`🎙️ ${mathBold('1. Queues')}`, '🎙️ 1. Queues'],
    ['plain text stays', 'plain text stays'],
  ])('%s reads as %s', (text, expected) => {
    expect(clean(text)).toBe(expected);
  });
});

describe('talk lines in mathematical bold letters', () => {
  it.each([
    [
      'whole lines',
      `<p>🎙️ ${mathBold('1. Keynote: The Pager Is Tired — Ana Costa')}</p>${NOTES('Ana')}
       <p>${mathBold('2. Queues That Never Drop Work — Ben Oduya')}</p>${NOTES('Ben')}`,
      ['The Pager Is Tired', 'Queues That Never Drop Work'],
    ],
    [
      'a bold title with its speaker in plain letters',
      `<p>${mathBold('Queues That Never Drop Work')} — Ben Oduya</p>${NOTES('Ben')}
       <p>${mathBold('The Pager Is Tired')} — Ana Costa</p>${NOTES('Ana')}`,
      ['Queues That Never Drop Work', 'The Pager Is Tired'],
    ],
  ])('%s', (_name, body, titles) => {
    expect(detectTalkSections(page(body)).map((s) => s.title)).toEqual(titles);
  });
});

describe('the person emoji as a speaker label', () => {
  it.each([
    ['👤 Tomasz Wrona, Kestrel Freight', ['Tomasz Wrona']],
    ['👥 Ana Costa, Ben Oduya', ['Ana Costa', 'Ben Oduya']],
    ['👤', []],
    ['🎤 Keynote: The Pager Is Tired', []],
  ])('%s -> %j', (text, people) => {
    expect(speakerLine(text)).toEqual(people);
  });

  it('names the speakers of the line above it', () => {
    const sections = detectTalkSections(
      page(`<p>${mathBold('1. The Pager Is Tired')}</p><p>👤 Ana Costa, Acme Rail</p>${NOTES('Ana')}
            <p>${mathBold('2. Queues That Never Drop Work')}</p><p>👤 Ben Oduya, Kestrel Freight</p>${NOTES('Ben')}`),
    );
    expect(sections.map((s) => [s.title, s.speakers])).toEqual([
      ['The Pager Is Tired', ['Ana Costa']],
      ['Queues That Never Drop Work', ['Ben Oduya']],
    ]);
  });
});
