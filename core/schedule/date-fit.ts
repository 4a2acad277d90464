/**
 * Whether a write-up's date fits a conference's dates. A write-up is published during the conference
 * or in the weeks after it; a preview may come a few weeks before. A page dated years away from a
 * conference is about another edition, which matters when a series reuses titles ("Opening keynote")
 * or a speaker gives the same talk twice.
 */

/** Where the page's date falls relative to the conference. */
export type DateFit =
  /** From two days before the first day to 90 days after the last. */
  | 'during'
  /** Up to 60 days before the conference (a preview). */
  | 'shortly-before'
  /** 90 days to a year after the last day. */
  | 'months-after'
  /** More than a year after the last day. */
  | 'years-after'
  /** More than 60 days before the first day: not about this edition. */
  | 'long-before'
  /**
   * A series (a meetup's calendar of evenings): the page is dated after a later evening than this
   * talk's, so it most likely writes up that one. Never a silent match.
   */
  | 'another-session'
  /** No page date, or no conference dates. */
  | 'unknown';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of the calendar date at the start of an ISO date or date-time, or null. */
export function dayNumber(iso: string | null | undefined): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(t) ? null : Math.round(t / DAY_MS);
}

/** How `pageDay` (a `dayNumber`) falls against a conference running from `firstDay` to `lastDay`. */
export function dateFit(pageDay: number | null, firstDay: number | null, lastDay: number | null): DateFit {
  if (pageDay === null || firstDay === null) return 'unknown';
  const last = lastDay ?? firstDay;
  if (pageDay < firstDay - 60) return 'long-before';
  if (pageDay < firstDay - 2) return 'shortly-before';
  if (pageDay <= last + 90) return 'during';
  if (pageDay <= last + 365) return 'months-after';
  return 'years-after';
}

/**
 * For a series of sessions spread over weeks or months (a meetup's calendar, a seminar), the session
 * day a write-up dated `pageDay` most likely reports on: the last one on or before the day after it
 * (a live blog may be dated by another time zone). Null when the page predates every session.
 * `sessionDays` sorted ascending.
 */
export function reportedSession(pageDay: number, sessionDays: readonly number[]): number | null {
  let found: number | null = null;
  for (const day of sessionDays) {
    if (day > pageDay + 1) break;
    found = day;
  }
  return found;
}

/** A conference whose sessions span more than this many days is read as a series of sessions. */
export const SERIES_SPAN_DAYS = 21;

/** What `talkDateFit` needs of a conference (an `IndexedConference` is one). */
export interface ConferenceDays {
  firstDay: number | null;
  lastDay: number | null;
  /** The days of a series' sessions, ascending, or null for a conference of consecutive days. */
  sessionDays: readonly number[] | null;
}

/**
 * How a page dated `pageDay` fits a talk on `talkDay` (ISO) of `conf`: the conference's dates, or in a
 * series the session it reports on (a talk of an earlier session is `another-session`).
 */
export function talkDateFit(pageDay: number | null, conf: ConferenceDays, talkDay: string | null): DateFit {
  const fit = dateFit(pageDay, conf.firstDay, conf.lastDay);
  if (fit !== 'during' || pageDay === null || !conf.sessionDays) return fit;
  const day = dayNumber(talkDay);
  const reported = reportedSession(pageDay, conf.sessionDays);
  return day !== null && reported !== null && day < reported ? 'another-session' : fit;
}
