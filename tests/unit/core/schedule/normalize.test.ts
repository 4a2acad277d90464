import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allWords,
  contentTerms,
  foldText,
  isDistinctive,
  isGeneric,
  needsSpellingOut,
  spellOut,
  titleForm,
  titleWords,
  wordGrams,
  writtenWords,
} from '@/core/schedule/normalize';

const words = (text: string) => titleWords(foldText(text));

describe('foldText', () => {
  it.each([
    ['Scaling  Postgres', 'scaling postgres'],
    ['Größe', 'grosse'],
    ['Café Œuvre Ærø', 'cafe oeuvre aero'],
    ['Jörg Wrzesień', 'jorg wrzesien'],
    ['“quoted” „German“ «French» 「日本」', '"quoted" "german" "french" "日本"'],
    ['it’s ‘single’ ʼtwo', "it's 'single' 'two"],
    ['Title—Subtitle', 'title - subtitle'],
    ['Title – Subtitle', 'title - subtitle'],
    ['2019–2024', '2019-2024'],
    ['ＦＵＬＬＷＩＤＴＨ：ｔｅｘｔ', 'fullwidth:text'],
    ['🚀 Launch 👩‍💻 day 🇩🇪', 'launch day'],
    ['がぎぐ', 'がぎぐ'],
    ['non\u00a0breaking\u200bspace', 'non breaking space'],
  ])('%s -> %s', (input, expected) => expect(foldText(input)).toBe(expected));
});

describe('titleWords', () => {
  it.each([
    ["What's New in Python 3.12?", ['what', 'new', 'in', 'python', '3.12']],
    ["Don't Panic: Jane's Guide", ['dont', 'panic', 'jane', 'guide']],
    ['C++, C# & F# on .NET', ['cpp', 'csharp', 'and', 'fsharp', 'on', 'dotnet']],
    ['Scaling to 10M users, 1,000 nodes', ['scaling', 'to', '10m', 'users', '1000', 'nodes']],
    ['Rustで作るWebAssembly入門', ['rust', 'で作る', 'webassembly', '入門']],
    ['Micro-services', ['micro', 'services']],
    ['Rust: the (good) parts!', ['rust', 'the', 'good', 'parts']],
    ['Staff+ Engineers on Disney+', ['staff', 'plus', 'engineers', 'on', 'disney', 'plus']],
    ['Notepad++ and C++', ['notepad', 'and', 'cpp']],
    ['A+B Testing', ['a', 'b', 'testing']],
    // One spelling for a number: thousands separators, "k", and the words for thousand and million.
    ['Serving 25,000 Tenants', ['serving', '25000', 'tenants']],
    ['Serving 25.000 Mandanten', ['serving', '25000', 'mandanten']],
    ['Serving 25k Tenants', ['serving', '25000', 'tenants']],
    ['Serving 25 Thousand Tenants', ['serving', '25000', 'tenants']],
    ['Indexing 40 Million Documents', ['indexing', '40m', 'documents']],
    ['Indexing 40M Documents', ['indexing', '40m', 'documents']],
    ['3 Billion Events a Day', ['3b', 'events', 'a', 'day']],
    ['1,250,000 Rows', ['1250000', 'rows']],
    // Versions, addresses and decimals are no thousands.
    ['Scaling 0.500 and 3.12', ['scaling', '0.500', 'and', '3.12']],
    ['Routing 10.0.0.1', ['routing', '10.0.0.1']],
    ['Terraform 1.5', ['terraform', '1.5']],
    // Small numbers written out in the languages of the stopwords, not the words that are also others.
    ['Twaalf jaar Kotlin', ['12', 'jaar', 'kotlin']],
    ['Zwanzig Jahre Linux', ['20', 'jahre', 'linux']],
    ['Vingt ans de Postgres', ['20', 'ans', 'de', 'postgres']],
    ['Cinco lecciones', ['5', 'lecciones']],
    ['Write Once, Run Anywhere', ['write', 'once', 'run', 'anywhere']],
    ['ELF Files for Mere Mortals', ['elf', 'files', 'for', 'mere', 'mortals']],
    ['Üç Yılın Muhasebesi', ['3', 'yilin', 'muhasebesi']],
    ['Sekiz Saatte Kubernetes', ['8', 'saatte', 'kubernetes']],
    // English tens (session 14).
    ['Twenty Years of pkgsrc', ['20', 'years', 'of', 'pkgsrc']],
    ['Fifty Shades of Grey Failures', ['50', 'shades', 'of', 'grey', 'failures']],
    // "bir" is Turkish's "a", "on" its ten and an English word.
    ['Bir Yıl Sonra', ['bir', 'yil', 'sonra']],
    ['Notes on Rust', ['notes', 'on', 'rust']],
    // Product names written two ways.
    ['PostgreSQL en producción', ['postgres', 'en', 'produccion']],
    ['K8s Operators in Go', ['kubernetes', 'operators', 'in', 'go']],
    ['PostGIS for Postgres', ['postgis', 'for', 'postgres']],
  ])('%s', (input, expected) => expect(words(input)).toEqual(expected));

  it.each([
    ['Double-Entry Ledgers on Node.js', [1, 5]],
    ['CI/CD for Micro-services', [1, 4]],
    ['Rustで作る WebAssembly', [1]],
    ['Ten Years - Lessons', []],
    ['Scaling to 1,000 nodes', []],
  ])('%s: words written onto the one before', (input, glued) => {
    expect(writtenWords(foldText(input)).glued).toEqual(glued);
  });

  it('spells out nothing in a title that needs no spelling out (the quick path, #13)', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        'c',
        'f',
        'c++',
        'c#',
        'f#',
        '.net',
        '.',
        'net',
        '&',
        '+',
        "'",
        "'s",
        's',
        ' ',
        '-',
        '1',
        'é',
        'で',
      ),
      fc.string({ maxLength: 3, unit: 'binary' }),
    );
    let quick = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (pieces) => {
        const title = pieces.join('');
        if (needsSpellingOut(title)) return;
        quick++;
        expect(spellOut(title)).toBe(title);
      }),
      { numRuns: 5_000 },
    );
    expect(quick).toBeGreaterThan(500);
  });
});

