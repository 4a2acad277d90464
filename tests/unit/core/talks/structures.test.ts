/**
 * Talks held by structures (docs/talk-detection.md, "Session 12: structures"): rows of a table whose
 * header names its columns in words detection does not read, among rows that are no talks; a comment
 * tree whose poster opens one comment per talk; a link card naming the talk of a single-talk post; and
 * the vocabulary these need (conjunctions joining people, a writer in the first person, talks not seen).
 * Every page here is made up for the test, in wording and languages of its own.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectTalkSections, talkForNode } from '@/core/talks';
import { hasWriter, isRating } from '@/core/talks/catalogue';
import { parsePeople } from '@/core/talks/people';
import { talkOpening } from '@/core/talks/prose';

const page = (body: string, title: string, url = 'https://notes.example.org/post') =>
  new JSDOM(`<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`, {
    url,
  }).window.document;
const titles = (doc: Document) => detectTalkSections(doc).map((s) => [s.title, s.speakers]);
const filed = (doc: Document, id: string) =>
  talkForNode(detectTalkSections(doc), doc.getElementById(id)!.firstChild!)?.title ?? null;

/** A table row: cells as given, the last cell's notes as a paragraph with `id`. */
const row = (cells: string[], notes: string, id: string) =>
  `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}<td><p id="${id}">${notes}</p></td></tr>`;

