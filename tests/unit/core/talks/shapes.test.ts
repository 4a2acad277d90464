/**
 * Talks from repeated block shapes (`shapes.ts`, `shape-talks.ts`), where no rule names a talk: a page's
 * template repeats one block shape per talk whatever element it uses. Every page here is made up for
 * the test, in markups and languages of its own; each layout is one the rules' collectors do not offer.
 */
import { describe, expect, it } from 'vitest';
import { talksFromShapes } from '@/core/talks/shape-talks';
import { shapeLines } from '@/core/talks/shapes';
import { filed, page, titles } from './detected';

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

describe('groups that are no talks', () => {
  const reviews = (withPeople: boolean) =>
    ['The Long Winter', 'A Garden in June', 'Harbour Lights']
      .map(
        (t, i) =>
          `<h3>${t}</h3>${withPeople ? `<p>Directed by Jane Doe ${i}</p>` : ''}<p>A slow, patient film about a family that keeps returning to one house by the sea; the camera never hurries and neither should you.</p><p><a href="https://video.example.com/watch/${i}">Watch the trailer</a></p>`,
      )
      .join('');

  it.each([
    [
      'film reviews, a recording linked for each, no one named as a speaker',
      `<h1>Films of the season</h1>${reviews(false)}`,
    ],
    [
      'a digest of articles, each under the same byline and a date',
      `<h1>This week</h1>${['A trademark dispute', 'Mapping with open data', 'Release notes reviewed']
        .map(
          (t) => `<h2>${t}</h2><div class="byline">By <b>Jane Doe</b><br>March 25, 2015</div>${NOTE('Jane')}`,
        )
        .join('')}`,
    ],
    [
      'dates in front of posts (a blog archive)',
      `<h1>Archive</h1>${['Tuesday 15 October 2019', 'Friday 4 October 2019', 'Monday 2 September 2019']
        .map((t) => `<p class="date">${t}</p>${NOTE('Someone')}`)
        .join('')}`,
    ],
  ])('%s', (_, body) => {
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
    const talks = talksFromShapes(doc.querySelector('main')!, {
      eventPage: true,
      postTitle: doc.querySelector('h1'),
      ruledOut: () => false,
    });
    expect(talks.map((t) => [t.title, t.speakers])).toEqual([
      ['Кэш без иллюзий', ['Анна Петросян']],
      ['Очереди на практике', ['Давид Саркисян']],
      ['Поиск по логам', ['Мариам Акопян']],
      ['Схемы в Postgres', ['Арам Григорян']],
    ]);
  });
});
