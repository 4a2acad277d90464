/**
 * The end-to-end guard: a clip is filed under the talk whose section it lies in, and a section
 * detection let run too long (a write-up's next talk introduced by a line detection did not take
 * for a title) holds clips of other talks. When the line that leads to the clip within its section
 * (the nearest heading-like line above it, or the clip's own first line when the reader selected
 * the heading with the passage) names another talk of the matched talk's conference, by its title or
 * by a speaker of that talk who is not one of the matched talk's, the clip is not filed silently:
 * the named talks and the matched one are offered, named first. A clip that opens on a meal ("At
 * lunch …") is offered with the matched talk alone: a note of the break after it.
 *
 * Offered, not matched to the named talk: the line says a new talk starts, but not that the clip is
 * all of it ("What we missed: «Talk B»", a summary listing talks): the reader decides in one click.
 * A talk named in passing inside the clip's sentences ("as Jane said in yesterday's keynote …") is
 * no lead: only a heading-like line counts, so a mention never undoes a right match.
 */
import { couldBeTitleLine, isHeadingLike } from './clip-lead';
import { type ClipLine, lineRole, timeOf } from './clip-lines';
import { comparePeople, type NameWords, nameWords } from './names';
import { foldText, GENERIC_WORDS, STOPWORDS, titleForm } from './normalize';
import type { IndexedTalk, ScheduleIndex } from './schedule-index';
import type { HighlightRecord } from '../types';

/** Where a clip lies: its own text and the heading-like line that leads to it in its section. */
export interface ClipPlace {
  text: string;
  /** The nearest heading-like line above the clip within its section (not the section's own title); null: none. */
  lead: string | null;
  /** The lead is styled as the section's own heading (clip-lead.ts): a line of the talks' rank. */
  leadLikeHeading?: boolean;
  /**
   * The lines above the clip, nearest first (clip-lines.ts, `HighlightRecord.clipLines`), and the
   * section's title as detected: the guard reads every line between the section's own line and the
   * clip (session 15), not only the nearest.
   */
  lines?: readonly ClipLine[];
  sectionTitle?: string | null;
}

/**
 * A stored highlight's place for the guard: its text, the lead and lines the clipper stored with it
 * (`HighlightRecord.clipLead`, `clipLines`) and its page talk's detected title; a highlight clipped
 * before leads were stored has only its text.
 */
export function placeOfHighlight(
  highlight: Pick<HighlightRecord, 'text' | 'clipLead' | 'clipLines'>,
  sectionTitle: string | null = null,
): ClipPlace {
  return {
    text: highlight.text,
    lead: highlight.clipLead?.text ?? null,
    leadLikeHeading: highlight.clipLead?.likeHeading ?? false,
    ...(highlight.clipLines?.length && sectionTitle ? { lines: highlight.clipLines, sectionTitle } : {}),
  };
}

/** The guard's verdict for one clip of a matched section. */
export type ClipGuard = { kind: 'keep' } | { kind: 'offer'; talkIds: string[] };

interface GuardTalk {
  id: string;
  /** Main titles (each title form's first segment) of two meaningful words or more. */
  titles: string[][];
  /** Speakers named by two words or more. */
  speakers: NameWords[];
  /** Every speaker, for a person credited by first name ("(Тарас)"). */
  people: NameWords[];
  /** Its place in its conference's list: talks named are given in that order. */
  order: number;
}

/** A conference's guard talks, and those a line can name by a title or speaker holding each word. */
interface ConferenceTalks {
  talks: GuardTalk[];
  byWord: Map<string, GuardTalk[]>;
}

const byConference = new WeakMap<ScheduleIndex, Map<string, ConferenceTalks>>();
const byId = new WeakMap<ScheduleIndex, Map<string, IndexedTalk>>();

/** The index's talk of `id`, by a map kept with the index: a library's passages are guarded in one pass. */
function indexedTalk(index: ScheduleIndex, id: string): IndexedTalk | undefined {
  let map = byId.get(index);
  if (!map) {
    map = new Map();
    for (const t of index.talks) if (!map.has(t.talk.id)) map.set(t.talk.id, t);
    byId.set(index, map);
  }
  return map.get(id);
}

function talksOf(index: ScheduleIndex, conferenceId: string): ConferenceTalks {
  let map = byConference.get(index);
  if (!map) {
    map = new Map();
    for (const talk of index.talks) {
      const id = talk.conference?.conference.id;
      if (!id || talk.placeholder) continue;
      const entry: ConferenceTalks = map.get(id) ?? { talks: [], byWord: new Map() };
      const guarded = guardTalk(talk, entry.talks.length);
      entry.talks.push(guarded);
      // A title is held as a run from its first word, a name with every word: one word each finds them.
      const keys = new Set([
        ...guarded.titles.map((t) => t[0]!),
        ...guarded.speakers.map((name) => name.find((w) => w.length > 1)!),
      ]);
      for (const key of keys) {
        const list = entry.byWord.get(key);
        if (list) list.push(guarded);
        else entry.byWord.set(key, [guarded]);
      }
      map.set(id, entry);
    }
    byConference.set(index, map);
  }
  return map.get(conferenceId) ?? { talks: [], byWord: new Map() };
}

