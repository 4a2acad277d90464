/**
 * A schedule talk's day and time as the conference lived them: in the conference's time zone, not
 * the reader's. Times are written `HH:mm` (24-hour) and days `YYYY-MM-DD`, the same on every
 * machine, so the dashboard and the Markdown export agree and golden files do not depend on where
 * the tests run.
 */
import type { ScheduleFields } from '../types';

export interface LocalTimes {
  /** The conference-local day, `YYYY-MM-DD`; null when the talk has no day and no start. */
  day: string | null;
  /** Start and end, `HH:mm`, conference-local. */
  start: string | null;
  end: string | null;
}

type Timed = Partial<Pick<ScheduleFields, 'start' | 'end' | 'timeZone' | 'day'>>;

const ISO = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
    } catch {
      formatter = null; // not a time zone this runtime knows
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Day and `HH:mm` of an ISO time in `timeZone`. A time with an offset is converted to the zone when
 * it is known; otherwise (a floating local time, no zone, an unknown zone) the wall clock written
 * in the source is the conference's. Null for what is not an ISO time.
 */
export function localTime(iso: string | null | undefined, timeZone: string | null | undefined) {
  const m = iso ? ISO.exec(iso.trim()) : null;
  if (!m) return null;
  const formatter = m[4] && timeZone ? formatterFor(timeZone) : null;
  const ms = formatter ? Date.parse(iso!.trim()) : Number.NaN;
  if (formatter && !Number.isNaN(ms)) {
    const parts: Record<string, string> = {};
    for (const part of formatter.formatToParts(ms)) parts[part.type] = part.value;
    return { day: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
  }
  return { day: m[1]!, time: `${m[2]}:${m[3]}` };
}

/** The talk's day and start and end times, conference-local. */
export function localTimes(talk: Timed): LocalTimes {
  const start = localTime(talk.start, talk.timeZone);
  const end = localTime(talk.end, talk.timeZone);
  return { day: talk.day ?? start?.day ?? null, start: start?.time ?? null, end: end?.time ?? null };
}

/** `10:00–10:50`, `10:00`, or '' for an untimed talk. */
export function timeRange(times: Pick<LocalTimes, 'start' | 'end'>): string {
  if (!times.start) return '';
  return times.end && times.end !== times.start ? `${times.start}–${times.end}` : times.start;
}

/** A conference's dates: `2026-01-31 – 2026-02-01`, one day alone, or ''. */
export function dateRange(start: string | null, end: string | null): string {
  if (start && end && end !== start) return `${start} – ${end}`;
  return start ?? end ?? '';
}
