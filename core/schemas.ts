/**
 * Runtime schemas of the domain types, for everything that crosses a boundary
 * (messages between contexts, backup files). Types in ./types.ts stay the source of truth;
 * the `satisfies` checks below fail to compile when the two drift apart.
 */
import * as v from 'valibot';
import { codePointLength } from './anchoring/text-content';
import { TALK_FORMS } from './talks/talk-forms';
import { LIMITS } from './limits';
import { SCHEDULE_FORMATS, SCHEDULE_LINK_KINDS } from './schedule/types';
import { ANCHOR_STATUSES, HIGHLIGHT_COLORS, SCHEDULE_LINK_STATES } from './types';
import type {
  CollectionRecord,
  ConferenceRecord,
  HighlightChanges,
  HighlightRecord,
  PageMetadata,
  PageRecord,
  SavedSearch,
  Selector,
  SettingRecord,
  TalkRecord,
} from './types';

const offset = v.pipe(v.number(), v.integer(), v.minValue(0));

/** The earliest time a record may carry (ms since the epoch): nothing in a library predates 1990. */
export const EARLIEST_TIMESTAMP = Date.UTC(1990, 0, 1);
/** How far past now a record's time may be: the clock of the browser that wrote it may run ahead. */
export const TIMESTAMP_SLACK_MS = 24 * 60 * 60 * 1000;

/** Whether `ms` is a time a record may carry: from 1990 to now plus the slack (checked when read). */
export function isPlausibleTime(ms: number, now = Date.now()): boolean {
  return ms >= EARLIEST_TIMESTAMP && ms <= now + TIMESTAMP_SLACK_MS;
}

/**
 * A record's creation or change time. Bounded both ways: a file with `9e15` or `1e300` would make
 * every date shown throw, and a time far ahead would win every merge ("newer edits win").
 */
const timestamp = v.pipe(
  v.number(),
  v.integer(),
  v.minValue(EARLIEST_TIMESTAMP, (issue) => `${issue.input} is not a date Talk Notes can hold (before 1990)`),
  v.check(
    (ms) => ms <= Date.now() + TIMESTAMP_SLACK_MS,
    (issue) => `${issue.input} is not a date Talk Notes can hold (in the future)`,
  ),
);
/** Bounded strings: a message or file must not make us hold arbitrarily large values. */
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

export const HttpUrlSchema = v.pipe(
  v.string(),
  v.maxLength(LIMITS.url),
  v.url(),
  v.check((s) => /^https?:\/\//i.test(s), 'must be an http(s) URL'),
);

export const SelectorSchema = v.variant('type', [
  v.object({
    type: v.literal('TextQuoteSelector'),
    exact: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.passage)),
    prefix: text(LIMITS.quoteContext),
    suffix: text(LIMITS.quoteContext),
  }),
  v.object({ type: v.literal('TextPositionSelector'), start: offset, end: offset }),
  v.object({
    type: v.literal('RangeSelector'),
    startContainer: text(LIMITS.xpath),
    startOffset: offset,
    endContainer: text(LIMITS.xpath),
    endOffset: offset,
  }),
]);

export const ColorSchema = v.picklist(HIGHLIGHT_COLORS);

/**
 * A text directive as core/text-fragment.ts formats it: percent-encoded terms only, so a stored value
 * (from a clip or a backup file) can be put in a URL and a Markdown link as it is.
 */
export const TextFragmentSchema = v.pipe(
  v.string(),
  v.maxLength(LIMITS.textFragment),
  v.regex(/^text=[A-Za-z0-9%._~,-]+$/, 'must be a percent-encoded text directive'),
);

/** A post fingerprint (core/post-identity.ts): 16 hex digits. */
export const FingerprintSchema = v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/));

/** A passage in other tools' textContent model (core/anchoring/text-content.ts). */
export const TextContentQuoteSchema = v.pipe(
  v.object({
    exact: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.passage)),
    prefix: text(LIMITS.quoteContext),
    suffix: text(LIMITS.quoteContext),
    start: offset,
    end: offset,
  }),
  // In code points; a record clipped before positions were counted so holds UTF-16 code units.
  v.check(
    (q) => q.end - q.start === codePointLength(q.exact) || q.end - q.start === q.exact.length,
    'end - start must be the length of exact',
  ),
);

