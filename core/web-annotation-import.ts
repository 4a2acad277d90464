/**
 * Reading W3C Web Annotations (https://www.w3.org/TR/annotation-model/) into library records: our own
 * export (core/web-annotation.ts) and other tools' (Hypothesis's JSON-LD and API shapes, Apache
 * Annotator / Recogito-style annotations). The records go through the backup import (validation,
 * merge, all or nothing); docs/export-format.md, "Importing Web Annotations", is the reader's version.
 *
 * - Accepted: one Annotation, an array of them, an AnnotationPage (`items`), an AnnotationCollection
 *   with its `first` page embedded, and Hypothesis's API rows (`{ rows: [...] }` or one row).
 * - Each annotation is checked against a loose schema first. One we cannot use is skipped and counted by
 *   reason, and the rest are imported (one odd annotation among thousands must not cost the others): a
 *   field of the wrong kind or over our bounds (the first such one is named), a page address longer than
 *   the library keeps, no text quote, a target that is not an http(s) page. Only a file whose outer
 *   shape is wrong, or with nothing usable, is refused.
 * - Mapping: the target's source is the page (normalized URL), its style class the colour (ours,
 *   `talk-notes-green`, or a bare colour name; else yellow); TextQuoteSelector (also inside
 *   `refinedBy`, or a RangeSelector's) gives the passage and its context; a TextPositionSelector whose
 *   length is the quote's is kept as the textContent position (what our export writes). `commenting`
 *   bodies (and bodies with no purpose) are the note, `tagging` bodies tags, an `identifying`
 *   TextualBody the talk (by title, on that page). An annotation without a selector is about the
 *   whole page: its note and tags go to the page, or to the talk it identifies.
 * - Titles and conferences (#19): the target's `label` titles a new page; an `identifying`
 *   SpecificResource with a `label` is a conference talk (its id, title, speakers, times, event page
 *   and the `linking` bodies as its links) and its `dcterms:isPartOf` node its conference. The passage
 *   goes under that talk, or under its page talk (the `identifying` TextualBody), linked to it. They
 *   are dated 1990: the library's own conference and talk records always win a merge.
 * - Ids are stable, so importing a file twice adds nothing the second time: our own ids come back
 *   (`urn:uuid:`, `urn:talk-notes:*`), any other annotation's id is hashed (`wa-…`); pages are keyed
 *   by URL and talks by page and title.
 * - Everything is text: bodies are stored as they are (HTML stays text: notes are never rendered as
 *   HTML), bounded by the library's limits.
 */
import * as v from 'valibot';
import { codePointLength } from './anchoring/text-content';
import type { LibraryData } from './backup';
import { LIMITS } from './limits';
import { EARLIEST_TIMESTAMP, isPlausibleTime } from './schemas';
import { normalizeTags } from './tags';
import {
  type ConferenceRecord,
  HIGHLIGHT_COLORS,
  type HighlightColor,
  type HighlightRecord,
  type PageRecord,
  type TalkRecord,
  type TextContentQuote,
  type TextQuoteSelector,
} from './types';
import { normalizeUrl } from './url';

/** Annotations one file may hold (a library's highlight limit is larger; this bounds the work). */
export const MAX_ANNOTATIONS = 200_000;
/** How deep `refinedBy` chains are followed, and selectors looked for in lists. */
const MAX_REFINEMENT_DEPTH = 8;
/** Targets, bodies and selectors looked at per annotation; more are ignored. */
const MAX_PARTS = 50;

/** Why a well-formed annotation was not imported. */
export type SkipReason = 'invalid' | 'url-too-long' | 'no-quote' | 'not-web-page' | 'too-long' | 'empty';

const SKIP_WORDING: Record<SkipReason, [one: string, many: string]> = {
  invalid: ['has a field Talk Notes cannot read', 'have a field Talk Notes cannot read'],
  'url-too-long': [
    `is about a page whose address is longer than Talk Notes keeps (${LIMITS.url.toLocaleString('en')} characters)`,
    `are about a page whose address is longer than Talk Notes keeps (${LIMITS.url.toLocaleString('en')} characters)`,
  ],
  'no-quote': ['has no text quote (TextQuoteSelector)', 'have no text quote (TextQuoteSelector)'],
  'not-web-page': ['is not about an http(s) web page', 'are not about an http(s) web page'],
  'too-long': [
    'quotes a passage longer than Talk Notes keeps',
    'quote a passage longer than Talk Notes keeps',
  ],
  empty: ['is about a whole page but has no note or tag', 'are about a whole page but have no note or tag'],
};

