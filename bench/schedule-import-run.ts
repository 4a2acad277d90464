/**
 * One schedule import as the dashboard runs it, timed inside the page: read the file, write the
 * conference and its talks in one transaction, link the library's page talks to them. Shared by
 * bench/browser-entry.ts (scenario 7) and bench/schedule-import-ab-entry.ts, which is also built from
 * a baseline's sources: both sides parse with their own `parseSchedule`. (Session 10's two-step
 * `readSchedule` was read here when present; it is not in main, and reading a missing export of the
 * module made the bundler warn IMPORT_IS_UNDEFINED on every run. A/B runs against a branch with
 * another reader need an entry of their own.)
 */
import { parseSchedule } from '@/core/schedule/parse';
import { importSchedule } from '@/storage/conferences';
import type { TalkNotesDatabase } from '@/storage/db';
import { linkPageTalks } from '@/storage/schedule-links';

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
  const started = performance.now();
  const schedule = parseSchedule(text);
  const parsedMs = performance.now() - started;
  const result = await importSchedule(db, schedule, { fileName: 'schedule.json' });
  const writtenMs = performance.now() - started;
  const linking = await linkPageTalks(db, 'all');
  const durationMs = performance.now() - started;
  return { durationMs, parsedMs, writtenMs, talks: result.talks, linked: linking.linked };
}
