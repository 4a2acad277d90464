import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClipInput } from '@/core/schemas';
import { saveClip } from '@/storage/clips';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import {
  deleteHighlight,
  highlightsForUrl,
  listTags,
  recordAnchoring,
  restoreHighlight,
  updateHighlight,
} from '@/storage/highlights';
import { quotedPassage } from '../clip-fixtures';

const URL_A = 'https://blog.example/day-3';

function clip(
  text: string,
  position: number,
  talkTitle: string | null,
  overrides: Partial<ClipInput['page']> = {},
): ClipInput {
  return {
    page: {
      url: URL_A,
      title: 'Open Source Summit - Day 3',
      authors: ['Blog Author'],
      siteName: 'Conference Notes Blog',
      publishedAt: '2017-10-29T06:35:00.000Z',
      lang: 'en',
      canonicalUrl: null,
      excerpt: null,
      ...overrides,
    },
    talks: [
      { title: 'The TAO of Hashicorp', speakers: [], position: 100 },
      { title: 'Linus Torvalds Q&A', speakers: ['Linus Torvalds'], position: 900 },
    ],
    highlight: quotedPassage(text, position, talkTitle),
  };
}

describe('saveClip', () => {
  let db: TalkNotesDatabase;
  beforeEach(() => {
    db = createDatabase(`clips-${crypto.randomUUID()}`);
  });
  afterEach(() => db.delete());

  it('records who made the page and the talks a clip makes, never on those another clip made (#16)', async () => {
    await saveClip(db, clip('Workflows - not technologies', 300, 'The TAO of Hashicorp'), 1000, 'Ada');
    const later = clip('He is a big fan of random testing', 1200, 'Linus Torvalds Q&A');
    later.talks.push({ title: 'A talk Brian saw first', speakers: [], position: 1500 });
    await saveClip(db, later, 2000, 'Brian');
    expect((await db.pages.toArray()).map((p) => p.author)).toEqual(['Ada']);
    const talks = Object.fromEntries((await db.talks.toArray()).map((t) => [t.title, t.author]));
    expect(talks).toEqual({
      'The TAO of Hashicorp': 'Ada',
      'Linus Torvalds Q&A': 'Ada',
      'A talk Brian saw first': 'Brian',
    });
  });

  it('stores the page once, the detected talks, and the highlight under its talk', async () => {
    const first = await saveClip(db, clip('Workflows - not technologies', 300, 'The TAO of Hashicorp'), 1000);
    const second = await saveClip(
      db,
      clip('He is a big fan of random testing', 1200, 'Linus Torvalds Q&A'),
      2000,
    );
    expect(await db.pages.count()).toBe(1);
    const talks = await db.talks.toArray();
    expect(talks.map((t) => t.title).sort()).toEqual(['Linus Torvalds Q&A', 'The TAO of Hashicorp']);
    const linus = talks.find((t) => t.title === 'Linus Torvalds Q&A')!;
    expect(linus).toMatchObject({ speakers: ['Linus Torvalds'], detected: true, position: 900 });
    expect(second.highlight.talkId).toBe(linus.id);
    expect(first.highlight).toMatchObject({ url: URL_A, tags: [], anchorStatus: 'placed', createdAt: 1000 });
    expect((await highlightsForUrl(db, URL_A)).map((h) => h.text)).toEqual([
      'Workflows - not technologies',
      'He is a big fan of random testing',
    ]);
  });

  it('leaves a passage before the first talk without a talk', async () => {
    const { highlight } = await saveClip(db, clip('The Banks are working with a goal based model', 20, null));
    expect(highlight.talkId).toBeNull();
  });

  it('returns the existing highlight instead of saving the same passage twice', async () => {
    const a = await saveClip(db, clip('Automate.', 500, 'The TAO of Hashicorp'));
    const b = await saveClip(db, clip('Automate.', 502, 'The TAO of Hashicorp'));
    expect(b).toEqual({ highlight: a.highlight, duplicate: true });
    expect(await db.highlights.count()).toBe(1);
    // The same words elsewhere on the page are another passage.
    const c = await saveClip(db, clip('Automate.', 5000, 'Linus Torvalds Q&A'));
    expect(c.duplicate).toBe(false);
  });

  it('keeps a renamed talk and does not recreate it on the next clip', async () => {
    await saveClip(db, clip('Immutability.', 400, 'The TAO of Hashicorp'));
    const tao = (await db.talks.filter((t) => t.title === 'The TAO of Hashicorp').first())!;
    await db.talks.update(tao.id, { title: 'Hashicorp values (keynote)' });
    const { highlight } = await saveClip(db, clip('Pragmatism.', 700, 'The TAO of Hashicorp'));
    expect(highlight.talkId).toBe(tao.id);
    expect(await db.talks.count()).toBe(2);
  });

  it('merges fresh page metadata without losing what it lacks', async () => {
    await saveClip(db, clip('Immutability.', 400, null));
    await saveClip(db, clip('Automate.', 450, null, { siteName: null, title: 'Day 3 (updated)' }), 5000);
    const page = (await db.pages.toArray())[0]!;
    expect(page).toMatchObject({
      title: 'Day 3 (updated)',
      siteName: 'Conference Notes Blog',
      updatedAt: 5000,
    });
  });
});

describe('highlight edits', () => {
  let db: TalkNotesDatabase;
  beforeEach(() => {
    db = createDatabase(`edits-${crypto.randomUUID()}`);
  });
  afterEach(() => db.delete());

  it('updates, deletes and restores a highlight exactly', async () => {
    const { highlight } = await saveClip(db, clip('Automate.', 500, null), 1);
    const edited = await updateHighlight(
      db,
      highlight.id,
      { note: 'key idea', tags: ['devops', 'Hashicorp'] },
      2,
    );
    expect(edited).toMatchObject({ note: 'key idea', tags: ['devops', 'Hashicorp'], updatedAt: 2 });
    expect(await listTags(db)).toEqual(['devops', 'Hashicorp']);
    const removed = await deleteHighlight(db, highlight.id);
    expect(await db.highlights.count()).toBe(0);
    await restoreHighlight(db, removed!);
    expect(await db.highlights.get(highlight.id)).toEqual(edited);
    await expect(updateHighlight(db, 'missing', { note: 'x' })).rejects.toThrow(/does not exist/);
  });

  it('records anchoring statuses only for the page named, without touching updatedAt', async () => {
    const { highlight } = await saveClip(db, clip('Automate.', 500, null), 1);
    await recordAnchoring(db, 'https://elsewhere.example/', [{ id: highlight.id, status: 'orphan' }]);
    expect((await db.highlights.get(highlight.id))!.anchorStatus).toBe('placed');
    await recordAnchoring(db, URL_A, [{ id: highlight.id, status: 'orphan' }]);
    expect(await db.highlights.get(highlight.id)).toMatchObject({ anchorStatus: 'orphan', updatedAt: 1 });
  });
});
