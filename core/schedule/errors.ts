import type { ScheduleFormat } from './types';

/**
 * Why a schedule could not be read, for a caller that wants to react to the kind of problem (the
 * reader is shown `message` in any case):
 * - `empty`: nothing but white space;
 * - `web-page`: an HTML page (the schedule's web page rather than its export);
 * - `not-a-schedule`: readable JSON, XML or text, but no schedule layout Talk Notes knows;
 * - `malformed`: a schedule format whose text is broken or cut short;
 * - `unsafe`: XML that declares its own entities (a DOCTYPE with `<!ENTITY>`), refused unread;
 * - `no-events`: a schedule without one usable event;
 * - `too-many-events`: more events than the caller allows.
 */
export type ScheduleParseErrorKind =
  | 'empty'
  | 'web-page'
  | 'not-a-schedule'
  | 'malformed'
  | 'unsafe'
  | 'no-events'
  | 'too-many-events';

/**
 * The one error `parseSchedule` throws: `message` says in plain words what is wrong and, where it
 * can, what to do about it. Any failure of a parsing library is wrapped in one of these.
 */
export class ScheduleParseError extends Error {
  override readonly name = 'ScheduleParseError';

  constructor(
    readonly kind: ScheduleParseErrorKind,
    message: string,
    /** The format the text was read as, where it got that far. */
    readonly format: ScheduleFormat | null = null,
  ) {
    super(message);
  }
}

/** `1234567` as `1,234,567`, the same on every machine (no locale). */
export function formatCount(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "1 event", "3 events": a count with its noun, plural by an `s` unless `plural` says otherwise. */
export function countOf(n: number, noun: string, plural = `${noun}s`): string {
  return `${formatCount(n)} ${n === 1 ? noun : plural}`;
}
