/**
 * Nothing is lost when a page or talk is deleted on one device while another files a passage under
 * it (docs/sync.md, "Deleted on one device while another clipped on it"): a page or talk deleted
 * here (its sync state says so) that a live highlight, or a live talk, still points at is brought
 * back, as it was before its deletion. The reader deleted it; another device, which had not seen
 * the deletion, clipped something new on it: the new passage is kept, and the place it was filed
 * under with it, "kept after a deletion" (the dashboard's notice says so).
 *
 * Runs in the pull's transaction after unification (which first moves records to a page holding
 * the same URL, or a talk of the same detected title), with stamping on: putting the record again
 * is stamped as a recreation (`stampRecreated`), new versions above every deletion, so it comes back
 * on every device. Only a device other than the deleting one brings it back: its versions then
 * differ in device from the deletion, which is what makes the "kept after a deletion" notice show
 * (a device bringing back what it deleted itself looks like an undo, which says nothing). The
 * deleting device keeps the passage as it arrived meanwhile and receives the page with the next pass.
 * Every device doing it writes the same values (the record's last ones): no conflict.
 */
import { toLocalRecord } from '@/core/sync/documents';
import { type RecordState, isDeleted } from '@/core/sync/merge';
import type { PageRecord, TalkRecord } from '@/core/types';
import type { TalkNotesDatabase } from '../db';
import { DEVICE_ID_KEY } from './state';

/** A deleted record's last values, or null when the state is not deleted (or never held values). */
function lastRecord<T extends 'pages' | 'talks'>(table: T, key: string, state: RecordState | undefined) {
  if (!state || !isDeleted(state)) return null;
  return toLocalRecord(table, key, { ...state, deletions: [] });
}

/** True when a device other than `me` deleted it: this device may bring it back (see above). */
const deletedElsewhere = (state: RecordState, me: unknown) => state.deletions.some((d) => d.by !== me);

/**
 * Brings back the talks of `talkIds` and the pages of `pageIds` that are deleted here while a live
 * record points at them (call in a read-write transaction over the library and sync tables, with
 * stamping on). Returns the ids of the pages that received talks (brought back, or moved to the page
 * holding their URL now), where two detected talks of one title may now meet, and the URLs changed.
 */
export async function bringBackReferenced(
  db: TalkNotesDatabase,
  talkIds: ReadonlySet<string>,
  pageIds: ReadonlySet<string>,
): Promise<{ talkPages: Set<string>; urls: Set<string> }> {
  const talkPages = new Set<string>();
  const changed = new Set<string>();
  if (talkIds.size === 0 && pageIds.size === 0) return { talkPages, urls: changed };
  const me = (await db.syncMeta.get(DEVICE_ID_KEY))?.value;
  const pagesToCheck = new Set(pageIds);
  const talks = [...talkIds];
  const present = await db.talks.bulkGet(talks);
  const missing = talks.filter((_, i) => !present[i]);
  const talkRows = await db.sync.bulkGet(missing.map((id) => `talks:${id}`));
  for (const [i, id] of missing.entries()) {
    const state = talkRows[i]?.state;
    const talk = lastRecord('talks', id, state) as TalkRecord | null;
    if (!talk || !deletedElsewhere(state!, me)) continue;
    if ((await db.highlights.where('talkId').equals(id).count()) === 0) continue;
    await db.talks.put(talk);
    if (talk.pageId !== null) {
      pagesToCheck.add(talk.pageId);
      talkPages.add(talk.pageId);
    }
  }
  const pages = [...pagesToCheck];
  const held = await db.pages.bulkGet(pages);
  const gone = pages.filter((_, i) => !held[i]);
  const pageRows = await db.sync.bulkGet(gone.map((id) => `pages:${id}`));
  for (const [i, id] of gone.entries()) {
    const state = pageRows[i]?.state;
    const page = lastRecord('pages', id, state) as PageRecord | null;
    if (!page) continue;
    const highlights = (await db.highlights.where('url').equals(page.url).toArray()).filter(
      (h) => h.pageId === id,
    );
    const talksOn = await db.talks.where('pageId').equals(id).toArray();
    if (highlights.length === 0 && talksOn.length === 0) continue;
    const holder = await db.pages.where('url').equals(page.url).first();
    if (holder) {
      // The URL was clipped again meanwhile (a new page): what pointed at the old one joins it.
      if (talksOn.length) await db.talks.bulkPut(talksOn.map((t) => ({ ...t, pageId: holder.id })));
      talkPages.delete(id);
      talkPages.add(holder.id);
      if (highlights.length)
        await db.highlights.bulkPut(highlights.map((h) => ({ ...h, pageId: holder.id })));
    } else if (deletedElsewhere(state!, me)) {
      await db.pages.put(page);
    } else continue;
    changed.add(page.url);
  }
  // A talk brought back onto a page held all along: that page's passages are drawn under it again.
  for (const page of await db.pages.bulkGet([...talkPages])) if (page) changed.add(page.url);
  return { talkPages, urls: changed };
}
