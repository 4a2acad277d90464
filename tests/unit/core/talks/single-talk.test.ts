/**
 * Single-talk posts that name their talk only in a line set apart from the prose where they open
 * (session 10): a photo's caption, a quote of the programme, an embedded recording's title bar. The
 * post's title says it is about a talk, in its own language; the line names a title and a person.
 * Every page here is made up for the test.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectTalkSections, talkForNode } from '@/core/talks';

const page = (title: string, body: string) =>
  new JSDOM(
    `<!doctype html><html><head><title>${title}</title></head><body><main><article><h1>${title}</h1>${body}</article></main></body></html>`,
    { url: 'https://blog.example.org/posts/one-talk/' },
  ).window.document;

const prose = (id: string, text: string) => `<p id="${id}">${text}</p>`;
const notes = `<h2>What she said</h2>${prose('n', 'The team kept one graph on the wall and looked at it every morning before standup, which changed the way they argued about queues.')}<h2>What I will try</h2><p>Next week I will move our e-mail jobs onto the database and write here how it went.</p>`;

describe('a single talk named only in a reference line where the post opens', () => {
  const cases: [string, string, string, string, string[]][] = [
    [
      'a figure caption with the speaker before the quoted title (Greek)',
      'Μια ομιλία που μου άλλαξε γνώμη',
      `<p>Πήγα για άλλο λόγο και έμεινα μέχρι το τέλος των ερωτήσεων, σε μια αίθουσα με εβδομήντα θέσεις.</p>
       <figure><span role="img"></span><figcaption>Η Ελένη Σταύρου στην ομιλία «Ουρές μέσα στη βάση δεδομένων», αίθουσα 2, Κυριακή πρωί.</figcaption></figure>`,
      'Ουρές μέσα στη βάση δεδομένων',
      ['Ελένη Σταύρου'],
    ],
    [
      'a blockquote of the programme, “Title” — Speaker over the abstract (Swedish)',
      'Föredraget som fick oss att stänga av karusellen',
      `<p>Först programtexten, eftersom den var anledningen till att jag gick in i salen:</p>
       <blockquote><p><strong>“Phones Nobody Tests On”</strong> — Saga Lindqvist</p><p>Most of your users are not on your laptop. This talk looks at a cheap phone on a slow train.</p></blockquote>`,
      'Phones Nobody Tests On',
      ['Saga Lindqvist'],
    ],
    [
      'an embedded recording’s title bar, Title — Speaker | Event (Portuguese)',
      'A palestra que me fez desconfiar dos meus testes',
      `<p>Assisti a umas doze palestras; esta foi a única que me fez abrir o notebook no intervalo.</p>
       <div class="video-embed"><div class="bar"><a href="https://video.example/watch?v=abc">Testes de Mutação: Quem Vigia os Testes? — Beatriz Lacerda | DevDays Recife 2025</a></div></div>`,
      'Testes de Mutação: Quem Vigia os Testes?',
      ['Beatriz Lacerda'],
    ],
  ];
  it.each(cases)('%s', (_, title, opening, talk, speakers) => {
    const doc = page(title, opening + notes);
    expect(detectTalkSections(doc).map((s) => [s.title, s.speakers])).toEqual([[talk, speakers]]);
    expect(talkForNode(detectTalkSections(doc), doc.getElementById('n')!.firstChild!)?.title).toBe(talk);
  });

  // Each a variant of the Greek page above with one thing missing; the page itself is the control.
  const control = cases[0]!;
  it.each([
    [
      'a caption that quotes a title without naming a person',
      'A talk that changed my mind',
      `<p>I went for another reason and stayed until the questions were over, in a room of seventy seats.</p><figure><figcaption>The slide titled “The Incident We All Had”, from the third row.</figcaption></figure>`,
    ],
    [
      'a quoted saying with its author',
      'A talk that changed my mind',
      `<p>I went for another reason and stayed until the questions were over, in a room of seventy seats.</p><blockquote><p>“Simplicity is a prerequisite for reliability.” — Edsger Dijkstra</p></blockquote>`,
    ],
    [
      'a post whose title is not about a talk',
      'Three days in Thessaloniki',
      `<p>We walked a lot and ate more, between the beach, the old harbour and the museums of the upper town.</p><figure><figcaption>Eleni Stavrou reading “Queues Inside the Database” on the ferry.</figcaption></figure>`,
    ],
  ])('no talk: %s', (_, title, opening) => {
    expect(detectTalkSections(page(control[1], control[2] + notes)).map((s) => s.title)).toEqual([
      control[3],
    ]);
    expect(detectTalkSections(page(title, opening + notes))).toEqual([]);
  });
});
