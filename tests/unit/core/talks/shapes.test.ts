/**
 * Talks from repeated block shapes (`shapes.ts`, `shape-talks.ts`), where no rule names a talk: a page's
 * template repeats one block shape per talk whatever element it uses. Every page here is made up for
 * the test, in markups and languages of its own; each layout is one the rules' collectors do not offer.
 */
import { describe, expect, it } from 'vitest';
import { talksFromShapes } from '@/core/talks/shape-talks';
import { shapeLines } from '@/core/talks/shapes';
import { filed, page, titles } from './detected';

/** The shape talks of a page's `<main>` read as a page about an event, under its `<h1>`. */
const shapeTalksOfEventPage = (doc: Document) =>
  talksFromShapes(doc.querySelector('main')!, {
    eventPage: true,
    postTitle: doc.querySelector('h1'),
    ruledOut: () => false,
  });

const NOTE = (who: string) =>
  `<p>${who} began with the failure that started it all and went through the fixes one by one, slide after slide, with the numbers from production beside each of them.</p>`;

describe('talks in layouts no rule reads', () => {
  it.each([
    [
      'grid cells, a title and a name in plain paragraphs (Portuguese)',
      'Conferência Tejo 2025: notas da equipa',
      [
        ['Filas sem pânico', 'Beatriz Carvalho'],
        ['O custo real dos testes lentos', 'Rui Medeiros'],
        ['Mapas de calor para APIs', 'Inês Figueira'],
      ].map(
        ([t, p], i) =>
          `<div class="cell"><p class="t"${i === 1 ? ' id="t1"' : ''}>${t}</p><p class="who">${p}</p>${NOTE(p!.split(' ')[0]!)}</div>`,
      ),
      (cells: string[]) => `<div class="grid">${cells.join('')}</div>`,
      [
        ['Filas sem pânico', ['Beatriz Carvalho']],
        ['O custo real dos testes lentos', ['Rui Medeiros']],
        ['Mapas de calor para APIs', ['Inês Figueira']],
      ],
    ],
    [
      'one list of one item per talk, numbered by its start (Finnish)',
      'Tunturikonferenssi 2025 – kolme parasta esitystä',
      [
        ['Välimuisti, joka ei valehtele', 'Aino Virtanen'],
        ['Kun indeksi kasvaa yli muistin', 'Mikko Laine'],
        ['Testaus ilman tuotantodataa', 'Sanna Heikkinen'],
      ].map(
        ([t, p], i) =>
          `<ol start="${3 - i}"><li><span${i === 1 ? ' id="t1"' : ''}>${t}</span></li></ol><p class="by">${p}</p>${NOTE(p!.split(' ')[0]!)}`,
      ),
      (blocks: string[]) => blocks.join(''),
      [
        ['Välimuisti, joka ei valehtele', ['Aino Virtanen']],
        ['Kun indeksi kasvaa yli muistin', ['Mikko Laine']],
        ['Testaus ilman tuotantodataa', ['Sanna Heikkinen']],
      ],
    ],
  ])('%s', (_, title, blocks, wrap, expected) => {
    const doc = page(
      `<main><h1>${title}</h1><p>Kirjoitimme muistiinpanot heti illalla, ennen kuin mitään ehti unohtua.</p>${wrap(blocks)}</main>`,
      title,
    );
    expect(titles(doc)).toEqual(expected);
    expect(filed(doc, 't1')).toBe(expected[1]![0]);
  });
});

describe('talks whose title element varies, in a place the page repeats', () => {
  it.each([
    [
      'a captioned photo before each talk, its title a heading or a bold paragraph',
      (t: string, p: string, i: number) =>
        `<div class="photo"><span role="img"></span><div class="caption">${p} na scenie</div></div>${i === 1 ? `<p id="t1"><strong>${t}</strong></p>` : `<h3>${t}</h3>`}${NOTE(p.split(' ')[0]!)}`,
    ],
  ])('%s', (_, block) => {
    const talks: [string, string][] = [
      ['Kolejki bez paniki w produkcji', 'Zofia Wrona'],
      ['Indeksy, które rosną szybciej niż dane', 'Marek Cichy'],
      ['Testy kontraktowe w małym zespole', 'Ewa Bednarz'],
    ];
    const doc = page(
      `<main><h1>Jesienny Zlot 2025</h1><p>Notatki z jednego dnia, spisane wieczorem.</p>${talks.map(([t, p], i) => block(t, p, i)).join('')}</main>`,
      'Jesienny Zlot 2025',
    );
    expect(titles(doc)).toEqual(talks.map(([t, p]) => [t, [p]]));
    expect(filed(doc, 't1')).toBe(talks[1]![0]);
  });
});

