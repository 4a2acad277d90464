/**
 * W3C Web Annotation export (https://www.w3.org/TR/annotation-model/): the highlights as one JSON-LD
 * AnnotationCollection that other annotation tools (Hypothesis, Recogito, ...) can read.
 *
 * Each highlight is an Annotation with motivation `highlighting`, its own `@context` (so it is valid and
 * usable on its own, taken out of the collection) and `generator` (Talk Notes and its version), whose
 * target is the page URL with a TextQuoteSelector and a TextPositionSelector (alternatives, as the model
 * allows) in the text model other tools use: the page body's `textContent`, trimmed of whitespace at
 * either end (`textContentQuote`, taken at clip time). A highlight clipped before that has only its
 * quote, trimmed: its stored position counts text the other tools count differently. The note is a
 * TextualBody (purpose `commenting`, format `text/markdown`) and each tag another one (purpose
 * `tagging`, format `text/plain`). A passage of a conference talk (filed under it, or under a page's talk linked to it) also
 * has the talk's event page as a SpecificResource body with purpose `identifying` (what the passage is
 * about), and the talk's recordings, slides and other links as SpecificResource bodies with purpose
 * `linking`: the model's way to give an External Web Resource a purpose (section 4.1). A passage filed
 * under a page's talk names that talk with an `identifying` TextualBody (its title), as a talk's note
 * does, so importing the file (core/web-annotation-import.ts) files it there again. Our
 * RangeSelector uses Hypothesis-style XPath fields, not the model's RangeSelector, so it is left out.
 * A talk's or page's own note and tags (#17) is an Annotation of the whole page (motivation
 * `commenting`, or `tagging` for tags alone; target the page, no selector): a talk's names the talk
 * with an `identifying` TextualBody (its title), and a conference talk's targets its event page.
 * A passage's colour is a style class on its target (`talk-notes-yellow`, …) with the annotation's own
 * embedded CssStylesheet giving it that colour (the model's styles, section 4.3).
 * Titles and conferences (#19), in terms of the model's own JSON-LD context that tools which do not
 * know them skip: the page's title is the target's `label` (the target's `source` stays the page's URL,
 * a string, as tools read it); a conference talk's `identifying` body carries the talk (`id`, `label`,
 * speakers and times as schema.org terms) and its conference as `dcterms:isPartOf` (its id, `label`,
 * acronym, dates, `homepage` and the schedule it came `via`), so an import rebuilds both.
 * The whole collection is embedded as its first page.
 */
import { COLOR_SWATCHES } from './colors';
import { noteOf, tagsOf } from './record-notes';
import type {
  ConferenceRecord,
  HighlightColor,
  HighlightRecord,
  PageRecord,
  RecordNotes,
  TalkRecord,
  TextPositionSelector,
  TextQuoteSelector,
} from './types';
import { isOffered, resolveTalk } from './schedule/resolve';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** The software that wrote an annotation (the model's `generator`, section 3.3.1). */
export interface Generator {
  id: string;
  type: 'Software';
  name: string;
}

/** Talk Notes as the generator; `version` is the extension's (its manifest's). */
export function generatorOf(version: string): Generator {
  return {
    id: `urn:talk-notes:software:${encodeURIComponent(version)}`,
    type: 'Software',
    name: `Talk Notes ${version}`,
  };
}

export interface TextualBody {
  type: 'TextualBody';
  value: string;
  /** `identifying`: on a talk's note, the talk the page writes up (its title). */
  purpose: 'commenting' | 'tagging' | 'identifying';
  format: 'text/markdown' | 'text/plain';
}

/** A web resource as a body, with the reason it is there: the event page, a recording, slides. */
export interface LinkBody {
  type: 'SpecificResource';
  /** A conference talk's own IRI (`urn:talk-notes:talk:<id>`), on its `identifying` body. */
  id?: string;
  purpose: 'identifying' | 'linking';
  /** The resource's IRI: an http(s) URL, or the talk's own IRI when it has no event page. */
  source: string;
  /** The talk's title. */
  label?: string;
  'schema:performer'?: string[];
  'schema:startDate'?: string;
  'schema:endDate'?: string;
  /** The talk's conference. */
  'dcterms:isPartOf'?: ConferenceNode;
}

/** A conference as a node of the export (terms of the model's context, or schema.org / Dublin Core ones). */
export interface ConferenceNode {
  /** `urn:talk-notes:conference:<id>`. */
  id: string;
  label: string;
  'schema:alternateName'?: string;
  'schema:startDate'?: string;
  'schema:endDate'?: string;
  /** The conference's own site. */
  homepage?: string;
  /** Where its schedule was imported from. */
  via?: string;
}

export interface Annotation {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'Annotation';
  /** A passage is `highlighting`; a talk's or page's own note `commenting`, its tags alone `tagging`. */
  motivation: 'highlighting' | 'commenting' | 'tagging';
  created: string;
  modified: string;
  generator: Generator;
  body?: (TextualBody | LinkBody)[];
  /** A passage's colour as the model gives styles (section 4.3): a rule for its target's styleClass. */
  stylesheet?: { type: 'CssStylesheet'; value: string };
  /** A passage's target has selectors; a talk's or page's note is about the whole page (no selector). */
  target: {
    source: string;
    selector?: (TextQuoteSelector | TextPositionSelector)[];
    /** `talk-notes-yellow`, … (see {@link colorClass}). */
    styleClass?: string;
    /** The page's title (rdfs:label in the model's context). */
    label?: string;
  };
}

/** The style class of a highlight colour in exported annotations; the import reads the colour back from it. */
export function colorClass(color: HighlightColor): string {
  return `talk-notes-${color}`;
}

export interface AnnotationCollection {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generated: string;
  generator: Generator;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: Annotation[] };
}

