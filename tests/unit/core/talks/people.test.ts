// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  caselessName,
  isPersonName,
  nameWordRecurs,
  nominativeIn,
  parsePeople,
  stripHonorific,
} from '@/core/talks/people';

describe('isPersonName', () => {
  it.each([
    'Jane Doe',
    'Jose Manrique Lopez de la Fuente',
    'Tomasz Wrzesień',
    'Ruairí Bennett',
    'Jean-Luc Picard',
    "Conan O'Brien",
    'J. R. Smith',
    '佐伯 真理子',
    '林美咲',
    'Ludwig van Beethoven',
  ])('%s is a person', (name) => expect(isPersonName(name)).toBe(true));
  it.each([
    'Siemens',
    'Hashimoto',
    'Kestrel Cloud',
    'Hanse Logistik AG',
    'Open Source Summit',
    'Sort Of',
    'the state of play',
    'Part 1',
    'OSS',
    'Monday Morning',
    'Red Hat Software',
    'di Chiara Lombardi',
    'von Jana Novak',
  ])('%s is not', (name) => expect(isPersonName(name)).toBe(false));
});

describe('parsePeople', () => {
  it.each([
    ['Tomasz Wrzesień & Aiko Brandt (Kestrel Cloud)', ['Tomasz Wrzesień', 'Aiko Brandt']],
    ['Clara Jansen and Mo Farouk', ['Clara Jansen', 'Mo Farouk']],
    ['Priya Natarajan, Jorge Albuquerque', ['Priya Natarajan', 'Jorge Albuquerque']],
    ['Jonas Reiter und Aylin Demir (Stadtwerke)', ['Jonas Reiter', 'Aylin Demir']],
    ['Jörg Schad from Mesosphere', ['Jörg Schad']],
    ['Ana Ruiz de Acme', ['Ana Ruiz']],
    ['Sanne de Wit', ['Sanne de Wit']],
    ['Ludwig van Beethoven', ['Ludwig van Beethoven']],
    ['佐伯 真理子さん', ['佐伯 真理子']],
    ['Paweł Nowak i Anna Kowalska', ['Paweł Nowak', 'Anna Kowalska']],
    ['Игорь Петров и Ольга Смирнова', ['Игорь Петров', 'Ольга Смирнова']],
    ['Jana Nováková a Petr Svoboda', ['Jana Nováková', 'Petr Svoboda']],
    ['山田 花子さん・John Smith さん', ['山田 花子', 'John Smith']],
    // Scandinavian, Finnish, Hungarian, Romanian, Greek "and" (session 8).
    ['Sigrid Aune og Håkon Lie', ['Sigrid Aune', 'Håkon Lie']],
    ['Elsa Lindgren och Johan Ek', ['Elsa Lindgren', 'Johan Ek']],
    ['Aino Virtanen ja Mikko Laine', ['Aino Virtanen', 'Mikko Laine']],
    ['Kiss Anna és Nagy Péter', ['Kiss Anna', 'Nagy Péter']],
    ['Ioana Pop și Mihai Stan', ['Ioana Pop', 'Mihai Stan']],
  ])('%s', (text, people) => {
    expect(parsePeople(text)).toEqual(people);
  });
  it.each([
    'Siemens',
    'Jane Doe and the state of play',
    'Beta release',
    '',
    'and a Few Wins',
    'ダニエル・ブルックス・ショー',
  ])('%s names no list of people', (text) => {
    expect(parsePeople(text)).toBeNull();
  });
  it.each([
    ['Mbak Sekar', ['Sekar']],
    ['Pak Budi Santoso', ['Budi Santoso']],
    ['Mbak Sekar dan Mas Dimas', ['Sekar', 'Dimas']],
  ])('an Indonesian honorific of address names a person by the name after it: %s', (text, people) => {
    expect(parsePeople(text)).toEqual(people);
  });
  it.each([
    ['נועה לוי', 'נועה לוי'],
    ['م. هالة منصور', 'هالة منصور'],
    ['मीनाक्षी', 'मीनाक्षी'],
    ['Jane Doe', null],
    ['佐伯 真理子', null],
    ['איך הפסקנו לפחד ממיגרציות', null],
  ])('a name in a script without letter case: %s', (text, name) => {
    expect(caselessName(text)).toBe(name);
  });
  it('strips honorifics', () => {
    expect(stripHonorific('Dr. Oona Halvorsen')).toBe('Oona Halvorsen');
    expect(stripHonorific('村上 拓海さん')).toBe('村上 拓海');
  });
});

describe('nameWordRecurs', () => {
  it.each([
    // clitic: a whole word of three letters or more, a one-letter clitic before it at most.
    ['נועה לוי', 'אחר כך לנועה היה דמו', 'clitic', true],
    ['रोहित मल्होत्रा', 'रोहित ने कहा', 'clitic', true],
    ['Ana Li', 'Anaconda was mentioned', 'clitic', false],
    ['Ana Li', 'Banana and Li', 'clitic', false],
    // inflected: a stem of four letters or more and an ending, inside a sentence.
    ['Андрій Шевчук', 'Після доповіді Андрієм було показано демо', 'inflected', true],
    ['Marko Vuković', 'ostao sam za Marka Vukovića', 'inflected', true],
    ['Marko Vuković', 'Marka je bilo.', 'inflected', false],
    ['Kubernetes Operators', 'Then. Kubernetes everywhere', 'inflected', false],
    ['Ana Li', 'ana li', 'inflected', false],
  ] as const)('%s in %s (%s): %s', (name, text, how, expected) =>
    expect(nameWordRecurs(name, text, how)).toBe(expected),
  );
});

describe('nominativeIn: a name as a sentence of the text opens with it', () => {
  it.each([
    [
      'Marka Vukovića',
      'Ostao sam za Marka Vukovića i njegovo predavanje. Marko Vuković nije prodavao ništa.',
      'Marko Vuković',
    ],
    ['Lane Horvat', 'završio na „T“ Lane Horvat. Lana Horvat radi kao revizorica.', 'Lana Horvat'],
    ['Annę Nowak', 'Poszedłem na Annę Nowak. Anna Nowak pokazała demo.', 'Anna Nowak'],
    ['Ольгу Петренко', 'Слушал Ольгу Петренко. Ольга Петренко показала демо.', 'Ольга Петренко'],
    // No sentence opens with the person: the name as found.
    ['Marka Vukovića', 'Ostao sam za Marka Vukovića i njegovo predavanje.', 'Marka Vukovića'],
    // Another person whose words start alike is no other form of the name.
    ['Jane Doe', 'Janet Dorsey spoke first. Then Jane Doe.', 'Jane Doe'],
    ['Jane Doe', 'Jane Doe spoke.', 'Jane Doe'],
  ])('%s in %s: %s', (name, text, expected) => expect(nominativeIn(name, text)).toBe(expected));
});
