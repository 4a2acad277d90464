/**
 * iCalendar (.ics, RFC 5545) as Sched, pretalx and conference sites publish it, read with ical.js:
 * each `VEVENT` is a talk (`SUMMARY` title, `LOCATION` room, `DESCRIPTION` abstract, the first
 * `CATEGORIES` its track, `URL` its page). Times: with a `TZID` and its `VTIMEZONE` block (the
 * block's offsets), a `TZID` that is an IANA name without a block (offsets from `Intl`), UTC
 * (`Z`) and floating times (both shown in the calendar's zone: `X-WR-TIMEZONE`, else the zone most
 * events name; floating stays floating without one), or a whole day (`VALUE=DATE`: a day without a
 * time). Recurring events are read at their first date. Speakers only where the file says
 * so: pretalx's "Title - Speaker, Speaker" summaries, a "Speakers:" line in the description, an
 * attendee with the role SPEAKER; other attendees and the organizer are not speakers.
 */
import ICAL from 'ical.js';
import { refuseTooManyEvents, ScheduleAssembler, type ScheduleParseOptions } from './assemble';
import { countOf, ScheduleParseError } from './errors';
import { isHousekeeping } from './housekeeping';
import type { LinkCandidate } from './links';
import { cleanLine, textOf } from './text';
import { formatDay, fromInstant, inZone, isKnownTimeZone, type WallTime } from './time';
import type { ParsedSchedule } from './types';

type Component = InstanceType<typeof ICAL.Component>;
type Property = InstanceType<typeof ICAL.Property>;

/** A "Speakers: A, B" line in a description, in a few languages. */
const SPEAKER_LINE =
  /^\s*(?:speakers?|presenters?|presented by|referent(?:en|in|innen)?|sprecher(?:in|innen)?|ponentes?|intervenant(?:e|s|es)?|oradores?|palestrantes?|relatori?|登壇者|講演者|演讲者)\s*[:：]\s*(.+)$/im;
const NAME_SEPARATOR = /\s*(?:[,;、&]|\band\b|\bund\b|\bet\b)\s*/i;
const SPEAKER_ROLE = /^(?:x-)?(?:speaker|presenter)s?$/i;

function countEvents(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(/^BEGIN:VEVENT\s*$/gim)) count++;
  return count;
}

/** ical.js's parse error in words a reader can act on, with the line where ical.js names one. */
function parseProblem(text: string, error: unknown): ScheduleParseError {
  const message = error instanceof Error ? error.message : String(error);
  let detail: string;
  if (/did not end/i.test(message)) {
    detail = 'it ends before its calendar or an event is closed: it seems cut short';
  } else {
    const quoted = /"([^"]{1,200})"\s*$/.exec(message)?.[1];
    const line = quoted ? text.split(/\r\n|\n|\r/).findIndex((l) => l.includes(quoted)) : -1;
    detail = `${line >= 0 ? `at line ${line + 1}` : 'somewhere'} (${message.slice(0, 160)})`;
  }
  return new ScheduleParseError(
    'malformed',
    `This iCalendar file is broken ${detail}. Download it again; if it still fails, the conference’s export is faulty.`,
    'ical',
  );
}

function parameter(property: Property, name: string): string {
  const value = property.getParameter(name);
  return textOf(Array.isArray(value) ? value[0] : value);
}

interface EventTime {
  time: WallTime | null;
  /** The day of an all-day entry. */
  day: string | null;
  zone: string | null;
}

const NO_TIME: EventTime = { time: null, day: null, zone: null };

