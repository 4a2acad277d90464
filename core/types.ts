/**
 * The domain model of Talk Notes: what a clipped page, a talk, a highlight and a collection are.
 * Storage, messages and UI all speak these types; nothing here touches a browser API.
 */
import type { ScheduleFormat, ScheduleTalk } from './schedule/types';

/** W3C Web Annotation TextQuoteSelector: the exact text with some context either side. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C Web Annotation TextPositionSelector: offsets into the text content of the page's root. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** W3C RangeSelector with XPath endpoints; a hint only, the quote is the source of truth. */
export interface RangeSelector {
  type: 'RangeSelector';
  startContainer: string;
  startOffset: number;
  endContainer: string;
  endOffset: number;
}

export type Selector = TextQuoteSelector | TextPositionSelector | RangeSelector;

/**
 * A passage in the text model other annotation tools use: offsets into the page body's `textContent`
 * (every Text node, script and style text included), in Unicode code points as the Web Annotation model
 * counts (records clipped before that hold UTF-16 code units), trimmed of whitespace at either end, with the
 * verbatim context either side (core/anchoring/text-content.ts). What Web Annotation export writes.
 */
export interface TextContentQuote {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

/** Colours a highlight can be drawn in; each maps to a `talk-notes-<colour>` CSS highlight. */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/**
 * The reader's own note (Markdown) and tags on a whole talk or page, not tied to a passage (#17).
 * Optional: records written before notes existed, and most records, have none (absent reads as
 * empty; core/record-notes.ts).
 */
export interface RecordNotes {
  note?: string;
  tags?: string[];
}

/** Records that carry their own note and tags, by table. */
export const NOTED_KINDS = ['talk', 'page'] as const;
export type NotedKind = (typeof NOTED_KINDS)[number];

/** Metadata of a clipped page, as a notes user wants it. Dates are ISO 8601 strings. */
export interface PageMetadata {
  /** Normalized URL: no fragment, no tracking parameters. One page record per value. */
  url: string;
  title: string;
  authors: string[];
  siteName: string | null;
  publishedAt: string | null;
  lang: string | null;
  canonicalUrl: string | null;
  excerpt: string | null;
  /**
   * The post's fingerprint (core/post-identity.ts) when it was clipped: a moved post is found again by
   * it on another page of the same site. Missing on pages clipped before #18.
   */
  fingerprint?: string | null;
}

export interface PageRecord extends PageMetadata, RecordNotes {
  id: string;
  /**
   * Where else the post was read (#18, core/read-at.ts): normalized addresses other than `url` at
   * which a clip was filed under this page (an archive page, a moved post's new URL, an AMP view) or
   * which the reader linked to it. Sorted, each once, at most `LIMITS.readAt`; missing on pages
   * that were never read elsewhere. Not indexed.
   */
  readAt?: string[];
  /** Who clipped it first (#16: the sync panel's name or this browser's); absent on pages made before. */
  author?: string;
  createdAt: number;
  updatedAt: number;
}

/**
 * A talk. Either a talk written up on a page (detected from its headings, or made by the user;
 * `pageId` set), or a talk of an imported conference schedule (`conferenceId` set, `pageId` null).
 * A page's talk that is a schedule talk links to it (`scheduleTalkId`): its passages are then shown
 * and exported under the schedule talk, and unlinking (or removing the conference) gives them back.
 */
export interface TalkRecord extends Partial<ScheduleFields>, RecordNotes {
  id: string;
  /** The page the talk was written up on; null for a conference's talk. */
  pageId: string | null;
  title: string;
  speakers: string[];
  /** Position of the talk title in the page's text, for document order; -1 for a talk the user made. */
  position: number;
  /** True when found by talk detection, false when created by the user. */
  detected: boolean;
  /** The title as detection found it: re-detection on a later clip matches on this, so a rename sticks. */
  detectedTitle: string | null;
  /**
   * Set when the reader said a detected talk is not a talk: its passages go to the talk above (`part`)
   * or to no talk (`none`). The record stays, so detecting the page again does not bring it back.
   */
  notATalk?: 'part' | 'none';
  /** The form of the line detection found it in (`h3`, `line`, `item`, …, `title`), for site rules. */
  form?: string;
  /** A page's talk: the conference talk it is (matched, or chosen by the reader). */
  scheduleTalkId?: string;
  /**
   * How the link came about: `matched` by the matcher, `chosen` by the reader, or `declined` (the
   * reader unlinked it or said none of the candidates: no automatic match again).
   */
  scheduleLink?: ScheduleLinkState;
  /** Conference talks this page talk could be when the matcher was unsure: offered, never applied. */
  scheduleCandidates?: string[];
  /** Who made it (#16): for a talk detected in a clip or made by hand; absent on talks made before. */
  author?: string;
  createdAt: number;
  updatedAt: number;
}

export const SCHEDULE_LINK_STATES = ['matched', 'chosen', 'declined'] as const;
export type ScheduleLinkState = (typeof SCHEDULE_LINK_STATES)[number];

/**
 * A conference talk's fields: the event as the conference published it (`ScheduleTalk` of
 * core/schedule/types.ts, its title and speakers being the talk's own), and its conference.
 * Present on a conference's talks only, all of them together.
 */
export interface ScheduleFields extends Omit<ScheduleTalk, 'title' | 'speakers'> {
  conferenceId: string;
  /** Set when a re-import no longer lists the event but passages are filed under it: kept, flagged. */
  removedFromSchedule?: boolean;
}

/** A schedule talk with its conference, as the reader is shown it to choose from. */
export interface ScheduleChoice {
  talk: TalkRecord;
  conference: ConferenceRecord | null;
}

/** An imported conference schedule. */
export interface ConferenceRecord {
  id: string;
  title: string;
  acronym: string | null;
  /** First and last day, `YYYY-MM-DD`. */
  start: string | null;
  end: string | null;
  timeZone: string | null;
  /** The conference's own site, where the schedule names one. */
  url: string | null;
  /** Where the schedule was imported from: its URL, or null for a file. */
  sourceUrl: string | null;
  /** The file's name when imported from a file (shown to the reader; identity comes from the content). */
  sourceFile: string | null;
  format: ScheduleFormat;
  importedAt: number;
  updatedAt: number;
  createdAt: number;
}

export interface HighlightRecord {
  id: string;
  pageId: string;
  /** Normalized URL of the page, duplicated from the page so a visit finds its highlights in one query. */
  url: string;
  /** The talk the passage belongs to; null before the first talk title, or when the user cleared it. */
  talkId: string | null;
  /** The exact text of the passage as the reader saw it. */
  text: string;
  /** The passage as Markdown, keeping links, emphasis, lists and paragraphs. */
  markdown: string;
  /**
   * The passage's text directive (`text=...`, percent-encoded), built from the rendered page when it was
   * clipped (core/text-fragment-generate.ts); absent for older clips, whose links are built from the quote.
   */
  textFragment?: string;
  /**
   * The passage in the textContent model of other annotation tools, taken when it was clipped (absent for
   * older clips): Web Annotation export writes its selectors from it.
   */
  textContentQuote?: TextContentQuote;
  /**
   * The heading-like line that led to the passage within its talk's section when it was clipped
   * (core/schedule/clip-lead.ts; absent when there was none, and for older clips): what the clip guard
   * (core/schedule/clip-guard.ts) reads for another talk named above the passage. Page text, as data.
   */
  clipLead?: ClipLeadRecord;
  /**
   * The lines above the passage when it was clipped, nearest first (core/schedule/clip-lines.ts; at most
   * LIMITS.clipLines, absent when there were none, and for older clips): the schedule reads them for the
   * talk they name when detection filed the passage under no talk it knows
   * (core/schedule/file-by-lines.ts, storage/schedule-links.ts). Page text, as data.
   */
  clipLines?: ClipLineRecord[];
  selectors: Selector[];
  color: HighlightColor;
  note: string;
  tags: string[];
  /** Start offset in the page text when clipped: orders highlights in document order. */
  position: number;
  /** Outcome of the last anchoring pass on the page: `orphan` is "not found on this page". */
  anchorStatus: AnchorStatus;
  /** The reader chose this passage's talk: detecting the page's talks again leaves it where it is. */
  talkPinned?: boolean;
  /**
   * The clip guard's offer (core/schedule/clip-guard.ts, run by storage/schedule-links.ts): conference
   * talks this passage could be, the one its lead names first and the one its page talk is matched
   * to among them. While it stands the passage is under no conference talk, only under its page talk
   * (core/schedule/resolve.ts `resolveHighlightTalk`); picking one files the passage under it
   * (`talkId`, pinned), declining drops the offer and sets `guardDeclined`.
   */
  scheduleCandidates?: string[];
  /** The reader declined the guard's offer: the passage follows its page talk's link, never offered again. */
  guardDeclined?: boolean;
  /**
   * Who made it (#16): the sync panel's `Device or author name`, or this browser's name when none was
   * set; absent for highlights made before authors were recorded. Synced and backed up like any field.
   */
  author?: string;
  createdAt: number;
  updatedAt: number;
}

/** A clip's lead line (core/schedule/clip-lead.ts `ClipLead`): its text, at most LIMITS.clipLead characters. */
export interface ClipLeadRecord {
  text: string;
  /** The line is styled as the section's own heading (a line of the talks' rank). */
  likeHeading: boolean;
}

/** A line above a clip (core/schedule/clip-lines.ts `ClipLine`): page text of at most LIMITS.clipLead characters. */
export interface ClipLineRecord {
  text: string;
  kind: 'heading' | 'first' | 'bold' | 'line' | 'quoted' | 'end' | 'title';
  /** 1-6 for a heading of that rank, 0 for another line. */
  level: number;
  /** Lines of one look share a number (0-7). */
  style: number;
  /** In a list item or table row that does not hold the passage. */
  enclosed: boolean;
}

/** What the reader may edit on a highlight (popup, dashboard, in-page menu); the rest is the clip's. */
export type HighlightChanges = Partial<Pick<HighlightRecord, 'note' | 'tags' | 'color' | 'talkId'>>;

/** What saving a clip gives back. */
export interface ClipResult {
  highlight: HighlightRecord;
  /** True when the same passage was already saved: the existing highlight is returned, nothing added. */
  duplicate: boolean;
}

/** `pending` until a visit anchors it; `placed` exactly, `fuzzy` after edits, `orphan` when not found. */
export const ANCHOR_STATUSES = ['pending', 'placed', 'fuzzy', 'orphan'] as const;
export type AnchorStatus = (typeof ANCHOR_STATUSES)[number];

export interface CollectionRecord {
  id: string;
  name: string;
  description: string;
  /** A fixed set's highlights (ids of deleted highlights may remain); empty for a saved search. */
  highlightIds: string[];
  /**
   * Set for a saved search (#17): the dashboard's query and filters as they were saved; its
   * highlights are whatever matches them whenever it is opened. Absent for a fixed set.
   */
  search?: SavedSearch;
  /** Who made it (#16, the sync panel's name or this browser's); absent on collections made before. */
  author?: string;
  createdAt: number;
  updatedAt: number;
}

/**
 * What a saved search keeps: the dashboard's search text and filters (core/library/filters.ts
 * `LibraryFilter`), ids and values as they were chosen. `collectionId` narrows to another
 * collection (one that leads back to this one matches nothing).
 */
export interface SavedSearch {
  query: string;
  tags: string[];
  talkIds: string[];
  sites: string[];
  colors: HighlightColor[];
  fromDay: string | null;
  toDay: string | null;
  hasNote: boolean;
  orphansOnly: boolean;
  collectionId: string | null;
  conferenceIds: string[];
  scheduleDays: string[];
  tracks: string[];
  rooms: string[];
  /** Highlights by any of these authors (#16); absent: any. */
  authors?: string[];
}

/** A key/value setting (colour names, export options, ...). */
export interface SettingRecord {
  key: string;
  value: unknown;
}
