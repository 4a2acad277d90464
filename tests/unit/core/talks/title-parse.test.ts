import { describe, expect, it } from 'vitest';
import { nameRecurs, parseTalkTitle } from '@/core/talks/title-parse';

describe('parseTalkTitle', () => {
  it.each([
    [
      'Sidecars Are Dead, Long Live Sidecars — Marta Oyelaran (Fernwood Labs)',
      'Sidecars Are Dead, Long Live Sidecars',
      ['Marta Oyelaran'],
      null,
    ],
    [
      'Teaching Python to Nurses by Clara Jansen and Mo Farouk',
      'Teaching Python to Nurses',
      ['Clara Jansen', 'Mo Farouk'],
      null,
    ],
    [
      'Packaging Is Boring Now (and That’s Great) by Helen Qiu',
      'Packaging Is Boring Now (and That’s Great)',
      ['Helen Qiu'],
      null,
    ],
    ['🎤 Keynote: The Web Platform Is Quietly Winning', 'The Web Platform Is Quietly Winning', [], 'keynote'],
    [
      'Lightning talk: Accessibility Bugs Your Linter Can’t See — Hana Kobayashi',
      'Accessibility Bugs Your Linter Can’t See',
      ['Hana Kobayashi'],
      'lightning',
    ],
    [
      'Room 2: Testing in Production Without Losing Sleep — Kwame Asante',
      'Testing in Production Without Losing Sleep',
      ['Kwame Asante'],
      null,
    ],
    ['10:30 — Scaling Postgres (Jane Doe)', 'Scaling Postgres', ['Jane Doe'], null],
    // A numbered document's section number and a paper report's citation (session 11).
    ['2.1 The Maintenance Cliff', 'The Maintenance Cliff', [], null],
    ['3.2.1. Flaky Tests Are Mostly Order-Dependent [4]', 'Flaky Tests Are Mostly Order-Dependent', [], null],
    [
      'Repairing Type Errors with Small Models [7, 9] — Kiran Bhat',
      'Repairing Type Errors with Small Models',
      ['Kiran Bhat'],
      null,
    ],
    ['Python 3.12 in Production', 'Python 3.12 in Production', [], null],
    // A time with a comma, and a room named after its letter (session 9).
    ['09:45, A terem: Caching at the Edge', 'Caching at the Edge', [], null],
    ['Záró keynote – The Slow Parts of Fast Systems', 'The Slow Parts of Fast Systems', [], 'keynote'],
    // A session kind and a person before the colon: the person is the speaker (session 8).
    [
      'Closing keynote, Imre Varga: Where Schedulers Go to Die',
      'Where Schedulers Go to Die',
      ['Imre Varga'],
      'keynote',
    ],
    [
      'Workshop, Lina Costa e Rui Pais: Testes de carga',
      'Testes de carga',
      ['Lina Costa', 'Rui Pais'],
      'workshop',
    ],
    // A marker and a person (in any case form) before a quoted title: the quote is the title.
    ['Vortrag von Jana Weber „Tests, die nicht lügen“', 'Tests, die nicht lügen', [], 'talk'],
    ['Доклад Петра Сидорова «Очереди без боли»', 'Очереди без боли', [], 'talk'],
    ['Keynote by Ada Brennan “Small Models, Big Bills”', 'Small Models, Big Bills', [], 'keynote'],
    // Labels set apart by middle dots or bars: a day, a time or a room, then short ones (session 8).
    ['Dia 2 · Palco 3 · Keynote: Dados que ninguém lê', 'Dados que ninguém lê', [], 'keynote'],
    ['Day 1 · «Shipping on Fridays»', 'Shipping on Fridays', [], null],
    ['14:30 | Hall B | Migrations Without Fear', 'Migrations Without Fear', [], null],
    ['Rust · The Good Parts', 'Rust · The Good Parts', [], null],
    // Not a kind before the comma: the prefix stays title.
    ['Berlin, Oslo: Two Cities, One Cluster', 'Berlin, Oslo: Two Cities, One Cluster', [], null],
    [
      'Talk · WebAssembly lato server: promesse e trappole',
      'WebAssembly lato server: promesse e trappole',
      [],
      'talk',
    ],
    ['Panel · Il lavoro da remoto ha fallito?', 'Il lavoro da remoto ha fallito?', [], 'panel'],
    ['Workshop (3 ore) · Testare le API con i contratti', 'Testare le API con i contratti', [], 'workshop'],
    [
      '11:00 · Escenario principal · Keynote: Mantener software libre sin quemarse',
      'Mantener software libre sin quemarse',
      [],
      'keynote',
    ],
    [
      'ARC305 Cell-Based Architectures Without the Buzzwords',
      'Cell-Based Architectures Without the Buzzwords',
      [],
      null,
    ],
    [
      '2. Modulith statt Microservices – ein Erfahrungsbericht',
      'Modulith statt Microservices – ein Erfahrungsbericht',
      [],
      null,
    ],
    [
      '基調講演：コミュニティと共に育つPython（佐伯 真理子さん）',
      'コミュニティと共に育つPython',
      ['佐伯 真理子'],
      'keynote',
    ],
    ['Scaling Postgres (video)', 'Scaling Postgres', [], null],
    ['Scaling Postgres [slides + video]', 'Scaling Postgres', [], null],
    [
      'Integrating OSS in industrial environments - by Siemens',
      'Integrating OSS in industrial environments',
      [],
      null,
    ],
    ['Container orchestration - the state of play', 'Container orchestration - the state of play', [], null],
    [
      'Goal - question - metric approach to community measurement',
      'Goal - question - metric approach to community measurement',
      [],
      null,
    ],
    ['My Talk (Sort Of)', 'My Talk (Sort Of)', [], null],
    ['Death by a Thousand Cuts', 'Death by a Thousand Cuts', [], null],
    ['“Scaling Postgres”', 'Scaling Postgres', [], null],
    // A marker right before a quoted title.
    ['Keynote “Software That Lasts”', 'Software That Lasts', [], 'keynote'],
    ['基調講演「チームと育つコード」— 山田 花子さん', 'チームと育つコード', ['山田 花子'], 'keynote'],
    ['Доклад: «Очереди без боли»', 'Очереди без боли', [], 'talk'],
    ['Prelekcja „Szybkie testy”', 'Szybkie testy', [], 'talk'],
    // A numbered marker.
    ['Talk 3: Quiet Pagers', 'Quiet Pagers', [], 'talk'],
    ['Vortrag 2 – Schnelle Builds', 'Schnelle Builds', [], 'talk'],
    ['Přednáška 1: Rychlé testy v praxi', 'Rychlé testy v praxi', [], 'talk'],
    ['Day 2: Observability Everywhere', 'Day 2: Observability Everywhere', [], null],
    ['Session 1: Setting Up Python', 'Session 1: Setting Up Python', [], null],
    // A spaced slash before the speakers; people listed with "・" after their honorifics.
    [
      'Typed Pipelines / 佐藤 一郎さん・Maria Lopez さん',
      'Typed Pipelines',
      ['佐藤 一郎', 'Maria Lopez'],
      null,
    ],
    ['Input / Output Tricks', 'Input / Output Tricks', [], null],
    ['TCP / IP for Web Developers', 'TCP / IP for Web Developers', [], null],
    // A parenthesis opening with a conjunction is title ("and a Few Wins" is no list of people).
    ['Event Sourcing Regrets (and a Few Wins)', 'Event Sourcing Regrets (and a Few Wins)', [], null],
    // A numbered marker written with "n°", French spacing before the colon.
    [
      'Talk n°1 : Migrer des crons vers Temporal, par Camille Rousseau',
      'Migrer des crons vers Temporal',
      ['Camille Rousseau'],
      'talk',
    ],
    // A qualifier before the marker, after a spaced dash.
    [
      'Bonus – lightning talk : Un linter pour nos commits, par Hugo Lefèvre',
      'Un linter pour nos commits',
      ['Hugo Lefèvre'],
      'lightning',
    ],
    // A short label before a quoted title is not title; Indonesian "oleh" (by) and "dan" (and).
    [
      'Sesi pagi: "Membangun Super-App yang Cepat" oleh Rina Wulandari dan Fajar Nugroho',
      'Membangun Super-App yang Cepat',
      ['Rina Wulandari', 'Fajar Nugroho'],
      null,
    ],
    [
      'Keynote: "Infrastruktur untuk 17.000 Pulau" oleh Dewi Anggraini',
      'Infrastruktur untuk 17.000 Pulau',
      ['Dewi Anggraini'],
      'keynote',
    ],
  ])('%s', (raw, title, speakers, marker) => {
    const parsed = parseTalkTitle(raw);
    expect(parsed.title).toBe(title);
    expect(parsed.speakers).toEqual(speakers);
    expect(parsed.marker).toBe(marker);
  });

  it('keeps a session code and a time apart', () => {
    expect(parseTalkTitle('SVS221 Cold Starts: Measure Before You Optimise').code).toBe('SVS221');
    expect(parseTalkTitle('14:00–14:30 Lunch talk').time).toBe('14:00–14:30');
  });

  it('offers a speaker-looking prefix for the caller to confirm', () => {
    const parsed = parseTalkTitle('Johanna Sørli: Twelve Years of Backwards Compatibility');
    expect(parsed.title).toBe('Johanna Sørli: Twelve Years of Backwards Compatibility');
    expect(parsed.prefixPeople).toEqual(['Johanna Sørli']);
    expect(parsed.titleAfterPrefix).toBe('Twelve Years of Backwards Compatibility');
    expect(parseTalkTitle('Temporal: Almost There').prefixPeople).toEqual([]);
  });

  it('offers a speaker before a dash too, marked as such', () => {
    const parsed = parseTalkTitle('Rafael Kowalczyk — Generics, Two Years Later');
    expect(parsed.title).toBe('Rafael Kowalczyk — Generics, Two Years Later');
    expect(parsed.prefixPeople).toEqual(['Rafael Kowalczyk']);
    expect(parsed.titleAfterPrefix).toBe('Generics, Two Years Later');
    expect(parsed.prefixDash).toBe(true);
    expect(parseTalkTitle('Johanna Sørli: Twelve Years').prefixDash).toBe(false);
    expect(parseTalkTitle('Container orchestration - the state of play').prefixPeople).toEqual([]);
  });
});

