/**
 * What every format shares once it has read its events: checking and cleaning each one into a
 * `ScheduleTalk` (text, times, links, housekeeping), skipping or repairing what cannot be used with a
 * counted warning, keeping ids unique, and the conference record with its first and last day.
 * The format modules only walk their own layout and hand `EventDraft`s to a `ScheduleAssembler`.
 */
import { countOf, formatCount, ScheduleParseError } from './errors';
import { isHousekeeping } from './housekeeping';
import { collectLinks, type LinkCandidate, safeHttpUrl, urlsInText } from './links';
import { SCHEDULE_LIMITS } from './limits';
import { boundedLine, cleanLine, plainText, textOf } from './text';
import {
  addSeconds,
  formatDay,
  formatWallTime,
  instantOf,
  isKnownTimeZone,
  parseIsoDate,
  type WallTime,
} from './time';
import type { ParsedSchedule, ScheduleConference, ScheduleFormat, ScheduleTalk } from './types';

/** What the caller of `parseSchedule` may set. */
export interface ScheduleParseOptions {
  /** More events than this and the file is refused (default SCHEDULE_LIMITS.events, 50,000). */
  maxEvents?: number;
  /**
   * The conference's title where the file names none (Sessionize never does): the caller passes
   * the file's name or the URL's host.
   */
  fallbackTitle?: string;
}

/** One event as a format module read it, before it is checked and cleaned. */
export interface EventDraft {
  /** The source's id (frab `guid`, Sessionize `id`, iCalendar `UID`). */
  id: unknown;
  title: unknown;
  subtitle?: unknown;
  /** Display names in the source's order. */
  speakers?: unknown[];
  start: WallTime | null;
  end?: WallTime | null;
  /** Used for the end where the source gives no end of its own. */
  durationSeconds?: number | null;
  /** IANA zone of the times, where known; ends follow its offset changes. */
  timeZone: string | null;
  /** The day of an event without a time (an all-day iCalendar entry), `YYYY-MM-DD`. */
  day?: string | null;
  room?: unknown;
  track?: unknown;
  type?: unknown;
  /** Abstract first, then longer descriptions: the first with text becomes the abstract; links are taken from all. */
  texts?: unknown[];
  /** The event's own page on the schedule site. */
  url?: unknown;
  links?: LinkCandidate[];
  /** The source says it is housekeeping (a Sessionize service session). */
  housekeeping?: boolean;
}

/** The conference as a format module read it. */
export interface ConferenceDraft {
  title: unknown;
  acronym?: unknown;
  /** `YYYY-MM-DD` or an ISO date-time; else the first and last day of the events. */
  start?: unknown;
  end?: unknown;
  timeZone?: string | null;
  url?: unknown;
}

