/**
 * Which sites the library holds pages of (#18), kept in memory by the background: a visit whose
 * declared permalinks found nothing asks it whether the page's site has any stored page at all, and
 * only then does the content script read the rest of the post's identity (JSON-LD, archive articles,
 * the fingerprint). Most visits are to sites never clipped, and cost one set lookup.
 *
 * Read once from the `url` index's keys (no rows), read again after any write to the pages table in
 * any context of the extension (Dexie's `storagemutated`, which Dexie also carries between contexts).
 * Nothing is stored: a page's site is derived from its URL (core/site.ts). Pages the reader linked to
 * a post of another site (a syndicated copy, storage/post-links.ts) make their site known too, so the
 * copy draws its post's highlights on later visits; the set is read again after settings change.
 */
import Dexie from 'dexie';
import { siteOf } from '@/core/site';
import type { TalkNotesDatabase } from './db';
import { linkedPages } from './post-links';

export interface SiteIndex {
  /** Whether the library holds a page of `url`'s site. */
  hasPagesOf(url: string): Promise<boolean>;
  /** Stops following the database's writes. */
  close(): void;
}

export function createSiteIndex(db: TalkNotesDatabase): SiteIndex {
  let sites: Promise<Set<string>> | undefined;
  // A read started before a write must not be kept after it: a write bumps the generation.
  let generation = 0;
  const watched = [`idb://${db.name}/pages/`, `idb://${db.name}/settings/`];
  const onMutated = (parts: Record<string, unknown>) => {
    if (Object.keys(parts).some((part) => part === 'all' || watched.some((w) => part.startsWith(w)))) {
      generation++;
      sites = undefined;
    }
  };
  Dexie.on('storagemutated', onMutated);

  function read(): Promise<Set<string>> {
    const started = generation;
    const reading = Promise.all([db.pages.orderBy('url').keys(), linkedPages(db)]).then(
      ([urls, linked]) =>
        new Set([...urls, ...linked].map((url) => siteOf(String(url))).filter((s): s is string => !!s)),
    );
    sites = reading;
    // A failed read is not kept: the next visit asks again.
    reading.catch(() => {
      if (sites === reading) sites = undefined;
    });
    void reading.then(() => {
      if (generation !== started && sites === reading) sites = undefined;
    });
    return reading;
  }

  return {
    async hasPagesOf(url) {
      const site = siteOf(url);
      return site !== null && (await (sites ?? read())).has(site);
    },
    close: () => Dexie.on.storagemutated.unsubscribe(onMutated),
  };
}
