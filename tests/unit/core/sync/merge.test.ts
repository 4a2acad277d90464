// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { resolveConflict, stampDeletion, stampRecord, stampRecreated, stateChanged } from '@/core/sync/edits';
import { covers, currentVersions } from '@/core/sync/field-clock';
import { mergeStates, viewState } from '@/core/sync/merge';

const created = stampRecord(undefined, { note: 'first', tags: ['a'], color: 'yellow' }, 'dev-a', 100);
/** The record as both devices have it after a sync. */
const shared = mergeStates(created, created);

describe('sync conflict rules', () => {
  it('keeps concurrent edits of different fields of one record', () => {
    const a = stampRecord(shared, { note: 'note from A', tags: ['a'], color: 'yellow' }, 'dev-a', 200);
    const b = stampRecord(shared, { note: 'first', tags: ['a', 'b'], color: 'yellow' }, 'dev-b', 150);
    const view = viewState(mergeStates(a, b));
    expect(view.values).toEqual({ note: 'note from A', tags: ['a', 'b'], color: 'yellow' });
    expect(view.conflicts).toEqual([]);
    expect(view.updatedAt).toBe(200);
  });

  it.each([
    { case: 'B edited later', atA: 200, atB: 300, winner: 'from B', loser: 'from A' },
    { case: 'A edited later', atA: 300, atB: 200, winner: 'from A', loser: 'from B' },
    { case: 'a tie: the greater device id', atA: 200, atB: 200, winner: 'from B', loser: 'from A' },
  ])('the same field edited on two devices ($case): later wins, the other is a conflict', (c) => {
    const a = stampRecord(shared, { note: 'from A', tags: ['a'], color: 'yellow' }, 'dev-a', c.atA);
    const b = stampRecord(shared, { note: 'from B', tags: ['a'], color: 'yellow' }, 'dev-b', c.atB);
    for (const merged of [mergeStates(a, b), mergeStates(b, a)]) {
      const view = viewState(merged);
      expect(view.values?.note).toBe(c.winner);
      expect(view.conflicts.map((x) => [x.field, x.versions.map((v) => v.value)])).toEqual([
        ['note', [c.winner, c.loser]],
      ]);
    }
  });

  it('an edit made after seeing another replaces it, whatever the clocks say', () => {
    const a = stampRecord(shared, { note: 'from A', tags: ['a'], color: 'yellow' }, 'dev-a', 500);
    const bSawA = mergeStates(shared, a);
    const b = stampRecord(bSawA, { note: 'from B', tags: ['a'], color: 'yellow' }, 'dev-b', 10);
    const view = viewState(mergeStates(a, b));
    expect(view.values?.note).toBe('from B');
    expect(view.conflicts).toEqual([]);
  });

  it('concurrent edits to the same value are not shown as a conflict', () => {
    const a = stampRecord(shared, { note: 'same', tags: ['a'], color: 'yellow' }, 'dev-a', 200);
    const b = stampRecord(shared, { note: 'same', tags: ['a'], color: 'yellow' }, 'dev-b', 300);
    expect(viewState(mergeStates(a, b)).conflicts).toEqual([]);
  });

  it('resolving a conflict supersedes every version on every device', () => {
    const a = stampRecord(shared, { note: 'from A', tags: ['a'], color: 'yellow' }, 'dev-a', 200);
    const b = stampRecord(shared, { note: 'from B', tags: ['a'], color: 'yellow' }, 'dev-b', 300);
    const resolved = resolveConflict(mergeStates(a, b), 'note', 'from A\n\nfrom B', 'dev-a', 400);
    for (const merged of [resolved, mergeStates(resolved, b), mergeStates(a, resolved)]) {
      const view = viewState(merged);
      expect(view.values?.note).toBe('from A\n\nfrom B');
      expect(view.conflicts).toEqual([]);
    }
  });

  it('a plain edit of a field in conflict keeps the conflict (only resolving ends it)', () => {
    const a = stampRecord(shared, { note: 'from A', tags: ['a'], color: 'yellow' }, 'dev-a', 200);
    const b = stampRecord(shared, { note: 'from B', tags: ['a'], color: 'yellow' }, 'dev-b', 300);
    const edited = stampRecord(
      mergeStates(a, b),
      { note: 'B again', tags: ['a'], color: 'yellow' },
      'dev-b',
      350,
    );
    expect(viewState(edited).conflicts[0]?.versions.map((v) => v.value)).toEqual(['B again', 'from A']);
  });

  it('a deletion that had seen every edit propagates', () => {
    const a = stampRecord(shared, { note: 'from A', tags: ['a'], color: 'yellow' }, 'dev-a', 200);
    const bDeletes = stampDeletion(mergeStates(shared, a), 'dev-b', 300);
    for (const merged of [mergeStates(a, bDeletes), mergeStates(bDeletes, a)]) {
      expect(viewState(merged)).toMatchObject({ values: null, keptAfterDeletion: false, conflicts: [] });
    }
  });

  it('deleted on one device and edited on another: kept, and it says so', () => {
    const a = stampRecord(shared, { note: 'edited on A', tags: ['a'], color: 'yellow' }, 'dev-a', 200);
    const bDeletes = stampDeletion(shared, 'dev-b', 900);
    const view = viewState(mergeStates(bDeletes, a));
    expect(view.values).toEqual({ note: 'edited on A', tags: ['a'], color: 'yellow' });
    expect(view.keptAfterDeletion).toBe(true);
    // Deleting it again, having seen the edit, deletes it everywhere.
    const again = stampDeletion(mergeStates(bDeletes, a), 'dev-a', 950);
    expect(viewState(mergeStates(again, a)).values).toBeNull();
  });

  it('removing an optional field is an edit like any other', () => {
    const withPin = stampRecord(
      shared,
      { note: 'first', tags: ['a'], color: 'yellow', talkPinned: true },
      'dev-a',
      200,
    );
    const unpinned = stampRecord(withPin, { note: 'first', tags: ['a'], color: 'yellow' }, 'dev-a', 300);
    expect(viewState(mergeStates(withPin, unpinned)).values).toEqual({
      note: 'first',
      tags: ['a'],
      color: 'yellow',
    });
  });

  it('two edits of one device never share a vector, and the later covers the earlier', () => {
    const one = stampRecord(shared, { note: 'one', tags: ['a'], color: 'yellow' }, 'dev-a', 200);
    const two = stampRecord(one, { note: 'two', tags: ['a'], color: 'yellow' }, 'dev-a', 100);
    const [v1] = one.fields.note!;
    const [v2] = two.fields.note!;
    expect(covers(v2!.vv, v1!.vv) && !covers(v1!.vv, v2!.vv)).toBe(true);
    expect(currentVersions([v1!, v2!])).toEqual([v2]);
  });
});

