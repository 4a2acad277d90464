/**
 * The entry point: schedule text in, `ParsedSchedule` out, whatever the format (detected from the
 * content). Pure and deterministic: no network, no clock, no DOM; runs in Node, a worker or an
 * extension page.
 */
import { asParseError, completeSchedule, type ScheduleParseOptions } from './assemble';
import { sniffSchedule } from './detect';
import { ScheduleParseError } from './errors';
import { readFrabJson } from './frab-json';
import { readFrabXml } from './frab-xml';
import { readICalendar } from './ical';
import { readSessionize } from './sessionize';
import type { ParsedSchedule, ScheduleFormat, ScheduleReading } from './types';

export type { ScheduleParseOptions } from './assemble';
export { detectScheduleFormat } from './detect';

/**
 * Reads a schedule file's text (frab/pretalx JSON or XML, Sessionize "All" JSON, iCalendar).
 * Throws only `ScheduleParseError`, whose message a reader can act on: for an empty file, a web
 * page, JSON or XML that is no schedule, a broken or cut-short file, XML declaring entities, a
 * schedule without events, or more events than `options.maxEvents` (default 50,000). Skipped and
 * repaired events are listed in `warnings`.
 */
export function parseSchedule(text: string, options: ScheduleParseOptions = {}): ParsedSchedule {
  return completeSchedule(readSchedule(text, options));
}

/**
 * `parseSchedule` in two steps (`ScheduleReading`): everything that can refuse the file, every
 * warning and each event's id, title, time and room now; the rest of each event when asked for
 * (`talk(i)`, which throws only `ScheduleParseError`). The same talks as `parseSchedule`.
 */
export function readSchedule(text: string, options: ScheduleParseOptions = {}): ScheduleReading {
  let format: ScheduleFormat | null = null;
  try {
    if (typeof text !== 'string') throw new ScheduleParseError('empty', 'There is no text to read.');
    const sniffed = sniffSchedule(text);
    format = sniffed.format;
    if (sniffed.problem) throw sniffed.problem;
    switch (sniffed.format) {
      case 'frab-json':
        return readFrabJson(sniffed.json, options);
      case 'sessionize':
        return readSessionize(sniffed.json, options);
      case 'frab-xml':
        return readFrabXml(sniffed.text, options);
      case 'ical':
        return readICalendar(sniffed.text, options);
      default:
        throw new ScheduleParseError('not-a-schedule', 'This file is not a schedule Talk Notes can read.');
    }
  } catch (error) {
    throw asParseError(error, format);
  }
}
