/**
 * Talks with no element of their own, and write-ups in languages detection has no words for
 * (docs/talk-detection.md, "Held-out round 13"): an outline whose talks are list items over their
 * notes; a paragraph or list item that opens with the talk's title and names its speaker; a title
 * linked to its recording inside a sentence; emoji lines naming their speakers on a page with no
 * conference word detection knows; a speaker label as the first line of a talk's body, its names in
 * a script without letter case. Every page here is made up for the test, in wording and languages of
 * its own.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectTalkSections, talkForNode } from '@/core/talks';
import { linkedTitleIn } from '@/core/talks/linked-titles';
import { talkOpenedBy } from '@/core/talks/openings';
import { outlineItemLine } from '@/core/talks/outline';
import { parseCaselessPeople } from '@/core/talks/people';
import { speakerLine } from '@/core/talks/speaker-phrases';
import { parseTalkTitle } from '@/core/talks/title-parse';

const page = (body: string, title: string) =>
  new JSDOM(`<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`, {
    url: 'https://notes.example.org/post',
  }).window.document;
const titles = (doc: Document) => detectTalkSections(doc).map((s) => [s.title, s.speakers]);
const filed = (doc: Document, id: string) =>
  talkForNode(detectTalkSections(doc), doc.getElementById(id)!.firstChild!)?.title ?? null;
const fragment = (html: string) => page(html, 'x').body.firstElementChild!;

/** An outline item: its line over note items (each `[id, text]`). */
const item = (line: string, notes: [string, string][]) =>
  `<li><span>${line}</span><ul>${notes.map(([id, text]) => `<li><span id="${id}">${text}</span></li>`).join('')}</ul></li>`;

describe('an outline: talk items over their notes, beside day, lunch and missed items', () => {
  // German team notes in a shared document; no bold, no heading per talk.
  const german = page(
    `<div class="doc"><h1>Unsere Notizen – Herbsttreffen 2025</h1>
    <p>Wir haben zu dritt mitgeschrieben, jeder in seiner Farbe.</p>
    <ul>
      <li><span>Samstag – großer Saal</span><ul>
        ${item('Datenbanken ohne Angst (Jana Novak)', [
          ['de-first', 'Jana hat gezeigt, wie sie Migrationen in kleinen Schritten ausrollen.'],
          ['de-first-b', 'Jede Migration läuft zuerst auf einer Kopie der Produktion.'],
        ])}
        ${item('Mittagessen und Stände', [
          ['de-lunch', 'Es gab Linsensuppe und an den Ständen vor allem Stellenanzeigen.'],
          ['de-lunch-b', 'Am Stand der Bibliothek lagen alte Handbücher aus.'],
        ])}
        ${item('Peter Brandt: Barrierefreiheit im Formular', [
          ['de-second', 'Peter ließ den Saal ein Formular nur mit der Tastatur ausfüllen.'],
          ['de-second-b', 'Die Hälfte gab nach dem dritten Feld auf.'],
        ])}
        ${item('Verpasst', [
          ['de-missed', 'Caching am Rand – der Saal war voll'],
          ['de-missed-b', 'Sicherheit im Build – lief parallel'],
        ])}
      </ul></li>
    </ul></div>`,
    'Unsere Notizen – Herbsttreffen 2025',
  );

  it('takes the items that name their speakers as talks, each owning its notes', () => {
    expect(titles(german)).toEqual([
      ['Datenbanken ohne Angst', ['Jana Novak']],
      ['Barrierefreiheit im Formular', ['Peter Brandt']],
    ]);
    expect(filed(german, 'de-first-b')).toBe('Datenbanken ohne Angst');
    expect(filed(german, 'de-second-b')).toBe('Barrierefreiheit im Formular');
    expect(filed(german, 'de-lunch')).toBeNull();
    expect(filed(german, 'de-missed')).toBeNull();
  });

  it('reads an item as an outline item only over two child items, and only with a short line', () => {
    const li = (html: string) => fragment(`<ul><li>${html}</li></ul>`).firstElementChild!;
    expect(
      outlineItemLine(li('<span>Título da palestra (Ana Lima)</span><ul><li>a</li><li>b</li></ul>')),
    ).toBe('Título da palestra (Ana Lima)');
    expect(outlineItemLine(li('Título<ul><li>só uma nota</li></ul>'))).toBeNull();
    expect(
      outlineItemLine(li('Isto é uma frase inteira com ponto final.<ul><li>a</li><li>b</li></ul>')),
    ).toBeNull();
    expect(outlineItemLine(li('Sem lista aninhada'))).toBeNull();
  });

  it('finds no talk in an outline that names no one (a packing list)', () => {
    const list = page(
      `<div class="doc"><h1>Packliste für das Herbsttreffen</h1><ul>
      ${item('Technik', [
        ['t1', 'Ladegerät'],
        ['t2', 'Adapter'],
      ])}
      ${item('Kleidung', [
        ['k1', 'Regenjacke'],
        ['k2', 'Schal'],
      ])}
      </ul></div>`,
      'Packliste für das Herbsttreffen',
    );
    expect(titles(list)).toEqual([]);
  });
});

