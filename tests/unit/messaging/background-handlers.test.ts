import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HighlightRecord } from '@/core/types';
import { backgroundHandlers } from '@/messaging/background-handlers';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';

const URL_A = 'https://blog.example/day-3';

function highlight(id: string, url: string, position: number): HighlightRecord {
  return {
    id,
    pageId: 'p1',
    url,
    talkId: null,
    text: `passage ${id}`,
    markdown: `passage ${id}`,
    selectors: [{ type: 'TextQuoteSelector', exact: `passage ${id}`, prefix: '', suffix: '' }],
    color: 'yellow',
    note: '',
    tags: [],
    position,
    anchorStatus: 'pending',
    createdAt: 1,
    updatedAt: 1,
  };
}

describe('backgroundHandlers', () => {
  let db: TalkNotesDatabase;
  beforeEach(async () => {
    db = createDatabase(`handlers-${crypto.randomUUID()}`);
    await db.highlights.bulkAdd([
      highlight('b', URL_A, 50),
      highlight('a', URL_A, 10),
      highlight('c', 'https://other.example/', 0),
    ]);
  });
  afterEach(() => db.delete());

  it('answers ping with the version', async () => {
    expect(
      await backgroundHandlers({ db, version: '1.2.3' }).ping({ type: 'ping' }, { role: 'extension' }),
    ).toEqual({
      version: '1.2.3',
    });
  });

  it('returns the highlights of a page in document order, whatever its fragment or tracking', async () => {
    const { getPageHighlights } = backgroundHandlers({ db, version: '1' });
    const rows = await getPageHighlights(
      { type: 'getPageHighlights', url: `${URL_A}?utm_source=feed#comments` },
      { role: 'extension' },
    );
    expect(rows.map((h) => h.id)).toEqual(['a', 'b']);
  });

  it('lets a content script read its own page only', async () => {
    const { getPageHighlights } = backgroundHandlers({ db, version: '1' });
    const own = await getPageHighlights(
      { type: 'getPageHighlights', url: URL_A },
      { role: 'content', tabId: 3, senderUrl: `${URL_A}#top` },
    );
    expect(own).toHaveLength(2);
    await expect(
      getPageHighlights(
        { type: 'getPageHighlights', url: 'https://other.example/' },
        { role: 'content', tabId: 3, senderUrl: URL_A },
      ),
    ).rejects.toThrow(/only act on its own page/);
  });
});
