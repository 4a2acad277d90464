/**
 * The highlight menu (note, tags, colour, delete) in the page. It shows a stored note, so it runs
 * in an extension iframe (highlight-menu.html): page scripts cannot read into it.
 *
 * The page can read the frame's address and can frame highlight-menu.html itself, so the address names
 * no highlight (#14, finding 2). The menu's right to one highlight is a grant (core/menu-grant.ts): the
 * background issues it for this tab and frame, this object keeps it while the menu is open and posts it
 * to its own frame's window only, addressed to the extension's origin; the background asks this object
 * (`useGrant`) on every request the menu makes.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createIframeUi, type IframeContentScriptUi } from 'wxt/utils/content-script-ui/iframe';
import {
  closeGrant,
  type GrantClaimant,
  type MenuGrant,
  mayAct,
  parseGrant,
  useGrant,
} from '@/core/menu-grant';
import { MENU_FRAME_MESSAGES, type MenuGrantMessage } from '@/messaging/protocol';
import { styleShows, watchVisibility } from './visibility';

export interface MenuUiDeps {
  /** A grant for highlight `id` from the background (the `grantMenu` message). */
  requestGrant: (id: string) => Promise<string>;
  /**
   * The extension's origin, from the browser (never from the frame element, whose address the page can
   * change): the grant is posted to a frame showing that origin or to none.
   */
  extensionOrigin?: string;
  now?: () => number;
}

export class MenuUi {
  private ui: IframeContentScriptUi<void> | null = null;
  private id: string | null = null;
  private grant: MenuGrant | null = null;
  /** The grant of the menu closed last, for its last requests (core/menu-grant.ts GRANT_AFTER_CLOSE_MS). */
  private closedGrant: MenuGrant | null = null;
  private readonly extensionOrigin: string;
  private readonly now: () => number;
  /** IntersectionObserver v2's last word on the open menu's frame (Chromium); undefined before its first. */
  private seenVisible: boolean | undefined;
  private stopWatching: (() => void) | null = null;
  private readonly onMessage = (event: MessageEvent) => {
    // Only our iframe can close the menu; page scripts cannot fake `source`.
    if (this.ui && event.source === this.ui.iframe.contentWindow && event.data === MENU_FRAME_MESSAGES.close)
      this.close();
  };
  private readonly onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') this.close();
  };

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly doc: Document,
    private readonly deps: MenuUiDeps,
  ) {
    this.extensionOrigin = deps.extensionOrigin ?? new URL(browser.runtime.getURL('/')).origin;
    this.now = deps.now ?? (() => performance.now());
  }

  /** The highlight whose menu is open, if one is. */
  get openId(): string | null {
    return this.ui ? this.id : null;
  }

  contains(event: Event): boolean {
    return !!this.ui && event.composedPath().includes(this.ui.wrapper);
  }

  /** Opens the menu of highlight `id` near a viewport point; `focus` picks the field focused first. */
  open(id: string, at: { x: number; y: number }, focus: 'note' | 'menu' = 'menu'): void {
    this.close();
    const win = this.doc.defaultView!;
    const ui = createIframeUi(this.ctx, {
      page: '/highlight-menu.html',
      position: 'inline',
      anchor: () => this.doc.body ?? this.doc.documentElement,
      append: 'last',
      onMount: (wrapper, iframe) => {
        const top = Math.min(at.y + win.scrollY + 12, win.scrollY + win.innerHeight - 340);
        const left = Math.max(8, Math.min(at.x + win.scrollX - 40, win.scrollX + win.innerWidth - 340));
        wrapper.setAttribute(
          'style',
          `position:absolute !important;top:${Math.max(top, win.scrollY + 8)}px !important;left:${left}px !important;z-index:2147483647 !important;`,
        );
        iframe.setAttribute('title', 'Talk Notes highlight');
        iframe.setAttribute(
          'style',
          'width:320px !important;height:320px !important;border:0 !important;border-radius:10px !important;box-shadow:0 4px 18px rgba(0,0,0,.35) !important;background:transparent !important;color-scheme:normal;',
        );
        iframe.setAttribute('allowtransparency', 'true');
      },
    });
    ui.mount();
    this.ui = ui;
    this.id = id;
    this.seenVisible = undefined;
    this.stopWatching = watchVisibility(ui.iframe, (visible) => {
      if (this.ui === ui) this.seenVisible = visible;
    });
    const loaded = new Promise((resolve) => ui.iframe.addEventListener('load', resolve, { once: true }));
    ui.iframe.addEventListener('load', () => ui.iframe.focus(), { once: true });
    Promise.all([this.deps.requestGrant(id), loaded]).then(
      ([grant]) => this.handOver(ui, id, grant, focus),
      (error: unknown) => console.warn('Talk Notes: could not open the highlight menu', error),
    );
    win.addEventListener('message', this.onMessage);
    this.doc.addEventListener('keydown', this.onKey, true);
  }

  /** Gives the grant to the menu frame `ui`, if it is still the open one. */
  private handOver(ui: IframeContentScriptUi<void>, id: string, grant: string, focus: 'note' | 'menu'): void {
    const parsed = parseGrant(grant);
    if (this.ui !== ui || !parsed) return;
    this.grant = { token: parsed.token, highlightId: id, issuedAt: this.now() };
    const message: MenuGrantMessage = { type: MENU_FRAME_MESSAGES.grant, grant, focus };
    // Delivered only if the frame still shows the extension's origin (the page may have navigated it).
    ui.iframe.contentWindow?.postMessage(message, this.extensionOrigin);
  }

  /**
   * What a request with `token` from the menu frame `claimant` may act on: the granted highlight's id,
   * or null (another token, another frame than the one that used it first, too late, or no menu open).
   */
  useGrant(token: string, claimant: GrantClaimant, acting = false): string | null {
    const now = this.now();
    const used = useGrant(this.grant, token, claimant, now);
    if (used) {
      // A click that changes the highlight counts only on a menu the reader can see (#14, finding 5's
      // rule for the toolbar, here for the menu: the page owns the element our frame sits in).
      if (acting && !mayAct(used.grant, now, this.menuShows())) return null;
      this.grant = used.grant;
      return used.highlightId;
    }
    // A closed menu cannot have been clicked: only its typed last saves still count.
    if (acting) return null;
    return useGrant(this.closedGrant, token, claimant, now)?.highlightId ?? null;
  }

  /** Whether the open menu's frame is shown: its styles and its ancestors' (every browser), IOv2 (Chromium). */
  private menuShows(): boolean {
    return !!this.ui && this.seenVisible !== false && styleShows(this.ui.iframe);
  }

  close(): void {
    // The grant ends with the menu: only the frame that used it gets its last requests through, briefly.
    if (this.grant) this.closedGrant = closeGrant(this.grant, this.now());
    this.grant = null;
    this.id = null;
    this.stopWatching?.();
    this.stopWatching = null;
    if (!this.ui) return;
    this.ui.remove();
    this.ui = null;
    const win = this.doc.defaultView!;
    win.removeEventListener('message', this.onMessage);
    this.doc.removeEventListener('keydown', this.onKey, true);
  }
}
