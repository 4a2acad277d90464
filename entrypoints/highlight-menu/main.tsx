import { render } from 'preact';
import { HighlightMenu } from '@/components/HighlightMenu';
import { sendToBackground } from '@/messaging/client';
import '@/components/theme.css';

// Shown in an iframe inside a web page: everything goes through the background, which checks
// the sender and tells the page to redraw.
const params = new URLSearchParams(location.search);
render(
  <HighlightMenu
    id={params.get('id') ?? ''}
    focusNote={params.get('focus') === 'note'}
    api={{
      get: (id) => sendToBackground({ type: 'getHighlight', id }),
      update: (id, changes) => sendToBackground({ type: 'updateHighlight', id, changes }),
      remove: (id) => sendToBackground({ type: 'deleteHighlight', id }),
      restore: (highlight) => sendToBackground({ type: 'restoreHighlight', highlight }).then(() => undefined),
      tags: () => sendToBackground({ type: 'listTags' }),
    }}
    // The page's content script closes the frame on this message; it carries no data.
    onClose={() => window.parent.postMessage('talk-notes:close-menu', '*')}
  />,
  document.getElementById('app')!,
);