export const PageMetadataSchema = v.object({
  url: HttpUrlSchema,
  title: text(LIMITS.title),
  authors: v.pipe(v.array(text(LIMITS.personName)), v.maxLength(LIMITS.authors)),
  siteName: v.nullable(text(LIMITS.siteName)),
  publishedAt: v.nullable(text(LIMITS.publishedAt)),
  lang: v.nullable(text(LIMITS.lang)),
  canonicalUrl: v.nullable(HttpUrlSchema),
  excerpt: v.nullable(text(LIMITS.excerpt)),
  fingerprint: v.optional(v.nullable(FingerprintSchema)),
});

export const TagSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.tag));

/** A clip's lead line (`ClipLeadRecord`): short page text, plain data. */
const ClipLeadSchema = v.object({
  text: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.clipLead)),
  likeHeading: v.boolean(),
});

/**
 * Who made a record (#16): a highlight, and a page, talk or collection where known. Its own constant, not
 * read off `HighlightRecordSchema.entries`: a property read keeps the whole highlight schema (and the
 * records built on it) in the eager content script, which the bundler could otherwise leave out.
 */
const authorSchema = v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.author)));

/** A line above a clip (`ClipLineRecord`): short page text and small numbers, plain data. */
const ClipLineSchema = v.object({
  text: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.clipLead)),
  kind: v.picklist(['heading', 'first', 'bold', 'line', 'quoted', 'end', 'title']),
  level: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(6)),
  style: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(7)),
  enclosed: v.boolean(),
});
const ClipLinesSchema = v.optional(v.pipe(v.array(ClipLineSchema), v.maxLength(LIMITS.clipLines)));

const recordId = v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.id));

export const HighlightRecordSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.id)),
  pageId: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.id)),
  url: HttpUrlSchema,
  talkId: v.nullable(v.pipe(v.string(), v.maxLength(LIMITS.id))),
  text: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.passage)),
  markdown: text(LIMITS.markdown),
  textFragment: v.optional(TextFragmentSchema),
  textContentQuote: v.optional(TextContentQuoteSchema),
  clipLead: v.optional(ClipLeadSchema),
  clipLines: ClipLinesSchema,
  selectors: v.pipe(v.array(SelectorSchema), v.minLength(1), v.maxLength(LIMITS.selectors)),
  color: ColorSchema,
  note: text(LIMITS.note),
  tags: v.pipe(v.array(TagSchema), v.maxLength(LIMITS.tags)),
  position: offset,
  anchorStatus: v.picklist(ANCHOR_STATUSES),
  talkPinned: v.optional(v.boolean()),
  scheduleCandidates: v.optional(v.pipe(v.array(recordId), v.maxLength(LIMITS.scheduleCandidates))),
  guardDeclined: v.optional(v.boolean()),
  author: authorSchema,
  createdAt: timestamp,
  updatedAt: timestamp,
});

/** Who made a page or talk (#16), as a highlight's `author`: optional (records made before, or by hand). */
const authorEntry = { author: authorSchema };

/** A talk's or page's own note and tags (`RecordNotes`), bounded like a highlight's. */
const recordNoteEntries = {
  note: v.optional(text(LIMITS.note)),
  tags: v.optional(v.pipe(v.array(TagSchema), v.maxLength(LIMITS.tags))),
};

export const PageRecordSchema = v.object({
  ...PageMetadataSchema.entries,
  ...recordNoteEntries,
  // Not in a clip's metadata: only the background records where a post was read (core/read-at.ts).
  readAt: v.optional(v.pipe(v.array(HttpUrlSchema), v.maxLength(LIMITS.readAt))),
  ...authorEntry,
  id: recordId,
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const ScheduleLinkSchema = v.object({
  kind: v.picklist(SCHEDULE_LINK_KINDS),
  url: HttpUrlSchema,
  title: v.nullable(text(LIMITS.title)),
});

const scheduleText = v.nullable(text(LIMITS.scheduleField));

/** A conference talk's schedule fields (`ScheduleFields`), each optional on a talk record. */
const scheduleFieldEntries = {
  conferenceId: v.optional(recordId),
  scheduleId: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.scheduleField))),
  subtitle: v.optional(scheduleText),
  start: v.optional(scheduleText),
  end: v.optional(scheduleText),
  timeZone: v.optional(scheduleText),
  day: v.optional(scheduleText),
  room: v.optional(scheduleText),
  track: v.optional(scheduleText),
  type: v.optional(scheduleText),
  abstract: v.optional(v.nullable(text(LIMITS.abstract))),
  url: v.optional(v.nullable(HttpUrlSchema)),
  links: v.optional(v.pipe(v.array(ScheduleLinkSchema), v.maxLength(LIMITS.scheduleLinks))),
  housekeeping: v.optional(v.boolean()),
  removedFromSchedule: v.optional(v.boolean()),
};