export interface WebAnnotationInput {
  /** The collection's label. */
  title: string;
  highlights: readonly HighlightRecord[];
  /** Pages of the highlights: their URL is the target source (falls back to the highlight's own). */
  pages: readonly PageRecord[];
  /**
   * Talks of the highlights, the conference talks their page talks link to (all talks is fine): a
   * passage of a conference talk links to its event page. Without them, no annotation has links.
   */
  talks?: readonly TalkRecord[];
  /** The conferences of those conference talks: each passage of one names it. */
  conferences?: readonly ConferenceRecord[];
  /** ms since the epoch. */
  exportedAt: number;
  /** The extension's version, for `generator`. */
  version: string;
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

/**
 * The event a conference talk's passages are about: its page and its links (recording, slides, …),
 * and, for the talk to come back on import, the talk itself and its conference.
 */
export type TalkEvent = Pick<TalkRecord, 'url' | 'links'> &
  Partial<Pick<TalkRecord, 'id' | 'title' | 'speakers' | 'start' | 'end'>> & {
    conference?: ConferenceRecord;
  };

/** A conference talk's IRI in the export. */
export function talkIri(id: string): string {
  return `urn:talk-notes:talk:${encodeURIComponent(id)}`;
}

/** A conference's IRI in the export. */
export function conferenceIri(id: string): string {
  return `urn:talk-notes:conference:${encodeURIComponent(id)}`;
}

/**
 * One highlight as an Annotation. `event` is the conference talk the highlight is filed under (see
 * {@link conferenceTalkOf}), if any: its event page and links become bodies. `talkTitle` is the page
 * talk it is filed under, if any: an `identifying` TextualBody, so an import puts it back under it.
 */
export function toAnnotation(
  highlight: HighlightRecord,
  sourceUrl: string = highlight.url,
  event?: TalkEvent,
  generator: Generator = generatorOf('unknown'),
  talkTitle?: string,
  pageTitle?: string,
): Annotation {
  const body: (TextualBody | LinkBody)[] = [];
  if (highlight.note.trim()) {
    body.push({ type: 'TextualBody', value: highlight.note, purpose: 'commenting', format: 'text/markdown' });
  }
  for (const tag of highlight.tags) {
    body.push({ type: 'TextualBody', value: tag, purpose: 'tagging', format: 'text/plain' });
  }
  if (talkTitle?.trim())
    body.push({ type: 'TextualBody', value: talkTitle, purpose: 'identifying', format: 'text/plain' });
  body.push(...linkBodies(event));
  return {
    '@context': ANNOTATION_CONTEXT,
    id: annotationIri(highlight.id),
    type: 'Annotation',
    motivation: 'highlighting',
    created: isoTime(highlight.createdAt),
    modified: isoTime(highlight.updatedAt),
    generator,
    ...(body.length ? { body } : {}),
    // Embedded in each annotation, so that one taken out of the collection keeps its colour.
    stylesheet: {
      type: 'CssStylesheet',
      value: `.${colorClass(highlight.color)} { background-color: ${COLOR_SWATCHES[highlight.color]}; }`,
    },
    target: {
      source: sourceUrl,
      selector: exportedSelectors(highlight),
      styleClass: colorClass(highlight.color),
      // A title that is only the address again (a page imported without one) says nothing.
      ...(pageTitle?.trim() && pageTitle !== sourceUrl ? { label: pageTitle } : {}),
    },
  };
}

/**
 * The target's selectors in the textContent model (see the module comment). Without a
 * `textContentQuote` (older clips), the stored quote with the whitespace at its ends moved into its
 * context, and no position: ours skips script and style text, so it would point elsewhere in other tools.
 */
export function exportedSelectors(
  highlight: Pick<HighlightRecord, 'text' | 'selectors' | 'textContentQuote'>,
): (TextQuoteSelector | TextPositionSelector)[] {
  const counted = highlight.textContentQuote;
  if (counted) {
    const { exact, prefix, suffix, start, end } = counted;
    return [
      { type: 'TextQuoteSelector', exact, prefix, suffix },
      { type: 'TextPositionSelector', start, end },
    ];
  }
  const quote = highlight.selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector') ?? {
    type: 'TextQuoteSelector',
    exact: highlight.text,
    prefix: '',
    suffix: '',
  };
  const lead = /^\s*/.exec(quote.exact)![0];
  const trail = /\s*$/.exec(quote.exact.slice(lead.length))![0];
  const exact = quote.exact.slice(lead.length, quote.exact.length - trail.length);
  // A quote of whitespace only cannot be stored; kept as it is rather than exported empty.
  if (!exact)
    return [{ type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix }];
  return [{ type: 'TextQuoteSelector', exact, prefix: quote.prefix + lead, suffix: trail + quote.suffix }];
}

