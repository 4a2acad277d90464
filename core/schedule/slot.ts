/**
 * A schedule talk's time as a reader wants to see it: in the conference's own time zone (a talk at
 * 14:00 in Brussels reads 14:00 wherever the reader is), with the day, and the room. In words for
 * the reader's locale (`describeScheduleSlot`), or as `YYYY-MM-DD` and `HH:mm` (`localTimes`), the
 * same on every machine, for the Markdown export and the dashboard's schedule.
 */

import { isKnownTimeZone } from './time';

export interface ScheduleSlotFields {
  start?: string | null;
  end?: string | null;
  timeZone?: string | null;
  room?: string | null;
}

/** Whether an ISO date-time carries its UTC offset (else it is a floating local time). */
function hasOffset(iso: string): boolean {
  return /(?:Z|[+-]\d\d:?\d\d)$/i.test(iso);
}

/**
 * The instant to format and the zone to format it in. A time with an offset is shown in the
 * talk's time zone when known (else at its own offset, read as UTC shifted by it); a floating time
 * is shown as written.
 */
function zoned(iso: string, timeZone: string | null | undefined): { date: Date; timeZone: string } | null {
  if (!hasOffset(iso)) {
    const date = new Date(`${iso}Z`);
    return Number.isNaN(date.getTime()) ? null : { date, timeZone: 'UTC' };
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  if (timeZone && isKnownTimeZone(timeZone)) return { date, timeZone };
  // No zone name: show the wall-clock time the offset gives.
  const offset = /([+-])(\d\d):?(\d\d)$/.exec(iso);
  const minutes = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
  return { date: new Date(date.getTime() + minutes * 60_000), timeZone: 'UTC' };
}

/** "Sat 31 Jan, 14:00–14:45" (the end when known); '' when the talk has no time. */
export function describeScheduleTime(slot: ScheduleSlotFields, locale?: string): string {
  if (!slot.start) return '';
  const start = zoned(slot.start, slot.timeZone);
  if (!start) return '';
  const day = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: start.timeZone,
  }).format(start.date);
  const clock = (d: { date: Date; timeZone: string }) =>
    new Intl.DateTimeFormat(locale, {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: d.timeZone,
    }).format(d.date);
  const end = slot.end ? zoned(slot.end, slot.timeZone) : null;
  return `${day}, ${clock(start)}${end ? `–${clock(end)}` : ''}`;
}

/** "Sat 31 Jan, 14:00–14:45 · Room K.1.105": time and room, whichever are known. */
export function describeScheduleSlot(slot: ScheduleSlotFields, locale?: string): string {
  return [describeScheduleTime(slot, locale), slot.room ?? ''].filter(Boolean).join(' · ');
}

/** A talk's conference-local day and times, locale-free. */
export interface LocalTimes {
  /** The conference-local day, `YYYY-MM-DD`; null when the talk has no day and no start. */
  day: string | null;
  /** Start and end, `HH:mm` (24-hour), conference-local. */
  start: string | null;
  end: string | null;
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();
function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    partsFormats.set(timeZone, format);
  }
  return format;
}

/**
 * The day (`YYYY-MM-DD`) and time (`HH:mm`) of an ISO date-time in the talk's time zone, as
 * `describeScheduleTime` reads it; null for what is not a date-time.
 */
export function localTime(
  iso: string | null | undefined,
  timeZone: string | null | undefined,
): { day: string; time: string } | null {
  if (!iso || !/[T ]\d\d:\d\d/.test(iso)) return null;
  const at = zoned(iso.trim(), timeZone);
  if (!at) return null;
  const parts: Record<string, string> = {};
  for (const part of partsFormat(at.timeZone).formatToParts(at.date)) parts[part.type] = part.value;
  return { day: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** The talk's day (the schedule's own, else its start's) and start and end times, conference-local. */
export function localTimes(slot: ScheduleSlotFields & { day?: string | null }): LocalTimes {
  const start = localTime(slot.start, slot.timeZone);
  const end = localTime(slot.end, slot.timeZone);
  return { day: slot.day ?? start?.day ?? null, start: start?.time ?? null, end: end?.time ?? null };
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
