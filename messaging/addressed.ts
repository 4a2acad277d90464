/**
 * Messages for one page go to every frame of a tab, since a page may be shown in a frame (its
 * highlights are drawn there). Only the frame showing that page answers: when several frames answer,
 * the browser hands the sender the first answer, and a frame that shows another page would answer
 * first with nothing.
 */
import { normalizeUrl } from '@/core/url';

/** Message types that name the page they are for; a frame showing another page stays silent. */
const PAGE_MESSAGES: ReadonlySet<string> = new Set(['scrollToHighlight', 'detectTalksAgain']);

/**
 * Whether a content script showing the page `ownUrl` (normalized; null when it has none) should
 * answer `message`. Only the page a message names is checked here; the router still validates the
 * message and its sender.
 */
export function isAddressedTo(message: unknown, ownUrl: string | null): boolean {
  if (typeof message !== 'object' || message === null) return true;
  const { type, url } = message as { type?: unknown; url?: unknown };
  if (typeof type !== 'string' || !PAGE_MESSAGES.has(type) || url === undefined) return true;
  return typeof url === 'string' && ownUrl !== null && normalizeUrl(url) === ownUrl;
}
