/**
 * Messages for one page go to every frame of a tab, since a page may be shown in a frame (its
 * highlights are drawn there). Only the frame showing that page answers: when several frames answer,
 * the browser hands the sender the first answer, and a frame that shows another page would answer
 * first with nothing.
 */
import { normalizeUrl } from '@/core/url';

/** Message types that name the page they are for; a frame showing another page stays silent. */
const PAGE_MESSAGES: ReadonlySet<string> = new Set([
  'scrollToHighlight',
  'detectTalksAgain',
  'getPagePreview',
]);
/** Message types about the tab as a whole: its top frame answers them (it lists the framed pages). */
const TAB_MESSAGES: ReadonlySet<string> = new Set(['getContentStatus']);

/**
 * Whether a content script showing the page `ownUrl` (normalized; null when it has none; or the pages
 * it shows, #18), in the top frame or not, should answer `message`; `holdsFocus` says whether this
 * frame is the one the reader is in (asked only for messages to the focused frame). Only the page or
 * frame a message is for is checked here; the router still validates the message and its sender.
 */
export function isAddressedTo(
  message: unknown,
  ownUrl: string | null | readonly (string | null)[],
  topFrame = true,
  holdsFocus: () => boolean = () => topFrame,
): boolean {
  if (typeof message !== 'object' || message === null) return true;
  const { type, url, focusedFrame } = message as { type?: unknown; url?: unknown; focusedFrame?: unknown };
  if (typeof type !== 'string') return true;
  if (TAB_MESSAGES.has(type)) return topFrame;
  if (type === 'highlightSelection' && focusedFrame === true) return holdsFocus();
  if (!PAGE_MESSAGES.has(type) || url === undefined) return true;
  // A page may show several posts' pages (#18: a moved post's old address, an archive's posts).
  const own = Array.isArray(ownUrl) ? ownUrl : [ownUrl];
  const wanted = typeof url === 'string' ? normalizeUrl(url) : null;
  return wanted !== null && own.includes(wanted);
}
