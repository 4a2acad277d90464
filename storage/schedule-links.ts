/**
 * Linking the talks written up on pages to the talks of imported schedules. A page talk the matcher
 * is sure of is linked (`scheduleLink: 'matched'`), one it is unsure of gets candidates to offer
 * the reader, and the reader's own choice (`chosen`) or refusal (`declined`) is never undone by a
 * later match. Runs after a clip, after an import, after the reader renames a talk and after a
 * page's talks are detected again. Each pass then guards the passages of the matched talks it
 * looked at (core/schedule/clip-guard.ts): a passage whose lead names another talk of the
 * conference is offered (`HighlightRecord.scheduleCandidates`), not filed silently.
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
import { guardClip, placeOfHighlight } from '@/core/schedule/clip-guard';
import { matchTalk } from '@/core/schedule/match';
import { LIMITS } from '@/core/limits';
import { pageMatchContext } from '@/core/schedule/match-context';
import { isOffered } from '@/core/schedule/resolve';
import { searchScheduleTalks } from '@/core/schedule/search';
import type { ConferenceRecord, HighlightRecord, PageRecord, ScheduleChoice, TalkRecord } from '@/core/types';
import type { TalkNotesDatabase } from './db';
import { fileHighlightsByLines } from './line-filing';
import { inOfferOrder } from './offer-order';

/** What a matching pass changed. */
export interface LinkingResult {
  /** Page talks linked to a schedule talk by this pass. */
  linked: number;
  /** Page talks given candidates to offer. */
  offered: number;
  /** Highlights of the newly linked talks now filed under a schedule talk (not those offered). */
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

/**
 * Which page talks a pass looks at: those of some pages, some talks, or every page talk; or, after a
 * clip, those of its page, of whose passages only the new one and those of talks linked by this
 * pass are guarded (the page's other passages were guarded when they came under their match).
 */
export type LinkingScope =
  | { pageIds: readonly string[] }
  | { talkIds: readonly string[] }
  | { clipped: Pick<HighlightRecord, 'id' | 'pageId'> }
  | 'all';

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
    const inScope = await talksIn(db, scope);
    const talks = inScope.filter(isUndecided);
    const result: LinkingResult = { ...NOTHING, pages: [] };
    const changed: TalkRecord[] = [];
    const linked = new Set<string>();
    const pageIds = [...new Set(talks.map((t) => t.pageId!))];
    const pages = new Map(
      (await db.pages.bulkGet(pageIds)).filter((p): p is PageRecord => !!p).map((p) => [p.id, p]),
    );
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
        linked.add(talk.id);
        if (page && !result.pages.includes(page.url)) result.pages.push(page.url);
      } else if (match.kind === 'ambiguous') {
        next.scheduleCandidates = await inOfferOrder(db, match.candidates);
        result.offered++;
      }
      if (!sameLink(talk, next)) changed.push({ ...next, updatedAt: now });
    }
    await db.talks.bulkPut(changed);
    const updated = new Map(changed.map((t) => [t.id, t]));
    const current = inScope.map((t) => updated.get(t.id) ?? t);
    // Whose passages to guard: every talk of the pages or talks asked for; over the whole library,
    // the matched talks only; after a clip, the talks linked now and the new passage.
    const read =
      scope === 'all'
        ? current.filter(isMatched)
        : typeof scope === 'object' && 'clipped' in scope
          ? changed
          : current;
    const clipped = typeof scope === 'object' && 'clipped' in scope ? scope.clipped.id : null;
    const extra = clipped ? await db.highlights.get(clipped) : undefined;
    const kept = await guardHighlights(db, index, current, read, extra, now);
    result.highlights = kept.filter((h) => linked.has(h.talkId!)).length;
    // Then the passages detection left under no talk the schedule knows: the lines above them say.
    const byLines = await fileHighlightsByLines(db, index, await passagesIn(db, scope), now);
    result.highlights += byLines.filed;
    for (const url of byLines.pages) if (!result.pages.includes(url)) result.pages.push(url);
    return result;
  });
}

/**
 * The clip guard over the passages of `read` (page talks; `talks`: every talk of the pass, as they
 * are now) and `extra` (a passage just clipped): a passage of a talk the matcher linked is offered
 * the talks its lead, or a stored line between its talk's own line and it, names (and the matched
 * one) when they name another talk of that conference (core/schedule/clip-guard.ts);
 * any other passage read loses an offer it had (its talk is no longer matched, or no longer to that
 * talk). A passage the reader decided on (`guardDeclined`; put under its talk by hand,
 * `talkPinned`; filed under a schedule talk directly) is never offered. Offers on passages not
 * read stay, and stand only while their talk's match does (`isOffered`). Returns the passages kept
 * under their talks.
 */