describe('a deleted record saved again (stampRecreated)', () => {
  it('lives again on every replica, with the values saved, even those equal to the deleted ones', () => {
    const deleted = stampDeletion(shared, 'dev-a', 300);
    const again = stampRecreated(deleted, { note: 'first', tags: ['a'], color: 'yellow' }, 'dev-a', 100);
    expect(stateChanged(deleted, again)).toBe(true);
    const view = viewState(again);
    expect(view.values).toEqual({ note: 'first', tags: ['a'], color: 'yellow' });
    // The other device had the deletion already: merging still shows the record.
    expect(viewState(mergeStates(mergeStates(shared, deleted), again)).values).toEqual(view.values);
    // stampRecord alone would change nothing: the values are those of the deleted versions.
    expect(
      stateChanged(
        deleted,
        stampRecord(deleted, { note: 'first', tags: ['a'], color: 'yellow' }, 'dev-a', 100),
      ),
    ).toBe(false);
  });

  it('a field dropped while deleted stays dropped', () => {
    const again = stampRecreated(
      stampDeletion(shared, 'dev-b', 300),
      { note: 'first', color: 'yellow' },
      'dev-b',
      400,
    );
    expect(viewState(again).values).toEqual({ note: 'first', color: 'yellow' });
  });
});

describe('a page’s readAt: a grow-only set (#18)', () => {
  const ARCHIVE = 'https://blog.example.org/2024/';
  const MOVED = 'https://blog.example.org/posts/scaling-v2';
  const AMP = 'https://amp.example.org/scaling';
  const page = stampRecord(undefined, { title: 'Scaling', readAt: [ARCHIVE] }, 'dev-a', 100);
  const both = mergeStates(page, page);

  it('two devices’ concurrent lists merge to their union, never a conflict, in either order', () => {
    const a = stampRecord(both, { title: 'Scaling', readAt: [ARCHIVE, MOVED] }, 'dev-a', 200);
    const b = stampRecord(both, { title: 'Scaling', readAt: [AMP, ARCHIVE] }, 'dev-b', 300);
    for (const merged of [mergeStates(a, b), mergeStates(b, a)]) {
      const view = viewState(merged);
      expect(view.values?.readAt).toEqual([AMP, ARCHIVE, MOVED]);
      expect(view.conflicts).toEqual([]);
    }
  });

  it('a device that saves the union supersedes both lists; one that has not seen the other stays joined', () => {
    const a = stampRecord(both, { title: 'Scaling', readAt: [ARCHIVE, MOVED] }, 'dev-a', 200);
    const b = stampRecord(both, { title: 'Scaling', readAt: [AMP, ARCHIVE] }, 'dev-b', 300);
    const union = stampRecord(
      mergeStates(a, b),
      { title: 'Scaling', readAt: [AMP, ARCHIVE, MOVED] },
      'dev-a',
      400,
    );
    expect(union.fields.readAt).toHaveLength(1);
    expect(viewState(mergeStates(union, b)).values?.readAt).toEqual([AMP, ARCHIVE, MOVED]);
    // A list made without seeing B's (a later clip on A before the merge reached it) joins, not wins.
    const later = stampRecord(
      a,
      { title: 'Scaling', readAt: [ARCHIVE, MOVED, 'https://blog.example.org/tag/db'] },
      'dev-a',
      500,
    );
    expect(viewState(mergeStates(later, b)).values?.readAt).toEqual([
      AMP,
      ARCHIVE,
      MOVED,
      'https://blog.example.org/tag/db',
    ]);
  });

  it('another field edited on two devices is still a conflict', () => {
    const a = stampRecord(both, { title: 'A’s title', readAt: [ARCHIVE, MOVED] }, 'dev-a', 200);
    const b = stampRecord(both, { title: 'B’s title', readAt: [AMP] }, 'dev-b', 300);
    expect(viewState(mergeStates(a, b)).conflicts.map((c) => c.field)).toEqual(['title']);
  });
});
