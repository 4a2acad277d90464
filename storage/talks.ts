/**
 * Talks: the reader's organisation of highlights. Detected talks can be renamed (the detected
 * title is kept so re-detection does not duplicate them), given speakers, created, and merged.
 */
import { newId } from '@/core/ids';
import { normalizeTags } from '@/core/tags';
import type { HighlightRecord, TalkRecord } from '@/core/types';
import type { TalkNotesDatabase } from './db';

/** Talks of a page in document order (user-made talks, position -1, last by creation). */
export async function talksForPage(db: TalkNotesDatabase, pageId: string): Promise<TalkRecord[]> {
  const talks = await db.talks.where('pageId').equals(pageId).toArray();
  const order = (t: TalkRecord) => (t.position < 0 ? Number.MAX_SAFE_INTEGER : t.position);
  return talks.sort((a, b) => order(a) - order(b) || a.createdAt - b.createdAt);
}

/** Creates a talk the reader names on a page. */
export async function createTalk(
  db: TalkNotesDatabase,
  pageId: string,
  title: string,
  speakers: string[] = [],
  now = Date.now(),
  /** Who makes it (#16): the sync panel's name or this browser's. */
  author?: string,
): Promise<TalkRecord> {
  const clean = title.trim();
  if (!clean) throw new Error('a talk needs a title');
  const talk: TalkRecord = {
    id: newId(),
    pageId,
    title: clean,
    speakers: cleanSpeakers(speakers),
    position: -1,
    detected: false,
    detectedTitle: null,
    ...(author ? { author } : {}),
    createdAt: now,
    updatedAt: now,
  };
  await db.talks.add(talk);
  return talk;
}

export async function renameTalk(
  db: TalkNotesDatabase,
  id: string,
  title: string,
  now = Date.now(),
): Promise<void> {
  const clean = title.trim();
  if (!clean) throw new Error('a talk needs a title');
  if (!(await db.talks.update(id, { title: clean, updatedAt: now })))
    throw new Error(`talk ${id} does not exist`);
}

export async function setSpeakers(db: TalkNotesDatabase, id: string, speakers: string[], now = Date.now()) {
  if (!(await db.talks.update(id, { speakers: cleanSpeakers(speakers), updatedAt: now }))) {
    throw new Error(`talk ${id} does not exist`);
  }
}

/** Adds tags to every highlight of a talk (one transaction). Returns the highlights that changed. */
export async function tagTalk(
  db: TalkNotesDatabase,
  talkId: string,
  tags: string[],
  now = Date.now(),
): Promise<HighlightRecord[]> {
  return db.transaction('rw', db.highlights, async () => {
    const changed: HighlightRecord[] = [];
    await db.highlights
      .where('talkId')
      .equals(talkId)
      .modify((h) => {
        const merged = normalizeTags([...h.tags, ...tags]);
        if (merged.length !== h.tags.length) {
          h.tags = merged;
          h.updatedAt = now;
          changed.push({ ...h });
        }
      });
    return changed;
  });
}

/**
 * Merges talks into one (the same talk written up on two pages): their highlights move to
 * `targetId`, speakers are united, and the merged talks are removed. Returns the highlights that moved.
 */
export async function mergeTalks(
  db: TalkNotesDatabase,
  targetId: string,
  otherIds: string[],
  now = Date.now(),
): Promise<HighlightRecord[]> {
  return db.transaction('rw', db.talks, db.highlights, async () => {
    const target = await db.talks.get(targetId);
    if (!target) throw new Error(`talk ${targetId} does not exist`);
    const others = (await db.talks.bulkGet(otherIds.filter((id) => id !== targetId))).filter(
      (t): t is TalkRecord => !!t,
    );
    const speakers = cleanSpeakers([...target.speakers, ...others.flatMap((t) => t.speakers)]);
    // The talks' own notes and tags are kept too: notes one after the other, tags united.
    const notes = mergedNotes([target, ...others]);
    const moved: HighlightRecord[] = [];
    for (const other of others) {
      await db.highlights
        .where('talkId')
        .equals(other.id)
        .modify((h) => {
          h.talkId = targetId;
          h.updatedAt = now;
          moved.push({ ...h });
        });
    }
    await db.talks.bulkDelete(others.map((t) => t.id));
    await db.talks.update(targetId, { speakers, ...notes, updatedAt: now });
    return moved;
  });
}

/** The note and tags of talks merged into one: each different note once, in order; tags united. */
function mergedNotes(talks: readonly TalkRecord[]): Pick<TalkRecord, 'note' | 'tags'> {
  const notes = [...new Set(talks.map((t) => (t.note ?? '').trim()).filter(Boolean))];
  const tags = normalizeTags(talks.flatMap((t) => t.tags ?? []));
  return {
    ...(notes.length ? { note: notes.join('\n\n') } : {}),
    ...(tags.length ? { tags } : {}),
  };
}

function cleanSpeakers(speakers: string[]): string[] {
  const seen = new Map<string, string>();
  for (const s of speakers) {
    const name = s.trim().replace(/\s+/g, ' ');
    if (name && !seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), name);
  }
  return [...seen.values()];
}
