/**
 * Write-ups made of messages (messages.ts): a thread of posts, a chat log, a forum topic's replies, one
 * message or a few per talk, by one writer among others. Every page here is made up for the test, in
 * wording and markup of its own (no platform's class names are needed: a time stamp, an author, a body).
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectTalkSections, talkForNode } from '@/core/talks';
import { threadTalks } from '@/core/talks/messages';

const page = (body: string, title: string) =>
  new JSDOM(`<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`, {
    url: 'https://social.example/thread/1',
  }).window.document;
const titles = (doc: Document) => detectTalkSections(doc).map((s) => [s.title, s.speakers]);
const filed = (doc: Document, id: string) =>
  talkForNode(detectTalkSections(doc), doc.getElementById(id)!.firstChild!)?.title ?? null;

/** A post of a thread: author, time stamp, body paragraphs (the first with `id` when given). */
const status = (author: string, time: string, paragraphs: string[], id = '') =>
  `<div class="status"><div class="status-head"><a class="display-name" href="#">${author}</a>
  <span class="acct">@${author.split(' ')[0]!.toLowerCase()}</span> · <time datetime="2025-06-12T${time}:00Z">${time}</time></div>
  <div class="content">${paragraphs.map((p, i) => `<p${i === 0 && id ? ` id="${id}"` : ''}>${p}</p>`).join('')}</div>
  <div class="status-actions"><button>Reply</button><button>Boost</button></div></div>`;

describe('a thread of posts, one post (or a few) per talk (Spanish)', () => {
  const doc = page(
    `<main>${[
      status(
        'Lucía Ferrer',
        '08:50',
        ['Hoy en la conferencia. Un post por charla, con erratas incluidas.'],
        'intro',
      ),
      status('Lucía Ferrer', '09:20', [
        'Keynote: Marta Gil, “Observabilidad sin dolor”.',
        'Empezó preguntando quién mira los paneles de noche. Nadie levantó la mano.',
      ]),
      status(
        'Lucía Ferrer',
        '09:40',
        ['Su regla: cada alerta tiene un dueño y una fecha de caducidad.'],
        'follow',
      ),
      status('Diego Sanz', '09:45', ['¡Gracias por las notas! ¿Habrá vídeo de la keynote?'], 'reply'),
      status(
        'Lucía Ferrer',
        '13:05',
        ['Almuerzo. Tortilla en cantidades industriales y colas en el café.'],
        'lunch',
      ),
      status('Lucía Ferrer', '15:10', [
        'Sala 2, 15:00. Pau Roig y Nuria Vidal, Colas que no se caen.',
        'Mostraron cómo reintentan mensajes sin duplicar pedidos.',
      ]),
      status('Lucía Ferrer', '15:30', ['Lo mejor fue la demo del reintento con idempotencia.'], 'second'),
      status('Lucía Ferrer', '17:00', [
        'Última del día: “Bases de datos sin miedo” por @irene.',
        'Migraciones en tres despliegues, nunca en uno.',
      ]),
      status(
        'Irene Soto',
        '17:40',
        ['¡Gracias por las notas! Las diapositivas ya están en mi web.'],
        'speaker',
      ),
    ].join('')}</main>`,
    'Hilo de la conferencia',
  );

  it('finds the talk each opening post names, with its speakers', () => {
    expect(titles(doc)).toEqual([
      ['Observabilidad sin dolor', ['Marta Gil']],
      ['Colas que no se caen', ['Pau Roig', 'Nuria Vidal']],
      // The handle's account shows the speaker's full name in the thread.
      ['Bases de datos sin miedo', ['Irene Soto']],
    ]);
  });

  it.each([
    ['intro', null],
    ['follow', 'Observabilidad sin dolor'],
    ['reply', null], // someone else's reply belongs to no talk
    ['lunch', null], // a break ends the talk above
    ['second', 'Colas que no se caen'],
    ['speaker', null],
  ])('files %s under %s', (id, talk) => expect(filed(doc, id)).toBe(talk));
});

