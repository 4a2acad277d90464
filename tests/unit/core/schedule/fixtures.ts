/** The schedule fixtures (tests/fixtures/schedules, see its README) by file name. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ScheduleParseError } from '@/core/schedule/errors';

export const SCHEDULE_FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/schedules');

export const FIXTURE_FILES = [
  'frab-camp.json',
  'frab-old.json',
  'fosdem-pentabarf.xml',
  'pretalx-schedule.xml',
  'sessionize-all.json',
  'pretalx.ics',
  'sched.ics',
  'site-calendar.ics',
] as const;

export function fixture(name: string): string {
  return readFileSync(join(SCHEDULE_FIXTURES, name), 'utf8');
}

/** The ScheduleParseError `call` throws (any other outcome fails the test). */
export function parseFailure(call: () => unknown): ScheduleParseError {
  try {
    call();
  } catch (error) {
    if (error instanceof ScheduleParseError) return error;
    throw error;
  }
  throw new Error('expected a ScheduleParseError');
}
