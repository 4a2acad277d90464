/**
 * The content script's behaviour on one page: draw stored highlights, show the toolbar for
 * selections, clip, open a highlight's menu, and answer the extension's messages.
 */
import { PRIVATE_WINDOW_NOTICE } from '@/core/private-window';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { buildTextIndex, type TextIndex } from '@/core/anchoring';
import type { GrantClaimant } from '@/core/menu-grant';
import type { HighlightColor, HighlightRecord } from '@/core/types';
import type { ClipInput } from '@/core/schemas';
import { sendToBackground } from '@/messaging/client';
import type { BackgroundResponses, ContentResponses, PagePreview } from '@/messaging/protocol';
import { LIMITS } from '@/core/limits';
import { MessageRejected } from '@/messaging/router';
import type { PostClaim, PostIdentity } from '@/core/post-identity';
import { NO_RULES, type Redetection, type TalkRules } from '@/core/talks';
import { analyzePage, type PageAnalysis, prepareClip, redetect } from './clipper';
import { HighlightPainter } from './highlight-painter';
import { whenIdle } from './idle';
import { MenuUi } from './menu-ui';
import { loadedKeyOf } from './page-address';
import { readPageIdentity } from './post-claim';
import { PageHighlights } from './page-highlights';
import { clippableRange } from './selection';
import { lineHeightOf } from './toolbar-placement';
import { ToolbarUi } from './toolbar-ui';
import { clipsToMarkdown, errorText, UnsavedClips } from './unsaved-clips';

type ClipOutcome = ContentResponses['highlightSelection'];

/** Performance mark made after each clip, with `{ durationMs, saved }` (TALK_NOTES_MARKS=1 builds only). */
export const CLIPPED_MARK = 'talk-notes:clipped';

export interface ContentAppOptions {
  /** The page is in a private (incognito) window: clips stay on the page, see core/private-window.ts. */
  privateWindow?: boolean;
  /**
   * The page's storage key now (page/page-address.ts: the URL the document was loaded from, moved
   * only by the reader's navigations). Without it, the key the document was loaded with.
   */
  pageKey?: () => string | null;
  /** Told the posts the page shows (their keys) whenever they are read again (#18). */
  onPostShown?: (urls: string[]) => void;
}

/** A page's post identity and what the background answered for it (#18). */
export interface PostView {
  identity: PostIdentity;
  answer: BackgroundResponses['getPostHighlights'];
}

/** A post an archive page shows in full: its clips are filed under it, its highlights drawn inside it. */
interface ShownArticle {
  element: Element;
  postUrl: string;
  /** The permalink the archive shows for the post (its `postUrl` may be where it was first clipped). */
  permalink: string;
  title: string;
  fingerprint: string | null;
}

