/**
 * What a storage failure means for the reader, in plain words. IndexedDB and Dexie report the same
 * conditions under several names (a quota error may arrive wrapped in an AbortError), so the
 * classification looks at the error and at what it wraps.
 */

export type StorageProblem = 'quota' | 'unavailable' | 'other';

const UNAVAILABLE = new Set([
  'InvalidStateError',
  'UnknownError',
  'OpenFailedError',
  'DatabaseClosedError',
  'MissingAPIError',
  'VersionError',
  'SecurityError',
]);

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  inner?: unknown;
  cause?: unknown;
}

/** The error and everything it wraps (Dexie's `inner`, standard `cause`), outermost first. */
function chain(error: unknown): ErrorLike[] {
  const seen: ErrorLike[] = [];
  let current: unknown = error;
  while (current && typeof current === 'object' && seen.length < 5 && !seen.includes(current as ErrorLike)) {
    seen.push(current as ErrorLike);
    current = (current as ErrorLike).inner ?? (current as ErrorLike).cause;
  }
  return seen;
}

/**
 * A full quota or disk, by name or message. Beyond the standard QuotaExceededError, Firefox reports
 * its own result codes: NS_ERROR_DOM_QUOTA_REACHED ("Persistent storage maximum size reached") and
 * NS_ERROR_FILE_NO_DEVICE_SPACE (a full disk), as the error's name or inside its message.
 */
const QUOTA = /quota|NS_ERROR_FILE_NO_DEVICE_SPACE/i;

export function classifyStorageError(error: unknown): StorageProblem {
  const errors = chain(error);
  if (errors.some((e) => QUOTA.test(String(e.name ?? '')) || QUOTA.test(String(e.message ?? ''))))
    return 'quota';
  if (errors.some((e) => UNAVAILABLE.has(String(e.name)))) return 'unavailable';
  return 'other';
}

/** A sentence the reader can act on; `other` keeps the original message. */
export function describeStorageError(error: unknown): string {
  switch (classifyStorageError(error)) {
    case 'quota':
      return 'The browser has no room left for Talk Notes. Free some disk space or export a backup and remove old highlights.';
    case 'unavailable':
      return 'Talk Notes cannot open its storage in this window (private browsing, or site data turned off in the browser).';
    case 'other':
      return error instanceof Error ? error.message : String(error);
  }
}
