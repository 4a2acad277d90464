import { describe, expect, it } from 'vitest';
import { toWebAnnotations } from '@/core/web-annotation';
import {
  looksLikeWebAnnotations,
  MAX_ANNOTATIONS,
  readWebAnnotations,
  skippedWarning,
  stableHash,
} from '@/core/web-annotation-import';
import { LIMITS } from '@/core/limits';
import { at, highlight, page, talk } from './backup-fixtures';

const URL_A = 'https://blog.example/post';

/** Hypothesis's JSON-LD representation of an annotation (h's AnnotationJSONLDPresenter). */
function hypothesisJsonLd(n: number, overrides: Record<string, unknown> = {}) {
  const exact = `passage number ${n}`;
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'Annotation',
    id: `https://hypothes.is/a/AbC${n}`,
    created: '2024-03-01T10:00:00.000000+00:00',
    modified: '2024-03-02T10:00:00.000000+00:00',
    creator: 'acct:reader@hypothes.is',
    body: [
      { type: 'TextualBody', value: `note ${n}`, format: 'text/markdown' },
      { type: 'TextualBody', value: 'kernel', purpose: 'tagging' },
    ],
    target: [
      {
        source: `${URL_A}?utm_source=feed#section`,
        selector: [
          {
            type: 'RangeSelector',
            startContainer: '/main[1]/p[1]',
            startOffset: 0,
            endContainer: '/main[1]/p[1]',
            endOffset: exact.length,
          },
          { type: 'TextPositionSelector', start: 100 * n, end: 100 * n + exact.length },
          { type: 'TextQuoteSelector', exact, prefix: 'before ', suffix: ' after' },
        ],
      },
    ],
    ...overrides,
  };
}

