/**
 * The conferences of the library, arranged once per change of the data: conferences in the order
 * the dashboard lists them, each one's talks (as talk slots) in schedule order, and each talk's
 * conference-local day. Built on first use and kept on the index (like the search text), so a
 * library without conferences pays nothing.
 */
import { localTimes } from '../schedule/slot';
import type { PageRecord } from '../types';
import type { LibraryIndex, ScheduleIndex } from './library-index';

const COLLATOR = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export type { ScheduleIndex };

/** The schedule index of `index`, built on the first call. */
export function scheduleIndex(index: LibraryIndex): ScheduleIndex {
  if (index.schedule) return index.schedule;
  const conferences = [...index.conferences].sort(
    (a, b) =>
      (b.start ?? '').localeCompare(a.start ?? '') ||
      COLLATOR.compare(a.title, b.title) ||
      (a.id < b.id ? -1 : 1),
  );
  const position = new Map(conferences.map((c, i) => [c.id, i]));
  const lists: number[][] = conferences.map(() => []);
  const day = new Array<string>(index.talks.length).fill('');
  const conference = new Int32Array(index.talks.length).fill(-1);
  index.talks.forEach((talk, slot) => {
    const at = talk.conferenceId === undefined ? undefined : position.get(talk.conferenceId);
    if (at === undefined) return;
    conference[slot] = at;
    lists[at]!.push(slot);
    day[slot] = talk.day ?? localTimes(talk).day ?? '';
  });
  const linkedPages = new Array<PageRecord[] | undefined>(index.talks.length);
  index.talks.forEach((talk, slot) => {
    const shown = index.shownTalk[slot]!;
    const page = talk.pageId === null ? undefined : index.pagesById.get(talk.pageId);
    if (shown === slot || conference[shown] === -1 || !page) return;
    const pages = linkedPages[shown];
    if (!pages) linkedPages[shown] = [page];
    else if (!pages.includes(page)) pages.push(page);
  });
  const talksOf = lists.map((slots) =>
    Int32Array.from(slots.sort((a, b) => index.talks[a]!.position - index.talks[b]!.position || a - b)),
  );
  index.schedule = { conferences, talksOf, day, conference, linkedPages };
  return index.schedule;
}
