import { describe, expect, it } from 'vitest';
import { nameWords } from '@/core/schedule/names';
import { titleForm } from '@/core/schedule/normalize';
import { compareTitles, sameWords, TITLE_SCORES, withoutNames } from '@/core/schedule/title-similarity';

const compare = (a: string, b: string, speakers: string[] = []) =>
  compareTitles(titleForm(a), titleForm(b), new Set(speakers.flatMap(nameWords)));

describe('compareTitles', () => {
  it.each([
    ['Scaling Postgres', 'scaling postgres', 'exact', 1],
    ['“Scaling Postgres”', 'Scaling Postgres', 'exact', 1],
    ['Scaling Postgres: Lessons', 'Scaling Postgres — Lessons', 'exact', 1],
    ['Microservices at Scale', 'Micro-services at Scale', 'variant', TITLE_SCORES.spacing],
    ['Scaling Postgers', 'Scaling Postgres', 'variant', 0.93],
    ['Scaling Postgres for Everyone', 'Scaling Postgres with Everyone', 'variant', TITLE_SCORES.stopwords],
    ['The Art of Profiling', 'Art of Profiling', 'variant', TITLE_SCORES.stopwords],
    [
      'Kubernetes Security',
      'Kubernetes Security: Lessons from Production',
      'subtitle',
      TITLE_SCORES.subtitle,
    ],
    [
      'Kubernetes Security: Lessons from Production',
      'Kubernetes Security',
      'subtitle',
      TITLE_SCORES.subtitle,
    ],
    ['Rust', 'Rust: The Good Parts', 'subtitle', TITLE_SCORES.weak],
    [
      'Building a Search Engine in Rust',
      'Weekend Project: Building a Search Engine in Rust',
      'subtitle',
      TITLE_SCORES.leadingPartDropped,
    ],
    ['Scaling Postgres', 'Day 1: Scaling Postgres', 'subtitle', TITLE_SCORES.subtitle],
    ['Scaling Postgres', 'Friday Fun: Scaling Postgres', 'subtitle', TITLE_SCORES.weak],
    ['Operators', 'Operators (Part 2)', 'subtitle', TITLE_SCORES.weak],
    ['Scaling Postgres', 'Scaling Postgres (Part 2)', 'subtitle', TITLE_SCORES.subtitle],
    [
      'Kubernetes Security: A Primer',
      'Kubernetes Security: Lessons from Production',
      'main-title',
      TITLE_SCORES.mainTitle,
    ],
    ['Scaling Postgres', 'Scaling Postgres to 10M Users', 'prefix', TITLE_SCORES.prefix],
    ['Scaling Postgres to 10M Users', 'Scaling Postgres', 'prefix', TITLE_SCORES.extended],
    // Not distinctive enough to be weighed as a shortened title: scored by the words it shares (2 of 3).
    ['Intro to Rust', 'Intro to Rust Macros', 'prefix', TITLE_SCORES.overlap * 0.8],
    ['Rust', 'Rust Macros', 'prefix', TITLE_SCORES.weak],
  ])('%s / %s: %s', (a, b, relation, score) => {
    const s = compare(a, b);
    expect(s.relation).toBe(relation);
    expect(s.score).toBeCloseTo(score, 5);
  });

  it.each([
    ['Intro to Rust', 'Intro to Rest'],
    ['Python 2 Migration', 'Python 3 Migration'],
    ['Operators (Part 1)', 'Operators (Part 2)'],
    ['Scaling to 10M Users', 'Scaling to 1M Users'],
    ['Frontend Testing', 'Backend Testing'],
    ['React Performance', 'Reach Performance'],
    ['Why Rust', 'How Rust'],
    ['Rust for Python Developers', 'Python for Rust Developers'],
    ['Moving from Java to Kotlin', 'Moving to Java from Kotlin'],
    ['Life with Kubernetes', 'Life without Kubernetes'],
  ])('%s / %s are different titles', (a, b) => {
    expect(compare(a, b).score).toBeLessThanOrEqual(TITLE_SCORES.overlap);
  });

  it.each([
    ['Scaling Postgres by Jane Doe', 'Scaling Postgres', ['Jane Doe']],
    ['Jane Doe: Scaling Postgres', 'Scaling Postgres', ['Jane Doe']],
    ["Jane Doe's Scaling Postgres", 'Scaling Postgres', ['Jane Doe']],
    ['Scaling Postgres (Jane Doe, Acme Corp)', 'Scaling Postgres', ['Jane Doe']],
    ['Scaling Postgres with Jane', 'Scaling Postgres', ['Jane Doe']],
    ['Scaling Postgres - Jane Doe & John Roe', 'Scaling Postgres', ['Jane Doe', 'John Roe']],
  ])('%s is %s once the speakers are taken out', (a, b, speakers) => {
    expect(compare(a, b, speakers)).toMatchObject({ relation: 'exact', score: 1 });
    expect(compare(a, b).relation).not.toBe('exact');
  });

  it('takes a title cut with an ellipsis as the start of the other, its last word cut too', () => {
    const cut = (a: string, b: string) => compareTitles(titleForm(a), titleForm(b), new Set(), true);
    expect(cut('Scaling Postgres to 10M Us…', 'Scaling Postgres to 10M Users')).toMatchObject({
      relation: 'prefix',
      score: TITLE_SCORES.truncated,
      shorter: 'a',
    });
    expect(cut('Scaling Postgres…', 'Scaling Postgres to 10M Users').score).toBe(TITLE_SCORES.truncated);
    expect(cut('Scaling Postgres to 1…', 'Scaling Postgres to 10M Users').score).toBe(TITLE_SCORES.truncated);
    expect(cut('Scaling Postgres on…', 'Scaling Postgres to 10M Users').score).toBeLessThan(
      TITLE_SCORES.prefix,
    );
    expect(cut('Rust…', 'Rust in Production').score).toBe(TITLE_SCORES.weak);
  });

  it('says which side could be the other shortened', () => {
    expect(compare('Intro to Rust', 'Intro to Rust Macros').shorter).toBe('a');
    expect(compare('Intro to Rust Macros', 'Intro to Rust').shorter).toBe('b');
    expect(compare('Kubernetes Security', 'Kubernetes Security: Lessons').shorter).toBe('a');
    expect(compare('Scaling Postgres', 'Scaling Postgres').shorter).toBeNull();
    expect(compare('Operators (Part 1)', 'Operators (Part 2)').shorter).toBeNull();
  });
});

