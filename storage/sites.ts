/**
 * Which sites the library holds pages of (#18), kept in memory by the background: a visit whose
 * declared permalinks found nothing asks it whether the page's site has any stored page at all, and
 * only then does the content script read the rest of the post's identity (JSON-LD, archive articles,
 * the fingerprint). Most visits are to sites never clipped, and cost one set lookup.
 *
 * Read once from the `url` index's keys (no rows), read again after any write to the pages table in
 * any context of the extension (Dexie's `storagemutated`, which Dexie also carries between contexts).
 * Nothing is stored: a page's site is derived from its URL (core/site.ts).
 */
import Dexie from 'dexie';
import { siteOf } from '@/core/site';
import type { TalkNotesDatabase } from './db';

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
  const pagesPart = `idb://${db.name}/pages/`;
  const onMutated = (parts: Record<string, unknown>) => {
    if (Object.keys(parts).some((part) => part === 'all' || part.startsWith(pagesPart))) {
      generation++;
      sites = undefined;
    }
  };
  Dexie.on('storagemutated', onMutated);

  function read(): Promise<Set<string>> {
    const started = generation;
    const reading = db.pages
      .orderBy('url')
      .keys()
      .then((urls) => new Set(urls.map((url) => siteOf(String(url))).filter((s): s is string => !!s)));
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