/**
 * The event page (purpose `identifying`) and the other links (purpose `linking`) of a conference
 * talk, each once. The URLs were checked to be http(s) when stored (core/schemas.ts). When the talk
 * itself is known (`id`), the `identifying` body is there even without an event page (its source is
 * then the talk's IRI) and names the talk and its conference.
 */
function linkBodies(event: TalkEvent | undefined): LinkBody[] {
  if (!event) return [];
  const bodies: LinkBody[] = [];
  const seen = new Set<string>();
  const add = (purpose: LinkBody['purpose'], source: string | null | undefined) => {
    if (!source || seen.has(source)) return;
    seen.add(source);
    bodies.push({ type: 'SpecificResource', purpose, source });
  };
  if (event.id !== undefined) {
    const id = talkIri(event.id);
    seen.add(event.url ?? id);
    bodies.push({
      type: 'SpecificResource',
      id,
      purpose: 'identifying',
      source: event.url ?? id,
      ...(event.title ? { label: event.title } : {}),
      ...(event.speakers?.length ? { 'schema:performer': [...event.speakers] } : {}),
      ...(event.start ? { 'schema:startDate': event.start } : {}),
      ...(event.end ? { 'schema:endDate': event.end } : {}),
      ...(event.conference ? { 'dcterms:isPartOf': conferenceNode(event.conference) } : {}),
    });
  } else add('identifying', event.url);
  for (const link of event.links ?? []) add('linking', link.url);
  return bodies;
}

function conferenceNode(conference: ConferenceRecord): ConferenceNode {
  return {
    id: conferenceIri(conference.id),
    label: conference.title,
    ...(conference.acronym ? { 'schema:alternateName': conference.acronym } : {}),
    ...(conference.start ? { 'schema:startDate': conference.start } : {}),
    ...(conference.end ? { 'schema:endDate': conference.end } : {}),
    ...(conference.url ? { homepage: conference.url } : {}),
    ...(conference.sourceUrl ? { via: conference.sourceUrl } : {}),
  };
}

/**
 * The conference talk a highlight's talk stands for: the talk itself when it is a conference's, the
 * conference talk a page's talk is linked to (`scheduleTalkId`), else undefined.
 */
export function conferenceTalkOf(
  talkId: string | null,
  talks: ReadonlyMap<string, TalkRecord>,
): TalkRecord | undefined {
  // The library's one rule for which talk a passage is under (core/schedule/resolve.ts).
  const shown = resolveTalk(talkId === null ? undefined : talks.get(talkId), talks);
  return shown?.conferenceId !== undefined ? shown : undefined;
}

