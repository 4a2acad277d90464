/**
 * WXT retires a content script when a document event says a newer copy of it started. Any page
 * script can dispatch that event (its name holds only our extension id, which is public), and
 * Chrome hands the event's detail to our world: a page could switch Talk Notes off on itself.
 * We never start a second copy (no programmatic injection; a copy orphaned by an update is retired
 * by WXT's own runtime check), so the event is stopped on the window, in the capture phase, before
 * it reaches WXT's listener on the document.
 */

/**
 * The name of WXT's "content script started" event for one content script: WXT keeps it private
 * (ContentScriptContext.SCRIPT_STARTED_MESSAGE_TYPE, from getUniqueEventName). The unit test checks
 * it against what WXT's real ContentScriptContext listens to and dispatches, so a rename fails there;
 * the browser test dispatches it as a hostile page would.
 */
export function scriptStartedEventName(extensionId: string, entrypoint: string): string {
  return `${extensionId}:${entrypoint}:wxt:content-script-started`;
}

/** Stops the event on `win` before WXT's document listener sees it; returns the undo. */
export function stopScriptStartedEvents(win: Window, eventName: string): () => void {
  const stop = (event: Event) => event.stopImmediatePropagation();
  win.addEventListener(eventName, stop, { capture: true });
  return () => win.removeEventListener(eventName, stop, { capture: true });
}
