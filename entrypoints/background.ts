import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { backgroundHandlers } from '@/messaging/background-handlers';
import { createContextMenus, onCommand, onContextMenuClicked } from '@/messaging/browser-actions';
import { askGrantingFrame, notifyHighlightsChanged } from '@/messaging/client';
import { acceptNoteDrafts, createNoteWriter, noteDraftSaver } from '@/messaging/note-drafts';
import { BACKGROUND_SENDERS, BackgroundRequestSchema } from '@/messaging/protocol';
import { createMessageRouter } from '@/messaging/router';
import { syncService } from '@/messaging/sync-service';
import { readAuthorName } from '@/messaging/sync-settings';
import { createCommands } from '@/storage/commands';
import { database, requestPersistentStorage } from '@/storage/db';

export default defineBackground(() => {
  const sync = syncService({
    db: database(),
    alarms: browser.alarms,
    hasAccess: (pattern) => browser.permissions.contains({ origins: [pattern] }),
    // Pages a pull changed: open tabs showing them redraw, as after an import.
    notifyHighlightsChanged: (urls) => void notifyHighlightsChanged(urls),
  });
  // Registered at the top level: an alarm wakes a stopped worker, which must hear it.
  browser.alarms.onAlarm.addListener((alarm) => void sync.onAlarm(alarm.name).catch(warn));
  void sync.recover().catch(warn);
  const route = createMessageRouter(
    backgroundHandlers({
      db: database(),
      version: browser.runtime.getManifest().version,
      notifyHighlightsChanged: (urls) => void notifyHighlightsChanged(urls),
      askGrantingFrame,
      sync,
      // Who makes the highlights clipped here: the sync panel's name, or this browser's (#16).
      authorName: () => readAuthorName(),
    }),
    {
      schema: BackgroundRequestSchema,
      allowedSenders: BACKGROUND_SENDERS,
      extensionId: browser.runtime.id,
      extensionOrigin: browser.runtime.getURL('/'),
      onRejected: (reason) => console.warn(`Talk Notes: message rejected: ${reason}`),
    },
  );
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  // Notes typed in the popup arrive keystroke by keystroke and are stored here, after the popup is gone too.
  const commands = createCommands({
    db: database(),
    notify: (urls) => void notifyHighlightsChanged(urls),
  });
  const notes = createNoteWriter(noteDraftSaver(commands), warn);
  browser.runtime.onConnect.addListener(
    (port) =>
      void acceptNoteDrafts(port, notes, {
        extensionId: browser.runtime.id,
        extensionOrigin: browser.runtime.getURL('/'),
        onRejected: (reason) => console.warn(`Talk Notes: note draft port refused: ${reason}`),
      }),
  );
  browser.runtime.onInstalled.addListener(() => {
    createContextMenus();
    void requestPersistentStorage();
  });
  browser.contextMenus.onClicked.addListener((info, tab) => void onContextMenuClicked(info, tab).catch(warn));
  browser.commands.onCommand.addListener((command, tab) => void onCommand(command, tab).catch(warn));
  // Test builds only (wxt.config.ts): handlers reachable from the browser tests, which cannot press a
  // command's keys or click the native context menu. Functions only, no state.
  if (import.meta.env.TALK_NOTES_TEST_HOOKS) {
    Object.assign(globalThis, { talkNotes: { onCommand, onContextMenuClicked } });
  }
});

function warn(error: unknown) {
  console.warn('Talk Notes:', error);
}
