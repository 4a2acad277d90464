/**
 * Reading a file the dashboard's import was given: a Talk Notes backup, or W3C Web Annotations
 * (core/web-annotation-import.ts). Annotations become a backup of the records they stand for, checked
 * by the same `parseBackup` as any backup file, so the import that follows (preview, merge, all or
 * nothing) is the backup's.
 *
 * Before that, annotation records are fitted to the library: a page already in it (by URL) keeps its
 * record and title, and gains the imported page note when it has none and the imported tags; a talk
 * of that page with the same title (ignoring case) is the talk the passages go to. So importing a
 * file twice, or our own export into the library it came from, adds nothing.
 */
import {
  type LibraryData,
  type ParseBackupResult,
  createBackup,
  parseBackup,
  serializeBackup,
} from '@/core/backup';
import { noteOf, tagsOf } from '@/core/record-notes';
import { normalizeTags } from '@/core/tags';
import type { PageRecord, TalkRecord } from '@/core/types';
import { looksLikeWebAnnotations, readWebAnnotations, skippedWarning } from '@/core/web-annotation-import';
import { libraryReferences } from './backup';
import type { TalkNotesDatabase } from './db';

/** A parsed import file; `annotations` counts the Web Annotations read, when the file held those. */
export type ParsedImport = ParseBackupResult & { annotations?: number };

/** Parses a backup or a Web Annotation file against the library. Never throws on bad input. */
export async function parseImportFile(
  db: TalkNotesDatabase,
  text: string,
  now: number = Date.now(),
): Promise<ParsedImport> {
  const references = await libraryReferences(db);
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  // A backup (which starts with its format) is parsed once, by parseBackup.
  if (trimmed.startsWith('{"format":') || !/^[{[]/.test(trimmed)) return parseBackup(text, references);
  let data: unknown;
  try {
    data = JSON.parse(trimmed);
  } catch {
    return parseBackup(text, references); // says what is wrong with the JSON
  }
  if (!looksLikeWebAnnotations(data)) return parseBackup(text, references);
  const read = readWebAnnotations(data);
  if (!read.ok) return { ok: false, error: read.error };
  const fitted = await fitToLibrary(db, read.library, now);
  const parsed = parseBackup(serializeBackup(createBackup(fitted, now)), {
    ...references,
    libraryPageIds: new Set([...references.libraryPageIds, ...fitted.pages.map((p) => p.id)]),
  });
  if (!parsed.ok) return { ok: false, error: parsed.error.replace(/^The backup/, 'The annotations') };
  const skipped = skippedWarning(read.skipped, read.firstInvalid);
  return {
    ...parsed,
    warnings: [...parsed.warnings, ...(skipped ? [skipped] : [])],
    annotations: read.imported,
  };
}

/** Pages and talks of the file matched to the library's (see the module comment). */
async function fitToLibrary(db: TalkNotesDatabase, data: LibraryData, now: number): Promise<LibraryData> {
  return db.transaction('r', db.pages, db.talks, async () => {
    const known = await db.pages
      .where('url')
      .anyOf(data.pages.map((p) => p.url))
      .toArray();
    const byUrl = new Map(known.map((p) => [p.url, p]));
    const pageIds = new Map<string, string>();
    const pages: PageRecord[] = [];
    for (const page of data.pages) {
      const mine = byUrl.get(page.url);
      if (!mine) {
        pages.push(page);
        continue;
      }
      pageIds.set(page.id, mine.id);
      pages.push(withNotes(mine, page, now));
    }
    const libraryTalks = pageIds.size
      ? await db.talks
          .where('pageId')
          .anyOf([...new Set(pageIds.values())])
          .toArray()
      : [];
    const talkKey = (t: Pick<TalkRecord, 'pageId' | 'title'>) => `${t.pageId}\u0000${t.title.toLowerCase()}`;
    const talksByKey = new Map(libraryTalks.map((t) => [talkKey(t), t]));
    const talkIds = new Map<string, string>();
    const talks: TalkRecord[] = [];
    for (const talk of data.talks) {
      const pageId = talk.pageId === null ? null : (pageIds.get(talk.pageId) ?? talk.pageId);
      const mine = talksByKey.get(talkKey({ pageId, title: talk.title }));
      if (mine) {
        talkIds.set(talk.id, mine.id);
        talks.push(withNotes(mine, talk, now));
      } else talks.push(pageId === talk.pageId ? talk : { ...talk, pageId });
    }
    return {
      ...data,
      pages,
      talks,
      highlights: data.highlights.map((h) => {
        const pageId = pageIds.get(h.pageId) ?? h.pageId;
        const talkId = h.talkId === null ? null : (talkIds.get(h.talkId) ?? h.talkId);
        return pageId === h.pageId && talkId === h.talkId ? h : { ...h, pageId, talkId };
      }),
    };
  });
}

/**
 * The library's record with the imported note (only where it has none) and tags added; the same
 * record, unchanged, when that adds nothing.
 */
function withNotes<T extends PageRecord | TalkRecord>(mine: T, imported: T, now: number): T {
  const note = noteOf(mine).trim() ? noteOf(mine) : noteOf(imported);
  const tags = normalizeTags([...tagsOf(mine), ...tagsOf(imported)]);
  if (note === noteOf(mine) && tags.length === tagsOf(mine).length) return mine;
  return {
    ...mine,
    ...(note ? { note } : {}),
    ...(tags.length ? { tags } : {}),
    updatedAt: Math.max(now, mine.updatedAt + 1),
  };
}
