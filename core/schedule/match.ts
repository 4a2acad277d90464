/**
 * Which imported schedule talk a talk named in a write-up is, precision first. A candidate's
 * confidence is its title score (title-similarity.ts) moved by evidence: speakers that agree raise it,
 * speakers that clearly differ sink it, the page's date inside or far from the conference's dates
 * moves it, and so does the page naming the conference. A talk is matched silently only when one
 * candidate is confident, its title is at least the start of the other's, and no other candidate is
 * plausible; a talk that could be two ("Lightning talks" twice, "Intro to Rust" beside "Intro to Rust
 * Macros", the same title at last year's edition, a talk beside its workshop) is offered with its
 * candidates, best first. Titles that are only near the schedule's (a word inserted or changed, a
 * session-format marker such as "(Workshop)" on one side) need more than their title: agreeing speakers.
 */
import { parseTalkTitle } from '../talks/title-parse';
import { namedConferences, type PageContext, pageContext } from './conference-named';
import { type DateFit, dayNumber, talkDateFit } from './date-fit';
import { compareSpeakers, type NameWords, nameWords, type SpeakerAgreement } from './names';
import { type TitleForm, titleForm } from './normalize';
import {
  addForm,
  candidateTalks,
  formTerms,
  type IndexedConference,
  type IndexedTalk,
  isGenericTitle,
  type ScheduleIndex,
} from './schedule-index';
import { sessionFormat } from './session-format';
import { talksBySpeltNames } from './spelt-names';
import { isOnlyTalkOfSpeakers, oneWordChanged, sharesWord, titlesRelate } from './sole-talk';
import { titlesInOtherLanguages } from './title-language';
import { compareTitles, TITLE_SCORES, type TitleRelation } from './title-similarity';

/** A talk as a write-up names it. */
export interface TalkQuery {
  /** The detected (or reader-given) talk title. */
  title: string;
  /** The detected speakers; empty when none were found. */
  speakers: string[];
  /** The write-up's publication date (ISO date or date-time), if known. */
  pageDate: string | null;
  /**
   * Short text that may name the conference: the page's title, site name, headings, URL. A
   * conference named there is preferred over one that is not. Not the whole page text: it is read
   * word by word on every query.
   */
  context?: string | null;
}

/** Why a candidate got its confidence. */
export interface MatchEvidence {
  title: TitleRelation;
  titleScore: number;
  speakers: SpeakerAgreement;
  date: DateFit;
  /** Whether the query's context names this candidate's conference (`other`: names another candidate's). */
  conferenceNamed: 'yes' | 'other' | 'unknown';
}

/** A schedule talk the query could be. */
export interface MatchCandidate {
  talkId: string;
  /** In [0, 1]; `MATCH_THRESHOLD` and above with no rival is a match. */
  confidence: number;
  evidence: MatchEvidence;
}

/** The outcome of `matchTalk`. */
export type ScheduleMatch =
  | ({ kind: 'match' } & MatchCandidate)
  /** Offer these to the reader ("Is this 'X' (Day 2, 14:00, Room A)?"), best first, at most `MAX_OFFERED`. */
  | { kind: 'ambiguous'; candidates: MatchCandidate[] }
  | { kind: 'none' };

/** Confidence a silent match needs. */
export const MATCH_THRESHOLD = 0.85;
/** Title score a silent match needs whatever the other evidence: the prefix tier ("Scaling Postgres"). */
export const MATCH_MIN_TITLE = 0.62;
/**
 * Another candidate stops a silent match when its confidence reaches this and comes within
 * `RIVAL_MARGIN` of the best: the same title by someone else (1 - 0.4 for the speakers, + 0.05 for
 * the date) stays below it, the same title at last year's edition (- 0.4) too.
 */
export const RIVAL_THRESHOLD = 0.7;
/** How far below the best a candidate may be and still be a rival (see `RIVAL_THRESHOLD`). */
export const RIVAL_MARGIN = 0.25;
/** Confidence a candidate needs to be offered. */
export const OFFER_THRESHOLD = 0.5;
/** How many candidates are offered at most. */
export const MAX_OFFERED = 5;
/**
 * Slack in comparing confidences with the thresholds: sums of tenths are not exact in floating point
 * (0.3 + 0.15 + 0.05 is 0.49999999999999994), and a candidate at a threshold is at it.
 */
const EPSILON = 1e-9;
const atLeast = (value: number, threshold: number) => value >= threshold - EPSILON;
/** How many talks from the index are compared with a query (see `candidateTalks`). */
const CANDIDATE_LIMITS = { first: 30, max: 150 };

