import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  containsAll,
  foldCase,
  foldForSearch,
  isRefinement,
  MAX_TERMS,
  markSegments,
  matchRanges,
  parseQuery,
  searchLibrary,
} from '@/core/library/search';
import type { HighlightRecord } from '@/core/types';
import { buildLibraryIndex, highlightsAt, siteOf } from '@/core/library/library-index';
import { makeLibrary } from '../../../e2e/seed-library';
import { CONF_DATA, DATA, hl, ids, page, runQuery, T0, talk } from './library-fixtures';

describe('parseQuery', () => {
  it.each([
    ['', []],
    ['   ', []],
    ['Rust', ['rust']],
    ['  live   Patching ', ['live', 'patching']],
    ['"live patching" kernel', ['live patching', 'kernel']],
    ['"unclosed phrase', ['unclosed phrase']],
    ['"  spaced   out "', ['spaced out']],
    ['rust RUST Rust', ['rust']],
    ['""', []],
    ['c++ #kernel', ['c++', '#kernel']],
    ['Größenwahn Café', ['grossenwahn', 'cafe']],
    ['ÜBERDIMENSIONIEREN', ['uberdimensionieren']],
    ['"Łódź talks"', ['lodz talks']],
    ['鈴木花子さんの発表', ['鈴木花子さんの発表']],
  ])('%j -> %j', (input, expected) => {
    expect(parseQuery(input)).toEqual(expected);
  });

  it(`keeps at most ${MAX_TERMS} terms`, () => {
    const many = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
    expect(parseQuery(many)).toHaveLength(MAX_TERMS);
  });
});

describe('containsAll', () => {
  it.each([
    ['kernel live patching', ['live', 'kernel'], true],
    ['kernel live patching', ['live', 'rust'], false],
    ['anything', [], true],
  ] as const)('%j has %j: %j', (haystack, terms, expected) => {
    expect(containsAll(haystack, terms)).toBe(expected);
  });
});

describe('isRefinement', () => {
  it.each([
    [['ru'], ['rus'], true],
    [['ru'], ['rust', 'kernel'], true],
    [[], ['x'], true],
    [['rust'], ['ru'], false],
    [['rust', 'go'], ['rust'], false],
    [['live patching'], ['live'], false],
  ])('%j -> %j: %j', (previous, next, expected) => {
    expect(isRefinement(previous, next)).toBe(expected);
  });
});

describe('matchRanges', () => {
  it.each([
    ['Kernel live patching', ['live'], [[7, 11]]],
    [
      'Kernel live patching',
      ['KERNEL'.toLowerCase(), 'patch'],
      [
        [0, 6],
        [12, 17],
      ],
    ],
    ['aaaa', ['aa'], [[0, 4]]],
    ['abcdef', ['abc', 'cde'], [[0, 5]]],
    ['abcdef', ['abc', 'def'], [[0, 6]]],
    ['nothing here', ['zzz'], []],
    ['', ['a'], []],
    ['text', [], []],
  ])('%j with %j', (text, terms, expected) => {
    expect(matchRanges(text, terms)).toEqual(expected);
  });

  it.each([
    // Accents and ß fold; the mark covers the original letters.
    ['Das ist Größenwahn.', 'Grossenwahn', 'Größenwahn'],
    ['Nicht überdimensionieren!', 'uberdimensionieren', 'überdimensionieren'],
    ['Nicht überdimensionieren!', 'Überdimensionieren', 'überdimensionieren'],
    ['Un café crème', '"cafe creme"', 'café crème'],
    ['Un cafe\u0301 noir', 'café', 'cafe\u0301'], // written decomposed
    ['Straße und Strasse', 'straße', 'Straße'],
    ['ＦＵＬＬ width', 'full', 'ＦＵＬＬ'],
  ])('%j: %j marks %j', (text, typed, marked) => {
    const [range] = matchRanges(text, parseQuery(typed));
    expect(text.slice(range![0], range![1])).toBe(marked);
  });

  it.each([
    // A voicing mark or a breve is part of a letter outside Latin: no match without it.
    ['鈴木花子さんの発表です', 'はつひょう', []],
    ['がっこう', 'かっこう', []],
    ['Пётр Ильич', 'петр', [[0, 4]]], // ё is commonly written е: the one Cyrillic fold
    ['йод', 'иод', []],
  ])('%j with %j', (text, typed, expected) => {
    expect(matchRanges(text, parseQuery(typed))).toEqual(expected);
  });

  it('maps offsets back when lowercasing changes the length of a character', () => {
    // "İ" lowercases to two code units; the match after it must still land on "stanbul".
    const text = 'İstanbul talk';
    const [range] = matchRanges(text, ['talk']);
    expect(text.slice(range![0], range![1])).toBe('talk');
    const [city] = matchRanges(text, ['stanbul']);
    expect(text.slice(city![0], city![1])).toBe('stanbul');
  });
});

