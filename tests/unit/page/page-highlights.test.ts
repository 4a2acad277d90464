import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HighlightRecord } from '@/core/types';
import { HighlightPainter } from '@/page/highlight-painter';
import { PageHighlights } from '@/page/page-highlights';
import { installHighlightApi } from './page-fixtures';

describe('PageHighlights retries', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('schedule through the given timer (the content script passes WXT’s ctx.setTimeout), cancelled on stop', async () => {
    const scheduled: { ms: number; cancelled: boolean }[] = [];
    const highlights = new PageHighlights({
      doc: document,
      painter: {} as HighlightPainter,
      fetchHighlights: async () => [],
      reportStatuses: async () => {},
      now: () => 1000,
      schedule: (_run, ms) => {
        const entry = { ms, cancelled: false };
        scheduled.push(entry);
        return () => {
          entry.cancelled = true;
        };
      },
    });
    highlights.watchForChanges();
    document.body.append('late text');
    await vi.waitFor(() => expect(scheduled).toHaveLength(1));
    expect(scheduled[0]!.ms).toBeGreaterThan(0);
    highlights.stop();
    expect(scheduled[0]!.cancelled).toBe(true);
  });
});

describe('PageHighlights when the document becomes another page (a single-page site’s navigation)', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  const record = (id: string, text: string) =>
    ({
      id,
      url: `https://blog.example/${id}`,
      text,
      color: 'yellow',
      anchorStatus: 'placed',
      selectors: [{ type: 'TextQuoteSelector', exact: text, prefix: '', suffix: '' }],
    }) as HighlightRecord;

  it('undraws the page before’s highlights, draws the new page’s, and lets no late read of the page before in', async () => {
    const registry = installHighlightApi();
    document.body.innerHTML = '<p>First post text here.</p><p>Second post text here.</p>';
    const first = record('one', 'First post text here.');
    const second = record('two', 'Second post text here.');
    let page: HighlightRecord[] = [first];
    const late: ((records: HighlightRecord[]) => void)[] = [];
    let deferNext = false;
    const reports: string[] = [];
    const highlights = new PageHighlights({
      doc: document,
      painter: new HighlightPainter(document),
      fetchHighlights: () => {
        const records = page;
        if (!deferNext) return Promise.resolve(records);
        deferNext = false;
        return new Promise((resolve) => late.push(() => resolve(records)));
      },
      reportStatuses: async (statuses) => {
        reports.push(...statuses.map((s) => `${s.id}:${s.status}`));
      },
    });
    const drawn = () => [...registry.values()].flatMap((set) => [...set].map(String));
    await highlights.load();
    expect(drawn()).toEqual(['First post text here.']);

    // An edit elsewhere asks for the first page's highlights again; its answer comes after the switch.
    deferNext = true;
    const refreshing = highlights.refresh();
    page = [second];
    await highlights.switchPage();
    expect(drawn()).toEqual(['Second post text here.']);
    for (const resolve of late) resolve([first]);
    await refreshing;
    expect(drawn()).toEqual(['Second post text here.']);
    expect(highlights.highlights.map((h) => h.id)).toEqual(['two']);
    expect(reports).toEqual([]);
  });
});