/** A chat message: a tooltip stamp, an author on the first message of a group only, a body. */
const chat = (text: string, time: string, author = '', id = '') =>
  `<div class="msg">${author ? `<div class="head"><span class="author">${author}</span></div>` : ''}
  <span class="stamp" title="12.06.2025 ${time}">${time}</span><div class="text"${id ? ` id="${id}"` : ''}>${text}</div></div>`;

describe('a chat log: continuation messages, another member between (German)', () => {
  const doc = page(
    `<div class="log">
    <div class="group">${chat('Moin aus Berlin, ich schreibe hier mit, was ich sehe', '08:41', 'Ute Brandt', 'hello')}${chat('Schlange an der Registrierung, geht aber schnell', '08:44')}</div>
    <div class="group">${chat('<strong>Eröffnungs-Keynote:</strong> Lena Vogt — „Builds ohne Warten“', '09:05', 'Ute Brandt')}${chat('sie misst jede Pipeline seit drei Jahren, der Median ist von 40 auf 9 Minuten gefallen', '09:12', '', 'k1')}</div>
    <div class="group">${chat('gibt es eine Aufzeichnung?', '09:15', 'mo_k', 'question')}</div>
    <div class="group">${chat('ja, kommt in zwei Wochen', '09:16', 'Ute Brandt')}${chat('Saal 2 jetzt — Jonas Reiter, Datenbanken ohne Drama', '10:30')}${chat('er migriert Tabellen in drei Deploys, nie in einem', '10:41', '', 'k2')}${chat('<strong>Mittagspause</strong> 🥨', '12:30', '', 'lunch')}${chat('die Brezeln sind gut, der Kaffee nicht', '12:33', '', 'after')}</div>
    </div>`,
    'Server - Konferenzen - kanal',
  );

  it('finds both talks, one opening mid-group', () => {
    expect(titles(doc)).toEqual([
      ['Builds ohne Warten', ['Lena Vogt']],
      ['Datenbanken ohne Drama', ['Jonas Reiter']],
    ]);
  });

  it.each([
    ['hello', null],
    ['k1', 'Builds ohne Warten'],
    ['question', null],
    ['k2', 'Datenbanken ohne Drama'],
    ['lunch', null], // a bold line that names no talk ends the talk
    ['after', null],
  ])('files %s under %s', (id, talk) => expect(filed(doc, id)).toBe(talk));
});

/** A forum reply: an article with the user's name, a dated link and the cooked body. */
const reply = (user: string, date: string, body: string) =>
  `<div class="topic-post"><article class="post"><div class="post-meta"><span class="username">${user}</span>
  <a class="post-date" href="#"><span title="${date} 18:02">${date}</span></a></div><div class="cooked">${body}</div></article></div>`;

describe('a forum topic: each talk in a reply by the topic author (French)', () => {
  const doc = page(
    `<main><h1>Nos notes de la conférence</h1>${[
      reply(
        'amelie',
        '3 juin',
        '<p id="frame">Je poste une réponse par conférence, répondez sous celle qui vous intéresse.</p>',
      ),
      reply(
        'amelie',
        '3 juin',
        '<p><strong>Keynote — Le cache qui ment (Claire Martin)</strong></p><p id="cache">Elle a montré trois caches qui servaient des données périmées depuis des mois.</p>',
      ),
      reply('bruno_dev', '4 juin', '<p id="other">Quelqu’un a vu l’atelier sur WebAssembly ?</p>'),
      reply(
        'amelie',
        '4 juin',
        '<h2>Rust à l’école primaire</h2><p>Paul Durand de Ferrous, mardi après-midi.</p><p id="rust">Il enseigne la programmation avec des robots à dix euros.</p>',
      ),
      reply('amelie', '5 juin', '<p id="end">C’est tout pour moi, merci aux organisateurs !</p>'),
    ].join('')}</main>`,
    'Nos notes de la conférence - Forum',
  );

  it('finds the talk of each reply that opens with one, a heading over its speaker line included', () => {
    expect(titles(doc)).toEqual([
      ['Le cache qui ment', ['Claire Martin']],
      ['Rust à l’école primaire', ['Paul Durand']],
    ]);
  });

  it.each([
    ['frame', null],
    ['cache', 'Le cache qui ment'],
    ['other', null],
    ['rust', 'Rust à l’école primaire'],
  ])('files %s under %s', (id, talk) => expect(filed(doc, id)).toBe(talk));
});

