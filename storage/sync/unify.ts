/**
 * Unifying pages on pull (docs/sync.md, "Pages clipped on two devices"): a page that arrives with
 * a URL this device holds under another id, and records that arrive pointing at a page this device
 * unified away, end on the page with the smallest id (core/sync/unify.ts). Runs inside the pull's
 * transaction, after the batch is written, with stamping on: every change here is an ordinary
 * local edit (the kept page's fields, `pageId`/`talkId` of the records moved, the tombstones of
 * the page and talks gone), so it is sent like the reader's edits and a device that never saw the
 * other page agrees. Each device that meets both pages makes the same edits (same values: no
 * conflict), and one that meets them later finds the work done.
 */
import { type RecordState, isDeleted } from '@/core/sync/merge';
import { detectedTalkKey, pageWinner, unitePages, uniteTalks, withEveryNote } from '@/core/sync/unify';
import type { CollectionRecord, PageRecord, TalkRecord } from '@/core/types';
import type { TalkNotesDatabase } from '../db';
import { bringBackReferenced } from './bring-back';

/** What a pull batch leaves for unification. */
export interface UnifyWork {
  /** Pages of the batch not written: their URL is held here by another id. */
  held: PageRecord[];
  /** Page ids records of the batch point at that no page here has, and pages the batch deleted. */
  dangling: Set<string>;
  /** Pages talks of the batch were written onto: two detected talks of one title may meet there. */
  talkPages: Set<string>;
  /** Talk ids highlights of the batch are filed under, and talks the batch deleted. */
  talks: Set<string>;
}

export const emptyUnifyWork = (): UnifyWork => ({
  held: [],
  dangling: new Set(),
  talkPages: new Set(),
  talks: new Set(),
});

/** The last URL a page's sync state knew, deleted or not (a page unified away keeps its URL there). */
function lastUrl(state: RecordState | undefined): string | undefined {
  const value = state?.fields.url?.[0]?.value;
  return typeof value === 'string' ? value : undefined;
}

/**
 * Applies `work` (call it in a read-write transaction over the library and sync tables, with
 * stamping on). Returns the URLs whose pages or highlights changed, for open tabs to redraw.
 */
export async function unifyPages(db: TalkNotesDatabase, work: UnifyWork): Promise<string[]> {
  const changedUrls = new Set<string>();
  /** Per URL: the pages held aside and the ids of pages gone whose records are to move. */
  const byUrl = new Map<string, { held: PageRecord[]; gone: Set<string> }>();
  const entry = (url: string) => {
    const found = byUrl.get(url) ?? { held: [], gone: new Set<string>() };
    byUrl.set(url, found);
    return found;
  };
  for (const page of work.held) entry(page.url).held.push(page);
  if (work.dangling.size) {
    // A page this device unified away (or that was deleted) keeps its last URL in its sync state.
    const ids = [...work.dangling];
    const rows = await db.sync.bulkGet(ids.map((id) => `pages:${id}`));
    rows.forEach((row, i) => {
      const url = lastUrl(row?.state);
      if (row && url !== undefined && isDeleted(row.state)) entry(url).gone.add(ids[i]!);
    });
  }
  const talkPages = new Set(work.talkPages);
  for (const [url, { held, gone }] of byUrl) {
    const local = await db.pages.where('url').equals(url).first();
    const live = [...(local ? [local] : []), ...held.filter((page) => page.id !== local?.id)];
    const winnerId = pageWinner(live.map((page) => page.id));
    if (winnerId === undefined) continue; // no page for this URL here yet: the records wait for it
    const winner = live.find((page) => page.id === winnerId)!;
    const losers = live.filter((page) => page.id !== winnerId).sort((a, b) => (a.id < b.id ? -1 : 1));
    // Their notes in conflict too: the tombstone covers every version of a page unified away.
    const loserRows = await db.sync.bulkGet(losers.map((page) => `pages:${page.id}`));
    const unitedLosers = losers.map((page, i) => withEveryNote(page, loserRows[i]?.state));
    // Deletions first: the kept page may take the URL only once the other has let it go.
    for (const loser of losers) {
      await db.pages.delete(loser.id);
      gone.add(loser.id);
    }
    await db.pages.put(unitedLosers.reduce(unitePages, winner));
    gone.delete(winnerId);
    if (gone.size) {
      const from = [...gone];
      const talks = await db.talks.where('pageId').anyOf(from).toArray();
      if (talks.length) await db.talks.bulkPut(talks.map((talk) => ({ ...talk, pageId: winnerId })));
      // Highlights are indexed by their page's URL, not its id: the pages moved from all held it.
      const highlights = (await db.highlights.where('url').equals(url).toArray()).filter((h) =>
        gone.has(h.pageId),
      );
      if (highlights.length)
        await db.highlights.bulkPut(highlights.map((highlight) => ({ ...highlight, pageId: winnerId })));
    }
    talkPages.add(winnerId);
    changedUrls.add(url);
  }
  for (const url of await uniteDetectedTalks(db, talkPages)) changedUrls.add(url);
  for (const url of await refileUnderUnitedTalks(db, work.talks)) changedUrls.add(url);
  // What is still deleted here while records point at it was deleted on a device that had not
  // seen them: brought back (bring-back.ts), then united with a talk of its title if one was made since.
  const back = await bringBackReferenced(db, work.talks, work.dangling);
  for (const url of back.urls) changedUrls.add(url);
  for (const url of await uniteDetectedTalks(db, back.talkPages)) changedUrls.add(url);
  return [...changedUrls];
}

