/**
 * Merging a backup into a library that already has records: the plan of what to add, update and
 * leave alone, computed without touching the database so every rule is testable.
 *
 * Rules:
 * - Records are matched by id. A record the library lacks is added; an identical one is left alone (so
 *   importing the same backup twice changes nothing); otherwise the one with the newer `updatedAt` wins,
 *   and on a tie the library's stays.
 * - A page is also matched by URL (one page per URL: the same article clipped in two browsers has two
 *   ids). The backup's page then takes the library's id, and so do its talks' and highlights' `pageId`.
 * - A detected talk on such a page is matched by its detected title in the same way, so the talk is
 *   not listed twice. Highlights are never matched by text: two notes on one passage are both kept.
 * - A conference is also matched as importing its schedule again would (core/schedule/identity.ts):
 *   same source URL, else same title or acronym, first day and format. Its talks, and any talk of a
 *   conference, are also matched by the conference (as mapped) and their schedule id. Page talks'
 *   links to conference talks (`scheduleTalkId`, `scheduleCandidates`) and highlights' `talkId`
 *   and `scheduleCandidates` (the clip guard's offer) follow every id so replaced; a link to a conference talk that is neither in the backup nor in
 *   the library is dropped (the passages show under the page talk).
 * - A collection with no id match but the name of a library collection (names are unique, ignoring
 *   case) is merged into it: highlight ids united, the newer name and description kept.
 * - A page's `readAt` (the addresses its post was read at, core/read-at.ts) is a grow-only set: the
 *   page written (the backup's or the library's) lists both sides' addresses, and so does a library
 *   page that stays (`readAtJoined`: not an overwrite, nothing the reader is asked about). The pages
 *   the backup's `postLinks` linked to a post are addresses that post was read at too.
 * - Settings have no timestamps: the library's value stays; a setting it lacks is added. The
 *   `postLinks` answers are merged per page, the library's answer winning.
 */
import { type LibraryData, resolveScheduleLinks } from './backup';
import { joinReadAt } from './read-at';
import { MAX_POST_LINKS, type PostLink, parseSetting } from './settings';
import { findSameConference } from './schedule/identity';
import type {
  CollectionRecord,
  ConferenceRecord,
  HighlightRecord,
  PageRecord,
  SettingRecord,
  TalkRecord,
} from './types';

/** The library's records an import can touch, as read by the caller. Extra records are harmless. */
export interface LibraryMatches {
  /** Pages with the backup's ids or URLs. */
  pages: readonly PageRecord[];
  /** Conferences with the backup's ids, and every conference that might be the same (all of them is fine). */
  conferences: readonly ConferenceRecord[];
  /**
   * Talks with the backup's ids, the talks of pages matched by URL, the talks of the conferences
   * the backup's conference talks go to, and the talks its page talks link to or are offered.
   */
  talks: readonly TalkRecord[];
  /** Highlights with the backup's ids. */
  highlights: readonly HighlightRecord[];
  /** Collections with the backup's ids, and every collection whose name might match (all of them is fine). */
  collections: readonly CollectionRecord[];
  /** Settings with the backup's keys. */
  settings: readonly SettingRecord[];
}

export interface TablePlan<T> {
  /** Records to write that the library does not have. */
  add: T[];
  /** Records to write over the library's (same id). */
  update: T[];
  /** Ids (keys for settings) left as they are: identical, or the library's is newer. */
  skip: string[];
}

export interface MergePlan {
  pages: TablePlan<PageRecord>;
  conferences: TablePlan<ConferenceRecord>;
  talks: TablePlan<TalkRecord>;
  highlights: TablePlan<HighlightRecord>;
  collections: TablePlan<CollectionRecord>;
  settings: TablePlan<SettingRecord>;
  /** Library pages that stay, with the backup's addresses their post was read at added to theirs. */
  readAtJoined: PageRecord[];
  /**
   * Backup ids replaced by the id of the library record they were matched to (by URL, title, name,
   * the same conference or schedule id).
   */
  remapped: {
    pages: Map<string, string>;
    conferences: Map<string, string>;
    talks: Map<string, string>;
    collections: Map<string, string>;
  };
}

export interface MergeCounts {
  added: number;
  updated: number;
  skipped: number;
}

type Decision = 'add' | 'update' | 'skip';

