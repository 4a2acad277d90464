/**
 * Vetoes read without any language's words (detect14b, docs/talk-detection.md): talks dated a week or
 * more after the page, talks offered with a way to book them, the page's author presenting their own
 * talks, and headings made of the site's navigation words are no record of talks attended. A write-up
 * whose talks were given before it was written keeps them. Made-up pages in several languages.
 */
import { describe, expect, it } from 'vitest';
import { page, titles } from './detected';

const TALKS: Record<string, [string, string][]> = {
  English: [
    ['Shipping Fonts Without Regret', 'Marisol Quintero'],
    ['Queues That Never Drain', 'Jana Brückner'],
    ['The Cost of a Retry', 'Tomasz Wrzesień'],
  ],
  Spanish: [
    ['Pruebas que no mienten', 'Martina Puigverd'],
    ['Colas que nunca se vacían', 'Rocío Benítez'],
    ['El coste de un reintento', 'Diego Martins'],
  ],
};

/** A post of three talk headings "T — Name", each with `notes(i)` under it. */
const post = (talks: [string, string][], notes: (i: number) => string, head = '') =>
  `${head}<main><article><h1>Conference talks</h1><p><time datetime="2026-11-02">2 Nov 2026</time></p>${talks
    .map(
      ([t, name], i) =>
        `<h2>${t} — ${name}</h2><p>${name.split(' ')[1]} ${notes(i)} The conference talk ran long.</p>`,
    )
    .join('')}</article></main>`;

describe('talks still to come are no talks', () => {
  it.each(Object.entries(TALKS))('%s', (_lang, talks) => {
    const later = post(talks, (i) => `<time datetime="2027-0${i + 3}-10">${i + 3}/2027</time>.`);
    expect(titles(page(later, 'Conference talks'))).toEqual([]);
    // Given before the page was written: kept.
    const earlier = post(talks, (i) => `<time datetime="2026-10-0${i + 1}">${i + 1} Oct</time>.`);
    expect(titles(page(earlier, 'Conference talks')).map(([t]) => t)).toEqual(talks.map(([t]) => t));
  });
});

describe('talks offered with a way to book them are no talks', () => {
  it.each(Object.entries(TALKS))('%s', (_lang, talks) => {
    const offered = post(talks, () => '<a href="mailto:talks@quintero.example">✉</a>.');
    expect(titles(page(offered, 'Conference talks'))).toEqual([]);
  });
});

describe('the author presenting their own talks records none', () => {
  it('every talk by the author of the page', () => {
    const own = TALKS.English!.map(([t]): [string, string] => [t, 'Marisol Quintero']);
    const doc = page(
      post(own, () => 'spoke.'),
      'Conference talks',
    );
    const meta = doc.createElement('meta');
    meta.name = 'author';
    meta.content = 'Marisol Quintero';
    doc.head.append(meta);
    expect(titles(doc)).toEqual([]);
  });
});

describe('a heading made of the site’s navigation words is no talk', () => {
  it.each([
    ['English', 'Invite me', ['Home', 'Talks', 'Invite', 'me'], 'In her talk, she showed'],
    ['German', 'Über mich', ['Start', 'Vorträge', 'Über mich'], 'In ihrem Vortrag zeigte sie'],
  ])('%s', (_lang, heading, links, opening) => {
    const nav = `<nav>${links.map((l) => `<a href="/${encodeURIComponent(l)}">${l}</a>`).join(' ')}</nav>`;
    const talks = ['Shipping Fonts Without Regret', 'Queues That Never Drain', 'The Cost of a Retry'];
    const body = `${nav}<main><article><h1>Conference talks</h1>${[...talks, heading]
      .map((t) => `<h2>${t}</h2><p>${opening} how it went wrong and how it was fixed.</p>`)
      .join('')}</article></main>`;
    expect(titles(page(body, 'Conference talks')).map(([t]) => t)).toEqual(talks);
  });
});
