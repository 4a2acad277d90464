// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { comparePeople, compareSpeakers, nameWords } from '@/core/schedule/names';

describe('nameWords', () => {
  it.each([
    ['Jane Doe', ['jane', 'doe']],
    ['Dr. José Núñez-Pérez', ['jose', 'nunez', 'perez']],
    ['Doe, Jane', ['doe', 'jane']],
    ['J. R. Smith', ['j', 'r', 'smith']],
    ["Conan O'Brien", ['conan', 'obrien']],
    ['佐伯 真理子さん', ['佐伯', '真理子']],
  ])('%s', (name, expected) => expect(nameWords(name)).toEqual(expected));
});

describe('comparePeople', () => {
  it.each([
    ['Jane Doe', 'Jane Doe', 'same'],
    ['jane doe', 'JANE DOE', 'same'],
    ['José Núñez', 'Jose Nunez', 'same'],
    ['Doe, Jane', 'Jane Doe', 'same'],
    ['J. Doe', 'Jane Doe', 'same'],
    ['Jane Q. Doe', 'Jane Doe', 'same'],
    ['Dr. Jane Doe', 'Jane Doe', 'same'],
    ['Jörg Müller', 'Joerg Mueller', 'same'],
    ['Tomasz Wrzesień', 'Tomasz Wrzesien', 'same'],
    ['Saeki Mariko', 'Mariko Saeki', 'same'],
    ['佐伯真理子', '佐伯 真理子', 'same'],
    ['林美咲', '林美咲', 'same'],
    ['김지은', '김지은', 'same'],
    ['Jane', 'Jane Doe', 'partial'],
    ['@orlakeating', 'Orla Keating', 'same'], // a handle, as a write-up names its speaker
    ['@tessaq', 'Tessa Quinlan', 'same'],
    ['@sade_codes', 'Sade Adeyemi', 'same'],
    ['@tessaq', '@tessaq', 'same'],
    ['@tessaq', 'Tessa Keating', 'none'],
    ['@jd', 'Jane Doe', 'none'],
    ['Doe', 'Jane Doe', 'partial'],
    ['Jane Doe', 'Jane Smith', 'none'],
    ['Jane Doe', 'John Doe', 'none'],
    ['J. D.', 'Jane Doe', 'none'],
    ['K. Doe', 'Jane Doe', 'none'],
    ['Ana Lee', 'Anna Leeds', 'none'],
    // A short form of the first name, with the same family name.
    ['Dev Patel', 'Devendra Patel', 'same'],
    ['Ken Adams', 'Kenneth Adams', 'same'],
    ['Alex Moreau', 'Alexandra Moreau', 'same'],
    ['Emeka Obi', 'Chukwuemeka Obi', 'same'],
    ['Tina Rossi', 'Christina Rossi', 'same'],
    ['Bob Smith', 'Robert Smith', 'same'],
    ['Liz Warren', 'Elizabeth Warren', 'same'],
    ['Sasha Petrova', 'Alexandra Petrova', 'same'],
    ['Jörg Müller', 'Jörgen Müller', 'same'],
    ['Jo Berg', 'Johanna Berg', 'partial'],
    // Polish everyday forms.
    ['Ola Nowak', 'Aleksandra Nowak', 'same'],
    ['Bartek Lis', 'Bartłomiej Lis', 'same'],
    ['Kasia Wiśniewska', 'Katarzyna Wiśniewska', 'same'],
    ['Gosia Król', 'Małgorzata Król', 'same'],
    ['Ola Nowak', 'Aleksandra Kowalska', 'none'],
    ['Bartek Lis', 'Bartosz Lis', 'none'],
    // Not with another family name, a shortened family name, or a first name that is no short form.
    ['Dev Patel', 'Devendra Shah', 'none'],
    ['Anna Lee', 'Anna Leeds', 'none'],
    ['Bob Smith', 'Robert Jones', 'none'],
    ['Jo Berg', 'Jonas Lindberg', 'none'],
    ['Mike Chen', 'Mika Chen', 'none'],
    ['Emeka Obi', 'Eke Obi', 'none'],
    ['Patel Dev', 'Shah Devendra', 'none'],
    // A first name alone, shortened: the first name only, so partly.
    ['Sam', 'Samantha Okafor', 'partial'],
    ['Rob', 'Robert Fenwick', 'partial'],
    ['Sam', 'Okafor Samantha', 'none'],
    ['Sa', 'Samantha Okafor', 'none'],
    // A handle that is a first or family name alone names the person only so far; with more parts, in full.
    ['@greta', 'Greta Lindqvist', 'partial'],
    ['greta_builds', 'Greta Lindqvist', 'same'],
    ['@lindqvist.dev', 'Greta Lindqvist', 'same'],
    ['@nightowl42', 'Greta Lindqvist', 'none'],
  ] as const)('%s / %s: %s', (a, b, expected) => {
    expect(comparePeople(nameWords(a), nameWords(b))).toBe(expected);
    expect(comparePeople(nameWords(b), nameWords(a))).toBe(expected);
  });
});

describe('compareSpeakers', () => {
  const list = (...names: string[]) => names.map(nameWords);
  it.each([
    [[], ['Jane Doe'], 'unknown'],
    [['Jane Doe'], [], 'unknown'],
    [['Jane Doe'], ['Jane Doe', 'John Roe'], 'agree'],
    [['John Roe', 'Ann Lee'], ['Jane Doe', 'John Roe'], 'agree'],
    [['Jane'], ['Jane Doe'], 'partial'],
    [['Bob Smith'], ['Jane Doe', 'John Roe'], 'disagree'],
    [['Dev Patel'], ['Devendra Patel'], 'agree'],
    [['Jo Berg', 'Ken Adams'], ['Johanna Berg'], 'partial'],
    // A handle that spells nobody says nothing against the schedule's speakers; a name beside it does.
    [['@nightowl42'], ['Greta Lindqvist'], 'unknown'],
    [['pixel_witch'], ['Greta Lindqvist', 'Omar Haddad'], 'unknown'],
    [['@nightowl42', 'Bo Chen'], ['Greta Lindqvist'], 'disagree'],
    [['@greta'], ['Greta Lindqvist'], 'partial'],
  ] as const)('%j / %j: %s', (a, b, expected) => {
    expect(compareSpeakers(list(...a), list(...b))).toBe(expected);
  });
});
