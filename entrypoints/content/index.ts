import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import {
  CONTENT_SENDERS,
  type ContentRequest,
  type ContentResponses,
  ContentRequestSchema,
} from '@/messaging/protocol';
import { createMessageRouter } from '@/messaging/router';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const route = createMessageRouter<ContentRequest, ContentResponses>(
      { getContentStatus: () => ({ url: location.href, title: document.title }) },
      {
        schema: ContentRequestSchema,
        allowedSenders: CONTENT_SENDERS,
        extensionId: browser.runtime.id,
        extensionOrigin: browser.runtime.getURL('/'),
      },
    );
    const listener = (message: unknown, sender: Parameters<typeof route>[1]) => route(message, sender);
    browser.runtime.onMessage.addListener(listener);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
    // Visible to tools and tests in the page's main world, without touching the page's DOM.
    performance.mark('talk-notes:ready');
  },
});
