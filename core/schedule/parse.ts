/**
 * The entry point: schedule text in, `ParsedSchedule` out, whatever the format (detected from the
 * content). Pure and deterministic: no network, no clock, no DOM; runs in Node, a worker or an
 * extension page.
 */
import type { ScheduleParseOptions } from './assemble';
import { sniffSchedule } from './detect';
import { ScheduleParseError } from './errors';
import { parseFrabJson } from './frab-json';
import { parseFrabXml } from './frab-xml';
import { parseICalendar } from './ical';
import { parseSessionize } from './sessionize';
import { cleanLine } from './text';
import type { ParsedSchedule, ScheduleFormat } from './types';

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
  let format: ScheduleFormat | null = null;
  try {
    if (typeof text !== 'string') throw new ScheduleParseError('empty', 'There is no text to read.');
    const sniffed = sniffSchedule(text);
    format = sniffed.format;
    if (sniffed.problem) throw sniffed.problem;
    switch (sniffed.format) {
      case 'frab-json':
        return parseFrabJson(sniffed.json, options);
      case 'sessionize':
        return parseSessionize(sniffed.json, options);
      case 'frab-xml':
        return parseFrabXml(sniffed.text, options);
      case 'ical':
        return parseICalendar(sniffed.text, options);
      default:
        throw new ScheduleParseError('not-a-schedule', 'This file is not a schedule Talk Notes can read.');
    }
  } catch (error) {
    if (error instanceof ScheduleParseError) throw error;
    // A library's own failure (or ours): the reader still gets words, never a stack trace.
    const detail = error instanceof Error ? cleanLine(error.message).slice(0, 200) : '';
    throw new ScheduleParseError(
      'malformed',
      `This schedule could not be read${detail ? ` (${detail})` : ''}. Download it again; if it still fails, the file is faulty.`,
      format,
    );
  }
}
