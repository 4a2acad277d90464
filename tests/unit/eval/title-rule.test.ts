// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadRecapCases } from '@/eval/talks/cases';
import { normalizeTitle, titleMatches } from '@/eval/talks/title-rule';

const RECAPS = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures/recaps');

describe('normalizeTitle (README rule steps 1-4)', () => {
  it.each([
    // 1. NFKC: full-width forms become ASCII
    ['PythonとRustの境界線：PyO3で拡張を書く', 'pythonとrustの境界線:pyo3で拡張を書く'],
    ['（佐伯 真理子さん）', '(佐伯 真理子さん)'],
    ['Ｆｕｌｌ　Ｗｉｄｔｈ', 'full width'],
    // 2. every dash becomes '-'
    ['a ‐ b ‑ c ‒ d – e — f ― g − h － i', 'a - b - c - d - e - f - g - h - i'],
    // 3. every quote becomes a space (then whitespace collapses)
    ['“Glanceable” ‘x’ «y» 「z」 『w』 `v ‚u‛ „t‟ ‹s› 〝r〞', 'glanceable x y z w v u t s r'],
    // as in check.py, NFKC runs first and turns the acute accent ´ into a space and a combining accent,
    // so ´ is listed as a quote but never replaced
    ['v´', 'v \u0301'],
    ['Packaging Is Boring Now (and That’s Great)', 'packaging is boring now (and that s great)'],
    // 4. whitespace collapses, lower case, leading/trailing . : ; , and spaces trimmed
    ['  Policy\n\tas   Code  ', 'policy as code'],
    ['.:; Title ;:., ', 'title'],
    ['Wann lohnt es sich?', 'wann lohnt es sich?'],
    ['Title!', 'title!'],
    // Python's whitespace: U+001C-U+001F and U+0085 are spaces, U+FEFF is not
    ['a\u001cb\u0085c', 'a b c'],
    ['a\ufeffb', 'a\ufeffb'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeTitle(input)).toBe(expected);
  });
});

describe('titleMatches', () => {
  it('accepts the title itself, however it is dashed, quoted, spaced or cased', () => {
    expect(
      titleMatches(
        'Modulith statt Microservices - ein Erfahrungsbericht',
        'Modulith statt Microservices – ein Erfahrungsbericht',
        [],
      ),
    ).toBe(true);
    expect(titleMatches('  lazy imports IN anger. ', 'Lazy Imports in Anger', [])).toBe(true);
    expect(
      titleMatches('PythonとRustの境界線:PyO3で拡張を書く', 'PythonとRustの境界線：PyO3で拡張を書く', []),
    ).toBe(true);
  });

  it.each([
    [
      'Sidecars Are Dead, Long Live Sidecars — Marta Oyelaran (Fernwood Labs)',
      'Sidecars Are Dead, Long Live Sidecars',
      ['Marta Oyelaran'],
    ],
    ['Lazy Imports in Anger by Priyanka Deshpande', 'Lazy Imports in Anger', ['Priyanka Deshpande']],
    ['Lazy Imports in Anger, Priyanka', 'Lazy Imports in Anger', ['Priyanka Deshpande']],
    ['Lazy Imports in Anger: Deshpande', 'Lazy Imports in Anger', ['Priyanka Deshpande']],
    ['Lazy Imports in Anger (Priyanka Deshpande, Acme)', 'Lazy Imports in Anger', ['Priyanka Deshpande']],
    ['Virtuelle Threads von Katrin Albers', 'Virtuelle Threads', ['Katrin Albers']],
    ['Conférence par Élise Marchand', 'Conférence', ['Élise Marchand']],
    ['Charla de Lucía Ferrant', 'Charla', ['Lucía Ferrant']],
    ['Talk with Dev Raman', 'Talk', ['Dev Raman']],
    ['Polarsで変わるデータ前処理（林 美咲さん）', 'Polarsで変わるデータ前処理', ['林 美咲']],
    // the second of two speakers is enough
    [
      'Your Cluster Autoscaler Is Lying to You — Aiko Brandt',
      'Your Cluster Autoscaler Is Lying to You',
      ['Tomasz Wrzesień', 'Aiko Brandt'],
    ],
  ])('tolerates a speaker suffix: %j', (candidate, title, speakers) => {
    expect(titleMatches(candidate, title, speakers)).toBe(true);
  });

  it.each([
    [
      'Keynote: Maintaining a Project Nobody Pays For',
      'Maintaining a Project Nobody Pays For',
      ['Odile Marchetti'],
    ],
    [
      '🎤 The Web Platform Is Quietly Winning',
      'The Web Platform Is Quietly Winning',
      ['Sigrún Haraldsdóttir'],
    ],
    ['3. Aufräumen mit Java 21', 'Aufräumen mit Java 21', ['Mehmet Kaya']],
    [
      'ARC305 Cell-Based Architectures Without the Buzzwords',
      'Cell-Based Architectures Without the Buzzwords',
      [],
    ],
    [
      'Johanna Sørli: Twelve Years of Backwards Compatibility',
      'Twelve Years of Backwards Compatibility',
      ['Johanna Sørli'],
    ],
  ])('never tolerates a prefix: %j', (candidate, title, speakers) => {
    expect(titleMatches(candidate, title, speakers)).toBe(false);
  });

  it('wants a separator before the suffix and a speaker in it', () => {
    const title = 'Lazy Imports in Anger';
    expect(titleMatches('Lazy Imports in Angers — Priyanka', title, ['Priyanka Deshpande'])).toBe(false);
    expect(titleMatches('Lazy Imports in Anger Priyanka Deshpande', title, ['Priyanka Deshpande'])).toBe(
      false,
    );
    expect(titleMatches('Lazy Imports in Anger — Acme Corp', title, ['Priyanka Deshpande'])).toBe(false);
    expect(titleMatches('Lazy Imports in Anger (video)', title, ['Priyanka Deshpande'])).toBe(false);
    expect(titleMatches('Lazy Imports in Anger — Priyanka', title, [])).toBe(false);
    // "by" must be a whole word: "bye" is not a separator (Python's Unicode \b, not JavaScript's ASCII one)
    expect(titleMatches('Talk bye Deshpande', 'Talk', ['Priyanka Deshpande'])).toBe(false);
    expect(titleMatches('Talk byé Deshpande', 'Talk', ['Priyanka Deshpande'])).toBe(false);
    expect(titleMatches('Talk deé Deshpande', 'Talk', ['Priyanka Deshpande'])).toBe(false);
  });

  it('takes name parts longer than two characters only (counted in code points)', () => {
    expect(titleMatches('Talk — Li', 'Talk', ['Li Wei Chen'])).toBe(false);
    expect(titleMatches('Talk — Wei Chen', 'Talk', ['Li Wei Chen'])).toBe(true);
    expect(titleMatches('Talk — Chen', 'Talk', ['Li Wei Chen'])).toBe(true);
    // "𝒜𝒷" is two code points but four UTF-16 units: still too short to count alone
    expect(titleMatches('Talk — 𝒜𝒷', 'Talk', ['𝒜𝒷 Someone'])).toBe(false);
    // the full name counts whatever its length
    expect(titleMatches('Talk — jo', 'Talk', ['Jo'])).toBe(true);
  });

  it('is a prefix test on the normalised candidate: a longer title is not the shorter one', () => {
    expect(titleMatches('Temporal: Almost There', 'Temporal', ['Ana Beltrán'])).toBe(false);
    expect(titleMatches('Temporal: Ana Beltrán', 'Temporal', ['Ana Beltrán'])).toBe(true);
  });
});

