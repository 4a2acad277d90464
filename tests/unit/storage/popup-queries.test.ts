import { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveClip } from '@/storage/clips';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import { moveToTalkNamed, type PageNotes, pageNotes } from '@/storage/popup-queries';
import { quotedPassage } from '../clip-fixtures';

const URL_A = 'https://conf.example/day-1';

function clip(db: TalkNotesDatabase, text: string, position: number, talkTitle: string | null, url = URL_A) {
  return saveClip(db, {
    page: {
      url,
      title: 'Day 1',
      authors: ['Ann'],
      siteName: 'Conf',
      publishedAt: null,
      lang: null,
      canonicalUrl: null,
      excerpt: null,
    },
    talks: [
      { title: 'Keynote', speakers: ['Kim'], position: 10 },
      { title: 'Closing', speakers: [], position: 500 },
    ],
    highlight: quotedPassage(text, position, talkTitle),
  });
}

describe('popup queries', () => {
  let db: TalkNotesDatabase;
  beforeEach(() => {
    db = createDatabase(`popup-${crypto.randomUUID()}`);
  });
  afterEach(() => db.delete());

  it('reads a page, its talks and its highlights in order; nothing for an unknown page', async () => {
    await clip(db, 'second', 600, 'Closing');
    await clip(db, 'first', 20, 'Keynote');
    await clip(db, 'elsewhere', 5, null, 'https://other.example/');
    const notes = await pageNotes(db, URL_A);
    expect(notes.page).toMatchObject({ url: URL_A, title: 'Day 1', authors: ['Ann'] });
    expect(notes.talks.map((t) => t.title)).toEqual(['Keynote', 'Closing']);
    expect(notes.highlights.map((h) => h.text)).toEqual(['first', 'second']);
    expect(await pageNotes(db, 'https://never.example/')).toEqual({
      page: null,
      talks: [],
      highlights: [],
      scheduleTalks: new Map(),
      conferences: new Map(),
      schedulesImported: false,
    });
  });

  it('updates live when the first clip of a page arrives', async () => {
    const seen: PageNotes[] = [];
    const subscription = liveQuery(() => pageNotes(db, URL_A)).subscribe((v) => seen.push(v));
    await expect.poll(() => seen.length).toBe(1);
    expect(seen[0]!.page).toBeNull();
    await clip(db, 'first', 20, 'Keynote');
    await expect.poll(() => seen.at(-1)?.highlights.length).toBe(1);
    expect(seen.at(-1)!.page?.url).toBe(URL_A);
    subscription.unsubscribe();
  });

  it('moves a highlight to a new talk, or to the existing one of that name', async () => {
    const { highlight } = await clip(db, 'first', 20, 'Keynote');
    const { talk: made, highlight: moved } = await moveToTalkNamed(db, highlight.id, '  Hallway track ', 42);
    expect(made).toMatchObject({ title: 'Hallway track', detected: false, pageId: highlight.pageId });
    expect(await db.highlights.get(highlight.id)).toMatchObject({ talkId: made.id, updatedAt: 42 });
    expect(moved).toEqual(await db.highlights.get(highlight.id));

    const again = await moveToTalkNamed(db, highlight.id, 'hallway TRACK');
    expect(again.talk.id).toBe(made.id);
    const closing = await moveToTalkNamed(db, highlight.id, 'closing');
    expect(closing.talk.title).toBe('Closing');
    expect(await db.talks.count()).toBe(3);
  });

  it('creates nothing when the highlight is gone or the name is blank', async () => {
    const { highlight } = await clip(db, 'first', 20, 'Keynote');
    await expect(moveToTalkNamed(db, 'missing', 'New')).rejects.toThrow(/does not exist/);
    await expect(moveToTalkNamed(db, highlight.id, '   ')).rejects.toThrow(/title/);
    expect(await db.talks.count()).toBe(2);
  });
});
