/**
 * Linking the talks written up on pages to the talks of imported schedules. A page talk the matcher
 * is sure of is linked (`scheduleLink: 'matched'`), one it is unsure of gets candidates to offer
 * the reader, and the reader's own choice (`chosen`) or refusal (`declined`) is never undone by a
 * later match. Runs after a clip, after an import and after the reader renames a talk.
 */
import {
  buildPreparedIndex,
  type MatchableTalk,
  type PreparedTalk,
  type PreparedTalks,
  prepareScheduleTalk,
  prepareScheduleTalks,
  type ScheduleIndex,
} from '@/core/schedule/schedule-index';
import { matchTalk } from '@/core/schedule/match';
import { pageMatchContext } from '@/core/schedule/match-context';
import { searchScheduleTalks } from '@/core/schedule/search';
import type { ConferenceRecord, PageRecord, ScheduleChoice, TalkRecord } from '@/core/types';
import type { TalkNotesDatabase } from './db';

/** What a matching pass changed. */
export interface LinkingResult {
  /** Page talks linked to a schedule talk by this pass. */
  linked: number;
  /** Page talks given candidates to offer. */
  offered: number;
  /** Highlights of the newly linked talks: now filed under a schedule talk. */
  highlights: number;
  /** URLs of the pages whose talks were linked (their open tabs redraw). */
  pages: string[];
}

const NOTHING: Readonly<LinkingResult> = Object.freeze({ linked: 0, offered: 0, highlights: 0, pages: [] });

/**
 * The index of every imported schedule talk, rebuilt only when a conference was imported, updated
 * or removed since the last one (the conferences' ids and update times say so). Each conference's
 * talks are kept in memory by the same key, prepared for the index (`PreparedTalks`: nearly all of
 * an index's cost), so that after an import only that conference's talks are new, and those come
 * from the import itself (`rememberScheduleTalks`), prepared while they were being written, not from
 * the database; the other conferences' are not prepared again.
 */
const cachedIndexes = new WeakMap<TalkNotesDatabase, { signature: string; index: ScheduleIndex }>();
const cachedTalks = new WeakMap<TalkNotesDatabase, Map<string, PreparedTalks>>();

/** A conference's version: its talks change only with its `updatedAt` (imports write both). */
const versionOf = (c: ConferenceRecord) => `${c.id}@${c.updatedAt}`;

/** Schedule talks prepared one by one for the index, by id (null: housekeeping, never indexed). */
export type PreparedScheduleTalks = ReadonlyMap<string, PreparedTalk | null>;

/** `talks` (schedule talks) prepared one by one for the index, by id: pure work, no database. */
export function prepareEachForIndex(talks: readonly TalkRecord[]): Map<string, PreparedTalk | null> {
  const prepared = new Map<string, PreparedTalk | null>();
  for (const talk of talks) prepared.set(talk.id, prepareScheduleTalk(matchableTalk(talk)));
  return prepared;
}

/**
 * All the talks of one conference, as stored, prepared for the index (`prepared`: those already
 * prepared one by one, from these very records). Pure work, no database.
 */
export function prepareConferenceTalks(
  talks: readonly TalkRecord[],
  prepared?: PreparedScheduleTalks,
): PreparedTalks {
  // In id order, as the database would give them back: the index is the same either way.
  const sorted = [...talks].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return prepareScheduleTalks(sorted.map(matchableTalk), prepared);
}

/** The talks of a conference just written, prepared (`prepareConferenceTalks`): the next index is built from them. */
export function rememberScheduleTalks(
  db: TalkNotesDatabase,
  conference: ConferenceRecord,
  talks: PreparedTalks,
): void {
  const known = cachedTalks.get(db) ?? new Map<string, PreparedTalks>();
  cachedTalks.set(db, known);
  known.set(versionOf(conference), talks);
}

