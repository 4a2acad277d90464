/**
 * A live blog whose entries are no `<article>`s (held-out round 13, docs/talk-detection.md): an `<ol>`
 * timeline of list items or a feed of `<div>`s, each entry with its time in an element of its own and
 * its title (if any) in a heading beside it. Untitled follow-up entries belong to the talk whose entry
 * came before them; a titled entry that is no talk (doors, lunch, a block of lightning talks) takes the
 * entries after it to no talk. Made-up pages in Norwegian, German and English, with class names of
 * their own.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectTalkSections, talkForNode } from '@/core/talks';

const page = (body: string, title: string) =>
  new JSDOM(`<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`, {
    url: 'https://news.example/live/1',
  }).window.document;
const filed = (doc: Document, id: string) =>
  talkForNode(detectTalkSections(doc), doc.getElementById(id)!.firstChild!)?.title ?? null;

type Entry = [time: string, title: string | null, id: string, text: string];

/** A timeline of `tag` entries in a `list` holder, the time in a div of its own, as news sites build them. */
const timeline = (list: string, tag: string, entries: Entry[]) =>
  `<${list} class="t-line">${entries
    .map(
      ([time, title, id, text]) =>
        `<${tag} class="t-item"><div class="t-when"><time datetime="2025-09-03T${time}+02:00">${time}</time></div>
         <div class="t-body">${title ? `<h3>${title}</h3>` : ''}<p id="${id}">${text}</p><p class="t-by">Reporter</p></div></${tag}>`,
    )
    .join('\n')}</${list}>`;

const CASES: {
  name: string;
  list: string;
  tag: string;
  title: string;
  entries: Entry[];
  expected: Record<string, string | null>;
}[] = [
  {
    name: 'Norwegian, an <ol> of <li>s',
    list: 'ol',
    tag: 'li',
    title: 'Direkte fra FjordConf 2025: dag 1',
    entries: [
      [
        '08:50',
        'Dørene er åpne',
        'n0',
        'Køen ved registreringen gikk fort, og kaffen er allerede på plass i foajeen.',
      ],
      [
        '09:10',
        'Åpningskeynote: «Systemer som tåler flom» – Ingrid Solvang',
        'n1',
        'Ingrid Solvang åpner med bilder fra flommen i fjor og hva som sviktet først.',
      ],
      ['09:40', null, 'n2', 'Hun viser at reservestrømmen varte i fire timer, ikke de lovede tolv.'],
      [
        '10:30',
        '«Tester som lyver» med Eirik Dahl og Mona Berg',
        'n3',
        'Dahl og Berg går gjennom testene de slettet etter at de sluttet å stole på dem.',
      ],
      ['10:55', null, 'n4', 'Berg anbefaler å telle hvor ofte en test har feilet uten at koden var feil.'],
      ['12:00', 'Lunsj og stand-runde', 'n5', 'Vi tar en pause og går en runde blant standene i hallen.'],
      ['12:20', null, 'n6', 'Lunsjen er suppe i år, og køen er lang.'],
      [
        '13:00',
        'Sal 4 – Kotlin uten Android',
        'n7',
        'Tor Haug viser et lite verktøy skrevet i Kotlin som kjører i byggesystemet.',
      ],
      ['13:30', null, 'n8', 'Haug mener oppstartstiden ikke lenger er et problem for små verktøy.'],
    ],
    expected: {
      n0: null,
      n1: 'Systemer som tåler flom',
      n2: 'Systemer som tåler flom',
      n3: 'Tester som lyver',
      n4: 'Tester som lyver',
      n5: null,
      n6: null,
      n7: 'Kotlin uten Android',
      n8: 'Kotlin uten Android',
    },
  },
  {
    name: 'German, a feed of <div>s',
    list: 'div',
    tag: 'div',
    title: 'Liveticker: Rheinland DevDays 2025',
    entries: [
      [
        '09:00',
        'Keynote: „Software für den Stromausfall“ – Jana Novak',
        'g1',
        'Jana Novak beginnt mit einem Foto eines dunklen Rechenzentrums in Köln.',
      ],
      ['09:25', null, 'g2', 'Einmal im Jahr schalten sie absichtlich den Strom eines ganzen Standorts ab.'],
      [
        '10:15',
        '„Logs, die niemand liest“ mit Lars Brandt',
        'g3',
        'Lars Brandt hat gezählt, wie viele Logzeilen je gelesen wurden: fast keine.',
      ],
      [
        '10:40',
        null,
        'g4',
        'Seine Regel: jede Logzeile muss eine Frage beantworten, die jemand gestellt hat.',
      ],
      [
        '11:30',
        'Lightning Talks in Saal 3',
        'g5',
        'Sechs kurze Vorträge in einer Stunde, zu schnell zum Mitschreiben.',
      ],
      ['11:50', null, 'g6', 'Wir bleiben bis zum Ende im Saal und holen uns danach einen Kaffee.'],
    ],
    expected: {
      g1: 'Software für den Stromausfall',
      g2: 'Software für den Stromausfall',
      g3: 'Logs, die niemand liest',
      g4: 'Logs, die niemand liest',
      g5: null,
      g6: null,
    },
  },
];

describe.each(CASES)('a timeline of entries: $name', ({ list, tag, title, entries, expected }) => {
  const doc = page(
    `<main><h1>${title}</h1><p>Vi følger dagen fra morgen til kveld.</p>${timeline(list, tag, entries)}</main>`,
    title,
  );

  it.each(Object.entries(expected))('%s is filed under %s', (id, talk) => {
    expect(filed(doc, id)).toBe(talk);
  });
});
