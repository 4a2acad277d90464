// The schedule evaluation's view of the held-out schedule corpus: every page is a recap case with the same talks in
// the same order, every listed schedule parses, and every expected event is a talk of its file as the parser reads
// it (not a break), so a MISSED or WRONG in `npm run eval:schedules` is the pipeline's, never the import's.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { expectedTalkId, loadScheduleCases, schedulePath } from '@/eval/schedules/cases';
import { importSchedules, parseScheduleFiles } from '@/eval/schedules/schedules';
import { loadRecapCases } from '@/eval/talks/cases';

it('lines up with the recap corpus, and every expected event is a talk of a listed schedule', () => {
  const cases = loadScheduleCases();
  const recaps = new Map(loadRecapCases().map((c) => [c.file, c]));
  const files = [...new Set(cases.flatMap((c) => c.schedules))].sort();
  const imported = importSchedules(
    parseScheduleFiles(files.map((file) => ({ file, text: readFileSync(schedulePath(file), 'utf8') }))),
  );
  expect(imported.index.conferences.size).toBe(files.length);
  for (const c of cases) {
    const recap = recaps.get(c.page);
    expect([c.page, recap?.talks.map((t) => t.title)]).toEqual([c.page, c.talks.map((t) => t.pageTitle)]);
    for (const t of c.talks) {
      const id = expectedTalkId(t);
      if (id === null) continue;
      expect([id, c.schedules.includes(t.scheduleFile!)]).toEqual([id, true]);
      expect([id, imported.talks.get(id)?.housekeeping]).toEqual([id, false]);
    }
  }
});