function ok(data: unknown) {
  const result = readWebAnnotations(data);
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe('readWebAnnotations: shapes other tools write', () => {
  it('Hypothesis JSON-LD: the page by its normalized URL, the quote and its textContent position, note and tags', () => {
    const result = ok([hypothesisJsonLd(1)]);
    expect(result.imported).toBe(1);
    expect(result.library.pages).toEqual([
      expect.objectContaining({ url: URL_A, title: URL_A, createdAt: Date.UTC(2024, 2, 2, 10) }),
    ]);
    const [h] = result.library.highlights;
    expect(h).toEqual({
      id: `wa-${stableHash('https://hypothes.is/a/AbC1')}`,
      pageId: result.library.pages[0]!.id,
      url: URL_A,
      talkId: null,
      text: 'passage number 1',
      markdown: '',
      textContentQuote: {
        exact: 'passage number 1',
        prefix: 'before ',
        suffix: ' after',
        start: 100,
        end: 116,
      },
      selectors: [
        { type: 'TextQuoteSelector', exact: 'passage number 1', prefix: 'before ', suffix: ' after' },
      ],
      color: 'yellow',
      note: 'note 1',
      tags: ['kernel'],
      position: 100,
      anchorStatus: 'pending',
      createdAt: Date.UTC(2024, 2, 1, 10),
      updatedAt: Date.UTC(2024, 2, 2, 10),
    });
  });

  it('Hypothesis API rows (search results): text, tags, the document title', () => {
    const row = {
      id: 'XyZ',
      created: '2024-03-01T10:00:00+00:00',
      updated: '2024-03-01T10:00:00+00:00',
      uri: URL_A,
      text: 'a <b>bold</b> claim',
      tags: ['Rust', 'rust', ' talks/2024 '],
      target: [
        { source: URL_A, selector: [{ type: 'TextQuoteSelector', exact: 'quoted', prefix: '', suffix: '' }] },
      ],
      document: { title: ['The post'] },
    };
    const result = ok({ total: 1, rows: [row] });
    expect(result.library.pages[0]!.title).toBe('The post');
    // HTML in a body is text: stored as it is, never parsed.
    expect(result.library.highlights[0]).toMatchObject({
      note: 'a <b>bold</b> claim',
      tags: ['Rust', 'talks/2024'],
    });
  });

  it('Apache Annotator / Recogito style: one target object, a selector refined by a quote, bodies with purposes, a string body, bodyValue', () => {
    const annotation = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: '#a1',
      type: 'Annotation',
      motivation: 'commenting',
      body: [
        { type: 'TextualBody', purpose: 'commenting', value: 'first' },
        { type: 'TextualBody', purpose: 'tagging', value: 'history' },
        { type: 'TextualBody', purpose: 'highlighting', value: 'ignored' },
        'a plain string body',
      ],
      target: {
        source: { id: URL_A, type: 'Text' },
        selector: {
          type: 'CssSelector',
          value: '#main > p:nth-child(2)',
          refinedBy: { type: 'TextQuoteSelector', exact: 'refined passage', prefix: 'a ', suffix: ' b' },
        },
      },
    };
    const [h] = ok(annotation).library.highlights;
    expect(h).toMatchObject({
      text: 'refined passage',
      note: 'first\n\na plain string body',
      tags: ['history'],
      selectors: [{ type: 'TextQuoteSelector', exact: 'refined passage', prefix: 'a ', suffix: ' b' }],
    });
    expect(h!.textContentQuote).toBeUndefined();
    const withBodyValue = ok({ ...annotation, body: undefined, bodyValue: 'the body value' });
    expect(withBodyValue.library.highlights[0]!.note).toBe('the body value');
    // A style class naming one of our colours (ours are `talk-notes-…`) gives the colour; others are yellow.
    const styled = (styleClass: unknown) =>
      ok({ ...annotation, target: { ...annotation.target, styleClass } }).library.highlights[0]!.color;
    expect([styled('blue'), styled(['note', 'talk-notes-purple']), styled('red'), styled(undefined)]).toEqual(
      ['blue', 'purple', 'yellow', 'yellow'],
    );
  });

  it('a RangeSelector whose ends are quotes, and a target given as a string (a whole page)', () => {
    const ranged = {
      type: 'Annotation',
      body: { type: 'TextualBody', value: 'tagged', purpose: 'tagging' },
      target: {
        source: URL_A,
        selector: {
          type: 'RangeSelector',
          startSelector: { type: 'TextQuoteSelector', exact: 'start words' },
          endSelector: { type: 'TextQuoteSelector', exact: 'end words' },
        },
      },
    };
    expect(ok(ranged).library.highlights[0]).toMatchObject({ text: 'start words', tags: ['tagged'] });
    const pageNote = { type: 'Annotation', bodyValue: 'about the whole post', target: URL_A };
    const result = ok(pageNote);
    expect(result.library.highlights).toEqual([]);
    expect(result.library.pages[0]).toMatchObject({ url: URL_A, note: 'about the whole post' });
  });

  it.each([
    ['one annotation', hypothesisJsonLd(1)],
    ['an array', [hypothesisJsonLd(1), hypothesisJsonLd(2)]],
    ['an AnnotationPage', { type: 'AnnotationPage', items: [hypothesisJsonLd(1), hypothesisJsonLd(2)] }],
    [
      'an AnnotationCollection with its first page',
      { type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [hypothesisJsonLd(1)] } },
    ],
  ])('reads %s', (_, data) => {
    expect(looksLikeWebAnnotations(data)).toBe(true);
    expect(ok(data).library.highlights.length).toBe(
      Array.isArray(data) ? 2 : JSON.stringify(data).split('AbC').length - 1,
    );
  });

  it('tells a backup and other JSON from annotations', () => {
    expect(looksLikeWebAnnotations({ format: 'talk-notes-backup', version: 2 })).toBe(false);
    expect(looksLikeWebAnnotations([1, 2])).toBe(false);
    expect(looksLikeWebAnnotations([])).toBe(false);
  });
});

