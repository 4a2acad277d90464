/**
 * Imported conference schedules: a conference record and one talk record per event. Importing the
 * same conference again (same source URL, or the same conference by title or acronym and dates)
 * updates its talks by their schedule id: nothing is duplicated, and no highlight moves or is lost.
 * Removing a conference gives its passages back to their pages' talks. Each is one transaction.
 */
import { newId } from '@/core/ids';
import { findSameConference } from '@/core/schedule/identity';
import { hasOffset } from '@/core/schedule/slot';
import type { ParsedSchedule, ScheduleTalk } from '@/core/schedule/types';
import { talkAbove } from '@/core/talks/filing';
import type { ConferenceRecord, HighlightRecord, ScheduleFields, TalkRecord } from '@/core/types';
import type { TalkNotesDatabase } from './db';
import type { PreparedTalks } from '@/core/schedule/schedule-index';
import {
  type PreparedScheduleTalks,
  prepareConferenceTalks,
  prepareEachForIndex,
  rememberScheduleTalks,
} from './schedule-links';

/** Where a schedule came from: the URL it was fetched from, or the file the reader chose. */
export interface ScheduleSource {
  url?: string | null;
  fileName?: string | null;
}

export interface ScheduleImportResult {
  conference: ConferenceRecord;
  /** True when the conference was imported before and this import updated it. */
  updated: boolean;
  talks: number;
  added: number;
  changed: number;
  /** Events no longer in the schedule, deleted (nothing was filed under them). */
  removed: number;
  /** Events no longer in the schedule but kept, flagged, because passages are filed under them. */
  kept: number;
}

/** Conferences, most recently imported first. */
export async function listConferences(db: TalkNotesDatabase): Promise<ConferenceRecord[]> {
  const all = await db.conferences.toArray();
  // A copy: in a live query of a database opened with `cache: 'immutable'` (the dashboard's) the result is frozen.
  return [...all].sort((a, b) => b.importedAt - a.importedAt);
}

/** A conference's talks in schedule order. */
export async function talksOfConference(db: TalkNotesDatabase, conferenceId: string): Promise<TalkRecord[]> {
  const talks = await db.talks.where('conferenceId').equals(conferenceId).toArray();
  return talks.sort((a, b) => a.position - b.position);
}

