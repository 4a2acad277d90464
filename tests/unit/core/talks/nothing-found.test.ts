/**
 * Write-ups on which detection used to find no talk at all (docs/talk-detection.md, "Session 13: write-ups
 * where nothing was found"): the evidence that carries them needs no word of the page's language. Every
 * page here is made up for the test, in wording and languages of its own.
 */
import { describe, expect, it } from 'vitest';
import { filed, page, titles } from './detected';

describe('headings that only name the speaker, the title where the section opens', () => {
  // Each section: a heading naming people, then the opening that holds the title in a form of its own.
  const speakerFirst = (sections: [string, string][], title: string) =>
    page(
      `<article><h1>${title}</h1>
      <h2>Proč jsme jeli</h2><p id="intro">Jeli jsme tři a psali jsme si poznámky do telefonu, jména přednášek doplňujeme až tady.</p>
      ${sections.map(([h, opening], i) => `<h2>${h}</h2>${opening}<p id="n${i}">Tohle si chceme vyzkoušet na vlastním projektu hned po návratu.</p>`).join('')}
      <h2>Co si bereme domů</h2><p id="outro">Příští rok pojedeme znovu, tentokrát i na workshopy.</p></article>`,
      title,
    );

  it.each([
    [
      'Czech: a quoted title in the opening sentence, a caption, a title after a colon',
      [
        [
          'Jana Nováková',
          '<p>Úvodní keynote v pátek měla název „Monolit bez výčitek: deset let v provozu“. Jana vede tým platformy.</p>',
        ],
        [
          'Petr Dvořák a Eva Malá',
          '<figure><div role="img"></div><figcaption>Petr Dvořák a Eva Malá: Testy, které nikdo nečte (sál B, pátek 14:00)</figcaption></figure>',
        ],
        [
          'Tomáš Veselý',
          '<p>Pětiminutovka v sobotu ráno, na slajdu stálo: Proč naše CI trvá půl hodiny. Tomáš měřil každý krok.</p>',
        ],
      ] as [string, string][],
      [
        ['Monolit bez výčitek: deset let v provozu', ['Jana Nováková']],
        ['Testy, které nikdo nečte', ['Petr Dvořák', 'Eva Malá']],
        ['Proč naše CI trvá půl hodiny', ['Tomáš Veselý']],
      ],
    ],
    [
      'Portuguese: titles quoted in «…» where each section opens',
      [
        ['Marta Lopes', '<p>Abriu a tarde com «Filas dentro da base de dados», numa sala cheia.</p>'],
        [
          'Rui Carvalho',
          '<p>Depois do almoço apresentou «Migrações sem medo em produção» com muitos gráficos.</p>',
        ],
      ] as [string, string][],
      [
        ['Filas dentro da base de dados', ['Marta Lopes']],
        ['Migrações sem medo em produção', ['Rui Carvalho']],
      ],
    ],
  ])('%s', (_name, sections, expected) => {
    const doc = speakerFirst(sections, 'DevConf Brno 2025');
    expect(titles(doc)).toEqual(expected);
    expect(filed(doc, 'n0')).toBe(expected[0]![0]);
    expect(filed(doc, 'intro')).toBeNull();
    expect(filed(doc, 'outro')).toBeNull();
  });

  it.each([
    [
      'one person over a quoted phrase is any profile',
      [['Jana Nováková', '<p>Její oblíbená kniha je „Monolit bez výčitek“ a čte ji každý rok.</p>']] as [
        string,
        string,
      ][],
    ],
    [
      'Han or kana headings over quoted phrases are no names: 質疑応答, まとめ',
      [
        ['質疑応答', '<p>会場からは「移行の順番はどう決めたのか」という質問が出ました。</p>'],
        ['まとめ', '<p>「小さく始める」が今回のキーワードでした。</p>'],
      ] as [string, string][],
    ],
  ])('no talk: %s', (_name, sections) => {
    expect(titles(speakerFirst(sections, 'Poznámky'))).toEqual([]);
  });
});

