// @vitest-environment node
/**
 * Nothing is lost when a page or talk is deleted on one device while another, not yet synced,
 * files a new passage under it (#16, docs/sync.md "Deleted on one device while another clipped on
 * it"): the page or talk is brought back on every device, kept after a deletion (the dashboard says
 * so), the new passage under it. Real clip, commands, stamping, pass and merge code; fake-indexeddb
 * databases as devices; pouchdb-server over HTTP.
 */
import { describe, expect, it } from 'vitest';
import { keptAfterOtherDeviceDeletion } from '@/core/sync/conflict-choices';
import type { TalkNotesDatabase } from '@/storage/db';
import { clipOn } from '../clip-fixtures';
import { type Device, libraryOf, useSyncDevices } from './sync-devices';

const URL_A = 'https://a.example/writeup';

/** Deletes a page with its talks and highlights in one transaction, as a reader's delete would. */
async function deletePage(db: TalkNotesDatabase, pageId: string) {
  await db.transaction('rw', db.pages, db.talks, db.highlights, async () => {
    const page = (await db.pages.get(pageId))!;
    await db.highlights.where('url').equals(page.url).delete();
    await db.talks.where('pageId').equals(pageId).delete();
    await db.pages.delete(pageId);
  });
}

describe('a page or talk deleted on one device while another filed a passage under it', () => {
  const { device, settle } = useSyncDevices('sync-back');
  const keptNotice = async (d: Device, key: string) => {
    const row = await d.db.sync.get(key);
    return row ? keptAfterOtherDeviceDeletion(row.state) : false;
  };

  it.each([
    ['the deleting device syncs first', false],
    ['the clipping device syncs first', true],
  ])(
    'a talk merged away on one device comes back with the passage filed under it elsewhere (%s)',
    async (_, clipperFirst) => {
      const laptop = await device();
      const desktop = await device();
      const first = await clipOn(laptop.db, URL_A, 'first passage', 60, 'Kernel live patching');
      await settle([laptop, desktop]);
      const talkId = first.highlight.talkId!;
      const other = (await laptop.db.talks.where('pageId').equals(first.highlight.pageId).toArray()).find(
        (t) => t.id !== talkId,
      )!;
      // The laptop merges the talk into the other; the desktop, not yet synced, files a passage under it.
      await laptop.commands.mergeTalks(other.id, [talkId]);
      const clipped = await clipOn(desktop.db, URL_A, 'new passage', 80, 'Kernel live patching');
      expect(clipped.highlight.talkId).toBe(talkId);
      await settle(clipperFirst ? [desktop, laptop] : [laptop, desktop]);

      const [onLaptop, onDesktop] = [await libraryOf(laptop), await libraryOf(desktop)];
      expect(onDesktop).toEqual(onLaptop);
      expect(onLaptop.talks.map((t) => t.id)).toContain(talkId);
      expect(onLaptop.highlights.find((h) => h.id === clipped.highlight.id)?.talkId).toBe(talkId);
      // The passage merged before stays where the merge put it.
      expect(onLaptop.highlights.find((h) => h.id === first.highlight.id)?.talkId).toBe(other.id);
      for (const d of [laptop, desktop]) expect(await keptNotice(d, `talks:${talkId}`)).toBe(true);
    },
  );

  it.each([
    ['the deleting device syncs first', false],
    ['the clipping device syncs first', true],
  ])(
    'a page deleted with its talks on one device comes back with a passage clipped on it elsewhere (%s)',
    async (_, clipperFirst) => {
      const laptop = await device();
      const desktop = await device();
      const third = await device();
      const first = await clipOn(laptop.db, URL_A, 'first passage', 60, 'Kernel live patching');
      await settle([laptop, desktop, third]);
      const { pageId, talkId } = first.highlight;
      await deletePage(laptop.db, pageId);
      const clipped = await clipOn(desktop.db, URL_A, 'new passage', 80, 'Kernel live patching');
      expect(clipped.highlight.pageId).toBe(pageId);
      await settle(clipperFirst ? [desktop, laptop, third] : [laptop, third, desktop]);

      const libraries = await Promise.all([laptop, desktop, third].map(libraryOf));
      for (const library of libraries.slice(1)) expect(library).toEqual(libraries[0]);
      const [library] = libraries;
      expect(library!.pages.map((p) => p.id)).toEqual([pageId]);
      expect(library!.talks.map((t) => t.id)).toContain(talkId);
      // The new passage is kept under its page and talk; the one the laptop deleted stays deleted.
      expect(library!.highlights.map((h) => [h.id, h.pageId, h.talkId])).toEqual([
        [clipped.highlight.id, pageId, talkId],
      ]);
      for (const d of [laptop, desktop, third]) {
        expect(await keptNotice(d, `pages:${pageId}`)).toBe(true);
        expect(await keptNotice(d, `talks:${talkId}`)).toBe(true);
      }
    },
  );
});
