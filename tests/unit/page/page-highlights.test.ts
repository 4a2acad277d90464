import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HighlightRecord } from '@/core/types';
import { HighlightPainter } from '@/page/highlight-painter';
import { PageHighlights, SETTLE_MS } from '@/page/page-highlights';
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

describe('PageHighlights.textVersion', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  const watching = () => {
    const highlights = new PageHighlights({
      doc: document,
      painter: {} as HighlightPainter,
      fetchHighlights: async () => [],
      reportStatuses: async () => {},
      schedule: () => () => {},
    });
    highlights.watchForChanges();
    return highlights;
  };

  it('moves with a change made in the running task, before the observer was told', () => {
    document.body.innerHTML = '<p id="p">Some text.</p>';
    const highlights = watching();
    const before = highlights.textVersion(document.body);
    document.getElementById('p')!.append(' More.');
    expect(highlights.textVersion(document.body)).not.toBe(before);
    highlights.stop();
  });

  it('stays while nothing but our own empty UI hosts and attributes change; moves for a page element under our name with text', async () => {
    document.body.innerHTML = '<p id="p">Some text.</p>';
    const highlights = watching();
    const before = highlights.textVersion(document.body);
    const host = document.createElement('talk-notes-toolbar');
    document.body.append(host);
    host.remove();
    document.getElementById('p')!.setAttribute('class', 'x');
    expect(highlights.textVersion(document.body)).toBe(before);
    const impostor = document.createElement('talk-notes-toolbar');
    impostor.textContent = 'page text';
    document.body.append(impostor);
    expect(highlights.textVersion(document.body)).not.toBe(before);
    highlights.stop();
  });

  it('is null for a root not watched (nothing may be reused)', () => {
    const highlights = watching();
    expect(highlights.textVersion(document.createElement('div'))).toBeNull();
    highlights.stop();
    expect(highlights.textVersion(document.body)).toBeNull();
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

describe('PageHighlights just after a single-page site’s navigation', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  const second = {
    id: 'two',
    url: 'https://blog.example/two',
    text: 'Second post text here.',
    color: 'yellow',
    anchorStatus: 'placed',
    selectors: [{ type: 'TextQuoteSelector', exact: 'Second post text here.', prefix: '', suffix: '' }],
  } as HighlightRecord;

  /** A PageHighlights whose timers run when the test says; the new page's post is not rendered yet. */
  function navigated() {
    const registry = installHighlightApi();
    document.body.innerHTML = '<p>First post text here.</p>';
    const timers: { run: () => void; ms: number }[] = [];
    const reports: string[] = [];
    const highlights = new PageHighlights({
      doc: document,
      painter: new HighlightPainter(document),
      fetchHighlights: async () => [second],
      reportStatuses: async (statuses) => {
        reports.push(...statuses.map((s) => `${s.id}:${s.status}`));
      },
      schedule: (run, ms) => {
        timers.push({ run, ms });
        return () => {};
      },
    });
    const drawn = () => [...registry.values()].flatMap((set) => [...set].map(String));
    return { highlights, timers, reports, drawn };
  }

  it('does not call a highlight not found while the new post’s text is still on its way', async () => {
    const { highlights, timers, reports, drawn } = navigated();
    highlights.watchForChanges();
    await highlights.switchPage();
    expect(drawn()).toEqual([]);
    expect(reports).toEqual([]);
    // The router renders the post: the retry finds it.
    document.body.innerHTML = '<p>Second post text here.</p>';
    await vi.waitFor(() => expect(timers.length).toBeGreaterThan(1));
    timers.at(-1)!.run();
    await vi.waitFor(() => expect(drawn()).toEqual(['Second post text here.']));
    expect(reports).toEqual([]);
    highlights.stop();
  });

  it('says not found once the settling time is over and the text never came', async () => {
    const { highlights, timers, reports } = navigated();
    await highlights.switchPage();
    expect(reports).toEqual([]);
    const settle = timers.find((t) => t.ms === SETTLE_MS)!;
    settle.run();
    await vi.waitFor(() => expect(reports).toEqual(['two:orphan']));
  });
});

describe('PageHighlights on an archive page (#18): a post’s highlights are drawn inside its article only', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('finds a passage in the post’s own article, not in another post with the same words, and not at all when the article is gone', async () => {
    const registry = installHighlightApi();
    document.body.innerHTML =
      '<article id="a"><p>We reached a billion rows.</p></article><article id="b"><p>We reached a billion rows.</p></article>';
    const text = 'a billion rows';
    const ofB = {
      id: 'b1',
      url: 'https://blog.example/b',
      text,
      color: 'yellow',
      anchorStatus: 'placed',
      // Clipped on B's own page: its context there does not tell the two articles apart.
      selectors: [{ type: 'TextQuoteSelector', exact: text, prefix: 'We reached ', suffix: '.' }],
    } as HighlightRecord;
    const articleB = document.getElementById('b')!;
    let root: Node | null = articleB;
    const highlights = new PageHighlights({
      doc: document,
      painter: new HighlightPainter(document),
      fetchHighlights: async () => [ofB],
      reportStatuses: async () => {},
      rootOf: () => root,
    });
    const stats = await highlights.load();
    expect(stats.anchored).toBe(1);
    const ranges = [...registry.values()].flatMap((set) => [...set]) as Range[];
    expect(ranges).toHaveLength(1);
    expect(articleB.contains(ranges[0]!.startContainer)).toBe(true);

    root = null;
    highlights.forget('b1');
    expect((await highlights.refresh()).anchored).toBe(0);
  });
});
