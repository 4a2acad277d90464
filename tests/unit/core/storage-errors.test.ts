import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { classifyStorageError, describeStorageError } from '@/core/storage-errors';

const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('classifyStorageError', () => {
  it.each([
    ['a DOMException QuotaExceededError', quota, 'quota'],
    ['Dexie’s QuotaExceededError', new Dexie.QuotaExceededError('full'), 'quota'],
    ['an AbortError wrapping a quota error (Dexie)', new Dexie.AbortError('aborted', quota), 'quota'],
    ['an Error with a quota cause', new Error('write failed', { cause: quota }), 'quota'],
    ['a database that cannot open', new Dexie.OpenFailedError('open failed'), 'unavailable'],
    [
      'an InvalidStateError (Firefox private windows)',
      new DOMException('x', 'InvalidStateError'),
      'unavailable',
    ],
    ['a closed database', new Dexie.DatabaseClosedError('closed'), 'unavailable'],
    ['anything else', new TypeError('x is undefined'), 'other'],
    ['not an error', 'boom', 'other'],
  ])('%s -> %s', (_label, error, kind) => {
    expect(classifyStorageError(error)).toBe(kind);
  });

  it('does not loop on an error that wraps itself', () => {
    const error = new Error('loop') as Error & { inner?: unknown };
    error.inner = error;
    expect(classifyStorageError(error)).toBe('other');
  });
});

describe('describeStorageError', () => {
  it('speaks plainly about quota and unavailable storage, and keeps other messages', () => {
    expect(describeStorageError(new Dexie.AbortError('aborted', quota))).toMatch(/no room left/);
    expect(describeStorageError(new Dexie.OpenFailedError('x'))).toMatch(/cannot open its storage/);
    expect(describeStorageError(new Error('highlight h1 does not exist'))).toBe(
      'highlight h1 does not exist',
    );
  });
});
