/**
 * Unifying the same page clipped on two devices before either synced (docs/sync.md, "Pages clipped
 * on two devices"): page ids are random, so both devices hold one URL under two ids. Every device
 * that sees both reaches the same result on its own, whatever order the records arrive in, because
 * each rule here is a function of the records alone (never of which device or pass met them first):
 * - the page kept is the one with the smallest id ({@link pageWinner});
 * - the kept page takes the other's fields where it has none, the later title, both notes and tags
 *   ({@link unitePages});
 * - on one page, detected talks of the same detected title are one talk: the smallest id is kept,
 *   and it keeps what the reader did to either (a rename, "Not a talk", a schedule link, notes)
 *   ({@link uniteTalks}).
 * The storage side (storage/sync/unify.ts) applies them as ordinary edits, which sync.
 */
import { joinReadAt } from '../read-at';
import type { PageRecord, RecordNotes, ScheduleLinkState, TalkRecord } from '../types';
import type { RecordState } from './merge';

/**
 * The id kept among pages holding one URL: the smallest. Not the earlier `createdAt`: clocks of two
 * devices disagree and a creation time can tie, while an id is unique and the same everywhere, so
 * no device needs anything but the ids to agree.
 */
export function pageWinner(ids: readonly string[]): string | undefined {
  let winner: string | undefined;
  for (const id of ids) if (winner === undefined || id < winner) winner = id;
  return winner;
}

/**
 * Both notes, nothing lost: the kept record's first, the other's after a blank line, unless one
 * already holds the other (unifying twice, or a note that reached both) so joining is idempotent.
 */
export function joinNotes(kept: string | undefined, other: string | undefined): string | undefined {
  const a = kept ?? '';
  const b = other ?? '';
  if (b.trim() === '' || a.includes(b)) return kept;
  if (a.trim() === '' || b.includes(a)) return other;
  return `${a}\n\n${b}`;
}

/** Both lists, in order, the kept record's first. */
export function uniteLists<T>(
  kept: readonly T[] | undefined,
  other: readonly T[] | undefined,
): T[] | undefined {
  if (!other?.length) return kept ? [...kept] : undefined;
  const united = [...(kept ?? [])];
  for (const item of other) if (!united.includes(item)) united.push(item);
  return united;
}

/** The record's own note and tags after uniting with another's (absent fields stay absent). */
function uniteNotes(kept: RecordNotes, other: RecordNotes): RecordNotes {
  const note = joinNotes(kept.note, other.note);
  const tags = uniteLists(kept.tags, other.tags);
  return { ...(note === undefined ? {} : { note }), ...(tags === undefined ? {} : { tags }) };
}

const present = (value: unknown) =>
  value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);

/** Page metadata fields: the later page's value where it has one, else the other's. */
const PAGE_METADATA = [
  'title',
  'authors',
  'siteName',
  'publishedAt',
  'lang',
  'canonicalUrl',
  'excerpt',
  'fingerprint',
] as const;

/**
 * The kept page (`winner`: id and URL) with `loser`'s content: metadata from the later of the two
 * (by `updatedAt`, the winner on a tie) where it has a value, else the other's; notes joined, tags
 * and the addresses a post was read at (`readAt`, when records carry it) united; the earlier
 * creation and the later edit.
 */
export function unitePages(winner: PageRecord, loser: PageRecord): PageRecord {
  const later = loser.updatedAt > winner.updatedAt ? loser : winner;
  const earlier = later === winner ? loser : winner;
  const united: Record<string, unknown> = { ...winner };
  for (const field of PAGE_METADATA) {
    const value = present(later[field]) ? later[field] : earlier[field];
    if (value !== undefined) united[field] = value;
  }
  // The addresses the post was read at (#18): never lose one; a set, as sync and imports keep it.
  if (winner.readAt || loser.readAt) united.readAt = joinReadAt(winner.url, winner.readAt, loser.readAt);
  // Who clipped it: the kept page's maker, else the other's.
  const author = winner.author ?? loser.author;
  if (author !== undefined) united.author = author;
  delete united.note;
  delete united.tags;
  return {
    ...(united as unknown as PageRecord),
    ...uniteNotes(winner, loser),
    createdAt: Math.min(winner.createdAt, loser.createdAt),
    updatedAt: Math.max(winner.updatedAt, loser.updatedAt),
  };
}

