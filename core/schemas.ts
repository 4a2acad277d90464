/**
 * Runtime schemas of the domain types, for everything that crosses a boundary
 * (messages between contexts, backup files). Types in ./types.ts stay the source of truth;
 * the `satisfies` checks below fail to compile when the two drift apart.
 */
import * as v from 'valibot';
import { ANCHOR_STATUSES, HIGHLIGHT_COLORS } from './types';
import type {
  CollectionRecord,
  HighlightRecord,
  PageMetadata,
  PageRecord,
  Selector,
  SettingRecord,
  TalkRecord,
} from './types';

const offset = v.pipe(v.number(), v.integer(), v.minValue(0));
const timestamp = v.pipe(v.number(), v.integer(), v.minValue(0));
/** Bounded strings: a message or file must not make us hold arbitrarily large values. */
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

export const HttpUrlSchema = v.pipe(
  v.string(),
  v.maxLength(8192),
  v.url(),
  v.check((s) => /^https?:\/\//i.test(s), 'must be an http(s) URL'),
);

export const SelectorSchema = v.variant('type', [
  v.object({
    type: v.literal('TextQuoteSelector'),
    exact: v.pipe(v.string(), v.minLength(1), v.maxLength(100_000)),
    prefix: text(1000),
    suffix: text(1000),
  }),
  v.object({ type: v.literal('TextPositionSelector'), start: offset, end: offset }),
  v.object({
    type: v.literal('RangeSelector'),
    startContainer: text(2000),
    startOffset: offset,
    endContainer: text(2000),
    endOffset: offset,
  }),
]);

export const ColorSchema = v.picklist(HIGHLIGHT_COLORS);

export const PageMetadataSchema = v.object({
  url: HttpUrlSchema,
  title: text(2000),
  authors: v.pipe(v.array(text(500)), v.maxLength(50)),
  siteName: v.nullable(text(500)),
  publishedAt: v.nullable(text(100)),
  lang: v.nullable(text(50)),
  canonicalUrl: v.nullable(HttpUrlSchema),
  excerpt: v.nullable(text(5000)),
});

export const TagSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

export const HighlightRecordSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  pageId: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  url: HttpUrlSchema,
  talkId: v.nullable(v.pipe(v.string(), v.maxLength(100))),
  text: v.pipe(v.string(), v.minLength(1), v.maxLength(100_000)),
  markdown: text(500_000),
  selectors: v.pipe(v.array(SelectorSchema), v.minLength(1), v.maxLength(10)),
  color: ColorSchema,
  note: text(1_000_000),
  tags: v.pipe(v.array(TagSchema), v.maxLength(500)),
  position: offset,
  anchorStatus: v.picklist(ANCHOR_STATUSES),
  talkPinned: v.optional(v.boolean()),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const recordId = v.pipe(v.string(), v.minLength(1), v.maxLength(100));

export const PageRecordSchema = v.object({
  ...PageMetadataSchema.entries,
  id: recordId,
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const TalkRecordSchema = v.object({
  id: recordId,
  pageId: recordId,
  title: text(2000),
  speakers: v.pipe(v.array(text(500)), v.maxLength(100)),
  position: v.pipe(v.number(), v.integer(), v.minValue(-1)),
  detected: v.boolean(),
  detectedTitle: v.nullable(text(2000)),
  notATalk: v.optional(v.picklist(['part', 'none'])),
  form: v.optional(text(20)),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const CollectionRecordSchema = v.object({
  id: recordId,
  name: text(500),
  description: text(100_000),
  highlightIds: v.pipe(v.array(recordId), v.maxLength(1_000_000)),
  createdAt: timestamp,
  updatedAt: timestamp,
});

/** A setting's value is checked by its own schema when read (core/settings.ts); here only its key. */
export const SettingRecordSchema = v.object({
  key: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  value: v.unknown(),
});

// Compile-time guards: the schemas produce exactly the domain types.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
true satisfies Same<v.InferOutput<typeof SelectorSchema>, Selector>;
true satisfies Same<v.InferOutput<typeof PageMetadataSchema>, PageMetadata>;
true satisfies Same<v.InferOutput<typeof HighlightRecordSchema>, HighlightRecord>;
true satisfies Same<v.InferOutput<typeof PageRecordSchema>, PageRecord>;
true satisfies Same<v.InferOutput<typeof TalkRecordSchema>, TalkRecord>;
true satisfies Same<v.InferOutput<typeof CollectionRecordSchema>, CollectionRecord>;
true satisfies Same<v.InferOutput<typeof SettingRecordSchema>, SettingRecord>;
