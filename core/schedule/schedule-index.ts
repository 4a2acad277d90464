/**
 * The imported schedules, prepared once for matching: every talk's title forms and speakers
 * normalised, and inverted indexes from title terms (words, bigrams of unspaced scripts) and speaker
 * name words to talks, so that a query looks at the few talks that share its rarer terms instead of
 * every talk of every conference. Breaks and other housekeeping events are left out.
 */
import { parseTalkTitle } from '../talks/title-parse';
import { boundedEditDistance } from './edit-distance';
import { compareSpeakers, type NameWords, nameWords } from './names';
import {
  allWords,
  contentTerms,
  foldText,
  isGeneric,
  isUnspaced,
  type TitleForm,
  titleForm,
  titleWords,
} from './normalize';
import { dayNumber } from './date-fit';

/** What the matcher needs of a schedule talk (a stored `ScheduleTalk` with its ids). */
export interface MatchableTalk {
  id: string;
  conferenceId: string;
  title: string;
  subtitle: string | null;
  speakers: string[];
  /** ISO date-time of the start, if known. */
  start: string | null;
  /** The conference-local day `YYYY-MM-DD`, if known. */
  day: string | null;
  /** Breaks, meals, registration: never matched, never found by search. */
  housekeeping: boolean;
  /** Where it takes place, for search ("Room A", "Janson"). */
  room?: string | null;
  track?: string | null;
}

/** What the matcher needs of an imported conference. */
export interface MatchableConference {
  id: string;
  title: string;
  acronym: string | null;
  /** First and last day, `YYYY-MM-DD`; when absent, the days of its talks stand in. */
  start: string | null;
  end: string | null;
}

/** A talk as the index keeps it. */
export interface IndexedTalk {
  talk: MatchableTalk;
  /** The title as given, and without markers, codes or a speaker suffix when that differs. */
  forms: TitleForm[];
  speakers: NameWords[];
  conference: IndexedConference | null;
}

/** A conference as the index keeps it. */
export interface IndexedConference {
  conference: MatchableConference;
  firstDay: number | null;
  lastDay: number | null;
  /** Words of the acronym ("kubecon eu 2024"), empty when there is none. */
  acronymWords: string[];
  /** Words of the title. */
  titleWords: string[];
}

/**
 * The prepared schedules (build with `buildScheduleIndex`, read with `matchTalk` and
 * `searchScheduleTalks`; its fields are the modules' business).
 */
export interface ScheduleIndex {
  readonly talks: readonly IndexedTalk[];
  readonly conferences: ReadonlyMap<string, IndexedConference>;
  /** Title term -> indexes of the talks whose title holds it (each talk once). */
  readonly titleTerms: ReadonlyMap<string, readonly number[]>;
  /** Speaker name word -> indexes of the talks with a speaker of that name. */
  readonly nameTerms: ReadonlyMap<string, readonly number[]>;
  /** A title term with one letter deleted (or whole) -> the terms it comes from, for typo look-ups. */
  readonly deletions: ReadonlyMap<string, readonly string[]>;
  /** Per-talk accumulator reused by queries (the index is only ever read one query at a time). */
  readonly scratch: Float64Array;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (list[list.length - 1] !== value) list.push(value);
}

/** The term and its one-letter deletions, for words long enough to carry a typo (five letters). */
export function deletionKeys(term: string): string[] {
  if (term.length < 5 || isUnspaced(term)) return [];
  const keys = [term];
  for (let i = 0; i < term.length; i++) keys.push(term.slice(0, i) + term.slice(i + 1));
  return keys;
}

/**
 * The title forms of a talk title: as given, and as talk detection would clean it ("Keynote: X" -> X,
 * "X (video)" -> X) when that differs. A speaker suffix is only taken off when it names `speakers`
 * (or the talk lists none and nothing but the suffix goes): "Building with Jane Street" keeps its words.
 */
export function titleForms(
  title: string,
  subtitle: string | null,
  speakers: readonly NameWords[],
): TitleForm[] {
  const forms = [titleForm(title, subtitle)];
  const parsed = parseTalkTitle(title);
  if (parsed.title && parsed.title !== title.trim()) {
    const parsedSpeakers = parsed.speakers.map(nameWords);
    const agrees = !parsedSpeakers.length || compareSpeakers(parsedSpeakers, speakers) === 'agree';
    if (agrees) forms.push(titleForm(parsed.title, subtitle));
  }
  return forms;
}

/** The terms a title is indexed under: the content terms of all its forms, each once. */
export function formTerms(forms: readonly TitleForm[]): string[] {
  const terms = new Set<string>();
  for (const form of forms) for (const t of contentTerms(allWords(form))) terms.add(t);
  return [...terms];
}

