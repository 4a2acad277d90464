import { describe, expect, it } from 'vitest';
import { nameWords } from '@/core/schedule/names';
import { titleForm } from '@/core/schedule/normalize';
import { sessionFormat } from '@/core/schedule/session-format';
import {
  compareTitles,
  sameStem,
  sameWords,
  TITLE_SCORES,
  withoutNames,
} from '@/core/schedule/title-similarity';

const compare = (a: string, b: string, speakers: string[] = []) =>
  compareTitles(titleForm(a), titleForm(b), new Set(speakers.flatMap(nameWords)));
/** As the matcher compares: with the session-format markers of both titles as given. */
const compareFormats = (a: string, b: string) =>
  compareTitles(titleForm(a), titleForm(b), new Set(), false, {
    a: sessionFormat(titleForm(a)).key,
    b: sessionFormat(titleForm(b)).key,
  });

describe('compareTitles', () => {
  it.each([
    ['Scaling Postgres', 'scaling postgres', 'exact', 1],
    ['“Scaling Postgres”', 'Scaling Postgres', 'exact', 1],
    ['Scaling Postgres: Lessons', 'Scaling Postgres — Lessons', 'exact', 1],
    ['Microservices at Scale', 'Micro-services at Scale', 'variant', TITLE_SCORES.spacing],
    ['Scaling Postgers', 'Scaling Postgres', 'variant', 0.93],
    ['Scaling Postgres for Everyone', 'Scaling Postgres with Everyone', 'variant', TITLE_SCORES.stopwords],
    ['The Art of Profiling', 'Art of Profiling', 'variant', TITLE_SCORES.stopwords],
    // Inflections and relative pronouns count as one typo, in words of any length.
    ['The Hidden Costs of Microservices', 'The Hidden Cost of Microservices', 'variant', 0.93],
    ['Validating Everything at the Edge', 'Validate Everything at the Edge', 'variant', 0.93],
    ['Choosing Libraries for Data Science', 'Choosing a Library for Data Science', 'variant', 0.88],
    [
      'Dashboards for People Who Hate Dashboards',
      'Dashboards for People That Hate Dashboards',
      'variant',
      0.93,
    ],
    ['Scaling PostgreSQL to 10M Users', 'Scaling Postgres to 10M Users', 'exact', 1],
    // English tens read as digits (session 14).
    ['Twenty Years of pkgsrc on Weird Hardware', '20 Years of pkgsrc on Weird Hardware', 'exact', 1],
    // A unit written apart or together is the same number.
    ['Zero-Downtime Migrations on a 2 TB Table', 'Zero-Downtime Migrations on a 2TB Table', 'variant', 0.98],
    ['Staff+ Engineering in Practice', 'Staff-Plus Engineering in Practice', 'exact', 1],
    // A number in digits, with a "k" or an "M", with separators or written out is the same number.
    ['Serving 25,000 Tenants from One Cluster', 'Serving 25k Tenants from One Cluster', 'exact', 1],
    ['Indexing 40 Million Documents on a Laptop', 'Indexing 40M Documents on a Laptop', 'exact', 1],
    ['Twintig jaar Kotlin in productie', '20 jaar Kotlin in productie', 'exact', 1],
    // "A" is "one": as one typo.
    ['Rust in Anger: A Decade of Embedded', 'Rust in Anger: One Decade of Embedded', 'variant', 0.93],
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
    ['Twenty Years of pkgsrc', '30 Years of pkgsrc'],
    ['Frontend Testing', 'Backend Testing'],
    ['React Performance', 'Reach Performance'],
    ['Why Rust', 'How Rust'],
    ['Rust for Python Developers', 'Python for Rust Developers'],
    ['Moving from Java to Kotlin', 'Moving to Java from Kotlin'],
    ['Life with Kubernetes', 'Life without Kubernetes'],
    ['Zero-Downtime Migrations on a 4GB Table', 'Zero-Downtime Migrations on a 4TB Table'],
    ['Zero-Downtime Migrations on a 10 TB Table', 'Zero-Downtime Migrations on a 1 TB Table'],
    ['Scaling Postgres to 10M Users', 'Scaling ClickHouse to 10M Users'],
    ['New Features in Rust', 'News Features in Rust'],
    ['Indexing 40 Million Documents', 'Indexing 4M Documents'],
    ['Serving 25k Tenants', 'Serving 250 Tenants'],
    ['Rust in Anger: A Decade of Embedded', 'Rust in Anger: Two Decades of Embedded'],
    ['Scaling PostGIS to 10M Users', 'Scaling Postgres to 10M Users'],
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

describe('compareTitles: near titles (one written word inserted or dropped)', () => {
  it.each([
    ['Debugging Memory Leaks in Production', 'Debugging Python Memory Leaks in Production', 'a'],
    ['Debugging Python Memory Leaks in Production', 'Debugging Memory Leaks in Production', 'b'],
    ['Concurrency Patterns Revisited', 'Go Concurrency Patterns Revisited', 'a'],
    ['Testing Systems Without Tears', 'Testing Event-Driven Systems Without Tears', 'a'],
    ['Migrating a Monolith to Microfrontends', 'Migrating a Next.js Monolith to Microfrontends', 'a'],
    ['Securing CI Pipelines at Scale', 'Securing GitHub CI Pipelines at Scale', 'a'],
    ['Observability Budgets for Platform Teams', 'Observability Budgets for Small Platform Teams', 'a'],
    // Inflections of the shared words do not count as the difference.
    ['Building Resilient Event Pipeline', 'Building Resilient Kafka Event Pipelines', 'a'],
  ] as const)('%s / %s', (a, b, shorter) => {
    expect(compare(a, b)).toEqual({ relation: 'near', score: TITLE_SCORES.near, shorter });
  });

  it.each([
    // Added at the end: a longer title, weighed by the prefix tiers.
    ['Intro to Rust', 'Intro to Rust Macros'],
    ['Async Rust in Practice', 'Async Rust in Practice Today'],
    // Two words that are not one written word; or two places.
    ['Building Resilient Event Pipelines', 'Building Highly Resilient Kafka Event Pipelines'],
    ['Testing Systems Without Tears', 'Testing Event Driven Systems Without Tears'],
    ['Building Resilient Event Pipelines', 'Building Resilient Kafka Event Processing Pipelines'],
    // Other stopwords around the same content words: another title.
    ['Feature Flags with Node.js', 'The State of Feature Flags in Node.js'],
    ['Chaos Engineering with AI', 'The State of Chaos Engineering in AI'],
    // A negation or a number makes another talk.
    ['Shipping Features With Feature Flags', 'Shipping Features Without Feature Flags'],
    ['Scaling Postgres Read Replicas', 'Scaling Postgres 16 Read Replicas'],
    // A word changed, or too short a title to tell.
    ['Scaling Postgres to 10M Users', 'Scaling ClickHouse to 10M Users'],
    ['Rust Macros', 'Declarative Rust Macros'],
  ])('%s / %s are not near', (a, b) => {
    const s = compare(a, b);
    expect(s.relation).not.toBe('near');
    expect(s.score).toBeLessThan(TITLE_SCORES.near);
  });
});

describe('compareTitles: one main title, subtitles that say the same (session 13)', () => {
  it.each([
    [
      'Observability Budgets: Paying Only for the Signals You Use',
      'Observability Budgets: Pay Only for the Signals You Use',
    ],
    [
      'Flaky Tests Are Mostly Order-Dependent: A Study of 3,000 Projects',
      'Flaky Tests Are Mostly Order-Dependent: An Empirical Study of 3,000 Open-Source Projects',
    ],
    ['PythonとRustの境界線：PyO3で拡張を書く', 'PythonとRustの境界線 - PyO3で拡張モジュールを書く'],
  ])('%s / %s are near', (a, b) => {
    expect(compare(a, b)).toMatchObject({ relation: 'near', score: TITLE_SCORES.near });
  });

  it.each([
    // A word changed, a number or a negation: another talk of the series.
    [
      'Kubernetes Security: What We Got Right in Production',
      'Kubernetes Security: What We Got Wrong in Production',
    ],
    ['Rust in Anger: A Decade of Embedded', 'Rust in Anger: Two Decades of Embedded'],
    ['Observability Budgets: Lessons from 2023', 'Observability Budgets: Lessons from 2024'],
    ['Scaling Postgres: Life with Partitioning', 'Scaling Postgres: Life without Partitioning'],
    [
      'Scaling Postgres: Moving from Citus to Partitioning',
      'Scaling Postgres: Moving to Citus from Partitioning',
    ],
    // More than three words added to the subtitle, a subtitle of one word, or a main title that is a slot.
    [
      'Scaling Postgres: A Study of Partitioning',
      'Scaling Postgres: A Study of Partitioning Across Four Continents and Nine Regions',
    ],
    ['Kubernetes Security: Primer', 'Kubernetes Security: A Short Primer'],
    ['Keynote: Lessons from Production Incidents', 'Keynote: Lessons from Production Outages'],
  ])('%s / %s are not near', (a, b) => {
    const s = compare(a, b);
    expect(s.relation).not.toBe('near');
    expect(s.score).toBeLessThan(TITLE_SCORES.near);
  });
});

describe('compareTitles: a session-format marker on one side', () => {
  it.each([
    ['Observability for Busy Teams', 'Observability for Busy Teams (Workshop)', 'a'],
    ['Observability for Busy Teams', 'Hands-on Lab: Observability for Busy Teams', 'a'],
    ['Securing Your Supply Chain', 'Securing Your Supply Chain (Repeat)', 'a'],
    ['Securing Your Supply Chain (Tutorial)', 'Securing Your Supply Chain', 'b'],
    ['Scaling Postgres', 'Scaling Postgres (Part 2)', 'a'],
    // With a subtitle dropped as well.
    [
      'Alert Fatigue Is a Design Problem',
      'Alert Fatigue Is a Design Problem: A Hands-on Review (Workshop)',
      'a',
    ],
  ] as const)('%s / %s: format, not subtitle', (a, b, shorter) => {
    expect(compareFormats(a, b)).toEqual({ relation: 'format', score: TITLE_SCORES.format, shorter });
    // Without the markers' say, dropping one reads as a dropped subtitle.
    expect(compare(a, b).score).toBeGreaterThan(TITLE_SCORES.format);
  });

  it.each([
    ['eBPF Observability', 'eBPF Observability Deep Dive', 'a'],
    ['Kubernetes Security Training', 'Kubernetes Security', 'b'],
    ['A Deep Dive into Service Meshes', 'Service Meshes', 'b'],
  ] as const)('%s / %s: a marker opening or closing the title', (a, b, shorter) => {
    expect(compareFormats(a, b)).toEqual({ relation: 'format', score: TITLE_SCORES.format, shorter });
  });

  it.each([
    ['Operators', 'Operators (Part 2)', TITLE_SCORES.weak],
    ['Operators from Scratch (Part 1)', 'Operators from Scratch (Part 2)', TITLE_SCORES.weak],
    ['Observability Workshop', 'Observability Dashboards', TITLE_SCORES.weak],
  ])('%s / %s: at most %s', (a, b, score) => {
    expect(compareFormats(a, b).score).toBeLessThanOrEqual(score);
  });

  it('compares titles with the same markers as any others', () => {
    expect(compareFormats('Observability Workshop', 'Observability (Workshop)')).toMatchObject({
      relation: 'exact',
      score: 1,
    });
    expect(compareFormats('Operators from Scratch, Part 2', 'Operators from Scratch (Part 2)').score).toBe(1);
  });

  it('caps the form whose marker talk detection took off ("Workshop: X" read as "X")', () => {
    const capped = compareTitles(
      titleForm('Service Mesh Basics'),
      titleForm('Service Mesh Basics'),
      new Set(),
      false,
      {
        a: '',
        b: 'hands-on',
      },
    );
    expect(capped).toEqual({ relation: 'format', score: TITLE_SCORES.format, shorter: 'a' });
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

describe('sameStem', () => {
  it.each([
    ['costs', 'cost'],
    ['validating', 'validate'],
    ['validated', 'validates'],
    ['processes', 'process'],
    ['libraries', 'library'],
    ['things', 'thing'],
    ['caching', 'caches'],
  ])('%s / %s are one word', (a, b) => expect(sameStem(a, b)).toBe(true));
  it.each([
    ['news', 'new'],
    ['typed', 'type'],
    ['rust', 'rest'],
    ['go', 'goes'],
    ['cost', 'cost'],
    ['3tb', '3tbs'],
  ])('%s / %s are not', (a, b) => expect(sameStem(a, b)).toBe(false));
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
