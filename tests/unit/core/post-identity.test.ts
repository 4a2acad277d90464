import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { normalizeText, postFingerprint, readPostIdentity } from '@/core/post-identity';

const PAGE = 'https://blog.example.org/2026/03/new-slug';
const PARAGRAPHS = [
  'The keynote opened with a look back at ten years of the conference and what changed in them.',
  'Then Jane Doe showed how her team scaled Postgres to a billion rows without sharding anything.',
];

function doc(head: string, body: string): Document {
  return new JSDOM(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, { url: PAGE })
    .window.document;
}

const post = (title = 'Scaling Postgres', paragraphs = PARAGRAPHS) =>
  `<article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article>`;

describe('readPostIdentity: the permalinks a page declares', () => {
  it.each([
    [
      'rel=canonical',
      '<link rel="canonical" href="https://blog.example.org/old-slug">',
      ['https://blog.example.org/old-slug'],
    ],
    [
      'a relative canonical, tracking dropped',
      '<link rel="Canonical" href="/old-slug?utm_source=x#top">',
      ['https://blog.example.org/old-slug'],
    ],
    [
      'og:url',
      '<meta property="og:url" content="https://blog.example.org/p/1">',
      ['https://blog.example.org/p/1'],
    ],
    [
      'JSON-LD mainEntityOfPage (object) and url',
      `<script type="application/ld+json">${JSON.stringify({ '@type': 'BlogPosting', mainEntityOfPage: { '@id': 'https://blog.example.org/a' }, url: 'https://blog.example.org/b' })}</script>`,
      ['https://blog.example.org/a', 'https://blog.example.org/b'],
    ],
    [
      'JSON-LD in a @graph, mainEntityOfPage as a string',
      `<script type="application/ld+json">${JSON.stringify({
        '@graph': [
          { '@type': 'Person', url: 'https://blog.example.org/me' },
          { '@type': ['NewsArticle'], mainEntityOfPage: 'https://blog.example.org/c' },
        ],
      })}</script>`,
      ['https://blog.example.org/c'],
    ],
    [
      'broken JSON-LD is skipped',
      '<script type="application/ld+json">{"@type": "Article", url:</script>',
      [],
    ],
    ['the page naming itself', `<link rel="canonical" href="${PAGE}">`, []],
    ['a javascript: canonical', '<link rel="canonical" href="javascript:alert(1)">', []],
    [
      'every source, once each, canonical first (another site is still claimed: the background judges)',
      '<meta property="og:url" content="https://victim.example.net/post"><link rel="canonical" href="https://blog.example.org/x"><link rel="canonical" href="https://blog.example.org/y">',
      ['https://blog.example.org/x', 'https://victim.example.net/post'],
    ],
  ])('%s', (_, head, expected) => {
    expect(readPostIdentity(doc(head, post()), PAGE).claim.permalinks).toEqual(expected);
  });
});

describe('readPostIdentity: archive and tag pages', () => {
  const archive = `
    <h1>March 2026</h1>
    <article><h2><a href="/2026/03/scaling-postgres">Scaling Postgres</a></h2>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}
      <article class="comment"><h3><a href="#c1">A comment</a></h3><p>Nice.</p></article></article>
    <article><header><a rel="bookmark" href="https://blog.example.org/2026/03/rust">permalink</a><h2>Rust in the kernel</h2></header>
      <p>Miguel Ojeda told the story of Rust for Linux from the first patch to the drivers shipping today.</p></article>
    <article><h2>No permalink here</h2><p>An announcement.</p></article>`;

  it('names each outermost article with a permalink of its own, in document order, and no page fingerprint', () => {
    const page = doc('', archive);
    const { claim, articleElements } = readPostIdentity(page, 'https://blog.example.org/2026/03/');
    expect(claim.articles.map((a) => [a.permalink, a.title])).toEqual([
      ['https://blog.example.org/2026/03/scaling-postgres', 'Scaling Postgres'],
      ['https://blog.example.org/2026/03/rust', 'Rust in the kernel'],
    ]);
    expect(articleElements).toHaveLength(2);
    expect(articleElements[1]!.textContent).toContain('Miguel Ojeda');
    expect(claim.fingerprint).toBeNull();
  });

  it('an archive article has the fingerprint of the post on its own page', () => {
    const archived = readPostIdentity(doc('', archive), 'https://blog.example.org/2026/03/').claim
      .articles[0]!;
    const own = readPostIdentity(doc('', `<header><a href="/">Blog</a></header>${post()}`), PAGE).claim;
    expect(archived.fingerprint).not.toBeNull();
    expect(own.fingerprint).toBe(archived.fingerprint);
    expect(own.articles).toEqual([]);
  });

  it('a page with one article, or articles that link only to itself, is no archive', () => {
    expect(readPostIdentity(doc('', post()), PAGE).claim.articles).toEqual([]);
    const selfLinks = `<article><h2><a href="${PAGE}">A</a></h2></article><article><h2><a href="#x">B</a></h2></article>`;
    expect(readPostIdentity(doc('', selfLinks), PAGE).claim.articles).toEqual([]);
  });
});

describe('postFingerprint', () => {
  const fp = postFingerprint('Scaling Postgres', PARAGRAPHS);
  it.each([
    [
      'the same post with other case, accents, punctuation and spacing',
      postFingerprint(
        'SCALING  postgres!',
        PARAGRAPHS.map((p) => p.toUpperCase().replace(/ /g, '  ')),
      ),
      true,
    ],
    ['another title', postFingerprint('Scaling MySQL', PARAGRAPHS), false],
    [
      'another first paragraph',
      postFingerprint('Scaling Postgres', [
        'Something else entirely, and long enough to be a fingerprint of its own.',
        PARAGRAPHS[1]!,
      ]),
      false,
    ],
  ])('%s', (_, other, same) => {
    expect(fp).toMatch(/^[0-9a-f]{16}$/);
    expect(other === fp).toBe(same);
  });

  it('reads only the start of a post: what comes after (a comment, an edit at the end) does not matter', () => {
    const long = [...PARAGRAPHS, PARAGRAPHS.join(' '), PARAGRAPHS.join(' ')];
    expect(postFingerprint('Scaling Postgres', [...long, 'A comment added later.'])).toBe(
      postFingerprint('Scaling Postgres', long),
    );
  });

  it('is null for too little text to tell posts apart', () => {
    expect(postFingerprint('Hello', ['Short.'])).toBeNull();
  });

  it('normalizes case, accents and punctuation', () => {
    expect(normalizeText('  Größenwahn — Café, “déjà vu”! ')).toBe('großenwahn cafe deja vu');
  });
});
