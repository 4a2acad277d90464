/** What the schedule benchmark runs inside a Chromium page (bundled by bundleScript). */
import { parseSchedule } from '@/core/schedule/parse';

const api = {
  /** Parses `text` once; the time inside the page, and how many talks came out. */
  parse(text: string): { ms: number; talks: number } {
    const started = performance.now();
    const schedule = parseSchedule(text);
    return { ms: performance.now() - started, talks: schedule.talks.length };
  },
};

(globalThis as unknown as { TalkNotesScheduleBench: typeof api }).TalkNotesScheduleBench = api;
export type ScheduleBenchApi = typeof api;