describe('markSegments', () => {
  it('splits text into plain and marked pieces', () => {
    expect(markSegments('Rust in the Linux kernel', ['rust', 'kernel'])).toEqual([
      { text: 'Rust', match: true },
      { text: ' in the Linux ', match: false },
      { text: 'kernel', match: true },
    ]);
  });

  it('keeps markup-looking text as text', () => {
    expect(markSegments('<img src=x onerror=alert(1)> img', ['img'])).toEqual([
      { text: '<', match: false },
      { text: 'img', match: true },
      { text: ' src=x onerror=alert(1)> ', match: false },
      { text: 'img', match: true },
    ]);
  });

  it('gives the text back and marks exactly the occurrences of the terms', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', 'A', 'B', ' ', 'é', 'É') }),
        fc.array(fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'é'), minLength: 1, maxLength: 3 }), {
          maxLength: 3,
        }),
        (text, terms) => {
          const segments = markSegments(text, terms.map(foldForSearch));
          expect(segments.map((s) => s.text).join('')).toBe(text);
          const marked = new Array<boolean>(text.length).fill(false);
          let at = 0;
          for (const s of segments) {
            for (let i = 0; i < s.text.length; i++) marked[at + i] = s.match;
            at += s.text.length;
          }
          const covered = new Array<boolean>(text.length).fill(false);
          // Every unit here folds to one unit ('É' -> 'e'), so positions in the folded text are the text's.
          const lower = foldForSearch(text);
          for (const term of terms.map(foldForSearch)) {
            for (let i = lower.indexOf(term); i !== -1; i = lower.indexOf(term, i + 1)) {
              for (let k = i; k < i + term.length; k++) covered[k] = true;
            }
          }
          expect(marked).toEqual(covered);
        },
      ),
    );
  });
});

describe('searchLibrary', () => {
  const index = buildLibraryIndex(DATA);
  const query = (q: string) => runQuery(index, q);

  it.each([
    ['', ['h5', 'h6', 'h2', 'h1', 'h3', 'h4', 'h7', 'h8']],
    ['kgraft', ['h1']],
    ['KPATCH', ['h2']], // note
    ['community', ['h3']], // tag
    ['miroslav', ['h6', 'h2', 'h1']], // speaker of the talk
    ['live patching', ['h6', 'h2', 'h1']], // both words in the talk title
    ['"live patching" kgraft', ['h1']], // phrase in talk, word in text
    ['fosdem', ['h5', 'h6', 'h7']], // page title
    ['conference notes', ['h2', 'h1', 'h3', 'h4']], // site name
    ['<b>', ['h7']],
    ['nothing-like-this', []],
    ['kernel rust', ['h5']],
  ])('%j finds %j', (q, expected) => {
    expect(query(q)).toEqual(expected);
  });

  it('ignores accents and ß both ways, in text, notes, tags, talks and pages', () => {
    const german = buildLibraryIndex({
      pages: [page('de', { title: 'Notizen von der JavaLand' })],
      talks: [talk('t-de', 'de', 'Größenwahn in Microservices', ['Jörg Weiß'])],
      highlights: [
        hl('d1', 'de', { talkId: 't-de', text: 'Nicht überdimensionieren', createdAt: T0 }),
        hl('d2', 'de', { talkId: 't-de', text: 'Erst messen', note: 'Café danach', tags: ['Ökonomie'] }),
      ],
    });
    const find = (q: string) => runQuery(german, q).sort();
    expect(find('uberdimensionieren')).toEqual(['d1']);
    expect(find('überdimensionieren')).toEqual(['d1']);
    expect(find('Grossenwahn')).toEqual(['d1', 'd2']);
    expect(find('größenwahn')).toEqual(['d1', 'd2']);
    expect(find('jorg weiss')).toEqual(['d1', 'd2']);
    expect(find('cafe')).toEqual(['d2']);
    expect(find('okonomie')).toEqual(['d2']);
  });

  it('finds a talk’s and a page’s passages by their own notes and tags (#17), accents folded', () => {
    const noted = buildLibraryIndex({
      pages: [
        page('p1', { title: 'Day 1', note: 'Worth rereading: the Größenwahn bits', tags: ['to-read'] }),
        page('p2', { title: 'Day 2' }),
      ],
      talks: [
        {
          ...talk('t1', 'p1', 'Kernel live patching'),
          note: 'What I’ll try: **kpatch** at work',
          tags: ['Ökonomie'],
        },
        talk('t2', 'p2', 'Rust in the kernel'),
      ],
      highlights: [
        hl('a', 'p1', { talkId: 't1', text: 'first passage' }),
        hl('b', 'p1', { talkId: null, text: 'second passage' }),
        hl('c', 'p2', { talkId: 't2', text: 'third passage' }),
      ],
    });
    const find = (q: string) => runQuery(noted, q).sort();
    expect(find('"what i’ll try"')).toEqual(['a']);
    expect(find('okonomie')).toEqual(['a']);
    expect(find('grossenwahn')).toEqual(['a', 'b']);
    expect(find('to-read passage')).toEqual(['a', 'b']);
    expect(find('kpatch third')).toEqual([]);
  });

  it('does not match a term across two fields', () => {
    // "functions" ends the text and "kernel" is the tag: "functions kernel" spans the join.
    expect(query('"functionskernel"')).toEqual([]);
    expect(query('"functions kernel"')).toEqual([]);
  });

  it('narrows earlier hits when the query is a refinement', () => {
    const first = searchLibrary(index, ['ke']);
    const refined = searchLibrary(index, ['kernel'], first);
    expect([...refined]).toEqual([...searchLibrary(index, ['kernel'])]);
  });
});