export const TalkRecordSchema = v.object({
  id: recordId,
  pageId: v.nullable(recordId),
  title: text(LIMITS.title),
  speakers: v.pipe(v.array(text(LIMITS.personName)), v.maxLength(LIMITS.speakers)),
  position: v.pipe(v.number(), v.integer(), v.minValue(-1)),
  detected: v.boolean(),
  detectedTitle: v.nullable(text(LIMITS.title)),
  notATalk: v.optional(v.picklist(['part', 'none'])),
  form: v.optional(text(20)),
  scheduleTalkId: v.optional(recordId),
  scheduleLink: v.optional(v.picklist(SCHEDULE_LINK_STATES)),
  scheduleCandidates: v.optional(v.pipe(v.array(recordId), v.maxLength(LIMITS.scheduleCandidates))),
  ...scheduleFieldEntries,
  ...recordNoteEntries,
  ...authorEntry,
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const ConferenceRecordSchema = v.object({
  id: recordId,
  title: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.title)),
  acronym: scheduleText,
  start: scheduleText,
  end: scheduleText,
  timeZone: scheduleText,
  url: v.nullable(HttpUrlSchema),
  sourceUrl: v.nullable(HttpUrlSchema),
  sourceFile: v.nullable(text(LIMITS.title)),
  format: v.picklist(SCHEDULE_FORMATS),
  importedAt: timestamp,
  updatedAt: timestamp,
  createdAt: timestamp,
});

/** Up to `LIMITS.savedCriterion` values of one saved-search criterion. */
const criterion = <T extends v.GenericSchema<unknown, string>>(item: T) =>
  v.pipe(v.array(item), v.maxLength(LIMITS.savedCriterion));
/** A local day, `YYYY-MM-DD`, or none. */
const day = v.nullable(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/)));

/** A saved search's criteria (`SavedSearch`), as a backup or sync carries them. */
export const SavedSearchSchema = v.object({
  query: text(LIMITS.savedQuery),
  tags: criterion(TagSchema),
  talkIds: criterion(recordId),
  sites: criterion(text(LIMITS.siteName)),
  colors: criterion(ColorSchema),
  fromDay: day,
  toDay: day,
  hasNote: v.boolean(),
  orphansOnly: v.boolean(),
  collectionId: v.nullable(recordId),
  conferenceIds: criterion(recordId),
  scheduleDays: criterion(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/))),
  tracks: criterion(text(LIMITS.scheduleField)),
  rooms: criterion(text(LIMITS.scheduleField)),
  authors: v.optional(criterion(text(LIMITS.author))),
});

export const CollectionRecordSchema = v.object({
  id: recordId,
  name: text(LIMITS.storedCollectionName),
  description: text(LIMITS.storedCollectionDescription),
  highlightIds: v.pipe(v.array(recordId), v.maxLength(LIMITS.collectionMembers)),
  /** Optional: collections saved before saved searches existed are fixed sets. */
  search: v.optional(SavedSearchSchema),
  ...authorEntry,
  createdAt: timestamp,
  updatedAt: timestamp,
});

/** A setting's value is checked by its own schema when read (core/settings.ts); here only its key. */
export const SettingRecordSchema = v.object({
  key: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.settingKey)),
  value: v.unknown(),
});

/** A title that must not be empty (a detected talk's, the talk a clip sits under). */
const title = v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.title));