function guardTalk(talk: IndexedTalk, order = 0): GuardTalk {
  const titles = talk.forms
    .map((form) => form[0]?.words ?? [])
    .filter((words) => words.filter((w) => !STOPWORDS.has(w) && !GENERIC_WORDS.has(w)).length >= 2);
  const speakers = talk.speakers.filter((name) => name.filter((w) => w.length > 1).length >= 2);
  return { id: talk.talk.id, titles, speakers, people: talk.speakers, order };
}

/** Whether `words` hold `run` as consecutive words. */
function holdsRun(words: readonly string[], run: readonly string[]): boolean {
  outer: for (let i = 0; i + run.length <= words.length; i++) {
    for (let j = 0; j < run.length; j++) if (words[i + j] !== run[j]) continue outer;
    return true;
  }
  return false;
}

/** Whether `words` hold every word of a name (of two letters or more): "Kovács Eszter" for Eszter Kovács. */
function holdsName(words: ReadonlySet<string>, name: NameWords): boolean {
  return name.filter((w) => w.length > 1).every((w) => words.has(w));
}

/**
 * The person a line credits in a closing bracket: "Бліц-доповідь: «…» (Тарас)", "Keynote (Jane Doe)":
 * one to three words of letters; null when there is none.
 */
function creditedPerson(line: string): NameWords | null {
  const m = /\(([\p{L}\p{M}.'’ -]{2,60})\)\s*$/u.exec(line.trim());
  const words = m ? nameWords(m[1]!) : [];
  return words.length >= 1 && words.length <= 3 ? words : null;
}

/** The line the clip's own text opens with, when it reads as a heading the reader selected along. */
function firstLine(text: string): string | null {
  const lines = text.split(/\n+/).map((l) => l.trim());
  if (lines.length < 2 || !lines[0]) return null;
  return isHeadingLike(lines[0]) ? lines[0] : null;
}

/**
 * A meal named first in a clip ("Lunch was …", "At lunch …", "دوپہر کے کھانے میں بریانی تھی", "Beim
 * Mittagessen …"): a note of the break between talks, which a section that ran past its talk holds
 * (detection reads prose pages' talk ends from their sentences). A talk's own passage does not open
 * on the meal.
 */
const MEAL_OPENING =
  /^[\s\p{P}]*(?:(?:at|during|after|over|beim|nach|au|pendant|durante|en|na|po|в|на|во)\s+(?:the\s+|dem\s+|le\s+|el\s+|la\s+|il\s+)?)?(?:lunch|dinner|breakfast|coffee break|mittagessen|mittagspause|kaffeepause|déjeuner|dîner|almuerzo|almoço|pranzo|obiad|obiedzie|обед|обеде|обід|обіді|昼食|昼休み|ランチ|午餐|午饭|점심|غداء|الغداء|دوپہر کے کھانے|دوپہر کا کھانا|दोपहर का खाना|दोपहर के खाने)(?![\p{L}])/iu;

/** A line's title words, and its words as names ("Kovács Eszter" read either way). */
function lineWords(line: string): { words: string[]; nameSet: Set<string> } {
  const words = titleForm(line).flatMap((s) => s.words);
  return { words, nameSet: new Set(nameWords(foldText(line)).concat(words)) };
}

/** Whether `line` names `own` (its title, a speaker of it): its own heading or its speaker line. */
function namesOwnTalk(own: GuardTalk, line: string): boolean {
  const { words, nameSet } = lineWords(line);
  return (
    own.titles.some((title) => holdsRun(words, title)) || own.speakers.some((s) => holdsName(nameSet, s))
  );
}

/**
 * The talks of `talks` other than `own` that `line` names: by a title, by a speaker of theirs who is
 * not one of `own`'s, or by a person credited in brackets who is theirs and not `own`'s; none when the
 * line names `own` itself (its heading or speaker line quoting another talk).
 */
function talksNamedBy(conference: ConferenceTalks, own: GuardTalk, line: string): string[] {
  if (namesOwnTalk(own, line)) return [];
  const { words, nameSet } = lineWords(line);
  const credit = creditedPerson(line);
  // Only talks with a title or speaker word in the line can be named by it (a credit: any talk).
  const found = new Set<GuardTalk>();
  for (const word of nameSet) for (const t of conference.byWord.get(word) ?? []) found.add(t);
  const talks = credit !== null ? conference.talks : [...found].sort((a, b) => a.order - b.order);
  const names = (t: GuardTalk) =>
    t.titles.some((title) => holdsRun(words, title)) ||
    (credit !== null &&
      t.people.some((p) => comparePeople(credit, p) !== 'none') &&
      !own.people.some((p) => comparePeople(credit, p) !== 'none')) ||
    t.speakers.some((s) => holdsName(nameSet, s) && !own.speakers.some((o) => holdsName(new Set(o), s)));
  return talks.filter((t) => t.id !== own.id && names(t)).map((t) => t.id);
}

/**
 * The talks of `talkId`'s conference other than it that any of `lines` names (by a title, or a
 * speaker of theirs who is not `talkId`'s; see `talksNamedBy`), in the order named: file-by-lines.ts
 * reads the lines between the line it files by and the clip with it.
 */
export function otherTalksNamed(index: ScheduleIndex, talkId: string, lines: readonly string[]): string[] {
  const talk = indexedTalk(index, talkId);
  const conferenceId = talk?.conference?.conference.id;
  if (!talk || !conferenceId) return [];
  const conference = talksOf(index, conferenceId);
  const own = conference.talks.find((t) => t.id === talkId) ?? guardTalk(talk);
  const named: string[] = [];
  for (const line of lines)
    if (isHeadingLike(line))
      for (const id of talksNamedBy(conference, own, line)) if (!named.includes(id)) named.push(id);
  return named;
}

/**
 * The stored lines between the section's own line (the line that holds its detected title) and the
 * clip, nearest first, and that line; null when the lines do not reach it (a structure line, the
 * reading's bounds or the post's titles come first): nothing is then known of what lies between.
 */
function sectionLines(place: ClipPlace): { between: readonly ClipLine[]; start: ClipLine } | null {
  const { lines, sectionTitle } = place;
  const title = sectionTitle ? lineWords(sectionTitle).words : [];
  if (!lines?.length || !title.length) return null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.kind === 'title' || line.kind === 'end') return null;
    if (holdsRun(lineWords(line.text).words, title)) return { between: lines.slice(0, i), start: line };
  }
  return null;
}

/**
 * Whether a line between the section's own line and the clip starts a talk detection did not read as
 * one: of that line's look (kind, rank and style), or opening with a later time than it and going on
 * with a title (the programme's next slot); able to be a title, naming nothing of the talk and no
 * part of one ("Q&A", "Key takeaways").
 */
function ranPast(between: readonly ClipLine[], start: ClipLine, own: GuardTalk): boolean {
  const startTime = timeOf(start);
  const newLine = (line: ClipLine) =>
    isHeadingLike(line.text) &&
    couldBeTitleLine(line.text) &&
    lineRole(line.text) === null &&
    !namesOwnTalk(own, line.text);
  const sameLook = (line: ClipLine) =>
    line.kind === start.kind && line.level === start.level && line.style === start.style;
  // A later slot than the section's own ("14:30 Building Better Toolchains" under "14:00 …"): the
  // programme's next talk. Not a live blog's entry ("14:05 she shows the demo", "14:20 Q&A").
  const laterSlot = (line: ClipLine) => {
    const rest = line.text.replace(/^\s*\[?\d{1,2}[:.h]\d{2}\]?[\s\p{P}]*/u, '');
    return (
      startTime !== null &&
      (timeOf(line) ?? -1) > startTime &&
      /^\p{Lu}/u.test(rest) &&
      rest.split(' ').length >= 2 &&
      lineRole(rest) === null
    );
  };
  return between.some((line) => (sameLook(line) || laterSlot(line)) && newLine(line));
}

/**
 * The guard for a clip filed under `matchedTalkId` (see the module comment): `offer` with the talks
 * its lead names (then the matched one) when the lead names another talk of the same conference and
 * not the matched one; `keep` otherwise. With the stored lines (session 15) every line between the
 * section's own line and the clip is read so: a line naming another talk of the conference, a
 * line of the section line's own look or a later slot (`ranPast`) offers the clip.
 */
export function guardClip(index: ScheduleIndex, matchedTalkId: string, place: ClipPlace): ClipGuard {
  const matched = indexedTalk(index, matchedTalkId);
  const conferenceId = matched?.conference?.conference.id;
  if (!matched || !conferenceId) return { kind: 'keep' };
  // A note of the lunch that follows the talk: not silently the talk's (see `MEAL_OPENING`).
  if (MEAL_OPENING.test(place.text)) return { kind: 'offer', talkIds: [matchedTalkId] };
  const own = talksOf(index, conferenceId).talks.find((t) => t.id === matchedTalkId) ?? guardTalk(matched);
  const section = sectionLines(place);
  // Prose that quotes a title (`quoted`) mentions a talk; it does not start one.
  const passed = section?.between.filter((l) => l.kind !== 'quoted' && l.kind !== 'end') ?? [];
  const leads = [place.lead, firstLine(place.text), ...passed.map((l) => l.text)].filter(
    (l): l is string => !!l && isHeadingLike(l),
  );
  const named = otherTalksNamed(index, matchedTalkId, leads);
  if (named.length) return { kind: 'offer', talkIds: [...named, matchedTalkId] };
  if (section && ranPast(section.between, section.start, own))
    return { kind: 'offer', talkIds: [matchedTalkId] };
  // A line of the talks' own rank between the section's title and the clip that names neither this
  // talk nor another (a break, "What we missed", a talk of no schedule): the section ran past its end.
  // Not a note of that look (a chat's messages all look alike): it opens in lower case or runs long.
  if (place.leadLikeHeading && place.lead && couldBeTitleLine(place.lead) && !namesOwnTalk(own, place.lead))
    return { kind: 'offer', talkIds: [matchedTalkId] };
  return { kind: 'keep' };
}