/** A DTSTART or DTEND as a wall time in the right zone; see the module comment for the cases. */
function timeOf(
  property: Property | null,
  calendarZone: string | null,
  assembler: ScheduleAssembler,
): EventTime {
  if (!property) return NO_TIME;
  let value: unknown;
  try {
    value = property.getFirstValue();
  } catch {
    assembler.count(
      'bad-time',
      (n) => `${countOf(n, 'time')} could not be read and ${n === 1 ? 'was' : 'were'} left out.`,
    );
    return NO_TIME;
  }
  if (!(value instanceof ICAL.Time)) return NO_TIME;
  const wall = Date.UTC(value.year, value.month - 1, value.day, value.hour, value.minute, value.second);
  if (!Number.isFinite(wall) || value.year < 1000 || value.year > 9999) return NO_TIME;
  if (value.isDate) return { time: null, day: formatDay(wall), zone: calendarZone };
  const tzid = parameter(property, 'tzid').replace(/^\/(?:[^/]+\/[^/]+\/)?/, ''); // "/mozilla.org/…/Europe/Berlin"
  const zone = value.zone;
  if (zone === ICAL.Timezone.utcTimezone || zone?.tzid === 'UTC' || zone?.tzid === 'Z') {
    return calendarZone
      ? { time: fromInstant(wall, calendarZone, 0), day: null, zone: calendarZone }
      : { time: { wall, offset: 0 }, day: null, zone: null };
  }
  const iana = tzid && isKnownTimeZone(tzid) ? tzid : null;
  if (tzid && zone && zone.tzid !== 'floating') {
    // The calendar's own VTIMEZONE: its offsets rule, whatever the zone is called.
    const location = textOf(zone.component?.getFirstPropertyValue('x-lic-location'));
    const name = iana ?? (isKnownTimeZone(location) ? location : null);
    return { time: { wall, offset: Math.round(value.utcOffset() / 60) }, day: null, zone: name };
  }
  if (iana) return { time: inZone(wall, iana), day: null, zone: iana };
  if (tzid) {
    assembler.warn(
      `The time zone “${tzid.slice(0, 60)}” has no definition in the file and is unknown; its times are read ${calendarZone ? `in ${calendarZone}` : 'without a time zone'}.`,
    );
  }
  return calendarZone
    ? { time: inZone(wall, calendarZone), day: null, zone: calendarZone }
    : { time: { wall, offset: null }, day: null, zone: null };
}

/** Seconds of a DURATION, or null. */
function durationOf(event: Component): number | null {
  try {
    const value = event.getFirstPropertyValue('duration');
    if (!(value instanceof ICAL.Duration)) return null;
    const seconds = value.toSeconds();
    return seconds >= 0 ? seconds : null;
  } catch {
    return null;
  }
}

/** All string values of every property `name` (CATEGORIES can repeat and hold lists). */
function values(event: Component, name: string): string[] {
  return event
    .getAllProperties(name)
    .flatMap((property) => property.getValues())
    .map((value) => cleanLine(value))
    .filter((value) => value.length > 0);
}

/** The first value of a property as text (a date as its ISO form), or ''. */
function firstValue(component: Component, name: string): string {
  try {
    const value = component.getFirstPropertyValue(name);
    return value instanceof ICAL.Time ? value.toString() : textOf(value);
  } catch {
    return '';
  }
}

/** Title and speakers: pretalx writes "Title - Speaker, Speaker". */
function titleAndSpeakers(summary: string, fromPretalx: boolean): { title: string; speakers: string[] } {
  const cut = fromPretalx ? summary.lastIndexOf(' - ') : -1;
  if (cut < 0) return { title: summary, speakers: [] };
  return { title: summary.slice(0, cut), speakers: summary.slice(cut + 3).split(', ') };
}

function speakersOf(event: Component, description: string): string[] {
  const byRole = event
    .getAllProperties('attendee')
    .filter(
      (attendee) =>
        SPEAKER_ROLE.test(parameter(attendee, 'role')) || SPEAKER_ROLE.test(parameter(attendee, 'x-role')),
    )
    .map((attendee) => parameter(attendee, 'cn'));
  const line = SPEAKER_LINE.exec(description.slice(0, 5000))?.[1];
  return [...byRole, ...(line ? line.split(NAME_SEPARATOR) : [])];
}

