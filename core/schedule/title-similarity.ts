/**
 * How close a write-up's talk title is to a schedule's, as a relation and a score in [0, 1]. The
 * relations are tiers, from "the same words" down to "shares some words": a score of 0.85 or more
 * means the titles are the same title written differently (typos, spacing, stopwords, a subtitle
 * dropped or added); 0.66 is a title that is the start of the other ("Scaling Postgres" / "Scaling
 * Postgres to 10M Users"), which only speakers and dates can confirm; a title one word away from the
 * other (0.7) or the same but for a session-format marker ("(Workshop)", 0.68) is as often another
 * talk and is never matched on its title alone; the same main title with other subtitles, and shared
 * words alone, stay at 0.6 or below. Speaker names inside either title ("by Jane Doe", "Jane Doe: …",
 * "(Jane Doe, Acme)") are taken out first when they name either side's speakers.
 */
import { boundedEditDistance } from './edit-distance';
import {
  allWords,
  contentTerms,
  GENERIC_WORDS,
  isDistinctive,
  isGeneric,
  isUnspaced,
  STOPWORDS,
  type TitleForm,
  type TitleSegment,
} from './normalize';
import { sessionFormat } from './session-format';

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
  /**
   * All but one word the same, in order: one written word inserted or dropped anywhere but at the end
   * ("The Permission Model in Practice" / "The Node.js Permission Model in Practice").
   */
  | 'near'
  /** The same title but for a session-format marker on one side: "X" / "X (Workshop)", "X (Part 2)". */
  | 'format'
  /**
   * The write-up's title is the schedule's after a name-shaped phrase and a colon ("Greta Lindqvist:
   * Observability Budgets") where the talk lists no speaker to confirm the name (match.ts).
   */
  | 'named-prefix'
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
  /** A name-shaped phrase in front that no speaker list confirms: a leading part dropped, however short the rest. */
  namedPrefix: 0.86,
  /** Below the prefix tier: a different subtitle is more often a different talk than a paraphrase. */
  mainTitle: 0.58,
  /** The write-up's title is the start of the schedule's and ends in "…": cut, and said so. */
  truncated: 0.88,
  prefix: 0.66,
  /** The write-up's title is the schedule's with words added at the end, at no subtitle boundary. */
  extended: 0.5,
  /** All but one word the same (see `TitleRelation`): above the prefix tier, matched only on all other evidence. */
  near: 0.7,
  /** The same title but for a session-format marker: a workshop beside its talk, part 2 beside part 1. */
  format: 0.68,
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
    if (sameStem(x, y) || (RELATIVES.has(x) && RELATIVES.has(y)) || (ONE.has(x) && ONE.has(y))) {
      // "Cost"/"Costs", "Validate"/"Validating", "teams that"/"teams who", "a year"/"one year": as one typo.
      differing++;
      distance++;
      continue;
    }
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

/** Relative pronouns a writer swaps without changing the title: "Teams That Hate …" / "Teams Who Hate …". */
const RELATIVES = new Set(['that', 'which', 'who', 'whom']);

/** "A Year" and "One Year" (read as "1 year", normalize.ts): the article is the number one. */
const ONE = new Set(['a', 'an', '1']);

/** Endings of inflected forms, longest first, with what replaces them ("libraries" -> "library"). */
const INFLECTIONS: [ending: string, replacement: string][] = [
  ['ies', 'y'],
  ['es', ''],
  ['s', ''],
  ['ing', ''],
  ['ed', ''],
  ['e', ''],
];

/** `word` without an inflection ending, when at least four letters stay: "costs" -> "cost", "validating" -> "validat". */
function stem(word: string): string {
  if (!/^\p{Ll}+$/u.test(word)) return word;
  for (const [ending, replacement] of INFLECTIONS) {
    // "process", "class": a double s is no plural.
    if (ending === 's' && word.endsWith('ss')) continue;
    if (word.endsWith(ending) && word.length - ending.length >= 4)
      return word.slice(0, -ending.length) + replacement;
  }
  return word;
}

/** True when `a` and `b` are two inflections of one word ("cost"/"costs", "validate"/"validating"). */
export function sameStem(a: string, b: string): boolean {
  // Stems of four letters or more: the words share their first four (most pairs differ there).
  if (a === b || a.length < 4 || b.length < 4 || a.slice(0, 4) !== b.slice(0, 4)) return false;
  const sa = stem(a);
  return sa.length >= 4 && sa === stem(b);
}

