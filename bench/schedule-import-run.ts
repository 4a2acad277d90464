/**
 * One schedule import as the dashboard runs it, timed inside the page: read the file, write the
 * conference and its talks in one transaction, link the library's page talks to them. Shared by
 * bench/browser-entry.ts (scenario 7) and bench/schedule-import-ab-entry.ts, which is also built from
 * a baseline's sources. Sources with a `readSchedule` (a two-step read: the file checked and each
 * event's head first, the rest of each talk read as the talks are written; session 10's trial, in
 * this branch's history) are imported that way, others parse the whole file first.
 */
import * as parse from '@/core/schedule/parse';
import { importSchedule } from '@/storage/conferences';
import type { TalkNotesDatabase } from '@/storage/db';
import { linkPageTalks } from '@/storage/schedule-links';

type Read = (text: string) => Parameters<typeof importSchedule>[1];

/** Write-ups already clipped: one page with these talks, for the matching step. */
export async function seedWriteUpTalks(
  db: TalkNotesDatabase,
  pageTalks: readonly { title: string; speakers: string[] }[],
): Promise<void> {
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
      speakers: t.speakers,
      position: i * 100,
      detected: true,
      detectedTitle: t.title,
      createdAt: now,
      updatedAt: now,
    })),
  );
}

/** Imports `text` into `db` (seeded first); milliseconds from the start to each step's end. */
export async function timedScheduleImport(db: TalkNotesDatabase, text: string) {
  const read = ((parse as Record<string, unknown>).readSchedule ?? parse.parseSchedule) as Read;
  const started = performance.now();
  // With readSchedule, parsedMs is its first step only.
  const schedule = read(text);
  const parsedMs = performance.now() - started;
  const result = await importSchedule(db, schedule, { fileName: 'schedule.json' });
  const writtenMs = performance.now() - started;
  const linking = await linkPageTalks(db, 'all');
  const durationMs = performance.now() - started;
  return { durationMs, parsedMs, writtenMs, talks: result.talks, linked: linking.linked };
}