/**
 * True when every form of a title names a slot rather than a talk ("Lightning talks"), once the words
 * of `names` are set aside ("Q&A with Jane Doe").
 */
export function isGenericTitle(forms: readonly TitleForm[], names: ReadonlySet<string> = new Set()): boolean {
  return forms.every((f) => isGeneric(allWords(f).filter((w) => !names.has(w))));
}

/**
 * Prepares `talks` of `conferences` for `matchTalk` and `searchScheduleTalks`. Housekeeping talks are
 * left out; a talk whose conference is not in `conferences` is kept, without dates.
 */
export function buildScheduleIndex(
  conferences: readonly MatchableConference[],
  talks: readonly MatchableTalk[],
): ScheduleIndex {
  const confs = new Map<string, IndexedConference>();
  for (const conference of conferences) {
    confs.set(conference.id, {
      conference,
      firstDay: dayNumber(conference.start),
      lastDay: dayNumber(conference.end ?? conference.start),
      acronymWords: conference.acronym ? contextWordList(conference.acronym) : [],
      titleWords: contextWordList(conference.title),
    });
  }
  const indexed: IndexedTalk[] = [];
  const titleTerms = new Map<string, number[]>();
  const nameTerms = new Map<string, number[]>();
  const deletions = new Map<string, string[]>();
  for (const talk of talks) {
    if (talk.housekeeping) continue;
    const i = indexed.length;
    const speakers = talk.speakers.map(nameWords).filter((n) => n.length);
    const forms = titleForms(talk.title, talk.subtitle, speakers);
    const conference = confs.get(talk.conferenceId) ?? null;
    indexed.push({ talk, forms, speakers, conference });
    for (const term of formTerms(forms)) {
      if (!titleTerms.has(term)) for (const key of deletionKeys(term)) push(deletions, key, term);
      push(titleTerms, term, i);
    }
    for (const name of speakers) for (const word of name) if (word.length > 1) push(nameTerms, word, i);
    // A conference without dates takes them from its talks.
    const day = dayNumber(talk.day ?? talk.start);
    if (conference && day !== null && !conference.conference.start) {
      conference.firstDay = Math.min(conference.firstDay ?? day, day);
      conference.lastDay = Math.max(conference.lastDay ?? day, day);
    }
  }
  return {
    talks: indexed,
    conferences: confs,
    titleTerms,
    nameTerms,
    deletions,
    scratch: new Float64Array(indexed.length),
  };
}

/** Index terms within one typo of `term` (itself excluded), for a query word the schedules lack. */
export function termsNear(index: ScheduleIndex, term: string): string[] {
  const near = new Set<string>();
  for (const key of deletionKeys(term)) {
    for (const t of index.deletions.get(key) ?? []) {
      if (t !== term && boundedEditDistance(t, term, 1) <= 1) near.add(t);
    }
  }
  return [...near];
}

/**
 * The talks worth comparing with a query, best first, at most `limit`: ranked by the rarity-weighted
 * title terms they share with it (a term the schedules lack counts through its typo neighbours), plus
 * its speakers' names, plus name words in its title ("… by Jane Doe").
 */
export function candidateTalks(
  index: ScheduleIndex,
  terms: readonly string[],
  names: readonly string[],
  limit: number,
): number[] {
  const { scratch } = index;
  const touched: number[] = [];
  const n = index.talks.length;
  const add = (postings: readonly number[] | undefined, weight: number) => {
    if (!postings) return;
    for (const i of postings) {
      if (scratch[i] === 0) touched.push(i);
      scratch[i]! += weight;
    }
  };
  for (const term of terms) {
    const postings = index.titleTerms.get(term);
    if (postings) add(postings, Math.log(1 + n / postings.length));
    else {
      for (const near of termsNear(index, term)) {
        const p = index.titleTerms.get(near)!;
        add(p, 0.8 * Math.log(1 + n / p.length));
      }
    }
    add(index.nameTerms.get(term), 0.5);
  }
  for (const word of names) add(index.nameTerms.get(word), 1);
  touched.sort((a, b) => scratch[b]! - scratch[a]!);
  const best = touched.slice(0, limit);
  for (const i of touched) scratch[i] = 0;
  return best;
}

function contextWordList(text: string): string[] {
  return titleWords(foldText(text));
}

/** `text` folded into words, for looking conference names up in a page's context. */
export function contextWords(text: string): Set<string> {
  return new Set(titleWords(foldText(text)));
}