export type ReadAnnotationsResult =
  | {
      ok: true;
      library: LibraryData;
      /** Annotations turned into records (passages, and page or talk notes). */
      imported: number;
      skipped: Partial<Record<SkipReason, number>>;
      /** The first annotation skipped as invalid, named with its bad field, for the message. */
      firstInvalid?: string;
    }
  | { ok: false; error: string };

const str = (max: number) => v.pipe(v.string(), v.maxLength(max));
const typeField = v.optional(v.union([str(200), v.pipe(v.array(str(200)), v.maxLength(MAX_PARTS))]));
// valibot's looseObject takes an array as an object with keys "0", "1", …: the single item must not be
// a list, or a list with one bad item would be read as one item with none of its fields.
const notAList = v.custom<unknown>((x) => !Array.isArray(x), 'a list where one item was expected');
const manyOf = <T extends v.GenericSchema>(item: T) =>
  v.union([v.pipe(v.array(item), v.maxLength(MAX_PARTS)), v.pipe(notAList, item)]);

/** A selector as the model writes it; only the fields we read are typed, `refinedBy` is walked by hand. */
const SelectorShape = v.looseObject({
  type: typeField,
  exact: v.optional(str(LIMITS.passage * 2)),
  prefix: v.optional(str(LIMITS.passage)),
  suffix: v.optional(str(LIMITS.passage)),
  start: v.optional(v.number()),
  end: v.optional(v.number()),
});
const SourceShape = v.union([str(LIMITS.url * 2), v.looseObject({ id: str(LIMITS.url * 2) })]);
const TargetShape = v.union([
  str(LIMITS.url * 2),
  v.looseObject({
    type: typeField,
    id: v.optional(str(LIMITS.url * 2)),
    source: v.optional(SourceShape),
    selector: v.optional(manyOf(SelectorShape)),
    styleClass: v.optional(manyOf(str(200))),
  }),
]);
const BodyShape = v.union([
  str(LIMITS.note),
  v.looseObject({
    type: typeField,
    value: v.optional(str(LIMITS.note)),
    purpose: v.optional(manyOf(str(200))),
    format: v.optional(str(200)),
    id: v.optional(str(LIMITS.url * 2)),
    source: v.optional(SourceShape),
  }),
]);
/** A Web Annotation as any tool may write it: what must be there for us to read it. */
const AnnotationShape = v.looseObject({
  type: typeField,
  id: v.optional(str(LIMITS.url * 2)),
  motivation: v.optional(manyOf(str(200))),
  created: v.optional(str(100)),
  modified: v.optional(str(100)),
  body: v.optional(manyOf(BodyShape)),
  bodyValue: v.optional(str(LIMITS.note)),
  target: manyOf(TargetShape),
});
/** Hypothesis's API representation (`/api/annotations/:id`, and the rows of `/api/search`). */
const HypothesisRowShape = v.looseObject({
  id: v.optional(str(LIMITS.url * 2)),
  created: v.optional(str(100)),
  updated: v.optional(str(100)),
  uri: v.optional(str(LIMITS.url * 2)),
  text: v.optional(str(LIMITS.note)),
  tags: v.optional(v.pipe(v.array(str(LIMITS.tag * 5)), v.maxLength(LIMITS.tags))),
  target: v.pipe(
    v.array(v.looseObject({ source: v.optional(SourceShape), selector: v.optional(manyOf(SelectorShape)) })),
    v.maxLength(MAX_PARTS),
  ),
  document: v.optional(v.looseObject({ title: v.optional(v.array(v.unknown())) })),
});

type Shape = v.InferOutput<typeof AnnotationShape>;
type SelectorValue = v.InferOutput<typeof SelectorShape>;
type BodyValue = v.InferOutput<typeof BodyShape>;

const list = <T>(x: T | readonly T[] | undefined): readonly T[] =>
  x === undefined ? [] : Array.isArray(x) ? x : [x as T];
const typesOf = (x: { type?: string | string[] }) => list(x.type);

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** True for an Annotation, AnnotationPage or AnnotationCollection, a list of annotations, or Hypothesis rows. */
export function looksLikeWebAnnotations(data: unknown): boolean {
  if (Array.isArray(data)) return data.length > 0 && data.every((a) => isRecord(a) && isAnnotationLike(a));
  if (!isRecord(data)) return false;
  const types = list(data.type as string | string[] | undefined);
  return (
    types.some((t) => t === 'Annotation' || t === 'AnnotationPage' || t === 'AnnotationCollection') ||
    (Array.isArray(data.rows) && 'total' in data) ||
    isHypothesisRow(data)
  );
}

