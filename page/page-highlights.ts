/**
 * The highlights of the page the content script runs in: anchors them on each visit, draws them,
 * retries the ones not found when the page changes (late rendering), and reports the outcome.
 */
import { type AnchorResult, anchorAll } from '@/core/anchoring';
import type { AnchorStatus, HighlightRecord } from '@/core/types';
import type { HighlightPainter } from './highlight-painter';
import { RetrySchedule } from './retry-schedule';

export interface AnchoringStats {
  anchored: number;
  fuzzy: number;
  orphaned: number;
  durationMs: number;
}

export interface PageHighlightsDeps {
  doc: Document;
  painter: HighlightPainter;
  /** Reads the page's stored highlights. */
  fetchHighlights: () => Promise<HighlightRecord[]>;
  /** Tells storage how anchoring went (orphans show as "not found on this page"). */
  reportStatuses: (statuses: { id: string; status: AnchorStatus }[]) => Promise<void>;
  /**
   * Where a highlight is looked for: a post shown on an archive page only inside its `<article>` (#18),
   * everything else in the whole body (the default).
   */
  rootOf?: (record: HighlightRecord) => Node | null;
  /** Called (debounced) when the page's text changed. */
  onTextChanged?: () => void;
  now?: () => number;
  /** Runs `run` after `ms`; returns its cancel. The content script passes WXT's ctx.setTimeout. */
  schedule?: (run: () => void, ms: number) => () => void;
}

function scheduleTimeout(run: () => void, ms: number): () => void {
  const id = setTimeout(run, ms);
  return () => clearTimeout(id);
}

/** How long after a single-page site's navigation a highlight not found is only retried, not reported. */
export const SETTLE_MS = 3_000;

const NO_STATS: AnchoringStats = { anchored: 0, fuzzy: 0, orphaned: 0, durationMs: 0 };

/** Public name of the performance mark made after every anchoring pass. */
export const ANCHORED_MARK = 'talk-notes:anchored';

export class PageHighlights {
  private records = new Map<string, HighlightRecord>();
  private statuses = new Map<string, AnchorStatus>();
  private observer: MutationObserver | null = null;
  /** The node the observer watches (the body when it started). */
  private observedRoot: Node | null = null;
  /** Observed mutations that may have changed the text, counted as they arrive (see textVersion). */
  private textChanges = 0;
  private cancelRetry: () => void = () => {};
  /** When the pending retry will run (absolute, `now()` time). */
  private retryAt = Number.POSITIVE_INFINITY;
  private schedule = new RetrySchedule();
  private running: Promise<void> | null = null;
  /** Bumped when the document becomes another page: work begun for the page before is dropped. */
  private generation = 0;
  /**
   * Just after a single-page site's navigation the new post's text may not be there yet (its router
   * fetches it): highlights not found meanwhile are not reported as not found, only retried.
   */
  private settling = false;
  private cancelSettle: () => void = () => {};

  constructor(private readonly deps: PageHighlightsDeps) {}

  get highlights(): HighlightRecord[] {
    return [...this.records.values()];
  }

  statusOf(id: string): AnchorStatus | undefined {
    return this.statuses.get(id);
  }

  /** Loads the page's highlights (unless given) and anchors them all. */
  async load(given?: HighlightRecord[]): Promise<AnchoringStats> {
    const generation = this.generation;
    const records = given ?? (await this.deps.fetchHighlights());
    if (generation !== this.generation) return { ...NO_STATS };
    this.records = new Map(records.map((r) => [r.id, r]));
    return this.anchorPending(records);
  }

  /**
   * The document became another page (a single-page site's navigation): forgets the page before's
   * highlights, undrawn, and loads the new page's. A pass or read still running for the page before
   * neither draws nor reports anything.
   */
  async switchPage(): Promise<AnchoringStats> {
    this.generation++;
    for (const id of this.records.keys()) this.deps.painter.remove(id);
    this.records = new Map();
    this.statuses.clear();
    // A new page: no back-off learned on the page before, and time for its text to arrive.
    this.schedule = new RetrySchedule();
    this.cancelSettle();
    this.settling = true;
    this.cancelSettle = (this.deps.schedule ?? scheduleTimeout)(() => {
      this.settling = false;
      void this.retry();
    }, SETTLE_MS);
    return this.load();
  }

