/** What the popup reads and the few writes it needs beyond single-record edits. */
import type { ConferenceRecord, HighlightRecord, PageRecord, TalkRecord } from '@/core/types';
import type { TalkNotesDatabase } from './db';
import { highlightsForUrl, updateHighlight } from './highlights';
import { createTalk, talksForPage } from './talks';

export interface PageNotes {
  /** The stored page, or null before anything was clipped on it. */
  page: PageRecord | null;
  /** The page's talks in document order (the reader's own last). */
  talks: TalkRecord[];
  /** The page's highlights in document order. */
  highlights: HighlightRecord[];
  /**
   * Schedule talks the page's talks are linked to, offered, or that its highlights are filed under
   * directly or offered (the clip guard's), by id; and their conferences, by id.
   */
  scheduleTalks: ReadonlyMap<string, TalkRecord>;
  conferences: ReadonlyMap<string, ConferenceRecord>;
  /** Whether any schedule is imported (the popup then offers to link a talk to one). */
  schedulesImported: boolean;
}

/**
 * Everything stored about one page (by normalized URL). Written to be run inside `liveQuery`:
 * it reads by index ranges, so a clip that creates the page record re-runs it too.
 */
export async function pageNotes(db: TalkNotesDatabase, url: string): Promise<PageNotes> {
  const page = (await db.pages.where('url').equals(url).first()) ?? null;
  const [talks, highlights] = await Promise.all([
    page ? talksForPage(db, page.id) : Promise.resolve([]),
    highlightsForUrl(db, url),
  ]);
  const wanted = new Set<string>();
  for (const talk of talks) {
    if (talk.scheduleTalkId) wanted.add(talk.scheduleTalkId);
    for (const id of talk.scheduleCandidates ?? []) wanted.add(id);
  }
  const pageTalkIds = new Set(talks.map((t) => t.id));
  for (const h of highlights) {
    if (h.talkId && !pageTalkIds.has(h.talkId)) wanted.add(h.talkId);
    for (const id of h.scheduleCandidates ?? []) wanted.add(id);
  }
  const scheduleTalks = new Map<string, TalkRecord>();
  for (const talk of await db.talks.bulkGet([...wanted]))
    if (talk?.conferenceId) scheduleTalks.set(talk.id, talk);
  const conferenceIds = [...new Set([...scheduleTalks.values()].map((t) => t.conferenceId!))];
  const conferences = new Map<string, ConferenceRecord>();
  for (const c of await db.conferences.bulkGet(conferenceIds)) if (c) conferences.set(c.id, c);
  const schedulesImported = conferences.size > 0 || (await db.conferences.count()) > 0;
  return { page, talks, highlights, scheduleTalks, conferences, schedulesImported };
}

/** A post an archive page shows in full (#18), with what the reader highlighted of it. */
export interface ArchivePost {
  url: string;
  page: PageRecord;
  talks: TalkRecord[];
  highlights: HighlightRecord[];
}

/**
 * The stored posts among an archive page's posts (`urls`, in page order) that have highlights, for
 * the popup. Written to be run inside `liveQuery`, like pageNotes.
 */
export async function archivePosts(db: TalkNotesDatabase, urls: readonly string[]): Promise<ArchivePost[]> {
  const posts = await Promise.all(
    urls.map(async (url): Promise<ArchivePost | null> => {
      const page = await db.pages.where('url').equals(url).first();
      if (!page) return null;
      const [talks, highlights] = await Promise.all([talksForPage(db, page.id), highlightsForUrl(db, url)]);
      return highlights.length ? { url, page, talks, highlights } : null;
    }),
  );
  return posts.filter((p) => p !== null);
}

/**
 * Moves a highlight to the talk of its page called `title` (trimmed, case-insensitive), creating
 * the talk when the page has none by that name: typing an existing name does not make a twin.
 * One transaction: the talk is never left without the highlight it was made for. Returns the talk
 * and the highlight as stored.
 */
export async function moveToTalkNamed(
  db: TalkNotesDatabase,
  highlightId: string,
  title: string,
  now = Date.now(),
): Promise<{ talk: TalkRecord; highlight: HighlightRecord }> {
  return db.transaction('rw', db.talks, db.highlights, async () => {
    const highlight = await db.highlights.get(highlightId);
    if (!highlight) throw new Error(`highlight ${highlightId} does not exist`);
    const wanted = title.trim().toLowerCase();
    const talks = await db.talks.where('pageId').equals(highlight.pageId).toArray();
    const talk =
      talks.find((t) => t.title.trim().toLowerCase() === wanted) ??
      (await createTalk(db, highlight.pageId, title, [], now));
    return { talk, highlight: await updateHighlight(db, highlightId, { talkId: talk.id }, now) };
  });
}
