/**
 * What the background service worker does for each message. No state is kept between
 * messages (MV3 stops the worker when idle): everything lives in the database.
 */
import { normalizeUrl } from '@/core/url';
import type { TalkNotesDatabase } from '@/storage/db';
import { highlightsForUrl } from '@/storage/highlights';
import type { BackgroundRequest, BackgroundResponses } from './protocol';
import { type Handlers, MessageRejected } from './router';

export function backgroundHandlers(
  db: TalkNotesDatabase,
  version: string,
): Handlers<BackgroundRequest, BackgroundResponses> {
  return {
    ping: () => ({ version }),
    getPageHighlights: async ({ url }, context) => {
      const key = normalizeUrl(url);
      if (!key) throw new MessageRejected('not an http(s) URL');
      // A content script may read only the highlights of the page it runs in.
      if (context.role === 'content' && normalizeUrl(context.senderUrl ?? '') !== key) {
        throw new MessageRejected('a content script may only ask for its own page');
      }
      return highlightsForUrl(db, key);
    },
  };
}