function isAnnotationLike(a: Record<string, unknown>): boolean {
  return list(a.type as string | string[] | undefined).includes('Annotation') || isHypothesisRow(a);
}

function isHypothesisRow(a: Record<string, unknown>): boolean {
  return a.type === undefined && typeof a.uri === 'string' && Array.isArray(a.target);
}

/** The annotations of a file's JSON, or an error naming what is wrong with its outer shape. */
function itemsOf(data: unknown): unknown[] | string {
  if (Array.isArray(data)) return data;
  if (!isRecord(data)) return 'The file holds no Web Annotations.';
  const types = list(data.type as string | string[] | undefined);
  if (types.includes('AnnotationCollection')) {
    const first = data.first;
    if (!isRecord(first) || !Array.isArray(first.items))
      return 'The AnnotationCollection does not embed its first page (`first` with `items`): its annotations are elsewhere, so there is nothing to import.';
    if (first.next !== undefined)
      return 'The AnnotationCollection has more pages than its first (`next`): only collections embedded whole can be imported.';
    return first.items;
  }
  if (types.includes('AnnotationPage')) {
    return Array.isArray(data.items) ? data.items : 'The AnnotationPage has no `items` list.';
  }
  if (Array.isArray(data.rows)) return data.rows;
  return [data];
}

/**
 * A stable 128-bit hex hash (four FNV-1a 32-bit lanes with different seeds): ids for records of
 * annotations that are not ours. 32-bit integer arithmetic: a 256 MB file hashes in seconds.
 */
export function stableHash(text: string): string {
  const lanes = [0x811c9dc5, 0x050c5d1f, 0x6c62272e, 0x2c1b3c6d];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    for (let l = 0; l < 4; l++) lanes[l] = Math.imul(lanes[l]! ^ (c + l), 0x01000193);
  }
  return lanes.map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('');
}

const UUID_IRI = /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const OUR_IRI = /^urn:talk-notes:(highlight|page-note|talk-note):(.+)$/;

/** Our own record id in an annotation IRI we wrote, if it is one. */
function ourId(iri: string | undefined, kind: 'highlight' | 'page-note' | 'talk-note'): string | null {
  if (!iri) return null;
  if (kind === 'highlight') {
    const uuid = UUID_IRI.exec(iri);
    if (uuid) return uuid[1]!.toLowerCase();
  }
  const ours = OUR_IRI.exec(iri);
  if (!ours || ours[1] !== kind) return null;
  try {
    const id = decodeURIComponent(ours[2]!);
    return id.length > 0 && id.length <= LIMITS.id ? id : null;
  } catch {
    return null;
  }
}

/** ms of an ISO date the library can hold, else null. */
function timeOf(iso: string | undefined): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) && isPlausibleTime(ms) ? ms : null;
}

interface Quote {
  selector: TextQuoteSelector;
  counted?: TextContentQuote;
  position: number;
}