describe('paragraphs and list items that open with their talk', () => {
  // Croatian: talks share a session heading; each opens a paragraph or an item.
  const croatian = page(
    `<article><h1>Zapisi s konferencije Jadran Dev 2025</h1>
    <p>Predavanja su bila po sekcijama, pa pišem po sekcijama, onim redom kojim sam ih slušao.</p>
    <h2>Sekcija: Podaci</h2>
    <p id="hr-chair">Sekciju je vodio Ivan Horvat, koji je najavio tri predavanja bez pauze.</p>
    <p>„Tablice koje nitko ne čita“ naslov je s kojim je Ana Kovač otvorila sekciju. Pokazala je kako su izbrisali pola skladišta.</p>
    <p id="hr-first">Nitko se nije žalio, a račun je pao za trećinu.</p>
    <p>Migracije bez zastoja, predstavio je Marko Babić (Lučka Data), i to je bilo najkonkretnije predavanje dana.</p>
    <p id="hr-second">Svaka migracija prvo ide na kopiju produkcije.</p>
    <p>Zadnje predavanje prije pauze bilo je o troškovima oblaka, a održali su ga Ivana Marić i Tomislav Kos.</p>
    <p id="hr-unmarked">Ivana je pokazala račun razdijeljen po proizvodima umjesto po servisima.</p>
    <ul>
      <li>Lozinke nisu mrtve — Petra Jurić je objasnila zašto banka i dalje čuva lozinke kao rezervu. <span id="hr-third">Najviše problema imaju korisnici koji promijene telefon.</span></li>
      <li>Lanac opskrbe pod lupom — Luka Perić je opisao napad preko automatskog ažuriranja. <span id="hr-fourth">Od tada sve ovisnosti zaključavaju na točne verzije.</span></li>
    </ul>
    <p id="hr-missed">Treće predavanje sekcije sam propustio jer sam razgovarao u hodniku.</p>
    </article>`,
    'Zapisi s konferencije Jadran Dev 2025',
  );

  it('takes the title where the block opens and the person its sentence names', () => {
    expect(titles(croatian)).toEqual([
      ['Tablice koje nitko ne čita', ['Ana Kovač']],
      ['Migracije bez zastoja', ['Marko Babić']],
      ['Lozinke nisu mrtve', ['Petra Jurić']],
      ['Lanac opskrbe pod lupom', ['Luka Perić']],
    ]);
    expect(filed(croatian, 'hr-chair')).toBeNull();
    expect(filed(croatian, 'hr-first')).toBe('Tablice koje nitko ne čita');
    expect(filed(croatian, 'hr-second')).toBe('Migracije bez zastoja');
    // A paragraph naming two other people opens a talk whose title has no mark: the talk above ends.
    expect(filed(croatian, 'hr-unmarked')).toBeNull();
    expect(filed(croatian, 'hr-third')).toBe('Lozinke nisu mrtve');
    expect(filed(croatian, 'hr-fourth')).toBe('Lanac opskrbe pod lupom');
    // A list item owns itself: the paragraph after the list is no longer its talk's.
    expect(filed(croatian, 'hr-missed')).toBeNull();
  });

  it.each([
    [
      '»Testy, které nikdo nečte« (Jan Dvořák) byla nejlepší přednáška. Jan ukázal sadu čtyř tisíc testů.',
      'Testy, které nikdo nečte',
      ['Jan Dvořák'],
    ],
    [
      '«Le cache sans douleur» est le titre avec lequel Claire Martin a ouvert la session. Elle a montré trois graphiques.',
      'Le cache sans douleur',
      ['Claire Martin'],
    ],
    [
      'Rust im Kernel — Jonas Weber erklärte, warum. Die Treiber seien der Anfang, sagte er.',
      'Rust im Kernel',
      ['Jonas Weber'],
    ],
    [
      'Datové jezero bez vlastníků, představila Eva Malá (Data s.r.o.), a bylo to upřímné. Tabulky neměly vlastníky.',
      'Datové jezero bez vlastníků',
      ['Eva Malá'],
    ],
  ])('%s', (text, title, speakers) => {
    expect(talkOpenedBy(text)).toEqual({ title, speakers });
  });

  it.each([
    'Sekciju je vodio Ivan Horvat, koji je najavio tri predavanja.',
    'Treće predavanje sam propustio — bio sam u hodniku.',
    '„Ovo je citat koji je netko rekao.“ Tako je rekla Ana Kovač.',
    'Rust im Kernel — ein Thema, das alle interessiert.',
    // One line naming a talk and its speaker, with no notes after it: a list of talks.
    '„Wie eine Ansage auf die Tafel kommt“ – Murat Yılmaz, Javatage 2024',
    '“Shipping Without a Test Team” — Dara Quinn',
  ])('no talk opens %s', (text) => {
    expect(talkOpenedBy(text, true)).toBeNull();
  });
});

