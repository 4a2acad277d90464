/**
 * The browser's own entry points to clipping: the context-menu item and the keyboard command.
 * Both ask the content script of the tab (and frame) to highlight its current selection.
 */
import { browser } from 'wxt/browser';
import type { ContentResponses, Reply } from './protocol';

export const HIGHLIGHT_MENU_ID = 'talk-notes-highlight-selection';
export const HIGHLIGHT_COMMAND = 'highlight-selection';

/** Registers the context-menu item; menus persist across restarts, so this runs on install only. */
export function createContextMenus(): void {
  browser.contextMenus.create({
    id: HIGHLIGHT_MENU_ID,
    title: 'Highlight selection',
    contexts: ['selection'],
    documentUrlPatterns: ['http://*/*', 'https://*/*'],
  });
}

/** Asks the content script in a tab's frame to highlight its selection. */
export async function highlightSelectionIn(
  tabId: number,
  frameId = 0,
): Promise<ContentResponses['highlightSelection']> {
  const reply: Reply<ContentResponses['highlightSelection']> | undefined = await browser.tabs.sendMessage(
    tabId,
    { type: 'highlightSelection' },
    { frameId },
  );
  if (!reply?.ok) throw new Error(reply ? reply.error : 'Talk Notes is not running on this page');
  return reply.value;
}

export async function onContextMenuClicked(
  info: { menuItemId: string | number; frameId?: number },
  tab?: { id?: number },
) {
  if (info.menuItemId !== HIGHLIGHT_MENU_ID || tab?.id === undefined) return null;
  return highlightSelectionIn(tab.id, info.frameId ?? 0);
}

/**
 * The keyboard command: the browser does not say which frame the reader is in, so every frame is
 * asked and only the one holding the focus answers (messaging/addressed.ts); when none does (the
 * page itself lost the focus to the browser's own UI), the top frame, which holds the selection on
 * most pages.
 */
export async function onCommand(command: string, tab?: { id?: number }) {
  if (command !== HIGHLIGHT_COMMAND) return null;
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return null;
  const reply: Reply<ContentResponses['highlightSelection']> | undefined = await browser.tabs
    .sendMessage(tabId, { type: 'highlightSelection', focusedFrame: true })
    .catch(() => undefined);
  if (!reply) return highlightSelectionIn(tabId, 0);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
