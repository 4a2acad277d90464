/**
 * What frab's JSON and XML share: the conference, the days, and one event as a frab record (the
 * JSON event, or the XML `<event>` read into the same keys) turned into an `EventDraft`. Events
 * carry `date` (ISO with offset) in current files; older ones only `start` "HH:MM", placed on
 * their day in the conference's time zone, after midnight where they start before the day does.
 */
import { countOf } from './errors';
import type { ConferenceDraft, EventDraft, ScheduleAssembler } from './assemble';
import type { LinkCandidate } from './links';
import { arrayOf, isRecord, recordOf } from './read';
import { cleanLine, textOf } from './text';
import {
  addDays,
  inZone,
  instantOf,
  isKnownTimeZone,
  parseClock,
  parseDuration,
  parseIsoDate,
  parseIsoDateTime,
  type WallTime,
  zoneOffsetAt,
} from './time';
import type { ScheduleLinkKind } from './types';

/** One day of a frab schedule, as its events need it. */
export interface FrabDay {
  /** Midnight of its date as wall time (ms), or null. */
  date: number | null;
  /** When the day starts, in seconds after midnight: an event starting earlier is after midnight. */
  startClock: number | null;
  /** The UTC offset of the day's start, for times in a file that names no time zone. */
  offset: number | null;
}

/** A day without date (frab's flat `events` list, whose events carry full times). */
export const NO_DAY: FrabDay = { date: null, startClock: null, offset: null };

/** A day from its `date` (`YYYY-MM-DD`) and its start (`day_start` / the XML `start` attribute, ISO). */
export function frabDay(date: unknown, dayStart: unknown): FrabDay {
  const start = parseIsoDateTime(textOf(dayStart));
  const startMidnight = start ? Math.floor(start.wall / 86_400_000) * 86_400_000 : null;
  const day = parseIsoDate(textOf(date)) ?? startMidnight;
  return {
    date: day,
    startClock:
      start && startMidnight !== null && day === startMidnight ? (start.wall - startMidnight) / 1000 : null,
    offset: start?.offset ?? null,
  };
}

/** The conference of a frab file (JSON `conference` or the XML one read into the same keys) and its time zone. */
export function frabConference(
  conference: Record<string, unknown>,
  assembler: ScheduleAssembler,
): { draft: ConferenceDraft; zone: string | null } {
  const named = cleanLine(conference.time_zone_name);
  const zone = named && isKnownTimeZone(named) ? named : null;
  if (named && !zone) {
    assembler.warn(
      `The schedule names the time zone “${named.slice(0, 60)}”, which is unknown; times are kept with their UTC offsets.`,
    );
  }
  return {
    zone,
    draft: {
      title: conference.title,
      acronym: conference.acronym,
      start: conference.start,
      end: conference.end,
      timeZone: zone,
      url: conference.url,
    },
  };
}

/** A name: the string itself, or `name` / `public_name` / `full_name` of a person record. */
function personName(person: unknown): unknown {
  if (!isRecord(person)) return person;
  return person.public_name ?? person.name ?? person.full_name ?? person.display_name;
}

/** The speakers of a frab event: `persons`, or the SPEAKER participants of the newer flat layout. */
function speakersOf(event: Record<string, unknown>): unknown[] {
  const persons = arrayOf(event.persons).map(personName);
  if (persons.length > 0) return persons;
  return arrayOf(event.participants)
    .filter((p) => !isRecord(p) || p.role === undefined || /^(speaker|moderator)$/i.test(textOf(p.role)))
    .map(personName);
}

const REFERENCE_KINDS: Record<string, ScheduleLinkKind> = {
  slides: 'slides',
  media: 'recording',
  video: 'recording',
  recording: 'recording',
  origin: 'schedule',
};

