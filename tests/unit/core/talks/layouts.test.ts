/**
 * One small page per layout that write-ups use, and per kind of post: what detection files where.
 * The recap corpus (tests/fixtures/recaps, corpus.test.ts) covers the same layouts in full pages.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectTalkSections, findPosts, talkForNode } from '@/core/talks';

const page = (body: string, title = 'DevConf 2025 recap | Blog') =>
  new JSDOM(`<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`, {
    url: 'https://blog.example.org/post',
  }).window.document;
const prose = (text = 'Some words about the talk, long enough to read as a paragraph of prose.') =>
  `<p>${text}</p>`;
const titles = (doc: Document) => detectTalkSections(doc).map((s) => [s.title, s.speakers]);
/** The talk title the element with id `id` is filed under. */
const filed = (doc: Document, id: string) =>
  talkForNode(detectTalkSections(doc), doc.getElementById(id)!.firstChild!)?.title ?? null;

const videoCard = (href: string, title: string, site = 'www.youtube.com') =>
  `<figure data-ke-type="opengraph"><a href="${href}"><div class="og-image"></div><div class="og-text"><p class="og-title">${title}</p><p class="og-desc">Conference video.</p><p class="og-host">${site}</p></div></a></figure>`;

describe('layouts', () => {
  it('day headings over talk headings: days are no talks and end the talk above them', () => {
    const doc = page(`<article><h1>DevConf 2025 recap</h1>${prose('Intro.')}
      <h2>Day 1</h2><p id="d1">The first day was busy.</p>
      <h3>Fast Builds by Jane Doe</h3><p id="a">Jane showed how her team cut build times in half.</p>
      <h3>Slow Tests by John Roe</h3>${prose()}
      <h2>Day 2</h2><p id="d2">Rain all day.</p>
      <h3>Quiet Pagers by Ann Lee</h3>${prose()}
      <h2>Wrapping up</h2><p id="end">See you next year.</p></article>`);
    expect(titles(doc)).toEqual([
      ['Fast Builds', ['Jane Doe']],
      ['Slow Tests', ['John Roe']],
      ['Quiet Pagers', ['Ann Lee']],
    ]);
    expect(filed(doc, 'd1')).toBeNull();
    expect(filed(doc, 'a')).toBe('Fast Builds');
    expect(filed(doc, 'd2')).toBeNull();
    expect(filed(doc, 'end')).toBeNull();
  });

  it('lightning talks as bold list items under a group heading', () => {
    const doc = page(`<article><h1>DevConf 2025 recap</h1>${prose('Intro.')}
      <h2>Keynote: Why Software Ages</h2><p>Maria Lopez opened the conference with a keynote on ageing code.</p>
      <h2>⚡ The lightning round</h2><p id="lead">Five minutes each.</p>
      <ul><li id="l1"><strong>Temporal Arithmetic</strong> (Ana Beltrán). A tour of dates.</li>
      <li id="l2"><strong>Anchor Positioning</strong> (Jonas Meyer). Tooltips without code.</li></ul>
      <h2>Closing thoughts</h2><p id="end">Subtraction was the theme.</p></article>`);
    expect(titles(doc)).toEqual([
      ['Why Software Ages', ['Maria Lopez']],
      ['Temporal Arithmetic', ['Ana Beltrán']],
      ['Anchor Positioning', ['Jonas Meyer']],
    ]);
    expect(filed(doc, 'lead')).toBeNull();
    expect(filed(doc, 'l2')).toBe('Anchor Positioning');
    expect(filed(doc, 'end')).toBeNull();
  });

  it('a live blog: titled entries start talks, untitled entries follow them, breaks belong to none', () => {
    let minute = 0;
    const entry = (id: string, title: string, text: string) =>
      `<article class="entry"><time datetime="2025-06-11T09:${String(minute++ * 5).padStart(2, '0')}">09:00</time>${title ? `<h3>${title}</h3>` : ''}<p id="${id}">${text}</p></article>`;
    const doc = page(
      `<main><h1>Live: DevConf day one</h1><div class="entries">
      ${entry('e0', 'Doors are open', 'Badges at the desk.')}
      ${entry('e1', 'Keynote: Software That Outlives Its Authors — Dagny Sølvberg', 'She is on stage.')}
      ${entry('e2', '', 'Her first argument: write down decisions.')}
      ${entry('e3', 'Lunch', 'Soup.')}
      ${entry('e4', 'The Quiet Cost of Microservices — Rebecca Lund', 'Rebecca starts.')}
      ${entry('e5', '', 'Questions from the room.')}
      </div></main>`,
      'Live: DevConf day one',
    );
    expect(findPosts(doc)).toHaveLength(1);
    expect(titles(doc)).toEqual([
      ['Software That Outlives Its Authors', ['Dagny Sølvberg']],
      ['The Quiet Cost of Microservices', ['Rebecca Lund']],
    ]);
    expect(filed(doc, 'e0')).toBeNull();
    expect(filed(doc, 'e2')).toBe('Software That Outlives Its Authors');
    expect(filed(doc, 'e3')).toBeNull();
    expect(filed(doc, 'e5')).toBe('The Quiet Cost of Microservices');
  });

  it('a live blog shown newest first: follow-up entries above their talk belong to it, by their times', () => {
    const entry = (id: string, time: string, title: string, text: string) =>
      `<article class="entry"><time datetime="2025-06-11T${time}">${time}</time>${title ? `<h3>${title}</h3>` : ''}<p id="${id}">${text}</p></article>`;
    const doc = page(
      `<main><h1>Live: DevConf day one</h1><div class="entries">
      ${entry('e5', '11:20', '', 'Questions from the room.')}
      ${entry('e4', '11:00', 'The Quiet Cost of Microservices — Rebecca Lund', 'Rebecca starts.')}
      ${entry('e3', '10:40', 'Lunch', 'Soup.')}
      ${entry('e2', '09:30', '', 'Her first argument: write down decisions.')}
      ${entry('e1', '09:05', 'Keynote: Software That Outlives Its Authors — Dagny Sølvberg', 'She is on stage.')}
      ${entry('e0', '08:30', '', 'Badges at the desk.')}
      </div></main>`,
      'Live: DevConf day one',
    );
    expect(filed(doc, 'e5')).toBe('The Quiet Cost of Microservices');
    expect(filed(doc, 'e3')).toBeNull();
    expect(filed(doc, 'e2')).toBe('Software That Outlives Its Authors');
    expect(filed(doc, 'e0')).toBeNull();
  });

  it('session cards: short sibling articles are parts of the page, each talk its card', () => {
    // Notes told by a writer ("we"): cards of impersonal blurbs, each linked to its recording, are a
    // catalogue since session 9 (catalogue.test.ts).
    const card = (title: string, speaker: string, id: string) =>
      `<article class="session"><h3><a href="https://conf.example/2024/sessions/${id}">${title}</a></h3><p>${speaker} · Engineer</p><p id="${id}">What we took home from the session.</p><a href="https://video.example/${id}">Watch the recording</a></article>`;
    const doc = page(
      `<main><h1>Tidewater JS 2024: session recordings</h1><p id="intro">All the talks of the day, with recordings.</p><h2>Main stage</h2>
      ${card('The Boring Web', 'Renée Castellanos', 'boring')}${card('Types at the Border', 'Dwayne Whitaker', 'types')}${card('Offline First', 'Keisha Boone', 'offline')}
      <h2>Thanks to our sponsors</h2><p id="sponsors">Acme.</p></main>`,
      'Tidewater JS 2024: session recordings',
    );
    expect(titles(doc)).toEqual([
      ['The Boring Web', ['Renée Castellanos']],
      ['Types at the Border', ['Dwayne Whitaker']],
      ['Offline First', ['Keisha Boone']],
    ]);
    expect(filed(doc, 'types')).toBe('Types at the Border');
    expect(filed(doc, 'intro')).toBeNull();
    expect(filed(doc, 'sponsors')).toBeNull();
  });

  it('a definition list with session codes and speaker lines', () => {
    const doc = page(`<article><h1>re:Invent trip report</h1><h2>Architecture</h2><dl>
      <dt><code>ARC305</code> Cells Without Buzzwords</dt><dd><p><em>Speakers: Priya Natarajan, Jorge Albuquerque</em></p><p id="a">Routers stay simple.</p></dd>
      <dt><code>ARC410</code> Partial Failure</dt><dd><p><em>Speaker: Tomoko Hayashi</em></p><p>Fail closed.</p></dd>
      </dl><h2>What we are going to try</h2><p id="try">Lock timeouts.</p></article>`);
    expect(titles(doc)).toEqual([
      ['Cells Without Buzzwords', ['Priya Natarajan', 'Jorge Albuquerque']],
      ['Partial Failure', ['Tomoko Hayashi']],
    ]);
    expect(filed(doc, 'a')).toBe('Cells Without Buzzwords');
    expect(filed(doc, 'try')).toBeNull();
  });

  it('a schedule-like table: each row is a talk, its notes cell belongs to it', () => {
    const doc = page(`<article><h1>FOSDEM team notes</h1><h2>Saturday</h2><table>
      <tr><th>Time</th><th>Talk</th><th>Speaker(s)</th><th>Notes</th></tr>
      <tr><td>10:30</td><td><a href="https://fosdem.org/schedule/event/x/">Keynote: Unpaid Maintainers</a></td><td>Odile Marchetti</td><td id="n1">Fund a maintainer.</td></tr>
      <tr><td>11:30</td><td><a href="https://fosdem.org/schedule/event/y/">Reproducible Builds</a></td><td>Tobias Lindgren</td><td id="n2">Pin base images.</td></tr>
      </table><h2>Summary for the team</h2><p id="sum">Cheap observability.</p></article>`);
    expect(titles(doc)).toEqual([
      ['Unpaid Maintainers', ['Odile Marchetti']],
      ['Reproducible Builds', ['Tobias Lindgren']],
    ]);
    expect(filed(doc, 'n2')).toBe('Reproducible Builds');
    expect(filed(doc, 'sum')).toBeNull();
  });

  it('speaker-first headings, when the form repeats', () => {
    const doc = page(`<article><h1>GopherCon EU recap</h1>
      <h3>Johanna Sørli: Twelve Years of Compatibility</h3>${prose()}
      <h3>Rafael Kowalczyk: Generics, Two Years Later</h3>${prose()}</article>`);
    expect(titles(doc)).toEqual([
      ['Twelve Years of Compatibility', ['Johanna Sørli']],
      ['Generics, Two Years Later', ['Rafael Kowalczyk']],
    ]);
  });

  it('toggles: each <details> whose summary names a talk is that talk; a toggle of the same shape about lunch is none', () => {
    const toggle = (summary: string, id: string, open = false) =>
      `<details${open ? ' open' : ''}><summary>${summary}</summary><div class="details-content"><p id="${id}">What was said, in a few sentences of notes.</p></div></details>`;
    const doc = page(
      `<article><h1>Rails Kaigi 2025 に参加しました</h1><p id="intro">二日間参加しました。</p><h2>1日目</h2>
      ${toggle('基調講演「コードと育つチーム」— 山田 花子さん', 'a', true)}
      ${toggle('モノリスを守る技術 / 佐藤 一郎さん', 'b')}
      ${toggle('🍱 ランチとブースのメモ', 'lunch')}
      ${toggle('Typed Pipelines in Practice (Maria Lopez)', 'c')}
      <h2>おわりに</h2><p id="end">来年も参加したいです。</p></article>`,
    );
    expect(titles(doc)).toEqual([
      ['コードと育つチーム', ['山田 花子']],
      ['モノリスを守る技術', ['佐藤 一郎']],
      ['Typed Pipelines in Practice', ['Maria Lopez']],
    ]);
    expect(filed(doc, 'intro')).toBeNull();
    expect(filed(doc, 'b')).toBe('モノリスを守る技術');
    expect(filed(doc, 'lunch')).toBeNull();
    expect(filed(doc, 'c')).toBe('Typed Pipelines in Practice');
    expect(filed(doc, 'end')).toBeNull();
  });

  it.each([
    ['Talk: “Releases Without Fear”', 'Releases Without Fear'],
    ['Доклад: «Релизы без страха»', 'Релизы без страха'],
    ['Vortrag „Releases ohne Angst“', 'Releases ohne Angst'],
  ])('headings that name the speakers, with the talk in a marker line under them: %s', (line, title) => {
    const doc = page(`<article><h1>Our engineers at DevConf 2025</h1>${prose('Intro.')}<h2>Talks</h2>
      <h3>Anna Sokolova</h3><p><i>Head of SRE</i></p><p><b>${line}</b></p><p id="a">She showed the release graph.</p>
      <h3>Igor Petrov and Olga Smirnova</h3><p><i>Tracking team</i></p><p><b>Talk: “A Million Events”</b></p>${prose()}
      <h3>Our booth</h3><p id="booth">Six hundred people came by the booth.</p>
      <h3>Ruslan Garipov</h3><p><b>Talk: “Load Tests on a Copy”</b></p>${prose()}</article>`);
    expect(titles(doc)).toEqual([
      [title, ['Anna Sokolova']],
      ['A Million Events', ['Igor Petrov', 'Olga Smirnova']],
      ['Load Tests on a Copy', ['Ruslan Garipov']],
    ]);
    expect(filed(doc, 'a')).toBe(title);
    expect(filed(doc, 'booth')).toBeNull();
  });

  it('a speaker-first "Name — Title" heading among headings that name their speakers', () => {
    const doc = page(`<article><h1>Strange Loop notes</h1>
      <h2>Types Are a Conversation — Imogen Hart</h2>${prose()}
      <h2>Local-First Sync</h2><p>Speaker: Tomas Ibarra</p>${prose()}
      <h2>Rashid Okoye — What the Planner Knows</h2><p id="a">Her best example was a skewed table.</p>
      <h2>The Last Mile of Testing (Lena Castell)</h2>${prose()}</article>`);
    expect(titles(doc)).toEqual([
      ['Types Are a Conversation', ['Imogen Hart']],
      ['Local-First Sync', ['Tomas Ibarra']],
      ['What the Planner Knows', ['Rashid Okoye']],
      ['The Last Mile of Testing', ['Lena Castell']],
    ]);
    expect(filed(doc, 'a')).toBe('What the Planner Knows');
  });

  it('talks as list items that open with a link to the talk and its speakers; a links list of the same shape is none', () => {
    const doc = page(`<article><h1>Issue #12: queues and DjangoCon</h1>
      <h2>Links worth your time</h2><ul>
      <li><a href="https://blog.example/queues">Queue depth is not a health check</a> — a short argument for alerting on age.</li>
      <li><a href="https://blog.example/runbooks">We review runbooks like code</a> — Nadia Berg</li>
      <li><a href="https://blog.example/staging">Why staging lies</a> — Tom Hale</li></ul>
      <h2>Conference corner</h2><p id="lead">Three talks from DjangoCon.</p><ol>
      <li><p><a href="https://conf.example/talks/one-table">One Table for All Tenants</a> — Uxia Ferrer</p><p id="a">Tenant columns everywhere.</p></li>
      <li><p><a href="https://conf.example/talks/tasks">Background Tasks Are Requests</a> — Henrik Dahl and Pablo Rey</p><p>Timeouts and owners for every job.</p></li></ol>
      <p id="after">Honourable mention to the lightning talks.</p></article>`);
    expect(titles(doc)).toEqual([
      ['One Table for All Tenants', ['Uxia Ferrer']],
      ['Background Tasks Are Requests', ['Henrik Dahl', 'Pablo Rey']],
    ]);
    expect(filed(doc, 'lead')).toBeNull();
    expect(filed(doc, 'a')).toBe('One Table for All Tenants');
    expect(filed(doc, 'after')).toBeNull();
  });

  it.each([
    ['Talk 1: Polars in Production', 'Speaker: Jana Novak (Data Lab)'],
    ['Přednáška 1: Polars in Production', 'Přednášející: Jana Novak (Data Lab)'],
    ['Vortrag 1: Polars in Production', 'Referentin: Jana Novak, Data Lab'],
    ['Polars in Production', 'Prelegentka: Jana Novak, Hurtownia Danych Vltava'],
    ['Polars in Production', 'Докладчица: Jana Novak, Data Lab'],
    ['Polars in Production', 'Spreker: Jana Novak, Data Lab'],
  ])('a numbered marker or a speaker line in any language: %s / %s', (heading, speakerLine) => {
    const doc = page(`<article><h1>Meetup, March</h1>${prose('Intro.')}
      <h2>${heading}</h2><p><strong>${speakerLine.replace(/:.*/, ':')}</strong>${speakerLine.replace(/^[^:]*:/, '')}</p><p id="a">Lazy frames won.</p>
      <h2>Talk 2: Typed Settings</h2><p>Speaker: Petr Svoboda</p>${prose()}
      <h2>Afterwards</h2><p id="end">Beer.</p></article>`);
    expect(titles(doc)[0]).toEqual(['Polars in Production', ['Jana Novak']]);
    expect(filed(doc, 'a')).toBe('Polars in Production');
    expect(filed(doc, 'end')).toBeNull();
  });

  it('a how-to whose numbered steps name talks with their speakers still has those talks', () => {
    const doc = page(
      `<article><h1>How to pick talks at KubeCon: a step-by-step guide</h1>${prose('Intro.')}
      <h2>1. Sidecars Are Back — Marta Oyelaran</h2><p id="a">The talk on native sidecars.</p>
      <h2>2. Cheaper Clusters — Tom Hale</h2>${prose()}<h2>3. Quiet Pagers — Ana Ruiz</h2>${prose()}</article>`,
      'How to pick talks at KubeCon',
    );
    expect(titles(doc)).toEqual([
      ['Sidecars Are Back', ['Marta Oyelaran']],
      ['Cheaper Clusters', ['Tom Hale']],
      ['Quiet Pagers', ['Ana Ruiz']],
    ]);
    expect(filed(doc, 'a')).toBe('Sidecars Are Back');
  });

  it('link cards to recordings: each card whose title names the speakers starts a talk, where nothing else does', () => {
    const doc = page(
      `<main><h2>PyCon 2024 다시 보기</h2><p id="intro">영상으로 본 발표 세 편.</p>
      ${videoCard('https://blog.example/98', '작년 후기: 처음 가 본 파이콘', 'blog.example')}<hr>
      ${videoCard('https://www.youtube.com/watch?v=a', '[PyCon 2024] 타입 힌트, 어디까지 써 봤니? / 윤서연')}<p>발표자 : 윤서연 (물결페이)</p><p id="a">래퍼에만 타입을 붙였다.</p><hr>
      ${videoCard('https://youtu.be/b', '[PyCon 2024] Faster FastAPI / 강태민')}<p id="b">p99가 줄었다.</p>
      <h3>마무리</h3><p id="end">내년에는 현장에서.</p></main>`,
      'PyCon 2024 다시 보기',
    );
    expect(titles(doc)).toEqual([
      ['타입 힌트, 어디까지 써 봤니?', ['윤서연']],
      ['Faster FastAPI', ['강태민']],
    ]);
    expect(filed(doc, 'intro')).toBeNull();
    expect(filed(doc, 'a')).toBe('타입 힌트, 어디까지 써 봤니?');
    expect(filed(doc, 'b')).toBe('Faster FastAPI');
    expect(filed(doc, 'end')).toBeNull();
  });

  it('link cards under talk headings are recordings of those talks, not more talks', () => {
    const doc = page(`<article><h1>DevConf 2025 recap</h1>
      <h2>Fast Builds — Jane Doe</h2>${videoCard('https://www.youtube.com/watch?v=a', 'Fast Builds / Jane Doe')}<p id="a">Half the build time.</p>
      <h2>Slow Tests — John Roe</h2>${videoCard('https://www.youtube.com/watch?v=b', 'Slow Tests / John Roe')}${prose()}</article>`);
    expect(titles(doc)).toEqual([
      ['Fast Builds', ['Jane Doe']],
      ['Slow Tests', ['John Roe']],
    ]);
    expect(filed(doc, 'a')).toBe('Fast Builds');
  });

  it('a thread unroll: a post that names a person and a quoted title starts a talk; a break post ends it', () => {
    const post = (id: string, text: string) => `<div class="content-tweet" id="${id}">${text}</div>`;
    const doc = page(
      `<main><div class="t-main">
      ${post('p1', '1/ Day 1 of DevOpsDays! Live-threading the talks I catch today.')}
      ${post('p2', '2/ First up, the opening keynote: @jdoe (Jane Doe) on “Nobody Reads the Postmortem”.')}
      ${post('p3', '3/ Her team writes a three-line summary at the top of every postmortem.')}
      ${post('p4', '4/ Coffee break ☕. The stroopwafels are gone already.')}
      ${post('p5', '5/ Back in the main room for @aruiz (Ana Ruiz) with “Error Budgets for Teams”. She asked who reads their SLOs.')}
      ${post('p6', '6/ Her trick: one budget for one user journey.')}
      ${post('p7', "7/ That's a wrap for day 1! Thanks to the organisers.")}
      </div></main>`,
      'Thread by @sanne on Thread Reader App',
    );
    expect(titles(doc)).toEqual([
      ['Nobody Reads the Postmortem', ['Jane Doe']],
      ['Error Budgets for Teams', ['Ana Ruiz']],
    ]);
    expect(filed(doc, 'p1')).toBeNull();
    expect(filed(doc, 'p3')).toBe('Nobody Reads the Postmortem');
    expect(filed(doc, 'p4')).toBeNull();
    expect(filed(doc, 'p6')).toBe('Error Budgets for Teams');
    expect(filed(doc, 'p7')).toBeNull();
  });

  it('talks introduced mid-sentence in paragraphs, two under one heading', () => {
    const doc =
      page(`<article><h1>Een dag DevConf: twee talks die we meenamen</h1><h2>Waarom we gingen</h2><p id="why">Zes collega's, één zaal.</p>
      <h2>De ochtend</h2><p id="a">De dag begon met de keynote van Daan Vermeer, ‘Twintig jaar Java’, een persoonlijk verhaal.</p>
      <p id="a2">Hij sloot af met een oproep om beslissingen op te schrijven.</p>
      <p id="b">Daarna bleef ik in zaal 1 voor Sanne de Wit, die in ‘Records en sealed classes’ liet zien hoe het moet.</p>
      <h2>Wat we meenemen</h2><p id="end">Twee dingen gaan we doen.</p></article>`);
    expect(titles(doc)).toEqual([
      ['Twintig jaar Java', ['Daan Vermeer']],
      ['Records en sealed classes', ['Sanne de Wit']],
    ]);
    expect(filed(doc, 'why')).toBeNull();
    expect(filed(doc, 'a2')).toBe('Twintig jaar Java');
    expect(filed(doc, 'b')).toBe('Records en sealed classes');
    expect(filed(doc, 'end')).toBeNull();
  });

  it('a paragraph naming a person and a quoted title inside a talk under a heading is no talk of its own', () => {
    const doc = page(`<article><h1>DevConf 2025 recap</h1>
      <h2>Fast Builds — Jane Doe</h2><p id="a">Jane quoted Martin Fowler on “Continuous Integration Done Right” twice.</p>
      <h2>Slow Tests — John Roe</h2><p id="b">John then pointed to Kent Beck with “Test Desiderata Explained” as his source.</p></article>`);
    expect(titles(doc)).toEqual([
      ['Fast Builds', ['Jane Doe']],
      ['Slow Tests', ['John Roe']],
    ]);
    expect(filed(doc, 'a')).toBe('Fast Builds');
  });

  it('an agenda table names the talks first; the headings that repeat them below are where they start', () => {
    const doc =
      page(`<main><h1>Python meetup, March</h1><p id="intro">Forty people came, three talks and beer.</p>
      <h2>Programme</h2><table><thead><tr><th>Time</th><th>Speaker</th><th>Talk</th></tr></thead><tbody>
      <tr><td>19:00</td><td>Petr Svoboda</td><td id="row">Typed Settings</td></tr>
      <tr><td>19:40</td><td>Jana Novak</td><td>Polars in Production</td></tr></tbody></table>
      <h2>Talk 1: Polars in Production</h2><p id="a">Lazy frames won the day for her team.</p>
      <h2>Talk 2: Typed Settings</h2><p><strong>Speaker:</strong> Petr Svoboda</p><p id="b">Settings as dataclasses.</p>
      <h2>Afterwards</h2><p id="end">Beer.</p></main>`);
    expect(detectTalkSections(doc).map((s) => [s.title, s.speakers, s.heading.tagName])).toEqual([
      ['Polars in Production', ['Jana Novak'], 'H2'],
      ['Typed Settings', ['Petr Svoboda'], 'H2'],
    ]);
    expect(filed(doc, 'row')).toBeNull();
    expect(filed(doc, 'a')).toBe('Polars in Production');
    expect(filed(doc, 'b')).toBe('Typed Settings');
    expect(filed(doc, 'end')).toBeNull();
  });

  it('an archive page of repeated post containers: each post its own scope, the closing thanks in none', () => {
    const post = (title: string, body: string) =>
      `<div class="post hentry"><h3 class="post-title">${title}</h3><div class="post-body">${body}</div></div>`;
    const doc = page(
      `<div class="widget Blog">${post(
        'March meetup recap',
        `<p>Thirty people came to the meetup, and we had two talks this time.</p>
         <p><b>From Spreadsheets to pandas</b> – Alice Oduya</p><p id="a">Alice replaced an Excel ritual with forty lines of pandas.</p>
         <p><b>On-Call Logging</b> – Dan Whitcombe</p><p id="b">Dan said one structured line per request was enough.</p>
         <p id="thanks">Thanks to everyone who came, and especially to our two speakers.</p>`,
      )}${post('Call for speakers', '<p>We want your talk for April. Five-minute slots are open; write to us with a title and two lines about it.</p><div><b>How to submit</b></div><p>Send an email.</p>')}</div>`,
      'Calder Valley Python: community',
    );
    expect(findPosts(doc)).toHaveLength(2);
    expect(titles(doc)).toEqual([
      ['From Spreadsheets to pandas', ['Alice Oduya']],
      ['On-Call Logging', ['Dan Whitcombe']],
    ]);
    expect(filed(doc, 'b')).toBe('On-Call Logging');
    expect(filed(doc, 'thanks')).toBeNull();
  });
});

