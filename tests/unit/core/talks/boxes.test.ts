/**
 * Talks held in blocks that are not headings (docs/talk-detection.md, "Session 11: cards, boxes, tables,
 * lists"): cards whose fields name the talk, its speakers and its slot; a card, a callout or a bold
 * block among talk headings; sections opened by a numbered badge with a labelled speaker line. Every
 * page here is made up for the test, in wording and languages of its own.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectTalkSections, talkForNode } from '@/core/talks';
import { cardFields, withoutBadge } from '@/core/talks/boxes';
import { withoutOutlineMarkup } from '@/core/talks/people';
import { speakerLine } from '@/core/talks/speaker-phrases';
import { parseTalkTitle } from '@/core/talks/title-parse';
import { headingRole } from '@/core/talks/vocabulary';

const page = (body: string, title: string) =>
  new JSDOM(`<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`, {
    url: 'https://blog.example.org/post',
  }).window.document;
const fragment = (html: string) => new JSDOM(`<body>${html}</body>`).window.document.body.firstElementChild!;
const titles = (doc: Document) => detectTalkSections(doc).map((s) => [s.title, s.speakers]);
const filed = (doc: Document, id: string) =>
  talkForNode(detectTalkSections(doc), doc.getElementById(id)!.firstChild!)?.title ?? null;
const NOTES =
  'The questions went on well past the hour, and the answers were better than most of the slides before them.';

describe('a card’s fields', () => {
  it.each([
    [
      'kicker, title, speaker (en)',
      '<div class="c"><div>Tue · Hall 2 · 10:15</div><div>Queues Are a Product Decision</div><div>Hana Kovač</div></div>',
      { title: 'Queues Are a Product Decision', speakers: ['Hana Kovač'], holdsNotes: false },
    ],
    [
      'kicker row, title, speaker with company, notes (de)',
      `<div class="k"><div class="m"><span>14:00</span><span>Saal C</span></div><div><div>Warum unsere Migrationen scheitern</div></div><div><div>Jonas Reuter</div><div>Kranich AG</div></div><div><p>${NOTES}</p></div></div>`,
      { title: 'Warum unsere Migrationen scheitern', speakers: ['Jonas Reuter'], holdsNotes: true },
    ],
    [
      'a labelled panel: the moderator, then the panel (es)',
      '<div class="c"><div>Mesa redonda: ¿Quién paga el código abierto?</div><div>Moderadora: Lucía Ferrer · Tomás Gil, Ana Ruiz</div></div>',
      {
        title: 'Mesa redonda: ¿Quién paga el código abierto?',
        speakers: ['Lucía Ferrer', 'Tomás Gil', 'Ana Ruiz'],
        holdsNotes: false,
      },
    ],
  ])('%s', (_, html, expected) => {
    expect(cardFields(fragment(html))).toMatchObject(expected);
  });

  it.each([
    [
      'a profile: a person first, then a role',
      '<div><div>Mira Holt</div><div>Staff Engineer, Acme</div></div>',
    ],
    [
      'a figure: pictures with captions',
      '<div><div><img src="a.png"><div>Ada Lovelace, Countess</div></div><div><img src="b.png"><div>Grace Hopper</div></div></div>',
    ],
    [
      'a box of links under a title',
      '<div><div>Links to this note</div><div><div><a href="/p/jane">Jane Doe</a></div><div><a href="/t/x">Event sourcing</a></div><div><a href="/c/2025">Conferences 2025</a></div></div></div>',
    ],
    ['a card’s meta: a time and a room', '<div><div>09:30</div><div>Main Hall</div></div>'],
    [
      'a title and a kicker without people or notes (a related post)',
      '<div><div>Events · 5 min</div><div>How big should a pool be?</div></div>',
    ],
  ])('none in %s', (_, html) => {
    expect(cardFields(fragment(html))).toBeNull();
  });
});

describe('cards without headings', () => {
  const card = (kicker: string, title: string, speaker: string, notes: string, id: string) =>
    `<div class="item"><div class="card"><div class="meta"><div>${kicker.split(' · ')[0]}</div><div class="dot"></div><div>${kicker.split(' · ')[1]}</div></div>
      <div class="tw"><div class="t">${title}</div></div>
      ${speaker ? `<div class="sw"><div class="avatar"></div><div><div>${speaker}</div></div></div>` : ''}
      <div class="notes"><p id="${id}">${notes}</p><p>${NOTES}</p></div></div></div>`;
  const doc = page(
    `<div class="hero"><div class="h">Notas de la Conferencia Sur 2025</div></div>
    <div class="list">
      ${card('09:30 · Sala A', 'Observabilidad sin presupuesto', 'Marta Solís', 'Empezó con una encuesta a mano alzada.', 'a')}
      ${card('11:00 · Sala B', 'Diez años de microservicios', 'Iker Aranda &amp; Nerea Olano', 'Volvieron a un monolito modular.', 'b')}
      ${card('13:00 · Vestíbulo', 'Almuerzo y stands', '', 'La cola del café fue eterna.', 'lunch')}
      ${card('15:00 · Sala A', 'Accesibilidad que sí se prueba', 'Rocío Luna', 'Cada pull request pasa un lector de pantalla.', 'c')}
    </div>`,
    'Notas de la Conferencia Sur 2025',
  );

  it('each card naming its speakers is a talk and owns its notes', () => {
    expect(titles(doc)).toEqual([
      ['Observabilidad sin presupuesto', ['Marta Solís']],
      ['Diez años de microservicios', ['Iker Aranda', 'Nerea Olano']],
      ['Accesibilidad que sí se prueba', ['Rocío Luna']],
    ]);
    expect(filed(doc, 'b')).toBe('Diez años de microservicios');
    expect(filed(doc, 'c')).toBe('Accesibilidad que sí se prueba');
  });

  it('a card of the same markup that is a break is no talk, and its notes belong to none', () => {
    expect(filed(doc, 'lunch')).toBeNull();
  });
});

describe('a talk in a block among talk headings', () => {
  const headings = `<h1>Hallway Conf 2025: our notes</h1><p>Four of us went and wrote up a talk each.</p>
    <h3>Keynote: Nobody Reads the Runbook</h3><p>Speaker: Iris Vale</p><p id="k">${NOTES}</p>
    <h3>Paging Less (Omar Reyes &amp; Lea Brandt)</h3><p>${NOTES}</p><p id="p">They cut night pages by two thirds.</p><p>${NOTES}</p>`;

  it.each([
    [
      'a session card with a kicker, a title and a speaker (en)',
      '<div class="session-card"><div>Thursday · Room B · 15:40</div><div>Sealed Types in Anger</div><div>Ivo Marin</div></div>',
      'Sealed Types in Anger',
      ['Ivo Marin'],
    ],
    [
      'a callout whose paragraph opens with a bold title and its speaker (de)',
      '<div class="callout callout-note"><p class="callout-title">Hinweis</p><p><strong>Saal 3, Samstag 14:00 — Logs, die man findet</strong>, von Ewa Lis. Der Vortrag, nach dem alle gefragt haben.</p></div>',
      'Logs, die man findet',
      ['Ewa Lis'],
    ],
  ])('%s', (_, block, title, speakers) => {
    const doc = page(
      `<main>${headings}${block}<p id="x">${NOTES}</p><p id="x2">Their linter rejects free-form keys.</p>
      <h2>What we take home</h2><p id="out">${NOTES}</p></main>`,
      'Hallway Conf 2025: our notes',
    );
    expect(titles(doc)).toEqual([
      ['Nobody Reads the Runbook', ['Iris Vale']],
      ['Paging Less', ['Omar Reyes', 'Lea Brandt']],
      [title, speakers],
    ]);
    expect(filed(doc, 'p')).toBe('Paging Less');
    expect(filed(doc, 'x2')).toBe(title);
    expect(filed(doc, 'out')).toBeNull();
  });

  it('a card right under a talk heading names that talk’s speaker, not another talk', () => {
    const doc = page(
      `<main><h1>Hallway Conf 2025: our notes</h1><p>Intro.</p>
      <h3>Nobody Reads the Runbook</h3><div class="card"><div>Runbooks at Scale</div><div>Iris Vale</div></div><p>${NOTES}</p>
      <h3>Paging Less (Omar Reyes)</h3><p>${NOTES}</p>
      <h3>Queues Are Product (Lea Brandt)</h3><p>${NOTES}</p></main>`,
      'Hallway Conf 2025: our notes',
    );
    expect(titles(doc).map(([t]) => t)).not.toContain('Runbooks at Scale');
  });
});

describe('sections opened by a numbered badge', () => {
  const section = (badge: string, title: string, speaker: string, id: string) =>
    `<section class="tb"><span class="num">${badge}</span><span class="tt">${title}</span></section>
    ${speaker ? `<p class="sp">${speaker}</p>` : ''}<p id="${id}">${NOTES}</p><p>${NOTES}</p>`;

  it.each([
    [
      'zh: "分享嘉宾｜Name, role" under each title',
      'QCon 北京 2025 参会笔记：三场分享',
      [
        section('01', '把告警降到每周一次', '分享嘉宾｜林晓舟，某物流公司 SRE 负责人', 'a'),
        section('02', '数据库迁移的三次失败', '分享嘉宾｜许文澜，独立顾问', 'b'),
        section('番外', '展位与走廊', '', 'hall'),
        section('03', '测试金字塔已经倒了', '演讲嘉宾：韩一鸣，测试平台组', 'c'),
      ],
      [
        ['把告警降到每周一次', ['林晓舟']],
        ['数据库迁移的三次失败', ['许文澜']],
        ['测试金字塔已经倒了', ['韩一鸣']],
      ],
    ],
    [
      'ko: "발표자: Name" under each title',
      'FEConf 2025 후기: 세 개의 발표',
      [
        section('01', '디자인 시스템을 지우는 법', '발표자: 김하늘', 'a'),
        section('02', '접근성 테스트 자동화', '발표자: 이도윤', 'b'),
        section('번외', '부스와 복도', '', 'hall'),
        section('03', '번들 크기 다이어트', '발표자: 박서준', 'c'),
      ],
      [
        ['디자인 시스템을 지우는 법', ['김하늘']],
        ['접근성 테스트 자동화', ['이도윤']],
        ['번들 크기 다이어트', ['박서준']],
      ],
    ],
  ])('%s', (_, title, sections, expected) => {
    const doc = page(`<div class="content"><p>${NOTES}</p>${sections.join('')}</div>`, title);
    expect(titles(doc)).toEqual(expected);
    expect(filed(doc, 'b')).toBe(expected[1]![0]);
    // The badge section that is no talk ends the talk above it.
    expect(filed(doc, 'hall')).toBeNull();
  });

  it('a badge is a short number or a CJK word set apart from the title', () => {
    expect(withoutBadge(fragment('<p><span>01</span><span>Title here</span></p>'))).toBe('Title here');
    expect(withoutBadge(fragment('<p><span>番外</span><span>展位</span></p>'))).toBe('展位');
    expect(withoutBadge(fragment('<p><span>Bonus round</span><span>Title</span></p>'))).toBeNull();
    expect(withoutBadge(fragment('<p>Plain <span>text</span></p>'))).toBeNull();
  });
});

describe('labels and kickers of cards and boxes', () => {
  it.each([
    ['分享嘉宾｜周以宁，长帆物流 AI 平台负责人', ['周以宁']],
    ['演讲嘉宾：韩一鸣，测试平台组', ['韩一鸣']],
    ['Moderator: Jane Doe, Acme', ['Jane Doe']],
    ['Moderatorin: Eva Berg', ['Eva Berg']],
  ])('speaker line %s', (line, people) => {
    expect(speakerLine(line)).toEqual(people);
  });

  it.each([
    ['Go devroom, Saturday 14:00 — Logs You Can Find', 'Logs You Can Find'],
    ['Sal 2, tirsdag 10:15 — Ti år med køer', 'Ti år med køer'],
    ['Açılış Keynote’u: Yazılım Ekipleri', 'Yazılım Ekipleri'],
    ['Kapanış paneli: Açık Kaynak Kimin İşi?', 'Açık Kaynak Kimin İşi?'],
  ])('title of %s', (line, title) => {
    expect(parseTalkTitle(line).title).toBe(title);
    expect(parseTalkTitle(line).speakers).toEqual([]);
  });
});

describe('talk tables that are agendas or plans', () => {
  const table = (rows: string[][]) =>
    `<table><thead><tr><th>Day</th><th>Time</th><th>Session</th><th>Who went</th></tr></thead><tbody>${rows
      .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
      .join('')}</tbody></table>`;

  it.each([
    [
      'en: short session names and who went, the talks written up under headings',
      'DataConf 2025: team notes',
      table([
        ['Sat', '09:15', 'Opening keynote', 'All'],
        ['Sat', '11:00', 'Search at the bank', 'Ana, Bo'],
        ['Sun', '10:00', 'Notebook testing lab', 'Cy'],
      ]),
      [
        '<h2>Keynote: Teaching Python Offline (Dr. Amira Sayed)</h2>',
        '<h2>Search Is Still Hard (Bruno Leal)</h2>',
        '<h2>Workshop: Testing Notebooks (Carla Nunes)</h2>',
      ],
      [
        ['Teaching Python Offline', ['Amira Sayed']],
        ['Search Is Still Hard', ['Bruno Leal']],
        ['Testing Notebooks', ['Carla Nunes']],
      ],
    ],
    [
      'ms: a Malay page, its keynote, workshop, speaker label, person chip and honorific',
      'Nota PyData KL 2025',
      table([
        ['Sabtu', '09:15', 'Ucaptama', 'Semua'],
        ['Sabtu', '11:00', 'Pangkalan data', 'Izzah'],
        ['Ahad', '10:00', 'Bengkel ujian', 'Arif'],
      ]),
      [
        '<h2>Ucaptama: Data Terbuka untuk Sekolah (Dr. Nadia Karim)</h2>',
        '<h2>Pangkalan Data Tanpa Henti</h2><p>Penceramah: <span class="chip">@Rizal Hamzah</span></p>',
        '<h2>Encik Tan Wei Ming: Ujian untuk Notebook</h2>',
      ],
      [
        ['Data Terbuka untuk Sekolah', ['Nadia Karim']],
        ['Pangkalan Data Tanpa Henti', ['Rizal Hamzah']],
        ['Ujian untuk Notebook', ['Tan Wei Ming']],
      ],
    ],
  ])('%s', (_, title, agenda, headings, expected) => {
    const notes = (i: number) =>
      `<p id="n${i}">Tan Wei Ming and the others showed their work, and the questions after it ran long.</p><p>${NOTES}</p>`;
    const doc = page(
      `<main><h1>${title}</h1><p>${NOTES}</p>${agenda}${headings.map((h, i) => h + notes(i)).join('')}</main>`,
      title,
    );
    expect(titles(doc)).toEqual(expected);
    expect(filed(doc, 'n1')).toBe(expected[1]![0]);
  });

  it('a talk table with notes in its rows is still the write-up', () => {
    const doc = page(
      `<main><h1>DataConf 2025: team notes</h1><p>${NOTES}</p>
      <table><tr><th>Session</th><th>Speaker</th><th>Notes</th></tr>
      <tr><td>Search Is Still Hard</td><td>Bruno Leal</td><td id="r1">Keyword search beat the vector index on product codes.</td></tr>
      <tr><td>Testing Notebooks</td><td>Carla Nunes</td><td>Move one function out, test it, repeat.</td></tr></table>
      <h2>Keynote: Teaching Python Offline (Dr. Amira Sayed)</h2><p>${NOTES}</p></main>`,
      'DataConf 2025: team notes',
    );
    expect(titles(doc).map(([t]) => t)).toEqual([
      'Search Is Still Hard',
      'Testing Notebooks',
      'Teaching Python Offline',
    ]);
  });

  it.each([
    ['en', 'Sessions we want to see', 'KubeCon 2025: team plan'],
    ['de', 'Vorträge, die wir sehen wollen', 'KubeCon 2025: Teamplan'],
    ['es', 'Charlas que queremos ver', 'KubeCon 2025: plan del equipo'],
  ])('%s: the talks under a heading of talks the writers plan to see are none', (_, heading, title) => {
    const doc = page(
      `<main><h1>${title}</h1><p>${NOTES}</p><h2>${heading}</h2>
      <h3>Cells, Not Clusters — Ana Ruiz</h3><p id="p1">${NOTES}</p>
      <h3>Gateway API Without Drama — Kofi Mensah</h3><p>${NOTES}</p>
      <h3>Policy as Code — Lin Qiao</h3><p>${NOTES}</p></main>`,
      title,
    );
    expect(titles(doc)).toEqual([]);
    expect(filed(doc, 'p1')).toBeNull();
  });
});

describe('talks as the top blocks of an outline', () => {
  const bullet = (line: string, children: string[], id = '') =>
    `<div class="ls-block" level="1"><div class="block-content"><span class="inline">${line}</span></div>
    <div class="block-children">${children.map((c, i) => `<div class="ls-block" level="2"><div class="block-content"><span class="inline"${i === 0 && id ? ` id="${id}"` : ''}>${c}</span></div></div>`).join('')}</div></div>`;
  const ref = (name: string) =>
    `<a class="page-ref" href="#/page/${encodeURIComponent(name)}"><span class="bracket">[[</span>${name}<span class="bracket">]]</span></a>`;
  const doc = page(
    `<div class="page"><h1>DevDays Berlin 2025</h1><div class="blocks-container">
    ${bullet('Notizen von zwei Tagen auf der Konferenz, für das Team. <a class="tag" href="#/page/konferenz">#konferenz</a>', [NOTES, NOTES])}
    <div class="ls-block" level="1"><div class="block-content"><h2>Event Sourcing ohne Reue</h2></div>
      <div class="block-properties"><div class="property"><span>speaker</span><span>:</span><span>${ref('Jonas Reuter')}</span></div><div class="property"><span>room</span><span>:</span><span>Saal 4</span></div></div>
      <div class="block-children"><div class="ls-block" level="2"><div class="block-content"><span class="inline" id="es">${NOTES}</span></div></div></div></div>
    ${bullet('Mittagessen und sehr lange Schlange am Kaffee <a class="tag" href="#/page/pause">#pause</a>', ['Am Stand von Kranich AG gab es die beste Unterhaltung des Tages über Datenbanken.'], 'lunch')}
    ${bullet('<span class="marker">DONE</span> <input type="checkbox" checked> Rust für Java-Teams — Marta Sommer', [NOTES, 'Marta zeigte Fehlerbehandlung im Vergleich.'], 'rust')}
    ${bullet(`„Verträge statt Tickets“ (${ref('Ola Brandt')} und Bodo Lind) <a class="tag" href="#/page/talk">#talk</a>`, [NOTES], 'ct')}
    </div></div>`,
    'DevDays Berlin 2025',
  );

  it('the heading block with a speaker property names the run: each bullet naming a talk is one, owning its children', () => {
    expect(titles(doc)).toEqual([
      ['Event Sourcing ohne Reue', ['Jonas Reuter']],
      ['Rust für Java-Teams', ['Marta Sommer']],
      ['Verträge statt Tickets', ['Ola Brandt', 'Bodo Lind']],
    ]);
    expect(filed(doc, 'es')).toBe('Event Sourcing ohne Reue');
    expect(filed(doc, 'rust')).toBe('Rust für Java-Teams');
    expect(filed(doc, 'ct')).toBe('Verträge statt Tickets');
  });

  it('a bullet between talks that is none (a break) belongs to no talk', () => {
    expect(filed(doc, 'lunch')).toBeNull();
  });

  it.each([
    ['[[Jane Doe]] — Title #talk #api', 'Jane Doe — Title'],
    ['DONE Title — Jane Doe', 'Title — Jane Doe'],
    ['TODO „Title“ (Ola Brandt)', '„Title“ (Ola Brandt)'],
  ])('outliner markup off %s', (line, plain) => {
    expect(withoutOutlineMarkup(line)).toBe(plain);
  });
});

describe('an agenda table that names the talks written up below it', () => {
  const PT_NOTES =
    'O público fez perguntas durante meia hora e ficou até ao fim, com muita vontade de continuar.';

  it('pt: a heading that repeats a row’s title is a talk, though it names no speaker', () => {
    const doc = page(
      `<main><h1>Web Summit 2025 — notas da equipa</h1><p>${PT_NOTES}</p>
      <div>Sessões que vimos</div>
      <table><thead><tr><th>Sessão</th><th>Palco</th><th>Vista?</th></tr></thead><tbody>
      <tr><td>Porque a regulação é produto</td><td>Centre Stage</td><td>Sim</td></tr>
      <tr><td>Pagamentos sem fronteiras</td><td>Palco PT</td><td>Sim</td></tr>
      <tr><td>Dados abertos nas câmaras</td><td>Palco PT</td><td>Sim</td></tr></tbody></table>
      <h3>Keynote: Porque a regulação é produto (Inês Valadares)</h3><p>${PT_NOTES}</p>
      <h3>Pagamentos sem fronteiras — Rui Mendes e Sofia Lage</h3><p>${PT_NOTES}</p>
      <h3>Dia 3 · Dados abertos nas câmaras</h3><p id="d">A Teresa falou com muita graça sobre cinco anos de dados abertos.</p><p>${PT_NOTES}</p>
      <h2>Conclusões para a equipa</h2><p id="c">${PT_NOTES}</p></main>`,
      'Web Summit 2025 — notas da equipa',
    );
    expect(titles(doc)).toEqual([
      ['Porque a regulação é produto', ['Inês Valadares']],
      ['Pagamentos sem fronteiras', ['Rui Mendes', 'Sofia Lage']],
      ['Dados abertos nas câmaras', []],
    ]);
    expect(filed(doc, 'd')).toBe('Dados abertos nas câmaras');
    expect(filed(doc, 'c')).toBeNull();
  });
});

describe('a track label before a quoted title', () => {
  it.each([
    ['Track B: “Retrieval Is Still Search”', null],
    ['Sala 2: «Accesibilidad que se prueba»', null],
    ['Track B: Data and AI', 'track'],
    ['Room 3', 'track'],
  ])('%s has role %s', (line, role) => {
    expect(headingRole(line)).toBe(role);
  });

  it('is a talk in that track among talk headings', () => {
    const doc = page(
      `<main><h1>Three days at AI Fair: the talks I'd rewatch</h1><p>${NOTES}</p>
      <h2>1. “Evals Are the Spec” — Mira Castell</h2><p>${NOTES}</p>
      <h2>2. Agents That Stop (Gabe Whit, Northvane)</h2><p>${NOTES}</p>
      <h2>3. Track B: “Retrieval Is Still Search”</h2><p id="r">Yuki spent ten years on search before this.</p>
      <h2>What I'm changing</h2><p id="out">${NOTES}</p></main>`,
      "Three days at AI Fair: the talks I'd rewatch",
    );
    expect(titles(doc).map(([t]) => t)).toEqual([
      'Evals Are the Spec',
      'Agents That Stop',
      'Retrieval Is Still Search',
    ]);
    expect(filed(doc, 'r')).toBe('Retrieval Is Still Search');
  });
});
