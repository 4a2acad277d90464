import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPopupActions, type PageBridge, reportingFailures } from '@/components/data/popup-actions';
import { saveClip } from '@/storage/clips';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import { noMetadata } from '../../clip-fixtures';

const URL = 'https://conf.example/day-2';

describe('popup actions', () => {
  let db: TalkNotesDatabase;
  let bridge: PageBridge & { [K in keyof PageBridge]: ReturnType<typeof vi.fn> };
  let closing = false;
  let id: string;
  beforeEach(async () => {
    db = createDatabase(`popup-actions-${crypto.randomUUID()}`);
    bridge = {
      scrollTo: vi.fn(async () => true),
      notifyChanged: vi.fn((_urls: readonly string[]) => {}),
      updateInBackground: vi.fn(async () => {}),
      isClosing: vi.fn(() => closing),
      saveNote: vi.fn((_id: string, _note: string) => {}),
    };
    closing = false;
    const { highlight } = await saveClip(db, {
      page: {
        url: URL,
        title: 'Day 2',
        ...noMetadata(),
      },
      talks: [{ title: 'Keynote', speakers: [], position: 0 }],
      highlight: {
        text: 'passage',
        markdown: 'passage',
        selectors: [{ type: 'TextQuoteSelector', exact: 'passage', prefix: '', suffix: '' }],
        color: 'yellow',
        note: '',
        position: 10,
        talkTitle: 'Keynote',
      },
    });
    id = highlight.id;
  });
  afterEach(() => db.delete());

  const actions = () => createPopupActions({ db, tabId: 3, bridge });

  it('writes edits to the database and tells the page to redraw', async () => {
    await actions().update(id, { note: 'n', color: 'green' });
    expect(await db.highlights.get(id)).toMatchObject({ note: 'n', color: 'green' });
    expect(bridge.notifyChanged).toHaveBeenCalledExactlyOnceWith([URL]);
    expect(bridge.updateInBackground).not.toHaveBeenCalled();
  });

  it('hands the last edit to the background while the popup is closing', async () => {
    closing = true;
    await actions().update(id, { note: 'typed as it closed' });
    expect(bridge.updateInBackground).toHaveBeenCalledExactlyOnceWith(id, { note: 'typed as it closed' });
    expect((await db.highlights.get(id))!.note).toBe('');
  });

  it('lets a last note flush for a deleted highlight pass quietly', async () => {
    await actions().remove(id);
    await expect(actions().update(id, { note: 'late' })).resolves.toBe(true);
    expect(await db.highlights.get(id)).toBeUndefined();
  });

  it('deletes and restores exactly, redrawing the page each time', async () => {
    await db.highlights.update(id, { note: 'kept', tags: ['x'] });
    const before = await db.highlights.get(id);
    const removed = await actions().remove(id);
    expect(removed).toEqual(before);
    await actions().restore(removed!);
    expect(await db.highlights.get(id)).toEqual(before);
    expect(bridge.notifyChanged).toHaveBeenCalledTimes(2);
  });

  it('scrolls the popup’s own tab', async () => {
    await actions().scrollTo(id);
    expect(bridge.scrollTo).toHaveBeenCalledExactlyOnceWith(3, id);
  });

  it('tells the page only when tagging a talk changed something', async () => {
    const talkId = (await db.highlights.get(id))!.talkId!;
    expect(await actions().tagTalk(talkId, ['a'])).toBe(1);
    expect(await actions().tagTalk(talkId, ['A'])).toBe(0);
    expect(bridge.notifyChanged).toHaveBeenCalledTimes(1);
  });

  it('reports failures instead of throwing', async () => {
    const report = vi.fn();
    const reported = reportingFailures(actions(), report);
    expect(await reported.renameTalk('no-such-talk', 'x')).toBeUndefined();
    expect(report).toHaveBeenCalledWith('talk no-such-talk does not exist');
    expect(await reported.update(id, { note: 'fine' })).toBe(true);
  });
});
