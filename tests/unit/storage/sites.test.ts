import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackup } from '@/core/backup';
import { toSyncedValues } from '@/core/sync/documents';
import { stampRecord } from '@/core/sync/edits';
import type { PageRecord } from '@/core/types';
import { importBackup } from '@/storage/backup';
import { saveClip } from '@/storage/clips';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import { createSiteIndex, type SiteIndex } from '@/storage/sites';
import { applyIncoming } from '@/storage/sync/apply';
import { deleteAllData } from '@/storage/wipe';
import { page as pageRecord } from '../core/backup-fixtures';
import { noMetadata, quotedPassage } from '../clip-fixtures';

const POST = 'https://blog.example.org/posts/scaling';
const FP = '0123456789abcdef';
const post = (): PageRecord => pageRecord('p1', { url: POST, fingerprint: FP });

/** Every way the library's pages are written: each must leave the index true (#18). */
const WRITES: [string, (db: TalkNotesDatabase) => Promise<unknown>][] = [
  [
    'a saved clip',
    (db) =>
      saveClip(db, {
        page: { url: POST, title: 'Scaling', ...noMetadata(), fingerprint: FP },
        talks: [],
        highlight: quotedPassage('a billion rows', 10, null),
      }),
  ],
  [
    'a backup import (one transaction over six tables)',
    (db) =>
      importBackup(
        db,
        createBackup(
          { pages: [post()], conferences: [], talks: [], highlights: [], collections: [], settings: [] },
          Date.now(),
        ),
      ),
  ],
  [
    'a sync pass (merged states written with stamping skipped)',
    (db) =>
      applyIncoming(db, [
        {
          id: 'pages:p1',
          table: 'pages',
          key: 'p1',
          state: stampRecord(undefined, toSyncedValues('pages', post()), 'other-device', Date.now()),
          rev: '1-a',
        },
      ]),
  ],
  [
    'a bulk write of 60 pages (Dexie records no keys past 50)',
    (db) =>
      db.pages.bulkAdd([
        post(),
        ...Array.from({ length: 59 }, (_, i) => pageRecord(`q${i}`, { url: `https://other.example/${i}` })),
      ]),
  ],
  [
    'another context’s connection (the dashboard imports in its own page)',
    async (db) => {
      const other = createDatabase(db.name);
      await other.pages.add(post());
      other.close();
    },
  ],
];

describe('createSiteIndex (#18)', () => {
  let db: TalkNotesDatabase;
  let index: SiteIndex;
  beforeEach(() => {
    db = createDatabase(`sites-${crypto.randomUUID()}`);
    index = createSiteIndex(db);
  });
  afterEach(async () => {
    index.close();
    await db.delete();
  });

  it.each(WRITES)('follows %s', async (_, write) => {
    expect(await index.hasPagesOf('https://www.example.org/')).toBe(false);
    expect((await index.knownPages()).hasUrl(POST)).toBe(false);
    await write(db);
    // Another host of the same site counts; the URL and the fingerprint are known to the lookup.
    expect(await index.hasPagesOf('https://www.example.org/')).toBe(true);
    const known = await index.knownPages();
    expect(known.hasUrl(POST)).toBe(true);
    expect(known.hasFingerprint(FP)).toBe(true);
    expect(known.hasUrl('https://blog.example.org/posts/other')).toBe(false);
  });

  it('forgets what deleting all data removed', async () => {
    await db.pages.add(post());
    expect(await index.hasPagesOf(POST)).toBe(true);
    await deleteAllData(db);
    expect(await index.hasPagesOf(POST)).toBe(false);
    expect((await index.knownPages()).hasFingerprint(FP)).toBe(false);
  });

  it('keeps sites apart: schemes, private suffixes, unknown sites', async () => {
    await db.pages.bulkAdd([
      pageRecord('a', { url: 'https://alice.github.io/post' }),
      pageRecord('b', { url: 'http://insecure.example.net/post' }),
    ]);
    expect(await index.hasPagesOf('https://alice.github.io/other')).toBe(true);
    expect(await index.hasPagesOf('https://bob.github.io/post')).toBe(false);
    expect(await index.hasPagesOf('https://insecure.example.net/post')).toBe(false);
    expect(await index.hasPagesOf('http://www.insecure.example.net/')).toBe(true);
  });
});

describe('createSiteIndex while it reads (#18: the first visit after the background starts)', () => {
  let db: TalkNotesDatabase;
  beforeEach(async () => {
    db = createDatabase(`sites-cold-${crypto.randomUUID()}`);
    await db.pages.add(post());
  });
  afterEach(() => db.delete());

  it('answers a page of a host it holds pages of without waiting for the whole read', async () => {
    const index = createSiteIndex(db);
    // The whole read is held back (as on a large library): the host's own key answers meanwhile.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const keys = db.pages.orderBy('url').keys.bind(db.pages.orderBy('url'));
    const orderBy = db.pages.orderBy.bind(db.pages);
    db.pages.orderBy = ((index: string) => {
      const collection = orderBy(index);
      if (index === 'url') {
        collection.keys = (async () => {
          await held;
          return keys();
        }) as typeof collection.keys;
      }
      return collection;
    }) as typeof db.pages.orderBy;
    expect(await index.hasPagesOf('https://blog.example.org/posts/other')).toBe(true);
    expect(index.knownPagesIfRead()).toBeUndefined();
    // Another host of the site waits for the whole read, which then answers.
    const otherHost = index.hasPagesOf('https://www.example.org/');
    release();
    expect(await otherHost).toBe(true);
    expect(index.knownPagesIfRead()?.hasUrl(POST)).toBe(true);
    index.close();
  });
});
