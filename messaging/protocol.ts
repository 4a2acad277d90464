/**
 * The one message protocol between the content script, the background and the extension pages.
 * Every message is validated on receipt against these schemas; anything else is rejected.
 */
import * as v from 'valibot';
import { HttpUrlSchema } from '@/core/schemas';
import type { HighlightRecord } from '@/core/types';

/** Who may send a message: a content script in a web page, or one of our extension pages. */
export type SenderRole = 'content' | 'extension';

/** Messages handled by the background service worker. */
export const BackgroundRequestSchema = v.variant('type', [
  v.object({ type: v.literal('ping') }),
  /** Highlights stored for a page; a content script may ask only for the page it runs in. */
  v.object({ type: v.literal('getPageHighlights'), url: HttpUrlSchema }),
]);
export type BackgroundRequest = v.InferOutput<typeof BackgroundRequestSchema>;

export interface BackgroundResponses {
  ping: { version: string };
  getPageHighlights: HighlightRecord[];
}

/** Which senders each background message accepts. */
export const BACKGROUND_SENDERS: { [K in BackgroundRequest['type']]: readonly SenderRole[] } = {
  ping: ['content', 'extension'],
  getPageHighlights: ['content', 'extension'],
};

/** Messages handled by the content script of a tab (sent by the background or extension pages). */
export const ContentRequestSchema = v.variant('type', [v.object({ type: v.literal('getContentStatus') })]);
export type ContentRequest = v.InferOutput<typeof ContentRequestSchema>;

export interface ContentResponses {
  getContentStatus: { url: string; title: string };
}

export const CONTENT_SENDERS: { [K in ContentRequest['type']]: readonly SenderRole[] } = {
  getContentStatus: ['extension'],
};

/** Every reply travels in this envelope so errors survive the trip across contexts. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
