// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import { updateHighlight } from '@/storage/highlights';
import {
  addTags,
  allHighlights,
  allPages,
  allTalks,
  deleteHighlights,
  removeTags,
  restoreHighlights,
  setTalk,
  urlsOf,
} from '@/storage/library';
import { makeLibrary } from '../../e2e/seed-library';

const library = makeLibrary({ highlights: 30, pages: 3, seed: 3 });

describe('library bulk edits', () => {
  let db: TalkNotesDatabase;
  beforeEach(async () => {
    db = createDatabase(`library-${crypto.randomUUID()}`);
    await db.pages.bulkAdd(library.pages);
    await db.talks.bulkAdd(library.talks);
    await db.highlights.bulkAdd(library.highlights);
  });
  afterEach(() => db.delete());

  const ids = library.highlights.slice(0, 5).map((h) => h.id);

  it('reads the whole library', async () => {
    expect(await allHighlights(db)).toHaveLength(30);
    expect(await allPages(db)).toHaveLength(3);
    expect(await allTalks(db)).toHaveLength(library.talks.length);
  });

  it('edits one highlight, and refuses a missing one', async () => {
    await updateHighlight(db, ids[0]!, { note: 'A note', color: 'blue' }, 4000);
    expect(await db.highlights.get(ids[0]!)).toMatchObject({
      note: 'A note',
      color: 'blue',
      updatedAt: 4000,
    });
    await expect(updateHighlight(db, 'missing', { note: 'x' })).rejects.toThrow(/does not exist/);
  });

  it('adds tags once, normalized, and reports only the highlights that changed', async () => {
    await db.highlights.update(ids[0]!, { tags: ['Reviewed'] });
    const changed = await addTags(db, [...ids, 'missing', ids[1]!], [' reviewed ', '#Team '], 5000);
    expect(changed.map((h) => h.id).sort()).toEqual([...ids].sort());
    const first = await db.highlights.get(ids[0]!);
    expect(first?.tags).toEqual(['Reviewed', 'Team']);
    expect(first?.updatedAt).toBe(5000);
    expect(await addTags(db, ids, ['team'])).toEqual([]);
    expect(await addTags(db, ids, ['  '])).toEqual([]);
  });

  it('removes tags case-insensitively', async () => {
    await addTags(db, ids, ['Team', 'keep']);
    const changed = await removeTags(db, ids.slice(0, 2), ['TEAM'], 7000);
    expect(changed).toHaveLength(2);
    expect((await db.highlights.get(ids[0]!))?.tags).not.toContain('Team');
    expect((await db.highlights.get(ids[0]!))?.tags).toContain('keep');
    expect((await db.highlights.get(ids[2]!))?.tags).toContain('Team');
  });

  it('sets or clears the talk, refusing an unknown talk without changing anything', async () => {
    const talk = library.talks[0]!;
    const moved = await setTalk(db, ids, talk.id, 9000);
    expect(moved.every((h) => h.talkId === talk.id && h.updatedAt === 9000)).toBe(true);
    expect((await setTalk(db, ids, null)).map((h) => h.talkId)).toEqual(ids.map(() => null));
    await expect(setTalk(db, ids, 'no-such-talk')).rejects.toThrow(/does not exist/);
    expect((await db.highlights.bulkGet(ids)).every((h) => h?.talkId === null)).toBe(true);
  });

  it('deletes and restores highlights exactly', async () => {
    const before = await db.highlights.bulkGet(ids);
    const deleted = await deleteHighlights(db, [...ids, 'missing']);
    expect(deleted).toEqual(before);
    expect(await db.highlights.bulkGet(ids)).toEqual(ids.map(() => undefined));
    await restoreHighlights(db, deleted);
    expect(await db.highlights.bulkGet(ids)).toEqual(before);
    expect(await db.highlights.count()).toBe(30);
  });

  it('lists the distinct URLs of records', () => {
    expect(urlsOf([{ url: 'a' }, { url: 'b' }, { url: 'a' }])).toEqual(['a', 'b']);
  });
});
