/**
 * Notes typed in the popup and the dashboard travel to the background keystroke by keystroke, over one
 * `runtime.connect` port, and the background stores them (#14). A page that closes right after the last
 * keystroke has already handed that text over: nothing depends on `pagehide` running, or on a message
 * sent while the page is being torn down getting out (Firefox drops those; a loaded Chromium may kill
 * the page first). The background writes the latest text of each note, one write at a time, and
 * finishes after the port is gone: the worker outlives the popup.
 *
 * Only the popup and the dashboard may open the port: the in-page menu frame (which any page can
 * embed) edits notes through its own checked messages.
 */
import * as v from 'valibot';
import { LIMITS } from '@/core/limits';
import { type MessageSender, senderRole } from './router';

/** The port's name (`runtime.connect({ name })`). */
export const NOTE_DRAFTS_PORT = 'talk-notes:note-drafts';

/** The extension pages that may send note drafts, by path. */
const DRAFTING_PAGES: ReadonlySet<string> = new Set(['/popup.html', '/dashboard.html']);

/** One message on the port: the whole current text of one highlight's note. */
export const NoteDraftSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.id)),
  note: v.pipe(v.string(), v.maxLength(LIMITS.note)),
});
export type NoteDraft = v.InferOutput<typeof NoteDraftSchema>;

/** The parts of `runtime.Port` used here (tests pass a stand-in). */
export interface DraftPort {
  name: string;
  sender?: MessageSender;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

/**
 * Stores notes latest-first: each note has at most one write running; text that arrives meanwhile
 * replaces what waits, and is written when the running write ends. Writes never overlap, so an older
 * text can never land after a newer one. `idle()` resolves once nothing is left to write.
 */
export function createNoteWriter(
  save: (id: string, note: string) => Promise<unknown>,
  onError: (error: unknown) => void = () => {},
) {
  const waiting = new Map<string, string>();
  const running = new Map<string, Promise<void>>();

  const drain = async (id: string) => {
    for (let note = waiting.get(id); note !== undefined; note = waiting.get(id)) {
      waiting.delete(id);
      try {
        await save(id, note);
      } catch (error) {
        onError(error);
      }
    }
    running.delete(id);
  };

  return {
    write(id: string, note: string): void {
      waiting.set(id, note);
      if (!running.has(id)) running.set(id, drain(id));
    },
    async idle(): Promise<void> {
      while (running.size) await Promise.all(running.values());
    },
  };
}

export interface DraftPortOptions {
  extensionId: string;
  /** Origin of our own pages, e.g. `chrome-extension://<id>/`. */
  extensionOrigin: string;
  onRejected?: (reason: string) => void;
}

/**
 * The background's side: for a port named {@link NOTE_DRAFTS_PORT} from the popup or the dashboard,
 * every valid draft is written through `writer`. Any other sender's port is closed unread, and a
 * malformed message closes the port. Returns whether the port was taken.
 */
export function acceptNoteDrafts(
  port: DraftPort,
  writer: { write(id: string, note: string): void },
  options: DraftPortOptions,
): boolean {
  if (port.name !== NOTE_DRAFTS_PORT) return false;
  const sender = port.sender ?? {};
  const path = sender.url?.startsWith(options.extensionOrigin) ? new URL(sender.url).pathname : undefined;
  if (
    senderRole(sender, options.extensionId, options.extensionOrigin) !== 'extension' ||
    path === undefined ||
    !DRAFTING_PAGES.has(path)
  ) {
    options.onRejected?.('note drafts come from the popup and the dashboard only');
    port.disconnect();
    return true;
  }
  port.onMessage.addListener((message) => {
    const parsed = v.safeParse(NoteDraftSchema, message);
    if (!parsed.success) {
      options.onRejected?.(`malformed note draft: ${v.summarize(parsed.issues)}`);
      port.disconnect();
      return;
    }
    writer.write(parsed.output.id, parsed.output.note);
  });
  return true;
}

/**
 * The pages' side: `save(id, note)` posts the note's whole text to the background at once. The port
 * is opened on first use and again after the background went away (an idle MV3 worker is stopped; a
 * new message starts it again).
 */
export function noteDraftSender(connect: () => DraftPort): { save(id: string, note: string): void } {
  let port: DraftPort | null = null;
  const open = () => {
    const opened = connect();
    opened.onDisconnect.addListener(() => {
      if (port === opened) port = null;
    });
    port = opened;
    return opened;
  };
  return {
    save(id, note) {
      const draft: NoteDraft = { id, note };
      try {
        (port ?? open()).postMessage(draft);
      } catch {
        // A port whose other end has just gone (the worker stopped) throws: open a new one.
        port = null;
        open().postMessage(draft);
      }
    },
  };
}