/** What each kind of evidence adds to a candidate's title score. */
export const EVIDENCE_WEIGHTS = {
  speakers: { agree: 0.15, partial: 0.07, unknown: 0, disagree: -0.4 } satisfies Record<
    SpeakerAgreement,
    number
  >,
  date: {
    during: 0.05,
    'shortly-before': -0.1,
    'months-after': -0.1,
    'years-after': -0.4,
    'long-before': -0.5,
    'another-session': -0.1,
    unknown: 0,
  } satisfies Record<DateFit, number>,
  conferenceNamed: { yes: 0.1, other: -0.4, unknown: 0 },
  /** A slot title ("Keynote") with agreeing speakers: the speakers say which talk; the title cannot. */
  genericWithSpeakers: 0.45,
} as const;

interface PreparedQuery {
  forms: TitleForm[];
  /** The session-format markers of the title as written (see session-format.ts). */
  format: string;
  /** The title ends in "…" or "...": the writer cut it. */
  truncated: boolean;
  speakers: NameWords[];
  /** People the title itself names ("Title — Jane Doe"): they count when they agree, not when they differ. */
  titleSpeakers: NameWords[];
  /**
   * "Jane Doe: Title" (or "Jane Doe — Title"): the people before the colon and the forms of the title
   * after it, compared instead of the whole title where the people are the candidate's speakers (see
   * `afterNamePrefix`). `nameShaped`: no word of these names is a title word of the imported schedules
   * unless it is also a speaker's name word ("Kafka Streams: Exactly Once" is no person).
   */
  prefix: { people: NameWords[]; forms: TitleForm[]; nameShaped: boolean } | null;
  generic: boolean;
  pageDay: number | null;
  context: PageContext | null;
}