/** A frab link or attachment (`{url, title}`, the XML `href`, or a bare URL). */
function referenceOf(reference: unknown): LinkCandidate {
  if (!isRecord(reference)) return { url: reference };
  const type = textOf(reference.type).toLowerCase();
  if (type === 'feedback') return { url: null };
  return {
    url: reference.url ?? reference.href,
    title: reference.title ?? reference.name,
    kind: REFERENCE_KINDS[type],
  };
}

function linksOf(event: Record<string, unknown>): LinkCandidate[] {
  const recording = event.recording;
  return [
    ...arrayOf(event.links).map(referenceOf),
    ...arrayOf(event.attachments).map(referenceOf),
    ...(isRecord(recording)
      ? [recording.url, recording.link].map((url) => ({ url, kind: 'recording' as const }))
      : [{ url: recording, kind: 'recording' as const }]),
    { url: event.video_download_url, kind: 'recording' },
    { url: event.origin_url, kind: 'schedule' },
  ];
}

/** A name from a string or a `{name}` / `{slug}` record (rooms and tracks of the newer flat layout). */
function nameOf(value: unknown): unknown {
  return isRecord(value) ? (value.name ?? value.slug) : value;
}

/** Where and in which zone an event starts. */
function startOf(
  event: Record<string, unknown>,
  day: FrabDay,
  zone: string | null,
  assembler: ScheduleAssembler,
): { start: WallTime | null; timeZone: string | null } {
  const full = parseIsoDateTime(textOf(event.date)) ?? parseIsoDateTime(textOf(event.start));
  if (full) {
    if (full.offset === null)
      return zone ? { start: inZone(full.wall, zone), timeZone: zone } : { start: full, timeZone: null };
    if (zone && zoneOffsetAt(zone, instantOf(full)!) !== full.offset) {
      assembler.count(
        'zone-mismatch',
        (n) =>
          `The schedule names the time zone ${zone}, but ${countOf(n, 'event')} ${n === 1 ? 'is' : 'are'} at another UTC offset; ${n === 1 ? 'its time is' : 'their times are'} kept as written.`,
      );
      return { start: full, timeZone: null };
    }
    return { start: full, timeZone: zone };
  }
  const clock = parseClock(textOf(event.start));
  if (clock === null || day.date === null) return { start: null, timeZone: zone };
  const afterMidnight = day.startClock !== null && clock < day.startClock;
  const wall = addDays(day.date, afterMidnight ? 1 : 0) + clock * 1000;
  if (zone) return { start: inZone(wall, zone), timeZone: zone };
  return { start: { wall, offset: day.offset }, timeZone: null };
}

/** One frab event (JSON, or XML read into the same keys) of a day and room, as a draft. */
export function frabEventDraft(
  event: Record<string, unknown>,
  day: FrabDay,
  zone: string | null,
  roomName: string,
  assembler: ScheduleAssembler,
): EventDraft {
  const { start, timeZone } = startOf(event, day, zone, assembler);
  const durationText = textOf(event.duration);
  const durationSeconds = durationText ? parseDuration(durationText) : null;
  if (durationText && durationSeconds === null) {
    assembler.count(
      'bad-duration',
      (n) => `${countOf(n, 'event')} had a duration that could not be read; the end is left out.`,
    );
  }
  const end = parseIsoDateTime(textOf(event.end));
  return {
    id: cleanLine(event.guid) || cleanLine(event.id) || event.code,
    title: event.title,
    subtitle: event.subtitle,
    speakers: speakersOf(event),
    start,
    end: end && start ? end : null,
    durationSeconds,
    timeZone,
    room: cleanLine(nameOf(event.room)) || roomName,
    track: nameOf(event.track),
    type: event.type,
    texts: [event.abstract, event.description],
    url: event.url,
    links: linksOf(event),
  };
}

/** The events of a frab day's `rooms` object (`{ "Room": [event, …] }`), each with its room's name. */
export function roomEvents(rooms: unknown): { room: string; event: Record<string, unknown> }[] {
  return Object.entries(recordOf(rooms)).flatMap(([room, events]) =>
    arrayOf(events).map((event) => ({ room, event: recordOf(event) })),
  );
}
