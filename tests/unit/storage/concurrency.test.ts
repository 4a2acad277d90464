/**
 * Two contexts writing at once (popup and dashboard open together; two tabs of one page clipping):
 * separate connections to one database, as in the browser. No write may be lost.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveClip } from '@/storage/clips';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import { updateHighlight } from '@/storage/highlights';
import { quotedPassage, noMetadata } from '../clip-fixtures';

const URL_A = 'https://blog.example/day-3';
const page = {
  url: URL_A,
  title: 'Open Source Summit - Day 3',
  ...noMetadata(),
};
const talks = [{ title: 'Linus Torvalds Q&A', speakers: ['Linus Torvalds'], position: 10 }];

describe('concurrent writers', () => {
  let name: string;
  let popup: TalkNotesDatabase;
  let dashboard: TalkNotesDatabase;
  beforeEach(() => {
    name = `concurrency-${crypto.randomUUID()}`;
    popup = createDatabase(name);
    dashboard = createDatabase(name, { cache: 'immutable' });
  });
  afterEach(async () => {
    popup.close();
    dashboard.close();
    await createDatabase(name).delete();
  });

  it('keeps both edits when the popup and the dashboard change different fields at once', async () => {
    const { highlight } = await saveClip(
      popup,
      { page, talks, highlight: quotedPassage('fuzzing', 50, null) },
      1,
    );
    await Promise.all([
      updateHighlight(popup, highlight.id, { note: 'from the popup' }, 2),
      updateHighlight(dashboard, highlight.id, { tags: ['from-dashboard'] }, 3),
      updateHighlight(dashboard, highlight.id, { color: 'blue' }, 4),
    ]);
    expect(await popup.highlights.get(highlight.id)).toMatchObject({
      note: 'from the popup',
      tags: ['from-dashboard'],
      color: 'blue',
    });
  });

  it('lets the last writer win on the same field, whole', async () => {
    const { highlight } = await saveClip(
      popup,
      { page, talks, highlight: quotedPassage('fuzzing', 50, null) },
      1,
    );
    await Promise.all([
      updateHighlight(popup, highlight.id, { note: 'first' }, 2),
      updateHighlight(dashboard, highlight.id, { note: 'second' }, 3),
    ]);
    expect(['first', 'second']).toContain((await dashboard.highlights.get(highlight.id))!.note);
  });

  it('stores both clips, one page and one set of talks, when two tabs of a page clip at once', async () => {
    const [a, b] = await Promise.all([
      saveClip(popup, { page, talks, highlight: quotedPassage('random testing', 80, 'Linus Torvalds Q&A') }),
      saveClip(dashboard, {
        page,
        talks,
        highlight: quotedPassage('bikeshedding', 400, 'Linus Torvalds Q&A'),
      }),
    ]);
    expect(a.duplicate || b.duplicate).toBe(false);
    expect(await popup.pages.count()).toBe(1);
    expect(await popup.talks.count()).toBe(1);
    expect(await popup.highlights.count()).toBe(2);
    expect(a.highlight.talkId).toBe(b.highlight.talkId);
    expect(a.highlight.pageId).toBe(b.highlight.pageId);
  });

  it('saves the same passage once when two tabs clip it at the same moment', async () => {
    const results = await Promise.all([
      saveClip(popup, { page, talks, highlight: quotedPassage('random testing', 80, null) }),
      saveClip(dashboard, { page, talks, highlight: quotedPassage('random testing', 80, null) }),
    ]);
    expect(results.map((r) => r.duplicate).sort()).toEqual([false, true]);
    expect(await popup.highlights.count()).toBe(1);
  });
});
