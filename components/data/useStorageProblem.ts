import { useEffect, useState } from 'preact/hooks';
import { describeStorageError } from '@/core/storage-errors';
import type { TalkNotesDatabase } from '@/storage/db';

/**
 * A plain sentence when the database cannot be opened (private windows, storage turned off,
 * a full disk), else null. Live queries only log their errors; this is what the reader sees.
 */
export function useStorageProblem(db: TalkNotesDatabase): string | null {
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    db.open().catch((error: unknown) => {
      if (current) setProblem(describeStorageError(error));
    });
    return () => {
      current = false;
    };
  }, [db]);
  return problem;
}
