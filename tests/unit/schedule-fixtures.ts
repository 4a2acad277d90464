/** Parsed conference schedules for unit tests, as a schedule parser would give them. */
import type { ParsedSchedule, ScheduleTalk } from '@/core/schedule/types';

/** An event of FOSDEM 2026 in Janson, Brussels time, one speaker; `extra` overrides any field. */
export function event(
  scheduleId: string,
  title: string,
  start: string,
  extra: Partial<ScheduleTalk> = {},
): ScheduleTalk {
  return {
    scheduleId,
    title,
    subtitle: null,
    speakers: ['Ada Example'],
    start,
    end: null,
    timeZone: 'Europe/Brussels',
    day: start.slice(0, 10),
    room: 'Janson',
    track: null,
    type: 'talk',
    abstract: null,
    url: null,
    links: [],
    housekeeping: false,
    ...extra,
  };
}

/** FOSDEM 2026 (frab XML) with these events. */
export function schedule(talks: ScheduleTalk[], title = 'FOSDEM 2026'): ParsedSchedule {
  return {
    format: 'frab-xml',
    conference: {
      title,
      acronym: 'fosdem26',
      start: '2026-01-31',
      end: '2026-02-01',
      timeZone: 'Europe/Brussels',
      url: null,
    },
    talks,
    warnings: [],
  };
}