describe('a talk table whose header words detection does not read', () => {
  // Swedish: "Tid | Sal | Pass | Talare | Anteckningar"; none of these words names a talk column.
  const swedish = page(
    `<article><h1>Vårt team på Nordkonf</h1>
    <p>Vi var fyra som åkte, och anteckningarna skrev vi direkt i tabellen.</p>
    <h2>Dag 1</h2>
    <table><thead><tr><th>Tid</th><th>Sal</th><th>Pass</th><th>Talare</th><th>Anteckningar</th></tr></thead><tbody>
    ${row(['08:30', 'Foajén', 'Registrering och kaffe', '–'], 'Kön gick snabbt men kaffet tog slut före nio.', 'registration')}
    ${row(['09:15', 'Sal A', 'Små team som driver stora system', 'Karin Lindqvist'], 'Karin berättade hur sex personer driver en tjänst med en miljon användare.', 'first')}
    ${row(['12:00', 'Foajén', 'Lunch och monterpass', ''], 'Vi delade ut alla klistermärken på en timme.', 'lunch')}
    ${row(['13:30', 'Sal B', 'Kontraktstester utan tårar i vardagen', 'Oskar Berg och Elin Sjöberg'], 'Oskar och Elin visade hur de byter ut end-to-end-tester mot kontrakt.', 'second')}
    ${row(['15:00', 'Sal A', 'Observerbarhet på en budget för små team', 'Maja Holm (Fjällsoft)'], 'Maja visade loggar som kostade mer än servrarna.', 'third')}
    </tbody></table></article>`,
    'Vårt team på Nordkonf',
  );
  // Greek, the titles linked to their session pages and no time column.
  const greek = page(
    `<article><h1>Σημειώσεις από το συνέδριο</h1>
    <table><tr><th>Αίθουσα</th><th>Θέμα</th><th>Ομιλητές</th><th>Σημειώσεις</th></tr>
    ${row(['Αίθουσα 1', '<a href="https://conf.example/sessions/1">Μικρές ομάδες και μεγάλα συστήματα</a>', 'Ελένη Παππά'], 'Η Ελένη έδειξε πώς μια ομάδα έξι ατόμων κρατά όρθιο ένα μεγάλο σύστημα.', 'gr-first')}
    ${row(['Φουαγιέ', 'Διάλειμμα για καφέ και περίπτερα', '—'], 'Μιλήσαμε με φοιτητές στο περίπτερο.', 'gr-break')}
    ${row(['Αίθουσα 2', '<a href="https://conf.example/sessions/2">Δοκιμές συμβολαίου χωρίς δάκρυα</a>', 'Νίκος Αλεξίου'], 'Ο Νίκος έδειξε πώς αντικατέστησαν τις δοκιμές από άκρο σε άκρο.', 'gr-second')}
    </table></article>`,
    'Σημειώσεις από το συνέδριο',
  );

  it('finds the talk and speaker columns by their cells, and the talks of the rows that name people', () => {
    expect(titles(swedish)).toEqual([
      ['Små team som driver stora system', ['Karin Lindqvist']],
      ['Kontraktstester utan tårar i vardagen', ['Oskar Berg', 'Elin Sjöberg']],
      ['Observerbarhet på en budget för små team', ['Maja Holm']],
    ]);
    expect(titles(greek)).toEqual([
      ['Μικρές ομάδες και μεγάλα συστήματα', ['Ελένη Παππά']],
      ['Δοκιμές συμβολαίου χωρίς δάκρυα', ['Νίκος Αλεξίου']],
    ]);
  });

  it.each([
    ['first', 'Små team som driver stora system'],
    ['second', 'Kontraktstester utan tårar i vardagen'],
    ['third', 'Observerbarhet på en budget för små team'],
    // Registration and lunch name no one: no talks, and their notes belong to none.
    ['registration', null],
    ['lunch', null],
  ])('files the notes of row %s under %s', (id, expected) => {
    expect(filed(swedish, id)).toBe(expected);
  });

  it('a row naming no one is no talk in the Greek table either', () => {
    expect(filed(greek, 'gr-break')).toBeNull();
    expect(filed(greek, 'gr-second')).toBe('Δοκιμές συμβολαίου χωρίς δάκρυα');
  });

  it('linked rows told by a writer in Serbian are a write-up, not a catalogue; a row not seen is no talk', () => {
    const link = (slug: string, title: string) =>
      `<a href="https://konf.example/sessions/${slug}">${title}</a>`;
    const doc = page(
      `<article><h1>Конференција 2024</h1>
      <table><tr><th>Време</th><th>Тема</th><th>Ко</th><th>Утисци</th></tr>
      ${row(['10:00', link('a', 'Кеширање без суза у продукцији'), 'Вера Томић'], 'Вера је објаснила зашто је брисање теже од чувања.', 'sr-first')}
      ${row(['11:30', link('b', 'Уговори уместо интеграционих тестова'), 'Дејан Илић'], 'Дејан је показао како су избацили половину тестова.', 'sr-second')}
      ${row(['13:00', link('c', 'Редови порука који не губе ништа'), 'Јелена Ђурић'], 'Nismo ušli: dvorana je bila puna.', 'sr-missed')}
      ${row(['14:30', link('d', 'Документација која преживи реорганизацију'), 'Марко Лазић'], 'Марко је причао о власницима сваке странице.', 'sr-third')}
      </table></article>`,
      'Конференција 2024',
    );
    expect(titles(doc).map(([title]) => title)).toEqual([
      'Кеширање без суза у продукцији',
      'Уговори уместо интеграционих тестова',
      'Документација која преживи реорганизацију',
    ]);
    expect(filed(doc, 'sr-missed')).toBeNull();
  });

  it.each([
    [
      'a table without a header row: its first row is a talk like the others (cs)',
      '',
      [
        ['9:30', 'Malé týmy a velké systémy v praxi', 'Petra Horáková'],
        ['12:00', 'Oběd a stánky partnerů', '—'],
        ['13:30', 'Kontraktové testy bez slz a bolesti', 'Tomáš Dvořák'],
      ],
      [
        ['Malé týmy a velké systémy v praxi', ['Petra Horáková']],
        ['Kontraktové testy bez slz a bolesti', ['Tomáš Dvořák']],
      ],
    ],
    [
      'a column naming each title with its speakers is the talk column (hu)',
      '<tr><th>Időpont</th><th>Előadás</th><th>Jegyzetek</th></tr>',
      [
        ['09:30', 'Kis csapatok, nagy rendszerek a gyakorlatban — Kovács Anna'],
        ['12:30', 'Csoportkép a teraszon'],
        ['13:30', 'Szerződéses tesztek könnyek nélkül (Nagy Péter)'],
      ],
      [
        ['Kis csapatok, nagy rendszerek a gyakorlatban', ['Kovács Anna']],
        ['Szerződéses tesztek könnyek nélkül', ['Nagy Péter']],
      ],
    ],
    [
      'a talk column named in words detection reads (en)',
      '<tr><th>Time</th><th>Talk</th><th>Speaker</th><th>Notes</th></tr>',
      [
        ['09:30', 'Small Teams, Large Systems', 'Ruth Okoye'],
        ['12:30', 'Group photo on the terrace', '—'],
        ['14:00', 'Contract Tests in Practice', 'Leon Hart'],
      ],
      [
        ['Small Teams, Large Systems', ['Ruth Okoye']],
        ['Contract Tests in Practice', ['Leon Hart']],
      ],
    ],
  ])('%s; the row naming no one between two talks is none', (_, header, cells, expected) => {
    const notes = [
      'The first talk’s notes, told at length.',
      'Everyone on the steps.',
      'The second talk’s notes.',
    ];
    const doc = page(
      `<article><h1>Notes</h1><p>We wrote our notes into the table.</p>
      <table>${header}${cells.map((c, i) => row(c, notes[i]!, `row-${i}`)).join('')}</table></article>`,
      'Notes from the conference',
    );
    expect(titles(doc)).toEqual(expected);
    expect(filed(doc, 'row-0')).toBe(expected[0]![0]);
    expect(filed(doc, 'row-1')).toBeNull();
    expect(filed(doc, 'row-2')).toBe(expected[1]![0]);
  });

  it('a table of people with their teams or roles, with no times and no talk links, names no talks', () => {
    const doc = page(
      `<article><h1>Вечер докладов: кто за что отвечает</h1><p>Доклады и конференция в этом году.</p>
      <table><tr><th>Имя</th><th>Роль</th><th>Комментарий</th></tr>
      ${row(['Анна Петрова', 'Ведущая вечера и модератор вопросов'], 'Следит за временем.', 'role-1')}
      ${row(['Игорь Смирнов', 'Отвечает за звук и запись видео'], 'Приносит микрофоны.', 'role-2')}
      ${row(['Мария Козлова', 'Встречает гостей у входа в зал'], 'Раздаёт бейджи.', 'role-3')}
      </table></article>`,
      'Вечер докладов',
    );
    expect(titles(doc)).toEqual([]);
  });
});