/** The rule for one record: add, identical -> skip, newer -> update, else skip. */
export function decide<T extends { updatedAt: number }>(incoming: T, existing: T | undefined): Decision {
  if (!existing) return 'add';
  if (sameRecord(incoming, existing)) return 'skip';
  return incoming.updatedAt > existing.updatedAt ? 'update' : 'skip';
}

function emptyPlan<T>(): TablePlan<T> {
  return { add: [], update: [], skip: [] };
}

function place<T>(plan: TablePlan<T>, decision: Decision, record: T, key: string) {
  if (decision === 'skip') plan.skip.push(key);
  else plan[decision].push(record);
}

/** The merge plan for `incoming` (a parsed backup) against the matching library records. */
export function planMerge(incoming: LibraryData, library: LibraryMatches): MergePlan {
  const plan: MergePlan = {
    pages: emptyPlan(),
    conferences: emptyPlan(),
    talks: emptyPlan(),
    highlights: emptyPlan(),
    collections: emptyPlan(),
    settings: emptyPlan(),
    readAtJoined: [],
    remapped: { pages: new Map(), conferences: new Map(), talks: new Map(), collections: new Map() },
  };

  // Pages: by id, else by URL.
  const pagesById = new Map(library.pages.map((p) => [p.id, p]));
  const pagesByUrl = new Map(library.pages.map((p) => [p.url, p]));
  const linkedTo = linkedPagesByPost(mergedPostLinks(library.settings, incoming.settings));
  for (const page of incoming.pages) {
    let record = page;
    let existing = pagesById.get(page.id);
    if (!existing) {
      const sameUrl = pagesByUrl.get(page.url);
      if (sameUrl) {
        plan.remapped.pages.set(page.id, sameUrl.id);
        record = { ...page, id: sameUrl.id };
        existing = sameUrl;
      }
    } else if (existing.url !== page.url) {
      const owner = pagesByUrl.get(page.url);
      // Taking a URL another library page holds would break "one page per URL": keep the library's.
      if (owner && owner.id !== existing.id) {
        plan.pages.skip.push(page.id);
        continue;
      }
    }
    const readAt = joinReadAt(record.url, record.readAt, existing?.readAt, linkedTo.get(record.url));
    if (readAt.length) record = { ...record, readAt };
    const decision = decide(record, existing);
    place(plan.pages, decision, record, record.id);
    if (decision === 'skip' && existing && readAt.length && !sameRecord(existing.readAt, readAt)) {
      plan.readAtJoined.push({ ...existing, readAt });
    }
  }
  const pageId = <T extends string | null>(id: T): T =>
    id === null ? id : ((plan.remapped.pages.get(id) as T) ?? id);

  // Conferences: by id, else the same conference (source URL, or title/acronym, first day, format).
  const conferencesById = new Map(library.conferences.map((c) => [c.id, c]));
  const incomingConferenceIds = new Set(incoming.conferences.map((c) => c.id));
  // One backup conference per library conference; a library conference the backup also holds keeps its own.
  const unclaimed = library.conferences.filter((c) => !incomingConferenceIds.has(c.id));
  for (const conference of incoming.conferences) {
    let record = conference;
    let existing = conferencesById.get(conference.id);
    if (!existing) {
      const same = findSameConference(conference, unclaimed);
      if (same) {
        unclaimed.splice(unclaimed.indexOf(same), 1);
        plan.remapped.conferences.set(conference.id, same.id);
        record = { ...conference, id: same.id };
        existing = same;
      }
    }
    place(plan.conferences, decide(record, existing), record, record.id);
  }
  const conferenceId = (id: string) => plan.remapped.conferences.get(id) ?? id;

  // Talks: by id, else a detected talk on a page matched by URL by its detected title, else a
  // conference's talk by its conference (as mapped) and schedule id. First every talk's id, so the
  // links between talks can follow them; then the records.
  const talksById = new Map(library.talks.map((t) => [t.id, t]));
  const talkKey = (t: Pick<TalkRecord, 'pageId' | 'detectedTitle'>) =>
    `${t.pageId}\u0000${(t.detectedTitle ?? '').toLowerCase()}`;
  const detectedTalks = new Map(
    library.talks.filter((t) => t.detected && t.detectedTitle).map((t) => [talkKey(t), t]),
  );
  const scheduleKey = (conference: string, scheduleId: string | undefined) =>
    `${conference}\u0000${scheduleId}`;
  const scheduledTalks = new Map(
    library.talks
      .filter((t) => t.conferenceId !== undefined)
      .map((t) => [scheduleKey(t.conferenceId!, t.scheduleId), t]),
  );
  const claimed = new Set<string>();
  const incomingTalkIds = new Set(incoming.talks.map((t) => t.id));
  /** The library talk a backup talk with no id match is, if any. */
  const sameTalk = (talk: TalkRecord): TalkRecord | undefined => {
    if (talk.conferenceId !== undefined)
      return scheduledTalks.get(scheduleKey(conferenceId(talk.conferenceId), talk.scheduleId));
    if (talk.pageId !== null && plan.remapped.pages.has(talk.pageId) && talk.detected && talk.detectedTitle)
      return detectedTalks.get(talkKey({ ...talk, pageId: pageId(talk.pageId) }));
    return undefined;
  };
  for (const talk of incoming.talks) {
    if (talksById.has(talk.id)) continue;
    const match = sameTalk(talk);
    // One backup talk per library talk; a library talk the backup also holds keeps its own.
    if (match && !claimed.has(match.id) && !incomingTalkIds.has(match.id)) {
      claimed.add(match.id);
      plan.remapped.talks.set(talk.id, match.id);
    }
  }
  const talkId = (id: string) => plan.remapped.talks.get(id) ?? id;
  // A page talk may link to a conference talk of the backup or of the library, and to nothing else.
  const conferenceTalks = new Set(
    [...incoming.talks, ...library.talks].filter((t) => t.conferenceId !== undefined).map((t) => t.id),
  );
  for (const talk of incoming.talks) {
    const id = talkId(talk.id);
    let record: TalkRecord = resolveScheduleLinks(talk, (linked) =>
      conferenceTalks.has(linked) ? talkId(linked) : null,
    );
    const moved = {
      id,
      pageId: pageId(talk.pageId),
      ...(talk.conferenceId === undefined ? {} : { conferenceId: conferenceId(talk.conferenceId) }),
    };
    if (moved.id !== talk.id || moved.pageId !== talk.pageId || moved.conferenceId !== talk.conferenceId)
      record = { ...record, ...moved };
    place(plan.talks, decide(record, talksById.get(id)), record, id);
  }

  // Highlights: by id only, with their page and talk ids rewritten.
  const highlightsById = new Map(library.highlights.map((h) => [h.id, h]));
  for (const highlight of incoming.highlights) {
    const newPage = pageId(highlight.pageId);
    const newTalk =
      highlight.talkId === null ? null : (plan.remapped.talks.get(highlight.talkId) ?? highlight.talkId);
    // The clip guard's offer names conference talks: it follows them to their library ids.
    const offer = highlight.scheduleCandidates?.map(talkId);
    const record =
      newPage === highlight.pageId &&
      newTalk === highlight.talkId &&
      (offer ?? []).every((id, i) => id === highlight.scheduleCandidates![i])
        ? highlight
        : { ...highlight, pageId: newPage, talkId: newTalk, ...(offer ? { scheduleCandidates: offer } : {}) };
    place(plan.highlights, decide(record, highlightsById.get(record.id)), record, record.id);
  }

  // Collections: by id, else united with the library collection of the same name.
  const collectionsById = new Map(library.collections.map((c) => [c.id, c]));
  const collectionsByName = new Map(library.collections.map((c) => [c.name.trim().toLowerCase(), c]));
  const incomingCollectionIds = new Set(incoming.collections.map((c) => c.id));
  const merged = new Map<string, CollectionRecord>();
  // A saved search names talks and conferences: follow the ids the merge replaced.
  const followIds = (collection: CollectionRecord): CollectionRecord => {
    const search = collection.search;
    if (!search) return collection;
    const talkIds = search.talkIds.map(talkId);
    const conferenceIds = search.conferenceIds.map(conferenceId);
    const same = (a: string[], b: string[]) => a.every((id, i) => id === b[i]);
    if (same(talkIds, search.talkIds) && same(conferenceIds, search.conferenceIds)) return collection;
    return { ...collection, search: { ...search, talkIds, conferenceIds } };
  };
  for (const original of incoming.collections) {
    const collection = followIds(original);
    const existing = collectionsById.get(collection.id);
    if (existing) {
      place(plan.collections, decide(collection, existing), collection, collection.id);
      continue;
    }
    const named = collectionsByName.get(collection.name.trim().toLowerCase());
    if (!named || incomingCollectionIds.has(named.id)) {
      place(plan.collections, 'add', collection, collection.id);
      continue;
    }
    plan.remapped.collections.set(collection.id, named.id);
    const base = merged.get(named.id) ?? named;
    merged.set(named.id, uniteCollections(base, collection));
  }
  for (const [id, record] of merged) {
    place(plan.collections, decide(record, collectionsById.get(id)), record, id);
  }

  // Settings: the library's value stays (its post links: its answer for a page stays).
  const settingsByKey = new Map(library.settings.map((s) => [s.key, s]));
  for (const setting of incoming.settings) {
    const existing = settingsByKey.get(setting.key);
    if (existing && setting.key === 'postLinks') {
      const links = mergePostLinks(existing.value, setting.value);
      const changed = !sameRecord(links, parseSetting('postLinks', existing.value));
      place(plan.settings, changed ? 'update' : 'skip', { key: 'postLinks', value: links }, setting.key);
      continue;
    }
    place(plan.settings, existing ? 'skip' : 'add', setting, setting.key);
  }
  return plan;
}

