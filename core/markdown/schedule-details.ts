/**
 * A conference talk in Markdown: the details under its `## heading` (when, room, track, type,
 * speakers, recording / slides / schedule links) and the template variables for the same fields.
 * Everything from the schedule is untrusted: text is escaped with `inline`, links are http(s) only.
 */
import { inline, linkDestination } from './escape';
import { localTimes, timeRange } from '../schedule/slot';
import type { TemplateVariable } from './template';
import type { ScheduleLinkKind } from '../schedule/types';
import type { ConferenceRecord, TalkRecord } from '../types';

/** The template variables a conference talk fills (./template.ts; empty for a talk that is not one). */
export type ScheduleVariable = Extract<
  TemplateVariable,
  'conference' | 'day' | 'time' | 'start' | 'room' | 'track' | 'type' | 'recording' | 'slides' | 'schedule'
>;

/** The recording, slides and schedule page of a talk: http(s) URLs fit for a link, or null. */
export function talkLinks(talk: TalkRecord): Record<'recording' | 'slides' | 'schedule', string | null> {
  const first = (kind: ScheduleLinkKind) => {
    for (const link of talk.links ?? []) {
      if (link.kind !== kind) continue;
      const url = linkDestination(link.url);
      if (url) return url;
    }
    return null;
  };
  return {
    recording: first('recording'),
    slides: first('slides'),
    schedule: first('schedule') ?? (talk.url ? linkDestination(talk.url) : null),
  };
}

/** What a talk's links are called, in the export and the dashboard. */
export const SCHEDULE_LINK_LABELS = {
  recording: 'Recording',
  slides: 'Slides',
  schedule: 'Schedule',
} as const;

/**
 * The details of a conference talk under its heading, as a list: when (day and time in the
 * conference's time zone), room, track, type, speakers, links; and a note when the schedule no
 * longer lists it. Null when there is nothing to say.
 */
export function scheduleDetails(talk: TalkRecord): string | null {
  const times = localTimes(talk);
  const when = [times.day, timeRange(times)].filter(Boolean).join(', ');
  const links = Object.entries(talkLinks(talk))
    .filter(([, url]) => url)
    .map(([kind, url]) => `[${SCHEDULE_LINK_LABELS[kind as keyof typeof SCHEDULE_LINK_LABELS]}](${url})`);
  const speakers = talk.speakers.map((s) => s.trim()).filter(Boolean);
  const items: [string, string | null | undefined][] = [
    ['When', when && inline(when)],
    ['Room', talk.room && inline(talk.room)],
    ['Track', talk.track && inline(talk.track)],
    ['Type', talk.type && inline(talk.type)],
    ['Speakers', speakers.length ? inline(speakers.join(', ')) : null],
    ['Links', links.join(' · ')],
    ['Note', talk.removedFromSchedule ? 'no longer in the schedule' : null],
  ];
  const lines = items.filter(([, value]) => value).map(([label, value]) => `- **${label}:** ${value}`);
  return lines.length ? lines.join('\n') : null;
}

/** The schedule variables of a highlight's talk, computed only when asked for. */
export function scheduleValues(
  talk: TalkRecord | undefined,
  conferences: ReadonlyMap<string, ConferenceRecord>,
): Record<ScheduleVariable, () => string> {
  const of = talk?.conferenceId ? talk : undefined;
  const text = (value: string | null | undefined) => () => inline(value ?? '');
  const link = (kind: 'recording' | 'slides' | 'schedule') => () => (of ? (talkLinks(of)[kind] ?? '') : '');
  return {
    conference: text(of && conferences.get(of.conferenceId!)?.title),
    day: () => (of ? (localTimes(of).day ?? '') : ''),
    time: () => (of ? timeRange(localTimes(of)) : ''),
    start: text(of?.start),
    room: text(of?.room),
    track: text(of?.track),
    type: text(of?.type),
    recording: link('recording'),
    slides: link('slides'),
    schedule: link('schedule'),
  };
}
