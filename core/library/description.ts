/** A filter in words, for the export's title and the collection saved from it. */
import type { HighlightColor } from '../types';
import type { LibraryFilter } from './filters';

/** Names the filter's criteria refer to, for `describeFilter`. */
export interface FilterNames {
  talkTitle: (id: string) => string | undefined;
  colorLabel: (color: HighlightColor) => string;
  collectionName: (id: string) => string | undefined;
  conferenceTitle?: (id: string) => string | undefined;
}

/** The filter in words ("Search “rust” · tags: kernel · with a note"), '' when it is empty. */
export function describeFilter(filter: LibraryFilter, names: FilterNames): string {
  const parts: string[] = [];
  if (filter.collectionId !== null) {
    parts.push(`collection: ${names.collectionName(filter.collectionId) ?? 'unknown'}`);
  }
  if (filter.query.trim()) parts.push(`search “${filter.query.trim()}”`);
  if (filter.tags.length) parts.push(`tags: ${filter.tags.join(', ')}`);
  if (filter.talkIds.length) {
    parts.push(`talks: ${filter.talkIds.map((id) => names.talkTitle(id) ?? 'unknown').join(', ')}`);
  }
  if (filter.conferenceIds.length) {
    const title = (id: string) => names.conferenceTitle?.(id) ?? 'unknown';
    parts.push(`conferences: ${filter.conferenceIds.map(title).join(', ')}`);
  }
  if (filter.scheduleDays.length) parts.push(`conference days: ${filter.scheduleDays.join(', ')}`);
  if (filter.tracks.length) parts.push(`tracks: ${filter.tracks.join(', ')}`);
  if (filter.rooms.length) parts.push(`rooms: ${filter.rooms.join(', ')}`);
  if (filter.sites.length) parts.push(`sites: ${filter.sites.join(', ')}`);
  if (filter.authors.length) parts.push(`by: ${filter.authors.map((a) => a || 'unknown').join(', ')}`);
  if (filter.colors.length) parts.push(`colours: ${filter.colors.map(names.colorLabel).join(', ')}`);
  if (filter.fromDay && filter.toDay) parts.push(`from ${filter.fromDay} to ${filter.toDay}`);
  else if (filter.fromDay) parts.push(`from ${filter.fromDay}`);
  else if (filter.toDay) parts.push(`until ${filter.toDay}`);
  if (filter.hasNote) parts.push('with a note');
  if (filter.orphansOnly) parts.push('not found on their page');
  const text = parts.join(' · ');
  return text ? text[0]!.toUpperCase() + text.slice(1) : '';
}