describe('layouts of held-out round 5', () => {
  it('a forum thread: the first post writes up the talks, the replies after it belong to none', () => {
    const post = (id: string, body: string) =>
      `<article id="${id}"><div class="meta"><time datetime="2024-04-26T10:00">Apr 26</time></div>${body}</article>`;
    const doc = page(`<div class="posts">
      ${post(
        'p1',
        `${prose('My notes from the conference: the talks I liked most.')}
        <h3>Polars for pandas People (Lena Hoffmeister)</h3><p id="a">Lena ported one script a week.</p>
        <h3>Your Notebook Is a Product Now (Arjun Mehta)</h3><p id="b">Arjun keeps notebooks in a repository.</p>`,
      )}
      ${post('p2', '<p id="reply">Same experience here: the time zones were the hard part.</p>')}
      ${post('p3', '<p id="thanks">Thanks, please link your write-up here.</p>')}</div>`);
    expect(titles(doc)).toEqual([
      ['Polars for pandas People', ['Lena Hoffmeister']],
      ['Your Notebook Is a Product Now', ['Arjun Mehta']],
    ]);
    expect(filed(doc, 'a')).toBe('Polars for pandas People');
    expect(filed(doc, 'b')).toBe('Your Notebook Is a Product Now');
    expect(filed(doc, 'reply')).toBeNull();
    expect(filed(doc, 'thanks')).toBeNull();
  });

  it('session cards under "Coming up on Friday" are not written up; a speaker chip beats a "with" suffix', () => {
    const card = (title: string, speaker: string, text = '') =>
      `<section class="session-card"><span class="badge">Talk</span><h3><a href="/s/x">${title}</a></h3>
       <div><span class="speaker-name">${speaker}</span></div>${text}</section>`;
    const doc =
      page(`<article><h1>Day 2 recap</h1>${prose('Our writers picked three sessions from Thursday.')}
      <h2>Sessions from Thursday</h2>
      ${card('The Interpreter Is Not the Bottleneck', 'Dagmar Kovářová', prose('Dagmar profiled three services.'))}
      ${card('A Month with Free-Threaded Python', 'Ioana Petrescu', '<p id="month">Most failures came from C extensions.</p>')}
      ${card('Teaching Python Behind Bars', 'Owen Gallagher', prose('Owen teaches in two prisons.'))}
      <h2>Coming up on Friday</h2><p id="next">A few sessions for the last day:</p>
      ${card('Thirty Years of Python in Science', 'Marek Sedláček')}
      ${card('Writing a Linter in an Afternoon', 'Sofie Lindahl')}
      <p id="sprints">Sprints run over the weekend.</p></article>`);
    expect(titles(doc)).toEqual([
      ['The Interpreter Is Not the Bottleneck', ['Dagmar Kovářová']],
      ['A Month with Free-Threaded Python', ['Ioana Petrescu']],
      ['Teaching Python Behind Bars', ['Owen Gallagher']],
    ]);
    expect(filed(doc, 'month')).toBe('A Month with Free-Threaded Python');
    expect(filed(doc, 'next')).toBeNull();
    expect(filed(doc, 'sprints')).toBeNull();
  });

  it('a speaker label on the first of the lines a <br> breaks, in traditional Chinese', () => {
    const talk = (title: string, speakers: string) =>
      `<h2>${title}</h2><p>講者：${speakers}<br>議程軌：社群</p>${prose('她分享了一張表，記錄過去兩年每個月由誰合併 PR。')}`;
    const doc = page(
      `<article><h1>COSCUP 2024 個人共筆</h1>${prose('我聽的四場議程。')}
      ${talk('開源專案的第二個十年', '黃淑芬')}${talk('台語語音資料集的授權難題', '吳佳穎、蔡明哲')}</article>`,
      'COSCUP 2024 個人共筆',
    );
    expect(titles(doc)).toEqual([
      ['開源專案的第二個十年', ['黃淑芬']],
      ['台語語音資料集的授權難題', ['吳佳穎', '蔡明哲']],
    ]);
  });
});