describe('a single talk named in a caption and quoted again in the prose', () => {
  // Latvian: the post's title says "one lecture" in a language detection has no talk words for.
  const post = (caption: string, prose: string) =>
    page(
      `<article><h1>Ko es atvedu no Rīgas: viena lekcija</h1>
      <p>Otrajā dienā pēc pusdienām mazajā zālē ${prose}, un par to domāju joprojām.</p>
      <figure><div class="video" role="img">▶ (41:07)</div><figcaption>${caption}</figcaption></figure>
      <h2>Kas viņš ir</h2><p id="notes">Viņš strādā loģistikas uzņēmumā, kura pasūtījumu sistēma darbojas uz notikumiem kopš 2019. gada.</p>
      <h2>Ko mēs darām</h2><p>Mēs sākām ar versiju tabulu un vienu testu katram notikuma tipam.</p></article>`,
      'Ko es atvedu no Rīgas: viena lekcija',
    );

  it('the title set apart with its speaker and event, and quoted in the prose, is the post’s talk', () => {
    const doc = post(
      'Ieraksts: Queues Inside the Database — Ilze Kalniņa, Riga Dev Days 2025, Rīga',
      'Ilze Kalniņa lasīja lekciju „Queues Inside the Database“',
    );
    expect(titles(doc)).toEqual([['Queues Inside the Database', ['Ilze Kalniņa']]]);
    expect(filed(doc, 'notes')).toBe('Queues Inside the Database');
  });

  it.each([
    [
      'the prose does not quote the title',
      'Ieraksts: Queues Inside the Database — Ilze Kalniņa, Riga Dev Days 2025, Rīga',
      'Ilze Kalniņa runāja par rindām datubāzē',
    ],
    [
      'no event after the person (a book cover reads so)',
      'Vāks: Queues Inside the Database — Ilze Kalniņa',
      'lasīju grāmatu „Queues Inside the Database“',
    ],
  ])('no talk: %s', (_name, caption, prose) => {
    expect(titles(post(caption, prose))).toEqual([]);
  });
});

describe('talks as boxes of fields whose keys repeat, read by their values in any language', () => {
  const long =
    'Ta näitas, kuidas meeskond jälgib iga logiallikat eraldi ja saab häire, kui allikas vaikib liiga kaua. Esimesel nädalal leidsid nad üheksa allikat, mis olid kuude kaupa vait olnud, ja parandasid need.';
  const box = (fields: [string, string][], notes: string, id: string) =>
    `<dl class="kv">${fields.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}<dt>Märkmed</dt><dd><p id="${id}">${notes}</p></dd></dl>`;
  // Estonian keys: "Ettekanne / Esineja / Saal ja aeg / Märkmed" (talk / speaker / room and time / notes).
  const boxes = (extra = '') =>
    page(
      `<article><h1>Meeskonna märkmed: Turvapäev 2026</h1>
      <p id="intro">Iga vaadatud ettekande kohta on oma kast samade väljadega.</p>
      ${box(
        [
          ['Ettekanne', 'Phishing the Phishers (keynote)'],
          ['Esineja', 'Kadri Tamm'],
          ['Saal ja aeg', 'Suur saal, R 10:00'],
        ],
        long,
        'a',
      )}
      ${box(
        [
          ['Ettekanne', 'Kui SIEM valetab'],
          ['Esineja', 'Jaan Kask ja Mari Lepp'],
          ['Saal ja aeg', 'Saal 2, R 11:30'],
        ],
        long,
        'b',
      )}
      ${extra}
      ${box(
        [
          ['Ettekanne', '”Supply Chain Attacks on Small Projects”'],
          ['Esineja', 'Toomas Saar'],
          ['Saal ja aeg', 'Suur saal, L 12:00'],
        ],
        long,
        'c',
      )}
      </article>`,
      'Turvapäev 2026',
    );
  const expected = [
    ['Phishing the Phishers', ['Kadri Tamm']],
    ['Kui SIEM valetab', ['Jaan Kask', 'Mari Lepp']],
    ['Supply Chain Attacks on Small Projects', ['Toomas Saar']],
  ];

  it('each box naming a title and people is a talk that owns its box', () => {
    const doc = boxes();
    expect(titles(doc)).toEqual(expected);
    expect(filed(doc, 'b')).toBe('Kui SIEM valetab');
    expect(filed(doc, 'intro')).toBeNull();
  });

  it.each([
    [
      'a box of the same keys naming no one (the evening programme)',
      box(
        [
          ['Üritus', 'CTF ja õhtune programm'],
          ['Saal ja aeg', 'Fuajee, R 18:00'],
        ],
        long,
        'x',
      ),
    ],
    [
      'a box with a line where the others have notes (a talk nobody got into)',
      box(
        [
          ['Ettekanne', 'Breaking Smart Locks'],
          ['Esineja', 'Kalle Mets'],
          ['Saal ja aeg', 'Saal 3, R 13:30'],
        ],
        'Saal oli täis.',
        'x',
      ),
    ],
  ])('no talk: %s', (_name, extra) => {
    const doc = boxes(extra);
    expect(titles(doc)).toEqual(expected);
    expect(filed(doc, 'x')).toBeNull();
  });

  it('one box of fields alone is any record (a book, a product)', () => {
    const doc = page(
      `<article><h1>Conference reading: a book</h1><p>Lugesin selle läbi kahe õhtuga, konverentsi ajal.</p>
      ${box(
        [
          ['Pealkiri', 'Queues Inside the Database'],
          ['Autor', 'Kadri Tamm'],
          ['Kirjastus', 'Tänapäev, 2024'],
        ],
        long,
        'a',
      )}</article>`,
      'Conference reading: a book',
    );
    expect(titles(doc)).toEqual([]);
  });
});