/** The id of a format's events where the source has none, or a shortened overlong one: FNV-1a, 2 × 32 bits. */
function hashOf(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/**
 * Refuses a file with more events than `options.maxEvents` (default SCHEDULE_LIMITS.events),
 * before they are read: the format modules count them first.
 */
export function refuseTooManyEvents(
  count: number,
  options: ScheduleParseOptions,
  format: ScheduleFormat,
): void {
  const asked = options.maxEvents;
  const max =
    asked !== undefined && Number.isFinite(asked) && asked >= 0 ? Math.floor(asked) : SCHEDULE_LIMITS.events;
  if (count > max) {
    throw new ScheduleParseError(
      'too-many-events',
      `This schedule has ${formatCount(count)} events; Talk Notes reads at most ${formatCount(max)} from one file. Import a part of it (one day or one track) instead.`,
      format,
    );
  }
}

/** Collects a schedule's talks and warnings; one per parse. */
export class ScheduleAssembler {
  private readonly talks: ScheduleTalk[] = [];
  private readonly byId = new Map<string, ScheduleTalk>();
  private readonly counts = new Map<string, { n: number; say: (n: number) => string }>();
  private readonly extra: string[] = [];

  constructor(
    private readonly format: ScheduleFormat,
    private readonly options: ScheduleParseOptions = {},
    /** A base for relative links (frab's `base_url`). */
    private readonly baseUrl: string | null = null,
  ) {}

  /** Counts one more of a kind of problem; the warning, written by `say`, gives the total. */
  count(key: string, say: (n: number) => string): void {
    const seen = this.counts.get(key);
    if (seen) seen.n++;
    else this.counts.set(key, { n: 1, say });
  }

  /** A warning said once, as it is. */
  warn(message: string): void {
    if (!this.extra.includes(message)) this.extra.push(message);
  }

  /** Checks and cleans one event and adds it (or counts why it was skipped). */
  add(draft: EventDraft): void {
    let title = cleanLine(draft.title);
    if (!title) {
      this.count(
        'no-title',
        (n) => `${countOf(n, 'event')} without a title ${n === 1 ? 'was' : 'were'} skipped.`,
      );
      return;
    }
    if (title.length > SCHEDULE_LIMITS.title) {
      title = boundedLine(title, SCHEDULE_LIMITS.title)!;
      this.count(
        'long-title',
        (n) =>
          `${countOf(n, 'title')} longer than ${SCHEDULE_LIMITS.title} characters ${n === 1 ? 'was' : 'were'} shortened.`,
      );
    }
    const start = draft.start;
    let end = draft.end ?? null;
    if (start && !end && draft.durationSeconds != null)
      end = addSeconds(start, draft.durationSeconds, draft.timeZone);
    if (start && end && !endsAfter(start, end)) {
      end = null;
      this.count(
        'bad-end',
        (n) =>
          `${countOf(n, 'event')} ended before ${n === 1 ? 'it' : 'they'} started; the end was left out.`,
      );
    }
    const scheduleId = this.uniqueId(draft, title, start);
    if (scheduleId === '') return; // a repeat of an earlier event, counted by uniqueId
    if (!start) {
      this.count(
        'no-time',
        (n) => `${countOf(n, 'event')} ${n === 1 ? 'has' : 'have'} no start time; kept without one.`,
      );
    }
    const type = boundedLine(draft.type, SCHEDULE_LIMITS.label);
    const texts = (draft.texts ?? []).map((text) => textOf(text).slice(0, SCHEDULE_LIMITS.rawText));
    let abstract: string | null = null;
    for (const text of texts) {
      abstract = plainText(text) || null;
      if (abstract) break;
    }
    const url = safeHttpUrl(draft.url, this.baseUrl);
    const talk: ScheduleTalk = {
      scheduleId,
      title,
      subtitle: boundedLine(draft.subtitle, SCHEDULE_LIMITS.subtitle),
      speakers: cleanSpeakers(draft.speakers ?? []),
      start: start ? formatWallTime(start) : null,
      end: end ? formatWallTime(end) : null,
      timeZone: draft.timeZone,
      day: start ? formatDay(start.wall) : (draft.day ?? null),
      room: boundedLine(draft.room, SCHEDULE_LIMITS.label),
      track: boundedLine(draft.track, SCHEDULE_LIMITS.label),
      type,
      abstract: abstract ? truncateText(abstract) : null,
      url,
      links: collectLinks(
        [
          ...(url ? [{ url }] : []),
          ...(draft.links ?? []),
          ...texts.flatMap((text) => urlsInText(text).map((found) => ({ url: found }))),
        ],
        url,
        this.baseUrl,
      ),
      housekeeping: draft.housekeeping === true || isHousekeeping(title, type),
    };
    this.byId.set(talk.scheduleId, talk);
    this.talks.push(talk);
  }

  /**
   * The event's id, cleaned; shortened with a hash when overlong; made from its title and time
   * where it has none; suffixed `#2`, `#3`… where an earlier, different event has it. '' for an
   * exact repeat of an earlier event (same id, title and start), which is dropped.
   */
  private uniqueId(draft: EventDraft, title: string, start: WallTime | null): string {
    let id = cleanLine(draft.id);
    if (!id) {
      id = `${this.format}:${hashOf(`${title}\n${start ? formatWallTime(start) : ''}\n${cleanLine(draft.room)}`)}`;
      this.count(
        'no-id',
        (n) =>
          `${countOf(n, 'event')} had no id; ${n === 1 ? 'one was' : 'ids were'} made from title, time and room.`,
      );
    } else if (id.length > SCHEDULE_LIMITS.scheduleId) {
      id = `${id.slice(0, SCHEDULE_LIMITS.scheduleId - 17)}#${hashOf(id)}`;
    }
    const earlier = this.byId.get(id);
    if (!earlier) return id;
    const startText = start ? formatWallTime(start) : null;
    if (earlier.title === title && earlier.start === startText) {
      this.count(
        'repeat',
        (n) => `${countOf(n, 'event')} repeated an earlier one and ${n === 1 ? 'was' : 'were'} left out.`,
      );
      return '';
    }
    let n = 2;
    while (this.byId.has(`${id}#${n}`)) n++;
    this.count(
      'shared-id',
      (k) =>
        `${countOf(k, 'event')} shared an id with an earlier, different event and ${k === 1 ? 'was' : 'were'} given ${k === 1 ? 'its own' : 'their own'} ("…#2").`,
    );
    return `${id}#${n}`;
  }

  /** The parsed schedule; refuses one without a single usable event. */
  finish(conference: ConferenceDraft): ParsedSchedule {
    if (this.talks.length === 0) {
      const skipped = this.counts.get('no-title')?.n ?? 0;
      throw new ScheduleParseError(
        'no-events',
        skipped > 0
          ? `This schedule has no usable events: none of its ${countOf(skipped, 'event')} has a title.`
          : 'This schedule has no events: there is nothing to import. Is it the published schedule, after the talks were scheduled?',
        this.format,
      );
    }
    let title = boundedLine(conference.title, SCHEDULE_LIMITS.conferenceTitle);
    if (!title) {
      const fallback = boundedLine(this.options.fallbackTitle, SCHEDULE_LIMITS.conferenceTitle);
      title = fallback ?? 'Imported schedule';
      this.warn(
        fallback
          ? `The file does not name its conference; it is called "${title}" after the file. Rename it if you like.`
          : `The file does not name its conference; it is called "${title}". Rename it if you like.`,
      );
    }
    const days = this.talks
      .map((talk) => talk.day)
      .filter((day): day is string => day !== null)
      .sort();
    let start = dayOf(conference.start);
    let end = dayOf(conference.end);
    if (!start || !end || start > end) {
      start = days[0] ?? null;
      end = days.at(-1) ?? null;
    }
    const zone = conference.timeZone && isKnownTimeZone(conference.timeZone) ? conference.timeZone : null;
    const record: ScheduleConference = {
      title,
      acronym: boundedLine(conference.acronym, SCHEDULE_LIMITS.acronym),
      start,
      end,
      timeZone: zone,
      url: safeHttpUrl(conference.url, this.baseUrl),
    };
    const warnings = [...[...this.counts.values()].map(({ n, say }) => say(n)), ...this.extra];
    return { format: this.format, conference: record, talks: this.talks, warnings };
  }
}

function endsAfter(start: WallTime, end: WallTime): boolean {
  const a = instantOf(start);
  const b = instantOf(end);
  return a !== null && b !== null ? b >= a : end.wall >= start.wall;
}

/** An abstract cut to its limit, keeping its line breaks. */
function truncateText(text: string): string {
  return text.length <= SCHEDULE_LIMITS.abstract
    ? text
    : `${text.slice(0, SCHEDULE_LIMITS.abstract - 1).trimEnd()}…`;
}

/** Speaker names cleaned, each once (case-insensitively), at most SCHEDULE_LIMITS.speakers. */
function cleanSpeakers(names: unknown[]): string[] {
  const seen = new Set<string>();
  const speakers: string[] = [];
  for (const raw of names) {
    const name = boundedLine(raw, SCHEDULE_LIMITS.speakerName);
    if (!name || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    speakers.push(name);
    if (speakers.length >= SCHEDULE_LIMITS.speakers) break;
  }
  return speakers;
}

/** `YYYY-MM-DD` from a date or the date part of an ISO date-time, if it is a real date. */
function dayOf(value: unknown): string | null {
  const day = textOf(value).trim().slice(0, 10);
  return parseIsoDate(day) === null ? null : day;
}
