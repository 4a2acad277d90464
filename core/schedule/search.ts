/**
 * Free-text search over the imported schedules, for the reader who links a talk group to a schedule
 * talk by hand: as they type "postgres doe", talks whose title, speakers, room, track or conference
 * hold every word (the last one, or any of three letters or more, as a prefix; a word of five letters
 * or more also with one typo) come back, the best first.
 */
import { foldText, titleWords, wordGrams } from './normalize';
import { type ScheduleIndex, termsNear } from './schedule-index';

/** One search hit. */
export interface ScheduleSearchHit {
  talkId: string;
  /** Higher is better; only comparable within one search. */
  score: number;
}

/** How much a term counts by where it occurs in a talk. */
const FIELD_WEIGHTS = { title: 1, speaker: 1, room: 0.6, track: 0.4, conference: 0.3 } as const;
/** A word matched as a prefix or with a typo counts less than a whole word. */
const PREFIX_FACTOR = 0.7;
const TYPO_FACTOR = 0.5;
/** How many index terms one typed prefix may stand for ("a" would be thousands). */
const MAX_PREFIX_TERMS = 200;

interface SearchTerms {
  /** Every term, sorted, for prefix look-ups. */
  sorted: string[];
  /** Term -> talk indexes and the weight of the field it came from (parallel arrays). */
  postings: Map<string, { talks: number[]; weights: number[] }>;
}

const built = new WeakMap<ScheduleIndex, SearchTerms>();

function searchTerms(index: ScheduleIndex): SearchTerms {
  const cached = built.get(index);
  if (cached) return cached;
  const postings = new Map<string, { talks: number[]; weights: number[] }>();
  const add = (term: string, talk: number, weight: number) => {
    let p = postings.get(term);
    if (!p) {
      p = { talks: [], weights: [] };
      postings.set(term, p);
    }
    const last = p.talks.length - 1;
    if (p.talks[last] === talk) p.weights[last] = Math.max(p.weights[last]!, weight);
    else {
      p.talks.push(talk);
      p.weights.push(weight);
    }
  };
  const words = (text: string | null | undefined) => titleWords(foldText(text ?? '')).flatMap(wordGrams);
  index.talks.forEach(({ talk, forms, speakers, conference }, i) => {
    for (const form of forms) for (const s of form) for (const w of s.words.flatMap(wordGrams)) add(w, i, 1);
    for (const name of speakers) for (const w of name) add(w, i, FIELD_WEIGHTS.speaker);
    for (const w of words(talk.room)) add(w, i, FIELD_WEIGHTS.room);
    for (const w of words(talk.track)) add(w, i, FIELD_WEIGHTS.track);
    if (conference) {
      for (const w of [...conference.acronymWords, ...conference.titleWords])
        add(w, i, FIELD_WEIGHTS.conference);
    }
  });
  const terms = { sorted: [...postings.keys()].sort(), postings };
  built.set(index, terms);
  return terms;
}

/** The index terms `word` stands for, with the factor each counts by. */
function expand(terms: SearchTerms, index: ScheduleIndex, word: string, prefix: boolean): [string, number][] {
  const out: [string, number][] = [];
  if (terms.postings.has(word)) out.push([word, 1]);
  if (prefix) {
    let lo = 0;
    let hi = terms.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (terms.sorted[mid]! < word) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < terms.sorted.length && out.length < MAX_PREFIX_TERMS; i++) {
      const t = terms.sorted[i]!;
      if (!t.startsWith(word)) break;
      if (t !== word) out.push([t, PREFIX_FACTOR]);
    }
  }
  if (!out.length) for (const t of termsNear(index, word)) out.push([t, TYPO_FACTOR]);
  return out;
}

/**
 * The talks of `index` that `text` finds, best first, at most `limit`. Every word of `text` must occur
 * in the talk (title, speakers, room, track, conference); a word that occurs in no talk at all is
 * ignored rather than emptying the list. Rarer words count more; housekeeping talks are not indexed.
 */
export function searchScheduleTalks(index: ScheduleIndex, text: string, limit = 20): ScheduleSearchHit[] {
  const terms = searchTerms(index);
  const typed = titleWords(foldText(text));
  const queryWords = typed.flatMap((w, i) =>
    wordGrams(w).map((g) => [g, i === typed.length - 1 || w.length >= 3] as const),
  );
  const n = index.talks.length;
  const hits = new Map<number, number>();
  let required = 0;
  let first = true;
  for (const [word, prefix] of queryWords) {
    const expansions = expand(terms, index, word, prefix);
    if (!expansions.length) continue;
    required++;
    // The best way this word occurs in each talk.
    const found = new Map<number, number>();
    for (const [term, factor] of expansions) {
      const p = terms.postings.get(term)!;
      const idf = Math.log(1 + n / p.talks.length);
      for (let k = 0; k < p.talks.length; k++) {
        const talk = p.talks[k]!;
        if (!first && !hits.has(talk)) continue;
        const s = idf * factor * p.weights[k]!;
        if (s > (found.get(talk) ?? 0)) found.set(talk, s);
      }
    }
    for (const talk of [...hits.keys()]) if (!found.has(talk)) hits.delete(talk);
    for (const [talk, s] of found) hits.set(talk, (hits.get(talk) ?? 0) + s);
    first = false;
    if (!hits.size) break;
  }
  if (!required) return [];
  return [...hits]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, limit)
    .map(([i, s]) => ({ talkId: index.talks[i]!.talk.id, score: Math.round(s * 1000) / 1000 }));
}
