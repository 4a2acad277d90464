import { useEffect, useState } from 'preact/hooks';
import type { HighlightRecord } from '@/core/types';

export type PopupPage =
  | { kind: 'unreachable' }
  | { kind: 'page'; title: string; url: string; highlights: HighlightRecord[] };

interface Props {
  load: () => Promise<PopupPage>;
  dashboardUrl?: string;
}

/** The toolbar popup: the current page and its highlights. */
export function PopupApp({ load, dashboardUrl = 'dashboard.html' }: Props) {
  const [page, setPage] = useState<PopupPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    load().then(setPage, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [load]);

  return (
    <main class="popup">
      <header class="bar">
        <h1>Talk Notes</h1>
        <a href={dashboardUrl} target="_blank" rel="noreferrer">
          Open dashboard
        </a>
      </header>
      {error && <p role="alert">Could not load this page: {error}</p>}
      {!page && !error && <p aria-busy="true">Loading…</p>}
      {page?.kind === 'unreachable' && (
        <p>Talk Notes cannot work on this page (browser pages and the extension store are off limits).</p>
      )}
      {page?.kind === 'page' && (
        <section aria-label="Current page">
          <h2>{page.title}</h2>
          <p>
            {page.highlights.length === 0
              ? 'No highlights yet. Select text on the page, then click Highlight.'
              : `${page.highlights.length} highlight${page.highlights.length === 1 ? '' : 's'}`}
          </p>
        </section>
      )}
    </main>
  );
}
