/** The benchmark's scenario code runs, on toy sizes, and measures what it claims to. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBenchBundle } from '../../bench/build-bundle';
import {
  exportAndImport,
  clipLatency,
  dashboardScale,
  extensionAnchoring,
  extraction,
  pageCost,
  reanchoring,
  scheduleImport,
  TINY,
} from '../../bench/scenarios';
import { hugeScenario } from '../../bench/huge';
import { type ExtensionSession, launchExtension } from './harness';

describe('benchmark scenarios on tiny sizes', () => {
  let session: ExtensionSession;
  let bundle: string;
  beforeAll(async () => {
    bundle = await buildBenchBundle();
    session = await launchExtension();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('re-anchors every variant with both methods and judges the placements', async () => {
    const rows = await reanchoring(session, bundle, TINY);
    expect(rows.map((r) => r.variant)).toEqual([
      'unchanged',
      'shifted',
      'edited-0.5%',
      'edited-2%',
      'deleted-10%',
      'replaced',
    ]);
    const unchanged = rows[0]!;
    expect(unchanged.ours).toMatchObject({ correct: TINY.highlights, wrong: 0, orphaned: 0 });
    expect(unchanged.baseline).toMatchObject({ correct: TINY.highlights, wrong: 0 });
    const replaced = rows.at(-1)!;
    expect(replaced.ours).toMatchObject({ survivors: 0, correct: 0, wrong: 0, orphaned: TINY.highlights });
  });

  it('measures the visit, a clip, the page cost, extraction, export/import and the dashboard', async () => {
    const visit = await extensionAnchoring(session, bundle, TINY);
    expect(visit).toMatchObject({ anchored: TINY.highlights, orphaned: 0, runs: TINY.loads });
    const clip = await clipLatency(session, { ...TINY, clips: 1 });
    expect(clip.saved).toBe(1);
    const cost = await pageCost(session, TINY);
    expect(cost.eagerGzipBytes).toBeGreaterThan(1000);
    expect(cost.scriptMs.runs).toBe(TINY.loads);
    const extract = await extraction(session, bundle, TINY);
    expect(extract.pages).toBe(TINY.corpusPages);
    const io = await exportAndImport(session, bundle, TINY);
    expect(io.export.markdownBytes).toBeGreaterThan(1000);
    expect(io.import.highlights).toBe(TINY.importHighlights);
    const [dashboard] = await dashboardScale(session, TINY);
    expect(dashboard).toMatchObject({ highlights: TINY.dashboardSizes[0] });
    expect(dashboard!.keystroke.runs).toBeGreaterThan(0);
  });

  it('visits the huge pages with the extension, clips on each, and times detection alone in Node', async () => {
    const huge = await hugeScenario(session, TINY);
    const pages = ['bold-leads', 'list-items', 'table-rows', 'cards', 'write-up'];
    expect(huge.browser.map((r) => r.page)).toEqual(pages);
    for (const row of huge.browser) {
      expect(row.ready.runs).toBe(TINY.hugeVisits);
      // Every clip made was saved and timed from the press.
      for (const visit of row.visits) {
        expect(visit.waits.length).toBeGreaterThan(0);
        expect(visit.waits.length).toBe(visit.durations.length);
        expect(visit.waits.every((w, i) => w >= visit.durations[i]!)).toBe(true);
      }
    }
    expect(huge.node.map((r) => [r.page, r.ours.runs])).toEqual(pages.map((p) => [p, TINY.hugeNodeRuns]));
  });

  it('imports a generated schedule in an extension page and links the write-up talks it holds', async () => {
    const [row] = await scheduleImport(session, bundle, TINY);
    expect(row).toMatchObject({ events: TINY.scheduleImports[0]!.events, linked: 10 });
    expect(row!.total.runs).toBe(1);
  });
});
