import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { backgroundHandlers } from '@/messaging/background-handlers';
import { BACKGROUND_SENDERS, BackgroundRequestSchema } from '@/messaging/protocol';
import { createMessageRouter } from '@/messaging/router';
import { database, requestPersistentStorage } from '@/storage/db';

export default defineBackground(() => {
  const route = createMessageRouter(backgroundHandlers(database(), browser.runtime.getManifest().version), {
    schema: BackgroundRequestSchema,
    allowedSenders: BACKGROUND_SENDERS,
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    onRejected: (reason) => console.warn(`Talk Notes: message rejected: ${reason}`),
  });
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  browser.runtime.onInstalled.addListener(() => void requestPersistentStorage());
});