/**
 * The numbers of a title, each with its unit when one follows it as a word of its own ("4 TB" -> "4tb"):
 * every spelling a number of `words` may have on the other side.
 */
function numbers(words: readonly string[]): string[][] {
  const out: string[][] = [];
  words.forEach((w, i) => {
    if (!HAS_DIGIT.test(w)) return;
    const next = words[i + 1];
    const unit = next && /^\p{L}{1,3}$/u.test(next) && !STOPWORDS.has(next) ? w + next : null;
    out.push(unit ? [w, unit] : [w]);
  });
  return out;
}

/**
 * True when each title has a number the other lacks ("Part 1" / "Part 2", "Python 3.11" / "Python
 * 3.12"): different talks. A number on one side only ("Day 2: …", "… (Part 2)") may be a part left out;
 * a unit written apart or together ("4 TB" / "4TB") is the same number.
 */
function numbersDisagree(a: readonly string[], b: readonly string[]): boolean {
  const hasNumber = (w: string) => HAS_DIGIT.test(w);
  if (!a.some(hasNumber) || !b.some(hasNumber)) return false;
  const na = numbers(a);
  const nb = numbers(b);
  const spellings = (list: string[][]) => new Set(list.flat());
  const sa = spellings(na);
  const sb = spellings(nb);
  const missing = (list: string[][], other: Set<string>) => list.some((n) => !n.some((s) => other.has(s)));
  return missing(na, sb) && missing(nb, sa);
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

/** Words that turn a title around: "Postgres Without Kubernetes" is not "Postgres on Kubernetes". */
const NEGATIONS = new Set(
  'not no non never without nor ohne kein keine nicht sans pas ni sin nunca sem nao zonder geen niet'.split(
    ' ',
  ),
);

/** True when a word may be the one inserted or changed in a near title: no number, negation or direction. */
function mayDiffer(word: string): boolean {
  return !HAS_DIGIT.test(word) && !NEGATIONS.has(word) && !DIRECTIONS.has(word) && !isUnspaced(word);
}

const sameWord = (x: string, y: string) => x === y || sameStem(x, y);

/** The indexes of a form's words glued onto the one before them, over all its words (see `TitleSegment.glued`). */
function gluedWords(form: TitleForm): Set<number> {
  const glued = new Set<number>();
  let offset = 0;
  for (const segment of form) {
    for (const i of segment.glued ?? []) glued.add(offset + i);
    offset += segment.words.length;
  }
  return glued;
}

/** One word the other with an English ending, stems of three letters too ("Pay" / "Paying"). */
function inflected(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 3 && long.startsWith(short) && /^(?:s|es|ed|ing)$/.test(long.slice(short.length));
}

/** How many content words a subtitle may add to the other's and still say the same. */
const SUBTITLE_EXTRA_WORDS = 3;

/**
 * Whether two subtitles of one main title say the same: every content word of the one with fewer is
 * the other's too, inflections aside ("Pay" / "Paying") ("A Study of 3,000 Projects" / "An Empirical Study of 3,000
 * Open-Source Projects"), or two thirds of the character pairs of an unspaced script ("PyO3で拡張を書く"
 * / "PyO3で拡張モジュールを書く"); the other adds at most three; and both have the same numbers and turn
 * the same way (the same negations and directions): "A Decade of Embedded" is not "Two Decades of
 * Embedded". A word changed is another talk ("What We Got Right" / "… Wrong").
 */
function sameSubtitle(a: readonly string[], b: readonly string[]): boolean {
  const turns = (words: readonly string[]) =>
    words.filter((w) => NEGATIONS.has(w) || DIRECTIONS.has(w) || HAS_DIGIT.test(w)).join(' ');
  if (turns(a) !== turns(b)) return false;
  const ta = contentTerms(a);
  const tb = contentTerms(b);
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  if (short.length < 2 || long.length - short.length > SUBTITLE_EXTRA_WORDS * 2) return false;
  let spaced = 0;
  let grams = 0;
  let gramsFound = 0;
  for (const term of short) {
    const found = long.some((t) => sameWord(term, t) || inflected(term, t));
    if (isUnspaced(term)) {
      grams++;
      if (found) gramsFound++;
    } else if (found) spaced++;
    else return false;
  }
  const extraSpaced = long.filter((t) => !isUnspaced(t)).length - spaced;
  return extraSpaced <= SUBTITLE_EXTRA_WORDS && 3 * gramsFound >= 2 * grams;
}

/**
 * Whether `a` and `b` (all their words: `wa`, `wb`) are near titles (see the `near` relation) and which
 * side is the shorter: the words of one are those of the other, in order, with one written word
 * ("Node.js", "Double-Entry") inserted before the end; inflections aside ("Cost"/"Costs"), every
 * other word, stopwords too, is the same: "Feature Flags with Node.js" is not near "The State of
 * Feature Flags in Node.js". The shorter side must have three content words and be distinctive; the
 * word inserted must be no stopword, number, negation or direction. A word changed is no near title:
 * it is what tells "Scaling Postgres to 10M Users" from "Scaling ClickHouse to 10M Users".
 */
function nearTitles(
  a: TitleForm,
  b: TitleForm,
  wa: readonly string[],
  wb: readonly string[],
): { shorter: 'a' | 'b' } | undefined {
  const aShorter = wa.length < wb.length;
  const [short, long, longForm] = aShorter ? [wa, wb, b] : [wb, wa, a];
  const extra = long.length - short.length;
  // Most pairs fail here, before anything is counted or copied: as many words, or other last words.
  if (extra < 1 || extra > 3 || !sameWord(short[short.length - 1]!, long[long.length - 1]!)) return undefined;
  let at = 0;
  while (at < short.length && sameWord(short[at]!, long[at]!)) at++;
  // Words added at the end make a longer title, not a near one: the prefix tiers weigh those.
  if (at === short.length) return undefined;
  for (let i = at; i < short.length; i++) if (!sameWord(short[i]!, long[i + extra]!)) return undefined;
  for (let i = at; i < at + extra; i++) if (STOPWORDS.has(long[i]!) || !mayDiffer(long[i]!)) return undefined;
  if (extra > 1) {
    // Several words only when they are one written word: "double-entry", "node.js".
    const glued = gluedWords(longForm);
    for (let i = at + 1; i < at + extra; i++) if (!glued.has(i)) return undefined;
  }
  const content = short.filter((w) => !isIgnorable(w));
  return content.length >= 3 && isDistinctive(content) ? { shorter: aShorter ? 'a' : 'b' } : undefined;
}

/**
 * How close the write-up's title `a` is to the schedule's title `b`, after the words of `names` (both
 * sides' speakers) are taken out of both. Symmetric but for one tier: `a` being the start of `b`
 * (the write-up shortened the title) scores higher than `b` being the start of `a`, and higher still
 * when `aTruncated` (the write-up's title ends in "…"). Titles whose numbers disagree (see
 * `numbersDisagree`) never score above the weak tier.
 *
 * `formats` are the session-format keys of the two talks (`sessionFormat` of their titles as given):
 * when they differ, the titles are compared without their markers and score at most the format tier
 * (the weak tier when what is left is not distinctive), and the side without a marker is the shorter.
 */
export function compareTitles(
  a: TitleForm,
  b: TitleForm,
  names: ReadonlySet<string>,
  aTruncated = false,
  formats: { a: string; b: string } | null = null,
): TitleSimilarity {
  const fa = withoutNames(a, names);
  const fb = withoutNames(b, names);
  if (!fa.length || !fb.length) return { relation: 'overlap', score: 0, shorter: null };
  if (!formats || formats.a === formats.b) return relate(fa, fb, aTruncated);
  const sa = sessionFormat(fa).stripped;
  const sb = sessionFormat(fb).stripped;
  const bare = allWords(formats.a ? sb : sa);
  const cap = isDistinctive(bare) ? TITLE_SCORES.format : TITLE_SCORES.weak;
  const stripped = relate(sa, sb, aTruncated);
  if (stripped.score >= cap && !numbersDisagree(allWords(fa), allWords(fb))) {
    const shorter = !formats.a ? 'a' : !formats.b ? 'b' : null;
    return { relation: 'format', score: cap, shorter };
  }
  const plain = relate(fa, fb, aTruncated);
  return { ...plain, score: Math.min(plain.score, cap) };
}

/** `compareTitles` of two forms without speaker names. */
function relate(fa: TitleForm, fb: TitleForm, aTruncated: boolean): TitleSimilarity {
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
    // The same main title with subtitles that say the same ("Pay Only for …" / "Paying Only for …"):
    // as near as a word inserted, and weighed as such.
    if (m && isDistinctive(mainA) && sameSubtitle(allWords(fa.slice(1)), allWords(fb.slice(1))))
      consider('near', TITLE_SCORES.near);
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
  if (best < TITLE_SCORES.near) {
    const near = nearTitles(fa, fb, fullA, fullB);
    if (near) {
      consider('near', TITLE_SCORES.near);
      shorter ??= near.shorter;
    }
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