  /** Re-reads storage after an edit elsewhere: removes deleted, recolours, anchors new ones. */
  async refresh(): Promise<AnchoringStats> {
    const generation = this.generation;
    const records = await this.deps.fetchHighlights();
    if (generation !== this.generation) return { ...NO_STATS };
    const fresh = new Map(records.map((r) => [r.id, r]));
    for (const id of this.records.keys()) {
      if (!fresh.has(id)) {
        this.deps.painter.remove(id);
        this.statuses.delete(id);
      }
    }
    const toAnchor: HighlightRecord[] = [];
    for (const record of records) {
      const range = this.deps.painter.rangeOf(record.id);
      // A passage that changed (extended elsewhere) is anchored again; the others keep their place.
      const same = this.records.get(record.id)?.text === record.text;
      if (range && same) this.deps.painter.draw(record.id, range, record.color, isNoted(record));
      else toAnchor.push(record);
    }
    this.records = fresh;
    return this.anchorPending(toAnchor);
  }

  /** A highlight just clipped: drawn where the reader selected it, no anchoring needed. */
  addClipped(record: HighlightRecord, range: Range): void {
    this.records.set(record.id, record);
    this.statuses.set(record.id, 'placed');
    this.deps.painter.draw(record.id, range, record.color, isNoted(record));
  }

  /** Forgets a provisional or deleted highlight. */
  forget(id: string): void {
    this.records.delete(id);
    this.statuses.delete(id);
    this.deps.painter.remove(id);
  }

  /** Watches the page for late content and retries highlights not found yet. */
  watchForChanges(): void {
    if (this.observer || !this.deps.doc.body) return;
    const win = this.deps.doc.defaultView!;
    this.observedRoot = this.deps.doc.body;
    // What changed while nothing watched is unknown: nothing computed before may be reused.
    this.textChanges++;
    this.observer = new win.MutationObserver((mutations) => this.onMutations(mutations));
    this.observer.observe(this.observedRoot, { childList: true, subtree: true, characterData: true });
  }

  /**
   * A count that moves whenever the text under `root` may have changed, for reusing what was computed
   * from it (the clip's text index) while it stays the same; null when `root` is not watched, and then
   * nothing may be reused. Changes the observer has not delivered yet (made by the task running now)
   * are taken first, so the count is never behind the page.
   */
  textVersion(root: Node): number | null {
    if (!this.observer || this.observedRoot !== root) return null;
    const pending = this.observer.takeRecords();
    if (pending.length) this.onMutations(pending);
    return this.textChanges;
  }

  private onMutations(mutations: MutationRecord[]): void {
    // At once, not debounced: a clip the reader makes next must not reuse text from before.
    if (mutations.some(changesText)) this.textChanges++;
    // Our own UI (shadow hosts) and attribute churn do not bring new text.
    if (!mutations.some(bringsText)) return;
    const now = this.now();
    const at = this.schedule.changed(now);
    if (at === this.retryAt) return;
    this.cancelRetry();
    this.retryAt = at;
    this.cancelRetry = (this.deps.schedule ?? scheduleTimeout)(() => {
      this.retryAt = Number.POSITIVE_INFINITY;
      this.deps.onTextChanged?.();
      void this.retry();
    }, at - now);
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.observedRoot = null;
    this.cancelRetry();
    this.cancelSettle();
  }

  /** Anchors again what is not drawn (or drawn over text that changed); no limit on how often, see RetrySchedule. */
  private async retry(): Promise<void> {
    const lost = this.highlights.filter((r) => {
      const range = this.deps.painter.rangeOf(r.id);
      // Drawn ranges whose text was replaced under them are anchored again too.
      return !range || range.toString() !== r.text;
    });
    if (!lost.length) {
      this.schedule.nothingToDo();
      return;
    }
    const stats = await this.anchorPending(lost);
    this.schedule.passDone(this.now(), stats.durationMs, stats.anchored > 0);
  }

  private now(): number {
    return (this.deps.now ?? (() => performance.now()))();
  }

  private anchorPending(records: HighlightRecord[]): Promise<AnchoringStats> {
    // One pass at a time; a pass asked for while one runs waits for it.
    const previous = this.running ?? Promise.resolve();
    let stats!: AnchoringStats;
    const pass = previous.then(async () => {
      stats = await this.runPass(records);
    });
    this.running = pass.finally(() => {
      if (this.running === pass) this.running = null;
    });
    return pass.then(() => stats);
  }

