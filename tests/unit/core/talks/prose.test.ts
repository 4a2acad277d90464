// @vitest-environment node
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectTalkSections, talkForNode } from '@/core/talks';
import {
  opensWithBreak,
  talkIntroducedIn,
  talkOpening,
  talksIntroducedIn,
  tellsOfAnotherTalk,
} from '@/core/talks/prose';

describe('talkIntroducedIn', () => {
  it.each([
    [
      '5/ Next up, @ruudkl (Ruud Klaassen) on “Drift Is a People Problem”.',
      'Drift Is a People Problem',
      ['Ruud Klaassen'],
    ],
    [
      'Closing talk: @lotte_ux (Lotte Verhoeven) on “Dashboards for Humans”.',
      'Dashboards for Humans',
      ['Lotte Verhoeven'],
    ],
    [
      'De dag begon met de keynote van Daan Verbeek, ‘Twintig jaar Java’, een persoonlijk verhaal.',
      'Twintig jaar Java',
      ['Daan Verbeek'],
    ],
    [
      'Ik bleef voor Sanne Bakker, die in ‘Records en sealed classes’ liet zien hoe het moet.',
      'Records en sealed classes',
      ['Sanne Bakker'],
    ],
    [
      'Het laatste blok was van Lotte Visser en Ahmed El Amrani, die in ‘Modulith in een monoliet’ vertelden hoe.',
      'Modulith in een monoliet',
      ['Lotte Visser', 'Ahmed El Amrani'],
    ],
    [
      'Then Jane Doe with "Scaling Postgres Calmly" had the room laughing.',
      'Scaling Postgres Calmly',
      ['Jane Doe'],
    ],
    [
      'Am Nachmittag sprach Jonas Reiter über „Builds ohne Warten“ und zeigte Zahlen.',
      'Builds ohne Warten',
      ['Jonas Reiter'],
    ],
    [
      'Ensuite, Claire Martin avec « Le cache qui ment » nous a réveillés.',
      'Le cache qui ment',
      ['Claire Martin'],
    ],
    ['午後は山田 花子さんの「チームと育つコード」を聞きました。', 'チームと育つコード', ['山田 花子']],
  ])('%s', (text, title, speakers) => {
    expect(talkIntroducedIn(text)).toEqual({ title, speakers });
  });

  it.each([
    'Jane Doe said “We never expected the network to grow this large.”',
    'Jane Doe: “We never expected this”',
    'As the mayor, Mara Holt, put it: “Nobody pays for goodwill”.',
    'I re-read “The Mythical Man-Month” on the train.',
    'Mijn collega Joris zat bij een talk over GraalVM native images.',
    'The reviewer, Tom Reyes, “loved it”.',
    'Then came “Dashboards for Humans”, which nobody introduced.',
  ])('%s introduces no talk', (text) => {
    expect(talkIntroducedIn(text)).toBeNull();
  });
});

describe('opensWithBreak', () => {
  it.each([
    '8/ Coffee break ☕. The stroopwafels are gone already.',
    'Lunch 🥪. Hallway observation: everyone is migrating.',
    '13/ Ignites! Five minutes, twenty slides.',
    "That's a wrap for day 1! Thanks to the organisers.",
    'Mittagspause. Es gab Suppe.',
  ])('%s announces a break', (text) => expect(opensWithBreak(text)).toBe(true));
  it.each([
    '10/ Her trick: start with a budget for one user journey only.',
    'She opened with a story about a lunch that went wrong, and then showed the numbers.',
    'The afternoon is open spaces, which I am not going to live-post.',
  ])('%s does not', (text) => expect(opensWithBreak(text)).toBe(false));
});

describe('tellsOfAnotherTalk', () => {
  it.each([
    'My colleague sat in another room at a talk about GraalVM native images, which I leave for his post.',
    'Mijn collega zat ondertussen in een andere zaal bij een talk over GraalVM native images.',
    'Meanwhile half the team went to another session on Kotlin.',
    'Parallel dazu war ich in einem Vortrag über Gradle.',
    'Pendant ce temps, Léa était à une conférence sur Kafka.',
  ])('%s tells of another talk', (text) => expect(tellsOfAnotherTalk(text)).toBe(true));
  it.each([
    'It was a talk about failure more than about Java.',
    'Her talk was the best of the day, and the slides are online.',
    'In the talk she showed a sealed interface with four records.',
    'Sanne Bakker, die in ‘Records, sealed classes’ liet zien hoe je een patroon opruimt.',
  ])('%s does not', (text) => expect(tellsOfAnotherTalk(text)).toBe(false));
});