describe('parseTalkTitle: a kicker of time and place in front, in any order and language (session 10)', () => {
  it.each([
    ['Saal 2, 16:10 — Firmware That Outlives Its Vendor', 'Firmware That Outlives Its Vendor', '16:10'],
    [
      'Aula 4.12, 09:30 — Sparse Matrices in Practice (Ida Berg, Nordlys)',
      'Sparse Matrices in Practice',
      '09:30',
    ],
    ['11:45 | אולם C | Migrations Without Fear', 'Migrations Without Fear', '11:45'],
    ['09:15 | القاعة ب | Offline First on Cheap Phones', 'Offline First on Cheap Phones', '09:15'],
    ['Sesi 3 · Ruang C — Polars untuk Pemula', 'Polars untuk Pemula', null],
    ['Sessão 2 · Sala Azul 3 — Testes de Contrato', 'Testes de Contrato', null],
  ])('%s', (raw, title, time) => {
    const parsed = parseTalkTitle(raw);
    expect([parsed.title, parsed.time]).toEqual([title, time]);
  });

  it.each([
    'Java 21, Spring 6: What Changed',
    'Python 3 — What Is New',
    'Web 3, Crypto 2: A Sceptic’s Notes',
  ])('a title whose words look like labels keeps them: %s', (raw) => {
    expect(parseTalkTitle(raw).title).toBe(raw);
  });
});