/** Both sides' `postLinks` answers (mergePostLinks). */
function mergedPostLinks(
  library: readonly SettingRecord[],
  incoming: readonly SettingRecord[],
): Record<string, PostLink> {
  const of = (settings: readonly SettingRecord[]) => settings.find((s) => s.key === 'postLinks')?.value;
  return mergePostLinks(of(library), of(incoming));
}

/** Per post (its key, a page's URL), the pages linked to it. */
function linkedPagesByPost(links: Readonly<Record<string, PostLink>>): Map<string, string[]> {
  const byPost = new Map<string, string[]>();
  for (const [page, link] of Object.entries(links)) {
    if (!link.linked) continue;
    byPost.set(link.post, [...(byPost.get(link.post) ?? []), page]);
  }
  return byPost;
}

/**
 * The library's post-link answers with the backup's for pages it has not answered, the library's
 * newest kept last (the setting drops its oldest answers beyond `MAX_POST_LINKS`).
 */
function mergePostLinks(library: unknown, backup: unknown): Record<string, PostLink> {
  const ours = parseSetting('postLinks', library);
  const merged: Record<string, PostLink> = {};
  for (const [page, link] of Object.entries(parseSetting('postLinks', backup))) {
    if (!Object.hasOwn(ours, page)) merged[page] = link;
  }
  Object.assign(merged, ours);
  const keys = Object.keys(merged);
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_POST_LINKS))) delete merged[old];
  return merged;
}

