/**
 * Code the benchmark runs inside Chromium pages (bundled by bench/build-bundle.ts and added to the
 * page as a script): our anchoring and the baseline on the same DOM, and extraction.
 */
import { Readability } from '@mozilla/readability';
import { anchorAll, buildTextIndex, describeRange } from '@/core/anchoring';
import { parseBackup } from '@/core/backup';
import { DEFAULT_EXPORT_OPTIONS } from '@/core/markdown/export-options';
import { toMarkdown } from '@/core/markdown/export';
import { extractPageMetadata } from '@/core/page-metadata';
import { detectTalkSections } from '@/core/talks';
import type { HighlightRecord, PageRecord, Selector, TalkRecord } from '@/core/types';
import { importBackup } from '@/storage/backup';
import { scheduleIndex } from '@/storage/schedule-links';
import { createDatabase } from '@/storage/db';
import { baselineAnchor } from './baseline-hypothesis';
import { seedWriteUpTalks, timedScheduleImport } from './schedule-import-run';

export interface PassageLocation {
  id: string;
  /** `data-p` id of the paragraph element holding the passage. */
  paragraph: string;
  /** Character offsets inside the paragraph's text. */
  start: number;
  end: number;
}

export interface Placement {
  id: string;
  start: number;
  end: number;
}

/** Global text offsets of passages in this page (null for a passage whose paragraph is gone). */
function expectedSpans(passages: PassageLocation[]): Map<string, { start: number; end: number } | null> {
  const index = buildTextIndex(document.body);
  const spans = new Map<string, { start: number; end: number } | null>();
  for (const p of passages) {
    const element = document.querySelector(`[data-p="${p.paragraph}"]`);
    if (!element) {
      spans.set(p.id, null);
      continue;
    }
    const base = index.offsetOf(element, 0);
    spans.set(p.id, { start: base + p.start, end: base + p.end });
  }
  return spans;
}

