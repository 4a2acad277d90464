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
import type { Commands } from '@/storage/commands';
import { type MessageSender, senderRole } from './router';

/** The port's name (`runtime.connect({ name })`). */
export const NOTE_DRAFTS_PORT = 'talk-notes:note-drafts';

/** The extension pages that may send note drafts, by path. */
const DRAFTING_PAGES: ReadonlySet<string> = new Set(['/popup.html', '/dashboard.html']);

/** Whose note a draft is: a highlight's (the default, as drafts were before #17), a talk's or a page's. */
export const NOTE_DRAFT_KINDS = ['highlight', 'talk', 'page'] as const;
export type NoteDraftKind = (typeof NOTE_DRAFT_KINDS)[number];

/** One message on the port: the whole current text of one note (a highlight's when `kind` is absent). */
export const NoteDraftSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.id)),
  note: v.pipe(v.string(), v.maxLength(LIMITS.note)),
  kind: v.optional(v.picklist(NOTE_DRAFT_KINDS)),
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
 * text can never land after a newer one. `idle()` resolves once nothing is left to write. A note is
 * one record's: a talk's note and a highlight's with the same id are two notes.
 */
export function createNoteWriter(
  save: (id: string, note: string, kind: NoteDraftKind) => Promise<unknown>,
  onError: (error: unknown) => void = () => {},
) {
  const waiting = new Map<string, { id: string; kind: NoteDraftKind; note: string }>();
  const running = new Map<string, Promise<void>>();

  const drain = async (key: string) => {
    for (let draft = waiting.get(key); draft !== undefined; draft = waiting.get(key)) {
      waiting.delete(key);
      try {
        await save(draft.id, draft.note, draft.kind);
      } catch (error) {
        onError(error);
      }
    }
    running.delete(key);
  };

  return {
    write(id: string, note: string, kind: NoteDraftKind = 'highlight'): void {
      const key = `${kind}\u0000${id}`;
      waiting.set(key, { id, kind, note });
      if (!running.has(key)) running.set(key, drain(key));
    },
    async idle(): Promise<void> {
      while (running.size) await Promise.all(running.values());
    },
  };
}

/** How the background stores a draft: a highlight's note, or a talk's or page's own note (#17). */
export function noteDraftSaver(commands: Pick<Commands, 'updateHighlight' | 'setRecordNote'>) {
  return (id: string, note: string, kind: NoteDraftKind): Promise<unknown> =>
    kind === 'highlight' ? commands.updateHighlight(id, { note }) : commands.setRecordNote(kind, id, note);
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
  writer: { write(id: string, note: string, kind?: NoteDraftKind): void },
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
    writer.write(parsed.output.id, parsed.output.note, parsed.output.kind ?? 'highlight');
  });
  return true;
}

/**
 * The pages' side: `save(id, note, kind)` posts the note's whole text to the background at once. The
 * port is opened on first use and again after the background went away (an idle MV3 worker is
 * stopped; a new message starts it again).
 */
export function noteDraftSender(connect: () => DraftPort): {
  save(id: string, note: string, kind?: NoteDraftKind): void;
} {
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
    save(id, note, kind = 'highlight') {
      // A highlight's draft is sent as before #17 (no `kind`), so it reads the same everywhere.
      const draft: NoteDraft = kind === 'highlight' ? { id, note } : { id, note, kind };
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
