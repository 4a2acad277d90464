/** What tests of the content script's app (ContentApp) in jsdom need. */
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ContentApp } from '@/page/content-app';

/** Starts ContentApps on the test's document; `abortAll` (in afterEach) ends their contexts. */
export function contentApps() {
  const contexts: ContentScriptContext[] = [];
  return {
    async start(): Promise<ContentApp> {
      const ctx = new ContentScriptContext('test');
      contexts.push(ctx);
      const app = new ContentApp(ctx, document);
      await app.start();
      return app;
    },
    abortAll(): void {
      for (const ctx of contexts.splice(0)) ctx.abort();
    },
  };
}

/**
 * jsdom has no CSS Custom Highlight API: the smallest stand-in the painter needs. Returns the registry
 * (`talk-notes-<colour>` to its ranges).
 */
export function installHighlightApi(): Map<string, Set<Range>> {
  const registry = new Map<string, Set<Range>>();
  Object.assign(window, { Highlight: class extends Set<Range> {} });
  Object.assign(window.CSS ?? Object.assign(window, { CSS: {} }).CSS, { highlights: registry });
  return registry;
}

/** The labels of the selection toolbar's buttons, as the reader sees them. */
export const toolbarButtons = () =>
  [...(document.querySelector('talk-notes-toolbar')?.shadowRoot?.querySelectorAll('button') ?? [])].map(
    (b) => b.textContent,
  );
