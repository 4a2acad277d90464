/**
 * The reader's corrections of talk detection on a page, and detection run again: "Not a talk" (its
 * passages go to the talk above, or to none), "Start a new talk here" (a talk at a passage, taking the
 * passages after it), and re-filing after a fresh detection, which never undoes a correction. Each is
 * one transaction and returns what it changed, so open tabs and views can be told.
 */
import { newId } from '@/core/ids';
import { type FilingTalk, type Redetection, refile, talkAbove } from '@/core/talks/filing';
import type { TalkRecord } from '@/core/types';
import type { TalkNotesDatabase } from './db';

export interface CorrectionResult {
  /** The page whose talks changed (its URL, for telling open tabs). */
  url: string;
  /** Highlights whose talk changed, with their new talk. */
  moved: { id: string; talkId: string | null }[];
  /** The talk created, when one was. */
  talk?: TalkRecord;
}

/**
 * Marks a talk as not a talk. `as: 'part'`: its passages join the talk above it on the page (or none
 * when there is none); `'none'`: they belong to no talk. A talk the reader made is deleted instead
 * (there is nothing to keep detection from finding again). Passages the reader filed by hand move too:
 * the talk they were filed under is gone.
 */
export async function markNotATalk(
  db: TalkNotesDatabase,
  talkId: string,
  as: 'part' | 'none',
  now = Date.now(),
): Promise<CorrectionResult> {
  return db.transaction('rw', db.talks, db.highlights, db.pages, async () => {
    const talk = await db.talks.get(talkId);
    if (!talk) throw new Error(`talk ${talkId} does not exist`);
    if (talk.pageId === null)
      throw new Error('a conference talk is not detected on a page; remove its conference instead');
    const page = await db.pages.get(talk.pageId);
    const talks = await db.talks.where('pageId').equals(talk.pageId).toArray();
    const target =
      as === 'part'
        ? talkAbove(
            talk.position,
            talks.filter((t) => t.id !== talkId),
          )
        : null;
    const moved: CorrectionResult['moved'] = [];
    await db.highlights
      .where('talkId')
      .equals(talkId)
      .modify((h) => {
        h.talkId = target?.id ?? null;
        h.updatedAt = now;
        moved.push({ id: h.id, talkId: h.talkId });
      });
    if (talk.detected) await db.talks.update(talkId, { notATalk: as, updatedAt: now });
    else await db.talks.delete(talkId);
    return { url: page?.url ?? '', moved };
  });
}

/** Undoes "Not a talk": the talk is one again; passages come back when the page is detected again. */
export async function unmarkNotATalk(db: TalkNotesDatabase, talkId: string, now = Date.now()): Promise<void> {
  await db.talks
    .where('id')
    .equals(talkId)
    .modify((t) => {
      delete t.notATalk;
      t.updatedAt = now;
    });
}

/**
 * Starts a talk at a passage: a talk titled `title` at the passage's place, and that passage plus the
 * following ones of its current talk (up to the next talk) move to it. The moved passages are pinned:
 * detecting the page again keeps them there.
 */
export async function startTalkAt(
  db: TalkNotesDatabase,
  highlightId: string,
  title: string,
  speakers: string[] = [],
  now = Date.now(),
): Promise<CorrectionResult> {
  const clean = title.trim().replace(/\s+/g, ' ');
  if (!clean) throw new Error('a talk needs a title');
  return db.transaction('rw', db.talks, db.highlights, db.pages, async () => {
    const start = await db.highlights.get(highlightId);
    if (!start) throw new Error(`highlight ${highlightId} does not exist`);
    const page = await db.pages.get(start.pageId);
    const talks = await db.talks.where('pageId').equals(start.pageId).toArray();
    const nextTalk = talks
      .filter((t) => !t.notATalk && t.position > start.position)
      .reduce((min, t) => Math.min(min, t.position), Number.POSITIVE_INFINITY);
    const talk: TalkRecord = {
      id: newId(),
      pageId: start.pageId,
      title: clean,
      speakers: speakers.map((s) => s.trim()).filter(Boolean),
      position: start.position,
      detected: false,
      detectedTitle: null,
      createdAt: now,
      updatedAt: now,
    };
    await db.talks.add(talk);
    const moved: CorrectionResult['moved'] = [];
    const onPage = await db.highlights.where('url').equals(start.url).toArray();
    for (const h of onPage) {
      const follows = h.id === start.id || (h.position > start.position && h.position < nextTalk);
      if (!follows || (h.id !== start.id && h.talkId !== start.talkId)) continue;
      await db.highlights.update(h.id, { talkId: talk.id, talkPinned: true, updatedAt: now });
      moved.push({ id: h.id, talkId: talk.id });
    }
    return { url: page?.url ?? start.url, moved, talk };
  });
}

export type { Redetection };

/**
 * Applies a fresh detection of a page ("Detect talks again"): new talks are added, known ones (by their
 * detected title) keep the reader's title, speakers and "Not a talk"; passages move where detection now
 * files them, except those the reader placed by hand; detected talks that are no longer found and that
 * the reader never touched are removed once nothing is filed under them.
 */
export async function applyRedetection(
  db: TalkNotesDatabase,
  detection: Redetection,
  now = Date.now(),
): Promise<CorrectionResult> {
  return db.transaction('rw', db.talks, db.highlights, db.pages, async () => {
    const page = await db.pages.where('url').equals(detection.url).first();
    if (!page) throw new Error('this page has no highlights in the library');
    const stored = await db.talks.where('pageId').equals(page.id).toArray();
    const byDetected = new Map(
      stored.filter((t) => t.detectedTitle !== null).map((t) => [t.detectedTitle!, t]),
    );
    const found = new Set<string>();
    for (const fresh of detection.talks) {
      found.add(fresh.title);
      const known = byDetected.get(fresh.title);
      if (known) {
        if (known.position !== fresh.position) await db.talks.update(known.id, { position: fresh.position });
        known.position = fresh.position;
        continue;
      }
      const talk: TalkRecord = {
        id: newId(),
        pageId: page.id,
        title: fresh.title,
        speakers: fresh.speakers,
        position: fresh.position,
        detected: true,
        detectedTitle: fresh.title,
        form: fresh.form,
        createdAt: now,
        updatedAt: now,
      };
      await db.talks.add(talk);
      stored.push(talk);
      byDetected.set(fresh.title, talk);
    }

    const highlights = await db.highlights.where('url').equals(page.url).toArray();
    const changes = refile(highlights, new Map(Object.entries(detection.filing)), stored as FilingTalk[]);
    const moved: CorrectionResult['moved'] = [];
    for (const [id, talkId] of changes) {
      await db.highlights.update(id, { talkId, updatedAt: now });
      moved.push({ id, talkId });
    }

    // Detected talks no longer found, never edited by the reader, with nothing filed under them: gone.
    const filed = new Set(highlights.map((h) => changes.get(h.id) ?? h.talkId));
    const stale = stored.filter(
      (t) => t.detected && !found.has(t.detectedTitle ?? '') && !t.notATalk && !edited(t) && !filed.has(t.id),
    );
    if (stale.length) await db.talks.bulkDelete(stale.map((t) => t.id));
    return { url: page.url, moved };
  });
}

/** The reader renamed the talk or set its speakers. */
function edited(talk: TalkRecord): boolean {
  return talk.title !== talk.detectedTitle || talk.updatedAt !== talk.createdAt;
}