/** The reference implementation, when python3 is here: the port must agree with it everywhere. */
function python(): string | null {
  try {
    execFileSync('python3', ['--version'], { stdio: 'ignore' });
    return 'python3';
  } catch {
    return null;
  }
}

describe.skipIf(python() === null)('agrees with check.py (title_matches, normalize_title)', () => {
  it('on every corpus heading against every title of its page, and on edge cases', () => {
    const rows: [string, string, string[]][] = [];
    for (const c of loadRecapCases()) {
      for (const heading of c.talks.map((t) => t.heading).concat([c.postTitle]))
        for (const t of c.talks) rows.push([heading, t.title, t.speakers]);
    }
    const edge = [
      'Talk — Jo',
      'Talk byé Jo Bloggs',
      'Talk by\u00a0Jo Bloggs',
      'Talk,Jo',
      'Talk (Jo',
      'Talk\u0085— Jo Bloggs',
      'TALK — BLOGGS',
      '「Talk」 — Bloggs',
      'Talk：Bloggs',
      'Talk de Bloggs',
      'Talk des Bloggs',
      'Talk von\tBloggs',
      'Talk par Jo',
      'Talk with',
      'Talk —',
      'Talk. — Bloggs',
      '.Talk',
      'Talk´ — Bloggs',
      'Talk \ufeff— Bloggs',
      'İstanbul Talk — Bloggs',
    ];
    for (const candidate of edge) rows.push([candidate, 'Talk', ['Jo Bloggs']]);
    rows.push(['İstanbul Talk — Bloggs', 'İstanbul Talk', ['Jo Bloggs']]);

    const script = [
      'import json, sys',
      `sys.path.insert(0, ${JSON.stringify(RECAPS)})`,
      'from check import title_matches, normalize_title',
      'rows = json.load(sys.stdin)',
      'print(json.dumps([[title_matches(c, t, s), normalize_title(c)] for c, t, s in rows]))',
    ].join('\n');
    const out = execFileSync('python3', ['-c', script], { input: JSON.stringify(rows), encoding: 'utf8' });
    const expected = JSON.parse(out) as [boolean, string][];
    const ours = rows.map(([c, t, s]) => [titleMatches(c, t, s), normalizeTitle(c)]);
    expect(ours).toEqual(expected);
    // The corpus has headings that pass as they are and headings that need cleaning: both sides are exercised.
    expect(expected.some(([m]) => m)).toBe(true);
    expect(expected.some(([m]) => !m)).toBe(true);
  });
});
