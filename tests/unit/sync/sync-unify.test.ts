// @vitest-environment node
/**
 * The same page clipped on two (or three) devices before either synced (#16, docs/sync.md "Pages
 * clipped on two devices"): after passes, every device holds one page for the URL (the smallest
 * id), both devices' highlights on it, the detected talks of one title as one talk holding both
 * passages, the page's notes joined, and the other page deleted through sync. Real pass, stamping
 * and merge code; two fake-indexeddb databases as devices; pouchdb-server over HTTP.
 */
import { describe, expect, it } from 'vitest';
import { viewState } from '@/core/sync/merge';
import { syncOnce } from '@/storage/sync/pass';
import { clipOn } from '../clip-fixtures';
import { libraryOf, useSyncDevices } from './sync-devices';

const URL_A = 'https://a.example/writeup';

describe('pages clipped on two devices before either synced', () => {
  const { device, sync, settle, target } = useSyncDevices('sync-unify');

  it('ends with one page (the smaller id), both highlights under one talk, notes joined, on both devices', async () => {
    const laptop = await device();
    const desktop = await device();
    const a = await clipOn(laptop.db, URL_A, 'passage on the laptop', 60, 'Kernel live patching');
    const b = await clipOn(desktop.db, URL_A, 'passage on the desktop', 70, 'Kernel live patching');
    await laptop.commands.setRecordNote('page', a.highlight.pageId, 'laptop page note');
    await desktop.commands.setRecordNote('page', b.highlight.pageId, 'desktop page note');
    const pageIds = [a.highlight.pageId, b.highlight.pageId].sort();
    expect(pageIds[0]).not.toBe(pageIds[1]);

    await sync(laptop);
    await sync(desktop);
    await settle([laptop, desktop]);

    const [one, two] = await Promise.all([libraryOf(laptop), libraryOf(desktop)]);
    expect(two).toEqual(one);
    expect(one.pages.map((p) => p.id)).toEqual([pageIds[0]]);
    const page = one.pages[0]!;
    expect(page.note).toContain('laptop page note');
    expect(page.note).toContain('desktop page note');
    expect(one.highlights.map((h) => h.text).sort()).toEqual([
      'passage on the desktop',
      'passage on the laptop',
    ]);
    expect(new Set(one.highlights.map((h) => h.pageId))).toEqual(new Set([page.id]));
    // Both pages' detected talks of one title are one talk, holding both passages.
    const patching = one.talks.filter((t) => t.detectedTitle === 'Kernel live patching');
    expect(patching).toHaveLength(1);
    expect(new Set(one.highlights.map((h) => h.talkId))).toEqual(new Set([patching[0]!.id]));
    expect(one.talks.filter((t) => t.pageId !== page.id)).toEqual([]);
    expect(one.talks).toHaveLength(2);
    // The other page is deleted through sync: its state says so on both devices; nothing to choose.
    for (const d of [laptop, desktop]) {
      const row = await d.db.sync.get(`pages:${pageIds[1]}`);
      expect(viewState(row!.state).values).toBeNull();
      expect(await d.db.sync.where('conflicted').equals(1).count()).toBe(0);
    }
  });

  it("keeps a reader's rename and a manual talk of the other page, and moves their highlights", async () => {
    const laptop = await device();
    const desktop = await device();
    const a = await clipOn(laptop.db, URL_A, 'laptop passage', 60, 'Kernel live patching');
    const b = await clipOn(desktop.db, URL_A, 'desktop passage', 70, 'Kernel live patching');
    const c = await clipOn(desktop.db, URL_A, 'filed by hand', 90, null);
    await desktop.commands.renameTalk(b.highlight.talkId!, 'Live patching, renamed on the desktop');
    const manual = await desktop.commands.createTalk(b.highlight.pageId, 'My own talk');
    await desktop.commands.setTalk([c.highlight.id], manual.id);
    void a;

    await sync(laptop);
    await sync(desktop);
    await settle([laptop, desktop]);

    const [one, two] = await Promise.all([libraryOf(laptop), libraryOf(desktop)]);
    expect(two).toEqual(one);
    expect(one.pages).toHaveLength(1);
    const pageId = one.pages[0]!.id;
    const patching = one.talks.filter((t) => t.detectedTitle === 'Kernel live patching');
    expect(patching.map((t) => t.title)).toEqual(['Live patching, renamed on the desktop']);
    const own = one.talks.find((t) => t.title === 'My own talk');
    expect(own?.pageId).toBe(pageId);
    expect(one.highlights.find((h) => h.text === 'filed by hand')?.talkId).toBe(own!.id);
    for (const h of one.highlights) {
      expect(h.pageId).toBe(pageId);
      if (h.text !== 'filed by hand') expect(h.talkId).toBe(patching[0]!.id);
    }
  });

  it('a device that unified the pages maps a record arriving later for the page it deleted to the kept one', async () => {
    const first = await device();
    const second = await device();
    const tablet = await device();
    const a = await clipOn(first.db, URL_A, 'first passage', 60, 'Kernel live patching');
    const b = await clipOn(second.db, URL_A, 'second passage', 70, 'Kernel live patching');
    // The device whose page loses (the larger id) sends it; the other unifies while the loser's
    // next pass is out, so the loser sends a passage clipped on its page before it learns.
    const [winner, loser] = a.highlight.pageId < b.highlight.pageId ? [first, second] : [second, first];
    const keptId = (await winner.db.pages.toArray())[0]!.id;
    const lostId = (await loser.db.pages.toArray())[0]!.id;
    await sync(loser);
    await sync(tablet);
    const late = await clipOn(loser.db, URL_A, 'a later passage', 80, 'Kernel live patching');
    expect(late.highlight.pageId).toBe(lostId);
    let unified = false;
    const report = await syncOnce(loser.db, target(), {
      fetch: async (input, init) => {
        if (!unified && String(input).includes('_bulk_docs')) {
          unified = true;
          await sync(winner);
        }
        return fetch(input, init);
      },
    });
    expect(report.error).toBeUndefined();
    expect(unified).toBe(true);
    expect((await loser.db.highlights.get(late.highlight.id))?.pageId).toBe(lostId);
    // The passage arrives pointing at a page the winner deleted: it lands on the kept page.
    await sync(winner);
    expect((await winner.db.highlights.get(late.highlight.id))?.pageId).toBe(keptId);
    await settle([winner, tablet, loser]);

    const libraries = await Promise.all([winner, loser, tablet].map(libraryOf));
    expect(libraries[1]).toEqual(libraries[0]);
    expect(libraries[2]).toEqual(libraries[0]);
    const [library] = libraries;
    expect(library!.pages.map((p) => p.id)).toEqual([keptId]);
    expect(library!.highlights).toHaveLength(3);
    const talks = library!.talks.filter((t) => t.detectedTitle === 'Kernel live patching');
    expect(talks).toHaveLength(1);
    for (const h of library!.highlights) {
      expect(h.pageId).toBe(keptId);
      expect(h.talkId).toBe(talks[0]!.id);
    }
    for (const t of library!.talks) expect(t.pageId).toBe(keptId);
  });
});
