// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { normalizePerson, samePeople } from '@/eval/talks/people';

describe('normalizePerson', () => {
  it.each([
    ['Tomasz Wrzesień', 'tomaszwrzesien'],
    ['  TOMASZ   wrzesien ', 'tomaszwrzesien'],
    ['Fatima Zahra El-Idrissi', 'fatimazahraelidrissi'],
    ['佐伯 真理子さん', '佐伯真理子'],
    ['佐伯真理子', '佐伯真理子'],
    ['大島 悠斗氏', '大島悠斗'],
    ['Dr. Jane Doe', 'janedoe'],
    ['Prof Jane Doe', 'janedoe'],
    ['@mirelak', 'mirelak'],
    ['Ｊａｎｅ', 'jane'],
  ])('%j → %j', (name, expected) => {
    expect(normalizePerson(name)).toBe(expected);
  });

  it('keeps what makes a different person or not a person', () => {
    expect(normalizePerson('Jane Doe (Acme)')).not.toBe(normalizePerson('Jane Doe'));
    expect(normalizePerson('Jane Doe, CTO')).not.toBe(normalizePerson('Jane Doe'));
    expect(normalizePerson('Jane')).not.toBe(normalizePerson('Jane Doe'));
    // a name that merely starts like a title is not shortened
    expect(normalizePerson('Drew Miller')).toBe('drewmiller');
  });
});

describe('samePeople', () => {
  it('compares sets: order and duplicates do not matter', () => {
    expect(samePeople(['Aiko Brandt', 'Tomasz Wrzesień'], ['Tomasz Wrzesień', 'Aiko Brandt'])).toBe(true);
    expect(
      samePeople(['Aiko Brandt', 'aiko brandt', 'Tomasz Wrzesien'], ['Tomasz Wrzesień', 'Aiko Brandt']),
    ).toBe(true);
  });

  it('is wrong with a person missing, an extra entry, a company or nothing found', () => {
    expect(samePeople(['Aiko Brandt'], ['Tomasz Wrzesień', 'Aiko Brandt'])).toBe(false);
    expect(samePeople(['Aiko Brandt', 'Kestrel Cloud'], ['Aiko Brandt'])).toBe(false);
    expect(samePeople(['Fernwood Labs'], ['Marta Oyelaran'])).toBe(false);
    expect(samePeople([], ['Marta Oyelaran'])).toBe(false);
    expect(samePeople(['Tomasz Wrzesień & Aiko Brandt'], ['Tomasz Wrzesień', 'Aiko Brandt'])).toBe(false);
  });

  it('ignores empty entries; no speakers expected and none found is right', () => {
    expect(samePeople(['', 'Jo Brennan'], ['Jo Brennan'])).toBe(true);
    expect(samePeople([], [])).toBe(true);
  });
});