describe('speakers in a script without letter case, with honorifics and a label in front', () => {
  // Tamil: "முனைவர்" (Dr, a title of address) before a name, "அவர்கள்" (a respectful "they") after one, read by
  // standing beside two people's names; "முதன்மை உரை:" (keynote:) before a title in Latin letters.
  const post = (third: string) =>
    page(
      `<article><h1>DevFest Madurai 2025: நான் பார்த்த உரைகள்</h1>
      <h2>ஏன் போனேன்</h2><p id="intro">இது எனது இரண்டாவது வருடம், மூன்று அரங்குகளில் உரைகள் நடந்தன.</p>
      <h2>முதன்மை உரை: Small Apps for Slow Phones — முனைவர் லதா சுப்பிரமணியன்</h2>
      <p>லதா அவர்கள் பழைய தொலைபேசிகளைப் பற்றிப் பேசினார். செயலியின் அளவு முக்கியம் என்றார்.</p>
      <h2>Room தரவுத்தளம் இடம்பெயர்வு (கார்த்திக் ராஜா)</h2>
      <p>கார்த்திக் தனது குழுவின் அனுபவத்தைச் சொன்னார். ஒவ்வொரு பதிப்புக்கும் சோதனை எழுதினார்கள்.</p>
      <h2>மதிய உணவு</h2><p>வாழை இலையில் சாப்பாடு, நீண்ட வரிசை.</p>
      <h2>${third}</h2>
      <p id="third">மீனா ஒரு சிறிய நிறுவனத்தில் வேலை செய்கிறார். செலவு பாதியாகக் குறைந்தது என்றார்.</p>
      <h2>நிறைவாக</h2><p id="outro">நல்ல நாள், அடுத்த வருடமும் போவேன்.</p></article>`,
      'DevFest Madurai 2025',
    );

  it('an honorific the page writes beside two people is no part of a name; a Tamil label before a Latin title is none of it', () => {
    const doc = post('Cloud செலவைக் குறைத்தோம் — மீனா கணேசன் அவர்கள்');
    expect(titles(doc)).toEqual([
      ['Small Apps for Slow Phones', ['லதா சுப்பிரமணியன்']],
      ['Room தரவுத்தளம் இடம்பெயர்வு', ['கார்த்திக் ராஜா']],
      ['Cloud செலவைக் குறைத்தோம்', ['மீனா கணேசன்']],
    ]);
    expect(filed(doc, 'third')).toBe('Cloud செலவைக் குறைத்தோம்');
    expect(filed(doc, 'intro')).toBeNull();
  });
});
