// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  combineValues,
  conflictChoices,
  keptAfterOtherDeviceDeletion,
  needsReader,
} from '@/core/sync/conflict-choices';
import { stampDeletion, stampRecord, stampRecreated } from '@/core/sync/edits';
import { mergeStates } from '@/core/sync/merge';

describe('combineValues (Keep both)', () => {
  it.each([
    [['later note', 'earlier note'], 'later note\n\nearlier note'],
    [['same', 'same'], 'same'],
    [['', 'only one written'], 'only one written'],
    [
      [
        ['a', 'b'],
        ['b', 'c'],
      ],
      ['a', 'b', 'c'],
    ],
    [['red', 'green'], 'red\n\ngreen'],
    [[1, 2], null],
    [['a note', ['a tag']], null],
    [[], null],
  ])('%j -> %j', (values, expected) => {
    expect(combineValues(values)).toEqual(expected);
  });
});

describe('conflictChoices', () => {
  const base = stampRecord(undefined, { text: 'passage', note: '', updatedAt: 1 }, 'dev-a', 1);
  it('lists a field two devices edited, the later first; never the edit time', () => {
    const a = stampRecord(base, { text: 'passage', note: 'from A', updatedAt: 10 }, 'dev-a', 10);
    const b = stampRecord(base, { text: 'passage', note: 'from B', updatedAt: 20 }, 'dev-b', 20);
    const choices = conflictChoices(mergeStates(a, b));
    expect(choices).toEqual([
      {
        field: 'note',
        versions: [
          { value: 'from B', at: 20, by: 'dev-b' },
          { value: 'from A', at: 10, by: 'dev-a' },
        ],
        both: 'from B\n\nfrom A',
      },
    ]);
  });
  it('lists nothing for edits made one after the other', () => {
    const a = stampRecord(base, { text: 'passage', note: 'first', updatedAt: 10 }, 'dev-a', 10);
    const b = stampRecord(a, { text: 'passage', note: 'second', updatedAt: 5 }, 'dev-b', 5);
    expect(conflictChoices(mergeStates(a, b))).toEqual([]);
  });
});

describe('keptAfterOtherDeviceDeletion', () => {
  const base = stampRecord(undefined, { text: 'passage', note: '' }, 'dev-a', 1);
  it('is true when another device edited what one deleted', () => {
    const deleted = stampDeletion(base, 'dev-a', 5);
    const edited = stampRecord(base, { text: 'passage', note: 'kept' }, 'dev-b', 6);
    expect(keptAfterOtherDeviceDeletion(mergeStates(deleted, edited))).toBe(true);
  });
  it('is false for a record its own device deleted and brought back, and for a plain deletion', () => {
    const deleted = stampDeletion(base, 'dev-a', 5);
    expect(
      keptAfterOtherDeviceDeletion(stampRecreated(deleted, { text: 'passage', note: '' }, 'dev-a', 6)),
    ).toBe(false);
    expect(keptAfterOtherDeviceDeletion(deleted)).toBe(false);
  });
});

describe('needsReader (the sync rows’ indexed flag)', () => {
  const base = stampRecord(undefined, { text: 'passage', note: '', updatedAt: 1 }, 'dev-a', 1);
  const edit = (device: string, note: string, at: number) =>
    stampRecord(base, { text: 'passage', note, updatedAt: at }, device, at);
  const deletedOnA = stampDeletion(base, 'dev-a', 5);
  it.each([
    ['a record edited on one device', false, edit('dev-a', 'mine', 2)],
    [
      'edits one after the other',
      false,
      stampRecord(edit('dev-a', 'first', 2), { text: 'passage', note: 'then', updatedAt: 3 }, 'dev-b', 3),
    ],
    [
      'only the edit time concurrent',
      false,
      mergeStates(
        stampRecord(base, { text: 'passage', note: '', updatedAt: 2 }, 'dev-a', 2),
        stampRecord(base, { text: 'passage', note: '', updatedAt: 3 }, 'dev-b', 3),
      ),
    ],
    [
      'a note edited on two devices',
      true,
      mergeStates(edit('dev-a', 'from A', 2), edit('dev-b', 'from B', 3)),
    ],
    ['deleted on A, edited on B', true, mergeStates(deletedOnA, edit('dev-b', 'from B', 3))],
    ['a plain deletion', false, deletedOnA],
    [
      'deleted and brought back by its own device',
      false,
      stampRecreated(deletedOnA, { text: 'passage', note: '', updatedAt: 6 }, 'dev-a', 6),
    ],
  ])('%s: %s', (_, expected, state) => {
    expect(needsReader(state)).toBe(expected);
    // The same answer as the two questions the dashboard asks.
    expect(needsReader(state)).toBe(conflictChoices(state).length > 0 || keptAfterOtherDeviceDeletion(state));
  });
});