describe('parseTalkTitle: a person and a comma before a quoted title (session 10)', () => {
  it.each([
    ['Keziah Obrecht, “Designing for Slow Networks”', 'Designing for Slow Networks', ['Keziah Obrecht']],
    ['Ana Ruiz y Leo Vidal, «Pruebas sin miedo»', 'Pruebas sin miedo', ['Ana Ruiz', 'Leo Vidal']],
    [
      'Lightning round: Jakub Nowak, “The Layers Nobody Planned”',
      'The Layers Nobody Planned',
      ['Jakub Nowak'],
    ],
  ])('%s', (raw, title, speakers) => {
    const parsed = parseTalkTitle(raw);
    expect([parsed.title, parsed.speakers]).toEqual([title, speakers]);
  });

  it('a place and a comma before a quote are no speaker', () => {
    expect(parseTalkTitle('Keziah Obrecht, “Designing for Slow Networks”').speakers).toEqual([
      'Keziah Obrecht',
    ]);
    expect(parseTalkTitle('Berlin, “the city that never sleeps”').speakers).toEqual([]);
  });
});

describe('parseTalkTitle: speakers in a script without letter case, for the caller to confirm (session 10)', () => {
  it.each([
    ['Monorepo בלי דמעות – נועה לוי', 'Monorepo בלי דמעות', ['נועה לוי']],
    ['Observability for Small Teams / עומר כהן', 'Observability for Small Teams', ['עומר כהן']],
    [
      '"React Server Components בפרודקשן" מאת דניאל אברהם',
      'React Server Components בפרודקשן',
      ['דניאל אברהם'],
    ],
    ['रोहित मल्होत्रा — Async Python Without the Pain', 'Async Python Without the Pain', ['रोहित मल्होत्रा']],
    ['सुबह का कीनोट: अनन्या राव — Python at Population Scale', 'Python at Population Scale', ['अनन्या राव']],
    ['Compose Performance Deep Dive (يوسف)', 'Compose Performance Deep Dive', ['يوسف']],
    ['بعد الغداء: سارة الشريف، «واجهات بلا ألم»', 'واجهات بلا ألم', ['سارة الشريف']],
  ])('%s', (raw, title, speakers) => {
    const parsed = parseTalkTitle(raw);
    expect(parsed.speakers).toEqual([]);
    expect(parsed.caseless).toEqual({ title, speakers });
  });

  it.each([
    // Lunch and what there was: the side after the dash is longer than any title before it.
    'दोपहर का खाना — डोसा, लंबी कतार और अच्छी बातचीत',
    'Jane Doe — Scaling Postgres',
    'Input / Output Tricks',
  ])('no such reading: %s', (raw) => {
    expect(parseTalkTitle(raw).caseless).toBeNull();
  });

  it('a place in the programme in front is a slot', () => {
    expect(parseTalkTitle('14:30 | אולם B | איך הפסקנו לפחד').slot).toContain('אולם B');
    expect(parseTalkTitle('Saal 1, 12:50 — Hardware That Lasts').slot).toContain('Saal 1');
    expect(parseTalkTitle('Sesi 3 · Ruang C — Polars untuk Pemula').slot).toBe('Ruang C');
    expect(parseTalkTitle('10:30 — Hardware That Lasts').slot).toBeNull();
  });
});

describe('nameRecurs', () => {
  it('finds a name again in the write-up, not at a sentence start', () => {
    expect(nameRecurs('Johanna Sørli', 'Before each release, Johanna builds them all.')).toBe(true);
    expect(nameRecurs('Cold Starts', 'Cold starts are rare. Most functions stay warm.')).toBe(false);
    expect(nameRecurs('Tomasz Wrzesień', 'As Wrzesień put it, scale down first.')).toBe(true);
  });
});