/**
 * Highlights filed under a detected talk that is gone here (united into another on some device,
 * maybe before this one ever saw it) go to the talk of the same detected title on their page.
 */
async function refileUnderUnitedTalks(
  db: TalkNotesDatabase,
  talkIds: ReadonlySet<string>,
): Promise<string[]> {
  if (talkIds.size === 0) return [];
  const ids = [...talkIds];
  const present = await db.talks.bulkGet(ids);
  const missing = ids.filter((_, i) => !present[i]);
  if (missing.length === 0) return [];
  const rows = await db.sync.bulkGet(missing.map((id) => `talks:${id}`));
  const titles = new Map<string, string>();
  rows.forEach((row, i) => {
    if (!row || !isDeleted(row.state)) return;
    const detected = row.state.fields.detected?.[0]?.value;
    const title = row.state.fields.detectedTitle?.[0]?.value;
    if (detected === true && typeof title === 'string' && title) titles.set(missing[i]!, title);
  });
  if (titles.size === 0) return [];
  const changed = new Set<string>();
  const pageTalks = new Map<string, TalkRecord[]>();
  for (const highlight of await db.highlights
    .where('talkId')
    .anyOf([...titles.keys()])
    .toArray()) {
    let talks = pageTalks.get(highlight.pageId);
    if (!talks) {
      talks = await db.talks.where('pageId').equals(highlight.pageId).toArray();
      pageTalks.set(highlight.pageId, talks);
    }
    const title = titles.get(highlight.talkId!);
    const same = talks
      .filter((t) => t.detected && t.detectedTitle === title)
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    if (!same[0]) continue;
    await db.highlights.put({ ...highlight, talkId: same[0].id });
    changed.add(highlight.url);
  }
  return [...changed];
}

/**
 * One talk per detected title on each of `pageIds`: the smallest id kept with what the reader did
 * to the others, their highlights and saved searches moved to it, the others deleted.
 */
async function uniteDetectedTalks(db: TalkNotesDatabase, pageIds: ReadonlySet<string>): Promise<string[]> {
  if (pageIds.size === 0) return [];
  const groups = new Map<string, TalkRecord[]>();
  for (const talk of await db.talks
    .where('pageId')
    .anyOf([...pageIds])
    .toArray()) {
    const key = detectedTalkKey(talk);
    if (key === null) continue;
    groups.set(key, [...(groups.get(key) ?? []), talk]);
  }
  const moved = new Map<string, string>();
  const changedPages = new Set<string>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    group.sort((a, b) => (a.id < b.id ? -1 : 1));
    const [kept, ...others] = group as [TalkRecord, ...TalkRecord[]];
    for (const other of others) moved.set(other.id, kept.id);
    const rows = await db.sync.bulkGet(others.map((talk) => `talks:${talk.id}`));
    const united = others.map((talk, i) => withEveryNote(talk, rows[i]?.state)).reduce(uniteTalks, kept);
    await db.talks.bulkDelete(others.map((talk) => talk.id));
    await db.talks.put(united);
    changedPages.add(kept.pageId!);
  }
  if (moved.size === 0) return [];
  const from = [...moved.keys()];
  const highlights = await db.highlights.where('talkId').anyOf(from).toArray();
  if (highlights.length)
    await db.highlights.bulkPut(highlights.map((h) => ({ ...h, talkId: moved.get(h.talkId!)! })));
  // A saved search names talks: it follows them, as a backup import's does.
  const searches = await db.collections
    .filter((c: CollectionRecord) => c.search?.talkIds.some((id) => moved.has(id)) ?? false)
    .toArray();
  for (const collection of searches) {
    const talkIds = [...new Set(collection.search!.talkIds.map((id) => moved.get(id) ?? id))];
    await db.collections.put({ ...collection, search: { ...collection.search!, talkIds } });
  }
  const pages = await db.pages.bulkGet([...changedPages]);
  return pages.flatMap((page) => (page ? [page.url] : []));
}
