/**
 * The schedule import (bench/schedule-import-run.ts), bundled from this checkout and from a
 * baseline's sources (bench/schedule-import-ab.bench.ts) so both run in one Chromium page.
 */
import { createDatabase } from '@/storage/db';
import { seedWriteUpTalks, timedScheduleImport } from './schedule-import-run';

const api = {
  async importScheduleText(text: string, databaseName: string, pageTalks: { title: string }[]) {
    const db = createDatabase(databaseName);
    try {
      await seedWriteUpTalks(
        db,
        pageTalks.map(({ title }) => ({ title, speakers: [] })),
      );
      return await timedScheduleImport(db, text);
    } finally {
      await db.delete();
    }
  },
};

(globalThis as unknown as Record<string, typeof api>)[
  (globalThis as unknown as { TalkNotesAbName: string }).TalkNotesAbName
] = api;
export type ScheduleImportAbApi = typeof api;
