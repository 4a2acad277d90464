/**
 * What a post is about where no rule finds a talk (detect14b, docs/talk-detection.md): one talk, when a
 * title-shaped phrase is named in two kinds of place (an embed's title, a property row, a caption, the
 * page's titles, a quote where the post opens) and the post bears a person's and a talk's marks; none
 * when the phrase is an article's, an episode's or a film's. Made-up pages in several languages and
 * markups.
 */
import { describe, expect, it } from 'vitest';
import { page, titles } from './detected';

const embed = (title: string) =>
  `<iframe title="${title}" src="https://www.youtube-nocookie.com/embed/abc123"></iframe>`;

describe('one talk named in two kinds of place is the whole post', () => {
  it.each([
    [
      'English, a definition list',
      'Tuesday evening, downtown',
      `<dl><dt>Talk</dt><dd>Shipping Fonts Without Regret</dd><dt>Where</dt><dd>Room 4</dd></dl>
       ${embed('Shipping Fonts Without Regret — Marisol Quintero')}
       <p>Marisol Quintero opened with the cost of a single web font on a slow phone.</p>
       <p>Quintero then showed how her team subset their fonts per page.</p>
       <p>The questions were mostly about variable fonts, which Quintero likes with care.</p>`,
      ['Shipping Fonts Without Regret', ['Marisol Quintero']],
    ],
    [
      'Catalan, relation rows of two elements',
      'Apunts del dijous',
      `<div class="rel"><div class="k">Xerrada</div><div class="v">Proves que no menteixen mai</div></div>
       <div class="rel"><div class="k">Data</div><div class="v">12 de març</div></div>
       <figure><img src="a.jpg" alt=""><figcaption>Proves que no menteixen mai — Martina Puigverd</figcaption></figure>
       <p>La Martina Puigverd va començar amb una prova que fallava un dia de cada deu.</p>
       <p>Puigverd va explicar per què els rellotges fan mentir les proves.</p>
       <p>Al final, Puigverd va ensenyar les diapositives amb els resultats.</p>`,
      ['Proves que no menteixen mai', ['Martina Puigverd']],
    ],
    [
      'Catalan, the speaker only in a property row, then by first name after an article',
      'Apunts del dissabte',
      `<div class="rel"><div class="k">Xerrada</div><div class="v">Biblioteques que no moren mai</div></div>
       <div class="rel"><div class="k">Ponent</div><div class="v">Núria Vilaseca</div></div>
       ${embed('Biblioteques que no moren mai')}
       <p>La Núria va obrir amb una biblioteca que ningú no volia mantenir.</p>
       <p>La Núria va dir que retirar un format és escriure la pàgina que ho explica.</p>
       <p>Al final, la Núria va ensenyar com ho fan ara.</p>`,
      ['Biblioteques que no moren mai', ['Núria Vilaseca']],
    ],
    [
      'German, the headline quotes the title, a transcript under a recording',
      'Kommentiert: „Warum unsere Queues immer voll sind“ (Jana Brückner)',
      `<h1>Kommentiert: „Warum unsere Queues immer voll sind“ (Jana Brückner)</h1>
       <p><a href="https://media.example.org/videos/queues">Aufzeichnung</a> des Vortrags.</p>
       <p>[00:12] Brückner beginnt mit einer Warteschlange, die nie leer wird.</p>
       <p>[03:40] Brückner zeigt, wie Rückstau entsteht.</p>
       <p>[09:05] Fragen aus dem Publikum an Brückner.</p>`,
      ['Warum unsere Queues immer voll sind', ['Jana Brückner']],
    ],
  ])('%s', (_case, title, body, expected) => {
    expect(titles(page(`<main><article>${body}</article></main>`, title))).toEqual([expected]);
  });
});

describe('a phrase named twice without the marks of a talk is no talk', () => {
  it.each([
    [
      'a news article quoting a film, with a video and a person named often',
      'Review: “The Long Harbour Road”',
      `<h1>Review: “The Long Harbour Road”</h1>${embed('The Long Harbour Road — trailer')}
       <p>Director Amara Lindqvist returns with “The Long Harbour Road”, shot in one winter.</p>
       <p>Lindqvist keeps the camera low. Lindqvist also wrote the score.</p>`,
    ],
    [
      'a podcast episode, one of a numbered series',
      'Episode 61: Shipping Fonts Without Regret',
      `<h1>Episode 61: Shipping Fonts Without Regret</h1>
       <p><a href="https://podcast.example/ep61">Episode 61: Shipping Fonts Without Regret</a></p>
       <div class="rel"><div class="k">Guest</div><div class="v">Marisol Quintero</div></div>
       <p>[00:00] Marisol Quintero joins us. [02:10] Quintero on fonts. Quintero laughs.</p>
       <p>[05:00] Quintero on the talk she gave last year.</p><p>[09:00] Goodbye.</p>`,
    ],
  ])('%s', (_case, title, body) => {
    expect(titles(page(`<main><article>${body}</article></main>`, title))).toEqual([]);
  });
});
