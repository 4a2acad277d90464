/**
 * Session 12: talk titles and headings of every form (docs/talk-detection.md, "Session 12: titles and
 * headings"): a single talk named only in the page's metadata and quoted where the post opens; the
 * furniture a heading carries around its title. Every page here is made up for the test, in wording of
 * its own.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectTalkSections, talkForNode } from '@/core/talks';
import { parseTalkTitle } from '@/core/talks/title-parse';
import { headingRole } from '@/core/talks/vocabulary';

const page = (title: string, body: string, head = '') =>
  new JSDOM(
    `<!doctype html><html><head><title>${title}</title>${head}</head><body><main><article>${body}</article></main></body></html>`,
    { url: 'https://blog.example.org/posts/2025/autumn/' },
  ).window.document;
const talksOf = (doc: Document) => detectTalkSections(doc).map((s) => [s.title, s.speakers]);
const filed = (doc: Document, id: string) =>
  talkForNode(detectTalkSections(doc), doc.getElementById(id)!.firstChild!)?.title ?? null;

describe('a single talk named only in the page title and quoted where the post opens', () => {
  // Sub-headings that are points of the one talk, as such posts have.
  const notes = `<h2 id="h">Where it started</h2><p id="n">The first slide was a cron job at three in the morning that nobody owned, and four teams read its file.</p>
    <h2>Questions</h2><p>Someone asked whether this is too much process for a small team; the answer was a day for the first pipeline.</p>`;
  const cases: [string, string, string, string, string, string[]][] = [
    [
      'German, „…“, the speaker in the page title',
      'Warum Monolithen bleiben — Jonas Weber, JavaLand 2025 | Blog von Anna',
      'Die beste Stunde der Konferenz',
      '<p>Auf der JavaLand habe ich den Vortrag „Warum Monolithen bleiben“ von Jonas Weber gehört und seitdem meinem Team davon erzählt.</p>',
      'Warum Monolithen bleiben',
      ['Jonas Weber'],
    ],
    [
      'French, « … », the writer’s framing and the event in parentheses taken off',
      'Notes : Des files d’attente sans Kafka — Claire Martin (Devoxx France 2025) · Carnet',
      'Ce que j’ai rapporté de Paris',
      '<p>Le deuxième jour de Devoxx, j’ai écouté la conférence « Des files d’attente sans Kafka » de Claire Martin, et je la raconte ici.</p>',
      'Des files d’attente sans Kafka',
      ['Claire Martin'],
    ],
    [
      'English, the title in italics, the speaker only in the sentence that quotes it',
      'Boring Queues Win | Field notes',
      'The best hour of the conference',
      '<p>On the second morning of the conference, Rosa Delgado gave the talk <em>Boring Queues Win</em> to a full room.</p>',
      'Boring Queues Win',
      ['Rosa Delgado'],
    ],
  ];
  it.each(cases)('%s', (_, title, h1, opening, talk, speakers) => {
    const doc = page(title, `<h1>${h1}</h1>${opening}${notes}`);
    expect(talksOf(doc)).toEqual([[talk, speakers]]);
    expect(filed(doc, 'n')).toBe(talk);
  });

  it.each([
    [
      'the page title is the headline’s own (an essay)',
      'Why We Left Kubernetes | Field notes',
      '<p>At the conference last week, Rosa Delgado gave the talk <em>Boring Queues Win</em> to a full room.</p>',
    ],
    [
      'the opening quotes something else',
      'Boring Queues Win | Field notes',
      '<p>At the conference last week, Rosa Delgado gave a talk to a full room; her slide said “Never page at night”.</p>',
    ],
    [
      'the page title is quoted nowhere in the opening',
      'Boring Queues Win — Rosa Delgado, QueueConf 2025',
      '<p>At the conference last week, Rosa Delgado gave a talk to a full room about boring queues and why they win.</p>',
    ],
  ])('none when %s', (_, title, opening) => {
    expect(talksOf(page(title, `<h1>The best hour of the conference</h1>${opening}${notes}`))).toEqual([]);
  });
});

describe('the furniture of a numbered document’s headings', () => {
  it.each([
    [
      'a section number, a task state and Org tags (the tags name the kind)',
      '2.1 DONE Opening keynote: Boring Queues Win — Rosa Delgado :keynote:infra:',
      'Boring Queues Win',
      ['Rosa Delgado'],
      'keynote',
    ],
    [
      'a task state after a section number, Org tags',
      '3.4 TODO Tipos sin miedo (Lucía Ferrer) :talk:',
      'Tipos sin miedo',
      ['Lucía Ferrer'],
      'talk',
    ],
    [
      'a paper’s authors before the title and a citation after it (no speaker read behind)',
      '3.2 Bhat et al., Repairing Type Errors with Small Language Models [7]',
      'Repairing Type Errors with Small Language Models',
      [],
      null,
    ],
    [
      'Polish authors',
      '4.1 Nowak i Lis i in.: Testy kontraktowe z Małymi Modelami',
      'Testy kontraktowe z Małymi Modelami',
      [],
      null,
    ],
  ])('%s', (_, line, title, speakers, marker) => {
    const parsed = parseTalkTitle(line);
    expect([parsed.title, parsed.speakers, parsed.marker]).toEqual([title, speakers, marker]);
  });

  it.each([
    ['1 Introduction', 'intro'],
    ['5 Conclusion', 'outro'],
    ['6 References', 'part'],
    ['1 Einleitung', 'intro'],
    ['2 Days in Lisbon', null],
    ['3 Keynote', null],
  ])('%s: a section number before a word of the document’s structure', (text, role) => {
    expect(headingRole(text)).toBe(role);
  });

  it('reads tags rendered as elements (Org by pandoc) and speakers in a caseless script confirmed by a case ending', () => {
    const tag = (name: string) =>
      `<span class="tag" data-tag-name="${name}"><span class="smallcaps">${name}</span></span>`;
    const doc = page(
      'DevFest Kutaisi 2025 — ჩანაწერები',
      `<h1>DevFest Kutaisi 2025 — ჩანაწერები</h1><p>ოთხი მოხსენება, რომლებიც კონფერენციაზე მოვისმინე.</p>
      <h2><span class="header-section-number">1</span> შესავალი</h2><p>დილით ავტობუსით ჩავედი.</p>
      <h3><span class="header-section-number">1.1</span> <span class="done DONE">DONE</span> Kotlin Multiplatform ყველგან — ნინო ბერიძე ${tag('talk')} ${tag('mobile')}</h3>
      <p id="a">ნინომ აჩვენა, როგორ იზიარებს მათი გუნდი კოდს ორ პლატფორმას შორის.</p>
      <h3><span class="header-section-number">1.2</span> <span class="todo TODO">TODO</span> ლაშა: Compose და ხელმისაწვდომობა ${tag('talk')}</h3>
      <p id="b">ლაშამ დარბაზს სთხოვა, რომ ეკრანის წამკითხველი ჩაერთოთ.</p>`,
    );
    expect(talksOf(doc)).toEqual([
      ['Kotlin Multiplatform ყველგან', ['ნინო ბერიძე']],
      ['Compose და ხელმისაწვდომობა', ['ლაშა']],
    ]);
    expect([filed(doc, 'a'), filed(doc, 'b')]).toEqual([
      'Kotlin Multiplatform ყველგან',
      'Compose და ხელმისაწვდომობა',
    ]);
  });
});

describe('a speaker before a colon, among headings that name their speakers', () => {
  const doc = (speakerFirst: string, hallway = 'Posters and the hallway') =>
    page(
      'PyData Berlin 2025 — unsere Notizen',
      `<h1>PyData Berlin 2025 — unsere Notizen</h1><p>Drei von uns waren dort; hier die Vorträge, die wir gesehen haben.</p>
      <h2>Keynote — Daten ohne Drama (Mareike Vogt)</h2><p>Sie begann mit einem Dashboard, das niemand las, und einer Tabelle, die alle lasen.</p>
      <h2>Reproduzierbare Umgebungen im Unterricht</h2><div class="admonition"><p class="admonition-title">Speaker</p><p>Tomás Olivera</p></div><p>Eine Sperrdatei pro Kurs, ein Abbild pro Semester, und die Hälfte der Tickets verschwand.</p>
      <h2>Polars im Alltag</h2><p>Ein kurzer Vortrag über Polars in einem Team, das seit Jahren Pandas schreibt.</p>
      <h2>${hallway}</h2><p id="hall">Abends standen alle bei den Postern, und die Gespräche drehten sich um den Vortrag vom Morgen.</p>
      <h2>${speakerFirst}</h2><p id="n">Der schwierige Tag ist nicht der Durchschnitt, sondern der erste Montag im Semester, wenn sich alle zugleich anmelden.</p>`,
    );

  it.each([
    [
      'a person before a colon',
      'Hui Zhang: JupyterHub für 40.000 Studierende',
      'JupyterHub für 40.000 Studierende',
      ['Hui Zhang'],
    ],
    // A dash joins a title's own parts as often ("Kubernetes Operators — …"): not read as a speaker here.
    [
      'a dash prefix stays title',
      'Kubernetes Operators — Lektionen aus dem Betrieb',
      'Kubernetes Operators — Lektionen aus dem Betrieb',
      [],
    ],
  ])('%s', (_, heading, title, speakers) => {
    const d = doc(heading);
    expect(talksOf(d)).toEqual([
      ['Daten ohne Drama', ['Mareike Vogt']],
      ['Reproduzierbare Umgebungen im Unterricht', ['Tomás Olivera']],
      ['Polars im Alltag', []],
      [title, speakers],
    ]);
    expect(filed(d, 'n')).toBe(title);
  });

  it.each(['Posters and the hallway', 'The poster session', 'Hallway conversations'])(
    'a heading of what happened between talks (%s) is no talk and ends the talk above',
    (hallway) => {
      const d = doc('Hui Zhang: JupyterHub für 40.000 Studierende', hallway);
      expect(talksOf(d).map(([title]) => title)).not.toContain(hallway);
      expect(filed(d, 'hall')).toBeNull();
    },
  );
});

describe('a numbered session before the title', () => {
  it.each([
    ['Sesi 3 — FastAPI di Bank Digital: Pengajaran Setahun', 'FastAPI di Bank Digital: Pengajaran Setahun'],
    ['Session 2 — Observability for Small Teams', 'Observability for Small Teams'],
    ['Sesión nº 4 — Tipos sin miedo', 'Tipos sin miedo'],
    ['Sitzung 1 – Datenbanken im Wandel', 'Datenbanken im Wandel'],
  ])('%s', (line, title) => {
    // Furniture, not a marker: courses and workshop series number their sessions too (and before a colon,
    // "Session 1: Setting Up Python", a course's lesson, the line stays whole: title-parse.test.ts).
    expect([parseTalkTitle(line).title, parseTalkTitle(line).marker]).toEqual([title, null]);
  });
});

describe('speakers in a script without letter case, in parentheses or after a kind word', () => {
  it.each([
    [
      'Persian, two names joined by و in parentheses',
      'Passkeys Everywhere (سلین آیدین و یوناس بروک)',
      'Passkeys Everywhere',
      ['سلین آیدین', 'یوناس بروک'],
    ],
    [
      'Arabic, one name in parentheses',
      'Observability Budgets (سارة حداد)',
      'Observability Budgets',
      ['سارة حداد'],
    ],
    [
      'Persian, a talk word joined to the name by the ezafe',
      'ارائهٔ دریا کریمی: Shipping AI Features Without a Data Team',
      'Shipping AI Features Without a Data Team',
      ['دریا کریمی'],
    ],
    [
      'Arabic, a talk word before the name',
      'محاضرة سارة حداد: Observability for Small Teams',
      'Observability for Small Teams',
      ['سارة حداد'],
    ],
  ])('%s', (_, line, title, speakers) => {
    // The caller takes the reading where the talk's notes name a person again.
    expect(parseTalkTitle(line).caseless).toEqual({ title, speakers });
  });
});

describe('a talk announced, not given', () => {
  const release = (verb: string) =>
    page(
      'Harbour Platform Summit announces its 2026 keynote speakers',
      `<h1>Harbour Platform Summit announces its 2026 keynote speakers</h1>
      <p id="k">CHICAGO — Harbour Platform Summit, the conference for platform teams, today named its keynotes. Abena Osei ${verb} the opening keynote, “The Platform Nobody Asked For”, on internal platforms that engineers choose to use.</p>
      <h2>Program highlights</h2><p id="p">The first forty sessions span four tracks, from developer platforms to cost and capacity.</p>
      <h2>Registration</h2><p>Early-bird registration is open through February 28.</p>`,
    );
  it('a press release: the keynote someone will deliver is no talk', () => {
    expect(talksOf(release('will deliver'))).toEqual([]);
  });
  it('the same sentence in the past tense names the one talk the post is about', () => {
    expect(talksOf(release('delivered'))).toEqual([['The Platform Nobody Asked For', ['Abena Osei']]]);
  });
});

describe('a bold line naming its kind among talk headings', () => {
  const doc = (bold: string) =>
    page(
      'Frontend Day 2025: нотатки',
      `<h1>Frontend Day 2025: нотатки</h1><p>Чотири доповіді, які я встигла послухати.</p>
      <h3>Кейноут: «Вебплатформа у 2030 році» — Ірина Мельник</h3><p>Ірина почала з того, що браузери вже вміють більше, ніж ми використовуємо.</p>
      <h3>Андрій Шевчук: Мікрофронтенди, від яких ми відмовилися</h3><p>Андрій розповів, як його команда три роки тому розділила адмінку на дев’ять частин.</p>
      <p>На питання із зали Андрій відповів, що радив би це лише окремим командам.</p>
      <p><strong>${bold}</strong></p><p id="n">Наприкінці дня були п’ятихвилинні доповіді; Тарас показав картку товару, що змінює розкладку.</p>`,
    );
  it.each([
    ['Бліц-доповідь: «CSS-контейнерні запити на практиці» (Тарас)', 'CSS-контейнерні запити на практиці'],
    ['Lightning talk: “Container Queries in Practice” (Taras)', 'Container Queries in Practice'],
  ])('%s', (bold, title) => {
    const d = doc(bold);
    expect(talksOf(d).map(([t]) => t)).toEqual([
      'Вебплатформа у 2030 році',
      'Мікрофронтенди, від яких ми відмовилися',
      title,
    ]);
    expect(filed(d, 'n')).toBe(title);
  });
});

describe('a single talk named in the social card or the JSON-LD headline', () => {
  const body = `<h1>The best hour of the conference</h1>
    <p>Last week at PGConf I sat through “Vacuum Is Not the Enemy”, and I have told my team about that talk since.</p>
    <h2>Where it started</h2><p id="n">The first slide was a table that had grown for a year without anyone noticing.</p>`;
  it.each([
    ['og:title', '<meta property="og:title" content="Vacuum Is Not the Enemy — Ada Brandt">'],
    ['twitter:title', '<meta name="twitter:title" content="Vacuum Is Not the Enemy — Ada Brandt">'],
    [
      'a JSON-LD BlogPosting headline',
      '<script type="application/ld+json">{"@context":"https://schema.org","@type":"BlogPosting","headline":"Vacuum Is Not the Enemy — Ada Brandt"}</script>',
    ],
  ])('%s', (_, head) => {
    // The document's own title is the blog's headline; only the other metadata names the talk.
    const doc = page('The best hour of the conference | Ada’s notes', body, head);
    expect(talksOf(doc)).toEqual([['Vacuum Is Not the Enemy', ['Ada Brandt']]]);
    expect(filed(doc, 'n')).toBe('Vacuum Is Not the Enemy');
  });
});
