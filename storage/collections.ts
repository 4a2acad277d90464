/**
 * Collections: named, described sets of highlights ("Reading list", "For the team"), or saved
 * searches (a query and filters kept, their highlights whatever matches when opened). A highlight
 * can be in several. Deleting a collection leaves its highlights alone; deleting a highlight leaves
 * its id in collections (readers skip missing ids), so undoing the delete restores membership.
 */
import { newId } from '@/core/ids';
import { LIMITS } from '@/core/limits';
import type { CollectionRecord, SavedSearch } from '@/core/types';
import type { TalkNotesDatabase } from './db';

export interface CollectionInput {
  name: string;
  description?: string;
  /** A fixed set's highlights. */
  highlightIds?: readonly string[];
  /** A saved search's query and filters (its highlights are whatever matches them when opened). */
  search?: SavedSearch;
}

function cleanName(name: string): string {
  const clean = name.trim().replace(/\s+/g, ' ');
  if (!clean) throw new Error('a collection needs a name');
  if (clean.length > LIMITS.collectionName)
    throw new Error(`a collection name has at most ${LIMITS.collectionName} characters`);
  return clean;
}

function cleanDescription(description: string): string {
  const clean = description.trim();
  if (clean.length > LIMITS.collectionDescription) {
    throw new Error(`a description has at most ${LIMITS.collectionDescription} characters`);
  }
  return clean;
}

/** Throws when another collection already has this name (names are compared case-insensitively). */
async function assertNameFree(db: TalkNotesDatabase, name: string, exceptId?: string) {
  const lower = name.toLowerCase();
  const taken = await db.collections
    .filter((c) => c.id !== exceptId && c.name.toLowerCase() === lower)
    .first();
  if (taken) throw new Error(`a collection named “${taken.name}” already exists`);
}

/** Every collection, by name. */
export async function listCollections(db: TalkNotesDatabase): Promise<CollectionRecord[]> {
  const all = await db.collections.toArray();
  // A copy: in a live query with an 'immutable' cache the array is frozen.
  return [...all].sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
}

/** Creates a collection: a fixed set, optionally with highlights, or a saved search (saved from a filter). */
export async function createCollection(
  db: TalkNotesDatabase,
  input: CollectionInput,
  now = Date.now(),
  /** Who makes it (#16): the sync panel's name or this browser's. */
  author?: string,
): Promise<CollectionRecord> {
  const name = cleanName(input.name);
  return db.transaction('rw', db.collections, async () => {
    await assertNameFree(db, name);
    const collection: CollectionRecord = {
      id: newId(),
      name,
      description: cleanDescription(input.description ?? ''),
      // A saved search holds no ids: its highlights are computed (core/library/filters.ts collectionSlots).
      highlightIds: input.search ? [] : [...new Set(input.highlightIds ?? [])],
      ...(input.search && { search: input.search }),
      ...(author ? { author } : {}),
      createdAt: now,
      updatedAt: now,
    };
    await db.collections.add(collection);
    return collection;
  });
}

/** Renames a collection and/or changes its description. */
export async function updateCollection(
  db: TalkNotesDatabase,
  id: string,
  changes: { name?: string; description?: string },
  now = Date.now(),
): Promise<CollectionRecord> {
  return db.transaction('rw', db.collections, async () => {
    const current = await db.collections.get(id);
    if (!current) throw new Error(`collection ${id} does not exist`);
    const updated = { ...current, updatedAt: now };
    if (changes.name !== undefined) {
      updated.name = cleanName(changes.name);
      await assertNameFree(db, updated.name, id);
    }
    if (changes.description !== undefined) updated.description = cleanDescription(changes.description);
    await db.collections.put(updated);
    return updated;
  });
}

/** Deletes a collection; its highlights stay in the library. */
export async function deleteCollection(db: TalkNotesDatabase, id: string): Promise<void> {
  await db.collections.delete(id);
}

/** Adds highlights to a collection (ones already in it are skipped). Returns how many were added. */
export function addToCollection(
  db: TalkNotesDatabase,
  id: string,
  highlightIds: readonly string[],
  now = Date.now(),
): Promise<number> {
  return changeMembers(db, id, now, (current) => {
    const members = new Set(current);
    return [...current, ...[...new Set(highlightIds)].filter((h) => !members.has(h))];
  });
}

/** Takes highlights out of a collection (the highlights stay). Returns how many were removed. */
export function removeFromCollection(
  db: TalkNotesDatabase,
  id: string,
  highlightIds: readonly string[],
  now = Date.now(),
): Promise<number> {
  const removed = new Set(highlightIds);
  return changeMembers(db, id, now, (current) => current.filter((h) => !removed.has(h)));
}

/** Rewrites a collection's highlight ids in one transaction; returns how many came or went. */
function changeMembers(
  db: TalkNotesDatabase,
  id: string,
  now: number,
  change: (current: string[]) => string[],
): Promise<number> {
  return db.transaction('rw', db.collections, async () => {
    const current = await db.collections.get(id);
    if (!current) throw new Error(`collection ${id} does not exist`);
    const next = change(current.highlightIds);
    const count = Math.abs(next.length - current.highlightIds.length);
    if (count) await db.collections.put({ ...current, highlightIds: next, updatedAt: now });
    return count;
  });
}

/** Collections a highlight is in (from the multi-entry index). */
export function collectionsOf(db: TalkNotesDatabase, highlightId: string): Promise<CollectionRecord[]> {
  return db.collections.where('highlightIds').equals(highlightId).toArray();
}
