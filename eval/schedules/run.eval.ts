/**
 * `npm run eval:schedules`: matching write-up talks to imported schedule talks (core/schedule, issue 13) on the
 * held-out schedule corpus (tests/fixtures/schedules-eval, ground truth in its cases.json) over the recap pages
 * (tests/fixtures/recaps). Per page: the schedules a reader would have imported, parsed and put in one index; the
 * page's talks detected (core/talks) and each passage judged where it ends up (end to end), and each ground-truth
 * talk matched by its own title and speakers (matcher only). Prints a table and writes the full results as JSON
 * to eval/results/schedules.json, or to the path in SCHEDULES_EVAL_OUT. A measurement, not a test: it fails only
 * if a page or schedule cannot be evaluated. Verdicts: docs/schedule-matching.md.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { EVAL_TEST_MS } from '../../tests/unit/heavy';
import { matchTalk, type ParsedSchedule } from '@/core/schedule';
import { clipLead } from '@/core/schedule/clip-lead';
import { guardClip } from '@/core/schedule/clip-guard';
import { readClipLines, singlePostTitle, structureStops } from '@/core/schedule/clip-lines';
import { fileClipByLines } from '@/core/schedule/file-by-lines';
import type { TalkSection } from '@/core/talks/detect';
import { loadRecapCases, recapPath } from '../talks/cases';
import { coreDetector } from '../talks/evaluate';
import { loadPage, withPageGlobals } from '../talks/load';
import { loadScheduleCases, schedulePath } from './cases';
import {
  checkScheduleTargets,
  evaluateSchedulePage,
  lineOutcome,
  type SchedulePageResult,
  totalSchedulePages,
} from './evaluate';
import { pageQueryInfo } from './page-query';
import { formatScheduleReport } from './report';
import { importSchedules, parseScheduleFiles, type ScheduleTalkInfo } from './schedules';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = resolve(ROOT, process.env.SCHEDULES_EVAL_OUT ?? 'eval/results/schedules.json');

it(
  'evaluates schedule matching on the held-out schedule corpus',
  () => {
    const started = performance.now();
    const recaps = new Map(loadRecapCases().map((c) => [c.file, c]));
    const cases = loadScheduleCases();
    const files = [...new Set(cases.flatMap((c) => c.schedules))].sort();
    const parsed = new Map(
      parseScheduleFiles(files.map((file) => ({ file, text: readFileSync(schedulePath(file), 'utf8') }))).map(
        (p) => [p.file, p.schedule] as const,
      ),
    );
    const parseSeconds = (performance.now() - started) / 1000;

    const scheduleTalks = new Map<string, ScheduleTalkInfo>();
    let indexMs = 0;
    let matchCalls = 0;
    let matchMs = 0;
    const pages: SchedulePageResult[] = cases.map((c) => {
      const recap = recaps.get(c.page);
      if (!recap) throw new Error(`${c.page}: not in tests/fixtures/recaps/cases.json`);
      const t0 = performance.now();
      const imported = importSchedules(
        c.schedules.map((file) => ({ file, schedule: parsed.get(file) as ParsedSchedule })),
      );
      indexMs += performance.now() - t0;
      for (const [id, t] of imported.talks) scheduleTalks.set(id, t);
      // A neutral address: the corpus's file names name the conference, a reader's address bar need not.
      const window = loadPage(
        readFileSync(recapPath(c.page), 'utf8'),
        `https://recaps.example/${c.page.slice(0, 2)}/`,
      );
      const page = pageQueryInfo(window.document, window.location.href, c.pageDate);
      // The lines the clipper reads above a clip (page/clipper.ts).
      const linesAbove = (node: Node, sections: readonly TalkSection[]) =>
        readClipLines(node, structureStops(sections), singlePostTitle(sections, page.title));
      return withPageGlobals(window, () =>
        evaluateSchedulePage({
          document: window.document,
          recap,
          schedule: c,
          page,
          detector: coreDetector,
          // The extension applies the clip guard to every clip of a matched page talk
          // (storage/schedule-links.ts): end to end includes it.
          guardInExtension: true,
          guard: (section, node, text, matchedTalkId, sections) => {
            const lead = clipLead(section.heading, node);
            const verdict = guardClip(imported.index, matchedTalkId, {
              text,
              lead: lead?.text ?? null,
              leadLikeHeading: lead?.likeHeading ?? false,
              // The lines the clipper stores with every clip, and the page talk's detected title.
              lines: linesAbove(node, sections),
              sectionTitle: section.title,
            });
            return verdict.kind === 'keep' ? null : verdict.talkIds;
          },
          // What the extension does for a clip its detected talk left under no schedule talk: the
          // clipper reads the lines above it, storage files it by them (storage/schedule-links.ts).
          fileByLines: (node, sections) =>
            lineOutcome(
              fileClipByLines(imported.index, linesAbove(node, sections), {
                pageDate: page.pageDate,
                context: page.context,
              }),
            ),
          matcher: (query) => {
            const m0 = performance.now();
            const match = matchTalk(imported.index, query);
            matchMs += performance.now() - m0;
            matchCalls++;
            return match;
          },
        }),
      );
    });
    const totals = totalSchedulePages(pages);
    const seconds = (performance.now() - started) / 1000;

    // Every schedule talk the results name, so the JSON reads on its own.
    const named = new Set<string>();
    for (const p of pages) {
      for (const s of p.sections)
        for (const id of [s.outcome.chosen, ...s.outcome.candidates.map((c) => c.talkId)])
          if (id) named.add(id);
      for (const t of p.talks)
        for (const id of [
          t.expected,
          t.matcherOnly.outcome.chosen,
          ...t.matcherOnly.outcome.candidates.map((c) => c.talkId),
        ])
          if (id) named.add(id);
    }
    const report = {
      generatedAt: new Date().toISOString(),
      node: process.version,
      seconds: Math.round(seconds * 10) / 10,
      timing: {
        parseSeconds: Math.round(parseSeconds * 100) / 100,
        indexMs: Math.round(indexMs),
        matchCalls,
        matchMsPerCall: matchCalls ? Math.round((matchMs / matchCalls) * 100) / 100 : null,
      },
      totals: { ...totals, targets: checkScheduleTargets(totals) },
      schedules: files.map((file) => {
        const s = parsed.get(file)!;
        return {
          file,
          format: s.format,
          conference: s.conference.title,
          talks: s.talks.length,
          warnings: s.warnings,
        };
      }),
      pages,
      scheduleTalks: Object.fromEntries([...named].sort().map((id) => [id, scheduleTalks.get(id) ?? null])),
    };
    mkdirSync(dirname(OUT), { recursive: true });
    writeFileSync(OUT, `${JSON.stringify(report, null, 2)}\n`);

    const text = formatScheduleReport(pages, totals, scheduleTalks);
    process.stdout.write(
      `\n${text}\n\n${seconds.toFixed(1)} s (parsing ${files.length} schedules ${parseSeconds.toFixed(1)} s, ` +
        `${matchCalls} matches ${(matchMs / 1000).toFixed(2)} s); full results in ${OUT}\n\n`,
    );
    expect(pages.length).toBeGreaterThan(0);
  },
  EVAL_TEST_MS,
);
