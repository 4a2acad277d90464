/**
 * Posts about exactly one talk that name it only by their framing (held-out round 13,
 * docs/talk-detection.md): an interview with the speaker, whose title quotes the talk's title beside
 * the speaker's name and whose paragraphs open with the speakers' labels, the speaker's among them; and
 * a post titled as a saved document is, "T – Jane Doe | Event 2025". Made-up pages in Tagalog, English,
 * German and Spanish.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectTalkSections, talkForNode } from '@/core/talks';

const page = (body: string, title: string) =>
  new JSDOM(`<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`, {
    url: 'https://blog.example/2025/03/post/',
  }).window.document;
const titles = (doc: Document) => detectTalkSections(doc).map((s) => [s.title, s.speakers]);
const filed = (doc: Document, id: string) =>
  talkForNode(detectTalkSections(doc), doc.getElementById(id)!.firstChild!)?.title ?? null;

/** A conversation: the interviewer's and the speaker's labelled paragraphs, alternating. */
const conversation = (asker: string, speaker: string, lines: string[]) =>
  lines
    .map(
      (line, i) =>
        `<p${i === 3 ? ' id="answer"' : ''}><strong>${i % 2 ? speaker : asker}:</strong> ${line}</p>`,
    )
    .join('\n');

const INTERVIEWS = [
  {
    name: 'Tagalog, bold first names',
    title: 'Panayam: si Bea Villanueva at ang “Offline-First Apps for Health Workers”',
    opening:
      'Sa PyCon APAC 2025, isa lang ang talk na pinag-usapan pa rin namin pauwi. Nagpadala ako ng mga tanong pagkatapos.',
    asker: 'Paolo',
    speaker: 'Bea',
    expected: ['Offline-First Apps for Health Workers', ['Bea Villanueva']],
  },
  {
    name: 'English, Q and the full name',
    title: 'Five questions for Jane Okafor about “Graphs Without Tears”',
    opening:
      'Her talk at GraphConf 2025 was the one everyone quoted on the way out, so I asked her a few questions afterwards.',
    asker: 'Q',
    speaker: 'Jane Okafor',
    expected: ['Graphs Without Tears', ['Jane Okafor']],
  },
  {
    name: 'German, last name as the label',
    title: 'Im Gespräch: Jana Novak über „Software für den Stromausfall“',
    opening:
      'Ihr Vortrag auf den Rheinland DevDays 2025 war der meistdiskutierte des Tages; wir haben nachgefragt.',
    asker: 'Redaktion',
    speaker: 'Novak',
    expected: ['Software für den Stromausfall', ['Jana Novak']],
  },
];

describe.each(INTERVIEWS)(
  'an interview about one talk: $name',
  ({ title, opening, asker, speaker, expected }) => {
    const doc = page(
      `<article><h1>${title}</h1><h2>Bakit / Why / Warum</h2><p id="opening">${opening}</p><h2>—</h2>${conversation(
        asker,
        speaker,
        [
          'What was the problem you were trying to solve?',
          'Paper forms lost in the rain, and no signal in half of the villages we visit every month.',
          'Why did you pick that approach over the usual one?',
          'Because the team already knew it, and one codebase is all three of us can look after.',
          'What would you tell someone starting the same thing?',
          'Go to the place before you write any code; we spent two weeks only watching.',
        ],
      )}<h2>After</h2><p id="after">Thanks again for the time; I tried the demo on my old phone afterwards.</p></article>`,
      title,
    );

    it('is that talk, by that speaker, and the whole post is it', () => {
      expect(titles(doc)).toEqual([expected]);
      expect(filed(doc, 'opening')).toBe(expected[0]);
      expect(filed(doc, 'answer')).toBe(expected[0]);
      expect(filed(doc, 'after')).toBe(expected[0]);
    });
  },
);

describe('interviews that are about no talk', () => {
  it.each([
    [
      'labels that do not name the person of the title',
      'Panayam: si Bea Villanueva at ang “Offline-First Apps for Health Workers”',
      'Sa PyCon APAC 2025, isa lang ang talk na pinag-usapan namin.',
      ['Paolo', 'Joel'],
    ],
    [
      'a book, no talk spoken of',
      'Five questions for Jane Okafor about “The Quiet Harbour”',
      'Her novel came out at the book fair in March 2025, and I asked her a few questions about it.',
      ['Q', 'Jane Okafor'],
    ],
  ])('%s', (_name, title, opening, [asker, speaker]) => {
    const doc = page(
      `<article><h1>${title}</h1><p>${opening}</p>${conversation(asker!, speaker!, [
        'Where did it start?',
        'With a notebook and a long train ride, years before anything was finished.',
        'What was hardest?',
        'Cutting the parts I liked most, because they slowed everything else down.',
      ])}</article>`,
      title,
    );
    expect(titles(doc)).toEqual([]);
  });
});

describe('a post titled as a saved document: "T – Speaker | Event"', () => {
  it.each([
    [
      'Managing Through a Reorg You Didn’t Choose – Meera Raghavan | LeadDev London 2025',
      'I was in the room for this talk and then read the transcript.',
      'Managing Through a Reorg You Didn’t Choose',
      ['Meera Raghavan'],
    ],
    [
      'Cómo migrar sin miedo – Lucía Ferrer | Commit Conf 2025',
      'Estuve en la sala para esta charla y después leí la transcripción. The talk was short.',
      'Cómo migrar sin miedo',
      ['Lucía Ferrer'],
    ],
  ])('%s', (title, opening, talk, speakers) => {
    const doc = page(
      `<main><h1>${title}</h1><p class="by">by the conference</p><section><p id="opening">${opening}</p></section>
       <blockquote>A reorg is announced in one meeting and lived for a year.</blockquote><p id="note">This is the line everyone quoted afterwards.</p></main>`,
      title,
    );
    expect(titles(doc)).toEqual([[talk, speakers]]);
    expect(filed(doc, 'note')).toBe(talk);
  });
});