/** A comment: a profile link and a time in words in its header, then its body; replies nested under it. */
const comment = (who: string, paragraphs: string[], id = '', replies: string[] = []) =>
  `<li><article><div class="head"><a href="https://forum.example/u/${who}">@${who}</a> · <span class="comment-date">há 1 ano</span></div>
  <div class="body">${paragraphs.map((p, i) => `<p${i === 0 && id ? ` id="${id}"` : ''}>${p}</p>`).join('')}</div></article>
  ${replies.length ? `<ol>${replies.join('')}</ol>` : ''}</li>`;

describe('a comment tree: the poster opens one comment per talk, others reply (Portuguese)', () => {
  const doc = page(
    `<main><div class="post"><div class="head"><a href="https://forum.example/u/rita">@rita</a> · <span class="comment-date">há 1 ano</span></div>
    <h1>Conferência de Lisboa: notas ao longo do dia</h1>
    <div class="body"><p id="intro">Vou escrever um comentário por palestra. Há duas salas e só uma de mim.</p></div></div>
    <ol class="tree">
    ${comment(
      'rita',
      [
        'Abertura: Joana Ferreira — “Filas sem medo em produção”',
        'Joana começou por perguntar quem já perdeu uma mensagem numa fila.',
      ],
      'first',
      [
        comment('bruno', ['Obrigado! Os slides já estão online?'], 'reply', [
          comment('rita', ['Ainda não. Ela disse que publica à noite.'], 'answer'),
        ]),
      ],
    )}
    ${comment('rita', ['Sala B, 11:30 — Caio Mendes: Testes de contrato na prática', 'Caio mostrou como trocaram os testes ponta a ponta por contratos.'], 'second')}
    ${comment('rita', ['Mais uma coisa do Caio que gostei: cada contrato tem um dono e uma data de revisão.'], 'follow')}
    ${comment('rita', ['Estandes e conversas no corredor ☕', 'Conheci três pessoas do Porto que estão a começar um grupo local.'], 'lunch')}
    ${comment(
      'rita',
      [
        'Última para mim hoje: Lia Campos e Davi Rocha, “Cache distribuído sem lágrimas”',
        'Lia e Davi mostraram porque invalidar é mais difícil do que guardar.',
      ],
      'third',
      [
        comment(
          'davi_r',
          ['Obrigado pelo resumo! Uma correção: eram duas regiões, não três.'],
          'speaker-reply',
        ),
      ],
    )}
    </ol></main>`,
    'Conferência de Lisboa: notas ao longo do dia',
  );

  it('finds the talk of each comment the poster opens with one, with its speakers', () => {
    expect(titles(doc)).toEqual([
      ['Filas sem medo em produção', ['Joana Ferreira']],
      ['Testes de contrato na prática', ['Caio Mendes']],
      ['Cache distribuído sem lágrimas', ['Lia Campos', 'Davi Rocha']],
    ]);
  });

  it.each([
    ['first', 'Filas sem medo em produção'],
    // The poster's follow-up continues the talk above; a comment opening with a line of its own does not.
    ['follow', 'Testes de contrato na prática'],
    ['lunch', null],
    // Replies by others, the speaker's among them, belong to no talk.
    ['reply', null],
    ['speaker-reply', null],
    ['intro', null],
  ])('files %s under %s', (id, expected) => {
    expect(filed(doc, id)).toBe(expected);
  });
});

