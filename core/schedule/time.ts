/**
 * Times as schedules write them. A `WallTime` is a local date and time with the UTC offset the
 * source fixes, or none (floating). Offsets of IANA time zones come from `Intl.DateTimeFormat`
 * (no time-zone data of our own), cached per zone and hour so 30,000 events stay cheap.
 * Nothing here reads the clock or the machine's own time zone.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A local date and time: `wall` is it read as if it were UTC (ms); `offset`, minutes east of UTC. */
export interface WallTime {
  wall: number;
  /** Null for a floating time (the source gives no offset and no zone). */
  offset: number | null;
}

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** Date.UTC for a checked calendar date and time, or null (2023-02-30, 25:00, year 0…). */
function utcOf(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number | null {
  if (y < 1000 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  return new Date(ms).getUTCDate() === d ? ms : null;
}

/** Minutes east of UTC of `+02:00`, `+0200`, `+02`, `-05:30`, `Z`. */
function offsetMinutes(text: string): number | null {
  if (text.toUpperCase() === 'Z') return 0;
  const sign = text.startsWith('-') ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  if (hours > 18 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}

/** `2024-02-03T10:30:00+01:00` (seconds, fraction and offset optional; a space for the T) or null. */
export function parseIsoDateTime(value: string): WallTime | null {
  const m = ISO_DATE_TIME.exec(value.trim());
  if (!m) return null;
  const wall = utcOf(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, m[6] ? +m[6] : 0);
  if (wall === null) return null;
  if (!m[7]) return { wall, offset: null };
  const offset = offsetMinutes(m[7]);
  return offset === null ? null : { wall, offset };
}

/** `2024-02-03` as the wall time of its midnight (ms), or null. */
export function parseIsoDate(value: string): number | null {
  const m = ISO_DATE.exec(value.trim());
  return m ? utcOf(+m[1]!, +m[2]!, +m[3]!) : null;
}

/** `09:30` or `09:30:15` as seconds since midnight, or null. */
export function parseClock(value: string): number | null {
  const m = CLOCK.exec(value.trim());
  if (!m) return null;
  const [h, mi, s] = [+m[1]!, +m[2]!, m[3] ? +m[3] : 0];
  return h > 23 || mi > 59 || s > 59 ? null : h * 3600 + mi * 60 + s;
}

/**
 * A frab duration, `HH:MM` or `HH:MM:SS` (`0:45`, `01:30`, `00:30:00`), as seconds; null for
 * anything else or more than two weeks.
 */
export function parseDuration(value: string): number | null {
  const m = /^(\d{1,3}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return null;
  const [h, mi, s] = [+m[1]!, +m[2]!, m[3] ? +m[3] : 0];
  if (mi > 59 || s > 59) return null;
  const seconds = h * 3600 + mi * 60 + s;
  return seconds <= 14 * 24 * 3600 ? seconds : null;
}

const zoneValid = new Map<string, boolean>();
const zoneFormat = new Map<string, Intl.DateTimeFormat>();

/** Whether `Intl` knows `name` as a time zone (`Europe/Brussels`, `UTC`); `W. Europe Standard Time` is not one. */
export function isKnownTimeZone(name: string): boolean {
  if (!name || name.length > 100) return false;
  let known = zoneValid.get(name);
  if (known === undefined) {
    try {
      zoneFormat.set(name, formatterFor(name));
      known = true;
    } catch {
      known = false;
    }
    zoneValid.set(name, known);
  }
  return known;
}

function formatterFor(zone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
}

const offsetCache = new Map<string, number>();

/**
 * Minutes east of UTC in `zone` at the instant `utc` (ms). Offsets change on the hour or half
 * hour at most, so they are cached per zone and quarter of an hour. `zone` must be known
 * (`isKnownTimeZone`).
 */
export function zoneOffsetAt(zone: string, utc: number): number {
  const bucket = Math.floor(utc / (15 * MINUTE));
  const key = `${zone} ${bucket}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  let format = zoneFormat.get(zone);
  if (!format) {
    format = formatterFor(zone);
    zoneFormat.set(zone, format);
  }
  const at = bucket * 15 * MINUTE;
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(at)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const local = Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour!,
    parts.minute!,
    parts.second!,
  );
  const offset = Math.round((local - at) / MINUTE);
  if (offsetCache.size > 100_000) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}

/**
 * The wall time `wall` in `zone`, with the zone's offset then. A time inside a spring-forward gap
 * (it does not exist) gets the offset from before the gap, the smaller one; a time that occurs
 * twice (the autumn hour) gets one of its two.
 */
export function inZone(wall: number, zone: string): WallTime {
  const guess = zoneOffsetAt(zone, wall);
  const offset = zoneOffsetAt(zone, wall - guess * MINUTE);
  if (offset === guess) return { wall, offset };
  const other = zoneOffsetAt(zone, wall - offset * MINUTE);
  return { wall, offset: other === offset ? offset : Math.min(guess, offset) };
}

/** The instant (ms since the epoch) of a time with an offset; null for a floating one. */
export function instantOf(time: WallTime): number | null {
  return time.offset === null ? null : time.wall - time.offset * MINUTE;
}

/** The instant `utc` as wall time in `zone`, or at the fixed `offset` where there is no zone. */
export function fromInstant(utc: number, zone: string | null, offset: number): WallTime {
  const at = zone ? zoneOffsetAt(zone, utc) : offset;
  return { wall: utc + at * MINUTE, offset: at };
}

/** `time` plus `seconds`: elapsed time for a fixed one (the offset follows the zone), wall time for a floating one. */
export function addSeconds(time: WallTime, seconds: number, zone: string | null): WallTime {
  const instant = instantOf(time);
  if (instant === null) return { wall: time.wall + seconds * 1000, offset: null };
  return fromInstant(instant + seconds * 1000, zone, time.offset!);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2024-02-03T10:30:00+01:00`; a floating time without an offset, UTC as `+00:00`. */
export function formatWallTime(time: WallTime): string {
  const d = new Date(time.wall);
  const local = `${formatDay(time.wall)}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  if (time.offset === null) return local;
  const sign = time.offset < 0 ? '-' : '+';
  const abs = Math.abs(time.offset);
  return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The calendar day `YYYY-MM-DD` of a wall time (ms). */
export function formatDay(wall: number): string {
  const d = new Date(wall);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Wall time `wall` moved by whole days. */
export function addDays(wall: number, days: number): number {
  return wall + days * DAY;
}