describe('searchLibrary properties', () => {
  // Some talks and pages carry their own note and tags (#17), made of words the queries draw from.
  const base = makeLibrary({ highlights: 400, pages: 20, seed: 7 });
  const words = base.highlights.map((h) => h.text.split(/\W+/).slice(0, 3).join(' '));
  const seeded = {
    ...base,
    talks: base.talks.map((t, i) =>
      i % 3 ? t : { ...t, note: words[(i * 7) % words.length]!, tags: ['talk-tag'] },
    ),
    pages: base.pages.map((p, i) =>
      i % 4 ? p : { ...p, note: words[(i * 11) % words.length]!, tags: ['page-tag'] },
    ),
  };
  const seededIndex = buildLibraryIndex(seeded);
  const talkText = new Map(
    seeded.talks.map((t) => [
      t.id,
      foldCase([t.title, ...t.speakers, t.note ?? '', ...(t.tags ?? [])].join('\n')),
    ]),
  );
  const pageText = new Map(
    seeded.pages.map((p) => [
      p.id,
      foldCase([p.title, siteOf(p), p.note ?? '', ...(p.tags ?? [])].join('\n')),
    ]),
  );
  const fields = (h: HighlightRecord) => [
    foldCase(h.text),
    foldCase(h.note),
    ...h.tags.map(foldCase),
    h.talkId ? (talkText.get(h.talkId) ?? '') : '',
    pageText.get(h.pageId) ?? '',
  ];
  const anyWord = fc.constantFrom(
    ...new Set(seeded.highlights.flatMap((h) => h.text.split(/\W+/)).filter(Boolean)),
  );
  const fragment = fc.oneof(
    anyWord.map((w) => w.slice(0, 3)),
    anyWord,
    fc.string({ unit: fc.constantFrom('a', 'e', 'r', 's', 't', ' '), minLength: 1, maxLength: 4 }),
  );

  it('search finds exactly the highlights where every term occurs in one of its fields', () => {
    fc.assert(
      fc.property(fc.array(fragment, { minLength: 1, maxLength: 3 }), (parts) => {
        const terms = parseQuery(parts.join(' '));
        const found = new Set(ids(highlightsAt(seededIndex, searchLibrary(seededIndex, terms))));
        for (const h of seeded.highlights) {
          const expected = terms.every((t) => fields(h).some((f) => f.includes(t)));
          expect(found.has(h.id)).toBe(expected);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a refined search within earlier hits equals a full search', () => {
    fc.assert(
      fc.property(anyWord, fc.integer({ min: 1, max: 3 }), (word, cut) => {
        const before = [foldCase(word.slice(0, cut))];
        const after = [foldCase(word)];
        fc.pre(isRefinement(before, after));
        const narrowed = searchLibrary(seededIndex, after, searchLibrary(seededIndex, before));
        expect([...narrowed]).toEqual([...searchLibrary(seededIndex, after)]);
      }),
      { numRuns: 40 },
    );
  });

  it('typing on without finding anything new returns the earlier hits themselves (nothing memoized on them is recomputed), so nothing memoized on them is recomputed', () => {
    const before = searchLibrary(seededIndex, ['kern']);
    expect(before.length).toBeGreaterThan(0);
    const after = searchLibrary(seededIndex, ['kernel'], before);
    expect([...after]).toEqual([...searchLibrary(seededIndex, ['kernel'])]);
    // Every "kern" of the seeded words is "kernel": the same highlights, the same array.
    expect(after).toBe(before);
    // Fewer hits: a new array, the earlier one untouched.
    const fewer = searchLibrary(seededIndex, ['kernel', 'zzz-nowhere'], before);
    expect(fewer).not.toBe(before);
    expect(fewer.length).toBeLessThan(before.length);
  });
});

describe('searchLibrary with conferences', () => {
  const conf = buildLibraryIndex(CONF_DATA);
  it.each([
    ['janson', ['c2', 'c1']], // the conference talk's room
    ['ada example', ['c2', 'c1']], // its speaker
    ['"memory safety"', ['c2', 'c1']], // its abstract
    ['internals', ['c4']], // a track
    ['"rust for linux"', ['c2', 'c1']], // page a's title for the talk finds page b's passage too
    ['"in the kernel"', ['c2', 'c1']], // the conference talk's title
    ['postgres', ['c3']], // a declined link: the page talk's own title, not the conference talk's room
    ['k.1.105', []],
    ['janson borrow', ['c2']],
  ])('%j finds %j', (q, expected) => {
    expect(runQuery(conf, q)).toEqual(expected);
  });
});