describe('a message opening with a slot, then "Speaker: Title"', () => {
  it.each([
    // A place and a time before the comma are no people; the speaker before the colon is named again.
    [
      'Sala B, 11:30 — Caio Mendes: Testes de contrato na prática',
      'Caio mostrou',
      ['Testes de contrato na prática', ['Caio Mendes']],
    ],
    [
      'Raum B, 14:00 — Jana Novak: Verträge statt Integrationstests',
      'Jana zeigte',
      ['Verträge statt Integrationstests', ['Jana Novak']],
    ],
    // Nobody named again: the colon may be anyone's remark.
    ['Jana Novak: Verträge statt Integrationstests', 'Ein anderer Text', null],
  ])('%s', (line, notes, expected) => {
    const talk = talkOpening(line, (name) => notes.includes(name.split(' ')[0]!));
    expect(talk && [talk.title, talk.speakers]).toEqual(expected);
  });
});

describe('a single talk named only in a link card where the post opens', () => {
  const card = (title: string, description: string) =>
    `<div class="block block-link"><a class="card" href="https://slides.example/deck/42"><div class="thumb"></div>
    <div class="text"><div class="title">${title}</div><div class="description">${description}</div><div class="host">slides.example</div></div></a></div>`;
  const post = (description: string) =>
    page(
      `<article><h1>Was ich aus Hamburg mitgenommen habe</h1>
      <p>Zwei Tage in Hamburg, und nur eine Sache hat meine Meinung geändert. Darüber schreibe ich hier.</p>
      ${card('Legacy-Code ohne Angst: Freigabetests in der Praxis', description)}
      <h2>Die Idee</h2><p id="notes">Man hält fest, was der Code heute tut, bevor man ihn ändert.</p></article>`,
      'Was ich aus Hamburg mitgenommen habe',
    );

  it.each([
    ['Folien zum Vortrag von Greta Hansen auf dem Hamburg Craft Day 2024.', ['Greta Hansen']],
    ['Diapositives de la xerrada de Greta Hansen al Hamburg Craft Day.', ['Greta Hansen']],
    ["Slides of Greta Hansen's talk at Hamburg Craft Day 2024.", ['Greta Hansen']],
    // The person opens the description: its sentence starts at its first letter (session 13).
    ['Greta Hansen über Freigabetests: Folien zum Vortrag in Hamburg.', ['Greta Hansen']],
  ])('a card whose description says whose talk it is: %s', (description, speakers) => {
    const doc = post(description);
    expect(titles(doc)).toEqual([['Legacy-Code ohne Angst: Freigabetests in der Praxis', speakers]]);
    expect(filed(doc, 'notes')).toBe('Legacy-Code ohne Angst: Freigabetests in der Praxis');
  });

  it.each([
    ['Folien und Code zum Nachlesen, frei verfügbar.'],
    ['Ein Vortrag über Freigabetests auf dem Hamburg Craft Day.'],
    // An article and a capitalised noun opening the sentence are no name (session 13).
    ['Eine Zusammenfassung zum Vortrag über Freigabetests.'],
    ['The Recording of the talk, with slides.'],
  ])('a card naming no person, or no talk, names none: %s', (description) => {
    expect(titles(post(description))).toEqual([]);
  });
});