describe('withoutNames', () => {
  const strip = (title: string, speakers: string[]) =>
    withoutNames(titleForm(title), new Set(speakers.flatMap(nameWords))).map((s) => s.words.join(' '));
  it.each([
    ['Grace Hopper and the Compiler', ['Grace Hopper'], ['and the compiler']],
    ['Amazing Grace', ['Grace Hopper'], ['amazing grace']],
    ['Data de la Science', ['Ana de la Cruz'], ['data de la science']],
    ['Jane Doe', ['Jane Doe'], ['jane doe']],
  ])('%s without %j', (title, speakers, expected) => expect(strip(title, speakers)).toEqual(expected));
});

describe('sameWords', () => {
  it('never takes a typo in a short word, a number or an unspaced word under six characters', () => {
    expect(sameWords(['rust', 'macros'], ['rest', 'macros'])).toBe(0);
    expect(sameWords(['python', '3.11'], ['python', '3.12'])).toBe(0);
    expect(sameWords(['型ヒント入門'], ['型ヒント入力'])).toBeGreaterThan(0);
    expect(sameWords(['型ヒント'], ['型ヒンツ'])).toBe(0);
  });
  it('allows one typo in a short title, two in a longer one', () => {
    expect(sameWords(['scalling', 'postgers'], ['scaling', 'postgres'])).toBe(0);
    expect(
      sameWords(['scalling', 'postgers', 'across', 'regions'], ['scaling', 'postgres', 'across', 'regions']),
    ).toBeGreaterThan(0);
  });
});
