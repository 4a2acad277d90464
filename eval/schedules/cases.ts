/** The held-out schedule corpus's ground truth (tests/fixtures/schedules-eval/cases.json; fields in its README). */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ScheduleTalkCase {
  /** The talk's `title` exactly as in the recaps' cases.json. */
  pageTitle: string;
  /** The schedule file and the event's own id in it (frab guid, Sessionize id, iCal UID); null: in no schedule. */
  scheduleFile: string | null;
  scheduleId: string | null;
  /** Informational: the title as the schedule publishes it. */
  officialTitle: string | null;
  why: string;
}

export interface SchedulePageCase {
  /** The recap file in tests/fixtures/recaps/. */
  page: string;
  /** The write-up's date as its markup states it, or null. */
  pageDate: string | null;
  conference: string;
  /** Every schedule a reader of this write-up would plausibly have imported. */
  schedules: string[];
  /** One per talk of the page in the recaps' cases.json, in the same order. */
  talks: ScheduleTalkCase[];
}

export const SCHEDULES_EVAL_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../tests/fixtures/schedules-eval',
);

export function loadScheduleCases(dir = SCHEDULES_EVAL_DIR): SchedulePageCase[] {
  return JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as SchedulePageCase[];
}

export const schedulePath = (file: string, dir = SCHEDULES_EVAL_DIR) => join(dir, file);

/** The id the evaluation gives a schedule talk: `<file>#<scheduleId>`. */
export const scheduleTalkId = (file: string, scheduleId: string) => `${file}#${scheduleId}`;

/** The expected schedule talk id of a case talk, or null when it is in no schedule. */
export const expectedTalkId = (t: ScheduleTalkCase): string | null =>
  t.scheduleFile !== null && t.scheduleId !== null ? scheduleTalkId(t.scheduleFile, t.scheduleId) : null;
