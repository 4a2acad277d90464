/**
 * frab/pretalx schedule JSON, the c3voc `schedule.json` layout: `schedule.conference` with
 * `days[].rooms{name: [event]}`. The newer flat layout (`schedule.events[]` with ISO `start`/`end`,
 * room and track records, `participants`) is read as well.
 */
import { refuseTooManyEvents, ScheduleAssembler, type ScheduleParseOptions } from './assemble';
import { frabConference, frabDay, frabEventDraft, NO_DAY, roomEvents } from './frab';
import { safeHttpUrl } from './links';
import { arrayOf, recordOf } from './read';
import type { ParsedSchedule } from './types';

/** A parsed frab/pretalx `schedule.json` (as `JSON.parse` gave it) as a schedule. */
export function parseFrabJson(data: unknown, options: ScheduleParseOptions = {}): ParsedSchedule {
  const schedule = recordOf(recordOf(data).schedule);
  const conference = recordOf(schedule.conference);
  const days = arrayOf(conference.days).map((day) => {
    const record = recordOf(day);
    return { day: frabDay(record.date, record.day_start ?? record.start), events: roomEvents(record.rooms) };
  });
  const flat = arrayOf(schedule.events).map((event) => recordOf(event));
  refuseTooManyEvents(
    days.reduce((sum, day) => sum + day.events.length, flat.length),
    options,
    'frab-json',
  );
  const base = safeHttpUrl(schedule.base_url) ?? safeHttpUrl(conference.base_url);
  const assembler = new ScheduleAssembler('frab-json', options, base);
  const { draft, zone } = frabConference(conference, assembler);
  for (const { day, events } of days) {
    for (const { room, event } of events) assembler.add(frabEventDraft(event, day, zone, room, assembler));
  }
  for (const event of flat) assembler.add(frabEventDraft(event, NO_DAY, zone, '', assembler));
  return assembler.finish(draft);
}
