/**
 * How close a write-up's talk title is to a schedule's, as a relation and a score in [0, 1]. The
 * relations are tiers, from "the same words" down to "shares some words": a score of 0.85 or more
 * means the titles are the same title written differently (typos, spacing, stopwords, a subtitle
 * dropped or added); 0.66 is a title that is the start of the other ("Scaling Postgres" / "Scaling
 * Postgres to 10M Users"), which only speakers and dates can confirm; the same main title with other
 * subtitles, and shared words alone, stay at 0.6 or below. Speaker names inside either title ("by
 * Jane Doe", "Jane Doe: …", "(Jane Doe, Acme)") are taken out first when they name either side's
 * speakers.
 */
import { boundedEditDistance } from './edit-distance';
import {
  allWords,
  contentTerms,
  GENERIC_WORDS,
  isDistinctive,
  isGeneric,
  STOPWORDS,
  type TitleForm,
  type TitleSegment,
} from './normalize';

/** Which tier two titles meet at. */
export type TitleRelation =
  /** The same words. */
  | 'exact'
  /** The same words but for spacing ("JavaScript"/"Java Script"), typos or stopwords. */
  | 'variant'
  /**
   * One is the other with its subtitle dropped, or its leading part: a slot ("Day 1: …") or, where
   * the rest is long, anything ("Weekend Project: Building a Search Engine in Rust").
   */
  | 'subtitle'
  /** The same main title with different subtitles. */
  | 'main-title'
  /** One is the start of the other, at no subtitle boundary ("Intro to Rust" / "Intro to Rust Macros"). */
  | 'prefix'
  /** Words in common, no more. */
  | 'overlap';

/** The outcome of `compareTitles`. */
export interface TitleSimilarity {
  relation: TitleRelation;
  score: number;
  /**
   * The side that could be a shortened form of the other (its subtitle or its last words left out),
   * whatever the score: `a` for "Intro to Rust" against "Intro to Rust Macros". Null when neither is.
   */
  shorter: 'a' | 'b' | null;
}

/** Scores of the tiers (see the module comment). */
export const TITLE_SCORES = {
  exact: 1,
  spacing: 0.98,
  stopwords: 0.9,
  subtitle: 0.9,
  leadingPartDropped: 0.86,
  /** Below the prefix tier: a different subtitle is more often a different talk than a paraphrase. */
  mainTitle: 0.58,
  /** The write-up's title is the start of the schedule's and ends in "…": cut, and said so. */
  truncated: 0.88,
  prefix: 0.66,
  /** The write-up's title is the schedule's with words added at the end, at no subtitle boundary. */
  extended: 0.5,
  overlap: 0.6,
  /** What any tier drops to when what is kept is not distinctive ("Rust", "Opening keynote"). */
  weak: 0.4,
} as const;

/** Words that join a speaker's name to a title: "by", "with", "von", "feat." … */
const NAME_CONNECTORS = new Set(
  'by with von vom par por door mit avec con feat ft featuring presented and und et y e en from of at'.split(
    ' ',
  ),
);
/** Words that make one name word enough: "by Jane", "with Ada". */
const NAME_INTRODUCERS = new Set(
  'by with von par por door mit avec con feat ft featuring presented'.split(' '),
);

/**
 * `form` without the speaker names in it: a run of name words (two or more, or one after "by"/"with")
 * and the connectors around them is removed, a trailing "(…)" group that follows such a run or holds
 * one (an affiliation, "(Jane Doe, Acme)") goes with it, and segments left empty disappear.
 */
export function withoutNames(form: TitleForm, names: ReadonlySet<string>): TitleForm {
  if (!names.size || !form.some((s) => s.words.some((w) => names.has(w)))) return form;
  const out: TitleSegment[] = [];
  let removedAtEnd = false;
  for (const segment of form) {
    if (segment.paren && removedAtEnd) continue;
    const kept: string[] = [];
    let removedAny = false;
    const words = segment.words;
    for (let i = 0; i < words.length; ) {
      let j = i;
      let nameCount = 0;
      let introduced = false;
      while (j < words.length && (names.has(words[j]!) || NAME_CONNECTORS.has(words[j]!))) {
        if (names.has(words[j]!) && !STOPWORDS.has(words[j]!)) nameCount++;
        else if (NAME_INTRODUCERS.has(words[j]!) && !nameCount) introduced = true;
        j++;
      }
      // "Grace Hopper and the Compiler": a connector after the last name belongs to the title.
      while (j > i + 1 && nameCount && !names.has(words[j - 1]!)) j--;
      if (j > i && (nameCount >= 2 || (nameCount === 1 && introduced))) {
        removedAny = true;
        if (j === words.length) removedAtEnd = true;
        i = j;
      } else {
        kept.push(...words.slice(i, Math.max(j, i + 1)));
        i = Math.max(j, i + 1);
        removedAtEnd = false;
      }
    }
    if (segment.paren && removedAny) continue;
    if (kept.length) out.push({ words: kept, paren: segment.paren });
  }
  return out.length ? out : form;
}

