/**
 * A conference schedule as Talk Notes reads it, whatever format it came in (frab/pretalx JSON,
 * frab/Pentabarf XML, Sessionize JSON, iCalendar). Parsers produce these; storage turns them into
 * conference and talk records; the matcher files write-up talks under them. No browser API here.
 */

export const SCHEDULE_FORMATS = ['frab-json', 'frab-xml', 'sessionize', 'ical'] as const;
export type ScheduleFormat = (typeof SCHEDULE_FORMATS)[number];

export const SCHEDULE_LINK_KINDS = ['recording', 'slides', 'schedule', 'other'] as const;
export type ScheduleLinkKind = (typeof SCHEDULE_LINK_KINDS)[number];

export interface ScheduleLink {
  kind: ScheduleLinkKind;
  /** An http(s) URL; anything else (javascript:, data:, relative junk) is dropped by the parser. */
  url: string;
  /** The link's own title where the source gives one ("Video", "Slides (PDF)"), else null. */
  title: string | null;
}

/**
 * Times are ISO 8601 strings. `start`/`end` carry the UTC offset when the source fixes it
 * (`2017-10-23T09:00:00+02:00`); a source with local times only (Sessionize) gives a floating
 * `2023-10-12T09:00:00` and `timeZone` null unless the file names one.
 */
export interface ScheduleTalk {
  /** The source's own identity for the event: frab `guid` (else `id`), Sessionize `id`, iCal `UID`. */
  scheduleId: string;
  title: string;
  subtitle: string | null;
  /** Display names of the speakers, in the source's order. */
  speakers: string[];
  start: string | null;
  end: string | null;
  /** IANA time zone of start/end where known (`Europe/Brussels`). */
  timeZone: string | null;
  /** The conference-local calendar day `YYYY-MM-DD`, for grouping by day. */
  day: string | null;
  room: string | null;
  track: string | null;
  type: string | null;
  /** Plain text (markup stripped); untrusted, never rendered as HTML. */
  abstract: string | null;
  /** The event's own page on the schedule site. */
  url: string | null;
  links: ScheduleLink[];
  /** Breaks, meals, registration, "room closed": listed, but kept out of matching. */
  housekeeping: boolean;
}

export interface ScheduleConference {
  title: string;
  acronym: string | null;
  /** First and last day, `YYYY-MM-DD`. */
  start: string | null;
  end: string | null;
  timeZone: string | null;
  /** The conference's own site where the source names one. */
  url: string | null;
}

export interface ParsedSchedule {
  format: ScheduleFormat;
  conference: ScheduleConference;
  talks: ScheduleTalk[];
  /** Things skipped or repaired, in plain words ("3 events without a title were skipped"). */
  warnings: string[];
}
