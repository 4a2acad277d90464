/**
 * The schedule import as the dashboard runs it (read, write, link 20 write-up talks), bundled from
 * this checkout and from a baseline's sources (bench/schedule-import-ab.bench.ts) so both run in one
 * Chromium page. A baseline without `readSchedule` parses whole first, as it did then.
 */
import * as parse from '@/core/schedule/parse';
import { importSchedule } from '@/storage/conferences';
import { createDatabase } from '@/storage/db';
import { linkPageTalks } from '@/storage/schedule-links';

type Read = (text: string) => Parameters<typeof importSchedule>[1];

const api = {
  async importScheduleText(text: string, databaseName: string, pageTalks: { title: string }[]) {
    const db = createDatabase(databaseName);
    try {
      const now = Date.now();
      await db.pages.add({
        id: 'bench-page',
        url: 'https://blog.example/recap',
        title: 'Conference recap',
        authors: [],
        siteName: null,
        publishedAt: null,
        lang: null,
        canonicalUrl: null,
        excerpt: null,
        createdAt: now,
        updatedAt: now,
      });
      await db.talks.bulkAdd(
        pageTalks.map((t, i) => ({
          id: `bench-talk-${i}`,
          pageId: 'bench-page',
          title: t.title,
          speakers: [],
          position: i * 100,
          detected: true,
          detectedTitle: t.title,
          createdAt: now,
          updatedAt: now,
        })),
      );
      const read = ((parse as Record<string, unknown>).readSchedule ?? parse.parseSchedule) as Read;
      const started = performance.now();
      const schedule = read(text);
      const parsedMs = performance.now() - started;
      const result = await importSchedule(db, schedule, { fileName: 'schedule.json' });
      const writtenMs = performance.now() - started;
      const linking = await linkPageTalks(db, 'all');
      const durationMs = performance.now() - started;
      return { durationMs, parsedMs, writtenMs, talks: result.talks, linked: linking.linked };
    } finally {
      await db.delete();
    }
  },
};

(globalThis as unknown as Record<string, typeof api>)[
  (globalThis as unknown as { TalkNotesAbName: string }).TalkNotesAbName
] = api;
export type ScheduleImportAbApi = typeof api;