export async function scheduleIndex(db: TalkNotesDatabase): Promise<ScheduleIndex | null> {
  const conferences = await db.conferences.toArray();
  if (conferences.length === 0) return null;
  const versions = conferences.map(versionOf);
  const signature = [...versions].sort().join(',');
  const cached = cachedIndexes.get(db);
  if (cached?.signature === signature) return cached.index;

  const known = cachedTalks.get(db) ?? new Map<string, PreparedTalks>();
  const missing = conferences.filter((c) => !known.has(versionOf(c)));
  const read = missing.length
    ? await db.talks
        .where('conferenceId')
        .anyOf(missing.map((c) => c.id))
        .toArray()
    : [];
  const byConference = new Map<string, TalkRecord[]>(missing.map((c) => [c.id, []]));
  for (const talk of read) byConference.get(talk.conferenceId ?? '')?.push(talk);
  const fresh = new Map<string, PreparedTalks>();
  for (const c of conferences)
    fresh.set(versionOf(c), known.get(versionOf(c)) ?? prepareConferenceTalks(byConference.get(c.id) ?? []));
  cachedTalks.set(db, fresh); // versions no longer stored are dropped with the old map
  // In the order the conferences are stored (by id), each conference's talks in id order.
  const index = buildPreparedIndex(conferences.map(matchableConference), [...fresh.values()]);
  cachedIndexes.set(db, { signature, index });
  return index;
}

/** Which page talks a pass looks at: those of some pages, some talks, or every page talk. */
export type LinkingScope = { pageIds: readonly string[] } | { talkIds: readonly string[] } | 'all';

/**
 * Matches the undecided page talks in `scope` (no link yet, or only candidates; not "Not a talk")
 * against every imported schedule. One transaction.
 */
export async function linkPageTalks(
  db: TalkNotesDatabase,
  scope: LinkingScope,
  now = Date.now(),
): Promise<LinkingResult> {
  if ((await db.conferences.count()) === 0) return NOTHING;
  const index = await scheduleIndex(db);
  if (!index) return NOTHING;
  return db.transaction('rw', db.talks, db.pages, db.highlights, async () => {
    const talks = (await talksIn(db, scope)).filter(isUndecided);
    if (talks.length === 0) return NOTHING;
    const pageIds = [...new Set(talks.map((t) => t.pageId!))];
    const pages = new Map(
      (await db.pages.bulkGet(pageIds)).filter((p): p is PageRecord => !!p).map((p) => [p.id, p]),
    );
    const result: LinkingResult = { ...NOTHING, pages: [] };
    const changed: TalkRecord[] = [];
    for (const talk of talks) {
      const page = pages.get(talk.pageId!);
      const match = matchTalk(index, {
        title: talk.title,
        speakers: talk.speakers,
        pageDate: page?.publishedAt ?? null,
        context: page ? pageMatchContext(page) : null,
      });
      const next: TalkRecord = { ...talk };
      delete next.scheduleCandidates;
      if (match.kind === 'match') {
        next.scheduleTalkId = match.talkId;
        next.scheduleLink = 'matched';
        result.linked++;
        result.highlights += await db.highlights.where('talkId').equals(talk.id).count();
        if (page && !result.pages.includes(page.url)) result.pages.push(page.url);
      } else if (match.kind === 'ambiguous') {
        next.scheduleCandidates = await inOfferOrder(db, match.candidates);
        result.offered++;
      }
      if (!sameLink(talk, next)) changed.push({ ...next, updatedAt: now });
    }
    await db.talks.bulkPut(changed);
    return result;
  });
}

/** The reader links a page talk to a schedule talk (picked from the candidates, or found by search). */
export async function chooseScheduleTalk(
  db: TalkNotesDatabase,
  pageTalkId: string,
  scheduleTalkId: string,
  now = Date.now(),
): Promise<TalkRecord> {
  return db.transaction('rw', db.talks, async () => {
    const [talk, target] = await db.talks.bulkGet([pageTalkId, scheduleTalkId]);
    if (!talk || talk.pageId === null) throw new Error(`talk ${pageTalkId} is not a page's talk`);
    if (!target?.conferenceId) throw new Error(`talk ${scheduleTalkId} is not a schedule talk`);
    const next: TalkRecord = { ...talk, scheduleTalkId, scheduleLink: 'chosen', updatedAt: now };
    delete next.scheduleCandidates;
    await db.talks.put(next);
    return next;
  });
}

/**
 * The reader says a page talk is none of the schedule's talks (or unlinks it): it stays a page
 * talk, and no later match links it again until the reader links it by hand.
 */
export async function declineScheduleTalk(
  db: TalkNotesDatabase,
  pageTalkId: string,
  now = Date.now(),
): Promise<TalkRecord> {
  return db.transaction('rw', db.talks, async () => {
    const talk = await db.talks.get(pageTalkId);
    if (!talk || talk.pageId === null) throw new Error(`talk ${pageTalkId} is not a page's talk`);
    const next: TalkRecord = { ...talk, scheduleLink: 'declined', updatedAt: now };
    delete next.scheduleTalkId;
    delete next.scheduleCandidates;
    await db.talks.put(next);
    return next;
  });
}

