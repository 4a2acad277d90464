/**
 * Receiving side of the protocol: validate, check the sender, dispatch to a typed handler,
 * and wrap the result (or the error) in a Reply. Pure: the extension id and sender come in as data.
 */
import * as v from 'valibot';
import type { Reply, SenderRole } from './protocol';

/** The parts of `runtime.MessageSender` the router needs. */
export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string; incognito?: boolean };
  frameId?: number;
  /** The sending frame's document (Chrome 106+, Firefox 128+). */
  documentId?: string;
}

export interface HandlerContext {
  role: SenderRole;
  /** The tab of a content-script or menu-frame sender. */
  tabId?: number;
  /** The sending frame in that tab, and its document, as the browser names them (a sender cannot choose). */
  frameId?: number;
  documentId?: string;
  /** The URL of the sending frame (page URL for content scripts). */
  senderUrl?: string;
  /** Sent from a tab in a private (incognito) window: nothing from it is stored. */
  incognito?: boolean;
}

type AnyVariant = v.GenericSchema<unknown, { type: string }>;

export type Handlers<M extends { type: string }, R extends { [K in M['type']]: unknown }> = {
  [K in M['type']]: (message: Extract<M, { type: K }>, context: HandlerContext) => Promise<R[K]> | R[K];
};

export interface RouterOptions<M extends { type: string }> {
  schema: AnyVariant;
  allowedSenders: { [K in M['type']]: readonly SenderRole[] };
  /** This extension's id: messages from any other extension are refused. */
  extensionId: string;
  /** Origin of our own pages, e.g. `chrome-extension://<id>/`. */
  extensionOrigin: string;
  onRejected?: (reason: string, message: unknown) => void;
}

/**
 * The message itself was refused (see `Reply.rejected`): thrown by handlers and the router on the
 * receiving side, and by the client (./client.ts) on the sending side when a reply says so.
 */
export class MessageRejected extends Error {
  override name = 'MessageRejected';
}

/** The in-page menu, an extension page that web pages can frame: it acts only with a grant. */
const MENU_PATH = '/highlight-menu.html';

/** Classifies a sender as one of our pages, the in-page menu or a content script, or refuses it. */
export function senderRole(
  sender: MessageSender,
  extensionId: string,
  extensionOrigin: string,
): SenderRole | null {
  if (sender.id !== extensionId) return null;
  if (sender.url?.startsWith(extensionOrigin)) {
    return new URL(sender.url).pathname === MENU_PATH ? 'menu' : 'extension';
  }
  if (sender.tab?.id !== undefined) return 'content';
  // The background page or another extension context without a tab (e.g. a test harness in the worker).
  if (sender.url === undefined) return 'extension';
  return null;
}

/**
 * Returns a listener for `runtime.onMessage`: it always answers with a promise of a Reply.
 */
export function createMessageRouter<M extends { type: string }, R extends { [K in M['type']]: unknown }>(
  handlers: Handlers<M, R>,
  options: RouterOptions<M>,
): (message: unknown, sender: MessageSender) => Promise<Reply<unknown>> {
  return async (message, sender) => {
    try {
      const role = senderRole(sender, options.extensionId, options.extensionOrigin);
      if (!role) throw new MessageRejected('sender is not part of this extension');
      const parsed = v.safeParse(options.schema, message);
      if (!parsed.success) {
        throw new MessageRejected(`malformed or unknown message: ${v.summarize(parsed.issues)}`);
      }
      const typed = parsed.output as M;
      const type = typed.type as M['type'];
      if (!options.allowedSenders[type].includes(role)) {
        throw new MessageRejected(`"${type}" may not be sent from a ${role} context`);
      }
      const context: HandlerContext = {
        role,
        tabId: sender.tab?.id,
        frameId: sender.frameId,
        documentId: sender.documentId,
        senderUrl: sender.url,
        incognito: sender.tab?.incognito === true,
      };
      const handler = handlers[type] as (m: M, c: HandlerContext) => unknown;
      return { ok: true, value: await handler(typed, context) };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (!(error instanceof MessageRejected)) return { ok: false, error: reason };
      options.onRejected?.(reason, message);
      return { ok: false, error: reason, rejected: true };
    }
  };
}