describe('cards of one class, the title first whatever its element (Swahili)', () => {
  it('the cards are one group, a bold title among headings', () => {
    const cards = [
      ['Foleni bila hofu kazini', 'Amina Juma'],
      ['Fahirisi zinazokua haraka kuliko data', 'Baraka Mwita'],
      ['Majaribio ya mikataba katika timu ndogo', 'Neema Kileo'],
    ];
    const doc = page(
      `<main><h1>Mkutano wa Pwani 2025</h1>${cards
        .map(
          ([t, p], i) =>
            `<div class="kadi">${i === 1 ? `<p><b>${t}</b></p>` : `<h4>${t}</h4>`}<p>${p}</p>${NOTE(p!.split(' ')[0]!)}</div>`,
        )
        .join('')}</main>`,
      'Mkutano',
    );
    const talks = shapeTalksOfEventPage(doc);
    expect(talks.map((t) => [t.title, t.speakers])).toEqual(cards.map(([t, p]) => [t, [p]]));
  });
});

describe('groups that are no talks', () => {
  const reviews = () =>
    ['The Long Winter', 'A Garden in June', 'Harbour Lights']
      .map(
        (t, i) =>
          `<h3>${t}</h3><p>A slow, patient film about a family that keeps returning to one house by the sea; the camera never hurries and neither should you.</p><p><a href="https://video.example.com/watch/${i}">Watch the trailer</a></p>`,
      )
      .join('');

  it.each([
    [
      'film reviews, a recording linked for each, no one named as a speaker',
      `<h1>Nordfest 2025: the films</h1>${reviews()}`,
    ],
    [
      'a digest of articles, each under the same byline and a date',
      `<h1>Weekly Edition 2015</h1>${[
        'A trademark dispute',
        'Mapping with open data',
        'Release notes reviewed',
      ]
        .map(
          (t) => `<h2>${t}</h2><div class="byline">By <b>Jane Doe</b><br>March 25, 2015</div>${NOTE('Jane')}`,
        )
        .join('')}`,
    ],
    [
      'dates in front of posts (a blog archive)',
      `<h1>Archive 2019</h1>${['Tuesday 15 October 2019', 'Friday 4 October 2019', 'Monday 2 September 2019']
        .map((t) => `<p class="date">${t}</p>${NOTE('Someone')}`)
        .join('')}`,
    ],
  ])('%s', (_, body) => {
    // Each page is titled by a name and a year, as an event's edition is: only the veto under test holds.
    const doc = page(`<main>${body}</main>`, 'Notes');
    expect(titles(doc)).toEqual([]);
  });
});

describe('shape lines', () => {
  it.each([
    [
      'a bold run opening a paragraph is its lead',
      '<p><b>Der Titel</b> und dann ein langer Satz.</p>',
      'Der Titel',
      'P+lead',
    ],
    ['a heading without its permalink mark', '<h3>Ein Titel <a href="#x">#</a></h3>', 'Ein Titel', 'H3'],
    ['a row-opening cell', '<table><tr><td>Eine Zeile</td><td>Wer</td></tr></table>', 'Eine Zeile', 'TD'],
    [
      'the line after an image',
      '<figure><img src="x.png"><figcaption>Ein Bild</figcaption></figure>',
      'Ein Bild',
      'FIGCAPTION',
    ],
  ])('%s', (_, html, line, key) => {
    const doc = page(`<main>${html}</main>`, 'x');
    const first = shapeLines(doc.querySelector('main')!)[0]!;
    expect([first.line, first.key.split('<')[0]]).toEqual([line, key]);
  });

  it('a mixed-rank page: one talk a rank below the others joins them', () => {
    const doc = page(
      `<main><h1>Ереванский митап</h1>${[
        ['h2', 'Кэш без иллюзий — Анна Петросян'],
        ['h2', 'Очереди на практике — Давид Саркисян'],
        ['h3', 'Поиск по логам — Мариам Акопян'],
        ['h2', 'Схемы в Postgres — Арам Григорян'],
      ]
        .map(([h, t]) => `<${h}>${t}</${h}>${NOTE('Они')}`)
        .join('')}</main>`,
      'Митап',
    );
    const talks = shapeTalksOfEventPage(doc);
    expect(talks.map((t) => [t.title, t.speakers])).toEqual([
      ['Кэш без иллюзий', ['Анна Петросян']],
      ['Очереди на практике', ['Давид Саркисян']],
      ['Поиск по логам', ['Мариам Акопян']],
      ['Схемы в Postgres', ['Арам Григорян']],
    ]);
  });
});