/** The passage of a clip, with the colour, note and detected talk it is saved with. */
const ClipHighlightSchema = v.object({
  text: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.passage)),
  markdown: v.pipe(v.string(), v.maxLength(LIMITS.markdown)),
  /** The passage's text directive, built on the page (core/text-fragment-generate.ts). */
  textFragment: v.optional(TextFragmentSchema),
  /** The passage as other annotation tools count text (core/anchoring/text-content.ts). */
  textContentQuote: v.optional(TextContentQuoteSchema),
  /** The line that led to the passage in its talk's section (core/schedule/clip-lead.ts). */
  clipLead: v.optional(ClipLeadSchema),
  /** The lines above the passage (core/schedule/clip-lines.ts). */
  clipLines: ClipLinesSchema,
  selectors: v.pipe(v.array(SelectorSchema), v.minLength(1), v.maxLength(LIMITS.selectors)),
  color: ColorSchema,
  note: v.pipe(v.string(), v.maxLength(LIMITS.note)),
  position: offset,
  /** Title of the detected talk the passage sits under, or null. */
  talkTitle: v.nullable(title),
});

/**
 * A clip as the content script sends it to be saved (messaging/protocol.ts `saveClip`): the page's
 * metadata, the talks detected on it and the passage. `ClipInput` is what it parses to.
 */
export const ClipSchema = v.object({
  page: PageMetadataSchema,
  talks: v.pipe(
    v.array(
      v.object({
        title,
        speakers: v.pipe(
          v.array(v.pipe(v.string(), v.maxLength(LIMITS.personName))),
          v.maxLength(LIMITS.detectedSpeakers),
        ),
        /** Offset of the talk title in the page text. */
        position: offset,
        /** Where detection found it (core/talks/rules.ts TALK_FORMS, or `title`). */
        form: v.optional(v.picklist([...TALK_FORMS, 'title'])),
      }),
    ),
    v.maxLength(LIMITS.detectedTalks),
  ),
  highlight: ClipHighlightSchema,
});
export type ClipInput = v.InferOutput<typeof ClipSchema>;

/**
 * A passage re-made for a wider range (`extendHighlight`, #17 item 2): its text, Markdown, link and
 * selectors; the highlight's colour, note, tags and talk are the reader's and stay.
 */
// Of ClipHighlightSchema itself, not read off ClipSchema: a property read is kept in every bundle that
// imports this module, with all it reads (the eager content script has a size budget); a call is not.
export const PassageSchema = v.omit(ClipHighlightSchema, ['color', 'note', 'talkTitle']);
export type Passage = v.InferOutput<typeof PassageSchema>;
/** A talk detection found on the clipped page. */
export type DetectedTalkInput = ClipInput['talks'][number];

/** The reader's edits to a highlight (`HighlightChanges`), as messages carry them. */
export const HighlightChangesSchema = v.object({
  note: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.note))),
  tags: v.optional(v.pipe(v.array(TagSchema), v.maxLength(LIMITS.tags))),
  color: v.optional(ColorSchema),
  talkId: v.optional(v.nullable(recordId)),
});

/** A talk's or page's own note, as the in-page menu and the note-draft port carry it. */
export const RecordNoteSchema = text(LIMITS.note);
/** A talk's or page's own tags, as messages carry them. */
export const RecordTagsSchema = v.pipe(v.array(TagSchema), v.maxLength(LIMITS.tags));

// Compile-time guards: the schemas produce exactly the domain types.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
true satisfies Same<v.InferOutput<typeof SelectorSchema>, Selector>;
true satisfies Same<v.InferOutput<typeof PageMetadataSchema>, PageMetadata>;
true satisfies Same<v.InferOutput<typeof HighlightRecordSchema>, HighlightRecord>;
true satisfies Same<v.InferOutput<typeof PageRecordSchema>, PageRecord>;
true satisfies Same<v.InferOutput<typeof TalkRecordSchema>, TalkRecord>;
true satisfies Same<v.InferOutput<typeof CollectionRecordSchema>, CollectionRecord>;
true satisfies Same<v.InferOutput<typeof SavedSearchSchema>, SavedSearch>;
true satisfies Same<v.InferOutput<typeof ConferenceRecordSchema>, ConferenceRecord>;
true satisfies Same<v.InferOutput<typeof SettingRecordSchema>, SettingRecord>;
true satisfies Same<v.InferOutput<typeof HighlightChangesSchema>, HighlightChanges>;
true satisfies Same<ClipInput['page'], PageMetadata>;