function prepare(query: TalkQuery, index: ScheduleIndex): PreparedQuery {
  const parsed = parseTalkTitle(query.title);
  const forms = [titleForm(query.title)];
  if (parsed.title && parsed.title !== query.title.trim()) addForm(forms, titleForm(parsed.title));
  const speakers = query.speakers.map(nameWords).filter((n) => n.length);
  const suffixSpeakers = parsed.speakers.map(nameWords);
  const titleSpeakers = [...suffixSpeakers, ...parsed.prefixPeople.map(nameWords)];
  // A title that is only its speakers' names ("Jane Doe", "Q&A with Jane Doe") names no talk either.
  // Not people in front of a colon: "Scaling Postgres: Lessons Learned" reads like "Jane Doe: …".
  const names = new Set([...speakers, ...suffixSpeakers].flat());
  const prefixPeople = parsed.prefixPeople.map(nameWords).filter((n) => n.length);
  const afterPrefix = parsed.titleAfterPrefix ? titleForm(parsed.titleAfterPrefix) : [];
  const isNameWord = (w: string) => w.length < 2 || index.nameTerms.has(w) || !index.titleTerms.has(w);
  return {
    forms,
    format: sessionFormat(forms[0]!).key,
    truncated: /(?:\.\.\.|…)\s*["'”’»」]?\s*$/u.test(query.title),
    speakers,
    titleSpeakers,
    prefix:
      prefixPeople.length && afterPrefix.length
        ? { people: prefixPeople, forms: [afterPrefix], nameShaped: prefixPeople.flat().every(isNameWord) }
        : null,
    generic: isGenericTitle(forms, names),
    pageDay: dayNumber(query.pageDate),
    context: query.context ? pageContext(query.context) : null,
  };
}

function speakerEvidence(q: PreparedQuery, talk: IndexedTalk): SpeakerAgreement {
  const stated = compareSpeakers(q.speakers, talk.speakers);
  if (stated !== 'unknown') return stated;
  const named = compareSpeakers(q.titleSpeakers, talk.speakers);
  return named === 'agree' || named === 'partial' ? named : 'unknown';
}

interface Scored extends MatchCandidate {
  /** The query could be this talk's title shortened ("Intro to Rust" for "Intro to Rust Macros"). */
  abbreviated: boolean;
}

function scoreCandidate(q: PreparedQuery, talk: IndexedTalk, named: ReadonlySet<string> | null): Scored {
  // Names to take out of both titles: the stated speakers of both sides. Not people the query's title
  // seems to name ("Type Safety: …" reads like "Jane Doe: …"); when they are this talk's, its list has them.
  const names = new Set<string>();
  for (const list of [q.speakers, talk.speakers]) {
    for (const name of list) for (const w of name) if (w.length > 1) names.add(w);
  }
  let title: { relation: TitleRelation; score: number } = { relation: 'overlap', score: 0 };
  let abbreviated = false;
  const formats = { a: q.format, b: talk.format };
  for (const qf of q.forms) {
    for (const tf of talk.forms) {
      const s = compareTitles(qf, tf, names, q.truncated, formats);
      if (s.score > title.score) title = s;
      if (s.shorter === 'a') abbreviated = true;
    }
  }
  const afterName = afterNamePrefix(q, talk, names, formats);
  if (afterName && afterName.score > title.score) title = afterName;
  if (afterName?.shorter === 'a') abbreviated = true;
  const speakers = speakerEvidence(q, talk);
  if (q.generic && speakers === 'agree') {
    title = { ...title, score: Math.max(title.score, EVIDENCE_WEIGHTS.genericWithSpeakers) };
  }
  const conf = talk.conference;
  const date = conf ? talkDateFit(q.pageDay, conf, talk.talk.day ?? talk.talk.start) : 'unknown';
  const conferenceNamed = !named?.size || !conf ? 'unknown' : named.has(conf.conference.id) ? 'yes' : 'other';
  const confidence =
    title.score +
    EVIDENCE_WEIGHTS.speakers[speakers] +
    EVIDENCE_WEIGHTS.date[date] +
    EVIDENCE_WEIGHTS.conferenceNamed[conferenceNamed];
  return {
    talkId: talk.talk.id,
    confidence,
    evidence: { title: title.relation, titleScore: title.score, speakers, date, conferenceNamed },
    abbreviated,
  };
}

/**
 * The query's title after the people before its colon ("Андрій Шевчук: Мікрофронтенди …", "J. Doe:
 * Scaling Postgres"), compared with `talk`'s title, when detection kept the speaker in the title:
 * - the people are the talk's speakers (as `compareSpeakers` reads names: initials, short first
 *   names, accents): the title after the colon is compared as any title;
 * - the talk lists nobody and the phrase is name-shaped (`PreparedQuery.prefix`): a person is likely
 *   but unconfirmed, so the part after the colon scores at most `TITLE_SCORES.namedPrefix`, as a
 *   leading part dropped, and matches only where the page names the conference (`titleIsEnough`);
 *   (not when what follows names a slot: "Greta Lindqvist: Lessons Learned");
 * - otherwise (the talk's speakers are others, or only partly these): nothing, the whole title
 *   counts. "Scaling Postgres: Lessons Learned" reads like "Jane Doe: …"; "Rust: The Good Parts" is
 *   one word, no person.
 */
function afterNamePrefix(
  q: PreparedQuery,
  talk: IndexedTalk,
  names: ReadonlySet<string>,
  formats: { a: string; b: string },
): { relation: TitleRelation; score: number; shorter: 'a' | 'b' | null } | null {
  if (!q.prefix) return null;
  const who = compareSpeakers(q.prefix.people, talk.speakers);
  const confirmed = who === 'agree';
  if (!confirmed && !(who === 'unknown' && !talk.speakers.length && q.prefix.nameShaped)) return null;
  // "Greta Lindqvist: Lessons Learned": a slot phrase names a talk only with agreeing speakers.
  if (!confirmed && isGenericTitle(q.prefix.forms)) return null;
  let best: { relation: TitleRelation; score: number; shorter: 'a' | 'b' | null } | null = null;
  for (const qf of q.prefix.forms) {
    for (const tf of talk.forms) {
      const s = compareTitles(qf, tf, names, q.truncated, formats);
      const scored = confirmed
        ? s
        : {
            relation: 'named-prefix' as const,
            score: Math.min(s.score, TITLE_SCORES.namedPrefix),
            shorter: s.shorter,
          };
      if (!best || scored.score > best.score) best = scored;
    }
  }
  return best;
}

const round = (n: number) => Math.round(Math.max(0, Math.min(1, n)) * 1000) / 1000;

function publicCandidate({ talkId, confidence, evidence }: Scored): MatchCandidate {
  return {
    talkId,
    confidence: round(confidence),
    evidence: { ...evidence, titleScore: round(evidence.titleScore) },
  };
}

/**
 * Another candidate the query could as well be: plausible on its own and close to the best (see
 * `RIVAL_THRESHOLD`), or a talk whose title the query's is a shortened form of ("Intro to Rust" for
 * "Intro to Rust Macros"), however weak, unless its speakers or dates rule it out.
 */
function isRival(c: Scored, best: Scored): boolean {
  // The same title at another edition, a year or more from the page, is no rival to a talk of the
  // edition the page is dated during ("Pager Fatigue Is a Design Problem" at SREcon23 beside the longer
  // title at SREcon24, for a write-up a week after SREcon24).
  if (
    best.evidence.date === 'during' &&
    (c.evidence.date === 'years-after' || c.evidence.date === 'long-before')
  )
    return false;
  if (atLeast(c.confidence, RIVAL_THRESHOLD) && c.confidence > best.confidence - RIVAL_MARGIN + EPSILON)
    return true;
  const { speakers, date, conferenceNamed } = c.evidence;
  return (
    c.abbreviated &&
    speakers !== 'disagree' &&
    date !== 'years-after' &&
    date !== 'long-before' &&
    conferenceNamed !== 'other'
  );
}

/**
 * Whether a title relation may carry a silent match with the rest of the evidence: a title the same
 * but for a session-format marker ("X" / "X (Workshop)") only with agreeing speakers; a title a word
 * away ("near") only when everything else agrees: speakers named in full on both sides, the page
 * naming the conference, and a page date that is not against it.
 */
function titleIsEnough({ title, speakers, conferenceNamed, date }: MatchEvidence): boolean {
  if (date === 'another-session') return false;
  if (title === 'format') return speakers === 'agree';
  if (title === 'named-prefix') return conferenceNamed === 'yes' && (date === 'during' || date === 'unknown');
  if (title === 'near')
    return speakers === 'agree' && conferenceNamed === 'yes' && (date === 'during' || date === 'unknown');
  return true;
}

/**
 * The schedule talk `query` is: a `match` when one candidate reaches `MATCH_THRESHOLD` with a title at
 * least in the prefix tier, a generic title ("Keynote") only with agreeing speakers, and no rival
 * (see `isRival`); else the candidates at `OFFER_THRESHOLD` (and the rivals) as `ambiguous`; else `none`.
 */
export function matchTalk(index: ScheduleIndex, query: TalkQuery): ScheduleMatch {
  const direct = matchQuery(index, query);
  if (direct.kind === 'match') return direct;
  const swapped = swappedQuery(index, query);
  if (!swapped) return direct;
  const other = matchQuery(index, swapped);
  return other.kind === 'match' ? other : direct;
}

/** A written name: an initial ("J."), or a capitalised word of letters ("Doe", "O'Neil", "Núñez-Pérez"). */
const NAME_WORD = /^(?:\p{Lu}\.|\p{Lu}[\p{Ll}\p{M}'’-]+)$/u;

/**
 * "J. Doe — Scaling Postgres" read by talk detection as the title "J. Doe" by the speaker "Scaling
 * Postgres": the query the other way round, when the title side is name-shaped (two to four name
 * words, none a title word of the imported schedules unless also a speaker's) and the one speaker is
 * title-shaped (two words or more, one of them a title word of the schedules and no speaker's name
 * word); else null. Used only when it gives a match: a name alone never makes one (the swapped query
 * still needs its title to match).
 */
function swappedQuery(index: ScheduleIndex, query: TalkQuery): TalkQuery | null {
  if (query.speakers.length !== 1) return null;
  const title = query.title.trim();
  const speaker = query.speakers[0]!.trim();
  const written = title.split(/\s+/);
  if (written.length < 2 || written.length > 4 || !written.every((w) => NAME_WORD.test(w))) return null;
  const words = nameWords(title);
  if (!words.every((w) => w.length < 2 || index.nameTerms.has(w) || !index.titleTerms.has(w))) return null;
  if (speaker.split(/\s+/).length < 2) return null;
  const terms = formTerms([titleForm(speaker)]);
  if (!terms.some((t) => index.titleTerms.has(t) && !index.nameTerms.has(t))) return null;
  return { ...query, title: speaker, speakers: [title] };
}

function matchQuery(index: ScheduleIndex, query: TalkQuery): ScheduleMatch {
  const q = prepare(query, index);
  const terms = formTerms(q.forms);
  const nameTerms = [...q.speakers, ...q.titleSpeakers].flat().filter((w) => w.length > 1);
  // A slot whose talk moved or was cancelled ("[MOVED] …") is never the talk (placeholder.ts).
  const indexes = candidateTalks(index, terms, nameTerms, CANDIDATE_LIMITS);
  // Speakers spelt in another script than the schedule's are not among its name words (spelt-names.ts).
  for (const i of talksBySpeltNames(index, q.speakers)) if (!indexes.includes(i)) indexes.push(i);
  const found = indexes.map((i) => index.talks[i]!).filter((talk) => !talk.placeholder);
  if (!found.length) return { kind: 'none' };

  // The conferences the context names, among the candidates' (null: no context to read).
  let named: Set<string> | null = null;
  if (q.context) {
    const conferences = new Set<IndexedConference>();
    for (const { conference } of found) if (conference) conferences.add(conference);
    named = new Set(
      [...namedConferences(q.context, [...conferences], q.pageDay)].map((c) => c.conference.id),
    );
  }
  const byId = new Map(found.map((talk) => [talk.talk.id, talk]));
  const scored = found
    .map((talk) => scoreCandidate(q, talk, named))
    .sort((a, b) => b.confidence - a.confidence || a.talkId.localeCompare(b.talkId));
  const best = scored[0]!;
  const sure =
    atLeast(best.confidence, MATCH_THRESHOLD) &&
    atLeast(best.evidence.titleScore, MATCH_MIN_TITLE) &&
    (!q.generic || best.evidence.speakers === 'agree') &&
    titleIsEnough(best.evidence) &&
    !scored.slice(1).some((c) => isRival(c, best));
  if (sure) return { kind: 'match', ...publicCandidate(best) };
  // Candidates the evidence ranks alike (a translated title beside the speakers' other session, both
  // scored on speakers, date and conference alone) are each asked; at most one is the only talk.
  const sole = scored.find(
    (c) => c.confidence > best.confidence - EPSILON && isSoleTalk(index, q, c, scored, byId),
  );
  if (sole) return { kind: 'match', ...publicCandidate(sole) };
  const offered = scored
    .filter((c) => atLeast(c.confidence, OFFER_THRESHOLD) || isRival(c, best) || isSpeakersTalk(c))
    .slice(0, MAX_OFFERED)
    .map(publicCandidate);
  return offered.length ? { kind: 'ambiguous', candidates: offered } : { kind: 'none' };
}

/**
 * A talk whose title the write-up's does not match (translated, reworded) but everything else does:
 * its speakers agree in full, the page is dated during the conference and names it. Offered, never
 * matched on this alone: a speaker may give two talks, and a title in another language says nothing
 * of which (the only-talk rule below matches where the titles relate).
 */
function isSpeakersTalk({ evidence }: Scored): boolean {
  return evidence.speakers === 'agree' && evidence.date === 'during' && evidence.conferenceNamed === 'yes';
}

/**
 * A reworded or translated title that the rest of the evidence settles (sole-talk.ts): the speakers
 * named in full and agreeing, the page dated during the conference and naming it,
 * the titles related, no rival, and no other talk of these speakers near the page's date at a
 * conference the page does not rule out, unless the write-up's title, translated, shares a word with
 * this talk's and none with that one's.
 */
function isSoleTalk(
  index: ScheduleIndex,
  q: PreparedQuery,
  best: Scored,
  scored: readonly Scored[],
  byId: ReadonlyMap<string, IndexedTalk>,
): boolean {
  const { speakers, date, conferenceNamed } = best.evidence;
  if (q.generic || speakers !== 'agree' || date !== 'during' || conferenceNamed !== 'yes') return false;
  const talk = byId.get(best.talkId)!;
  // Speakers the write-up states, not people its title seems to name.
  if (compareSpeakers(q.speakers, talk.speakers) !== 'agree') return false;
  const names = new Set([...q.speakers, ...talk.speakers].flat());
  if (!titlesRelate(q.forms, talk.forms, names) || oneWordChanged(q.forms, talk.forms)) return false;
  if (scored.some((c) => c !== best && isRival(c, best))) return false;
  // A talk of the speakers at a conference the page does not name, beside the one it names, is not
  // the one written up ("HolyJS 2024 Autumn" names the autumn edition, not the spring one).
  const context = q.context;
  const own = talk.conference;
  const ruledOut = (other: IndexedConference) => {
    if (!context || !own) return false;
    const named = namedConferences(context, [own, other], q.pageDay);
    return named.has(own) && !named.has(other);
  };
  // A translated title names the talk it shares a word with ("Postmortem-uri …" / "Blameless
  // Postmortems …"), not the speakers' other session that shares none ("Panel: On-Call Without
  // Burnout"). In one language a title that shares some words and not the rest is another title.
  const shared = titlesInOtherLanguages(q.forms, talk.forms) && sharesWord(q.forms, talk.forms, names);
  const toldApart = (other: IndexedTalk) =>
    shared && !sharesWord(q.forms, other.forms, new Set([...q.speakers, ...other.speakers].flat()));
  return isOnlyTalkOfSpeakers(index, talk, q.speakers, q.pageDay, ruledOut, toldApart);
}