export class ContentApp {
  readonly painter: HighlightPainter;
  readonly highlights: PageHighlights;
  private readonly toolbar: ToolbarUi;
  private readonly menu: MenuUi;
  /** The selection the toolbar was shown for (a click on the toolbar may collapse the live one). */
  private pendingRange: Range | null = null;
  /** Clips whose save failed, by provisional id: kept (and drawn) until saved or the tab closes. */
  private readonly unsaved = new UnsavedClips();
  /**
   * Clips that can never be stored as they are (the background refused the message itself): not
   * drawn, not retried, offered for copying until copied or the reader selects something else.
   */
  private refused: ClipInput[] = [];
  /** Provisional ids given so far (a clip is drawn under one until it is stored). */
  private provisionalCount = 0;
  /** Page analysis is reused across clips until the page's DOM changes. */
  private analysis: PageAnalysis | null = null;
  /** The body's text index and the text version it was built at (see currentTextIndex). */
  private textIndex: { index: TextIndex; version: number } | null = null;
  /** What the reader taught talk detection on this site, read when starting and after every change. */
  private rules: TalkRules = NO_RULES;
  private rulesRead: Promise<void> = Promise.resolve();
  /** The post the page shows (where its clips are filed) and the archive's posts; null until read. */
  private post: { postUrl: string; fingerprint: string | null; articles: ShownArticle[] } | null = null;
  /**
   * What the page claims (#18), sent with clips and menu grants: the background files a clip under,
   * or grants a menu for, another page of the site only when these claims show that page's post.
   */
  private claim: PostClaim | undefined;
  /** Highlights of an archive's post, by id: drawn only inside that post's `<article>`. */
  private articleOf = new Map<string, Element>();

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly doc: Document,
    private readonly options: ContentAppOptions = {},
  ) {
    this.painter = new HighlightPainter(doc);
    this.highlights = new PageHighlights({
      doc,
      painter: this.painter,
      fetchHighlights: () => this.fetchPost(),
      rootOf: (record) => {
        const article = this.articleOf.get(record.id);
        // An archive's post whose article is gone from the page is looked for nowhere else.
        if (article) return article.isConnected ? article : null;
        return doc.body;
      },
      reportStatuses: async (statuses) => {
        await sendToBackground({ type: 'reportAnchoring', url: this.url, statuses });
      },
      // New text may bring new talk titles: analyse again on the next clip.
      onTextChanged: () => this.invalidateAnalysis(),
      // Retries die with the content script's context.
      schedule: (run, ms) => {
        const id = ctx.setTimeout(run, ms);
        return () => clearTimeout(id);
      },
    });
    this.toolbar = new ToolbarUi(
      ctx,
      doc,
      {
        onHighlight: (color) => void this.clipPending(color, false),
        onAddNote: (color) => void this.clipPending(color, true),
        onExtend: () => void this.extendPending(),
        onRetryUnsaved: () => void this.retryUnsaved(),
        onCopyUnsaved: () => void this.copyUnsaved(),
        onCopyRefused: () => void this.copyRefused(),
      },
      // Nothing from a private window is stored: retrying could never succeed there.
      { canRetry: !options.privateWindow },
    );
    this.menu = new MenuUi(ctx, doc, {
      requestGrant: (id) => sendToBackground({ type: 'grantMenu', id, ...this.claimed() }),
    });
  }

  /** The page's storage key: never simply the address bar, which the page's script can rewrite. */
  get url(): string {
    const key = this.options.pageKey ? this.options.pageKey() : loadedKeyOf(this.doc.defaultView!);
    return key ?? this.doc.URL;
  }

  /** Reads the page's post identity and asks for the highlights of the posts it shows. */
  private async fetchPost(): Promise<HighlightRecord[]> {
    const url = this.url;
    const identity = readPageIdentity(this.doc, url);
    const answer = await sendToBackground({ type: 'getPostHighlights', url, identity: identity.claim });
    return this.adoptPost({ identity, answer });
  }

  /** Keeps what the background answered for the page's posts; returns every highlight to draw. */
  private adoptPost({ identity, answer }: PostView): HighlightRecord[] {
    const articles: ShownArticle[] = [];
    this.articleOf = new Map();
    const records = [...answer.highlights];
    for (const shown of answer.articles) {
      const element = identity.articleElements[shown.index];
      const claim = identity.claim.articles[shown.index];
      if (!element || !claim) continue;
      articles.push({
        element,
        postUrl: shown.postUrl,
        permalink: claim.permalink,
        title: claim.title,
        fingerprint: claim.fingerprint,
      });
      for (const record of shown.highlights) {
        this.articleOf.set(record.id, element);
        records.push(record);
      }
    }
    this.post = { postUrl: answer.postUrl, fingerprint: identity.claim.fingerprint, articles };
    this.claim = identity.claim;
    this.options.onPostShown?.(this.shownPosts());
    return records;
  }

  /** This page's address for a clip filed under another (a post shown here), as the message accepts it. */
  private clippedAt(clip: ClipInput): { readAt?: string } {
    const at = this.url;
    const web = /^https?:\/\//i.test(at) && at.length <= LIMITS.url;
    return web && at !== clip.page.url ? { readAt: at } : {};
  }

  private claimed(): { identity?: PostClaim } {
    return this.claim ? { identity: this.claim } : {};
  }

  /** The keys of the posts the page shows: the page's own post first, then an archive's. */
  shownPosts(): string[] {
    if (!this.post) return [];
    return [this.post.postUrl, ...this.post.articles.map((a) => a.postUrl)];
  }

  /**
   * A clip is filed under the post it was made in (#18): an archive's post when the passage is inside
   * its article (with the post's own title, not the archive's), else the post the page shows.
   */
  private fileUnderPost(clip: ClipInput, range: Range): ClipInput {
    const post = this.post;
    if (!post) return clip;
    const article = post.articles.find((a) => a.element.contains(range.commonAncestorContainer));
    if (article) {
      // The archive's link to the post is its permalink: the post's canonical, which an export links to.
      const page = { ...clip.page, url: article.postUrl, canonicalUrl: article.permalink, excerpt: null };
      return {
        ...clip,
        page: { ...page, title: article.title || page.title, fingerprint: article.fingerprint },
      };
    }
    return { ...clip, page: { ...clip.page, url: post.postUrl, fingerprint: post.fingerprint } };
  }

  /** Starts on the page; `initial` is its post and stored highlights when the caller already read them. */
  async start(initial?: PostView): Promise<void> {
    this.ctx.addEventListener(this.doc, 'mouseup', (e) => this.onPointerUp(e));
    this.ctx.addEventListener(this.doc, 'keyup', (e) => this.onKeyUp(e));
    this.ctx.addEventListener(this.doc, 'mousedown', (e) => this.onPointerDown(e));
    this.ctx.addEventListener(this.doc, 'click', (e) => this.onClick(e));
    const win = this.doc.defaultView;
    // Unsaved clips live only in this page's memory: leaving it asks first (the browser's prompt).
    if (win) {
      this.ctx.addEventListener(win, 'beforeunload', (event) => {
        if (this.unsaved.size > 0) event.preventDefault();
      });
    }
    this.readRules();
    // Watch first: text that arrives while the first pass runs must trigger a retry.
    this.highlights.watchForChanges();
    await this.highlights.load(initial && this.adoptPost(initial)).catch((error: unknown) => {
      console.warn('Talk Notes: could not load this page’s highlights', error);
    });
    this.ctx.onInvalidated(() => {
      this.highlights.stop();
      this.painter.clear();
      this.toolbar.remove();
      this.menu.close();
    });
  }

  /** Clips the current selection (context menu, keyboard command), in the reader's default colour. */
  async highlightSelection(color?: HighlightColor): Promise<ClipOutcome> {
    const range = clippableRange(this.doc);
    if (!range) return { saved: false, duplicate: false, message: 'Select some text on the page first.' };
    return this.clip(range, color ?? (await this.readDefaultColor()));
  }

  /** The reader's `Default colour` (yellow when it cannot be read); the toolbar is told too. */
  private async readDefaultColor(): Promise<HighlightColor> {
    try {
      const { defaultColor } = await sendToBackground({ type: 'getClipSettings' });
      this.toolbar.setDefaultColor(defaultColor);
      return defaultColor;
    } catch {
      return 'yellow';
    }
  }

  /** What the page shows before anything is clipped: its metadata's title and site, its talks. */
  async preview(): Promise<PagePreview> {
    await this.rulesRead;
    this.analysis ??= analyzePage(this.doc, this.url, this.rules);
    const { metadata, sections } = this.analysis;
    return {
      title: metadata.title.slice(0, LIMITS.title),
      siteName: metadata.siteName,
      talks: sections
        .filter((s) => s.title.trim())
        .slice(0, LIMITS.detectedTalks)
        .map((s) => ({
          title: s.title.slice(0, LIMITS.title),
          speakers: s.speakers.slice(0, LIMITS.detectedSpeakers),
        })),
    };
  }

  /** The selection may have changed (the eager script saw a gesture before we were loaded). */
  selectionChanged(): void {
    this.updateToolbar();
  }

  scrollTo(id: string): boolean {
    const range = this.painter.rangeOf(id);
    if (!range) return false;
    const target = range.startContainer.parentElement;
    target?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    return !!target;
  }

  // Only a person's gestures move the toolbar (#14, finding 5): a page's synthetic mouseup or keyup is
  // dropped before any work, so a page can neither show the toolbar for text it selected nor make
  // thousands of them cost anything.
  private onPointerUp(event: MouseEvent): void {
    if (!event.isTrusted || this.toolbar.contains(event) || this.menu.contains(event)) return;
    // Let the browser finish updating the selection first.
    this.ctx.setTimeout(() => this.updateToolbar(), 0);
  }

  private onKeyUp(event: KeyboardEvent): void {
    if (!event.isTrusted || this.toolbar.contains(event)) return;
    if (event.key === 'Escape') {
      this.toolbar.hide();
      return;
    }
    if (event.shiftKey || event.key === 'Shift') this.updateToolbar();
  }

  private onPointerDown(event: MouseEvent): void {
    if (!event.isTrusted || this.toolbar.contains(event) || this.menu.contains(event)) return;
    this.toolbar.hide();
  }

  private onClick(event: MouseEvent): void {
    // A page script's synthetic click must not open a stored note.
    if (!event.isTrusted || this.toolbar.contains(event) || this.menu.contains(event)) return;
    const selection = this.doc.getSelection();
    if (selection && !selection.isCollapsed) return;
    const id = this.painter.hitTest(event.clientX, event.clientY);
    if (id && !id.startsWith('pending:')) this.menu.open(id, { x: event.clientX, y: event.clientY });
    else if (this.menu.openId) this.menu.close();
  }

  private updateToolbar(): void {
    const range = clippableRange(this.doc);
    if (!range) {
      this.pendingRange = null;
      this.toolbar.hide();
      return;
    }
    this.pendingRange = range.cloneRange();
    // A new selection: the passage refused before is no longer what the toolbar is about.
    this.setRefused([]);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0 || r.height > 0);
    const bounds = range.getBoundingClientRect();
    const end = range.endContainer;
    void this.toolbar.show({
      first: rects[0] ?? bounds,
      last: rects[rects.length - 1] ?? bounds,
      lineHeight: lineHeightOf(end.nodeType === 1 ? (end as Element) : end.parentElement),
      overlap: this.painter.extendable(range).length > 0,
    });
    // The setting may have changed since the last selection (the popup): read it for this one.
    void this.readDefaultColor();
    this.prepareAnalysis();
  }

  /** Analyse the page while the reader moves to the button, so the click itself is quick. */
  private prepareAnalysis(): void {
    if (this.analysis) return;
    whenIdle(this.ctx, this.doc.defaultView, () => {
      this.analysis ??= analyzePage(this.doc, this.url, this.rules);
    });
  }

  private async clipPending(color: HighlightColor, withNote: boolean): Promise<void> {
    const range = this.pendingRange;
    if (!range) return;
    const outcome = await this.clip(range, color, withNote);
    this.toolbar.setStatus(outcome.message);
    if (outcome.saved || outcome.duplicate) {
      // Clear the selection we clipped, not one the reader made meanwhile.
      const selection = this.doc.getSelection();
      if (selection?.rangeCount && sameRange(selection.getRangeAt(0), range)) selection.removeAllRanges();
      if (withNote) this.toolbar.hideAfter(0);
      else this.toolbar.fadeAfter(900);
    }
  }

  /**
   * "Extend highlight": the stored highlight the selection overlaps grows to cover both, as one record
   * (its note, tags, colour and talk kept; the passage and its selectors re-made for the union).
   */
  private async extendPending(): Promise<void> {
    const selected = this.pendingRange;
    const id = selected && this.painter.extendable(selected)[0];
    const existing = id ? this.painter.rangeOf(id) : undefined;
    if (!selected || !id || !existing) return;
    const union = existing.cloneRange();
    if (selected.compareBoundaryPoints(Range.START_TO_START, existing) < 0)
      union.setStart(selected.startContainer, selected.startOffset);
    if (selected.compareBoundaryPoints(Range.END_TO_END, existing) > 0)
      union.setEnd(selected.endContainer, selected.endOffset);
    await this.rulesRead;
    let prepared: ReturnType<typeof prepareClip>;
    try {
      this.analysis ??= analyzePage(this.doc, this.url, this.rules);
      prepared = prepareClip(this.doc, union, {
        color: 'yellow', // not sent: the highlight keeps its colour
        analysis: this.analysis,
        index: this.currentTextIndex(),
      });
    } catch (error) {
      this.toolbar.setStatus(`Could not extend: ${errorText(error)}`);
      return;
    }
    if (!prepared.ok) {
      this.toolbar.setStatus(prepared.message);
      return;
    }
    const { color: _color, note: _note, talkTitle: _talk, ...passage } = prepared.clip.highlight;
    try {
      const extended = await sendToBackground({ type: 'extendHighlight', id, passage });
      this.highlights.addClipped(extended, prepared.range.cloneRange());
      const selection = this.doc.getSelection();
      if (selection?.rangeCount && sameRange(selection.getRangeAt(0), selected)) selection.removeAllRanges();
      this.toolbar.setStatus('Extended');
      this.toolbar.fadeAfter(900);
    } catch (error) {
      this.toolbar.setStatus(`Not extended: ${errorText(error)}`);
    }
  }

  private async clip(selected: Range, color: HighlightColor, withNote = false): Promise<ClipOutcome> {
    const started = performance.now();
    const outcome = await this.saveSelection(selected, color, withNote);
    // Click to drawn-and-stored, for tests and the benchmark: builds made with TALK_NOTES_MARKS=1 only.
    if (import.meta.env.TALK_NOTES_MARKS) {
      performance.mark(CLIPPED_MARK, {
        detail: { durationMs: performance.now() - started, saved: outcome.saved, message: outcome.message },
      });
    }
    return outcome;
  }

  private async saveSelection(
    selected: Range,
    color: HighlightColor,
    withNote: boolean,
  ): Promise<ClipOutcome> {
    if (!selected.toString().trim())
      return { saved: false, duplicate: false, message: 'Nothing to highlight.' };
    // Not crypto.randomUUID: it exists only in secure contexts, and a plain-http blog is none (the
    // clip failed there before anything was drawn). The id only has to be unique on this page.
    const provisionalId = `pending:${++this.provisionalCount}`;
    let prepared: ReturnType<typeof prepareClip>;
    await this.rulesRead;
    try {
      this.analysis ??= analyzePage(this.doc, this.url, this.rules);
      prepared = prepareClip(this.doc, selected, {
        color,
        analysis: this.analysis,
        index: this.currentTextIndex(),
      });
    } catch (error) {
      return { saved: false, duplicate: false, message: `Could not highlight this: ${errorText(error)}` };
    }
    // Refused before anything is drawn (too long, nothing to keep, not storable): the reader is told why.
    if (!prepared.ok) {
      if (prepared.clip) this.setRefused([prepared.clip]);
      const copy = prepared.clip ? ' Copy it to keep it.' : '';
      return { saved: false, duplicate: false, message: `${prepared.message}${copy}` };
    }
    const { range } = prepared;
    const clip = this.fileUnderPost(prepared.clip, range);
    // Drawn at once; stored right after. A clip that cannot be stored stays drawn and in memory.
    const drawn = range.cloneRange();
    this.painter.draw(provisionalId, drawn, color);
    if (this.options.privateWindow) {
      this.unsaved.keep(provisionalId, clip, drawn);
      this.toolbar.setUnsaved(this.unsaved.size);
      return { saved: false, duplicate: false, message: PRIVATE_WINDOW_NOTICE };
    }
    try {
      // `readAt`: where it was clipped, recorded when the clip is filed under another address (#18).
      const { highlight, duplicate } = await sendToBackground({
        type: 'saveClip',
        clip,
        ...this.claimed(),
        ...this.clippedAt(clip),
      });
      this.painter.remove(provisionalId);
      if (duplicate) {
        const existing = this.painter.rangeOf(highlight.id) ?? drawn;
        this.highlights.addClipped(highlight, existing);
        if (withNote) this.openMenuFor(highlight, existing, 'note');
        return { saved: false, duplicate: true, message: 'Already highlighted', color: highlight.color };
      }
      const article = this.post?.articles.find((a) => a.postUrl === highlight.url);
      if (article) this.articleOf.set(highlight.id, article.element);
      this.highlights.addClipped(highlight, drawn);
      if (withNote) this.openMenuFor(highlight, drawn, 'note');
      return { saved: true, duplicate: false, message: 'Saved', color };
    } catch (error) {
      if (error instanceof MessageRejected) {
        // Refused for what it is: every retry would be refused too. Not kept, not drawn: copy it out.
        this.painter.remove(provisionalId);
        this.setRefused([clip]);
        return { saved: false, duplicate: false, message: refusedMessage(errorText(error)) };
      }
      // Storage failed (a full disk, storage off): the clip stays drawn and in memory, nothing is
      // dropped silently; the toolbar offers to retry or to copy it out.
      this.unsaved.keep(provisionalId, clip, drawn);
      this.toolbar.setUnsaved(this.unsaved.size);
      return {
        saved: false,
        duplicate: false,
        message: `Not saved: ${errorText(error)} It stays on this page until it is: retry, or copy it.`,
      };
    }
  }

  /** Stores the clips kept unsaved, oldest first; the ones that fail again stay. */
  async retryUnsaved(): Promise<void> {
    const { saved, problem, refused } = await this.unsaved.retry(
      async (clip) => (await sendToBackground({ type: 'saveClip', clip, ...this.claimed() })).highlight,
      (provisionalId, highlight, range) => {
        this.painter.remove(provisionalId);
        this.highlights.addClipped(highlight, range);
      },
      {
        isPermanent: (error) => error instanceof MessageRejected,
        onRefused: (provisionalId) => this.painter.remove(provisionalId),
      },
    );
    if (refused.length) this.setRefused([...this.refused, ...refused.map((r) => r.clip)]);
    this.toolbar.setUnsaved(this.unsaved.size);
    const status = problem
      ? `Still not saved: ${problem}`
      : `Saved ${saved} highlight${saved === 1 ? '' : 's'}`;
    this.toolbar.setStatus(refused.length ? `${status} ${refusedMessage(refused.at(-1)!.reason)}` : status);
  }

  private setRefused(clips: ClipInput[]): void {
    this.refused = clips;
    this.toolbar.setRefused(clips.length);
  }

  /** Puts the refused clips on the clipboard as Markdown quotes with their source. */
  async copyRefused(): Promise<void> {
    const count = this.refused.length;
    try {
      await navigator.clipboard.writeText(clipsToMarkdown(this.refused));
      this.setRefused([]);
      this.toolbar.setStatus(`Copied ${count === 1 ? 'the passage' : `${count} passages`}`);
    } catch (error) {
      this.toolbar.setStatus(`Could not copy: ${errorText(error)}`);
    }
  }

  /** Puts the unsaved clips on the clipboard as Markdown quotes with their source. */
  async copyUnsaved(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.unsaved.toMarkdown());
      this.toolbar.setStatus(
        `Copied ${this.unsaved.size} unsaved highlight${this.unsaved.size === 1 ? '' : 's'}`,
      );
    } catch (error) {
      this.toolbar.setStatus(`Could not copy: ${errorText(error)}`);
    }
  }

  private openMenuFor(highlight: HighlightRecord, range: Range, focus: 'note' | 'menu'): void {
    const rect = range.getBoundingClientRect();
    this.menu.open(highlight.id, { x: rect.left, y: rect.bottom }, focus);
  }

  /** What a menu frame's request with `token` may act on (the background asks, `useMenuGrant`). */
  useMenuGrant(token: string, claimant: GrantClaimant, acting = false): string | null {
    return this.menu.useGrant(token, claimant, acting);
  }

  /**
   * The body's text index, reused from the last clip while no text under the body changed: the page's
   * observer counts every change as it happens and delivers pending ones when asked
   * (PageHighlights.textVersion), so a clip is never described against text from before. Building it
   * took 6-25 ms a clip on huge pages (docs/benchmarks.md).
   */
  private currentTextIndex(): TextIndex {
    const body = this.doc.body;
    const version = this.highlights.textVersion(body);
    const cached = this.textIndex;
    if (cached && version !== null && cached.version === version && cached.index.root === body) {
      return cached.index;
    }
    const index = buildTextIndex(body);
    this.textIndex = version === null ? null : { index, version };
    return index;
  }

  /** A DOM change makes the cached analysis stale. */
  invalidateAnalysis(): void {
    this.analysis = null;
  }

  /**
   * The document became another page (the reader followed a single-page site's link, or went back):
   * what was drawn, selected or analysed for the page before goes; the new page's highlights are drawn.
   */
  async pageChanged(): Promise<void> {
    this.pendingRange = null;
    this.toolbar.hide();
    this.menu.close();
    this.setRefused([]);
    this.invalidateAnalysis();
    this.textIndex = null;
    this.readRules();
    await this.highlights.switchPage().catch((error: unknown) => {
      console.warn('Talk Notes: could not load this page’s highlights', error);
    });
  }

  /** The page's notes changed elsewhere (an edit, a correction of its talks): redraw, read the rules again. */
  async refresh(): Promise<void> {
    this.readRules();
    await this.highlights.refresh();
  }

  /** Detects the page's talks again with the site's rules, for "Detect talks again". */
  async detectTalksAgain(): Promise<Redetection> {
    await this.rulesRead;
    const ranges = new Map<string, Range>();
    for (const record of this.highlights.highlights) {
      const range = this.painter.rangeOf(record.id);
      if (range) ranges.set(record.id, range);
    }
    return redetect(this.doc, this.url, this.rules, ranges);
  }

  private readRules(): void {
    this.rulesRead = sendToBackground({ type: 'getTalkRules', url: this.url }).then(
      (rules) => {
        this.rules = rules;
        this.invalidateAnalysis();
      },
      () => {}, // no rules: detection as usual
    );
  }
}

/** What the reader is told of a clip the background refused for good. */
function refusedMessage(reason: string): string {
  return `Not saved: Talk Notes cannot store this passage (${reason}). Saving it again would not help: copy it to keep it.`;
}

function sameRange(a: Range, b: Range): boolean {
  return (
    a.compareBoundaryPoints(Range.START_TO_START, b) === 0 &&
    a.compareBoundaryPoints(Range.END_TO_END, b) === 0
  );
}