describe('talkOpening: the talk a thread message opens with', () => {
  // Names written again in the talk's notes confirm speakers in a script without letter case.
  const notes = (text: string) => (name: string) => text.includes(name.split(' ')[0] ?? name);
  it.each([
    // A title line after a lead-in.
    ['ok so. 15:30 Caching Without Tears (Hannah Pohl)', 'Caching Without Tears', ['Hannah Pohl']],
    [
      'Closing keynote: Tomás Ruiz — “Servers Are Cattle, People Are Not”',
      'Servers Are Cattle, People Are Not',
      ['Tomás Ruiz'],
    ],
    // People, a comma and an unquoted title, after a kicker or a chatty lead-in.
    [
      'Sala 3, 10:45. Marta Gil y Pau Roig, Observabilidad para equipos pequeños.',
      'Observabilidad para equipos pequeños',
      ['Marta Gil', 'Pau Roig'],
    ],
    ['hall B now — Oskar Lind, Parsing Bytes Safely', 'Parsing Bytes Safely', ['Oskar Lind']],
    [
      '🧵 2/ Last one today: Ewa Nowak and Jan Kowal, Testy, które kłamią. Full room.',
      'Testy, które kłamią',
      ['Ewa Nowak', 'Jan Kowal'],
    ],
    // A sentence introducing it: a person a few words before the quoted title, or the title first.
    [
      '1/ Opening. Ingrid Berg opens with “Boring Tech, Happy Teams” and a photo of a tractor.',
      'Boring Tech, Happy Teams',
      ['Ingrid Berg'],
    ],
    [
      'Tag 2, und der letzte Vortrag für mich: Lena Vogt über Feature-Flags, „Jede Flag ist ein Kredit“.',
      'Jede Flag ist ein Kredit',
      ['Lena Vogt'],
    ],
    [
      'Après le déjeuner : « Vos tests vous mentent » par @claire-m.',
      'Vos tests vous mentent',
      ['@claire-m'],
    ],
    ['last one for me: “Tiny Rust on Tiny Boards” from Aino (hi Aino!)', 'Tiny Rust on Tiny Boards', []],
    // A numbered post names its talk by a quoted title alone.
    [
      "3/ After coffee, Bo's talk “Arrow for Spreadsheet People”. No benchmarks.",
      'Arrow for Spreadsheet People',
      [],
    ],
    // Speakers in a script without letter case, confirmed where the notes name them again.
    [
      'بعد الاستراحة: ليلى حداد، «تصميم واجهات للهواتف الرخيصة»',
      'تصميم واجهات للهواتف الرخيصة',
      ['ليلى حداد'],
    ],
    ['הרצאה אחרונה: Streaming at the Edge (נועה)', 'Streaming at the Edge', ['נועה']],
  ])('%s', (line, title, speakers) => {
    expect(talkOpening(line, notes('ليلى بدأت … נועה הראתה'))).toEqual({ title, speakers });
  });

  it.each([
    'Lunch break. The sandwiches are excellent, the coffee is not.',
    'Jane Doe, Head of Platform at Acme, is here too.',
    'Jane Doe, CTO of Acme, says hi.',
    'anyone in the workshop? people are sitting on the floor',
    'Jane Doe said “We never expected the network to grow this large.”',
    'Venue is packed already, the queue for badges goes round the corner.',
    'ليلى حداد، مهندسة في شركة ناشئة، كانت معنا على الطاولة.',
    'Dag 2. De openingskeynote heb ik gemist door een storing.',
  ])('%s opens no talk', (line) => {
    expect(talkOpening(line, notes('ليلى'))).toBeNull();
  });
});