describe('messages that name no two talks', () => {
  it('a news article with dated comments has no talks', () => {
    const comment = (who: string, time: string, text: string) =>
      `<li class="comment"><span class="comment-author">${who}</span> <time>${time}</time><p>${text}</p></li>`;
    const doc = page(
      `<article><h1>City council approves new tram line</h1><p>The council voted on Tuesday.</p></article>
      <ol class="comments">${[
        comment('Ann Lee', '10:02', 'About time, the buses are always late.'),
        comment('Bo Chan', '10:15', 'Jane Doe, the mayor, said “We never expected this” last year.'),
        comment('Ann Lee', '10:20', 'Bo Chan, Head of Transit at the council, disagrees.'),
        comment('Cy Diaz', '11:00', 'Who pays for it? Nobody says.'),
      ].join('')}</ol>`,
      'City council approves new tram line',
    );
    expect(titles(doc)).toEqual([]);
  });

  it('a thread whose writer opens one talk only is not a write-up of talks', () => {
    const doc = page(
      `<main>${[
        status('Ana Ruiz', '09:00', ['Llegando al evento, mucha gente.']),
        status('Ana Ruiz', '09:30', ['Keynote: Marta Gil, “Observabilidad sin dolor”.']),
        status('Ana Ruiz', '10:00', ['Muy buena charla, muchas ideas.']),
        status('Ana Ruiz', '11:00', ['Me voy al pasillo a charlar.']),
      ].join('')}</main>`,
      'Hilo',
    );
    expect(titles(doc)).toEqual([]);
  });
});

describe('a message opening with a programme slot ends the talk above (English)', () => {
  // The writer's third post opens another session by its room and time, in a sentence that names no talk
  // this reading takes ("Loft 2, 11:30 — @kai talks about …"): it and the post after it belong to
  // no talk above.
  const doc = page(
    `<main>${[
      status('Mira Holt', '09:10', [
        'Hall A, 09:00. Ada Brenner, Boring Infrastructure Wins.',
        'She counted the pager alerts of a year: most were noise.',
      ]),
      status('Mira Holt', '09:40', ['Her rule: every alert has an owner and an expiry date.'], 'keynote'),
      status('Tom Reed', '09:45', ['Thanks for the notes! Is there a recording?'], 'reply'),
      status(
        'Mira Holt',
        '11:31',
        ['Loft 2, 11:30 — @kai talks about build caches, and the loft is full.'],
        'room',
      ),
      status('Mira Holt', '11:50', ['Remote caches pay off only once the hit rate passes half.'], 'slot'),
      status('Mira Holt', '14:05', [
        'Hall A, 14:00. Lena Park, Queues That Never Drop.',
        'Retries without duplicate orders, shown live.',
      ]),
      status('Mira Holt', '14:30', ['The idempotency demo was the best part.'], 'queues'),
    ].join('')}</main>`,
    'Conference thread',
  );
  const ownerOf = (id: string) =>
    threadTalks(doc).find((t) => t.owns.some((el) => el.contains(doc.getElementById(id))))?.title ?? null;

  it('reads the two talks from the posts that open them', () => {
    expect(threadTalks(doc).map((t) => [t.title, t.speakers])).toEqual([
      ['Boring Infrastructure Wins', ['Ada Brenner']],
      ['Queues That Never Drop', ['Lena Park']],
    ]);
  });

  it.each([
    ['keynote', 'Boring Infrastructure Wins'],
    ['reply', null],
    ['room', null],
    ['slot', null],
    ['queues', 'Queues That Never Drop'],
  ])('the post %s belongs to %s', (id, talk) => {
    expect(ownerOf(id)).toBe(talk);
  });
});
