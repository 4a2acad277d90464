/**
 * W3C Web Annotation export (https://www.w3.org/TR/annotation-model/): the highlights as one JSON-LD
 * AnnotationCollection that other annotation tools (Hypothesis, Recogito, ...) can read.
 *
 * Each highlight is an Annotation with motivation `highlighting` whose target is the page URL with the
 * stored TextQuoteSelector and TextPositionSelector (alternatives, as the model allows). The note is a
 * TextualBody (purpose `commenting`, format `text/markdown`) and each tag another one (purpose
 * `tagging`). Our RangeSelector uses Hypothesis-style XPath fields, not the model's RangeSelector, so it
 * is left out. The whole collection is embedded as its first page.
 */
import type { HighlightRecord, PageRecord, TextPositionSelector, TextQuoteSelector } from './types';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface TextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging';
  format?: 'text/markdown';
}

export interface Annotation {
  id: string;
  type: 'Annotation';
  motivation: 'highlighting';
  created: string;
  modified: string;
  body?: TextualBody[];
  target: {
    source: string;
    selector: (TextQuoteSelector | TextPositionSelector)[];
  };
}

export interface AnnotationCollection {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generated: string;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: Annotation[] };
}

export interface WebAnnotationInput {
  /** The collection's label. */
  title: string;
  highlights: readonly HighlightRecord[];
  /** Pages of the highlights: their URL is the target source (falls back to the highlight's own). */
  pages: readonly PageRecord[];
  /** ms since the epoch. */
  exportedAt: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An IRI for a record id: `urn:uuid:` for our UUIDs, a Talk Notes URN for anything else. */
export function annotationIri(id: string): string {
  return UUID.test(id)
    ? `urn:uuid:${id.toLowerCase()}`
    : `urn:talk-notes:highlight:${encodeURIComponent(id)}`;
}

/** ISO 8601 of a time in ms; the epoch for one no Date can hold (a hand-edited backup could have any number). */
function isoTime(ms: number): string {
  const date = new Date(ms);
  return (Number.isNaN(date.getTime()) ? new Date(0) : date).toISOString();
}

/** One highlight as an Annotation. */
export function toAnnotation(highlight: HighlightRecord, sourceUrl: string = highlight.url): Annotation {
  const body: TextualBody[] = [];
  if (highlight.note.trim()) {
    body.push({ type: 'TextualBody', value: highlight.note, purpose: 'commenting', format: 'text/markdown' });
  }
  for (const tag of highlight.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  const selector = highlight.selectors
    .filter((s): s is TextQuoteSelector | TextPositionSelector => s.type !== 'RangeSelector')
    .map((s) =>
      s.type === 'TextQuoteSelector'
        ? { type: s.type, exact: s.exact, prefix: s.prefix, suffix: s.suffix }
        : { type: s.type, start: s.start, end: s.end },
    );
  // Every annotation can be found again by its text, even one stored without a quote selector.
  if (!selector.some((s) => s.type === 'TextQuoteSelector')) {
    selector.unshift({ type: 'TextQuoteSelector', exact: highlight.text, prefix: '', suffix: '' });
  }
  return {
    id: annotationIri(highlight.id),
    type: 'Annotation',
    motivation: 'highlighting',
    created: isoTime(highlight.createdAt),
    modified: isoTime(highlight.updatedAt),
    ...(body.length ? { body } : {}),
    target: { source: sourceUrl, selector },
  };
}

/** The highlights as an AnnotationCollection (JSON-LD; serialize with JSON.stringify). */
export function toWebAnnotations(input: WebAnnotationInput): AnnotationCollection {
  const urls = new Map(input.pages.map((p) => [p.id, p.url]));
  const generated = isoTime(input.exportedAt);
  const id = `urn:talk-notes:export:${generated}`;
  const items = input.highlights.map((h) => toAnnotation(h, urls.get(h.pageId) ?? h.url));
  return {
    '@context': ANNOTATION_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: input.title,
    total: items.length,
    generated,
    first: { id: `${id}#page-1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}