/** Imports a parsed schedule: a new conference, or the update of one imported before. */
export async function importSchedule(
  db: TalkNotesDatabase,
  schedule: ParsedSchedule,
  source: ScheduleSource = {},
  now = Date.now(),
  signal?: AbortSignal,
): Promise<ScheduleImportResult> {
  const imported = await db.transaction('rw', db.conferences, db.talks, db.highlights, async () => {
    const existing = await findConferenceOf(db, schedule, source);
    const conference: ConferenceRecord = {
      id: existing?.id ?? newId(),
      title: schedule.conference.title,
      acronym: schedule.conference.acronym,
      start: schedule.conference.start,
      end: schedule.conference.end,
      timeZone: schedule.conference.timeZone,
      url: schedule.conference.url,
      sourceUrl: source.url ?? existing?.sourceUrl ?? null,
      sourceFile: source.fileName ?? (source.url ? null : (existing?.sourceFile ?? null)),
      format: schedule.format,
      importedAt: now,
      updatedAt: now,
      createdAt: existing?.createdAt ?? now,
    };
    await db.conferences.put(conference);

    const stored = existing ? await db.talks.where('conferenceId').equals(existing.id).toArray() : [];
    const byScheduleId = new Map(stored.map((t) => [t.scheduleId, t]));
    // The conference's talks as they will be stored, for the matcher (below).
    const current = new Map(stored.map((t) => [t.id, t]));
    const result = { added: 0, changed: 0, removed: 0, kept: 0 };
    const seen = new Set<string>();
    const puts: TalkRecord[] = [];
    scheduleOrder(schedule.talks).forEach((event, position) => {
      if (seen.has(event.scheduleId)) return; // a repeated id: the first one wins
      seen.add(event.scheduleId);
      const old = byScheduleId.get(event.scheduleId);
      const fresh = talkFromEvent(event, conference.id, position, old, now);
      if (!old) result.added++;
      else if (differs(old, fresh)) result.changed++;
      else if (old.position === position) return;
      else fresh.updatedAt = old.updatedAt; // only moved in the order: not a change of the talk
      puts.push(fresh);
    });
    const writing = db.talks.bulkPut(puts);
    // IndexedDB writes in another process, and the wait for it is most of an import's write: the
    // matcher's work on these talks (title forms, speakers, term lists) is done meanwhile, so the
    // matching after the import only merges it into its index (docs/benchmarks.md, #13). A new
    // conference's talks are exactly these; an update's are prepared one by one, and put together
    // with the talks it keeps once the transaction is done. The import stands if this fails: the
    // index then prepares the talks itself, and says so there.
    let prepared: PreparedTalks | PreparedScheduleTalks | null = null;
    try {
      prepared = existing ? prepareEachForIndex(puts) : prepareConferenceTalks(puts);
    } catch {
      prepared = null;
    }
    await writing;
    for (const talk of puts) current.set(talk.id, talk);

    const gone = stored.filter((t) => !seen.has(t.scheduleId ?? ''));
    if (gone.length > 0) {
      const inUse = await talksInUse(
        db,
        gone.map((t) => t.id),
      );
      const keep = gone.filter((t) => inUse.has(t.id));
      const deleted = gone.filter((t) => !inUse.has(t.id)).map((t) => t.id);
      await db.talks.bulkDelete(deleted);
      for (const id of deleted) current.delete(id);
      const flagged = keep
        .filter((t) => !t.removedFromSchedule)
        .map((t) => ({ ...t, removedFromSchedule: true, updatedAt: now }));
      await db.talks.bulkPut(flagged);
      for (const talk of flagged) current.set(talk.id, talk);
      result.removed = gone.length - keep.length;
      result.kept = keep.length;
    }
    // The reader cancelled while this ran: throwing inside the transaction rolls all of it back.
    signal?.throwIfAborted();
    return {
      result: { conference, updated: !!existing, talks: seen.size, ...result },
      talks: [...current.values()],
      prepared,
    };
  });
  // Committed: the matcher's index takes these talks from memory instead of reading 30,000 back.
  const { prepared, talks } = imported;
  try {
    const ready =
      prepared && 'titleTerms' in prepared ? prepared : prepareConferenceTalks(talks, prepared ?? undefined);
    rememberScheduleTalks(db, imported.result.conference, ready);
  } catch (error) {
    // Not remembered: the next index reads these talks back (and fails there, where it is reported).
    console.error('Talk Notes: preparing the imported talks for matching failed', error);
  }
  return imported.result;
}

/**
 * Removes a conference and its talks. Page talks linked to its talks are unlinked (their passages
 * show under them again); a passage filed directly under one of its talks goes to its page's talk
 * above it, or none. Returns the highlights that moved, for telling open tabs.
 */
export async function removeConference(
  db: TalkNotesDatabase,
  conferenceId: string,
  now = Date.now(),
): Promise<{ conference: ConferenceRecord | null; moved: HighlightRecord[]; unlinkedTalks: number }> {
  return db.transaction('rw', db.conferences, db.talks, db.highlights, async () => {
    const conference = (await db.conferences.get(conferenceId)) ?? null;
    const talkIds = (await db.talks.where('conferenceId').equals(conferenceId).primaryKeys()) as string[];
    const ids = new Set(talkIds);

    // Page talks linked to (or offered) one of these talks.
    let unlinkedTalks = 0;
    const linked = await db.talks.where('scheduleTalkId').anyOf(talkIds).toArray();
    const offered = (
      await db.talks.filter((t) => !!t.scheduleCandidates?.some((c) => ids.has(c))).toArray()
    ).filter((t) => !linked.some((l) => l.id === t.id));
    for (const talk of [...linked, ...offered]) {
      const next: TalkRecord = { ...talk, updatedAt: now };
      if (next.scheduleTalkId && ids.has(next.scheduleTalkId)) {
        delete next.scheduleTalkId;
        delete next.scheduleLink;
        unlinkedTalks++;
      }
      const candidates = next.scheduleCandidates?.filter((c) => !ids.has(c)) ?? [];
      if (candidates.length) next.scheduleCandidates = candidates;
      else delete next.scheduleCandidates;
      await db.talks.put(next);
    }

    // Passages filed directly under a conference talk: back to their page's talk at their place.
    const moved: HighlightRecord[] = [];
    const direct = await db.highlights.where('talkId').anyOf(talkIds).toArray();
    const pageTalks = new Map<string, TalkRecord[]>();
    for (const highlight of direct) {
      let talks = pageTalks.get(highlight.pageId);
      if (!talks) {
        talks = await db.talks.where('pageId').equals(highlight.pageId).toArray();
        pageTalks.set(highlight.pageId, talks);
      }
      const home = talkAbove(highlight.position + 1, talks);
      const next = { ...highlight, talkId: home?.id ?? null, updatedAt: now };
      delete next.talkPinned;
      moved.push(next);
    }
    await db.highlights.bulkPut(moved);
    await db.talks.bulkDelete(talkIds);
    await db.conferences.delete(conferenceId);
    return { conference, moved, unlinkedTalks };
  });
}

