/** Queries on highlights. */
import type { Passage } from '@/core/schemas';
import type { AnchorStatus, HighlightChanges, HighlightRecord, TalkRecord } from '@/core/types';
import type { TalkNotesDatabase } from './db';

/** One highlight by id, or null. */
export async function getHighlight(db: TalkNotesDatabase, id: string): Promise<HighlightRecord | null> {
  return (await db.highlights.get(id)) ?? null;
}

/** Highlights of one page (by normalized URL) in document order. */
export async function highlightsForUrl(db: TalkNotesDatabase, url: string): Promise<HighlightRecord[]> {
  const rows = await db.highlights.where('url').equals(url).toArray();
  return rows.sort((a, b) => a.position - b.position || a.createdAt - b.createdAt);
}

/** Applies user edits to a highlight; returns the updated record. */
export async function updateHighlight(
  db: TalkNotesDatabase,
  id: string,
  changes: HighlightChanges,
  now = Date.now(),
): Promise<HighlightRecord> {
  // `Table.update` reads and writes atomically in its own transaction, and per field: a concurrent edit of
  // another field survives. Live queries patch their cached results instead of re-reading the table,
  // which matters while a note is typed into a library of tens of thousands of highlights.
  // A talk the reader chooses is pinned: detecting the page's talks again leaves the highlight there,
  // and the clip guard's offer, if any, is settled (undefined deletes the field).
  const pin = changes.talkId !== undefined ? { talkPinned: true, scheduleCandidates: undefined } : {};
  const changed = await db.highlights.update(id, { ...changes, ...pin, updatedAt: now });
  if (!changed) throw new Error(`highlight ${id} does not exist`);
  return (await db.highlights.get(id))!;
}

/**
 * Grows a highlight to a wider passage (a new selection overlapped it and the reader chose "Extend
 * highlight"): the passage's text, Markdown, link, selectors and position are replaced; the id, note,
 * tags, colour and talk stay, so nothing the reader wrote is lost. Returns the updated record.
 */
export async function extendHighlight(
  db: TalkNotesDatabase,
  id: string,
  passage: Passage,
  now = Date.now(),
): Promise<HighlightRecord> {
  return db.transaction('rw', db.highlights, async () => {
    const current = await db.highlights.get(id);
    if (!current) throw new Error(`highlight ${id} does not exist`);
    const { textFragment, ...rest } = passage;
    const { textFragment: _old, ...kept } = current;
    // A link made for the old passage would point at the old text: the new one's, or none.
    const extended: HighlightRecord = {
      ...kept,
      ...rest,
      ...(textFragment ? { textFragment } : {}),
      anchorStatus: 'placed',
      updatedAt: now,
    };
    await db.highlights.put(extended);
    return extended;
  });
}

/** The talks a highlight of `pageId` may be filed under, in page order (the reader's own talks last). */
export async function talksOfPage(db: TalkNotesDatabase, pageId: string): Promise<TalkRecord[]> {
  const talks = await db.talks.where('pageId').equals(pageId).toArray();
  const place = (t: TalkRecord) => (t.position >= 0 ? t.position : Number.POSITIVE_INFINITY);
  return talks.filter((t) => !t.notATalk).sort((a, b) => place(a) - place(b) || a.createdAt - b.createdAt);
}

/**
 * Deletes a highlight and returns the record, so an undo can put it back as it was. Collections keep
 * the id (readers skip missing ids), so an undo restores membership too.
 */
export async function deleteHighlight(db: TalkNotesDatabase, id: string): Promise<HighlightRecord | null> {
  return db.transaction('rw', db.highlights, async () => {
    const current = await db.highlights.get(id);
    if (!current) return null;
    await db.highlights.delete(id);
    return current;
  });
}

/** Puts a deleted highlight back exactly as it was (undo). */
export async function restoreHighlight(db: TalkNotesDatabase, record: HighlightRecord): Promise<void> {
  await db.highlights.put(record);
}

/**
 * Records how the last visit anchored each highlight of a page. Not a user edit: updatedAt stays.
 * Only highlights of that page are touched, whatever ids are passed.
 */
export async function recordAnchoring(
  db: TalkNotesDatabase,
  url: string,
  statuses: { id: string; status: AnchorStatus }[],
): Promise<void> {
  await db.transaction('rw', db.highlights, async () => {
    const rows = await db.highlights.where('url').equals(url).toArray();
    const wanted = new Map(statuses.map((s) => [s.id, s.status]));
    for (const row of rows) {
      const status = wanted.get(row.id);
      if (status && status !== row.anchorStatus) await db.highlights.update(row.id, { anchorStatus: status });
    }
  });
}

/** Every tag in use, sorted case-insensitively (from the multi-entry index: no row is read). */
export async function listTags(db: TalkNotesDatabase): Promise<string[]> {
  const keys = (await db.highlights.orderBy('tags').uniqueKeys()) as string[];
  return keys.sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));
}