const HAS_DIGIT = /\p{N}/u;

/**
 * How much `a` and `b` are the same words, 0 when they are not: 1 when equal; 0.98 when equal but for
 * spaces ("micro services" / "microservices"); 0.93 to 0.87 for one or two typos in long words (never
 * in a word under six letters or characters, or one with a digit, where a letter changes the meaning:
 * "Rust"/"Rest", "React"/"Reach", "Python 2"/"Python 3"); 0.9 when only stopwords differ, other than
 * those that give a direction ("from", "to").
 */
export function sameWords(a: readonly string[], b: readonly string[]): number {
  if (a.length === b.length && a.every((w, i) => w === b[i])) return TITLE_SCORES.exact;
  if (a.join('') === b.join('')) return TITLE_SCORES.spacing;
  const typo = typoScore(a, b);
  if (typo) return typo;
  const ca = a.filter((w) => !isIgnorable(w));
  const cb = b.filter((w) => !isIgnorable(w));
  if (!ca.length || (ca.length === a.length && cb.length === b.length)) return 0;
  if (ca.length === cb.length && ca.every((w, i) => w === cb[i])) return TITLE_SCORES.stopwords;
  const contentTypo = typoScore(ca, cb);
  return contentTypo ? contentTypo - 0.05 : 0;
}

/** Words that point one way: "From Java to Kotlin" is not "To Java from Kotlin". */
const DIRECTIONS = new Set(['from', 'to', 'into', 'onto', 'vs', 'versus', 'von', 'zu', 'zum', 'zur']);

/** A stopword a writer may add or drop without changing the title. */
function isIgnorable(word: string): boolean {
  return STOPWORDS.has(word) && !DIRECTIONS.has(word);
}

function typoScore(a: readonly string[], b: readonly string[]): number {
  if (a.length !== b.length || !a.length) return 0;
  let differing = 0;
  let distance = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    const shortest = Math.min(x.length, y.length);
    if (HAS_DIGIT.test(x) || HAS_DIGIT.test(y) || shortest < 6) return 0;
    const d = boundedEditDistance(x, y, shortest >= 8 ? 2 : 1);
    if (d > (shortest >= 8 ? 2 : 1)) return 0;
    differing++;
    distance += d;
  }
  const content = a.filter((w) => !STOPWORDS.has(w)).length;
  if (differing > (content <= 3 ? 1 : 2) || distance > 3) return 0;
  return 0.96 - 0.03 * distance;
}

/** Words with a digit ("2", "10m", "2024"). */
function numbers(words: readonly string[]): string[] {
  return words.filter((w) => HAS_DIGIT.test(w));
}

/**
 * True when each title has a number the other lacks ("Part 1" / "Part 2", "Python 3.11" / "Python
 * 3.12"): different talks. A number on one side only ("Day 2: …", "… (Part 2)") may be a part left out.
 */
function numbersDisagree(a: readonly string[], b: readonly string[]): boolean {
  const na = numbers(a);
  const nb = numbers(b);
  return na.some((n) => !nb.includes(n)) && nb.some((n) => !na.includes(n));
}

/** The Dice coefficient of the content terms of `a` and `b` (multisets). */
export function termOverlap(a: readonly string[], b: readonly string[]): number {
  const ta = contentTerms(a);
  const tb = contentTerms(b);
  if (!ta.length || !tb.length) return 0;
  const counts = new Map<string, number>();
  for (const t of ta) counts.set(t, (counts.get(t) ?? 0) + 1);
  let shared = 0;
  for (const t of tb) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(t, n - 1);
    }
  }
  return (2 * shared) / (ta.length + tb.length);
}

/**
 * True when `short` is the start of `long` (typos allowed); with `cut`, its last word may be the start
 * of the word it stands for, and it may be all of `long` ("… 10M Us…" / "… 10M Users").
 */
function isPrefix(short: readonly string[], long: readonly string[], cut = false): boolean {
  if (short.length > long.length || (!cut && short.length === long.length) || !short.length) return false;
  if (!cut) return sameWords(short, long.slice(0, short.length)) > 0;
  const last = short.length - 1;
  return (
    long[last]!.startsWith(short[last]!) &&
    (last === 0 || sameWords(short.slice(0, last), long.slice(0, last)) > 0)
  );
}