/** An IRI for a talk's or page's own note: never the same as a highlight's. */
export function recordNoteIri(kind: 'talk' | 'page', id: string): string {
  return `urn:talk-notes:${kind}-note:${encodeURIComponent(id)}`;
}

/**
 * A page's own note and tags (#17) as an Annotation of the whole page: motivation `commenting` (or
 * `tagging` when it has tags only), the page as target without a selector. Null without either.
 */
export function pageNoteAnnotation(page: PageRecord, generator: Generator): Annotation | null {
  const body = noteBodies(page);
  if (!body.length) return null;
  return recordAnnotation(recordNoteIri('page', page.id), page, body, page.url, generator);
}

/**
 * A talk's own note and tags (#17) as an Annotation of the page that writes it up (no selector),
 * with the talk's title as an `identifying` body; a conference talk's is about its event page, with
 * the event's links. Null without a note or tags, or when there is no page to target.
 */
export function talkNoteAnnotation(
  talk: TalkRecord,
  pageUrl: string | undefined,
  generator: Generator,
): Annotation | null {
  const own = noteBodies(talk);
  const source = talk.conferenceId !== undefined ? (talk.url ?? undefined) : pageUrl;
  if (!own.length || !source) return null;
  const body: (TextualBody | LinkBody)[] = [
    ...own,
    { type: 'TextualBody', value: talk.title, purpose: 'identifying', format: 'text/plain' },
  ];
  if (talk.conferenceId !== undefined) body.push(...linkBodies({ url: null, links: talk.links }));
  return recordAnnotation(recordNoteIri('talk', talk.id), talk, body, source, generator);
}

function noteBodies(record: RecordNotes): TextualBody[] {
  const body: TextualBody[] = [];
  const note = noteOf(record);
  if (note.trim())
    body.push({ type: 'TextualBody', value: note, purpose: 'commenting', format: 'text/markdown' });
  for (const tag of tagsOf(record))
    body.push({ type: 'TextualBody', value: tag, purpose: 'tagging', format: 'text/plain' });
  return body;
}

function recordAnnotation(
  id: string,
  record: { createdAt: number; updatedAt: number },
  body: (TextualBody | LinkBody)[],
  source: string,
  generator: Generator,
): Annotation {
  return {
    '@context': ANNOTATION_CONTEXT,
    id,
    type: 'Annotation',
    motivation: body.some((b) => b.type === 'TextualBody' && b.purpose === 'commenting')
      ? 'commenting'
      : 'tagging',
    created: isoTime(record.createdAt),
    modified: isoTime(record.updatedAt),
    generator,
    body,
    target: { source },
  };
}

/**
 * The highlights as an AnnotationCollection (JSON-LD; serialize with JSON.stringify). The notes of
 * the given pages and talks come first, each an annotation of its whole page.
 */
export function toWebAnnotations(input: WebAnnotationInput): AnnotationCollection {
  const urls = new Map(input.pages.map((p) => [p.id, p.url]));
  const titles = new Map(input.pages.map((p) => [p.id, p.title]));
  const talks = new Map((input.talks ?? []).map((t) => [t.id, t]));
  const conferences = new Map((input.conferences ?? []).map((c) => [c.id, c]));
  const generated = isoTime(input.exportedAt);
  const id = `urn:talk-notes:export:${generated}`;
  const generator = generatorOf(input.version);
  const notes = [
    ...input.pages.map((p) => pageNoteAnnotation(p, generator)),
    ...(input.talks ?? []).map((t) =>
      talkNoteAnnotation(t, t.pageId === null ? undefined : urls.get(t.pageId), generator),
    ),
  ].filter((a): a is Annotation => a !== null);
  const items = [
    ...notes,
    ...input.highlights.map((h) => {
      const own = h.talkId === null ? undefined : talks.get(h.talkId);
      // A passage the clip guard offered is under no conference talk until the reader decides.
      const event = isOffered(h, talks) ? undefined : conferenceTalkOf(h.talkId, talks);
      return toAnnotation(
        h,
        urls.get(h.pageId) ?? h.url,
        event && { ...event, conference: conferences.get(event.conferenceId!) },
        generator,
        own && own.conferenceId === undefined ? own.title : undefined,
        titles.get(h.pageId),
      );
    }),
  ];
  return {
    '@context': ANNOTATION_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: input.title,
    total: items.length,
    generated,
    generator,
    first: { id: `${id}#page-1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}
