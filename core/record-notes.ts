/**
 * A talk's or page's own note and tags (#17): the reader's takeaways on the whole talk or post, not
 * tied to a passage. Stored as optional fields of the talk and page records (core/types.ts
 * `RecordNotes`), so a record without them reads as an empty note and no tags.
 */
import type { RecordNotes } from './types';

/** The record's note, '' when it has none. */
export function noteOf(record: RecordNotes | null | undefined): string {
  return record?.note ?? '';
}

/** The record's tags, [] when it has none. */
export function tagsOf(record: RecordNotes | null | undefined): readonly string[] {
  return record?.tags ?? [];
}

/** Whether the record carries a note (not only whitespace) or a tag. */
export function hasRecordNotes(record: RecordNotes | null | undefined): boolean {
  return noteOf(record).trim() !== '' || tagsOf(record).length > 0;
}
