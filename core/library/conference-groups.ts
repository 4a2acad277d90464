/**
 * The Conferences view: each imported conference, under it its days, under each day its talks in
 * schedule order, each talk with the highlights shown under it (its own and those of the page
 * talks linked to it). Talks nobody has highlighted are listed too, so a reader sees what they have
 * not read about yet. Rows are ordinary groups (./groups.ts) with a `schedule` part, so the list,
 * its keyboard and selection work unchanged; headings carry no highlights of their own.
 */
import type { ConferenceRecord } from '../types';
import { type LibraryFilter, narrowsHighlights, scheduleMatches } from './filters';
import {
  emptyGroup,
  groupHighlights,
  type HighlightGroup,
  type LibraryGroupBy,
  notePage,
  type ScheduleRow,
  sortInDocumentOrder,
  type LibraryOrder,
} from './groups';
import { HAS_NOTE, type LibraryIndex } from './library-index';
import { scheduleIndex } from './schedule-index';
import { containsAll, prepareSearch } from './search';

/**
 * The groups of the dashboard's list for `by`: the Conferences view needs the filter and the
 * search terms too, to decide which talks without results are still listed.
 */
export function groupLibrary(
  index: LibraryIndex,
  slots: Int32Array,
  by: LibraryGroupBy,
  filter: LibraryFilter,
  terms: readonly string[],
  order: LibraryOrder = 'page',
): HighlightGroup[] {
  return by === 'conference'
    ? groupByConference(index, slots, filter, terms)
    : groupHighlights(index, slots, by, order);
}

/** The results shown in the Conferences view: those under a conference's talk (index order kept). */
export function conferenceSlots(index: LibraryIndex, slots: Int32Array): Int32Array {
  const schedule = scheduleIndex(index);
  const out = new Int32Array(slots.length);
  let count = 0;
  for (let k = 0; k < slots.length; k++) {
    const talk = index.talkSlot[slots[k]!]!;
    if (talk >= 0 && schedule.conference[talk]! >= 0) out[count++] = slots[k]!;
  }
  return count === slots.length ? slots : out.slice(0, count);
}

/**
 * The Conferences view's rows for the results `slots` (searched and filtered): conferences (the
 * latest first), days in order (talks without a day last), talks in schedule order. A talk with
 * results is listed with them; a talk without is listed (dimmed by the dashboard) unless the
 * filter has a criterion only highlights meet (tags, colours, …), and only when it meets the
 * conference, day, track and room criteria and has every search term in its own text (title,
 * speakers, room, track, abstract). A conference or day with nothing listed under it is left out,
 * except with no filter and no search at all.
 */
export function groupByConference(
  index: LibraryIndex,
  slots: Int32Array,
  filter: LibraryFilter,
  terms: readonly string[],
): HighlightGroup[] {
  const schedule = scheduleIndex(index);
  const byTalk = new Array<number[] | undefined>(index.talks.length);
  for (let k = 0; k < slots.length; k++) {
    const talk = index.talkSlot[slots[k]!]!;
    if (talk < 0 || schedule.conference[talk]! < 0) continue;
    const list = byTalk[talk];
    if (list) list.push(slots[k]!);
    else byTalk[talk] = [slots[k]!];
  }
  const passes = scheduleMatches(index, filter);
  const listUnread = !narrowsHighlights(filter);
  const talkText = terms.length ? prepareSearch(index).talks : null;
  const showEmpty = listUnread && !passes && !talkText;

  const groups: HighlightGroup[] = [];
  schedule.conferences.forEach((conference, c) => {
    const heading = headingGroup(`conf:${conference.id}`, 'conference', conference.title, conference, '', []);
    const days = new Map<string, HighlightGroup[]>();
    for (const talkSlot of schedule.talksOf[c]!) {
      const found = byTalk[talkSlot];
      if (!found) {
        if (
          !listUnread ||
          (passes && !passes[talkSlot]) ||
          (talkText && !containsAll(talkText[talkSlot]!, terms))
        )
          continue;
      }
      const day = schedule.day[talkSlot]!;
      const talk = index.talks[talkSlot]!;
      const group: HighlightGroup = { ...emptyGroup(`talk:${talk.id}`, 'conference', talk.title), talk };
      let notes = 0;
      for (const slot of found ?? []) {
        group.highlights.push(index.highlights[slot]!);
        notePage(index, group, slot);
        if (index.flags[slot]! & HAS_NOTE) notes++;
      }
      for (const page of schedule.linkedPages[talkSlot] ?? [])
        if (!group.pages.includes(page)) group.pages.push(page);
      sortInDocumentOrder(group);
      const within = [heading.key, dayKey(conference, day)];
      group.schedule = { ...row('talk', conference, day, within), notes };
      const list = days.get(day);
      if (list) list.push(group);
      else days.set(day, [group]);
    }
    if (days.size === 0 && !showEmpty) return;
    groups.push(heading);
    for (const day of [...days.keys()].sort(dayOrder)) {
      const talks = days.get(day)!;
      const dayGroup = headingGroup(dayKey(conference, day), 'day', day, conference, day, [heading.key]);
      groups.push(dayGroup, ...talks);
      for (const summary of [heading.schedule!.summary, dayGroup.schedule!.summary]) {
        for (const talk of talks) {
          summary.talks++;
          if (talk.highlights.length) summary.read++;
          summary.highlights += talk.highlights.length;
        }
      }
    }
  });
  return groups;
}

function row(
  level: ScheduleRow['level'],
  conference: ConferenceRecord,
  day: string,
  within: string[],
): ScheduleRow {
  return { level, conference, day, within, summary: { talks: 0, read: 0, highlights: 0 }, notes: 0 };
}

function headingGroup(
  key: string,
  level: 'conference' | 'day',
  title: string,
  conference: ConferenceRecord,
  day: string,
  within: string[],
): HighlightGroup {
  return { ...emptyGroup(key, 'conference', title), schedule: row(level, conference, day, within) };
}

function dayKey(conference: ConferenceRecord, day: string): string {
  return `confday:${conference.id}:${day}`;
}

/** Days in order, talks without a day last. */
function dayOrder(a: string, b: string): number {
  if (!a || !b) return a ? -1 : b ? 1 : 0;
  return a < b ? -1 : a > b ? 1 : 0;
}
