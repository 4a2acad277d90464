/**
 * The selection toolbar in the page: a Preact component in an open shadow root (styles isolated
 * both ways), positioned next to the selection, created on first use.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { HighlightColor } from '@/core/types';
import { SELECTION_TOOLBAR_CSS, SelectionToolbar } from './SelectionToolbar';
import { type Box, placeToolbar } from './toolbar-placement';
import { styleShows, watchVisibility } from './visibility';

/**
 * How long the toolbar must have been in place before it takes a click (#14, finding 5): a page cannot
 * slip it under a click the reader aimed at something else, and a person needs longer to reach it.
 */
export const TOOLBAR_ARMING_MS = 400;

/** What the reader is told of a click the toolbar did not take. */
export const TOO_SOON = 'Click again: the toolbar had only just appeared.';
export const NOT_VISIBLE = 'Not saved: the page hid or covered the toolbar.';

/** How long the toolbar takes to fade out after a saved clip (its CSS transition). */
export const TOOLBAR_FADE_MS = 250;

/** The selection the toolbar is shown for: its first and last line boxes, and its line height. */
export interface ToolbarTarget {
  first: Box;
  last: Box;
  lineHeight: number;
  /** The selection overlaps a stored highlight: offer `Extend highlight` and `Keep both`. */
  overlap?: boolean;
}

export interface ToolbarActions {
  onHighlight: (color: HighlightColor) => void;
  onAddNote: (color: HighlightColor) => void;
  /** Grows the highlight the selection overlaps to cover both. */
  onExtend: () => void;
  /** Tries again to store the clips that could not be saved. */
  onRetryUnsaved: () => void;
  /** Puts the unsaved clips on the clipboard as Markdown. */
  onCopyUnsaved: () => void;
  /** Puts the clips the background refused for good on the clipboard as Markdown. */
  onCopyRefused: () => void;
}