describe('titles linked to their recordings inside sentences', () => {
  // Hindi notes, each talk's English title a link to its recording or slides inside a Hindi sentence.
  const hindi = page(
    `<div class="note"><h1>मेरे नोट्स — बेंगलुरु 2025</h1>
    <div>ये नोट्स मैंने अपनी टीम के लिए लिखे हैं। पूरा कार्यक्रम <a href="https://event.example.in/">वेबसाइट</a> पर है।</div>
    <div>सुबह का पहला सत्र <a href="https://video.event.example.in/2025/offline-sync">Offline Sync Without Tears</a> था, जिसे अनन्या राव ने दिया।</div>
    <div id="hi-first">अनन्या ने तीन महीने तक हर टकराव का रिकॉर्ड रखा। अनन्या के अनुसार सबसे मुश्किल हिस्सा परीक्षण था।</div>
    <div>मैं सोचता हूँ कि हमें भी अपने ऐप में यही करना चाहिए, क्योंकि हमारे उपयोगकर्ता अक्सर बिना नेटवर्क के काम करते हैं।</div>
    <div>इसके बाद रोहित मल्होत्रा ने <a href="https://www.youtube.com/watch?v=abc123">Profiling Android on Cheap Phones</a> पर बात की, जो दिन का सबसे उपयोगी सत्र था।</div>
    <div id="hi-second">रोहित ने दिखाया कि सबसे बड़ा अंतर तस्वीरों के आकार से पड़ा। रोहित ने मंच पर तीन फ़ोन रखे।</div>
    <div>हमने अगले ही दिन अपने ऐप में तस्वीरों का आकार जाँचा और वही समस्या मिली, जो उन्होंने मंच पर दिखाई थी।</div>
    <div>आखिरी सत्र की स्लाइड्स का शीर्षक <a href="https://slides.example.in/meera/search">Search Relevance for Indian Languages</a> है, और रिकॉर्डिंग अभी नहीं आई।</div>
    <div id="hi-third">उन्होंने बताया कि लिप्यंतरण सबसे कठिन हिस्सा है।</div>
    <div>मैं उनकी टीम का डेटा सेट आज़माना चाहता हूँ, जब वह अगले साल सबके लिए खुलेगा।</div>
    </div>`,
    'मेरे नोट्स — बेंगलुरु 2025',
  );

  it('takes each linked title as a talk that runs to the next, with the people its sentence names and its notes name again', () => {
    // The last sentence names no one: no speaker rather than a phrase.
    expect(titles(hindi)).toEqual([
      ['Offline Sync Without Tears', ['अनन्या राव']],
      ['Profiling Android on Cheap Phones', ['रोहित मल्होत्रा']],
      ['Search Relevance for Indian Languages', []],
    ]);
    expect(filed(hindi, 'hi-first')).toBe('Offline Sync Without Tears');
    expect(filed(hindi, 'hi-second')).toBe('Profiling Android on Cheap Phones');
    expect(filed(hindi, 'hi-third')).toBe('Search Relevance for Indian Languages');
  });

  it('reads a link only when it goes to a recording or slides, is title-shaped and stands in a sentence', () => {
    const div = (html: string) => fragment(`<div>${html}</div>`);
    expect(
      linkedTitleIn(div('Ayer vimos <a href="https://vimeo.com/1">Cache Sin Dolor</a> con mucha gente.')),
    ).toBe('Cache Sin Dolor');
    expect(
      linkedTitleIn(
        div('Ayer leímos <a href="https://blog.example/post">Cache Sin Dolor</a> con mucha gente.'),
      ),
    ).toBeNull();
    expect(
      linkedTitleIn(div('Mira <a href="https://vimeo.com/1">este vídeo</a> y luego vuelve aquí otra vez.')),
    ).toBeNull();
    expect(linkedTitleIn(div('<a href="https://vimeo.com/1">Cache Sin Dolor</a>'))).toBeNull();
  });

  it('finds no talk where only two linked titles stand on a page with no conference word', () => {
    const two = page(
      `<div class="note"><h1>Dimanche</h1>
      <p>Le matin j'ai regardé <a href="https://www.youtube.com/watch?v=1">Jardins de Bretagne</a> avec ma sœur.</p>
      <p>Le soir nous avons vu <a href="https://vimeo.com/2">Les Phares du Nord</a> avant de dormir.</p></div>`,
      'Dimanche',
    );
    expect(titles(two)).toEqual([]);
  });
});