/** The IANA zone most events' DTSTART names (TZID), or null. */
function mostUsedZone(events: Component[]): string | null {
  const counts = new Map<string, number>();
  for (const event of events) {
    const start = event.getFirstProperty('dtstart');
    const tzid = start ? parameter(start, 'tzid') : '';
    if (tzid && isKnownTimeZone(tzid)) counts.set(tzid, (counts.get(tzid) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [zone, count] of counts) if (best === null || count > counts.get(best)!) best = zone;
  return best;
}

/** An iCalendar text as a schedule. */
export function parseICalendar(text: string, options: ScheduleParseOptions = {}): ParsedSchedule {
  refuseTooManyEvents(countEvents(text), options, 'ical');
  let calendars: Component[];
  try {
    const jcal = ICAL.parse(text);
    calendars = (Array.isArray(jcal[0]) ? (jcal as unknown[]) : [jcal]).map(
      (j) => new ICAL.Component(j as never),
    );
  } catch (error) {
    throw parseProblem(text, error);
  }
  const calendar = calendars.find((c) => c.name === 'vcalendar') ?? calendars[0]!;
  const events = calendars.flatMap((c) => c.getAllSubcomponents('vevent'));
  const namedZone = cleanLine(firstValue(calendar, 'x-wr-timezone'));
  // UTC and floating times are shown in the calendar's zone: the one it names, else the one most of its events use.
  const calendarZone = namedZone && isKnownTimeZone(namedZone) ? namedZone : mostUsedZone(events);
  const pretalx = /^-\/\/pretalx\/\/[^/]+\/\/([^/]+)/i.exec(firstValue(calendar, 'prodid'));
  const assembler = new ScheduleAssembler('ical', options);
  for (const event of events) {
    if (firstValue(event, 'status').toUpperCase() === 'CANCELLED') {
      assembler.count(
        'cancelled',
        (n) => `${countOf(n, 'cancelled event')} ${n === 1 ? 'was' : 'were'} left out.`,
      );
      continue;
    }
    if (event.hasProperty('rrule')) {
      assembler.count(
        'recurring',
        (n) =>
          `${countOf(n, 'repeating event')} ${n === 1 ? 'is' : 'are'} read at ${n === 1 ? 'its' : 'their'} first date only.`,
      );
    }
    const start = timeOf(event.getFirstProperty('dtstart'), calendarZone, assembler);
    const end = timeOf(event.getFirstProperty('dtend'), calendarZone, assembler);
    const description = firstValue(event, 'description');
    const { title, speakers } = titleAndSpeakers(firstValue(event, 'summary'), pretalx !== null);
    const categories = values(event, 'categories');
    const recurrence = firstValue(event, 'recurrence-id');
    const attachments: LinkCandidate[] = event
      .getAllProperties('attach')
      .map((attach) => ({ url: attach.getFirstValue() }));
    assembler.add({
      id: recurrence ? `${firstValue(event, 'uid')}@${recurrence}` : firstValue(event, 'uid'),
      title,
      speakers: [...speakers, ...speakersOf(event, description)],
      start: start.time,
      end: start.time ? end.time : null,
      durationSeconds: durationOf(event),
      timeZone: start.zone,
      day: start.day,
      room: firstValue(event, 'location'),
      track: categories[0] ?? null,
      texts: [description],
      url: firstValue(event, 'url'),
      links: attachments,
      housekeeping: categories.some((category) => isHousekeeping(category)),
    });
  }
  return assembler.finish({
    title: firstValue(calendar, 'x-wr-calname') || firstValue(calendar, 'name'),
    // pretalx names the event's slug in its PRODID: -//pretalx//host//slug
    acronym: pretalx?.[1],
    timeZone: calendarZone,
    url: firstValue(calendar, 'url') || firstValue(calendar, 'x-original-url'),
  });
}