describe('titleForm', () => {
  const segments = (title: string, subtitle: string | null = null) =>
    titleForm(title, subtitle).map((s) => `${s.paren ? '()' : ''}${s.words.join(' ')}`);
  it.each([
    [
      'Kubernetes Security: Lessons from Production',
      null,
      ['kubernetes security', 'lessons from production'],
    ],
    [
      'Kubernetes Security — Lessons from Production',
      null,
      ['kubernetes security', 'lessons from production'],
    ],
    [
      'Kubernetes Security - Lessons from Production',
      null,
      ['kubernetes security', 'lessons from production'],
    ],
    ['Kubernetes Security | Lessons', null, ['kubernetes security', 'lessons']],
    ['Why Rust? A Love Story', null, ['why rust', 'a love story']],
    ['Rust 入門 〜はじめての所有権〜', null, ['rust 入門', 'はじめての所有権']],
    ['Operators from Scratch (Part 2)', null, ['operators from scratch', '()part 2']],
    ['Scaling Postgres (video)', null, ['scaling postgres']],
    ['Scaling Postgres [Slides + Video]', null, ['scaling postgres']],
    ['Rust and WebAssembly', 'Shipping a 2 MB Editor', ['rust and webassembly', 'shipping a 2 mb editor']],
    ['Live at 10:30 in Room 2', null, ['live at 10 30 in room 2']],
    ['Real-time Collaboration', null, ['real time collaboration']],
  ])('%s', (title, subtitle, expected) => expect(segments(title, subtitle)).toEqual(expected));

  it('keeps which words were one written word', () => {
    expect(titleForm('Event-Driven Systems: A Node.js Story (Hands-on)')).toEqual([
      { words: ['event', 'driven', 'systems'], paren: false, glued: [1] },
      { words: ['a', 'node', 'js', 'story'], paren: false, glued: [2] },
      { words: ['hands', 'on'], paren: true, glued: [1] },
    ]);
  });

  it('keeps all words in order', () => {
    expect(allWords(titleForm('A Tour: of (the) Things (Part 1)'))).toEqual([
      'a',
      'tour',
      'of',
      'the',
      'things',
      'part',
      '1',
    ]);
  });
});

describe('terms', () => {
  it('splits unspaced scripts into bigrams', () => {
    expect(wordGrams('入門講座')).toEqual(['入門', '門講', '講座']);
    expect(wordGrams('入')).toEqual(['入']);
    expect(wordGrams('rust')).toEqual(['rust']);
  });
  it('leaves stopwords out unless the title is nothing else', () => {
    expect(contentTerms(['intro', 'to', 'the', 'rust'])).toEqual(['intro', 'rust']);
    expect(contentTerms(['to', 'be', 'or', 'not', 'to', 'be'])).toEqual(['not']);
    expect(contentTerms(['the', 'and'])).toEqual(['the', 'and']);
  });
});

describe('isGeneric and isDistinctive', () => {
  it.each([
    ['Lightning talks', true, false],
    ['Opening Keynote', true, false],
    ['Q&A', true, false],
    ['Welcome', true, false],
    ['Panel discussion', true, false],
    ['Lightning Talks 2', true, false],
    ['Eröffnung', true, false],
    ['基調講演', true, false],
    ['라이트닝 토크', true, false],
    ['Ask Me Anything', true, false],
    ['Rust', false, false],
    ['Intro to Rust', false, false],
    ['Lessons Learned', true, false],
    ['Best Practices', true, false],
    ['State Management', false, true],
    ['Scaling Postgres', false, true],
    ['AI Agents', false, true],
    ['Keynote: The Future of AI', false, false],
    ['Keynote: The Future of AI Safety', false, true],
    ['Rustで作る', false, true],
    ['入門', false, false],
  ])('%s: generic %s, distinctive %s', (title, generic, distinctive) => {
    const w = words(title);
    expect(isGeneric(w)).toBe(generic);
    expect(isDistinctive(w)).toBe(distinctive);
  });
});
