import { describe, expect, it } from 'vitest';
import {
  ANNOTATION_CONTEXT,
  annotationIri,
  conferenceTalkOf,
  generatorOf,
  toAnnotation,
  toWebAnnotations,
} from '@/core/web-annotation';
import { conference, conferenceTalk, highlight, page, talk } from './backup-fixtures';

const ID = '0b0c9a4e-6a9b-4c1e-9d1f-2f3a4b5c6d7e';

describe('toAnnotation', () => {
  it('a highlight with a note and tags: its own context, the generator, selectors in the textContent model, a commenting body, a tagging body per tag, its colour as a style', () => {
    const h = highlight(ID, 'p1', {
      color: 'green',
      note: 'My **note**',
      tags: ['kernel', 'testing/fuzzing'],
      createdAt: Date.UTC(2024, 0, 1),
      updatedAt: Date.UTC(2024, 0, 2),
      textContentQuote: {
        exact: `Passage ${ID}`,
        prefix: 'var x = 1; before ',
        suffix: ' after',
        start: 4002,
        end: 4002 + `Passage ${ID}`.length,
      },
    });
    expect(toAnnotation(h, 'https://blog.example/canonical', undefined, generatorOf('1.2.3'))).toEqual({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `urn:uuid:${ID}`,
      type: 'Annotation',
      motivation: 'highlighting',
      created: '2024-01-01T00:00:00.000Z',
      modified: '2024-01-02T00:00:00.000Z',
      generator: { id: 'urn:talk-notes:software:1.2.3', type: 'Software', name: 'Talk Notes 1.2.3' },
      body: [
        { type: 'TextualBody', value: 'My **note**', purpose: 'commenting', format: 'text/markdown' },
        { type: 'TextualBody', value: 'kernel', purpose: 'tagging', format: 'text/plain' },
        { type: 'TextualBody', value: 'testing/fuzzing', purpose: 'tagging', format: 'text/plain' },
      ],
      stylesheet: { type: 'CssStylesheet', value: '.talk-notes-green { background-color: #4cd964; }' },
      target: {
        source: 'https://blog.example/canonical',
        styleClass: 'talk-notes-green',
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: `Passage ${ID}`,
            prefix: 'var x = 1; before ',
            suffix: ' after',
          },
          { type: 'TextPositionSelector', start: 4002, end: 4002 + `Passage ${ID}`.length },
        ],
      },
    });
  });

  it('a highlight clipped before textContent positions: its quote, whitespace at the ends moved into the context, no position (ours counts other text)', () => {
    const h = highlight('h1', 'p1', {
      selectors: [
        {
          type: 'TextQuoteSelector',
          exact: '\n          A flaw in it.\n  ',
          prefix: 'Intro.',
          suffix: 'Next',
        },
        { type: 'TextPositionSelector', start: 10, end: 40 },
      ],
    });
    expect(toAnnotation(h).target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: 'A flaw in it.', prefix: 'Intro.\n          ', suffix: '\n  Next' },
    ]);
  });

  it('a bare highlight has no body; one without a quote selector gets one from its text', () => {
    const h = highlight('h1', 'p1', { selectors: [{ type: 'TextPositionSelector', start: 1, end: 4 }] });
    const annotation = toAnnotation(h);
    expect(annotation.body).toBeUndefined();
    expect(annotation.target).toEqual({
      source: 'https://blog.example/p1',
      selector: [{ type: 'TextQuoteSelector', exact: 'Passage h1', prefix: '', suffix: '' }],
      styleClass: 'talk-notes-yellow',
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
      version: '0.1.0',
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

  it('a talk’s and a page’s own notes and tags (#17) are annotations of the whole page, first', () => {
    const at = { createdAt: Date.UTC(2024, 0, 1), updatedAt: Date.UTC(2024, 0, 3) };
    const collection = toWebAnnotations({
      title: 'My highlights',
      highlights: [highlight('h1', 'p1')],
      pages: [
        page('p1', { url: 'https://blog.example/day-1', note: 'A good *recap*', tags: ['recaps'], ...at }),
        page('p2', { url: 'https://blog.example/day-2' }),
      ],
      talks: [
        talk('t1', 'p1', { title: 'Kernel live patching', note: 'Try kGraft', tags: ['kernel'], ...at }),
        talk('t2', 'p1', { tags: ['later'] }),
        talk('t3', 'p2'),
        conferenceTalk('ct1', 'fosdem', 'ev-1', {
          url: 'https://fosdem.example/event/rust/',
          links: [{ kind: 'recording', url: 'https://video.example/rust.webm', title: null }],
          note: 'Watch the recording',
        }),
        conferenceTalk('ct2', 'fosdem', 'ev-2', { url: null, links: [], note: 'No page to hang this on' }),
      ],
      exportedAt: Date.UTC(2024, 4, 1),
      version: '0.1.0',
    });
    const items = collection.first.items;
    expect(collection.total).toBe(5);
    expect(items[0]).toEqual({
      '@context': ANNOTATION_CONTEXT,
      id: 'urn:talk-notes:page-note:p1',
      type: 'Annotation',
      motivation: 'commenting',
      created: '2024-01-01T00:00:00.000Z',
      modified: '2024-01-03T00:00:00.000Z',
      generator: generatorOf('0.1.0'),
      body: [
        { type: 'TextualBody', value: 'A good *recap*', purpose: 'commenting', format: 'text/markdown' },
        { type: 'TextualBody', value: 'recaps', purpose: 'tagging', format: 'text/plain' },
      ],
      target: { source: 'https://blog.example/day-1' },
    });
    expect(items[1]).toMatchObject({
      id: 'urn:talk-notes:talk-note:t1',
      motivation: 'commenting',
      body: [
        { type: 'TextualBody', value: 'Try kGraft', purpose: 'commenting', format: 'text/markdown' },
        { type: 'TextualBody', value: 'kernel', purpose: 'tagging', format: 'text/plain' },
        { type: 'TextualBody', value: 'Kernel live patching', purpose: 'identifying', format: 'text/plain' },
      ],
      target: { source: 'https://blog.example/day-1' },
    });
    // Tags alone: a tagging annotation.
    expect(items[2]).toMatchObject({ id: 'urn:talk-notes:talk-note:t2', motivation: 'tagging' });
    // A conference talk's note is about its event page; one without an event page has no target.
    expect(items[3]).toMatchObject({
      id: 'urn:talk-notes:talk-note:ct1',
      target: { source: 'https://fosdem.example/event/rust/' },
    });
    expect(items[3]!.body).toContainEqual({
      type: 'SpecificResource',
      purpose: 'linking',
      source: 'https://video.example/rust.webm',
    });
    expect(items[4]).toMatchObject({
      motivation: 'highlighting',
      target: { source: 'https://blog.example/day-1' },
    });
    for (const note of items.slice(0, 4)) expect(note.target).not.toHaveProperty('selector');
  });
});

describe('passages of conference talks', () => {
  const event = conferenceTalk('ct1', 'fosdem', 'ev-1', {
    url: 'https://fosdem.example/2026/schedule/event/rust/',
    links: [
      { kind: 'recording', url: 'https://video.example/rust.webm', title: 'Video' },
      { kind: 'slides', url: 'https://fosdem.example/2026/rust.pdf', title: null },
      // The schedule page listed again as a link: once is enough.
      { kind: 'schedule', url: 'https://fosdem.example/2026/schedule/event/rust/', title: null },
    ],
  });
  const untitled = conferenceTalk('ct2', 'fosdem', 'ev-2', { url: null, links: [] });
  const linked = talk('pt1', 'p1', { scheduleTalkId: 'ct1', scheduleLink: 'matched' });
  const declined = talk('pt2', 'p1', { scheduleLink: 'declined' });
  const toPageTalk = talk('pt3', 'p1', { scheduleTalkId: 'pt2', scheduleLink: 'chosen' });
  const talks = new Map([event, untitled, linked, declined, toPageTalk].map((t) => [t.id, t]));

  it.each<[string, string | null, string | undefined]>([
    ['filed under the conference talk', 'ct1', 'ct1'],
    ['under a page talk linked to it', 'pt1', 'ct1'],
    ['under a page talk that is not linked', 'pt2', undefined],
    ['under a page talk "linked" to a page talk', 'pt3', undefined],
    ['under a talk that is gone', 'gone', undefined],
    ['under no talk', null, undefined],
  ])('conferenceTalkOf: a passage %s -> %s', (_, talkId, expected) => {
    expect(conferenceTalkOf(talkId, talks)?.id).toBe(expected);
  });

  it('the event page identifies what the passage is about, names the talk and its conference; recordings and slides are linked; the note and tags stay', () => {
    const h = highlight(ID, 'p1', { talkId: 'pt1', note: 'Ask about **kpatch**', tags: ['kernel'] });
    const [annotation] = toWebAnnotations({
      title: 'x',
      highlights: [h],
      pages: [page('p1')],
      talks: [...talks.values()],
      conferences: [conference('fosdem', { url: 'https://fosdem.example/2026/' })],
      exportedAt: 0,
      version: '0.1.0',
    }).first.items;
    expect(annotation!.body).toEqual([
      { type: 'TextualBody', value: 'Ask about **kpatch**', purpose: 'commenting', format: 'text/markdown' },
      { type: 'TextualBody', value: 'kernel', purpose: 'tagging', format: 'text/plain' },
      // The page talk it is filed under, by title (an import files it there again).
      { type: 'TextualBody', value: 'Talk pt1', purpose: 'identifying', format: 'text/plain' },
      // The conference talk (#19): the model's `label`, schema.org's people and times, its conference.
      {
        type: 'SpecificResource',
        id: 'urn:talk-notes:talk:ct1',
        purpose: 'identifying',
        source: 'https://fosdem.example/2026/schedule/event/rust/',
        label: 'Event ev-1',
        'schema:performer': ['Ada Example'],
        'schema:startDate': '2026-01-31T10:00:00+01:00',
        'schema:endDate': '2026-01-31T10:30:00+01:00',
        'dcterms:isPartOf': {
          id: 'urn:talk-notes:conference:fosdem',
          label: 'Conference fosdem',
          'schema:alternateName': 'fosdem',
          'schema:startDate': '2026-01-31',
          'schema:endDate': '2026-02-01',
          homepage: 'https://fosdem.example/2026/',
          via: 'https://schedule.example/fosdem.xml',
        },
      },
      { type: 'SpecificResource', purpose: 'linking', source: 'https://video.example/rust.webm' },
      { type: 'SpecificResource', purpose: 'linking', source: 'https://fosdem.example/2026/rust.pdf' },
    ]);
    // The target is still the passage on the page it was clipped from, with the page's title.
    expect(annotation!.target.source).toBe('https://blog.example/p1');
    expect(annotation!.target.label).toBe('Page p1');
  });

  it('a bare passage of a conference talk has the links as its only bodies; one of a talk with no event page is about the talk itself', () => {
    const onlyLinks = toAnnotation(highlight('h1', 'p1'), undefined, {
      url: null,
      links: [{ kind: 'recording', url: 'https://video.example/a.mp4', title: null }],
    });
    expect(onlyLinks.body).toEqual([
      { type: 'SpecificResource', purpose: 'linking', source: 'https://video.example/a.mp4' },
    ]);
    expect(toAnnotation(highlight('h2', 'p1'), undefined, untitled).body).toEqual([
      expect.objectContaining({
        id: 'urn:talk-notes:talk:ct2',
        source: 'urn:talk-notes:talk:ct2',
        label: 'Event ev-2',
      }),
    ]);
  });

  it('without talks nothing is added; a page talk with no link is named by its title alone', () => {
    const h = highlight('h1', 'p1', { talkId: 'ct1' });
    const input = { title: 'x', highlights: [h], pages: [page('p1')], exportedAt: 0, version: '0.1.0' };
    expect(toWebAnnotations(input).first.items[0]!.body).toBeUndefined();
    expect(
      toWebAnnotations({ ...input, highlights: [{ ...h, talkId: 'pt2' }], talks: [...talks.values()] }).first
        .items[0]!.body,
    ).toEqual([{ type: 'TextualBody', value: 'Talk pt2', purpose: 'identifying', format: 'text/plain' }]);
  });
});
