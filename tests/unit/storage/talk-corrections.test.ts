import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveClip } from '@/storage/clips';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import { updateHighlight } from '@/storage/highlights';
import { setTalk } from '@/storage/library';
import { applyRedetection, markNotATalk, startTalkAt, unmarkNotATalk } from '@/storage/talk-corrections';
import { noMetadata, quotedPassage } from '../clip-fixtures';

const URL = 'https://blog.example.org/recap';
const DETECTED = [
  { title: 'Fast Builds', speakers: ['Jane Doe'], position: 100 },
  { title: 'Key takeaways', speakers: [], position: 400 },
  { title: 'Slow Tests', speakers: [], position: 700 },
];

describe('talk corrections', () => {
  let db: TalkNotesDatabase;
  beforeEach(() => {
    db = createDatabase(`corrections-${crypto.randomUUID()}`);
  });
  afterEach(() => db.delete());

  const clip = (text: string, position: number, talk: string | null) =>
    saveClip(db, {
      page: { url: URL, title: 'Recap', ...noMetadata() },
      talks: DETECTED,
      highlight: quotedPassage(text, position, talk),
    });
  const talkOf = async (text: string) => {
    const h = (await db.highlights.toArray()).find((x) => x.text === text);
    return h?.talkId ? ((await db.talks.get(h.talkId))?.title ?? null) : null;
  };
  const talkId = async (title: string) => (await db.talks.toArray()).find((t) => t.title === title)!.id;

  it('"Not a talk" (part): its passages join the talk above, and later clips there too', async () => {
    await clip('cache everything', 450, 'Key takeaways');
    const result = await markNotATalk(db, await talkId('Key takeaways'), 'part');
    expect(result.url).toBe(URL);
    expect(await talkOf('cache everything')).toBe('Fast Builds');
    await clip('twice', 500, 'Key takeaways'); // detection still says "Key takeaways"
    expect(await talkOf('twice')).toBe('Fast Builds');
    expect((await db.talks.get(await talkId('Key takeaways')))?.notATalk).toBe('part');
  });

  it('"Not a talk" (none): its passages belong to no talk, now and on later clips', async () => {
    await clip('see you', 750, 'Slow Tests');
    await markNotATalk(db, await talkId('Slow Tests'), 'none');
    expect(await talkOf('see you')).toBeNull();
    await clip('next year', 800, 'Slow Tests');
    expect(await talkOf('next year')).toBeNull();
    await unmarkNotATalk(db, await talkId('Slow Tests'));
    await clip('again', 850, 'Slow Tests');
    expect(await talkOf('again')).toBe('Slow Tests');
  });

  it('"Start a new talk here": the passage and the following ones of its talk move to the new talk, pinned', async () => {
    const { highlight: a } = await clip('first', 150, 'Fast Builds');
    const { highlight: b } = await clip('second', 250, 'Fast Builds');
    await clip('third', 300, 'Fast Builds');
    await clip('other', 750, 'Slow Tests');
    const result = await startTalkAt(db, b.id, '  Hidden Talk ');
    expect(result.talk).toMatchObject({ title: 'Hidden Talk', position: 250, detected: false });
    expect(result.moved.map((m) => m.id).sort()).toHaveLength(2);
    expect(await talkOf('first')).toBe('Fast Builds');
    expect(await talkOf('second')).toBe('Hidden Talk');
    expect(await talkOf('third')).toBe('Hidden Talk');
    expect(await talkOf('other')).toBe('Slow Tests');
    expect((await db.highlights.get(b.id))?.talkPinned).toBe(true);
    expect((await db.highlights.get(a.id))?.talkPinned).toBeUndefined();
    // A later clip after the started talk goes under it, though detection still says "Fast Builds".
    await clip('fourth', 350, 'Fast Builds');
    expect(await talkOf('fourth')).toBe('Hidden Talk');
  });

  it('detecting again re-files unpinned passages and keeps every correction', async () => {
    const { highlight: a } = await clip('alpha', 150, 'Fast Builds');
    const { highlight: b } = await clip('beta', 450, 'Key takeaways');
    const { highlight: c } = await clip('gamma', 750, 'Slow Tests');
    await markNotATalk(db, await talkId('Key takeaways'), 'part');
    const moved = await db.talks.get(await talkId('Slow Tests'));
    await db.talks.update(moved!.id, { title: 'Slow Tests, renamed', updatedAt: Date.now() + 1 });
    const result = await applyRedetection(db, {
      url: URL,
      talks: [
        { title: 'Fast Builds', speakers: [], position: 100, form: 'h2' },
        { title: 'Key takeaways', speakers: [], position: 400, form: 'h2' },
        { title: 'Slow Tests', speakers: [], position: 700, form: 'h2' },
        { title: 'New One', speakers: ['Ann Lee'], position: 140, form: 'h2' },
      ],
      filing: { [a.id]: 'New One', [b.id]: 'Key takeaways', [c.id]: 'Slow Tests' },
    });
    const newOne = await talkId('New One');
    expect(result.moved).toHaveLength(2);
    expect(result.moved).toEqual(
      expect.arrayContaining([
        { id: a.id, talkId: newOne },
        { id: b.id, talkId: newOne },
      ]),
    );
    expect(await talkOf('alpha')).toBe('New One');
    expect(await talkOf('beta')).toBe('New One'); // part of the talk above, which is now "New One"
    expect(await talkOf('gamma')).toBe('Slow Tests, renamed');
  });

  it('detecting again leaves pinned passages and removes detected talks that are gone and untouched', async () => {
    const { highlight: a } = await clip('alpha', 150, 'Fast Builds');
    await startTalkAt(db, a.id, 'Mine');
    await applyRedetection(db, {
      url: URL,
      talks: [{ title: 'Slow Tests', speakers: [], position: 700, form: 'h2' }],
      filing: { [a.id]: null },
    });
    expect(await talkOf('alpha')).toBe('Mine');
    const titles = (await db.talks.toArray()).map((t) => t.title).sort();
    expect(titles).toEqual(['Mine', 'Slow Tests']);
  });

  it('a talk the reader chose (one highlight or many) is pinned, and detecting again keeps it', async () => {
    const { highlight: a } = await clip('alpha', 150, 'Fast Builds');
    const { highlight: b } = await clip('beta', 750, 'Slow Tests');
    await updateHighlight(db, a.id, { talkId: await talkId('Slow Tests') });
    await setTalk(db, [b.id], await talkId('Fast Builds'));
    expect((await db.highlights.get(a.id))?.talkPinned).toBe(true);
    expect((await db.highlights.get(b.id))?.talkPinned).toBe(true);
    await applyRedetection(db, {
      url: URL,
      talks: DETECTED.map((t) => ({ ...t, form: 'h2' })),
      filing: { [a.id]: 'Fast Builds', [b.id]: 'Slow Tests' },
    });
    expect(await talkOf('alpha')).toBe('Slow Tests');
    expect(await talkOf('beta')).toBe('Fast Builds');
  });
});
