/**
 * What the library holds pages of (#18), kept in memory by the background: the sites, the page URLs
 * and the post fingerprints. A visit whose declared permalinks found nothing asks whether the page's
 * site has any stored page at all, and only then does the content script read the rest of the post's
 * identity (JSON-LD, archive articles, the fingerprint); the post lookup then asks IndexedDB only for
 * the keys the library holds (storage/posts.ts). Most visits are to sites never clipped, and cost one
 * set lookup.
 *
 * Read from the `url` and `fingerprint` indexes' keys (no rows), and read again
 * after any write to the pages table in any context of the extension: Dexie's `storagemutated`, which
 * every write through Dexie fires on commit (a saved clip, a backup or Web Annotation import, a sync
 * pass, a wipe, whatever its size) and which Dexie carries between the extension's contexts (the
 * dashboard imports in its own page). Nothing is stored: a page's site is derived from its URL
 * (core/site.ts). Pages the reader linked to a post of another site (a syndicated copy,
 * storage/post-links.ts) make their site known too, so the copy draws its post's highlights on later
 * visits; the sets are read again after settings change.
 */
import Dexie from 'dexie';
import { siteOf } from '@/core/site';
import { normalizeUrl } from '@/core/url';
import type { TalkNotesDatabase } from './db';
import { linkedPages } from './post-links';

/** The stored pages' keys, as read at one moment. */
export interface KnownPages {
  /** Whether a page is stored under `url` (normalized). */
  hasUrl(url: string): boolean;
  /** Whether a page with this post fingerprint is stored. */
  hasFingerprint(fingerprint: string): boolean;
}

export interface SiteIndex {
  /** Whether the library holds a page of `url`'s site. */
  hasPagesOf(url: string): Promise<boolean>;
  /** The stored pages' URLs and fingerprints (read once, then after each write to pages). */
  knownPages(): Promise<KnownPages>;
  /** The same when already read, without waiting; else undefined (and the read is started). */
  knownPagesIfRead(): KnownPages | undefined;
  /** Stops following the database's writes. */
  close(): void;
}

interface Snapshot extends KnownPages {
  sites: ReadonlySet<string>;
}

export function createSiteIndex(db: TalkNotesDatabase): SiteIndex {
  let snapshot: Promise<Snapshot> | undefined;
  /** The snapshot once read (until a write): answers without waiting. */
  let ready: Snapshot | undefined;
  // A read started before a write must not be kept after it: a write bumps the generation.
  let generation = 0;
  const watched = [`idb://${db.name}/pages/`, `idb://${db.name}/settings/`];
  const onMutated = (parts: Record<string, unknown>) => {
    if (Object.keys(parts).some((part) => part === 'all' || watched.some((w) => part.startsWith(w)))) {
      generation++;
      snapshot = undefined;
      ready = undefined;
    }
  };
  Dexie.on('storagemutated', onMutated);

  function read(): Promise<Snapshot> {
    const started = generation;
    // Two reads side by side, not one transaction around them: in Chromium an explicit transaction
    // made Dexie read the keys several times slower (135-330 ms against 17-50 ms for 2,000 pages). A
    // write between them bumps the generation, so the pair is not kept.
    const reading = Promise.all([
      db.pages.orderBy('url').keys(),
      db.pages.orderBy('fingerprint').keys(),
      linkedPages(db),
    ]).then(([urls, fingerprints, linked]) => snapshotOf(urls.map(String), fingerprints.map(String), linked));
    snapshot = reading;
    // A failed read is not kept: the next visit asks again.
    reading.catch(() => {
      if (snapshot === reading) snapshot = undefined;
    });
    void reading.then((read) => {
      if (generation !== started) {
        if (snapshot === reading) snapshot = undefined;
      } else if (snapshot === reading) ready = read;
    });
    return reading;
  }

  return {
    async hasPagesOf(url) {
      const site = siteOf(url);
      if (site === null) return false;
      if (ready) return ready.sites.has(site);
      // While the sets are read (the first visit after the background starts, or after a write), a
      // page of a host the library holds pages of is answered by one key of the url index, without
      // waiting for the whole read (44-68 ms at 2,000 pages on a loaded machine); a no waits for it:
      // another host of the site (an AMP view) may hold the post, and a no draws nothing meanwhile.
      const whole = snapshot ?? read();
      if (await holdsPageOfOrigin(db, url)) return true;
      return (await whole).sites.has(site);
    },
    knownPages: () => snapshot ?? read(),
    knownPagesIfRead: () => {
      if (!snapshot) void read().catch(() => undefined);
      return ready;
    },
    close: () => Dexie.on.storagemutated.unsubscribe(onMutated),
  };
}

/** Whether a page of `url`'s origin is stored: one key from the url index. */
async function holdsPageOfOrigin(db: TalkNotesDatabase, url: string): Promise<boolean> {
  const origin = originPart(normalizeUrl(url) ?? url);
  const keys = await db.pages.where('url').between(`${origin}/`, `${origin}/\uffff`).limit(1).primaryKeys();
  return keys.length > 0;
}

/**
 * The sets of one read. The site is worked out once per origin, not per URL: finding a registrable
 * domain (the public suffix list) cost 17-42 ms for 2,000 URLs, the origins' slices under 2 ms.
 */
function snapshotOf(urls: string[], fingerprints: string[], linked: string[]): Snapshot {
  const sites = new Set<string>();
  const seen = new Set<string>();
  for (const url of [...urls, ...linked]) {
    const origin = originPart(url);
    if (seen.has(origin)) continue;
    seen.add(origin);
    const site = siteOf(url);
    if (site) sites.add(site);
  }
  const urlSet = new Set(urls);
  const fingerprintSet = new Set(fingerprints);
  return {
    sites,
    hasUrl: (url) => urlSet.has(url),
    hasFingerprint: (fingerprint) => fingerprintSet.has(fingerprint),
  };
}

/** `scheme://host:port` of a stored (normalized) URL, by its text: every URL of one origin shares it. */
function originPart(url: string): string {
  const afterScheme = url.indexOf('//');
  const end = url.indexOf('/', afterScheme + 2);
  return end < 0 ? url : url.slice(0, end);
}