/** Every selector of a target, with those in `refinedBy` chains and RangeSelector ends, bounded. */
function flattenSelectors(selectors: readonly SelectorValue[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (s: unknown, depth: number) => {
    if (!isRecord(s) || depth > MAX_REFINEMENT_DEPTH || out.length >= MAX_PARTS) return;
    out.push(s);
    for (const child of list(s.refinedBy as unknown)) visit(child, depth + 1);
    visit(s.startSelector, depth + 1);
    visit(s.endSelector, depth + 1);
  };
  for (const s of selectors) visit(s, 0);
  return out;
}

/** The passage a target's selectors quote, if any. */
function quoteOf(selectors: readonly SelectorValue[]): Quote | null | 'too-long' {
  const all = flattenSelectors(selectors);
  const quote = all.find(
    (s) => s.type === 'TextQuoteSelector' && typeof s.exact === 'string' && s.exact.trim() !== '',
  );
  if (!quote) return null;
  const exact = quote.exact as string;
  if (exact.length > LIMITS.passage) return 'too-long';
  const prefix = typeof quote.prefix === 'string' ? quote.prefix.slice(-LIMITS.quoteContext) : '';
  const suffix = typeof quote.suffix === 'string' ? quote.suffix.slice(0, LIMITS.quoteContext) : '';
  const selector: TextQuoteSelector = { type: 'TextQuoteSelector', exact, prefix, suffix };
  const at = all.find(
    (s) =>
      s.type === 'TextPositionSelector' &&
      Number.isSafeInteger(s.start) &&
      Number.isSafeInteger(s.end) &&
      (s.start as number) >= 0 &&
      // The model counts code points: a quote with an emoji is shorter than its UTF-16 length.
      (s.end as number) - (s.start as number) === codePointLength(exact),
  );
  if (!at) return { selector, position: 0 };
  const start = at.start as number;
  return {
    selector,
    counted: { exact, prefix, suffix, start, end: start + codePointLength(exact) },
    position: start,
  };
}

/**
 * A target's page (normalized http(s) URL; `'too-long'` when the library cannot keep its address) and
 * selectors.
 */
function targetParts(target: v.InferOutput<typeof TargetShape>): {
  url: string | null | 'too-long';
  selectors: readonly SelectorValue[];
  color: HighlightColor | null;
  /** The page's title (our export's `label`). */
  label: string | null;
} {
  const source = typeof target === 'string' ? target : (target.source ?? target.id);
  const iri = typeof source === 'string' ? source : source?.id;
  const url = iri ? normalizeUrl(iri) : null;
  return {
    url: url && url.length > LIMITS.url ? 'too-long' : url,
    selectors: typeof target === 'string' ? [] : list<SelectorValue>(target.selector),
    color: typeof target === 'string' ? null : colorOf(list(target.styleClass)),
    label: typeof target === 'string' ? null : textOf(target.label, LIMITS.title),
  };
}

/** A string field read leniently: trimmed, cut to `max`, null when absent, empty or not a string. */
function textOf(value: unknown, max: number): string | null {
  return typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : null;
}

/** An http(s) URL the library can keep, else null. */
function httpUrl(value: unknown): string | null {
  return typeof value === 'string' && /^https?:\/\/[^\s]+$/i.test(value) && value.length <= LIMITS.url
    ? value
    : null;
}

/** A conference talk an `identifying` SpecificResource names (#19), with its conference. */
interface EventDraft {
  id: string;
  title: string;
  url: string | null;
  speakers: string[];
  start: string | null;
  end: string | null;
  conference: ConferenceRecord | null;
}

const TALK_IRI = /^urn:talk-notes:talk:(.+)$/;
const CONFERENCE_IRI = /^urn:talk-notes:conference:(.+)$/;

/** Our id in a `urn:talk-notes:talk:` / `conference:` IRI, else a hash of whatever identifies it. */
function idOf(iri: unknown, ours: RegExp, prefix: string, fallback: string): string {
  const match = typeof iri === 'string' ? ours.exec(iri) : null;
  if (match) {
    try {
      const id = decodeURIComponent(match[1]!);
      if (id.length > 0 && id.length <= LIMITS.id) return id;
    } catch {
      // not ours after all: hashed below
    }
  }
  return `${prefix}${stableHash(typeof iri === 'string' ? iri : fallback)}`;
}

function eventOf(body: Record<string, unknown>): EventDraft | null {
  const title = textOf(body.label, LIMITS.title);
  if (!title) return null;
  const source =
    typeof body.source === 'string' ? body.source : isRecord(body.source) ? body.source.id : null;
  const url = httpUrl(source);
  const speakers = Array.isArray(body['schema:performer'])
    ? body['schema:performer']
        .map((name) => textOf(name, LIMITS.personName))
        .filter((name): name is string => name !== null)
        .slice(0, LIMITS.speakers)
    : [];
  const node = body['dcterms:isPartOf'];
  const conferenceTitle = isRecord(node) ? textOf(node.label, LIMITS.title) : null;
  const conference: ConferenceRecord | null =
    isRecord(node) && conferenceTitle
      ? {
          id: idOf(node.id, CONFERENCE_IRI, 'wa-conference-', conferenceTitle),
          title: conferenceTitle,
          acronym: textOf(node['schema:alternateName'], LIMITS.scheduleField),
          start: textOf(node['schema:startDate'], LIMITS.scheduleField),
          end: textOf(node['schema:endDate'], LIMITS.scheduleField),
          timeZone: null,
          url: httpUrl(node.homepage),
          sourceUrl: httpUrl(node.via),
          sourceFile: null,
          // Not in the export: the formats are alike once read.
          format: 'frab-json',
          importedAt: EARLIEST_TIMESTAMP,
          createdAt: EARLIEST_TIMESTAMP,
          updatedAt: EARLIEST_TIMESTAMP,
        }
      : null;
  return {
    id: idOf(body.id, TALK_IRI, 'wa-ctalk-', `${conference?.id ?? ''}\u0000${url ?? ''}\u0000${title}`),
    title,
    url,
    speakers,
    start: textOf(body['schema:startDate'], LIMITS.scheduleField),
    end: textOf(body['schema:endDate'], LIMITS.scheduleField),
    conference,
  };
}

/** The highlight colour a target's style classes name (ours, `talk-notes-green`, or a bare `green`). */
function colorOf(classes: readonly string[]): HighlightColor | null {
  for (const name of classes) {
    const color = name.replace(/^talk-notes-/, '');
    if ((HIGHLIGHT_COLORS as readonly string[]).includes(color)) return color as HighlightColor;
  }
  return null;
}

interface Bodies {
  notes: string[];
  tags: string[];
  talk: string | null;
  /** A conference talk the annotation identifies, and its other links. */
  event: EventDraft | null;
  links: string[];
}

function bodiesOf(annotation: Shape): Bodies {
  const out: Bodies = { notes: [], tags: [], talk: null, event: null, links: [] };
  const tagging = list(annotation.motivation).includes('tagging');
  if (annotation.bodyValue?.trim()) out.notes.push(annotation.bodyValue);
  for (const body of list<BodyValue>(annotation.body).slice(0, MAX_PARTS)) {
    if (typeof body === 'string') {
      // The model makes a string body an IRI; tools also write plain text there. Either way, a note.
      if (body.trim()) out.notes.push(body);
      continue;
    }
    const purposes = list(body.purpose);
    // A resource body: a conference talk (our export names it), or one of its links.
    if (typesOf(body).includes('SpecificResource')) {
      if (purposes.includes('identifying')) out.event ??= eventOf(body);
      else if (purposes.includes('linking')) {
        const url = httpUrl(typeof body.source === 'string' ? body.source : body.source?.id);
        if (url) out.links.push(url);
      }
    }
    if (typeof body.value !== 'string' || !body.value.trim()) continue;
    if (purposes.includes('tagging') || (tagging && purposes.length === 0)) out.tags.push(body.value);
    else if (purposes.includes('identifying')) out.talk ??= body.value.trim().slice(0, LIMITS.title);
    else if (purposes.length === 0 || purposes.some((p) => p === 'commenting' || p === 'describing'))
      out.notes.push(body.value);
  }
  return out;
}

/** A Hypothesis API row as the Web Annotation it stands for. */
function fromHypothesisRow(row: v.InferOutput<typeof HypothesisRowShape>): Shape {
  return {
    type: 'Annotation',
    id: row.id,
    created: row.created,
    modified: row.updated,
    body: [
      ...(row.text ? [{ type: 'TextualBody', value: row.text, purpose: 'commenting' }] : []),
      ...(row.tags ?? []).map((tag) => ({ type: 'TextualBody', value: tag, purpose: 'tagging' })),
    ],
    target: row.target.map((t) => ({ source: t.source ?? row.uri, selector: t.selector })),
  };
}

function titleOfRow(row: unknown): string | null {
  if (!isRecord(row) || !isRecord(row.document) || !Array.isArray(row.document.title)) return null;
  const title = row.document.title[0];
  return typeof title === 'string' && title.trim() ? title.trim().slice(0, LIMITS.title) : null;
}

/** `annotation 3 ("https://hypothes.is/a/x")`, for messages. */
function nameOf(item: unknown, index: number): string {
  const id =
    isRecord(item) && typeof item.id === 'string' ? ` (${JSON.stringify(item.id.slice(0, 80))})` : '';
  return `annotation ${index + 1}${id}`;
}

function describeIssue(union: v.BaseIssue<unknown>): string {
  // A union's own message lists its options; the first option's issue says what is wrong.
  let issue = union;
  while (issue.type === 'union' && issue.issues?.length) issue = issue.issues[0]!;
  const longer = (issue.path?.length ?? 0) >= (union.path?.length ?? 0) ? issue : union;
  const path = (longer.path ?? []).map((p) =>
    typeof p.key === 'number' ? `[${p.key}]` : `.${String(p.key)}`,
  );
  const where = path.join('').replace(/^\./, '');
  const message = issue.type === 'object' && issue.received === 'undefined' ? 'missing' : issue.message;
  return where ? `${where}: ${message}` : message;
}

/**
 * Library records for the Web Annotations in `data` (parsed JSON). Never throws; an error names the
 * first malformed annotation and means nothing is to be imported.
 */
export function readWebAnnotations(data: unknown): ReadAnnotationsResult {
  const items = itemsOf(data);
  if (typeof items === 'string') return { ok: false, error: items };
  if (items.length === 0) return { ok: false, error: 'The file holds no annotations.' };
  if (items.length > MAX_ANNOTATIONS)
    return {
      ok: false,
      error: `The file holds ${items.length.toLocaleString('en')} annotations; at most ${MAX_ANNOTATIONS.toLocaleString('en')} are imported at once.`,
    };

  const annotations: { shape: Shape; title: string | null }[] = [];
  const refused: Refused = { skipped: {} };
  const refuse = (item: unknown, i: number, reason: SkipReason, why: string) => {
    refused.skipped[reason] = (refused.skipped[reason] ?? 0) + 1;
    if (reason === 'invalid') refused.firstInvalid ??= `${nameOf(item, i)}: ${why}`;
  };
  for (const [i, item] of items.entries()) {
    if (isRecord(item) && isHypothesisRow(item)) {
      const row = v.safeParse(HypothesisRowShape, item);
      if (!row.success) refuse(item, i, reasonOf(row.issues[0]), describeIssue(row.issues[0]));
      else annotations.push({ shape: fromHypothesisRow(row.output), title: titleOfRow(item) });
      continue;
    }
    const parsed = v.safeParse(AnnotationShape, item);
    if (!parsed.success) refuse(item, i, reasonOf(parsed.issues[0]), describeIssue(parsed.issues[0]));
    else if (!typesOf(parsed.output).includes('Annotation'))
      refuse(item, i, 'invalid', 'its type is not "Annotation"');
    else annotations.push({ shape: parsed.output, title: null });
  }
  return toRecords(annotations, items.length, refused);
}

/** Annotations skipped before they were read, and the first invalid one named. */
interface Refused {
  skipped: Partial<Record<SkipReason, number>>;
  firstInvalid?: string;
}

/** An address too long for the schema's bound is the page address case; anything else is invalid. */
function reasonOf(union: v.BaseIssue<unknown>): SkipReason {
  let issue = union;
  while (issue.type === 'union' && issue.issues?.length) issue = issue.issues[0]!;
  const key = issue.path?.findLast((p) => typeof p.key === 'string')?.key;
  return issue.type === 'max_length' &&
    (key === 'source' || key === 'target' || key === 'uri' || key === 'id') &&
    issue.path!.some((p) => p.key === 'target' || p.key === 'uri')
    ? 'url-too-long'
    : 'invalid';
}

interface PageDraft {
  record: PageRecord;
  notes: string[];
  tags: string[];
}

function toRecords(
  annotations: { shape: Shape; title: string | null }[],
  total: number,
  refused: Refused,
): ReadAnnotationsResult {
  const skipped = refused.skipped;
  const skip = (reason: SkipReason) => {
    skipped[reason] = (skipped[reason] ?? 0) + 1;
  };
  const pages = new Map<string, PageDraft>();
  const talks = new Map<string, TalkRecord & { notes: string[]; allTags: string[] }>();
  const highlights = new Map<string, HighlightRecord>();
  const conferences = new Map<string, ConferenceRecord>();
  const conferenceTalks = new Map<string, TalkRecord>();
  let imported = 0;

  /** The conference talk of an annotation's bodies (once per id), with its conference: its id, or null. */
  const conferenceTalkFor = (bodies: Bodies): string | null => {
    const event = bodies.event;
    if (!event?.conference) return null;
    if (!conferences.has(event.conference.id)) conferences.set(event.conference.id, event.conference);
    if (!conferenceTalks.has(event.id))
      conferenceTalks.set(event.id, {
        id: event.id,
        pageId: null,
        title: event.title,
        speakers: event.speakers,
        position: -1,
        detected: false,
        detectedTitle: null,
        conferenceId: event.conference.id,
        scheduleId: event.id,
        subtitle: null,
        start: event.start,
        end: event.end,
        timeZone: null,
        day: event.start && /^\d{4}-\d{2}-\d{2}/.test(event.start) ? event.start.slice(0, 10) : null,
        room: null,
        track: null,
        type: null,
        abstract: null,
        url: event.url,
        links: [...new Set(bodies.links)]
          .filter((url) => url !== event.url)
          .slice(0, LIMITS.scheduleLinks)
          .map((url) => ({ kind: 'other' as const, url, title: null })),
        housekeeping: false,
        createdAt: EARLIEST_TIMESTAMP,
        updatedAt: EARLIEST_TIMESTAMP,
      });
    return event.id;
  };

  const pageFor = (url: string, at: number, title: string | null): PageDraft => {
    let page = pages.get(url);
    if (!page) {
      page = {
        record: {
          id: `wa-page-${stableHash(url)}`,
          url,
          // A long address is a fine URL but not a title: the title is cut to what the library keeps.
          title: title ?? url.slice(0, LIMITS.title),
          authors: [],
          siteName: null,
          publishedAt: null,
          lang: null,
          canonicalUrl: null,
          excerpt: null,
          createdAt: at,
          updatedAt: at,
        },
        notes: [],
        tags: [],
      };
      pages.set(url, page);
    }
    page.record.createdAt = Math.min(page.record.createdAt, at);
    page.record.updatedAt = Math.max(page.record.updatedAt, at);
    if (title && page.record.title === url.slice(0, LIMITS.title)) page.record.title = title;
    return page;
  };
  const talkFor = (page: PageDraft, title: string, at: number, id?: string | null) => {
    const key = `${page.record.url}\u0000${title.toLowerCase()}`;
    let talk = talks.get(key);
    if (!talk) {
      talk = {
        id: id ?? `wa-talk-${stableHash(key)}`,
        pageId: page.record.id,
        title,
        speakers: [],
        position: -1,
        detected: false,
        detectedTitle: null,
        createdAt: at,
        updatedAt: at,
        notes: [],
        allTags: [],
      };
      talks.set(key, talk);
    } else if (id && talk.id.startsWith('wa-talk-')) talk.id = id;
    talk.createdAt = Math.min(talk.createdAt, at);
    talk.updatedAt = Math.max(talk.updatedAt, at);
    return talk;
  };

  for (const { shape, title } of annotations) {
    const created = timeOf(shape.created) ?? timeOf(shape.modified) ?? EARLIEST_TIMESTAMP;
    const modified = Math.max(created, timeOf(shape.modified) ?? created);
    const targets = list<v.InferOutput<typeof TargetShape>>(shape.target)
      .slice(0, MAX_PARTS)
      .map(targetParts);
    const web = targets.filter(
      (t): t is ReturnType<typeof targetParts> & { url: string } => t.url !== null && t.url !== 'too-long',
    );
    if (web.length === 0) {
      skip(targets.some((t) => t.url === 'too-long') ? 'url-too-long' : 'not-web-page');
      continue;
    }
    const bodies = bodiesOf(shape);
    const withSelectors = web.find((t) => t.selectors.length > 0);
    if (!withSelectors) {
      // About the whole page: its note and tags go to the page, or the talk the annotation names.
      if (bodies.notes.length === 0 && bodies.tags.length === 0) {
        skip('empty');
        continue;
      }
      const page = pageFor(web[0]!.url!, modified, title ?? web[0]!.label);
      const talkId = ourId(shape.id, 'talk-note');
      const pageId = ourId(shape.id, 'page-note');
      if (pageId && page.record.id.startsWith('wa-page-')) retargetPage(page, pageId, talks, highlights);
      const holder = bodies.talk ? talkFor(page, bodies.talk, modified, talkId) : null;
      (holder?.notes ?? page.notes).push(...bodies.notes);
      (holder?.allTags ?? page.tags).push(...bodies.tags);
      imported++;
      continue;
    }
    const quote = quoteOf(withSelectors.selectors);
    if (quote === 'too-long') {
      skip('too-long');
      continue;
    }
    if (!quote) {
      skip('no-quote');
      continue;
    }
    const page = pageFor(withSelectors.url!, modified, title ?? withSelectors.label);
    const talk = bodies.talk ? talkFor(page, bodies.talk, modified) : null;
    const conferenceTalk = conferenceTalkFor(bodies);
    // A page's talk linked to the conference talk: the reader's link (the matcher's state is not exported).
    if (talk && conferenceTalk) {
      talk.scheduleTalkId ??= conferenceTalk;
      talk.scheduleLink ??= 'chosen';
    }
    const id =
      ourId(shape.id, 'highlight') ??
      `wa-${stableHash(shape.id ?? `${page.record.url}\u0000${quote.selector.prefix}\u0000${quote.selector.exact}\u0000${quote.selector.suffix}\u0000${shape.created ?? ''}`)}`;
    highlights.set(id, {
      id,
      pageId: page.record.id,
      url: page.record.url,
      talkId: talk?.id ?? conferenceTalk ?? null,
      text: quote.selector.exact,
      // No Markdown from elsewhere: exports write the passage as escaped text.
      markdown: '',
      ...(quote.counted ? { textContentQuote: quote.counted } : {}),
      selectors: [quote.selector],
      color: withSelectors.color ?? 'yellow',
      note: bodies.notes.join('\n\n').slice(0, LIMITS.note),
      tags: normalizeTags(bodies.tags).slice(0, LIMITS.tags),
      position: quote.position,
      anchorStatus: 'pending',
      createdAt: created,
      updatedAt: modified,
    });
    imported++;
  }

  if (imported === 0) {
    return {
      ok: false,
      error: `None of the ${total} annotations can be imported: ${skippedSummary(skipped)}${refused.firstInvalid ? ` (${refused.firstInvalid})` : ''}.`,
    };
  }
  const noted = <T extends { note?: string; tags?: string[] }>(
    record: T,
    notes: string[],
    tags: string[],
  ) => {
    const note = notes.join('\n\n').slice(0, LIMITS.note);
    const all = normalizeTags(tags).slice(0, LIMITS.tags);
    return { ...record, ...(note ? { note } : {}), ...(all.length ? { tags: all } : {}) };
  };
  return {
    ok: true,
    imported,
    skipped,
    ...(refused.firstInvalid ? { firstInvalid: refused.firstInvalid } : {}),
    library: {
      pages: [...pages.values()].map((p) => noted(p.record, p.notes, p.tags)),
      conferences: [...conferences.values()],
      talks: [
        ...[...talks.values()].map(({ notes, allTags, ...talk }) => {
          // Point highlights at the talk's final id (our own talk-note id may have come after them).
          return noted(talk, notes, allTags);
        }),
        ...conferenceTalks.values(),
      ],
      highlights: fixTalkIds([...highlights.values()], talks),
      collections: [],
      settings: [],
    },
  };
}

/** A page that turned out to be one of ours (its page-note id): its records follow the id. */
function retargetPage(
  page: PageDraft,
  id: string,
  talks: Map<string, TalkRecord>,
  highlights: Map<string, HighlightRecord>,
) {
  const old = page.record.id;
  page.record.id = id;
  for (const talk of talks.values()) if (talk.pageId === old) talk.pageId = id;
  for (const h of highlights.values()) if (h.pageId === old) h.pageId = id;
}

/** Highlights whose talk took our own id after they were read get that id. */
function fixTalkIds(highlights: HighlightRecord[], talks: Map<string, TalkRecord>): HighlightRecord[] {
  const byKey = new Map<string, string>();
  for (const [key, talk] of talks) byKey.set(`wa-talk-${stableHash(key)}`, talk.id);
  return highlights.map((h) => {
    const id = h.talkId && byKey.get(h.talkId);
    return id && id !== h.talkId ? { ...h, talkId: id } : h;
  });
}

/** `2 have no text quote (TextQuoteSelector), 1 is not about an http(s) web page` */
export function skippedSummary(skipped: Partial<Record<SkipReason, number>>): string {
  return (Object.entries(skipped) as [SkipReason, number][])
    .filter(([, n]) => n > 0)
    .map(([reason, n]) => `${n} ${SKIP_WORDING[reason][n === 1 ? 0 : 1]}`)
    .join(', ');
}

/**
 * The sentence an import shows about skipped annotations; empty when none were. `firstInvalid` names
 * the first one skipped as invalid and its bad field.
 */
export function skippedWarning(skipped: Partial<Record<SkipReason, number>>, firstInvalid?: string): string {
  const total = Object.values(skipped).reduce((n, k) => n + (k ?? 0), 0);
  if (total === 0) return '';
  const first = firstInvalid ? ` (the first: ${firstInvalid})` : '';
  return `${total} annotation${total === 1 ? ' was' : 's were'} skipped: ${skippedSummary(skipped)}${first}.`;
}
