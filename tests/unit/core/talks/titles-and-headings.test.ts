/**
 * Session 12: talk titles and headings of every form (docs/talk-detection.md, "Session 12: titles and
 * headings"): a single talk named only in the page's metadata and quoted where the post opens; the
 * furniture a heading carries around its title. Every page here is made up for the test, in wording of
 * its own.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectTalkSections, talkForNode } from '@/core/talks';

const page = (title: string, body: string, head = '') =>
  new JSDOM(
    `<!doctype html><html><head><title>${title}</title>${head}</head><body><main><article>${body}</article></main></body></html>`,
    { url: 'https://blog.example.org/posts/2025/autumn/' },
  ).window.document;
const talksOf = (doc: Document) => detectTalkSections(doc).map((s) => [s.title, s.speakers]);
const filed = (doc: Document, id: string) =>
  talkForNode(detectTalkSections(doc), doc.getElementById(id)!.firstChild!)?.title ?? null;

describe('a single talk named only in the page title and quoted where the post opens', () => {
  // Sub-headings that are points of the one talk, as such posts have.
  const notes = `<h2 id="h">Where it started</h2><p id="n">The first slide was a cron job at three in the morning that nobody owned, and four teams read its file.</p>
    <h2>Questions</h2><p>Someone asked whether this is too much process for a small team; the answer was a day for the first pipeline.</p>`;
  const cases: [string, string, string, string, string, string[]][] = [
    [
      'German, „…“, the speaker in the page title',
      'Warum Monolithen bleiben — Jonas Weber, JavaLand 2025 | Blog von Anna',
      'Die beste Stunde der Konferenz',
      '<p>Auf der JavaLand habe ich den Vortrag „Warum Monolithen bleiben“ von Jonas Weber gehört und seitdem meinem Team davon erzählt.</p>',
      'Warum Monolithen bleiben',
      ['Jonas Weber'],
    ],
    [
      'French, « … », the writer’s framing and the event in parentheses taken off',
      'Notes : Des files d’attente sans Kafka — Claire Martin (Devoxx France 2025) · Carnet',
      'Ce que j’ai rapporté de Paris',
      '<p>Le deuxième jour de Devoxx, j’ai écouté la conférence « Des files d’attente sans Kafka » de Claire Martin, et je la raconte ici.</p>',
      'Des files d’attente sans Kafka',
      ['Claire Martin'],
    ],
    [
      'English, the title in italics, the speaker only in the sentence that quotes it',
      'Boring Queues Win | Field notes',
      'The best hour of the conference',
      '<p>On the second morning of the conference, Rosa Delgado gave the talk <em>Boring Queues Win</em> to a full room.</p>',
      'Boring Queues Win',
      ['Rosa Delgado'],
    ],
  ];
  it.each(cases)('%s', (_, title, h1, opening, talk, speakers) => {
    const doc = page(title, `<h1>${h1}</h1>${opening}${notes}`);
    expect(talksOf(doc)).toEqual([[talk, speakers]]);
    expect(filed(doc, 'n')).toBe(talk);
  });

  it.each([
    [
      'the page title is the headline’s own (an essay)',
      'Why We Left Kubernetes | Field notes',
      '<p>At the conference last week, Rosa Delgado gave the talk <em>Boring Queues Win</em> to a full room.</p>',
    ],
    [
      'the opening quotes something else',
      'Boring Queues Win | Field notes',
      '<p>At the conference last week, Rosa Delgado gave a talk to a full room; her slide said “Never page at night”.</p>',
    ],
    [
      'the page title is quoted nowhere in the opening',
      'Boring Queues Win — Rosa Delgado, QueueConf 2025',
      '<p>At the conference last week, Rosa Delgado gave a talk to a full room about boring queues and why they win.</p>',
    ],
  ])('none when %s', (_, title, opening) => {
    expect(talksOf(page(title, `<h1>The best hour of the conference</h1>${opening}${notes}`))).toEqual([]);
  });
});