/** Content words that are not generic, for "is the rest long enough to stand alone". */
function contentCount(words: readonly string[]): number {
  return words.filter((w) => !STOPWORDS.has(w) && !GENERIC_WORDS.has(w)).length;
}

/**
 * How close the write-up's title `a` is to the schedule's title `b`, after the words of `names` (both
 * sides' speakers) are taken out of both. Symmetric but for one tier: `a` being the start of `b`
 * (the write-up shortened the title) scores higher than `b` being the start of `a`, and higher still
 * when `aTruncated` (the write-up's title ends in "…"). Titles whose numbers disagree (see
 * `numbersDisagree`) never score above the weak tier.
 */
export function compareTitles(
  a: TitleForm,
  b: TitleForm,
  names: ReadonlySet<string>,
  aTruncated = false,
): TitleSimilarity {
  const fa = withoutNames(a, names);
  const fb = withoutNames(b, names);
  if (!fa.length || !fb.length) return { relation: 'overlap', score: 0, shorter: null };
  const fullA = allWords(fa);
  const fullB = allWords(fb);
  let relation: TitleRelation = 'overlap';
  let best = 0;
  let shorter: 'a' | 'b' | null = null;
  const consider = (r: TitleRelation, score: number) => {
    if (relation === 'overlap' || score > best) {
      relation = r;
      best = Math.max(score, best);
    }
  };

  const same = sameWords(fullA, fullB);
  if (same) consider(same === 1 ? 'exact' : 'variant', same);
  const mainA = fa[0]!.words;
  const mainB = fb[0]!.words;
  // A subtitle dropped on one side, or a leading part ("Rust: …") when what remains is long.
  for (const [side, full, other] of [
    ['a', fullA, fb],
    ['b', fullB, fa],
  ] as const) {
    if (other.length < 2) continue;
    const main = other[0]!.words;
    const m = sameWords(full, main);
    if (m) consider('subtitle', m * (isDistinctive(main) ? TITLE_SCORES.subtitle : TITLE_SCORES.weak));
    const rest = allWords(other.slice(1));
    const r = sameWords(full, rest);
    if (r) {
      // "Day 1: Scaling Postgres", "Keynote — Scaling Postgres": a slot in front is no title.
      const score = !isDistinctive(rest)
        ? TITLE_SCORES.weak
        : isGeneric(main)
          ? TITLE_SCORES.subtitle
          : contentCount(rest) >= 3
            ? TITLE_SCORES.leadingPartDropped
            : TITLE_SCORES.weak;
      consider('subtitle', r * score);
    }
    if (m || r) shorter = side;
  }
  if (fa.length > 1 && fb.length > 1) {
    const m = sameWords(mainA, mainB);
    if (m) consider('main-title', m * (isDistinctive(mainA) ? TITLE_SCORES.mainTitle : TITLE_SCORES.weak));
  }
  const aIsShort = fullA.length <= fullB.length;
  const [shortW, longW] = aIsShort ? [fullA, fullB] : [fullB, fullA];
  if (aTruncated && fullA.length <= fullB.length && isPrefix(fullA, fullB, true)) {
    // "Scaling Postgres to 10M Us…": the writer cut the title and said so.
    consider('prefix', isDistinctive(fullA) ? TITLE_SCORES.truncated : TITLE_SCORES.weak);
    shorter = 'a';
  } else if (isPrefix(shortW, longW)) {
    // A write-up shortens a title more often than it lengthens one.
    const score = !isDistinctive(shortW)
      ? TITLE_SCORES.weak
      : aIsShort
        ? TITLE_SCORES.prefix
        : TITLE_SCORES.extended;
    consider('prefix', score);
    shorter ??= aIsShort ? 'a' : 'b';
  }
  // The score is the best tier's, shared words included; the relation named is the best structural one
  // where there is one, even when shared words alone score a little higher ("Intro to Rust" / "Intro to
  // Rust Macros"). Shared words never score above the overlap tier: counting them is skipped above it.
  if (best < TITLE_SCORES.overlap) best = Math.max(best, TITLE_SCORES.overlap * termOverlap(fullA, fullB));

  // A cut title's last word may be a number cut short ("10M" as "1…").
  if (numbersDisagree(aTruncated ? fullA.slice(0, -1) : fullA, fullB))
    return { relation, score: Math.min(best, TITLE_SCORES.weak), shorter: null };
  return { relation, score: best, shorter };
}
