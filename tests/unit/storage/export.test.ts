// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import { loadAllAnnotations, loadExportContext } from '@/storage/export';
import { setSetting } from '@/storage/settings';
import { conference, conferenceTalk, highlight, page, talk } from '../core/backup-fixtures';

describe('export queries', () => {
  let db: TalkNotesDatabase;
  beforeEach(async () => {
    db = createDatabase(`export-${crypto.randomUUID()}`);
    await db.pages.bulkPut([page('p1'), page('p2'), page('unused')]);
    await db.talks.bulkPut([talk('t1', 'p1'), talk('t-unused', 'p1')]);
    await db.highlights.bulkPut([
      highlight('h1', 'p1', { talkId: 't1' }),
      highlight('h2', 'p1', { talkId: 'deleted-talk' }),
      highlight('h3', 'p2'),
    ]);
    await setSetting(db, 'colorNames', { green: 'Do this' });
  });
  afterEach(() => db.delete());

  it('loads the pages and talks the highlights refer to, and the colour names', async () => {
    const context = await loadExportContext(db, await db.highlights.toArray());
    expect(context.pages.map((p) => p.id)).toEqual(['p1', 'p2']);
    expect(context.talks.map((t) => t.id)).toEqual(['t1']);
    expect(context.colorNames).toEqual({ green: 'Do this' });
  });

  it('loads the conference talks the highlights’ talks link to, and their conferences', async () => {
    await db.conferences.put(conference('fosdem', { title: 'FOSDEM 2026' }));
    await db.talks.bulkPut([
      conferenceTalk('s1', 'fosdem', 'ev-1', { title: 'Rust in the kernel' }),
      conferenceTalk('s2', 'fosdem', 'ev-2', { title: 'Unread' }),
      talk('t2', 'p2', { scheduleTalkId: 's1', scheduleLink: 'matched' }),
      talk('t3', 'p2', { scheduleTalkId: 'deleted-talk', scheduleLink: 'matched' }),
    ]);
    await db.highlights.bulkPut([
      highlight('h4', 'p2', { talkId: 't2' }),
      highlight('h5', 'p2', { talkId: 't3' }),
      highlight('h6', 'p2', { talkId: 's1' }),
    ]);
    const context = await loadExportContext(
      db,
      await db.highlights.bulkGet(['h4', 'h5', 'h6']).then((h) => h.map((x) => x!)),
    );
    expect(context.talks.map((t) => t.id).sort()).toEqual(['s1', 't2', 't3']);
    expect(context.conferences.map((c) => c.title)).toEqual(['FOSDEM 2026']);
    const plain = await loadExportContext(db, [(await db.highlights.get('h1'))!]);
    expect(plain.conferences).toEqual([]);
  });

  it('loads every highlight, page and talk for the Web Annotation export', async () => {
    await db.conferences.put(conference('fosdem'));
    await db.talks.put(conferenceTalk('ct1', 'fosdem', 'ev-1'));
    const all = await loadAllAnnotations(db);
    expect(all.highlights).toHaveLength(3);
    expect(all.pages).toHaveLength(3);
    expect(all.talks.map((t) => t.id).sort()).toEqual(['ct1', 't-unused', 't1']);
  });
});
