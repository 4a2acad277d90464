/**
 * Migration harness: for every schema version, fill a database created with only the versions
 * up to it, then open it with the current code and check that every row is still there.
 * New versions add a row generator below when their rows change shape.
 */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { createDatabase, DATABASE_NAME } from '@/storage/db';
import { CURRENT_VERSION, SCHEMA_VERSIONS } from '@/storage/schema';

/** Rows as they were written at a given version. */
function rowsAtVersion(version: number): Record<string, Record<string, unknown>[]> {
  const now = 1_700_000_000_000 + version;
  return {
    pages: [
      {
        id: `p${version}`,
        url: `https://blog.example/v${version}`,
        title: 'Open Source Summit - Day 3',
        authors: ['A. Writer'],
        siteName: 'Blog',
        publishedAt: '2017-10-29T08:35:00Z',
        lang: 'en',
        canonicalUrl: null,
        excerpt: null,
        createdAt: now,
        updatedAt: now,
      },
    ],
    talks: [
      {
        id: `t${version}`,
        pageId: `p${version}`,
        title: 'Linus Torvalds Q&A',
        speakers: ['Linus Torvalds'],
        position: 10,
        detected: true,
        createdAt: now,
        updatedAt: now,
      },
    ],
    highlights: [
      {
        id: `h${version}`,
        pageId: `p${version}`,
        url: `https://blog.example/v${version}`,
        talkId: `t${version}`,
        text: 'He is a really big fan of random testing',
        markdown: 'He is a really big fan of random testing',
        selectors: [
          {
            type: 'TextQuoteSelector',
            exact: 'He is a really big fan of random testing',
            prefix: '',
            suffix: '',
          },
        ],
        color: 'yellow',
        note: 'fuzzing!',
        tags: ['testing', 'kernel'],
        position: 120,
        anchorStatus: 'placed',
        createdAt: now,
        updatedAt: now,
      },
    ],
    collections: [
      {
        id: `c${version}`,
        name: 'Kernel',
        description: '',
        highlightIds: [`h${version}`],
        createdAt: now,
        updatedAt: now,
      },
    ],
    settings: [{ key: `colorNames`, value: { yellow: 'key idea' } }],
    ...(version >= 3 ? conferenceRows(version, now) : {}),
  };
}

/** Version 3 added conferences and schedule talks; the page talk above links to one. */
function conferenceRows(version: number, now: number): Record<string, Record<string, unknown>[]> {
  return {
    conferences: [
      {
        id: `k${version}`,
        title: 'Open Source Summit Europe 2017',
        acronym: 'osseu17',
        start: '2017-10-23',
        end: '2017-10-26',
        timeZone: 'Europe/Prague',
        url: null,
        sourceUrl: 'https://schedule.example/osseu17/schedule.json',
        sourceFile: null,
        format: 'frab-json',
        importedAt: now,
        updatedAt: now,
        createdAt: now,
      },
    ],
  };
}

/** The indexes a Dexie stores string declares: every field after the primary key, without `&`/`*`. */
function declaredIndexes(spec: string): string[] {
  return spec
    .split(',')
    .slice(1)
    .map((field) => field.trim().replace(/^[&*]+/, ''))
    .sort();
}

