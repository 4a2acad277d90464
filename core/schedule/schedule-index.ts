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
import { dayNumber, SERIES_SPAN_DAYS } from './date-fit';
import { isPlaceholderSlot } from './placeholder';
import { sessionFormat } from './session-format';

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
  /** The session-format markers of the title as given ('' for none, 'hands-on', 'part 2' …; see session-format.ts). */
  format: string;
  speakers: NameWords[];
  conference: IndexedConference | null;
  /** The slot says its talk moved or was cancelled ("[MOVED] …"): found by search, never matched. */
  placeholder: boolean;
}

/** A conference as the index keeps it. */
export interface IndexedConference {
  conference: MatchableConference;
  firstDay: number | null;
  lastDay: number | null;
  /**
   * The days that have talks, ascending, when they span more than SERIES_SPAN_DAYS (a meetup's
   * evenings, a seminar): a write-up is then about one of them, not the whole span. Else null.
   */
  sessionDays: number[] | null;
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
  /** How many distinct title terms each talk has (shorter titles first among equals). */
  readonly termCounts: Uint16Array;
  /** Per-talk accumulators reused by queries (the index is only ever read one query at a time). */
  readonly scratch: Float64Array;
  readonly shared: Float64Array;
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
    if (agrees) addForm(forms, titleForm(parsed.title, subtitle));
  }
  return forms;
}

