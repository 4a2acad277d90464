/**
 * "Edited on two devices" in the dashboard (components/dashboard/SyncConflicts.tsx) with its real
 * container hook over a real database: the sync state of a highlight whose note two devices edited
 * is made with the core's own stamping and merge, and the choice goes through the background's real
 * handler (the `send` seam) to storage/sync/conflicts.ts.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SyncConflicts } from '@/components/dashboard/SyncConflicts';
import { useSyncConflicts } from '@/components/data/useSyncConflicts';
import { documentId, toSyncedValues } from '@/core/sync/documents';
import { stampDeletion, stampRecord } from '@/core/sync/edits';
import { mergeStates } from '@/core/sync/merge';
import { backgroundHandlers } from '@/messaging/background-handlers';
import type { BackgroundRequest } from '@/messaging/protocol';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import { enableSync } from '@/storage/sync/enable';
import { skipStamping } from '@/storage/sync/stamping';
import { DEVICE_ID_KEY } from '@/storage/sync/state';
import { clipOn } from '../../clip-fixtures';

afterEach(cleanup);

const AT = new Date(2026, 11, 6, 17, 0).getTime();

/** A highlight whose note this device and another edited concurrently (this device's later). */
async function conflicted(db: TalkNotesDatabase) {
  await enableSync(db);
  const { highlight } = await clipOn(db, 'https://a.example/', 'a passage edited twice', 60, null);
  const id = documentId('highlights', highlight.id);
  const here = (await db.syncMeta.get(DEVICE_ID_KEY))!.value as string;
  const base = (await db.sync.get(id))!.state;
  const values = toSyncedValues('highlights', highlight);
  const mine = stampRecord(base, { ...values, note: 'written here' }, here, AT + 2_000);
  const theirs = stampRecord(base, { ...values, note: 'written there' }, 'dev-other', AT + 1_000);
  const record = { ...highlight, note: 'written here', updatedAt: AT + 2_000 };
  await db.transaction('rw', db.highlights, db.sync, async () => {
    skipStamping();
    await db.highlights.put(record);
    await db.sync.put({ key: id, state: mergeStates(mine, theirs), dirty: 1 });
  });
  return { highlight: record, id, base, values };
}

function setup(db: TalkNotesDatabase) {
  const handlers = backgroundHandlers({ db, version: 'test' });
  const sent: BackgroundRequest[] = [];
  const send = (async (message: BackgroundRequest) => {
    sent.push(message);
    if (message.type !== 'resolveSyncConflict') throw new Error('not under test');
    return handlers.resolveSyncConflict(message, { role: 'extension' } as never);
  }) as never;
  function Harness() {
    const conflicts = useSyncConflicts(db, send);
    return conflicts ? <SyncConflicts conflicts={conflicts} /> : <p>loading</p>;
  }
  render(<Harness />);
  return { sent };
}

