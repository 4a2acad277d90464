// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addToCollection,
  collectionsOf,
  createCollection,
  deleteCollection,
  listCollections,
  removeFromCollection,
  updateCollection,
} from '@/storage/collections';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import { EMPTY_FILTER, toSavedSearch } from '@/core/library/filters';
import { deleteHighlights, restoreHighlights } from '@/storage/library';
import { makeLibrary } from '../../e2e/seed-library';

describe('collections', () => {
  let db: TalkNotesDatabase;
  beforeEach(() => {
    db = createDatabase(`collections-${crypto.randomUUID()}`);
  });
  afterEach(() => db.delete());

  it('creates collections with a clean name and description, listed by name', async () => {
    const b = await createCollection(db, { name: '  Team   reading ', description: ' For Monday ' }, 100);
    await createCollection(db, { name: 'archive', highlightIds: ['h1', 'h1', 'h2'] }, 200);
    expect(b).toMatchObject({
      name: 'Team reading',
      description: 'For Monday',
      highlightIds: [],
      createdAt: 100,
    });
    const all = await listCollections(db);
    expect(all.map((c) => [c.name, c.highlightIds])).toEqual([
      ['archive', ['h1', 'h2']],
      ['Team reading', []],
    ]);
  });

  it('stores a saved search with its criteria and no ids, and reads it back as it was (#17)', async () => {
    const search = toSavedSearch({ ...EMPTY_FILTER, query: 'kernel', tags: ['rust'] });
    const saved = await createCollection(db, { name: 'Kernel', search, highlightIds: ['h1'] }, 300);
    expect(saved).toMatchObject({ highlightIds: [], search });
    expect(await db.collections.get(saved.id)).toEqual(saved);
    // A fixed set has no `search` at all (as collections saved before saved searches).
    const fixed = await createCollection(db, { name: 'Set', highlightIds: ['h1'] }, 300);
    expect('search' in (await db.collections.get(fixed.id))!).toBe(false);
  });

  it.each([
    ['', /needs a name/],
    ['x'.repeat(201), /at most 200/],
  ])('refuses the name %j', async (name, error) => {
    await expect(createCollection(db, { name })).rejects.toThrow(error);
  });

  it('refuses a name already taken, ignoring case', async () => {
    const first = await createCollection(db, { name: 'Keynotes' });
    const second = await createCollection(db, { name: 'Other' });
    await expect(createCollection(db, { name: 'KEYNOTES' })).rejects.toThrow(/already exists/);
    await expect(updateCollection(db, second.id, { name: 'keynotes' })).rejects.toThrow(/already exists/);
    // Renaming to its own name (another case) is fine.
    expect((await updateCollection(db, first.id, { name: 'keynotes' })).name).toBe('keynotes');
  });

  it('renames and describes', async () => {
    const c = await createCollection(db, { name: 'A' }, 1);
    const updated = await updateCollection(db, c.id, { name: 'B', description: 'why' }, 2);
    expect(updated).toMatchObject({ name: 'B', description: 'why', updatedAt: 2, createdAt: 1 });
    await expect(updateCollection(db, 'nope', { name: 'C' })).rejects.toThrow(/does not exist/);
  });

  it('adds and removes members once each; a highlight can be in several collections', async () => {
    const a = await createCollection(db, { name: 'A' });
    const b = await createCollection(db, { name: 'B' });
    expect(await addToCollection(db, a.id, ['h1', 'h2', 'h2'])).toBe(2);
    expect(await addToCollection(db, a.id, ['h2', 'h3'])).toBe(1);
    expect(await addToCollection(db, b.id, ['h2'])).toBe(1);
    expect((await collectionsOf(db, 'h2')).map((c) => c.name).sort()).toEqual(['A', 'B']);
    expect(await removeFromCollection(db, a.id, ['h1', 'h9'])).toBe(1);
    expect((await db.collections.get(a.id))?.highlightIds).toEqual(['h2', 'h3']);
  });

  it('deleting a collection keeps its highlights; deleting a highlight keeps its membership for undo', async () => {
    const library = makeLibrary({ highlights: 4, pages: 1, seed: 9 });
    await db.highlights.bulkAdd(library.highlights);
    const ids = library.highlights.map((h) => h.id);
    const c = await createCollection(db, { name: 'Keep', highlightIds: ids });
    const deleted = await deleteHighlights(db, ids.slice(0, 2));
    await restoreHighlights(db, deleted);
    expect((await db.collections.get(c.id))?.highlightIds).toEqual(ids);
    await deleteCollection(db, c.id);
    expect(await db.collections.count()).toBe(0);
    expect(await db.highlights.count()).toBe(4);
  });
});
