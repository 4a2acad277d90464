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