const api = {
  /** Describes passages of the current page into selectors, as a clip would. */
  describePassages(passages: PassageLocation[]): { id: string; selectors: Selector[] }[] {
    const index = buildTextIndex(document.body);
    const spans = expectedSpans(passages);
    return passages.map((p) => {
      const span = spans.get(p.id)!;
      const range = index.rangeFor(span.start, span.end);
      return { id: p.id, selectors: describeRange(document.body, range, index) };
    });
  },

  async runOurs(items: { id: string; selectors: Selector[] }[]) {
    const started = performance.now();
    const { results } = await anchorAll(document.body, items);
    const durationMs = performance.now() - started;
    const placements: Placement[] = [];
    for (const [id, result] of results)
      if (result) placements.push({ id, start: result.start, end: result.end });
    return { durationMs, placements };
  },

  runBaseline(items: { id: string; selectors: Selector[] }[]) {
    const started = performance.now();
    // Hypothesis anchors against the root's textContent, rebuilt per call; once here is generous.
    const text = document.body.textContent ?? '';
    const placements: Placement[] = [];
    for (const item of items) {
      const span = baselineAnchor(text, item.selectors);
      if (span) placements.push({ id: item.id, ...span });
    }
    const durationMs = performance.now() - started;
    // textContent offsets include script/style text; map them to our index's offsets to compare.
    const map = textContentMapper();
    return {
      durationMs,
      placements: placements.map((p) => ({ id: p.id, start: map(p.start), end: map(p.end) })),
    };
  },

  /** Classifies placements against where each passage really is now. */
  judge(passages: PassageLocation[], placements: Placement[]) {
    const spans = expectedSpans(passages);
    const placed = new Map(placements.map((p) => [p.id, p]));
    let correct = 0;
    let wrong = 0;
    let orphaned = 0;
    let missed = 0;
    for (const p of passages) {
      const expected = spans.get(p.id) ?? null;
      const got = placed.get(p.id);
      if (!got) {
        orphaned++;
        if (expected) missed++;
        continue;
      }
      const overlap = expected ? Math.min(expected.end, got.end) - Math.max(expected.start, got.start) : 0;
      if (expected && overlap >= 0.5 * (expected.end - expected.start)) correct++;
      else wrong++;
    }
    const survivors = passages.filter((p) => spans.get(p.id)).length;
    return { total: passages.length, survivors, placed: correct + wrong, correct, wrong, orphaned, missed };
  },

  /** Markdown export of a library with the default options (what `Export Markdown` does). */
  exportMarkdown(library: { highlights: HighlightRecord[]; pages: PageRecord[]; talks: TalkRecord[] }) {
    const started = performance.now();
    const markdown = toMarkdown({
      title: 'Benchmark export',
      ...library,
      colorNames: {},
      options: DEFAULT_EXPORT_OPTIONS,
      exportedAt: Date.now(),
    });
    return { durationMs: performance.now() - started, bytes: markdown.length };
  },

  /**
   * Parses and imports a backup file's text into a fresh database (in an extension page, so it is
   * real IndexedDB in the extension's origin), then deletes that database.
   */
  async importBackupText(text: string, databaseName: string) {
    const db = createDatabase(databaseName);
    try {
      const started = performance.now();
      const parsed = parseBackup(text);
      if (!parsed.ok) throw new Error(parsed.error);
      const parsedMs = performance.now() - started;
      const result = await importBackup(db, parsed.backup);
      const durationMs = performance.now() - started;
      return { durationMs, parsedMs, added: result.added, highlights: await db.highlights.count() };
    } finally {
      await db.delete();
    }
  },

  /**
   * Imports a schedule file's text as the dashboard does (parse, write the conference and its talks
   * in one transaction, link the library's page talks to them) into a fresh database, then deletes it.
   * `pageTalks` page talks (write-ups already clipped) are in the library first, for the matching step.
   */
  async importScheduleText(
    text: string,
    databaseName: string,
    pageTalks: { title: string; speakers: string[] }[],
  ) {
    const db = createDatabase(databaseName);
    try {
      await seedWriteUpTalks(db, pageTalks);
      const { durationMs, parsedMs, writtenMs, talks, linked } = await timedScheduleImport(db, text);
      // What the index would cost read back from the database (another connection remembers
      // nothing): the step the import skips by building the index from the talks it wrote.
      const other = createDatabase(databaseName);
      const coldStarted = performance.now();
      await scheduleIndex(other);
      const coldIndexMs = performance.now() - coldStarted;
      other.close();
      return {
        durationMs,
        parsedMs,
        writtenMs,
        coldIndexMs,
        talks,
        linked,
      };
    } finally {
      await db.delete();
    }
  },

  /**
   * Floor for the import: the same records put with raw IndexedDB, one transaction, no Dexie, no
   * validation, no merge. With `secondaryIndexes` false the stores have their primary keys only and
   * no other index: the difference between the two floors is what maintaining the indexes costs.
   */
  async rawImport(text: string, databaseName: string, secondaryIndexes = true) {
    const stores = ['pages', 'talks', 'highlights', 'collections'];
    if (secondaryIndexes) {
      const db = createDatabase(databaseName);
      await db.open();
      db.close();
    } else {
      const created = await openRawDatabase(databaseName, (idb) => {
        for (const store of [...stores, 'settings']) {
          idb.createObjectStore(store, { keyPath: store === 'settings' ? 'key' : 'id' });
        }
      });
      created.close();
    }
    const started = performance.now();
    const backup = JSON.parse(text) as Record<string, unknown[]>;
    const idb = await openRawDatabase(databaseName);
    const tx = idb.transaction(stores, 'readwrite');
    for (const store of stores) for (const row of backup[store] ?? []) tx.objectStore(store).put(row);
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    const durationMs = performance.now() - started;
    idb.close();
    await createDatabase(databaseName).delete();
    return { durationMs };
  },

  /** The baseline for extraction: Mozilla Readability alone, on a clone, as a reader view runs it. */
  readabilityOnly() {
    const started = performance.now();
    const article = new Readability(document.cloneNode(true) as Document).parse();
    return { durationMs: performance.now() - started, found: !!article };
  },

  extract() {
    const started = performance.now();
    const { metadata } = extractPageMetadata(document, { url: location.href });
    const talks = detectTalkSections(document);
    return { durationMs: performance.now() - started, title: metadata.title, talks: talks.length };
  },
};

/** Opens a database with plain IndexedDB; `upgrade` runs when it is created. */
function openRawDatabase(name: string, upgrade?: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onupgradeneeded = () => upgrade?.(request.result);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Maps textContent offsets to our text index's offsets (they differ by skipped script/style text). */
function textContentMapper(): (offset: number) => number {
  const index = buildTextIndex(document.body);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  const starts: number[] = [];
  let total = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push(n as Text);
    starts.push(total);
    total += (n as Text).length;
  }
  return (offset) => {
    let lo = 0;
    let hi = nodes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    try {
      return index.offsetOf(nodes[lo]!, Math.min(offset - starts[lo]!, nodes[lo]!.length));
    } catch {
      return -1;
    }
  };
}

(globalThis as unknown as { TalkNotesBench: typeof api }).TalkNotesBench = api;
export type BenchApi = typeof api;