async function guardHighlights(
  db: TalkNotesDatabase,
  index: ScheduleIndex,
  talks: readonly TalkRecord[],
  read: readonly TalkRecord[],
  extra: HighlightRecord | undefined,
  now: number,
): Promise<HighlightRecord[]> {
  const matchOf = new Map<string, string>();
  // The page talk's detected title: where its section starts among the passage's stored lines.
  const titleOf = new Map<string, string | null>();
  for (const talk of talks)
    if (isMatched(talk)) {
      matchOf.set(talk.id, talk.scheduleTalkId!);
      titleOf.set(talk.id, talk.detectedTitle);
    }
  const highlights = read.length
    ? await db.highlights
        .where('talkId')
        .anyOf(read.map((t) => t.id))
        .toArray()
    : [];
  if (extra && extra.talkId !== null && !highlights.some((h) => h.id === extra.id)) highlights.push(extra);
  const changed: HighlightRecord[] = [];
  const kept: HighlightRecord[] = [];
  for (const highlight of highlights) {
    const matched = matchOf.get(highlight.talkId!);
    const verdict =
      matched && !highlight.guardDeclined && !highlight.talkPinned
        ? guardClip(index, matched, placeOfHighlight(highlight, titleOf.get(highlight.talkId!) ?? null))
        : { kind: 'keep' as const };
    // The matched talk (last) stays among the offered ones however many the lead names.
    const candidates =
      verdict.kind === 'offer'
        ? [...verdict.talkIds.slice(0, -1).slice(0, LIMITS.scheduleCandidates - 1), matched!]
        : undefined;
    if (verdict.kind === 'keep') kept.push(highlight);
    if (JSON.stringify(candidates) === JSON.stringify(highlight.scheduleCandidates)) continue;
    const next: HighlightRecord = { ...highlight, updatedAt: now };
    if (candidates) next.scheduleCandidates = candidates;
    else delete next.scheduleCandidates;
    changed.push(next);
  }
  await db.highlights.bulkPut(changed);
  return kept;
}

/**
 * How many passages wait for the reader to pick their talk (in the popup of their page): those of
 * page talks the matcher offered candidates for, and those the clip guard offered (`isOffered`).
 * The schedule import's status line says so. Read by the pageId and talkId indexes.
 */
export async function countOfferedHighlights(db: TalkNotesDatabase): Promise<number> {
  return db.transaction('r', db.talks, db.highlights, async () => {
    const pageTalks = await db.talks.where('pageId').aboveOrEqual('').toArray();
    const offeredTalks = pageTalks.filter((t) => isUndecided(t) && t.scheduleCandidates?.length);
    const matched = new Map(pageTalks.filter(isMatched).map((t) => [t.id, t]));
    const [ofOfferedTalks, offeredByGuard] = await Promise.all([
      offeredTalks.length
        ? db.highlights
            .where('talkId')
            .anyOf(offeredTalks.map((t) => t.id))
            .count()
        : 0,
      matched.size
        ? db.highlights
            .where('talkId')
            .anyOf([...matched.keys()])
            .filter((h) => isOffered(h, matched))
            .count()
        : 0,
    ]);
    return ofOfferedTalks + offeredByGuard;
  });
}

/**
 * The reader settles the guard's offer on a passage by picking a schedule talk: the passage is
 * filed under it directly and pinned there (detecting the page again leaves it).
 */
export async function chooseHighlightScheduleTalk(
  db: TalkNotesDatabase,
  highlightId: string,
  scheduleTalkId: string,
  now = Date.now(),
): Promise<HighlightRecord> {
  return db.transaction('rw', db.talks, db.highlights, async () => {
    const [highlight, target] = await Promise.all([
      db.highlights.get(highlightId),
      db.talks.get(scheduleTalkId),
    ]);
    if (!highlight) throw new Error(`highlight ${highlightId} does not exist`);
    if (!target?.conferenceId) throw new Error(`talk ${scheduleTalkId} is not a schedule talk`);
    const next: HighlightRecord = { ...highlight, talkId: scheduleTalkId, talkPinned: true, updatedAt: now };
    delete next.scheduleCandidates;
    await db.highlights.put(next);
    return next;
  });
}

/**
 * The reader declines the guard's offer on a passage: it stays under its page talk and follows
 * that talk's link (the matched talk), and the guard never offers it again.
 */
export async function declineHighlightOffer(
  db: TalkNotesDatabase,
  highlightId: string,
  now = Date.now(),
): Promise<HighlightRecord> {
  return db.transaction('rw', db.highlights, async () => {
    const highlight = await db.highlights.get(highlightId);
    if (!highlight) throw new Error(`highlight ${highlightId} does not exist`);
    const next: HighlightRecord = { ...highlight, guardDeclined: true, updatedAt: now };
    delete next.scheduleCandidates;
    await db.highlights.put(next);
    return next;
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

function isMatched(talk: TalkRecord): boolean {
  return talk.scheduleLink === 'matched' && talk.scheduleTalkId !== undefined;
}

function isUndecided(talk: TalkRecord): boolean {
  return talk.pageId !== null && !talk.notATalk && talk.scheduleLink === undefined;
}

/** The passages a pass may file by their lines: the clip, or those of the pages or talks in scope, or all. */
async function passagesIn(db: TalkNotesDatabase, scope: LinkingScope): Promise<HighlightRecord[]> {
  if (scope === 'all') return db.highlights.filter((h) => !!h.clipLines?.length).toArray();
  if ('clipped' in scope) return (await db.highlights.bulkGet([scope.clipped.id])).filter((h) => !!h);
  if ('talkIds' in scope)
    return db.highlights
      .where('talkId')
      .anyOf([...scope.talkIds])
      .toArray();
  const pages = await db.pages.bulkGet([...scope.pageIds]);
  const urls = pages.flatMap((page) => (page ? [page.url] : []));
  return db.highlights.where('url').anyOf(urls).toArray();
}

async function talksIn(db: TalkNotesDatabase, scope: LinkingScope): Promise<TalkRecord[]> {
  // By the pageId index, which holds page talks only (a conference's talks have none): a library
  // with a 30,000-event schedule is not scanned whole.
  if (scope === 'all') return db.talks.where('pageId').aboveOrEqual('').toArray();
  if ('clipped' in scope) return db.talks.where('pageId').equals(scope.clipped.pageId).toArray();
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