describe('Edited on two devices', () => {
  it('shows nothing for a library without conflicts', async () => {
    const db = createDatabase(`conflicts-${crypto.randomUUID()}`);
    await enableSync(db);
    await clipOn(db, 'https://a.example/', 'quiet passage', 60, null);
    setup(db);
    await waitFor(() => expect(screen.queryByText('loading')).toBeNull());
    expect(screen.queryByRole('heading', { name: /Edited on two devices/ })).toBeNull();
    await db.delete();
  });

  it('offers both notes with Keep this, Keep that and Keep both; Keep that writes the other note', async () => {
    const db = createDatabase(`conflicts-${crypto.randomUUID()}`);
    const { highlight, id } = await conflicted(db);
    const { sent } = setup(db);
    await screen.findByRole('heading', { name: 'Edited on two devices (1)' });
    const article = screen.getByRole('article', { name: 'Highlight “a passage edited twice”' });
    const group = within(article).getByRole('group', { name: 'Note edited on two devices' });
    expect(within(group).getByText('written here')).toBeTruthy();
    expect(within(group).getByText('written there')).toBeTruthy();
    expect(within(group).getByText(/^Shown now; edited on this device/)).toBeTruthy();
    expect(within(group).getByText(/^edited on another device/)).toBeTruthy();
    const buttons = within(group)
      .getAllByRole('button')
      .map((b) => b.textContent);
    expect(buttons).toEqual(['Keep this', 'Keep that', 'Keep both']);
    // Keyboard operable: native buttons, in the Tab order.
    for (const button of within(group).getAllByRole('button')) {
      expect(button.tagName).toBe('BUTTON');
      expect(button.tabIndex).toBe(0);
    }

    fireEvent.click(within(group).getByRole('button', { name: 'Keep that' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: /Edited on two devices/ })).toBeNull());
    expect(sent).toEqual([
      { type: 'resolveSyncConflict', id, field: 'note', keep: { by: 'dev-other', at: AT + 1_000 } },
    ]);
    expect((await db.highlights.get(highlight.id))?.note).toBe('written there');
    expect((await db.sync.get(id))?.dirty).toBe(1);
    await db.delete();
  });

  it('Keep both keeps both notes, the shown one first', async () => {
    const db = createDatabase(`conflicts-${crypto.randomUUID()}`);
    const { highlight } = await conflicted(db);
    setup(db);
    const group = await screen.findByRole('group', { name: 'Note edited on two devices' });
    fireEvent.click(within(group).getByRole('button', { name: 'Keep both' }));
    await waitFor(() => expect(screen.queryByRole('group', { name: /edited on two devices/ })).toBeNull());
    expect((await db.highlights.get(highlight.id))?.note).toBe('written here\n\nwritten there');
    await db.delete();
  });

  it('says when a choice cannot be written, and keeps offering it', async () => {
    const db = createDatabase(`conflicts-${crypto.randomUUID()}`);
    await conflicted(db);
    const failing = (async () => {
      throw new Error('This conflict changed meanwhile: look at it again.');
    }) as never;
    function Harness() {
      const conflicts = useSyncConflicts(db, failing);
      return conflicts ? <SyncConflicts conflicts={conflicts} /> : null;
    }
    render(<Harness />);
    const group = await screen.findByRole('group', { name: 'Note edited on two devices' });
    fireEvent.click(within(group).getByRole('button', { name: 'Keep this' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This conflict changed meanwhile: look at it again.',
    );
    expect(screen.getByRole('group', { name: 'Note edited on two devices' })).toBeTruthy();
    await db.delete();
  });

  it('says a highlight deleted on another device while edited here was kept', async () => {
    const db = createDatabase(`conflicts-${crypto.randomUUID()}`);
    const { id, base, values, highlight } = await conflicted(db);
    const here = (await db.syncMeta.get(DEVICE_ID_KEY))!.value as string;
    // The other device deleted it having seen only the clip; this device edited the note meanwhile.
    const deleted = stampDeletion(base, 'dev-other', AT + 500);
    const edited = stampRecord(base, { ...values, note: 'kept' }, here, AT + 3_000);
    await db.transaction('rw', db.highlights, db.sync, async () => {
      skipStamping();
      await db.highlights.put({ ...highlight, note: 'kept', updatedAt: AT + 3_000 });
      await db.sync.put({ key: id, state: mergeStates(deleted, edited), dirty: 1 });
    });
    setup(db);
    await screen.findByRole('heading', { name: 'Kept after a deletion (1)' });
    const article = screen.getByRole('article', { name: 'Highlight “a passage edited twice”' });
    expect(within(article).getByText('Deleted on one device and edited on another: kept.')).toBeTruthy();
    // Nothing to choose: the only button dismisses the notice.
    expect(
      within(article)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Dismiss']);
    await db.delete();
  });

  it('dismisses the kept-after-a-deletion notice on this device, until another deletion', async () => {
    const db = createDatabase(`conflicts-${crypto.randomUUID()}`);
    const { id, base, values, highlight } = await conflicted(db);
    const here = (await db.syncMeta.get(DEVICE_ID_KEY))!.value as string;
    const deleted = stampDeletion(base, 'dev-other', AT + 500);
    const edited = stampRecord(base, { ...values, note: 'kept' }, here, AT + 3_000);
    const kept = mergeStates(deleted, edited);
    await db.transaction('rw', db.highlights, db.sync, async () => {
      skipStamping();
      await db.highlights.put({ ...highlight, note: 'kept', updatedAt: AT + 3_000 });
      await db.sync.put({ key: id, state: kept, dirty: 0 });
    });
    setup(db);
    const article = await screen.findByRole('article', { name: 'Highlight “a passage edited twice”' });
    fireEvent.click(within(article).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByRole('article')).toBeNull());
    // Per device: the synced state is untouched and nothing is to be sent; the index drops the row.
    const row = (await db.sync.get(id))!;
    expect(row.state).toEqual(kept);
    expect(row.dirty).toBe(0);
    expect(row.conflicted).toBeUndefined();
    // The other device deletes it again while this one edits once more: the notice is back.
    const again = stampDeletion(kept, 'dev-other', AT + 4_000);
    const later = stampRecord(kept, { ...values, note: 'kept twice' }, here, AT + 5_000);
    await db.transaction('rw', db.highlights, db.sync, async () => {
      skipStamping();
      await db.highlights.put({ ...highlight, note: 'kept twice', updatedAt: AT + 5_000 });
      await db.sync.put({ ...row, state: mergeStates(again, later) });
    });
    await screen.findByRole('heading', { name: 'Kept after a deletion (1)' });
    await db.delete();
  });
});