/** The key under which detected talks of one page are the same talk; null for other talks. */
export function detectedTalkKey(
  talk: Pick<TalkRecord, 'pageId' | 'detected' | 'detectedTitle'>,
): string | null {
  // The exact detected title: detection on one page never makes two talks of one title
  // (storage/clips.ts), so two of them on a page can only be the same talk clipped twice.
  if (talk.pageId === null || !talk.detected || !talk.detectedTitle) return null;
  return `${talk.pageId}\u0000${talk.detectedTitle}`;
}

/** How much a reader's say on a schedule link weighs: their choice or refusal over the matcher's. */
const LINK_WEIGHT: Record<ScheduleLinkState, number> = { chosen: 3, declined: 2, matched: 1 };
const linkWeight = (talk: TalkRecord) => (talk.scheduleLink ? LINK_WEIGHT[talk.scheduleLink] : 0);

const renamed = (talk: TalkRecord) => talk.detectedTitle !== null && talk.title !== talk.detectedTitle;

/**
 * One talk from two detected talks of the same title on one page: `kept` (the smaller id) with
 * what the reader did to either: a renamed title (the later rename if both were), "Not a talk", the
 * schedule link the reader said most about (chosen, then declined, then matched), both notes and
 * tags. Its position and form stay `kept`'s unless it has none.
 */
export function uniteTalks(kept: TalkRecord, other: TalkRecord): TalkRecord {
  const later = other.updatedAt > kept.updatedAt ? other : kept;
  let title = kept.title;
  if (renamed(kept) && renamed(other)) title = later.title;
  else if (renamed(other)) title = other.title;
  const linked = linkWeight(other) > linkWeight(kept) ? other : kept;
  const united: TalkRecord = { ...kept, title };
  delete united.note;
  delete united.tags;
  delete united.scheduleTalkId;
  delete united.scheduleLink;
  delete united.scheduleCandidates;
  if (linked.scheduleTalkId !== undefined) united.scheduleTalkId = linked.scheduleTalkId;
  if (linked.scheduleLink !== undefined) united.scheduleLink = linked.scheduleLink;
  const candidates = uniteLists(kept.scheduleCandidates, other.scheduleCandidates);
  if (candidates !== undefined) united.scheduleCandidates = candidates;
  const notATalk = kept.notATalk ?? other.notATalk;
  if (notATalk !== undefined) united.notATalk = notATalk;
  const form = kept.form ?? other.form;
  if (form !== undefined) united.form = form;
  if (united.speakers.length === 0) united.speakers = other.speakers;
  const author = kept.author ?? other.author;
  if (author !== undefined) united.author = author;
  return {
    ...united,
    ...uniteNotes(kept, other),
    createdAt: Math.min(kept.createdAt, other.createdAt),
    updatedAt: Math.max(kept.updatedAt, other.updatedAt),
  };
}

/**
 * A record about to be unified away, with every value its note and tags have in `state` (the
 * shown one and those in conflict, edited on two devices) joined: its deletion covers them all, so
 * the record it goes into must keep them all. Other fields in conflict keep only the shown value.
 */
export function withEveryNote<T extends RecordNotes>(record: T, state: RecordState | undefined): T {
  if (!state) return record;
  const notes = (state.fields.note ?? []).map((v) => v.value).filter((v) => typeof v === 'string');
  const tags = (state.fields.tags ?? []).map((v) => v.value).filter((v) => Array.isArray(v));
  const note = notes.reduce<string | undefined>((kept, other) => joinNotes(kept, other), record.note);
  const united = tags.reduce<string[] | undefined>((kept, other) => uniteLists(kept, other), record.tags);
  return {
    ...record,
    ...(note === undefined ? {} : { note }),
    ...(united === undefined ? {} : { tags: united }),
  };
}
