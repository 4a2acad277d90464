/**
 * Sessionize's API v2 "All" JSON: `sessions[]` pointing by id to `speakers[]`, `rooms[]` and the
 * items of `categories[]`. Times are local without an offset (floating); the file names neither the
 * conference nor its time zone, so the caller's `fallbackTitle` names it. The track is the item of
 * a category called like "Track" or "Topic", the type that of one like "Session format"; service
 * sessions (breaks, registration) are housekeeping.
 */
import { refuseTooManyEvents, ScheduleAssembler, type ScheduleParseOptions } from './assemble';
import { arrayOf, recordOf } from './read';
import { cleanLine, textOf } from './text';
import { parseIsoDateTime } from './time';
import type { ParsedSchedule } from './types';

const TRACK_CATEGORY = /^(?:tracks?|topics?|themes?|thema|themen|temas?|subject|stream)$|\btracks?\b/i;
const TYPE_CATEGORY =
  /^(?:session )?(?:formats?|types?)$|^session ?(?:format|type|kind)s?$|\bformat\b|sessiontyp|formato|tipo/i;

/** Id → name maps of a Sessionize export's speakers and rooms, and category items by kind. */
function lookups(root: Record<string, unknown>) {
  const speakers = new Map<string, unknown>();
  for (const speaker of arrayOf(root.speakers).map(recordOf)) {
    const name =
      cleanLine(speaker.fullName) || cleanLine(`${textOf(speaker.firstName)} ${textOf(speaker.lastName)}`);
    speakers.set(textOf(speaker.id), name);
  }
  const rooms = new Map<string, unknown>();
  for (const room of arrayOf(root.rooms).map(recordOf)) rooms.set(textOf(room.id), room.name);
  const tracks = new Map<string, unknown>();
  const types = new Map<string, unknown>();
  for (const category of arrayOf(root.categories).map(recordOf)) {
    const title = cleanLine(category.title ?? category.name);
    const into = TRACK_CATEGORY.test(title) ? tracks : TYPE_CATEGORY.test(title) ? types : null;
    for (const item of arrayOf(category.items ?? category.categoryItems).map(recordOf))
      into?.set(textOf(item.id), item.name);
  }
  return { speakers, rooms, tracks, types };
}

/** The first item of `map` (in the order of the file's categories) that the session has. */
function firstIn(map: Map<string, unknown>, ids: Set<string>): unknown {
  for (const [id, name] of map) if (ids.has(id)) return name;
  return null;
}

/** A parsed Sessionize "All" export (as `JSON.parse` gave it) as a schedule. */
export function parseSessionize(data: unknown, options: ScheduleParseOptions = {}): ParsedSchedule {
  const root = recordOf(data);
  const sessions = arrayOf(root.sessions).map(recordOf);
  refuseTooManyEvents(sessions.length, options, 'sessionize');
  const { speakers, rooms, tracks, types } = lookups(root);
  const assembler = new ScheduleAssembler('sessionize', options);
  for (const session of sessions) {
    const items = new Set(arrayOf(session.categoryItems).map(textOf));
    // Speakers are ids; some exports inline {id, name} instead.
    const names = arrayOf(session.speakers).map((speaker) =>
      typeof speaker === 'object' && speaker !== null
        ? recordOf(speaker).name
        : speakers.get(textOf(speaker)),
    );
    const start = parseIsoDateTime(textOf(session.startsAt));
    const end = parseIsoDateTime(textOf(session.endsAt));
    assembler.add({
      id: session.id,
      title: session.title,
      speakers: names,
      start,
      end: start ? end : null,
      timeZone: null,
      room: rooms.get(textOf(session.roomId)) ?? session.room,
      track: firstIn(tracks, items),
      type: firstIn(types, items),
      texts: [session.description],
      links: [
        { url: session.recordingUrl, kind: 'recording' },
        { url: session.liveUrl, title: 'Live stream' },
      ],
      housekeeping: session.isServiceSession === true,
    });
  }
  return assembler.finish({ title: null });
}
