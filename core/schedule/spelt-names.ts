/**
 * Finding schedule talks by a speaker the write-up spells in another script than the schedule
 * ("अनन्या राव" for Ananya Rao): the index's name words are the schedule's spellings, so such a
 * name finds nothing there. Every speaker word of the index is reduced to its consonant skeleton
 * (transliterate.ts) once per index, on the first such query, and looked up by the skeletons of the
 * write-up's name spelt in Latin letters. Speaker evidence only: the talks found are candidates,
 * scored as any other.
 */
import type { NameWords } from './names';
import type { ScheduleIndex } from './schedule-index';
import { nameSkeleton, speltNameKeys } from './transliterate';

const bySkeleton = new WeakMap<ScheduleIndex, Map<string, number[]>>();

function skeletonIndex(index: ScheduleIndex): Map<string, number[]> {
  let map = bySkeleton.get(index);
  if (map) return map;
  map = new Map();
  for (const [word, talks] of index.nameTerms) {
    if (!/^[a-z]+$/.test(word)) continue;
    // Under its skeleton, and with "~" under its devoiced one, for a Tamil spelling (transliterate.ts).
    for (const key of [nameSkeleton(word), `~${nameSkeleton(word, true)}`]) {
      if (key.replace('~', '').length < 2) continue;
      const list = map.get(key) ?? [];
      for (const i of talks) if (!list.includes(i)) list.push(i);
      map.set(key, list);
    }
  }
  bySkeleton.set(index, map);
  return map;
}

/**
 * Indexes of the talks with a speaker word whose skeleton is that of a word of `speakers` written
 * in a spelt script (skeletons of two consonants or more); empty when no name is in such a script.
 */
export function talksBySpeltNames(index: ScheduleIndex, speakers: readonly NameWords[]): number[] {
  const keys = speakers.flatMap(speltNameKeys);
  if (!keys.length) return [];
  const map = skeletonIndex(index);
  const found = new Set<number>();
  for (const key of keys) for (const i of map.get(key) ?? []) found.add(i);
  return [...found];
}