  private async runPass(records: HighlightRecord[]): Promise<AnchoringStats> {
    const now = () => this.now();
    const started = now();
    const generation = this.generation;
    const live = records.filter((r) => this.records.has(r.id));
    const results = new Map<string, AnchorResult | null>();
    if (live.length && this.deps.doc.body) {
      for (const [root, group] of byRoot(live, this.deps.rootOf, this.deps.doc.body)) {
        const anchored = (await anchorAll(root, group, { now })).results;
        for (const [id, result] of anchored) results.set(id, result);
      }
    }
    // The page changed while this pass ran: its results belong to no page shown now.
    if (generation !== this.generation) return { ...NO_STATS };
    const changed: { id: string; status: AnchorStatus }[] = [];
    let anchored = 0;
    let fuzzy = 0;
    for (const record of live) {
      const result = results.get(record.id) ?? null;
      const status: AnchorStatus = result ? (result.method === 'fuzzy' ? 'fuzzy' : 'placed') : 'orphan';
      if (result) {
        anchored++;
        if (result.method === 'fuzzy') fuzzy++;
        this.deps.painter.draw(record.id, result.range, record.color, isNoted(record));
      } else {
        this.deps.painter.remove(record.id);
        // Not found yet, not "not found": the settle timer's retry says which it is.
        if (this.settling) continue;
      }
      if (this.statuses.get(record.id) !== status) {
        this.statuses.set(record.id, status);
        if (record.anchorStatus !== status) changed.push({ id: record.id, status });
      }
    }
    const stats: AnchoringStats = {
      anchored,
      fuzzy,
      orphaned: live.length - anchored,
      durationMs: Math.round((now() - started) * 100) / 100,
    };
    // Only in builds made with TALK_NOTES_MARKS=1: a page can read its own marks (wxt.config.ts).
    if (import.meta.env.TALK_NOTES_MARKS) performance.mark(ANCHORED_MARK, { detail: stats });
    if (changed.length) {
      for (const { id, status } of changed) {
        const record = this.records.get(id);
        if (record) this.records.set(id, { ...record, anchorStatus: status });
      }
      await this.deps.reportStatuses(changed).catch(() => {});
    }
    return stats;
  }
}

/** Records grouped by the root they are anchored in; a record whose root is gone is looked for nowhere. */
function byRoot(
  records: HighlightRecord[],
  rootOf: PageHighlightsDeps['rootOf'],
  body: Node,
): Map<Node, HighlightRecord[]> {
  const groups = new Map<Node, HighlightRecord[]>();
  for (const record of records) {
    const root = rootOf ? rootOf(record) : body;
    if (!root) continue;
    const group = groups.get(root);
    if (group) group.push(record);
    else groups.set(root, [record]);
  }
  return groups;
}

function bringsText(mutation: MutationRecord): boolean {
  if (mutation.type === 'characterData') return true;
  for (const node of mutation.addedNodes) {
    if (node.nodeType === Node.TEXT_NODE) return true;
    if (node.nodeType === Node.ELEMENT_NODE && !(node as Element).tagName.startsWith('TALK-NOTES'))
      return true;
  }
  return mutation.removedNodes.length > 0;
}

/**
 * Whether a mutation may have changed the text a TextIndex reads: any text edit, any node added or
 * removed, except our own UI's hosts, which hold no text of their own (theirs is in a shadow root). A
 * page's element that merely has our hosts' name, with text inside, counts.
 */
function changesText(mutation: MutationRecord): boolean {
  if (mutation.type === 'characterData') return true;
  const own = (node: Node) =>
    node.nodeType === Node.ELEMENT_NODE &&
    (node as Element).tagName.startsWith('TALK-NOTES') &&
    !node.hasChildNodes();
  for (const node of mutation.addedNodes) if (!own(node)) return true;
  for (const node of mutation.removedNodes) if (!own(node)) return true;
  return false;
}

/** Whether a highlight carries a note: it is drawn with the `talk-notes-noted` underline too. */
function isNoted(record: HighlightRecord): boolean {
  return !!record.note?.trim();
}
