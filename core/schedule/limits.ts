import { LIMITS } from '@/core/limits';

/**
 * What one schedule may make the parsers produce. Lengths in UTF-16 code units, counts in items.
 * Where the library stores the same kind of value, its limit (core/limits.ts) is the bound.
 */
export const SCHEDULE_LIMITS = {
  /** Events in one file, unless the caller says otherwise (`maxEvents`). */
  events: LIMITS.scheduleEvents,
  /** A talk's title: real ones are under 200 characters; a longer one is cut, with a warning. */
  title: 300,
  subtitle: 500,
  /** The conference's title and acronym. */
  conferenceTitle: 300,
  acronym: 100,
  /** Room, track and type names. */
  label: 200,
  /** A talk's abstract as plain text. */
  abstract: LIMITS.abstract,
  /** Raw markup read for an abstract and its links; the rest of a longer one is not looked at. */
  rawText: 200_000,
  speakerName: LIMITS.personName,
  speakers: LIMITS.detectedSpeakers,
  url: LIMITS.url,
  links: LIMITS.scheduleLinks,
  /** A source id longer than this is shortened to a prefix and a hash of the whole. */
  scheduleId: 200,
  /** Nesting of XML elements. */
  xmlDepth: 64,
} as const;
