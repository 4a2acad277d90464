/**
 * iCalendar (.ics, RFC 5545) as Sched, pretalx and conference sites publish it, read with ical.js:
 * each `VEVENT` is a talk (`SUMMARY` title, `LOCATION` room, `DESCRIPTION` abstract, the first
 * `CATEGORIES` its track, `URL` its page). Times: with a `TZID` and its `VTIMEZONE` block (the
 * block's offsets), a `TZID` that is an IANA name without a block (offsets from `Intl`), UTC
 * (`Z`) and floating times (both shown in the calendar's zone: `X-WR-TIMEZONE`, else the zone most
 * events name; floating stays floating without one), or a whole day (`VALUE=DATE`: a day without a
 * time). Recurring events are read at their first date. Speakers only where the file says
 * so: pretalx's "Title - Speaker, Speaker" summaries, Sched's "Title - Speaker & Speaker" where the
 * description names them too, a labelled line in the description ("Speakers:",
 * "Speaker:", "Presenter:", "Authors: A; B", "Moderator:", "登壇者：" … anywhere; "Presented by A",
 * "By A and B" as its first line), an attendee with the role SPEAKER, and a first line of people alone
 * ("A, B — Company", "A (Acme), B", "A, Acme; B, Globex") where most of the file's descriptions start
 * with one; other attendees and the organizer are not speakers, nor a company.
 */
import ICAL from 'ical.js';
import { refuseTooManyEvents, ScheduleAssembler, type ScheduleParseOptions } from './assemble';
import { countOf, ScheduleParseError } from './errors';
import { parsePeople, parsePeopleWithRole } from '../talks/people';
import { isHousekeeping } from './housekeeping';
import type { LinkCandidate } from './links';
import { cleanLine, textOf } from './text';
import { formatDay, fromInstant, inZone, isKnownTimeZone, type WallTime } from './time';
import type { ParsedSchedule } from './types';

type Component = InstanceType<typeof ICAL.Component>;
type Property = InstanceType<typeof ICAL.Property>;

/** A labelled line of speakers anywhere in a description ("Speakers: A, B", "Authors: A; B"), in a few languages. */
const SPEAKER_LINE =
  /^\s*(?:speakers?|speaker\(s\)|presenters?|presented by|given by|authors?|author\(s\)|hosts?|hosted by|moderators?|moderated by|facilitators?|instructors?|trainers?|referent(?:en|in|innen)?|vortragende[rn]?|sprecher(?:in|innen)?|ponentes?|presentado por|intervenant(?:e|s|es)?|orateurs?|présenté par|animé par|oradores?|palestrantes?|apresentado por|relatori?|登壇者|講演者|発表者|スピーカー|演讲者|演讲人|讲师|讲者|分享者|嘉宾|발표자|연사)\s*[:：]\s*(.+)$/imu;
/** "Presented by A and B", "By A, B": only on a description's first line, and only when people follow. */
const BY_LINE =
  /^(?:presented by|given by|hosted by|moderated by|by|présenté par|par|presentado por|apresentado por|por|vorgetragen von|von)\s+(.+)$/iu;
const NAME_SEPARATOR = /\s*(?:[,;、&]|\band\b|\bund\b|\bet\b)\s*/i;
/** What follows a spaced dash or bar after the names is an affiliation or a role: "A, B — Acme". */
const AFFILIATION_DASH = /\s+[-–—|]\s+/u;
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

/**
 * Title and speakers: pretalx writes "Title - Speaker, Speaker"; Sched "Title - Speaker & Speaker",
 * read so only where the part after the last spaced hyphen is people (`parsePeople`) whom the
 * event's description names too ("…\n\nRosalind Achebe, Maintainer"): a title with a dash in it
 * ("Rust - The Good Parts") names nobody.
 */
function titleAndSpeakers(
  summary: string,
  fromPretalx: boolean,
  description: string,
): { title: string; speakers: string[] } {
  const cut = summary.lastIndexOf(' - ');
  if (cut < 0) return { title: summary, speakers: [] };
  const title = summary.slice(0, cut);
  const tail = summary.slice(cut + 3);
  if (fromPretalx) return { title, speakers: tail.split(', ') };
  const people = parsePeople(tail);
  const described = description.slice(0, 5000);
  return people?.length && people.every((person) => described.includes(person))
    ? { title, speakers: people }
    : { title: summary, speakers: [] };
}

/**
 * The names of a labelled line: "A, B", "A and B", "A; B", "A (Acme), B", "A, Acme; B, Globex", "A, B —
 * Acme". The label says they are people: names that do not look like one ("Sarah", "@jdoe") are kept,
 * unless the line reads as people with an affiliation.
 */
function labelledPeople(text: string): string[] {
  const people = peopleLine(text);
  if (people) return people;
  const names = text.split(AFFILIATION_DASH)[0]!;
  // With semicolons between people, a comma inside one part sets off an affiliation.
  const parts = names.includes(';')
    ? names.split(';').map((part) => part.split(/[,，]/)[0]!)
    : names.split(NAME_SEPARATOR);
  return parts.map((part) => part.replace(/\s*[(（][^()（）]*[)）]/gu, '').trim()).filter(Boolean);
}

