/**
 * Library-wide reads and bulk edits for the dashboard. Each bulk edit runs in one transaction
 * (all or nothing) and returns the records it changed, so the caller can tell open pages which
 * URLs to redraw, and, for a delete, put the records back exactly (undo).
 */
import { normalizeTags } from '@/core/tags';
import type { HighlightColor, HighlightRecord, PageRecord, TalkRecord } from '@/core/types';
import type { TalkNotesDatabase } from './db';

/** Every highlight (the dashboard keeps the library in memory and derives its views). */
export function allHighlights(db: TalkNotesDatabase): Promise<HighlightRecord[]> {
  return db.highlights.toArray();
}

export function allPages(db: TalkNotesDatabase): Promise<PageRecord[]> {
  return db.pages.toArray();
}

export function allTalks(db: TalkNotesDatabase): Promise<TalkRecord[]> {
  return db.talks.toArray();
}

/**
 * Applies `edit` to each existing highlight of `ids` in one transaction; `edit` returns the new
 * record, or null to leave it. Returns the changed records as stored.
 */
async function editHighlights(
  db: TalkNotesDatabase,
  ids: readonly string[],
  edit: (h: HighlightRecord) => HighlightRecord | null,
): Promise<HighlightRecord[]> {
  return db.transaction('rw', db.highlights, async () => {
    const current = await db.highlights.bulkGet([...new Set(ids)]);
    const changed: HighlightRecord[] = [];
    for (const record of current) {
      if (!record) continue;
      const next = edit(record);
      if (next) changed.push(next);
    }
    if (changed.length) await db.highlights.bulkPut(changed);
    return changed;
  });
}

/** Adds tags (normalized) to highlights. Returns the highlights that gained a tag. */
export function addTags(
  db: TalkNotesDatabase,
  ids: readonly string[],
  tags: readonly string[],
  now = Date.now(),
): Promise<HighlightRecord[]> {
  const added = normalizeTags(tags);
  if (!added.length) return Promise.resolve([]);
  return editHighlights(db, ids, (h) => {
    const merged = normalizeTags([...h.tags, ...added]);
    return merged.length === h.tags.length ? null : { ...h, tags: merged, updatedAt: now };
  });
}

/** Removes tags (compared case-insensitively) from highlights. Returns the highlights that lost one. */
export function removeTags(
  db: TalkNotesDatabase,
  ids: readonly string[],
  tags: readonly string[],
  now = Date.now(),
): Promise<HighlightRecord[]> {
  const removed = new Set(tags.map((t) => t.toLowerCase()));
  if (!removed.size) return Promise.resolve([]);
  return editHighlights(db, ids, (h) => {
    const kept = h.tags.filter((t) => !removed.has(t.toLowerCase()));
    return kept.length === h.tags.length ? null : { ...h, tags: kept, updatedAt: now };
  });
}

/**
 * Puts highlights under a talk (any talk: after a merge a talk spans pages), or under none with
 * null. Throws when the talk does not exist. Returns the highlights that moved.
 */
export async function setTalk(
  db: TalkNotesDatabase,
  ids: readonly string[],
  talkId: string | null,
  now = Date.now(),
): Promise<HighlightRecord[]> {
  return db.transaction('rw', db.highlights, db.talks, async () => {
    if (talkId !== null && !(await db.talks.get(talkId))) throw new Error(`talk ${talkId} does not exist`);
    // The reader chose the talk: pinned, so detecting the page again leaves these highlights there.
    // The clip guard's offer, if any, is settled by the reader's choice.
    return editHighlights(db, ids, (h) => {
      if (h.talkId === talkId) return null;
      const { scheduleCandidates: _settled, ...rest } = h;
      return { ...rest, talkId, talkPinned: true, updatedAt: now };
    });
  });
}

/** Gives highlights one colour; returns the ones that changed (their open pages redraw them). */
export async function setColor(
  db: TalkNotesDatabase,
  ids: readonly string[],
  color: HighlightColor,
  now = Date.now(),
): Promise<HighlightRecord[]> {
  return db.transaction('rw', db.highlights, () =>
    editHighlights(db, ids, (h) => (h.color === color ? null : { ...h, color, updatedAt: now })),
  );
}

/**
 * Deletes highlights and returns them as they were, for `restoreHighlights`. Collections keep the
 * ids (see storage/collections.ts), so an undo restores membership too.
 */
export async function deleteHighlights(
  db: TalkNotesDatabase,
  ids: readonly string[],
): Promise<HighlightRecord[]> {
  return db.transaction('rw', db.highlights, async () => {
    const unique = [...new Set(ids)];
    const existing = (await db.highlights.bulkGet(unique)).filter((h): h is HighlightRecord => !!h);
    await db.highlights.bulkDelete(existing.map((h) => h.id));
    return existing;
  });
}

/** Puts deleted highlights back exactly as they were (undo), in one transaction. */
export async function restoreHighlights(
  db: TalkNotesDatabase,
  records: readonly HighlightRecord[],
): Promise<void> {
  await db.transaction('rw', db.highlights, async () => {
    await db.highlights.bulkPut([...records]);
  });
}

/** The distinct page URLs of some highlights: what open tabs must redraw after an edit. */
export function urlsOf(records: readonly Pick<HighlightRecord, 'url'>[]): string[] {
  return [...new Set(records.map((r) => r.url))];
}