describe('lines that name their speakers, on a page with no conference word detection knows', () => {
  // Persian: a post of lines; talks start at emoji lines, one naming its speaker in parentheses only.
  const persian = page(
    `<div role="article"><div dir="auto">یادداشت‌های من از رویداد دیروز 📝</div>
    <div dir="auto">سالن خیلی شلوغ بود و فقط چند ارائه را دیدم، ولی همه ارزشش را داشتند و یادداشت برداشتم.</div>
    <div dir="auto">🔸 Shipping Kotlin to Production — سارا احمدی</div>
    <div dir="auto" id="fa-first">سارا گفت که تیمش یک سال طول کشید تا همه صفحه‌ها را منتقل کند و هنوز دو صفحه مانده است که هیچ‌کس جرئت دست زدن به آن‌ها را ندارد.</div>
    <div dir="auto">🔸 «امنیت اپلیکیشن‌های موبایل در عمل» (مریم کریمی)</div>
    <div dir="auto" id="fa-second">گفت نیمی از برنامه‌هایی که امسال بررسی کرده دست‌کم یک کلید داشتند که در کمتر از ده دقیقه پیدا می‌شد و می‌شد از آن سوءاستفاده کرد.</div>
    <div dir="auto">🔸 State Hoisting in Practice — علی رضایی</div>
    <div dir="auto" id="fa-third">علی نشان داد که چرا وضعیت را باید بالا نگه داشت و کجا پایین آورد، و چند مثال از اپلیکیشن خودشان آورد که همه را خنداند.</div>
    </div>`,
    'یادداشت‌های من',
  );

  it('takes the lines as talks, the parenthesised names too where the other lines name theirs', () => {
    expect(titles(persian)).toEqual([
      ['Shipping Kotlin to Production', ['سارا احمدی']],
      ['امنیت اپلیکیشن‌های موبایل در عمل', ['مریم کریمی']],
      ['State Hoisting in Practice', ['علی رضایی']],
    ]);
    expect(filed(persian, 'fa-second')).toBe('امنیت اپلیکیشن‌های موبایل در عمل');
  });

  it('finds none where the notes never name those people again (dishes and their cooks)', () => {
    // Swahili recipes, their cooks named by capitals as speakers would be.
    const recipes = page(
      `<div role="article"><div dir="auto">Mapishi ya wiki hii 📝</div>
      ${[
        [
          'Keki ya limau — Neema Mushi',
          'Keki inahitaji saa moja kwenye friji ili krimu ishike vizuri, la sivyo itayeyuka ukikata.',
        ],
        [
          'Mkate wa tini — Baraka Otieno',
          'Kanda unga usiku uliopita na asubuhi ongeza tini kavu na karanga kidogo hadi ulainike.',
        ],
        [
          'Jamu ya plamu — Zawadi Kilonzo',
          'Pika plamu pamoja na maganda ili rangi iwe nyekundu, na ongeza sukari kidogo kidogo.',
        ],
      ]
        .map(([line, notes]) => `<div dir="auto">🔸 ${line}</div><div dir="auto">${notes}</div>`)
        .join('')}
      </div>`,
      'Mapishi ya wiki hii',
    );
    expect(titles(recipes)).toEqual([]);
  });

  it('keeps the names in parentheses after a quoted title as a caseless reading', () => {
    expect(parseTalkTitle('«امنیت در عمل» (مریم کریمی)').caseless).toEqual({
      title: 'امنیت در عمل',
      speakers: ['مریم کریمی'],
    });
  });
});