describe('readWebAnnotations: what it refuses and skips', () => {
  it('a malformed annotation is skipped and named; the rest are imported', () => {
    const bad = { ...hypothesisJsonLd(2), target: 42 };
    const result = ok([
      hypothesisJsonLd(1),
      bad,
      { type: 'Annotation' },
      { ...hypothesisJsonLd(3), type: 'Note' },
    ]);
    expect(result.imported).toBe(1);
    expect(result.library.highlights.map((h) => h.text)).toEqual(['passage number 1']);
    expect(result.skipped).toEqual({ invalid: 3 });
    expect(result.firstInvalid).toMatch(/^annotation 2 \("https:\/\/hypothes\.is\/a\/AbC2"\): target: /);
    expect(skippedWarning(result.skipped, result.firstInvalid)).toMatch(
      /^3 annotations were skipped: 3 have a field Talk Notes cannot read \(the first: annotation 2 \("https:\/\/hypothes\.is\/a\/AbC2"\): target: .*\)\.$/,
    );
    // A field over the bounds the reader keeps (a 300-character date) is one unusable field too.
    const long = ok([hypothesisJsonLd(1), hypothesisJsonLd(2, { created: '2'.repeat(300) })]);
    expect([long.imported, long.skipped, long.firstInvalid]).toEqual([
      1,
      { invalid: 1 },
      expect.stringMatching(/^annotation 2 .*: created: /),
    ]);
    // Nothing usable at all: the file is refused, saying why.
    expect(readWebAnnotations([bad, { type: 'Annotation' }])).toEqual({
      ok: false,
      error: expect.stringMatching(
        /^None of the 2 annotations can be imported: 2 have a field Talk Notes cannot read \(annotation 1 /,
      ),
    });
  });

  it('a page address longer than the library keeps skips that annotation; a long one within it imports', () => {
    const at = (path: string, n: number) => ({
      ...hypothesisJsonLd(n),
      target: [{ ...hypothesisJsonLd(n).target[0]!, source: `${URL_A}/${path}` }],
    });
    const long = `${'a'.repeat(2500)}`; // over 2,000 characters: longer than a title, shorter than LIMITS.url
    const result = ok([
      hypothesisJsonLd(1),
      at(long, 2),
      at('b'.repeat(LIMITS.url), 3), // normalized, over LIMITS.url
      at('c'.repeat(LIMITS.url * 3), 4), // over the reader's own bound on an address
      {
        uri: `${URL_A}/${'d'.repeat(LIMITS.url * 3)}`,
        target: [{ selector: hypothesisJsonLd(5).target[0]!.selector }],
      },
    ]);
    expect(result.imported).toBe(2);
    expect(result.skipped).toEqual({ 'url-too-long': 3 });
    expect(skippedWarning(result.skipped)).toBe(
      '3 annotations were skipped: 3 are about a page whose address is longer than Talk Notes keeps (8,192 characters).',
    );
    const page = result.library.pages.find((p) => p.url === `${URL_A}/${long}`)!;
    expect(page.title).toBe(`${URL_A}/${long}`.slice(0, LIMITS.title));
    expect(result.library.highlights.map((h) => h.pageId)).toContain(page.id);
  });

  it('a collection that does not embed its annotations, or has more pages, is refused', () => {
    expect(readWebAnnotations({ type: 'AnnotationCollection', first: 'https://x.example/page1' })).toEqual({
      ok: false,
      error: expect.stringMatching(/does not embed its first page/),
    });
    expect(
      readWebAnnotations({
        type: 'AnnotationCollection',
        first: { type: 'AnnotationPage', items: [hypothesisJsonLd(1)], next: 'https://x.example/2' },
      }),
    ).toEqual({ ok: false, error: expect.stringMatching(/more pages/) });
  });

  it('skips what it cannot use (no quote, javascript: or non-web targets, empty page notes) and counts why', () => {
    const result = ok([
      hypothesisJsonLd(1),
      {
        ...hypothesisJsonLd(2),
        target: [{ source: 'javascript:alert(1)', selector: hypothesisJsonLd(2).target[0]!.selector }],
      },
      { ...hypothesisJsonLd(3), target: 'urn:isbn:0451450523' },
      {
        ...hypothesisJsonLd(4),
        target: [{ source: URL_A, selector: [{ type: 'FragmentSelector', value: 'p=2' }] }],
      },
      { type: 'Annotation', target: URL_A },
    ]);
    expect(result.imported).toBe(1);
    expect(result.skipped).toEqual({ 'not-web-page': 2, 'no-quote': 1, empty: 1 });
    expect(result.library.pages.map((p) => p.url)).toEqual([URL_A]);
    const none = readWebAnnotations([{ ...hypothesisJsonLd(4), target: 'javascript:alert(1)' }]);
    expect(none).toEqual({
      ok: false,
      error: 'None of the 1 annotations can be imported: 1 is not about an http(s) web page.',
    });
  });

  it('bounds hostile input: too many annotations, deep refinedBy chains, long context', () => {
    const many = Array.from({ length: MAX_ANNOTATIONS + 1 }, () => ({ type: 'Annotation', target: URL_A }));
    expect(readWebAnnotations(many)).toEqual({ ok: false, error: expect.stringMatching(/at most 200,000/) });
    // 100,000 levels of refinedBy (a stack-overflow attempt): walked to a bounded depth, then ignored.
    let selector: Record<string, unknown> = { type: 'TextQuoteSelector', exact: 'deep' };
    for (let i = 0; i < 100_000; i++) selector = { type: 'CssSelector', value: 'p', refinedBy: selector };
    const deep = ok([hypothesisJsonLd(1), { type: 'Annotation', target: { source: URL_A, selector } }]);
    expect(deep.skipped).toEqual({ 'no-quote': 1 });
    const long = ok({
      type: 'Annotation',
      target: {
        source: URL_A,
        selector: {
          type: 'TextQuoteSelector',
          exact: 'x',
          prefix: 'p'.repeat(5000),
          suffix: 's'.repeat(5000),
        },
      },
    });
    const quote = long.library.highlights[0]!.selectors[0]!;
    expect(quote.type === 'TextQuoteSelector' && [quote.prefix.length, quote.suffix.length]).toEqual([
      1000, 1000,
    ]);
  });
});

describe('readWebAnnotations: our own export round trips', () => {
  it('highlights (ids, quote, position, note, tags), page and talk notes and the talk a passage is filed under', () => {
    const p = page('p1', { note: 'page **note**', tags: ['blog'] });
    const t = talk('t1', 'p1', { title: 'The Talk', note: 'talk note', tags: ['kernel'] });
    const id1 = '0b0c9a4e-6a9b-4c1e-9d1f-2f3a4b5c6d7e';
    const id2 = '1b0c9a4e-6a9b-4c1e-9d1f-2f3a4b5c6d7e';
    const h1 = highlight(id1, 'p1', {
      talkId: 't1',
      color: 'pink',
      note: 'My <img src=x onerror=alert(1)> note',
      tags: ['C++', 'testing/fuzzing'],
      textContentQuote: {
        exact: `Passage ${id1}`,
        prefix: 'a ',
        suffix: ' b',
        start: 40,
        end: 40 + `Passage ${id1}`.length,
      },
      createdAt: at(5),
      updatedAt: at(9),
    });
    const h2 = highlight(id2, 'p1', { createdAt: at(6), updatedAt: at(6) });
    const exported = JSON.parse(
      JSON.stringify(
        toWebAnnotations({
          title: 'x',
          highlights: [h1, h2],
          pages: [p],
          talks: [t],
          exportedAt: at(10),
          version: '1.0.0',
        }),
      ),
    );
    const { library, imported } = ok(exported);
    expect(imported).toBe(4);
    expect(library.pages).toEqual([
      expect.objectContaining({ id: 'p1', url: p.url, note: 'page **note**', tags: ['blog'] }),
    ]);
    expect(library.talks).toEqual([
      expect.objectContaining({
        id: 't1',
        pageId: 'p1',
        title: 'The Talk',
        note: 'talk note',
        tags: ['kernel'],
      }),
    ]);
    const [r1, r2] = library.highlights;
    expect(r1).toMatchObject({
      id: id1,
      pageId: 'p1',
      talkId: 't1',
      text: `Passage ${id1}`,
      color: 'pink',
      note: h1.note,
      tags: ['C++', 'testing/fuzzing'],
      textContentQuote: h1.textContentQuote,
      createdAt: at(5),
      updatedAt: at(9),
    });
    expect(r2).toMatchObject({
      id: id2,
      talkId: null,
      text: h2.text,
      color: 'yellow',
      createdAt: at(6),
      updatedAt: at(6),
    });
    // Reading the same file again gives the same records: importing twice adds nothing.
    expect(ok(exported).library).toEqual(library);
  });
});
