/**
 * Functions that run inside a browser page (passed to `page.evaluate` by the Chromium and the
 * Firefox harnesses alike): self-contained, no imports, no closures.
 */

/** What the page's `CSS.highlights` registry holds under our `talk-notes-*` names: text per colour. */
export function drawnHighlightsInPage(): Record<string, string[]> {
  const drawn: Record<string, string[]> = {};
  CSS.highlights.forEach((highlight, name) => {
    if (!name.startsWith('talk-notes')) return;
    drawn[name] = [...highlight].map((r) => String(r)).sort();
  });
  return drawn;
}

/** The `talk-notes` database's pages, talks and highlights, read with raw IndexedDB (no app code). */
export async function readLibraryInPage(): Promise<Record<'pages' | 'talks' | 'highlights', unknown[]>> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('talk-notes');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const all = (store: string) =>
    new Promise<unknown[]>((resolve, reject) => {
      const request = db.transaction(store).objectStore(store).getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  const library = {
    pages: await all('pages'),
    talks: await all('talks'),
    highlights: await all('highlights'),
  };
  db.close();
  return library;
}
