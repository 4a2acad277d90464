/**
 * The imported schedules as the evaluation holds them: every file parsed with the product's `parseSchedule`, and
 * ONE index of all of them (`buildScheduleIndex`), as a reader who imported them all has. A conference's id is its
 * file name, a talk's `<file>#<scheduleId>` (cases.ts `scheduleTalkId`). The fields are the ones storage keeps of
 * a parsed event (storage/conferences.ts `talkFromEvent`, storage/schedule-links.ts `matchableTalk`).
 */
import {
  buildScheduleIndex,
  type MatchableConference,
  type MatchableTalk,
  type ParsedSchedule,
  parseSchedule,
  type ScheduleIndex,
} from '@/core/schedule';
import { scheduleTalkId } from './cases';

/** What the report says of a schedule talk. */
export interface ScheduleTalkInfo {
  id: string;
  file: string;
  title: string;
  speakers: string[];
  day: string | null;
  start: string | null;
  housekeeping: boolean;
}

export interface ImportedSchedules {
  index: ScheduleIndex;
  /** Every talk of every file (housekeeping included, which the index leaves out), by id. */
  talks: ReadonlyMap<string, ScheduleTalkInfo>;
}

/**
 * Parses every file's text as the import dialog does for a file (components/data/useScheduleImport.ts): a file
 * that names no conference (Sessionize never does) is named after the file, its last extension dropped. A file
 * that does not parse throws (the corpus is meant to parse).
 */
export function parseScheduleFiles(files: readonly { file: string; text: string }[]) {
  return files.map(({ file, text }) => {
    try {
      return { file, schedule: parseSchedule(text, { fallbackTitle: file.replace(/\.[^.]+$/, '') }) };
    } catch (error) {
      throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}

/** One index over all `schedules`, with ids as above. */
export function importSchedules(
  schedules: readonly { file: string; schedule: ParsedSchedule }[],
): ImportedSchedules {
  const conferences: MatchableConference[] = [];
  const matchable: MatchableTalk[] = [];
  const talks = new Map<string, ScheduleTalkInfo>();
  for (const { file, schedule } of schedules) {
    const c = schedule.conference;
    conferences.push({ id: file, title: c.title, acronym: c.acronym, start: c.start, end: c.end });
    for (const t of schedule.talks) {
      const id = scheduleTalkId(file, t.scheduleId);
      if (talks.has(id)) throw new Error(`${file}: two events with the id ${JSON.stringify(t.scheduleId)}`);
      matchable.push({
        id,
        conferenceId: file,
        title: t.title,
        subtitle: t.subtitle,
        speakers: t.speakers,
        start: t.start,
        day: t.day,
        housekeeping: t.housekeeping,
        room: t.room,
        track: t.track,
      });
      talks.set(id, {
        id,
        file,
        title: t.title,
        speakers: t.speakers,
        day: t.day,
        start: t.start,
        housekeeping: t.housekeeping,
      });
    }
  }
  return { index: buildScheduleIndex(conferences, matchable), talks };
}