describe('talksIntroducedIn, nearby: a person a few words from the quoted title, in any case', () => {
  it.each([
    [
      'Prvi dan otvorila je Ana Kovač svojim keynoteom „Tiho je bolje“, i to je bilo dobro.',
      'Tiho je bolje',
      ['Ana Kovač'],
    ],
    [
      'Ostao sam za Marka Vukovića i njegovo predavanje „Monorepo bez dogme“, o tome kako.',
      'Monorepo bez dogme',
      ['Marka Vukovića'],
    ],
    ['Potem poszłam na „Testy bez mocków“ Anny Nowak i nie żałuję.', 'Testy bez mocków', ['Anny Nowak']],
    [
      'Drugi dan bila je radionica „Logovi bez krivca“ koju su vodili Ivo Babić i Eva Jurić, dvoje inženjera.',
      'Logovi bez krivca',
      ['Ivo Babić', 'Eva Jurić'],
    ],
    [
      'Am Nachmittag hielt Jonas Reiter seinen Vortrag „Builds ohne Warten“ vor vollem Saal.',
      'Builds ohne Warten',
      ['Jonas Reiter'],
    ],
  ])('%s', (text, title, speakers) => {
    expect(talksIntroducedIn(text)).toEqual([]);
    expect(talksIntroducedIn(text, true)).toEqual([{ title, speakers }]);
  });

  it.each([
    'Ich wollte „Rust für JavaScript-Leute“ hören, aber der Saal war voll.',
    'Jane Doe said it. “We never expected this to work”.',
    'Het boek „Stille software“ lag op tafel. Jan Smit las het.',
  ])('%s introduces no talk', (text) => expect(talksIntroducedIn(text, true)).toEqual([]));
});

describe('a write-up whose talks are only in its prose, titles in quotation marks (Polish)', () => {
  const doc = new JSDOM(
    `<!doctype html><html><head><title>Dwa dni w Gdańsku</title></head><body><main><h1>Dwa dni w Gdańsku</h1>
    <p id="intro">Piszę krótko, bez nagłówków. Konferencja była w tym roku większa niż zwykle.</p>
    <p>Pierwszego dnia konferencję otworzyła Anna Nowak swoim keynote’em „Cisza w aplikacjach”, i to był dobry początek. Anna prowadzi zespół od powiadomień.</p>
    <p id="a">Jej zasada: każde powiadomienie ma właściciela i datę ważności.</p>
    <p>Potem zostałem na sali głównej dla Piotra Zielińskiego i jego wystąpienia „Monorepo bez dogmatów”, o dzieleniu repozytoriów. Piotr Zieliński nie sprzedawał żadnego rozwiązania.</p>
    <p id="b">Granice repozytoriów mają iść za granicami zespołów.</p>
    <p>Drugiego dnia były warsztaty „Logi bez winnych” które prowadzili Ewa Wójcik i Jan Mazur, inżynierowie z telekomunikacji.</p>
    <p id="c">Każda grupa napisała inną historię tego samego incydentu.</p></main></body></html>`,
    { url: 'https://notes.example/2025/konferencja' },
  ).window.document;
  const filed = (id: string) =>
    talkForNode(detectTalkSections(doc), doc.getElementById(id)!.firstChild!)?.title ?? null;

  it('finds each talk, its speakers named as the sentences that open with them do', () => {
    expect(detectTalkSections(doc).map((s) => [s.title, s.speakers])).toEqual([
      ['Cisza w aplikacjach', ['Anna Nowak']],
      ['Monorepo bez dogmatów', ['Piotr Zieliński']],
      ['Logi bez winnych', ['Ewa Wójcik', 'Jan Mazur']],
    ]);
  });

  it.each([
    ['intro', null],
    ['a', 'Cisza w aplikacjach'],
    ['b', 'Monorepo bez dogmatów'],
    ['c', 'Logi bez winnych'],
  ])('files %s under %s', (id, talk) => expect(filed(id)).toBe(talk));

  it('a film festival round-up with titles in italics has no talks', () => {
    const films = new JSDOM(
      `<!doctype html><html><head><title>The best films of the festival</title></head><body><article>
      <h1>The best films of the festival</h1><p>Our critics saw forty films at the festival and its industry conference this year.</p>
      <p>Director Maria Lopez filmed <em>The Quiet Harbour</em> in secret, then premiered it at the festival.</p>
      <p>Winner of the jury prize, Tom Berg’s <em>Salt and Iron</em> is a needling comedy about the art world.</p>
      <p>Anna Kim directed <em>Call the Tide</em> with a cast of first-time actors, and it shows in the best way.</p>
      <p>All three are streaming now.</p></article></body></html>`,
      { url: 'https://news.example/films' },
    ).window.document;
    expect(detectTalkSections(films)).toEqual([]);
  });
});
