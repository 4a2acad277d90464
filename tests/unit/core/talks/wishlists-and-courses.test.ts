/**
 * Pages that name talk-shaped lines for talks nobody gave (held-out round 13, docs/talk-detection.md): a
 * meetup's wishlist, whose title says the talks are wished for, and a course's lecture notes, whose
 * headings number lessons ("Aula 1 —", "Aula 2 —"): one word counting up, no speaker on any line, which
 * is a course's numbering and not a programme's rooms. Made-up pages in English, Portuguese, German and
 * Spanish; a write-up whose rooms carry speakers keeps its talks.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectTalkSections } from '@/core/talks';
import { countsUp } from '@/core/talks/numbering';

const page = (body: string, title: string) =>
  new JSDOM(`<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`, {
    url: 'https://wiki.example/doc/1',
  }).window.document;
const titles = (doc: Document) => detectTalkSections(doc).map((s) => s.title);

describe('countsUp', () => {
  it.each([
    [['Aula 1', 'Aula 2', 'Aula 3', 'Aula 4'], true],
    [['Week 3', 'Week 4', 'Week 5'], true],
    [['Vorlesung 1', 'Vorlesung 2', 'Vorlesung 3'], true],
    [['Sal 2', 'Sal 5', 'Sal 7'], false],
    [['Room 1', 'Hall 2', 'Room 3'], false],
    [['Aula 1', 'Aula 2'], false],
  ])('%j -> %s', (labels, expected) => {
    expect(countsUp(labels)).toBe(expected);
  });
});

describe('a course’s numbered lessons are no talks', () => {
  // "Aula" is a lecture hall where a programme names rooms, and a class where a course numbers lessons.
  it.each([
    [
      'Portuguese',
      'Sistemas Distribuídos — apontamentos das aulas',
      ['Introdução e modelos de falha', 'Comunicação e RPC', 'Relógios lógicos', 'Replicação'],
      'Falámos de consenso e de como a rede atrasa mensagens sem as perder.',
    ],
    [
      'Italian',
      'Sistemi distribuiti — appunti delle lezioni',
      ['Introduzione e modelli di guasto', 'Comunicazione e RPC', 'Orologi logici', 'Replicazione'],
      'Abbiamo parlato di consenso e di come la rete ritarda i messaggi senza perderli.',
    ],
    [
      'Spanish',
      'Sistemas Distribuidos — apuntes de clase',
      ['Modelos de fallo', 'Llamadas remotas', 'Relojes lógicos', 'Replicación'],
      'Hablamos de consenso y de cómo la red retrasa mensajes sin perderlos.',
    ],
  ])('%s', (_lang, title, topics, notes) => {
    const doc = page(
      `<div class="page"><h1>${title}</h1><p>Os diapositivos estão no Moodle.</p>${topics
        .map((t, i) => `<h2>Aula ${i + 1} — ${t}</h2><p>${notes}</p><p>${notes}</p>`)
        .join('')}<h2>Bibliografia</h2><p>Tanenbaum, van Steen.</p></div>`,
      title,
    );
    expect(titles(doc)).toEqual([]);
  });

  it('rooms that count up but name their speakers are a programme’s', () => {
    const doc = page(
      `<article><h1>My notes from DevConf 2025</h1><p>Three talks in three rooms.</p>
       <h2>Room 1 — Failure models (Ana Sousa)</h2><p>She showed how networks delay messages.</p>
       <h2>Room 2 — Logical clocks (Jorge Lima)</h2><p>He compared vector clocks with hybrid ones.</p>
       <h2>Room 3 — Replication (Rita Melo)</h2><p>She walked through three outages.</p></article>`,
      'My notes from DevConf 2025',
    );
    expect(titles(doc)).toEqual(['Failure models', 'Logical clocks', 'Replication']);
  });
});

describe('a wishlist of talks nobody has given yet', () => {
  it.each([
    'Talks we would love to see in 2026',
    'Talk ideas for the spring meetups',
    'Vortragswünsche für 2026',
    'Palestras que gostaríamos de ver em 2026',
    'Charlas que nos gustaría ver este año',
  ])('%s', (title) => {
    const doc = page(
      `<main><h1>${title}</h1><p>Every January we ask members which talks they would like to hear at our evenings.</p>
       <h2>Lightning talk ideas</h2><ul><li>My favourite shortcut nobody knows</li></ul>
       <h2>Already covered</h2><table><thead><tr><th>Topic</th><th>Evening</th><th>Recording</th></tr></thead><tbody>
       <tr><td>Compose performance</td><td>March 2025</td><td><a href="https://wiki.example/talks/1">in the archive</a></td></tr>
       <tr><td>Testing coroutines</td><td>June 2025</td><td><a href="https://wiki.example/talks/2">in the archive</a></td></tr>
       </tbody></table></main>`,
      title,
    );
    expect(titles(doc)).toEqual([]);
  });
});