/** The conference this schedule updates: same source URL, else same title or acronym, first day and format. */
async function findConferenceOf(
  db: TalkNotesDatabase,
  schedule: ParsedSchedule,
  source: ScheduleSource,
): Promise<ConferenceRecord | undefined> {
  const wanted = { ...schedule.conference, format: schedule.format, sourceUrl: source.url || null };
  // Conferences are few: the rule (core/schedule/identity.ts) runs over all of them.
  return findSameConference(wanted, await db.conferences.toArray());
}

/** Events by start time (untimed last), then room, then the source's order. */
function scheduleOrder(events: readonly ScheduleTalk[]): ScheduleTalk[] {
  const keyed = events.map((event, index) => ({ event, index, at: startInstant(event) }));
  keyed.sort(
    (a, b) => a.at - b.at || (a.event.room ?? '').localeCompare(b.event.room ?? '') || a.index - b.index,
  );
  return keyed.map((k) => k.event);
}

/** Milliseconds of a start time for ordering; a floating local time is read as UTC (order only). */
function startInstant(event: ScheduleTalk): number {
  if (!event.start) return Number.MAX_SAFE_INTEGER;
  const ms = Date.parse(hasOffset(event.start) ? event.start : `${event.start}Z`);
  return Number.isNaN(ms) ? Number.MAX_SAFE_INTEGER : ms;
}

function talkFromEvent(
  event: ScheduleTalk,
  conferenceId: string,
  position: number,
  old: TalkRecord | undefined,
  now: number,
): TalkRecord {
  const fields: ScheduleFields = {
    conferenceId,
    scheduleId: event.scheduleId,
    subtitle: event.subtitle,
    start: event.start,
    end: event.end,
    timeZone: event.timeZone,
    day: event.day,
    room: event.room,
    track: event.track,
    type: event.type,
    abstract: event.abstract,
    url: event.url,
    links: event.links,
    housekeeping: event.housekeeping,
  };
  return {
    id: old?.id ?? newId(),
    pageId: null,
    title: event.title,
    speakers: event.speakers,
    position,
    detected: false,
    detectedTitle: null,
    ...fields,
    // The reader's own note and tags on the talk (#17) are theirs, not the schedule's: kept.
    ...(old?.note !== undefined ? { note: old.note } : {}),
    ...(old?.tags !== undefined ? { tags: old.tags } : {}),
    createdAt: old?.createdAt ?? now,
    updatedAt: now,
  };
}

/** Whether a re-imported event changes the stored talk (a time, a room, a title, a new link …). */
function differs(old: TalkRecord, fresh: TalkRecord): boolean {
  if (old.removedFromSchedule) return true;
  const bookkeeping = new Set(['createdAt', 'updatedAt', 'position']);
  const keys = Object.keys(fresh).filter((k) => !bookkeeping.has(k)) as (keyof TalkRecord)[];
  return keys.some((k) => JSON.stringify(old[k] ?? null) !== JSON.stringify(fresh[k] ?? null));
}

/** Which of these talks something refers to: a page talk linked to it, or a passage filed under it. */
async function talksInUse(db: TalkNotesDatabase, talkIds: string[]): Promise<Set<string>> {
  const used = new Set<string>();
  for (const talk of await db.talks.where('scheduleTalkId').anyOf(talkIds).toArray())
    if (talk.scheduleTalkId) used.add(talk.scheduleTalkId);
  for (const h of await db.highlights.where('talkId').anyOf(talkIds).toArray())
    if (h.talkId) used.add(h.talkId);
  return used;
}