describe.each(SCHEMA_VERSIONS.map((s) => s.version))('a database filled at version %i', (version) => {
  it(`opens at version ${CURRENT_VERSION} with every row intact`, async () => {
    const name = `${DATABASE_NAME}-migration-${version}`;
    const old = new Dexie(name);
    for (const schema of SCHEMA_VERSIONS.filter((s) => s.version <= version)) {
      const declared = old.version(schema.version).stores(schema.stores);
      if (schema.upgrade) declared.upgrade(schema.upgrade);
    }
    const rows = rowsAtVersion(version);
    await old.open();
    if (version >= 3) {
      rows.talks!.push({
        id: `s${version}`,
        pageId: null,
        title: 'Linus Torvalds in conversation with Dirk Hohndel',
        speakers: ['Linus Torvalds', 'Dirk Hohndel'],
        position: 0,
        detected: false,
        detectedTitle: null,
        conferenceId: `k${version}`,
        scheduleId: '6f0b5c7e-0a1d-4c1e-9d52-5f5d3b1f0c11',
        subtitle: null,
        start: '2017-10-25T09:00:00+02:00',
        end: '2017-10-25T09:45:00+02:00',
        timeZone: 'Europe/Prague',
        day: '2017-10-25',
        room: 'Congress Hall',
        track: 'Keynotes',
        type: 'keynote',
        abstract: null,
        url: null,
        links: [{ kind: 'recording', url: 'https://video.example/linus', title: 'Video' }],
        housekeeping: false,
        createdAt: rows.pages![0]!.createdAt,
        updatedAt: rows.pages![0]!.updatedAt,
      });
      Object.assign(rows.talks![0]!, { scheduleTalkId: `s${version}`, scheduleLink: 'matched' });
    }
    for (const [table, list] of Object.entries(rows)) await old.table(table).bulkAdd(list);
    old.close();

    const current = createDatabase(name);
    await current.open();
    expect(current.verno).toBe(CURRENT_VERSION);
    for (const [table, list] of Object.entries(rows)) {
      // Rows come back in primary-key order.
      const byId = (a: Record<string, unknown>, b: Record<string, unknown>) =>
        String(a.id ?? a.key).localeCompare(String(b.id ?? b.key));
      expect(await current.table(table).toArray()).toEqual([...list].sort(byId));
    }
    // The database itself has exactly the indexes the current version declares (dropped ones are gone).
    const latest = SCHEMA_VERSIONS.at(-1)!.stores;
    const tx = current.backendDB().transaction(Object.keys(latest), 'readonly');
    for (const [table, spec] of Object.entries(latest)) {
      expect([...tx.objectStore(table).indexNames].sort(), table).toEqual(declaredIndexes(spec));
    }
    // The indexes queries rely on, and those the library was designed with, answer queries.
    const now = rows.highlights![0]!.createdAt as number;
    expect(await current.highlights.where('tags').equals('kernel').count()).toBe(1);
    expect(await current.highlights.where('url').equals(`https://blog.example/v${version}`).count()).toBe(1);
    expect(await current.highlights.where('talkId').equals(`t${version}`).count()).toBe(1);
    expect(await current.highlights.where('createdAt').equals(now).count()).toBe(1);
    expect(await current.highlights.where('updatedAt').equals(now).count()).toBe(1);
    expect(await current.pages.where('url').equals(`https://blog.example/v${version}`).count()).toBe(1);
    expect(await current.talks.where('pageId').equals(`p${version}`).count()).toBe(1);
    expect(await current.collections.where('highlightIds').equals(`h${version}`).count()).toBe(1);
    if (version >= 3) {
      expect(await current.talks.where('conferenceId').equals(`k${version}`).count()).toBe(1);
      expect(await current.talks.where('scheduleTalkId').equals(`s${version}`).count()).toBe(1);
      expect(
        await current.conferences
          .where('sourceUrl')
          .equals(rows.conferences![0]!.sourceUrl as string)
          .count(),
      ).toBe(1);
    }
    // Version 5 (#18) indexes a page's post fingerprint: pages from before have none, new ones are found by it.
    expect(await current.pages.where('fingerprint').equals('0123456789abcdef').count()).toBe(0);
    await current.pages.update(`p${version}`, { fingerprint: '0123456789abcdef' });
    expect((await current.pages.where('fingerprint').equals('0123456789abcdef').first())?.id).toBe(
      `p${version}`,
    );
    await current.pages.update(`p${version}`, { fingerprint: undefined });
    // Version 4 (sync) only made the sync tables: nothing is stamped before the reader starts sync.
    expect(await current.sync.count()).toBe(0);
    expect(await current.syncMeta.count()).toBe(0);
    current.close();
    await Dexie.delete(name);
  });
});
