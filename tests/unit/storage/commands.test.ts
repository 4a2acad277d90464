import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Commands, createCommands } from '@/storage/commands';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import { at, highlight, page, sampleLibrary } from '../core/backup-fixtures';
import { clipOn } from '../clip-fixtures';
import { wipeLibrary } from './library-helpers';

const A = 'https://a.example/';
const B = 'https://b.example/';

describe('the commands', () => {
  let db: TalkNotesDatabase;
  let notify: ReturnType<typeof vi.fn<(urls: readonly string[]) => void>>;
  let commands: Commands;
  /** Two highlights on page A under "Kernel live patching", one on page B under the talk of that name there. */
  let ids: { a1: string; a2: string; b1: string; talkA: string; talkB: string };

  beforeEach(async () => {
    db = createDatabase(`commands-${crypto.randomUUID()}`);
    notify = vi.fn<(urls: readonly string[]) => void>();
    commands = createCommands({ db, notify, now: () => 42 });
    const a1 = await clipOn(db, A, 'kGraft', 60, 'Kernel live patching');
    const a2 = await clipOn(db, A, 'kpatch', 80, 'Kernel live patching');
    const b1 = await clipOn(db, B, 'livepatch', 60, 'Kernel live patching');
    ids = {
      a1: a1.highlight.id,
      a2: a2.highlight.id,
      b1: b1.highlight.id,
      talkA: a1.highlight.talkId!,
      talkB: b1.highlight.talkId!,
    };
  });
  afterEach(() => db.delete());

  // Each write tells the open tabs of exactly the pages whose highlights it changed, once.
  it.each<[string, (c: Commands) => Promise<unknown>, string[]]>([
    ['an edit', (c) => c.updateHighlight(ids.a1, { note: 'n' }), [A]],
    ['a delete', (c) => c.deleteHighlight(ids.b1), [B]],
    ['a bulk delete', (c) => c.deleteHighlights([ids.a1, ids.b1, ids.a2]), [A, B]],
    ['added tags', (c) => c.addTags([ids.a1, ids.b1], ['kernel']), [A, B]],
    ['a talk set', (c) => c.setTalk([ids.b1], ids.talkA), [B]],
    ['a bulk recolour', (c) => c.setColor([ids.a1, ids.b1], 'pink'), [A, B]],
    ['a move to a talk by name', (c) => c.moveToTalkNamed(ids.a2, 'Hallway track'), [A]],
    ['a talk tagged', (c) => c.tagTalk(ids.talkA, ['kernel']), [A]],
    ['a merge', (c) => c.mergeTalks(ids.talkA, [ids.talkB]), [B]],
  ])('%s redraws its pages', async (_, write, pages) => {
    await write(commands);
    expect(notify).toHaveBeenCalledOnce();
    expect([...notify.mock.calls[0]![0]].sort()).toEqual(pages);
  });

  it('a restore redraws the pages of what it put back', async () => {
    const deleted = await commands.deleteHighlights([ids.a1, ids.b1]);
    const single = await commands.deleteHighlight(ids.a2);
    notify.mockClear();
    await commands.restoreHighlights(deleted);
    await commands.restoreHighlight(single!);
    expect(notify.mock.calls.map(([urls]) => [...urls].sort())).toEqual([[A, B], [A]]);
    expect(await db.highlights.count()).toBe(3);
  });

  it.each<[string, (c: Commands) => Promise<unknown>]>([
    ['tags it already has', (c) => c.addTags([ids.a1], [])],
    ['a talk renamed', (c) => c.renameTalk(ids.talkA, 'Live patching')],
    ['speakers set', (c) => c.setSpeakers(ids.talkA, ['Jiri Kosina'])],
    ['a collection', (c) => c.createCollection({ name: 'Keep', highlightIds: [ids.a1] })],
    ['colour names', (c) => c.setSetting('colorNames', { green: 'Key idea' })],
    ['a deleted highlight deleted again', (c) => c.deleteHighlight('gone')],
  ])('%s redraws nothing', async (_, write) => {
    await write(commands);
    expect(notify).not.toHaveBeenCalled();
  });

  it('restoring a backup redraws the pages whose highlights it brought back', async () => {
    const backup = sampleLibrary();
    await wipeLibrary(db);
    await commands.importBackup(backup);
    const pages = [...new Set(backup.highlights.map((h) => h.url))].sort();
    expect(notify).toHaveBeenCalledOnce();
    expect([...notify.mock.calls[0]![0]].sort()).toEqual(pages);

    // The same file again changes nothing, and disturbs no tab.
    notify.mockClear();
    await commands.importBackup(backup);
    expect(notify).not.toHaveBeenCalled();

    // A newer edit in a backup redraws only its page.
    const newer = sampleLibrary();
    newer.highlights[0] = { ...newer.highlights[0]!, note: 'newer', updatedAt: at(9_000) };
    await commands.importBackup(newer);
    expect(notify).toHaveBeenCalledExactlyOnceWith([newer.highlights[0]!.url]);
  });

  it('a failed write tells no one and says why in plain words', async () => {
    const full = Object.assign(new Error('The current transaction exceeded its quota limitations.'), {
      name: 'QuotaExceededError',
    });
    vi.spyOn(db.highlights, 'update').mockRejectedValueOnce(full);
    const failed = commands.updateHighlight(ids.a1, { note: 'n' });
    await expect(failed).rejects.toThrow(/no room left for Talk Notes/);
    await expect(failed).rejects.toMatchObject({ cause: full });
    await expect(commands.updateHighlight('missing', { note: 'n' })).rejects.toThrow(
      'highlight missing does not exist',
    );
    expect(notify).not.toHaveBeenCalled();
  });

  it('a cancelled restore rejects as cancelled, changing and telling nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      commands.importBackup(
        { ...sampleLibrary(), highlights: [highlight('h-x', 'p1')], pages: [page('p1')] },
        {
          signal: controller.signal,
        },
      ),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(await db.highlights.get('h-x')).toBeUndefined();
    expect(notify).not.toHaveBeenCalled();
  });
});
