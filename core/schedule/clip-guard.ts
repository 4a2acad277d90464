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
}

/**
 * A stored highlight's place for the guard: its text and the lead the clipper stored with it
 * (`HighlightRecord.clipLead`); a highlight clipped before leads were stored has only its text.
 */
export function placeOfHighlight(highlight: Pick<HighlightRecord, 'text' | 'clipLead'>): ClipPlace {
  return {
    text: highlight.text,
    lead: highlight.clipLead?.text ?? null,
    leadLikeHeading: highlight.clipLead?.likeHeading ?? false,
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
}

const byConference = new WeakMap<ScheduleIndex, Map<string, GuardTalk[]>>();
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

function talksOf(index: ScheduleIndex, conferenceId: string): GuardTalk[] {
  let map = byConference.get(index);
  if (!map) {
    map = new Map();
    for (const talk of index.talks) {
      const id = talk.conference?.conference.id;
      if (!id || talk.placeholder) continue;
      const list = map.get(id) ?? [];
      list.push(guardTalk(talk));
      map.set(id, list);
    }
    byConference.set(index, map);
  }
  return map.get(conferenceId) ?? [];
}

function guardTalk(talk: IndexedTalk): GuardTalk {
  const titles = talk.forms
    .map((form) => form[0]?.words ?? [])
    .filter((words) => words.filter((w) => !STOPWORDS.has(w) && !GENERIC_WORDS.has(w)).length >= 2);
  const speakers = talk.speakers.filter((name) => name.filter((w) => w.length > 1).length >= 2);
  return { id: talk.talk.id, titles, speakers, people: talk.speakers };
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

/**
 * The guard for a clip filed under `matchedTalkId` (see the module comment): `offer` with the talks
 * its lead names (then the matched one) when the lead names another talk of the same conference and
 * not the matched one; `keep` otherwise.
 */
export function guardClip(index: ScheduleIndex, matchedTalkId: string, place: ClipPlace): ClipGuard {
  const matched = indexedTalk(index, matchedTalkId);
  const conferenceId = matched?.conference?.conference.id;
  if (!matched || !conferenceId) return { kind: 'keep' };
  // A note of the lunch that follows the talk: not silently the talk's (see `MEAL_OPENING`).
  if (MEAL_OPENING.test(place.text)) return { kind: 'offer', talkIds: [matchedTalkId] };
  const leads = [place.lead, firstLine(place.text)].filter((l): l is string => !!l && isHeadingLike(l));
  if (!leads.length) return { kind: 'keep' };
  const talks = talksOf(index, conferenceId);
  const own = talks.find((t) => t.id === matchedTalkId) ?? guardTalk(matched);
  const ownNames = own.speakers;
  const named: string[] = [];
  const namesOwn = (lead: string) => {
    const words = titleForm(lead).flatMap((s) => s.words);
    const nameSet = new Set(nameWords(foldText(lead)).concat(words));
    return (
      own.titles.some((title) => holdsRun(words, title)) || own.speakers.some((s) => holdsName(nameSet, s))
    );
  };
  for (const lead of leads) {
    const words = titleForm(lead).flatMap((s) => s.words);
    const nameSet = new Set(nameWords(foldText(lead)).concat(words));
    const credit = creditedPerson(lead);
    const names = (t: GuardTalk) =>
      t.titles.some((title) => holdsRun(words, title)) ||
      (credit !== null &&
        t.people.some((p) => comparePeople(credit, p) !== 'none') &&
        !own.people.some((p) => comparePeople(credit, p) !== 'none')) ||
      t.speakers.some((s) => holdsName(nameSet, s) && !ownNames.some((o) => holdsName(new Set(o), s)));
    // A line naming the matched talk (its title, a speaker of it) is its own heading or its speaker line.
    if (namesOwn(lead)) continue;
    for (const t of talks) if (t.id !== matchedTalkId && names(t) && !named.includes(t.id)) named.push(t.id);
  }
  if (named.length) return { kind: 'offer', talkIds: [...named, matchedTalkId] };
  // A line of the talks' own rank between the section's title and the clip that names neither this
  // talk nor another (a break, "What we missed", a talk of no schedule): the section ran past its end.
  // Not a note of that look (a chat's messages all look alike): it opens in lower case or runs long.
  if (place.leadLikeHeading && place.lead && couldBeTitleLine(place.lead) && !namesOwn(place.lead))
    return { kind: 'offer', talkIds: [matchedTalkId] };
  return { kind: 'keep' };
}