describe('kinds of post', () => {
  it.each([
    [
      'What I took from the ‘Pager Fatigue Is a Design Problem’ keynote at SREcon',
      'Pager Fatigue Is a Design Problem',
    ],
    ['Notes on “Glanceable Uncertainty” (CHI 2024)', 'Glanceable Uncertainty'],
    ["My notes on Jane Doe's 'Scaling Postgres' talk", 'Scaling Postgres'],
  ])('a single-talk post titled %s is that talk, sub-headings included', (postTitle, talk) => {
    const doc = page(
      `<article><h1>${postTitle}</h1><p id="first">The keynote was the best session of the conference.</p>
      <h2>The core argument</h2><p id="core">Every page needs a decision.</p>
      <h2>Q&amp;A</h2><p>Questions.</p><h2>What I am changing</h2><p id="last">Fewer pages.</p></article>`,
      postTitle,
    );
    const sections = detectTalkSections(doc);
    expect(sections.map((s) => s.title)).toEqual([talk]);
    for (const id of ['first', 'core', 'last']) expect(filed(doc, id)).toBe(talk);
  });

  it('a post title quoting a talk that the opening introduces as someone’s is that talk', () => {
    const postTitle = 'JSConf JP 2024「TypeScriptの型で業務ルールを守る」を聞いてきた';
    const doc = page(
      `<article><h1>${postTitle}</h1><p id="first">いろいろなセッションを聞いたのですが、この記事では大西航さんの「TypeScriptの型で業務ルールを守る」だけを取り上げます。</p>
      <h2>発表の概要</h2><p id="core">型でそもそも書けなくする話でした。</p><h2>感想</h2><p id="last">ありがとうございました。</p></article>`,
      postTitle,
    );
    expect(titles(doc)).toEqual([['TypeScriptの型で業務ルールを守る', ['大西航']]]);
    for (const id of ['first', 'core', 'last'])
      expect(filed(doc, id)).toBe('TypeScriptの型で業務ルールを守る');
  });

  it('names the speaker of a single-talk post from the possessive or the write-up', () => {
    const doc = page(
      `<article><h1>My notes on Jane Doe's 'Scaling Postgres' talk</h1>${prose()}</article>`,
      'My notes on Jane Doe’s talk',
    );
    expect(detectTalkSections(doc)[0]?.speakers).toEqual(['Jane Doe']);
  });

  it.each([
    [
      'a news feature with section headings',
      `<h1>The volunteers who keep the sensors online</h1>${prose('Mara Holt explained how the network began.')}
       <h2>A network built on goodwill</h2>${prose('She first pitched the idea in a five-minute slot at a meetup.')}
       <h2>Who pays for it</h2>${prose('Each sensor costs around £180 in parts, Tom Reyes explained.')}`,
    ],
    [
      'a tutorial with steps',
      `<h1>Tutorial: build a connector</h1><h2>Step 1: Create the project</h2>${prose('Run the command.')}<h2>Step 2: Configure it</h2>${prose('Edit the file.')}<h2>Troubleshooting</h2>${prose('Check the logs.')}`,
    ],
    [
      'a product announcement with a booth mention',
      `<h1>Relay 3.0</h1><h2>Offline-first</h2>${prose('Sync works offline.')}<h2>A new CLI</h2>${prose('Come and see us at KubeCon, where we will give a talk.')}<h2>What is next</h2>${prose('More.')}`,
    ],
    [
      'a film list with one title that reads like a name',
      `<h1>Best films of the year</h1>${[
        'Star Wars: The Last Jedi',
        'BPM (Beats Per Minute)',
        'Faces Places',
        'Ingrid Goes West',
        'Lady Bird',
        'Get Out',
      ]
        .map((t) => `<h3>${t}</h3>${prose('A film worth seeing at the festival sessions.')}`)
        .join('')}`,
    ],
    [
      'a team page whose headings are people, with no talk named under them',
      `<h1>Meet the team</h1>${['Anna Sokolova', 'Igor Petrov', 'Olga Smirnova']
        .map(
          (n) =>
            `<h3>${n}</h3><p><i>Engineer</i></p><p><b>Favourite quote: “Ship it”</b></p>${prose('Works on the tracking service and likes long walks.')}`,
        )
        .join('')}`,
    ],
    [
      'a FAQ of toggles',
      `<h1>Relay 3.0 FAQ</h1>${[
        'Does it work offline?',
        'Can I export my data / Jane Doe?',
        'Is there a CLI?',
      ]
        .map((q) => `<details><summary>${q}</summary><p>Yes, since version two of the product.</p></details>`)
        .join('')}`,
    ],
    [
      'a reading list of links with their authors',
      `<h1>Good reads this week</h1><ul>${[
        ['Why staging lies', 'Tom Hale'],
        ['We review runbooks like code', 'Nadia Berg'],
        ['Queue depth is not a health check', 'Ana Ruiz'],
      ]
        .map(
          ([t, a]) =>
            `<li><p><a href="https://blog.example/${a}">${t}</a> — ${a}</p><p>Worth reading.</p></li>`,
        )
        .join('')}</ul>`,
    ],
    [
      'headings "Two Words — Subtitle" in a form that names no speakers',
      `<h1>Platform notes</h1><h2>Kubernetes Operators — Lessons Learned</h2>${prose('Kubernetes Operators are hard.')}<h2>Service Meshes — Where Next</h2>${prose('Service Meshes cost.')}`,
    ],
    [
      'a how-to on giving talks, whose numbered steps talk about talks',
      `<h1>How to give your first lightning talk</h1>${prose('This guide walks through a five-minute talk.')}
       ${[
         'Pick one failure',
         'Write the title of the talk',
         'Make the slides',
         'Rehearse the talk',
         'On the day',
       ]
         .map(
           (step, i) =>
             `<h2>${i + 1}. ${step}</h2>${prose('The talk should tell one story; the speaker should show few slides and keep the keynote voice for later.')}`,
         )
         .join('')}<h2>Talks I learned from</h2><ul>
       <li><a href="https://slides.example/ana/first-lt">My first talk ran over</a> (Ana Ruiz)</li>
       <li><a href="https://slides.example/tom/template">A slide template for talks</a> (Tom Hale)</li></ul>`,
    ],
    [
      'a news story with embedded video cards that name no speakers',
      `<h1>The week in review</h1>${prose('Three videos worth watching this week, from launches to a storm.')}
       ${videoCard('https://www.youtube.com/watch?v=x', 'Rocket launch, full replay')}${prose('The launch went well.')}
       ${videoCard('https://vimeo.com/123', 'Storm over the harbour')}${prose('The storm came in at night.')}
       ${videoCard('https://www.youtube.com/watch?v=y', 'Interview: Mayor on new bike lanes')}${prose('The mayor answered questions.')}`,
    ],
    [
      'a news story about a summit that quotes people',
      `<h1>Mayors meet at the climate summit</h1>${prose('The summit opened on Monday with a keynote on flood defences.')}
       <p>The mayor, Mara Holt, said “We cannot wait for the national plan.” Delegates applauded.</p>
       <p>Her deputy, Tom Reyes, called it “a plan for the next storm”, not the last one.</p>
       <p>Jane Doe: “Nobody pays for goodwill” was the line of the day.</p>`,
    ],
    [
      'a book review that names books with their authors',
      `<h1>The Quiet Pager, reviewed</h1>${prose('The book grew out of a conference keynote the author gave two years ago.')}
       <p>Like Betsy Beyer's “Site Reliability Engineering”, it treats on-call as a design problem.</p>
       <p>Where Charity Majors with “Observability Engineering” argues for events, it argues for fewer pages.</p>`,
    ],
    [
      'a meetup handbook whose headings speak of talks and speakers in general',
      `<h1>How we run the meetup</h1>${prose('We meet monthly for two talks and a round of lightning talks.')}
       <h2>Finding speakers</h2><h3>Where talks come from</h3>${prose('Most talks come from members; the speaker gets a slot a month ahead.')}
       <h3>Helping first-time speakers</h3>${prose('A first-time speaker gets a rehearsal with an organiser before the talk.')}
       <h2>On the night</h2><h3>Before the first talk</h3>${prose('The host introduces the speaker and the talk.')}
       <h3>Between talks</h3>${prose('Newcomers standing alone at the break rarely come back; talk to them.')}
       <h2>Announcing a talk</h2>${prose('Post the talk with its abstract and a line about the speaker.')}`,
    ],
    [
      'a weekly edition whose articles carry a "By" byline broken by a <br>',
      `<h1>Weekly Edition for March 26, 2015</h1>${prose('This week: trademarks, maps and office suites at the conference.')}
       <h2><a href="/Articles/1/">A trademark battle in the Arduino community</a></h2>
       <div class="FeatureByline">By <b>Nathan Willis</b><br>March 25, 2015</div>${prose('Two companies bear the Arduino name.')}
       <h2><a href="/Articles/2/">Mapping and data mining with QGIS 2.8</a></h2>
       <div class="FeatureByline">By <b>Nathan Willis</b><br>March 25, 2015</div>${prose('QGIS reads maps in many formats.')}`,
    ],
  ])('%s has no talks', (_, body) => {
    expect(detectTalkSections(page(`<article>${body}</article>`, 'Some article | News'))).toEqual([]);
  });
});