/**
 * People named by a line that is nothing else, with their affiliations ("A, B — Acme", "A (Acme), B",
 * "A, Acme; B, Globex"); null when any part is not a person's name (a sentence, a company, a title).
 */
function peopleLine(line: string): string[] | null {
  if (line.length > 300) return null;
  const names = line.split(AFFILIATION_DASH)[0]!;
  if (!names.includes(';')) return parsePeopleWithRole(names);
  const people: string[] = [];
  for (const part of names.split(';')) {
    const person = part.trim() ? parsePeople(part.split(/[,，]/)[0]!) : [];
    if (!person) return null;
    people.push(...person);
  }
  return people.length ? people : null;
}

/** The first line of a description that is not the title again (some files repeat it). */
function firstLine(description: string, title: string): string {
  const lines = description
    .slice(0, 2000)
    .split(/\r\n|\n|\r/)
    .map((line) => line.trim())
    .filter(Boolean);
  const same = (a: string, b: string) =>
    a.toLowerCase().replace(/\s+/g, ' ') === b.toLowerCase().replace(/\s+/g, ' ');
  return (lines[0] && same(lines[0], title) ? lines[1] : lines[0]) ?? '';
}

/** What an event's description says of its speakers. */
interface DescribedSpeakers {
  /** From a labelled line ("Speakers: …", "Presented by …"). */
  labelled: string[];
  /** From a first line of people alone, used when the file writes most of its speakers so. */
  unlabelled: string[] | null;
}

function describedSpeakers(description: string, title: string): DescribedSpeakers {
  const labelled = SPEAKER_LINE.exec(description.slice(0, 5000))?.[1];
  if (labelled) return { labelled: labelledPeople(labelled), unlabelled: null };
  const first = firstLine(description, title);
  const by = BY_LINE.exec(first)?.[1];
  const byPeople = by ? peopleLine(by) : null;
  if (byPeople) return { labelled: byPeople, unlabelled: null };
  const people = first ? peopleLine(first) : null;
  const inTitle = people?.some((person) => title.toLowerCase().includes(person.toLowerCase()));
  return { labelled: [], unlabelled: people && !inTitle ? people : null };
}

const NONE: DescribedSpeakers = { labelled: [], unlabelled: null };

function speakersOf(event: Component, described: DescribedSpeakers, firstLines: boolean): string[] {
  const byRole = event
    .getAllProperties('attendee')
    .filter(
      (attendee) =>
        SPEAKER_ROLE.test(parameter(attendee, 'role')) || SPEAKER_ROLE.test(parameter(attendee, 'x-role')),
    )
    .map((attendee) => parameter(attendee, 'cn'));
  return [...byRole, ...described.labelled, ...((firstLines && described.unlabelled) || [])];
}

/**
 * True when the file names its speakers on the first line of its descriptions without a label: at
 * least two events do, and at least half of those with a description. One event's first line of
 * capitalised words may be anything ("Event Sourcing — Patterns"); a file's habit is not.
 */
function writesSpeakersFirst(described: readonly (DescribedSpeakers | null)[]): boolean {
  const withText = described.filter((d) => d !== null);
  const unlabelled = withText.filter((d) => d.unlabelled).length;
  return unlabelled >= 2 && unlabelled * 2 >= withText.length;
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
  const descriptions = events.map((event) => firstValue(event, 'description'));
  const summaries = events.map((event, i) =>
    titleAndSpeakers(firstValue(event, 'summary'), pretalx !== null, descriptions[i]!),
  );
  const described = descriptions.map((text, i) =>
    text.trim() ? describedSpeakers(text, summaries[i]!.title) : null,
  );
  const firstLines = writesSpeakersFirst(described);
  events.forEach((event, i) => {
    if (firstValue(event, 'status').toUpperCase() === 'CANCELLED') {
      assembler.count(
        'cancelled',
        (n) => `${countOf(n, 'cancelled event')} ${n === 1 ? 'was' : 'were'} left out.`,
      );
      return;
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
    const description = descriptions[i]!;
    const { title, speakers } = summaries[i]!;
    const fromDescription = speakersOf(event, described[i] ?? NONE, firstLines);
    const categories = values(event, 'categories');
    const recurrence = firstValue(event, 'recurrence-id');
    const attachments: LinkCandidate[] = event
      .getAllProperties('attach')
      .map((attach) => ({ url: attach.getFirstValue() }));
    assembler.add({
      id: recurrence ? `${firstValue(event, 'uid')}@${recurrence}` : firstValue(event, 'uid'),
      title,
      // A Sched summary's people may be the description's too.
      speakers: [...new Set([...speakers, ...fromDescription])],
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
  });
  return assembler.finish({
    title: firstValue(calendar, 'x-wr-calname') || firstValue(calendar, 'name'),
    // pretalx names the event's slug in its PRODID: -//pretalx//host//slug
    acronym: pretalx?.[1],
    timeZone: calendarZone,
    url: firstValue(calendar, 'url') || firstValue(calendar, 'x-original-url'),
  });
}