/** Adds `form` to `forms` unless one of them has the same segments ("Scaling Postgres (video)"). */
export function addForm(forms: TitleForm[], form: TitleForm): void {
  const key = (f: TitleForm) => f.map((s) => s.words.join(' ')).join('|');
  const k = key(form);
  if (form.length && !forms.some((f) => key(f) === k)) forms.push(form);
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
 * One talk prepared for the index: what matching needs of it on its own (title forms, session format,
 * speakers, terms), independent of the other talks and of the conferences.
 */
export interface PreparedTalk {
  readonly talk: MatchableTalk;
  readonly forms: TitleForm[];
  readonly format: string;
  readonly speakers: NameWords[];
  readonly placeholder: boolean;
  /** The terms its title is indexed under (`formTerms`). */
  readonly terms: readonly string[];
  /** Its day (or the day of its start) as a day number, for conferences without dates. */
  readonly day: number | null;
}

/**
 * A run of talks prepared for the index (one conference's, as storage keeps them), with their term
 * lists by position in the run. Preparing is nearly all of an index's cost (title forms, names,
 * postings: about 2 s of CPU for 30,000 talks on a loaded machine), and it holds for every index built
 * while the talks are unchanged: storage/schedule-links.ts keeps each conference's, and an import
 * prepares its talks while IndexedDB is writing them (storage/conferences.ts). Only read once made.
 */
export interface PreparedTalks {
  readonly talks: readonly PreparedTalk[];
  /** Title term -> positions in `talks` of the talks whose title holds it, terms in order of first use. */
  readonly titleTerms: ReadonlyMap<string, readonly number[]>;
  /** Speaker name word -> positions in `talks`. */
  readonly nameTerms: ReadonlyMap<string, readonly number[]>;
  /** One-letter deletions of `titleTerms`' terms, as `ScheduleIndex.deletions`. */
  readonly deletions: ReadonlyMap<string, readonly string[]>;
}

/** `talk` prepared for the index; null for housekeeping (never indexed). */
export function prepareScheduleTalk(talk: MatchableTalk): PreparedTalk | null {
  if (talk.housekeeping) return null;
  const speakers = talk.speakers.map(nameWords).filter((n) => n.length);
  const forms = titleForms(talk.title, talk.subtitle, speakers);
  return {
    talk,
    forms,
    format: sessionFormat(forms[0]!).key,
    speakers,
    placeholder: isPlaceholderSlot(talk.title),
    terms: formTerms(forms),
    day: dayNumber(talk.day ?? talk.start),
  };
}

/**
 * `talks` prepared for `buildPreparedIndex`, in their order, housekeeping left out. `prepared` may
 * hold some of them prepared before by `prepareScheduleTalk`, by id (from these very talks).
 */
export function prepareScheduleTalks(
  talks: readonly MatchableTalk[],
  prepared?: ReadonlyMap<string, PreparedTalk | null>,
): PreparedTalks {
  const ready: PreparedTalk[] = [];
  const titleTerms = new Map<string, number[]>();
  const nameTerms = new Map<string, number[]>();
  const deletions = new Map<string, string[]>();
  for (const talk of talks) {
    const one = prepared?.has(talk.id) ? prepared.get(talk.id)! : prepareScheduleTalk(talk);
    if (!one) continue;
    const i = ready.length;
    ready.push(one);
    for (const term of one.terms) {
      if (!titleTerms.has(term)) for (const key of deletionKeys(term)) push(deletions, key, term);
      push(titleTerms, term, i);
    }
    for (const name of one.speakers) for (const word of name) if (word.length > 1) push(nameTerms, word, i);
  }
  return { talks: ready, titleTerms, nameTerms, deletions };
}

/**
 * Prepares `talks` of `conferences` for `matchTalk` and `searchScheduleTalks`. Housekeeping talks are
 * left out; a talk whose conference is not in `conferences` is kept, without dates.
 */
export function buildScheduleIndex(
  conferences: readonly MatchableConference[],
  talks: readonly MatchableTalk[],
): ScheduleIndex {
  return buildPreparedIndex(conferences, [prepareScheduleTalks(talks)]);
}

/**
 * The index of runs of talks prepared before, one after the other: the index `buildScheduleIndex`
 * builds from all their talks in that order. Its cost is the conferences' days and, beyond the first
 * run, merging each run's term lists; the runs are not changed (their lists are copied before they grow).
 */
export function buildPreparedIndex(
  conferences: readonly MatchableConference[],
  parts: readonly PreparedTalks[],
): ScheduleIndex {
  const confs = new Map<string, IndexedConference>();
  for (const conference of conferences) {
    confs.set(conference.id, {
      conference,
      firstDay: dayNumber(conference.start),
      lastDay: dayNumber(conference.end ?? conference.start),
      sessionDays: null,
      acronymWords: conference.acronym ? contextWordList(conference.acronym) : [],
      titleWords: contextWordList(conference.title),
    });
  }
  const indexed: IndexedTalk[] = [];
  const talkDays = new Map<IndexedConference, Set<number>>();
  for (const part of parts) {
    for (const { talk, forms, format, speakers, placeholder, day } of part.talks) {
      const conference = confs.get(talk.conferenceId) ?? null;
      indexed.push({ talk, forms, format, speakers, conference, placeholder });
      // A conference without dates takes them from its talks.
      if (conference && day !== null) {
        const days = talkDays.get(conference) ?? new Set<number>();
        days.add(day);
        talkDays.set(conference, days);
      }
      if (conference && day !== null && !conference.conference.start) {
        conference.firstDay = Math.min(conference.firstDay ?? day, day);
        conference.lastDay = Math.max(conference.lastDay ?? day, day);
      }
    }
  }
  for (const [conference, days] of talkDays) {
    const sorted = [...days].sort((a, b) => a - b);
    if (sorted.length > 1 && sorted[sorted.length - 1]! - sorted[0]! > SERIES_SPAN_DAYS)
      conference.sessionDays = sorted;
  }
  const { titleTerms, nameTerms, deletions } = mergeParts(parts);
  const termCounts = new Uint16Array(indexed.length);
  let at = 0;
  for (const part of parts)
    for (const { terms } of part.talks) termCounts[at++] = Math.min(terms.length, 0xffff);
  return {
    talks: indexed,
    conferences: confs,
    titleTerms,
    nameTerms,
    deletions,
    termCounts,
    scratch: new Float64Array(indexed.length),
    shared: new Float64Array(indexed.length),
  };
}

/**
 * The term lists of the runs as one index's: the first run's as they are (one conference, the usual
 * case, costs nothing), each further run's positions moved by the talks before it, appended to copies.
 */
function mergeParts(parts: readonly PreparedTalks[]): {
  titleTerms: ReadonlyMap<string, readonly number[]>;
  nameTerms: ReadonlyMap<string, readonly number[]>;
  deletions: ReadonlyMap<string, readonly string[]>;
} {
  if (parts.length === 0) return { titleTerms: new Map(), nameTerms: new Map(), deletions: new Map() };
  if (parts.length === 1) return parts[0]!;
  const titleTerms = new Map(parts[0]!.titleTerms);
  const nameTerms = new Map(parts[0]!.nameTerms);
  const deletions = new Map(parts[0]!.deletions);
  // Lists made here (not a run's own), which may grow in place.
  const owned = new Set<readonly unknown[]>();
  const append = <V>(map: Map<string, readonly V[]>, key: string, values: readonly V[]) => {
    const list = map.get(key);
    if (!list) {
      owned.add(values);
      map.set(key, values);
      return;
    }
    const grown = owned.has(list) ? (list as V[]) : [...list];
    owned.add(grown);
    for (const v of values) grown.push(v);
    map.set(key, grown);
  };
  let offset = parts[0]!.talks.length;
  for (const part of parts.slice(1)) {
    for (const [term, positions] of part.titleTerms) {
      // Each key once per term, as `push` keeps it ("hello" gives "helo" twice).
      if (!titleTerms.has(term))
        for (const key of new Set(deletionKeys(term))) append(deletions, key, [term]);
      append(
        titleTerms,
        term,
        positions.map((i) => i + offset),
      );
    }
    for (const [word, positions] of part.nameTerms)
      append(
        nameTerms,
        word,
        positions.map((i) => i + offset),
      );
    offset += part.talks.length;
  }
  return { titleTerms, nameTerms, deletions };
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

/** What each title term of a talk takes off its rank, so that equals are ordered shortest first. */
const LENGTH_PENALTY = 0.05;

/** How many talks `candidateTalks` returns. */
export interface CandidateLimits {
  /** The best-ranked talks, always. */
  first: number;
  /** Beyond those, talks whose title holds every term of the query's (its look-alikes), up to this many in all. */
  max: number;
}

/**
 * The talks worth comparing with a query, best first: ranked by the rarity-weighted title terms they
 * share with it (a term the schedules lack counts through its typo neighbours), plus its speakers'
 * names, plus name words in its title ("… by Jane Doe"), less a little for each of their own terms.
 * The first `limits.first` come back, then any further talk whose title holds all the query's terms,
 * so that a title shared by a hundred talks ("Kubernetes Security …") still finds its look-alikes.
 */
export function candidateTalks(
  index: ScheduleIndex,
  terms: readonly string[],
  names: readonly string[],
  limits: CandidateLimits,
): number[] {
  const { scratch, shared } = index;
  const touched: number[] = [];
  const n = index.talks.length;
  const idf = (postings: readonly number[]) => Math.log(1 + n / postings.length);
  const add = (postings: readonly number[] | undefined, weight: number, title: boolean) => {
    if (!postings) return;
    for (const i of postings) {
      if (scratch[i] === 0) touched.push(i);
      scratch[i]! += weight;
      if (title) shared[i]! += weight;
    }
  };
  try {
    let queryWeight = 0;
    for (const term of terms) {
      const postings = index.titleTerms.get(term);
      if (postings) {
        add(postings, idf(postings), true);
        queryWeight += idf(postings);
      } else {
        let most = 0;
        for (const near of termsNear(index, term)) {
          const p = index.titleTerms.get(near)!;
          add(p, 0.8 * idf(p), true);
          most = Math.max(most, 0.8 * idf(p));
        }
        queryWeight += most;
      }
      const named = index.nameTerms.get(term);
      if (named) add(named, 0.5 * idf(named), false);
    }
    for (const word of names) {
      const named = index.nameTerms.get(word);
      if (named) add(named, idf(named), false);
    }
    // Among talks sharing the same words, the one with fewest others first: "Kubernetes Security" before
    // a hundred "Kubernetes Security …".
    for (const i of touched) scratch[i]! -= LENGTH_PENALTY * index.termCounts[i]!;
    touched.sort((a, b) => scratch[b]! - scratch[a]! || a - b);
    const found = touched.slice(0, limits.first);
    for (let k = limits.first; k < touched.length && found.length < limits.max; k++) {
      const i = touched[k]!;
      if (queryWeight > 0 && shared[i]! >= queryWeight * 0.999) found.push(i);
    }
    return found;
  } finally {
    // Leave the accumulators clean for the next query, whatever happened.
    for (const i of touched) {
      scratch[i] = 0;
      shared[i] = 0;
    }
  }
}

function contextWordList(text: string): string[] {
  return titleWords(foldText(text));
}
