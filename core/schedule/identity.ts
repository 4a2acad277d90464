/**
 * When two conference schedules are the same conference: the one rule that importing a schedule
 * again (storage/conferences.ts) and merging a backup (core/merge.ts) both follow, so a conference
 * is never listed twice whichever way it arrives.
 */
import type { ScheduleFormat } from './types';

/** What identifies a conference: a stored conference record, or a schedule about to be imported. */
export interface ConferenceIdentity {
  title: string;
  acronym: string | null;
  /** First day, `YYYY-MM-DD`. */
  start: string | null;
  format: ScheduleFormat;
  /** Where the schedule was imported from; null for a file. */
  sourceUrl: string | null;
}

const fold = (s: string | null) => (s ?? '').trim().toLowerCase();

/**
 * The same conference by name: the same first day and format, and the same acronym (where `wanted`
 * has one) or title, ignoring case. Two years of one conference differ by their first day.
 */
export function sameConferenceByName(wanted: ConferenceIdentity, other: ConferenceIdentity): boolean {
  return (
    other.start === wanted.start &&
    other.format === wanted.format &&
    ((fold(wanted.acronym) !== '' && fold(other.acronym) === fold(wanted.acronym)) ||
      fold(other.title) === fold(wanted.title))
  );
}

/**
 * The conference among `conferences` that `wanted` is: one imported from the same source URL, else
 * the first that is the same by name ({@link sameConferenceByName}); undefined when none is.
 */
export function findSameConference<T extends ConferenceIdentity>(
  wanted: ConferenceIdentity,
  conferences: readonly T[],
): T | undefined {
  const bySource =
    wanted.sourceUrl === null ? undefined : conferences.find((c) => c.sourceUrl === wanted.sourceUrl);
  return bySource ?? conferences.find((c) => sameConferenceByName(wanted, c));
}