export class ToolbarUi {
  private ui: ShadowRootContentScriptUi<HTMLElement> | null = null;
  private creating: Promise<ShadowRootContentScriptUi<HTMLElement>> | null = null;
  private status = '';
  private unsaved = 0;
  private refused = 0;
  private hideTimer: number | undefined;
  private visible = false;
  /** The colour a new clip starts from (the reader's `Default colour` setting). */
  private defaultColor: HighlightColor = 'yellow';
  /** This selection's colour: the default until the reader picks another for this clip. */
  private color: HighlightColor = 'yellow';
  private colorPicked = false;
  private overlap = false;
  /** Fading out after a saved clip. */
  private fading = false;
  /** A saved clip's notice (fadeAfter): no click, no pointer, not armed again until shown anew. */
  private notice = false;
  /** Shown in a corner without a selection, because clips wait to be saved. */
  private pinned = false;
  /** When the toolbar was last put in place (performance.now()). */
  private shownAt = 0;
  /** In place for TOOLBAR_ARMING_MS and seen to be visible: its buttons take clicks (not aria-disabled). */
  private armed = false;
  private armTimer: number | undefined;
  /** IntersectionObserver v2's last verdict on the toolbar (Chromium); null where the browser cannot tell. */
  private seenVisible: boolean | null = null;
  private stopWatching: (() => void) | null = null;
  private readonly accepts = (event: MouseEvent) => this.acceptsClick(event);

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly doc: Document,
    private readonly actions: ToolbarActions,
    private readonly options: { canRetry: boolean; now?: () => number } = { canRetry: true },
  ) {}

  private now(): number {
    return this.options.now?.() ?? performance.now();
  }

  /**
   * Whether a click on one of the toolbar's buttons counts: a person's (trusted) click, on a toolbar in
   * place for TOOLBAR_ARMING_MS and really visible now (computed styles of it and every ancestor, and
   * IntersectionObserver v2 where the browser has it). A click that does not count says why.
   */
  acceptsClick(event: MouseEvent): boolean {
    if (!event.isTrusted || !this.ui) return false;
    const early = this.now() - this.shownAt < TOOLBAR_ARMING_MS;
    // Armed is what the toolbar shows (aria-disabled); the time and the visibility are checked again now.
    if (this.armed && !early && this.looksVisible()) return true;
    this.setStatus(early || this.looksVisible() ? TOO_SOON : NOT_VISIBLE);
    this.disarm();
    return false;
  }

  private looksVisible(): boolean {
    if (!this.ui) return false;
    const toolbar = this.ui.uiContainer.querySelector('[role="toolbar"]');
    return this.seenVisible !== false && !!toolbar && styleShows(toolbar);
  }

  /** Put in place (again): the buttons take clicks TOOLBAR_ARMING_MS from now, if then visible. */
  private restartArming(ui: ShadowRootContentScriptUi<HTMLElement>): void {
    clearTimeout(this.armTimer);
    this.armed = false;
    this.shownAt = this.now();
    this.stopWatching ??= watchVisibility(ui.shadowHost, (visible) => {
      this.seenVisible = visible;
      // A toolbar that becomes visible after its time arms now; one that stops being visible disarms.
      if (!visible) this.disarm();
      else if (this.visible && !this.armed && this.now() - this.shownAt >= TOOLBAR_ARMING_MS) this.arm();
    });
    this.armTimer = this.ctx.setTimeout(() => this.arm(), TOOLBAR_ARMING_MS);
    this.render(ui);
  }

  private arm(): void {
    if (!this.ui || !this.visible || this.notice) return;
    this.armed = this.looksVisible();
    this.render(this.ui);
  }

  private disarm(): void {
    if (!this.armed) return;
    this.armed = false;
    if (this.ui) this.render(this.ui);
  }

  get isVisible(): boolean {
    return this.visible;
  }

  /** Whether an event happened inside the toolbar. */
  contains(event: Event): boolean {
    return !!this.ui && event.composedPath().includes(this.ui.shadowHost);
  }

  async show(target: ToolbarTarget): Promise<void> {
    // A hide planned for the previous selection must not take this one's toolbar away.
    clearTimeout(this.hideTimer);
    const ui = await this.ensure();
    this.status = this.unsaved ? `${this.unsaved} not saved yet` : '';
    this.pinned = false;
    this.fading = false;
    this.notice = false;
    this.overlap = !!target.overlap;
    // Every selection starts from the default colour: a colour picked for one clip is that clip's.
    this.color = this.defaultColor;
    this.colorPicked = false;
    this.render(ui);
    const win = this.doc.defaultView!;
    // Measured in place (nothing is painted before it moves): above the selection, or past the next line.
    this.place(ui, 'position:absolute !important;top:0 !important;left:0 !important;');
    const box = ui.uiContainer.querySelector('[role="toolbar"]')?.getBoundingClientRect();
    const size = { width: box?.width || 280, height: box?.height || 32 };
    const at = placeToolbar(target.first, target.last, target.lineHeight, size, {
      width: win.innerWidth,
      height: win.innerHeight,
    });
    // Absolute, so it scrolls with the text.
    this.place(
      ui,
      `position:absolute !important;top:${at.top + win.scrollY}px !important;left:${at.left + win.scrollX}px !important;`,
    );
    this.restartArming(ui);
  }

  /** The reader's default colour; a toolbar whose colour the reader has not picked takes it at once. */
  setDefaultColor(color: HighlightColor): void {
    this.defaultColor = color;
    if (this.colorPicked || this.color === color) return;
    this.color = color;
    if (this.ui) this.render(this.ui);
  }

  private pickColor(color: HighlightColor): void {
    this.color = color;
    this.colorPicked = true;
    if (this.ui) this.render(this.ui);
  }

  /** Hides the toolbar after `ms`, unless it is shown again for a new selection before then. */
  hideAfter(ms: number): void {
    clearTimeout(this.hideTimer);
    this.hideTimer = this.ctx.setTimeout(() => this.hide(), ms);
  }

  /**
   * After a saved clip: the status is read for `ms`, then the toolbar fades out and goes. From the save
   * on it is a notice only: it takes no click, and the pointer goes through it to the page, so a reader
   * who starts the next selection on the text under it (it sits on the line above the passage saved)
   * selects that text instead of pressing on a toolbar that is about to go.
   */
  fadeAfter(ms: number): void {
    clearTimeout(this.hideTimer);
    if (this.ui && this.visible && !this.pinned) {
      this.notice = true;
      this.ui.shadowHost.style.setProperty('pointer-events', 'none', 'important');
      clearTimeout(this.armTimer);
      this.disarm();
    }
    this.hideTimer = this.ctx.setTimeout(() => {
      if (!this.ui || !this.visible || this.pinned) return;
      this.fading = true;
      this.armed = false;
      this.render(this.ui);
      this.hideTimer = this.ctx.setTimeout(() => this.hide(), TOOLBAR_FADE_MS);
    }, ms);
  }

  /**
   * Hides the toolbar; while clips wait to be saved it moves to the viewport's corner instead,
   * so retry and copy stay one click away (a hidden toolbar would hide the only copy of them).
   */
  hide(): void {
    clearTimeout(this.hideTimer);
    if (this.unsaved > 0) {
      void this.pin();
      return;
    }
    if (!this.ui || !this.visible) return;
    this.ui.shadowHost.style.setProperty('display', 'none', 'important');
    this.visible = false;
    this.pinned = false;
    this.fading = false;
    clearTimeout(this.armTimer);
    this.armed = false;
  }

  setStatus(status: string): void {
    this.status = status;
    if (this.ui) this.render(this.ui);
  }

  /** How many clips are kept on the page unsaved (the toolbar then offers retry and copy). */
  setUnsaved(count: number): void {
    this.unsaved = count;
    if (this.ui) this.render(this.ui);
    // Everything saved: the pinned toolbar has done its job once its status has been read.
    if (count === 0 && this.pinned) this.hideAfter(3000);
  }

  /** How many refused clips the toolbar offers to copy (none once copied, or for a new selection). */
  setRefused(count: number): void {
    this.refused = count;
    if (this.ui) this.render(this.ui);
  }

  private async pin(): Promise<void> {
    const ui = await this.ensure();
    // Already in its corner: it stays armed (a click elsewhere on the page must not make it wait again).
    const moved = !(this.pinned && this.visible);
    this.pinned = true;
    this.fading = false;
    this.notice = false;
    this.render(ui);
    this.place(ui, 'position:fixed !important;right:16px !important;bottom:16px !important;');
    if (moved) this.restartArming(ui);
  }

  private place(ui: ShadowRootContentScriptUi<HTMLElement>, position: string): void {
    ui.shadowHost.setAttribute('style', `${position}z-index:2147483647 !important;display:block !important;`);
    this.visible = true;
  }

  remove(): void {
    clearTimeout(this.armTimer);
    this.stopWatching?.();
    this.stopWatching = null;
    this.ui?.remove();
    this.ui = null;
  }

  private render(ui: ShadowRootContentScriptUi<HTMLElement>) {
    render(
      <SelectionToolbar
        color={this.color}
        onColor={(color) => this.pickColor(color)}
        overlap={this.overlap}
        onExtend={this.actions.onExtend}
        fading={this.fading}
        onHighlight={this.actions.onHighlight}
        onAddNote={this.actions.onAddNote}
        status={this.status}
        unsaved={this.unsaved}
        onRetryUnsaved={this.actions.onRetryUnsaved}
        onCopyUnsaved={this.actions.onCopyUnsaved}
        pinned={this.pinned}
        canRetry={this.options.canRetry}
        refused={this.refused}
        onCopyRefused={this.actions.onCopyRefused}
        armed={this.armed}
        accepts={this.accepts}
      />,
      ui.uiContainer,
    );
  }

  private ensure(): Promise<ShadowRootContentScriptUi<HTMLElement>> {
    this.creating ??= createShadowRootUi(this.ctx, {
      name: 'talk-notes-toolbar',
      position: 'inline',
      anchor: () => this.doc.body ?? this.doc.documentElement,
      append: 'last',
      mode: 'open',
      css: SELECTION_TOOLBAR_CSS,
      // WXT's default reset is `:host { all: initial !important }`; an !important rule inside the shadow tree
      // beats the host's inline position, which left the toolbar at the end of the page. Our CSS resets :host
      // without !important instead, so the inline position below applies.
      inheritStyles: true,
      isolateEvents: ['keydown', 'keyup', 'keypress', 'mousedown', 'mouseup', 'click'],
      onMount: (container, _shadow, host) => {
        // Keep the page's selection when a toolbar button is pressed.
        host.addEventListener('mousedown', (e) => e.preventDefault());
        // Escape sends the toolbar away from inside it too: isolateEvents stops keys at the shadow root,
        // so neither the host nor the page's document, where the content script listens, hears them.
        container.addEventListener('keyup', (e) => {
          if (e.isTrusted && e.key === 'Escape') this.hide();
        });
        container.setAttribute('lang', 'en');
        return container;
      },
      onRemove: (container) => {
        if (container) render(null, container);
      },
    }).then((ui) => {
      ui.mount();
      this.ui = ui;
      return ui;
    });
    return this.creating;
  }
}