describe('a speaker label opening a talk body, names in a script without letter case', () => {
  // A wiki's story river: each talk a frame, its heading, a date line, tags, then a body wrapper.
  const frame = (title: string, body: string) =>
    `<div class="frame"><div class="titlebar"><h2>${title}</h2></div>
    <div class="subtitle">דנה 12 במרץ</div><div class="tags"><span>כנס</span></div>
    <div class="body">${body}</div></div>`;
  const notes = (id: string, text: string) =>
    `<p id="${id}">${text} ${'זה היה חלק מעניין מאוד בהרצאה והקהל שאל הרבה שאלות. '.repeat(8)}</p>`;
  const hebrew = page(
    `<section class="river">
    ${frame('כנס המפתחים 2025 — סיכום', '<p>כתבתי טידלר לכל הרצאה, לפי הסדר שבו ישבתי בהן.</p>')}
    ${frame('Caching בלי כאב ראש', `<p>מרצה: <a href="#x">שירה לוי</a>, מובילת צוות.</p>${notes('he-first', 'שירה הראתה איך מחקו חצי מהמטמון.')}`)}
    ${frame('הפסקת צהריים', notes('he-lunch', 'האוכל היה טוב.'))}
    ${frame('Testing at the Edge', `<p>מרצות: <a href="#y">מיכל כץ</a> ו<a href="#z">נועה רון</a>.</p>${notes('he-second', 'מיכל הדגימה בדיקות על שלושה שרתים.')}`)}
    </section>`,
    'כנס המפתחים 2025 — סיכום',
  );

  it('reads the label line at the head of the body and the names after it', () => {
    expect(titles(hebrew)).toEqual([
      ['Caching בלי כאב ראש', ['שירה לוי']],
      ['Testing at the Edge', ['מיכל כץ', 'נועה רון']],
    ]);
    expect(filed(hebrew, 'he-first')).toBe('Caching בלי כאב ראש');
    expect(filed(hebrew, 'he-lunch')).toBeNull();
  });

  it.each([
    ['מרצה: שירה לוי, מובילת צוות.', ['שירה לוי']],
    ['المتحدثة: سارة محمود', ['سارة محمود']],
    ['מרצות: מיכל כץ ונועה רון.', ['מיכל כץ', 'נועה רון']],
  ])('%s', (line, people) => {
    expect(speakerLine(line)).toEqual(people);
  });

  it('splits a glued "and" only where the whole reads as no names', () => {
    expect(parseCaselessPeople('מיכל כץ ונועה רון')).toEqual(['מיכל כץ', 'נועה רון']);
    expect(parseCaselessPeople('ורד לוי')).toEqual(['ורד לוי']);
  });
});

describe('a video chapter timestamp in front of a title', () => {
  it('is taken off whole', () => {
    expect(parseTalkTitle('01:02:45 Nuxt on the Edge — Jane Doe').title).toBe('Nuxt on the Edge');
  });
});
