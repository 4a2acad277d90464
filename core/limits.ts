/**
 * Size limits, in one place: what a message, a backup file or a page may make us store or hold. The
 * schemas (core/schemas.ts, messaging/protocol.ts), the page readers (core/page-metadata.ts) and the
 * editors all read them from here, so a stored value always fits the schema that reads it back.
 * Lengths are in UTF-16 code units (`string.length`), counts in items.
 */
export const LIMITS = {
  /** A record id (page, talk, highlight, collection). */
  id: 100,
  /** A URL: a page's address or its canonical URL. */
  url: 8192,
  /**
   * Addresses one page record's post was read at besides its own (`readAt`, #18): an archive page, a
   * moved post's new URL, an AMP view, a linked copy. Dozens at most for a real post; the bound keeps
   * a synced or imported record small.
   */
  readAt: 50,
  /** A page's or a talk's title. */
  title: 2000,
  /** One person's name: a page's author or a talk's speaker. */
  personName: 500,
  /** Authors of one page. */
  authors: 50,
  siteName: 500,
  /** A page's published date as text (ISO 8601 once read). */
  publishedAt: 100,
  /** A language tag (`en`, `pt-BR`). */
  lang: 50,
  /** A page's excerpt. */
  excerpt: 5000,
  /** A passage's text, and a quote selector's exact text. */
  passage: 100_000,
  /** The text kept either side of a quote. */
  quoteContext: 1000,
  /** An XPath of a range selector's end point. */
  xpath: 2000,
  /** Selectors of one highlight. */
  selectors: 10,
  /** A passage's text-fragment directive (`text=...`, percent-encoded), as built when it was clipped. */
  textFragment: 4000,
  /** A passage's Markdown. */
  markdown: 500_000,
  /** The line that led to a passage in its talk's section (core/schedule/clip-lead.ts MAX_LEAD_CHARS). */
  clipLead: 160,
  /** Lines above a passage kept with it (core/schedule/clip-lines.ts MAX_CLIP_LINES), each at most `clipLead` characters. */
  clipLines: 8,
  /** A reader's note. */
  note: 1_000_000,
  /** Characters of a highlight's author name (the sync panel's `Device or author name`). */
  author: 200,
  /** One tag. */
  tag: 200,
  /** Tags of one highlight. */
  tags: 500,
  /** Speakers of one talk as stored (the reader may add to the detected ones). */
  speakers: 100,
  /** Speakers talk detection may report for one talk, with a clip. */
  detectedSpeakers: 50,
  /** Talks detected on one page, sent with a clip. */
  detectedTalks: 1000,
  /** Highlights one anchoring report may describe. */
  anchoringReport: 100_000,
  /** Pages one "highlights changed" message names (a restore of a whole library sends several). */
  changedPages: 1000,
  /** Permalinks one page may claim for the post it shows (#18). */
  claimedPermalinks: 8,
  /** Posts one archive page may claim to show in full (#18). */
  archiveArticles: 50,
  /** A collection's name and description as the reader types them. */
  collectionName: 200,
  collectionDescription: 5000,
  /** The same read from a backup: more room, so a file written by another version still loads. */
  storedCollectionName: 500,
  storedCollectionDescription: 100_000,
  /** Highlights in one collection. */
  collectionMembers: 1_000_000,
  /** A saved search's search text. */
  savedQuery: 2000,
  /** Values of one criterion of a saved search (tags, talks, sites, days, tracks, rooms). */
  savedCriterion: 1000,
  /** A setting's key. */
  settingKey: 200,
  /** The reader's name for a colour ("key idea"). */
  colorName: 60,
  /** A schedule talk's abstract (plain text). */
  abstract: 20_000,
  /** A schedule talk's room, track, type or subtitle; a conference acronym or time zone. */
  scheduleField: 1000,
  /** Links of one schedule talk (recording, slides, …). */
  scheduleLinks: 50,
  /** Schedule talks offered for one page talk when the matcher is unsure. */
  scheduleCandidates: 10,
  /** Events one imported schedule may hold. */
  scheduleEvents: 50_000,
  /** A Markdown export template. */
  template: 10_000,
} as const;