describe('the vocabulary structures need', () => {
  it.each([
    ['Amani Kiprono na Wanjiru Kamau', ['Amani Kiprono', 'Wanjiru Kamau']],
    ['Жанар Әбдіқадырова және Ерлан Төлеуов', ['Жанар Әбдіқадырова', 'Ерлан Төлеуов']],
  ])('people joined by a conjunction: %s', (line, expected) => {
    expect(parsePeople(line)).toEqual(expected);
  });

  it.each([
    ['Најкорисније предавање конференције за нас.', true],
    ['Сала је била пуна и нисмо ушли.', true],
    ['Невена је причала о малим тимовима.', true],
    ['Tomislav i Nina su opisali dva sustava.', true],
    ['Преглед архитектуре малих тимова, са примерима.', false],
  ])('a writer in Serbian and Croatian: %s -> %s', (text, expected) => {
    expect(hasWriter(text)).toBe(expected);
  });
});

describe('a bold block among talk headings, opening like a message (Spanish)', () => {
  const doc = (bold: string, notes: string) =>
    page(
      `<article><h1>Crónica de la conferencia</h1>
      <p>Dos días de charlas en Valencia; estas son mis notas.</p>
      <h2>Observabilidad sin paneles — Marta Gil</h2><p>Marta explicó por qué nadie mira los paneles de noche.</p>
      <h2>Colas que no se caen — Pau Roig</h2><p>Pau enseñó cómo reintentan sin duplicar pedidos.</p>
      <h2>Pasillo y expositores</h2><p id="hall">El pasillo estaba lleno de vendedores de agentes.</p>
      <p><b>${bold}</b></p><p id="notes">${notes}</p>
      <h2>Lo que cambio</h2><p id="outro">Vamos a probar la caché remota en un equipo.</p></article>`,
      'Crónica de la conferencia',
    );

  it('is a talk of the headings’ rank when its notes name its speaker again', () => {
    const page = doc(
      'Extra: Lucía Varela, Compilaciones rápidas con caché remota',
      'Solo la vi porque la sala que quería estaba llena. Lucía enseñó cómo bajaron los tiempos a la mitad.',
    );
    expect(titles(page)).toEqual([
      ['Observabilidad sin paneles', ['Marta Gil']],
      ['Colas que no se caen', ['Pau Roig']],
      ['Compilaciones rápidas con caché remota', ['Lucía Varela']],
    ]);
    expect(filed(page, 'notes')).toBe('Compilaciones rápidas con caché remota');
    expect(filed(page, 'hall')).toBeNull();
    expect(filed(page, 'outro')).toBeNull();
  });

  it('names no talk when its notes do not name the person again', () => {
    const page = doc(
      'Extra: Acme Nube, Nuestro stand en cifras',
      'Repartimos trescientas pegatinas en una hora.',
    );
    expect(titles(page).map(([title]) => title)).toEqual([
      'Observabilidad sin paneles',
      'Colas que no se caen',
    ]);
  });
});

describe('session cards whose notes are a rating, not a report', () => {
  it.each([
    ['4,8 / 5 · 163 votes · Main hall', true],
    ['Note : 4.6 sur 5 (98 avis)', true],
    ['★★★★☆ « Super clair »', true],
    ['🧵 2/5 and the room was full', false],
    ['We gave it 5 stars in our team chat.', false],
  ])('%s -> %s', (notes, expected) => {
    expect(isRating(notes)).toBe(expected);
  });

  const card = (title: string, score: string, quote: string, id: string) =>
    `<div class="card"><h3>${title}</h3><p id="${id}">${score} · 120 valoraciones · Sala 1</p><blockquote><p>${quote}</p></blockquote></div>`;
  it('a survey’s top-rated sessions, each a score and an attendee’s quote, are no talks', () => {
    const doc = page(
      `<article><h1>Resultados de la encuesta de la conferencia</h1><p>Gracias a los 300 asistentes que respondieron.</p>
      <h2>Las sesiones mejor valoradas</h2>
      ${card('«Arquitectura sin diagramas» — Inés Roca', '4,8 / 5', '“La más clara de todo el día.”', 'r1')}
      ${card('«Postgres a las tres de la mañana» — Raúl Sanz', '4,7 / 5', '“La sala se quedó pequeña.”', 'r2')}
      ${card('Taller: Contratos con Pact (Ana Pons y Miguel Ruiz)', '4,6 / 5', '“Faltó una hora más.”', 'r3')}
      <h2>Qué cambiamos</h2><p>Más café y una sala más grande.</p></article>`,
      'Resultados de la encuesta',
    );
    expect(titles(doc)).toEqual([]);
    expect(filed(doc, 'r2')).toBeNull();
  });
});
