import { render } from 'preact';
import * as v from 'valibot';
import { HighlightMenu, type HighlightMenuApi } from '@/components/HighlightMenu';
import { sendToBackground } from '@/messaging/client';
import { MENU_FRAME_MESSAGES, MenuGrantMessageSchema } from '@/messaging/protocol';
import '@/components/theme.css';

// Shown in an iframe inside a web page, which can also frame this page itself: the address says nothing.
// The content script that opened the menu posts a grant for one highlight (core/menu-grant.ts); every
// request carries it, and the background asks that content script what it is worth. Until a grant
// works, nothing is shown and nothing can be done.
const grantedApi = (grant: string): HighlightMenuApi => ({
  get: () => sendToBackground({ type: 'getGrantedHighlight', grant }),
  update: (changes) => sendToBackground({ type: 'updateGrantedHighlight', grant, changes }),
  remove: () => sendToBackground({ type: 'deleteGrantedHighlight', grant }),
  restore: (highlight) =>
    sendToBackground({ type: 'restoreGrantedHighlight', grant, highlight }).then(() => undefined),
  tags: () => sendToBackground({ type: 'listTags' }),
  talk: () => sendToBackground({ type: 'getGrantedTalk', grant }),
  setTalkNote: (note) => sendToBackground({ type: 'setGrantedTalkNote', grant, note }),
});

let granted = false;
addEventListener('message', async (event) => {
  // The parent page can post here too (it shares the parent's window with the content script): a
  // forged or stale grant is refused by the background, and the next message is still heard.
  if (granted || event.source !== parent) return;
  const message = v.safeParse(MenuGrantMessageSchema, event.data);
  if (!message.success) return;
  const api = grantedApi(message.output.grant);
  try {
    await api.get();
  } catch {
    document.documentElement.dataset.grant = 'refused';
    return;
  }
  if (granted) return;
  granted = true;
  document.documentElement.dataset.grant = 'granted';
  render(
    <HighlightMenu
      api={api}
      focusNote={message.output.focus === 'note'}
      // The page's content script closes the frame on this message; it carries no data.
      onClose={() => parent.postMessage(MENU_FRAME_MESSAGES.close, '*')}
    />,
    document.getElementById('app')!,
  );
});
