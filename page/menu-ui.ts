/**
 * The highlight menu (note, tags, colour, delete) in the page. It shows a stored note, so it runs
 * in an extension iframe (highlight-menu.html): page scripts cannot read into it.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createIframeUi, type IframeContentScriptUi } from 'wxt/utils/content-script-ui/iframe';

/** Messages the menu iframe posts to its parent. Only the close request exists; it carries no data. */
export const CLOSE_MENU_MESSAGE = 'talk-notes:close-menu';

export class MenuUi {
  private ui: IframeContentScriptUi<void> | null = null;
  private readonly onMessage = (event: MessageEvent) => {
    // Only our iframe can close the menu; page scripts cannot fake `source`.
    if (this.ui && event.source === this.ui.iframe.contentWindow && event.data === CLOSE_MENU_MESSAGE)
      this.close();
  };
  private readonly onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') this.close();
  };

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly doc: Document,
  ) {}

  get openId(): string | null {
    if (!this.ui) return null;
    return new URL(this.ui.iframe.src).searchParams.get('id');
  }

  contains(event: Event): boolean {
    return !!this.ui && event.composedPath().includes(this.ui.wrapper);
  }

  /** Opens the menu of highlight `id` near a viewport point; `focus` picks the field focused first. */
  open(id: string, at: { x: number; y: number }, focus: 'note' | 'menu' = 'menu'): void {
    this.close();
    const win = this.doc.defaultView!;
    const page = `/highlight-menu.html?id=${encodeURIComponent(id)}&focus=${focus}` as '/highlight-menu.html';
    const ui = createIframeUi(this.ctx, {
      page,
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
    ui.iframe.addEventListener('load', () => ui.iframe.focus(), { once: true });
    win.addEventListener('message', this.onMessage);
    this.doc.addEventListener('keydown', this.onKey, true);
  }

  close(): void {
    if (!this.ui) return;
    this.ui.remove();
    this.ui = null;
    const win = this.doc.defaultView!;
    win.removeEventListener('message', this.onMessage);
    this.doc.removeEventListener('keydown', this.onKey, true);
  }
}
