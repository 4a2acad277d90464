import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import { updateHighlight } from '@/storage/highlights';
import { getSetting, setSetting } from '@/storage/settings';
import { createTalk, mergeTalks, renameTalk, setSpeakers, tagTalk, talksForPage } from '@/storage/talks';
import { clipOn } from '../clip-fixtures';

describe('talks', () => {
  let db: TalkNotesDatabase;
  beforeEach(() => {
    db = createDatabase(`talks-${crypto.randomUUID()}`);
  });
  afterEach(() => db.delete());

  it('lists a page’s talks in document order, user-made ones last', async () => {
    const { highlight } = await clipOn(db, 'https://a.example/', 'kGraft', 60, 'Kernel live patching');
    const mine = await createTalk(db, highlight.pageId, '  Hallway track ', [' Jane  Doe ', 'jane doe']);
    expect(mine).toMatchObject({
      title: 'Hallway track',
      speakers: ['Jane Doe'],
      detected: false,
      position: -1,
    });
    expect((await talksForPage(db, highlight.pageId)).map((t) => t.title)).toEqual([
      'Trolling != Enforcement',
      'Kernel live patching',
      'Hallway track',
    ]);
    await expect(createTalk(db, highlight.pageId, '   ')).rejects.toThrow(/needs a title/);
  });

  it('renames a talk and sets its speakers', async () => {
    const { highlight } = await clipOn(db, 'https://a.example/', 'kGraft', 60, 'Kernel live patching');
    await renameTalk(db, highlight.talkId!, 'Live patching the kernel', 5);
    await setSpeakers(db, highlight.talkId!, ['Miroslav Benes', 'SuSE'], 6);
    expect(await db.talks.get(highlight.talkId!)).toMatchObject({
      title: 'Live patching the kernel',
      detectedTitle: 'Kernel live patching',
      speakers: ['Miroslav Benes', 'SuSE'],
      updatedAt: 6,
    });
    await expect(renameTalk(db, 'missing', 'x')).rejects.toThrow(/does not exist/);
  });

  it('tags every highlight of a talk at once', async () => {
    const a = await clipOn(db, 'https://a.example/', 'kGraft', 60, 'Kernel live patching');
    await clipOn(db, 'https://a.example/', 'kpatch', 80, 'Kernel live patching');
    const other = await clipOn(db, 'https://a.example/', 'enforcement', 20, 'Trolling != Enforcement');
    await updateHighlight(db, a.highlight.id, { tags: ['kernel'] });
    expect(await tagTalk(db, a.highlight.talkId!, ['Kernel', 'linux'])).toHaveLength(2);
    const tags = (await db.highlights.where('talkId').equals(a.highlight.talkId!).toArray()).map(
      (h) => h.tags,
    );
    expect(tags).toEqual(
      expect.arrayContaining([
        ['kernel', 'linux'],
        ['Kernel', 'linux'],
      ]),
    );
    expect((await db.highlights.get(other.highlight.id))!.tags).toEqual([]);
  });

  it('merges the same talk written up on two pages', async () => {
    const a = await clipOn(db, 'https://a.example/', 'kGraft', 60, 'Kernel live patching');
    const b = await clipOn(db, 'https://b.example/', 'kpatch', 60, 'Kernel live patching');
    await setSpeakers(db, b.highlight.talkId!, ['Miroslav Benes', 'Jiri Kosina']);
    const moved = await mergeTalks(db, a.highlight.talkId!, [b.highlight.talkId!]);
    expect(moved.map((h) => [h.id, h.url, h.talkId])).toEqual([
      [b.highlight.id, 'https://b.example/', a.highlight.talkId],
    ]);
    expect(await db.talks.get(b.highlight.talkId!)).toBeUndefined();
    expect((await db.highlights.get(b.highlight.id))!.talkId).toBe(a.highlight.talkId);
    expect((await db.talks.get(a.highlight.talkId!))!.speakers).toEqual(['Miroslav Benes', 'Jiri Kosina']);
  });
});

describe('settings', () => {
  let db: TalkNotesDatabase;
  beforeEach(() => {
    db = createDatabase(`settings-${crypto.randomUUID()}`);
  });
  afterEach(() => db.delete());

  it('stores colour names, trimmed, and falls back to defaults for bad stored data', async () => {
    expect(await getSetting(db, 'colorNames')).toEqual({});
    await setSetting(db, 'colorNames', { yellow: ' key idea ', blue: 'question', pink: '  ' });
    expect(await getSetting(db, 'colorNames')).toEqual({ yellow: 'key idea', blue: 'question' });
    await db.settings.put({ key: 'colorNames', value: { yellow: 42 } });
    expect(await getSetting(db, 'colorNames')).toEqual({});
  });
});
