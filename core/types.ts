/**
 * The domain model of Talk Notes: what a clipped page, a talk, a highlight and a collection are.
 * Storage, messages and UI all speak these types; nothing here touches a browser API.
 */

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

/** Colours a highlight can be drawn in; each maps to a `talk-notes-<colour>` CSS highlight. */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

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
}

export interface PageRecord extends PageMetadata {
  id: string;
  createdAt: number;
  updatedAt: number;
}

/** A talk written up on a page: detected from its headings, or made by the user. */
export interface TalkRecord {
  id: string;
  pageId: string;
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
  createdAt: number;
  updatedAt: number;
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
  createdAt: number;
  updatedAt: number;
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
  highlightIds: string[];
  createdAt: number;
  updatedAt: number;
}

/** A key/value setting (colour names, export options, ...). */
export interface SettingRecord {
  key: string;
  value: unknown;
}
