import { describe, expect, it } from 'vitest';
import { annotationIri, toAnnotation, toWebAnnotations } from '@/core/web-annotation';
import { highlight, page } from './backup-fixtures';

const ID = '0b0c9a4e-6a9b-4c1e-9d1f-2f3a4b5c6d7e';

describe('toAnnotation', () => {
  it('a highlight with a note and tags: selectors on the page, a commenting body, a tagging body per tag', () => {
    const h = highlight(ID, 'p1', {
      note: 'My **note**',
      tags: ['kernel', 'testing/fuzzing'],
      createdAt: Date.UTC(2024, 0, 1),
      updatedAt: Date.UTC(2024, 0, 2),
    });
    expect(toAnnotation(h, 'https://blog.example/canonical')).toEqual({
      id: `urn:uuid:${ID}`,
      type: 'Annotation',
      motivation: 'highlighting',
      created: '2024-01-01T00:00:00.000Z',
      modified: '2024-01-02T00:00:00.000Z',
      body: [
        { type: 'TextualBody', value: 'My **note**', purpose: 'commenting', format: 'text/markdown' },
        { type: 'TextualBody', value: 'kernel', purpose: 'tagging' },
        { type: 'TextualBody', value: 'testing/fuzzing', purpose: 'tagging' },
      ],
      target: {
        source: 'https://blog.example/canonical',
        selector: [
          { type: 'TextQuoteSelector', exact: `Passage ${ID}`, prefix: 'before ', suffix: ' after' },
          { type: 'TextPositionSelector', start: 10, end: 10 + `Passage ${ID}`.length },
        ],
      },
    });
  });

  it('a bare highlight has no body; one without a quote selector gets one from its text', () => {
    const h = highlight('h1', 'p1', { selectors: [{ type: 'TextPositionSelector', start: 1, end: 4 }] });
    const annotation = toAnnotation(h);
    expect(annotation.body).toBeUndefined();
    expect(annotation.target).toEqual({
      source: 'https://blog.example/p1',
      selector: [
        { type: 'TextQuoteSelector', exact: 'Passage h1', prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: 1, end: 4 },
      ],
    });
  });

  it('a time no Date can hold (a hand-edited backup) does not break the export', () => {
    expect(toAnnotation(highlight('h', 'p', { createdAt: 1e300 })).created).toBe('1970-01-01T00:00:00.000Z');
  });

  it.each([
    [ID.toUpperCase(), `urn:uuid:${ID}`],
    ['h 1/x', 'urn:talk-notes:highlight:h%201%2Fx'],
  ])('annotationIri(%j) -> %s', (id, iri) => {
    expect(annotationIri(id)).toBe(iri);
  });
});

describe('toWebAnnotations', () => {
  it('an AnnotationCollection embedding its one page, targets on the page URLs', () => {
    const collection = toWebAnnotations({
      title: 'My highlights',
      highlights: [highlight('h1', 'p1'), highlight('h2', 'gone')],
      pages: [page('p1', { url: 'https://blog.example/page-one' })],
      exportedAt: Date.UTC(2024, 4, 1),
    });
    expect(collection).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:talk-notes:export:2024-05-01T00:00:00.000Z',
      type: 'AnnotationCollection',
      label: 'My highlights',
      total: 2,
      first: { type: 'AnnotationPage', startIndex: 0 },
    });
    expect(collection.first.items.map((a) => a.target.source)).toEqual([
      'https://blog.example/page-one',
      'https://blog.example/gone',
    ]);
    // Serializable as JSON-LD as it is.
    expect(JSON.parse(JSON.stringify(collection))).toEqual(collection);
  });
});