/** The library collection with the other's highlights added; the newer name and description win. */
function uniteCollections(library: CollectionRecord, other: CollectionRecord): CollectionRecord {
  const ids = new Set(library.highlightIds);
  const added = other.highlightIds.filter((id) => !ids.has(id));
  const newer = other.updatedAt > library.updatedAt;
  const united: CollectionRecord = {
    ...library,
    name: newer ? other.name : library.name,
    description: newer ? other.description : library.description,
    highlightIds: added.length ? [...library.highlightIds, ...added] : library.highlightIds,
    updatedAt: Math.max(library.updatedAt, other.updatedAt),
  };
  // The newer one says whether it is a saved search (and which).
  if (newer && other.search) united.search = other.search;
  else if (newer) delete united.search;
  return united;
}

/** Totals over every table. */
export function countPlan(plan: MergePlan): MergeCounts {
  const tables = [plan.pages, plan.conferences, plan.talks, plan.highlights, plan.collections, plan.settings];
  return {
    added: tables.reduce((n, t) => n + t.add.length, 0),
    updated: tables.reduce((n, t) => n + t.update.length, 0),
    skipped: tables.reduce((n, t) => n + t.skip.length, 0),
  };
}

/**
 * Structural equality of JSON-like records (key order ignored, a key holding `undefined` counts as
 * absent): what "identical" means for the merge.
 */
export function sameRecord(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => sameRecord(item, other[i]));
  }
  const left = definedEntries(a as Record<string, unknown>);
  const right = b as Record<string, unknown>;
  if (left.length !== definedEntries(right).length) return false;
  return left.every(([key, value]) => Object.hasOwn(right, key) && sameRecord(value, right[key]));
}

function definedEntries(record: Record<string, unknown>): [string, unknown][] {
  return Object.entries(record).filter(([, value]) => value !== undefined);
}