/**
 * A renamed page talk is matched afresh, unless the reader chose or declined its link: a match
 * made on the old title may no longer hold.
 */
export async function relinkRenamedTalk(db: TalkNotesDatabase, talkId: string, now = Date.now()) {
  const talk = await db.talks.get(talkId);
  if (!talk || talk.pageId === null || talk.scheduleLink === 'chosen' || talk.scheduleLink === 'declined')
    return NOTHING;
  if (talk.scheduleLink === 'matched' || talk.scheduleCandidates) {
    const next = { ...talk };
    delete next.scheduleTalkId;
    delete next.scheduleLink;
    delete next.scheduleCandidates;
    await db.talks.put(next);
  }
  return linkPageTalks(db, { talkIds: [talkId] }, now);
}

/** Schedule talks found by title, speakers or room, with their conferences, best first. */
export async function searchSchedules(
  db: TalkNotesDatabase,
  text: string,
  limit = 8,
): Promise<ScheduleChoice[]> {
  const index = await scheduleIndex(db);
  if (!index || !text.trim()) return [];
  const hits = searchScheduleTalks(index, text, limit);
  const talks = await db.talks.bulkGet(hits.map((h) => h.talkId));
  const found = talks.filter((t): t is TalkRecord => !!t);
  const conferences = new Map(
    (await db.conferences.bulkGet([...new Set(found.map((t) => t.conferenceId!))]))
      .filter((c): c is ConferenceRecord => !!c)
      .map((c) => [c.id, c]),
  );
  return found.map((talk) => ({ talk, conference: conferences.get(talk.conferenceId!) ?? null }));
}

/**
 * Candidates best first, as the matcher ranks them; equally good ones (a session given twice) in
 * schedule order, so the reader reads Saturday before Sunday whatever their ids.
 */
async function inOfferOrder(
  db: TalkNotesDatabase,
  candidates: readonly { talkId: string; confidence: number }[],
): Promise<string[]> {
  const talks = await db.talks.bulkGet(candidates.map((c) => c.talkId));
  const position = (i: number) => talks[i]?.position ?? Number.MAX_SAFE_INTEGER;
  return candidates
    .map((candidate, i) => ({ candidate, i }))
    .sort((a, b) =>
      b.candidate.confidence - a.candidate.confidence > 1e-9
        ? 1
        : a.candidate.confidence - b.candidate.confidence > 1e-9
          ? -1
          : position(a.i) - position(b.i),
    )
    .map(({ candidate }) => candidate.talkId);
}

function isUndecided(talk: TalkRecord): boolean {
  return talk.pageId !== null && !talk.notATalk && talk.scheduleLink === undefined;
}

async function talksIn(db: TalkNotesDatabase, scope: LinkingScope): Promise<TalkRecord[]> {
  // By the pageId index, which holds page talks only (a conference's talks have none): a library
  // with a 30,000-event schedule is not scanned whole.
  if (scope === 'all') return db.talks.where('pageId').aboveOrEqual('').toArray();
  if ('pageIds' in scope)
    return db.talks
      .where('pageId')
      .anyOf([...scope.pageIds])
      .toArray();
  return (await db.talks.bulkGet([...scope.talkIds])).filter((t): t is TalkRecord => !!t);
}

function sameLink(a: TalkRecord, b: TalkRecord): boolean {
  return (
    a.scheduleTalkId === b.scheduleTalkId &&
    a.scheduleLink === b.scheduleLink &&
    JSON.stringify(a.scheduleCandidates ?? []) === JSON.stringify(b.scheduleCandidates ?? [])
  );
}

function matchableConference(c: ConferenceRecord) {
  return { id: c.id, title: c.title, acronym: c.acronym, start: c.start, end: c.end };
}

function matchableTalk(t: TalkRecord): MatchableTalk {
  return {
    id: t.id,
    conferenceId: t.conferenceId!,
    title: t.title,
    subtitle: t.subtitle ?? null,
    speakers: t.speakers,
    start: t.start ?? null,
    day: t.day ?? null,
    housekeeping: t.housekeeping ?? false,
    room: t.room ?? null,
    track: t.track ?? null,
  };
}
