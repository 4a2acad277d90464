import type { TalkNotesDatabase } from '@/storage/db';
import { type ArchivePost, archivePosts } from '@/storage/popup-queries';
import { useLiveQuery } from './useLiveQuery';

/**
 * The highlighted posts an archive page shows (#18), live, by their keys in page order; undefined
 * until read, and for a page that is no archive (`urls` null).
 */
export function useArchivePosts(
  db: TalkNotesDatabase,
  urls: readonly string[] | null,
): ArchivePost[] | undefined {
  const key = urls?.join('\n') ?? null;
  return useLiveQuery(urls === null ? null : () => archivePosts(db, urls), [db, key]);
}
