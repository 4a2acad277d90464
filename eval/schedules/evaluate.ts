/**
 * The schedule-matching evaluation (`npm run eval:schedules`), as pure functions: a Document, its two ground
 * truths (the recap's talks and passages, the schedule corpus's event per talk), a talk detector and a matcher in,
 * verdicts and counts out. Both are black boxes: the detector as in eval/talks (`detect`, `talkFor`), the matcher
 * a function from a `TalkQuery` to a `ScheduleMatch` (`matchTalk` on one index of every imported schedule; the
 * unit tests pass hand-made ones). Two pipelines are measured:
 *
 * - **end to end**, what a reader gets: a passage is filed under the page talk detection gives it, and that talk's
 *   title and speakers (as detected) are matched; a passage filed under no page talk is under no schedule talk.
 * - **matcher only**: each ground-truth talk's own title and speakers are matched, so that detection's errors and
 *   the matcher's are told apart.
 *
 * Verdicts (docs/schedule-matching.md, "Evaluation on held-out write-ups"): RIGHT, the clip or talk ends up under
 * its expected schedule talk, or under none when none is expected; WRONG, silently matched to another schedule
 * talk (or to one when none is expected); OFFERED, the matcher was unsure and offered candidates (whether the
 * right talk is among them is noted); MISSED, nothing matched or offered though a schedule talk was expected.
 */
import type { MatchCandidate, ScheduleMatch, TalkQuery } from '@/core/schedule';
import type { LineFiling } from '@/core/schedule/file-by-lines';
import type { RecapCase } from '../talks/cases';
import { type DetectedSection, pairSections, sectionIsTalk, type TalkDetector } from '../talks/evaluate';
import { locatePassage, renderText } from '../talks/locate';
import { expectedTalkId, type SchedulePageCase } from './cases';
import { type PageQueryInfo, talkQuery } from './page-query';

export type Matcher = (query: TalkQuery) => ScheduleMatch;

export type Verdict = 'right' | 'wrong' | 'offered' | 'missed';

/** What the matcher said, in the evaluation's terms. */
export interface MatchOutcome {
  kind: ScheduleMatch['kind'];
  /** The matched schedule talk, or null. */
  chosen: string | null;
  /** The match's confidence, or the best candidate's when offered; null for none. */
  confidence: number | null;
  /** Offered candidates with their confidence and evidence, best first (empty unless ambiguous). */
  candidates: MatchCandidate[];
  /** The match's evidence, or the best candidate's when offered. */
  evidence: MatchCandidate['evidence'] | null;
}

export interface Judgement {
  verdict: Verdict;
  /** Offered only: the expected schedule talk is among the candidates (false when none is expected). */
  rightAmongCandidates: boolean;
}

/** Counts of verdicts; `offeredWithRight` is the part of `offered` that has the right talk among its candidates. */
export interface Tally {
  total: number;
  right: number;
  wrong: number;
  offered: number;
  offeredWithRight: number;
  missed: number;
}

export function outcomeOf(match: ScheduleMatch): MatchOutcome {
  if (match.kind === 'match')
    return {
      kind: 'match',
      chosen: match.talkId,
      confidence: match.confidence,
      candidates: [],
      evidence: match.evidence,
    };
  if (match.kind === 'ambiguous')
    return {
      kind: 'ambiguous',
      chosen: null,
      confidence: match.candidates[0]?.confidence ?? null,
      candidates: match.candidates,
      evidence: match.candidates[0]?.evidence ?? null,
    };
  return { kind: 'none', chosen: null, confidence: null, candidates: [], evidence: null };
}

/**
 * A matched section's outcome for a clip the end-to-end guard stopped: offered with `talkIds` (the
 * talks the clip's lead names, then the section's match). The named talks carry no confidence of
 * their own (0): the guard names them, the matcher did not score them.
 */
export function guardOutcome(filed: MatchOutcome, talkIds: readonly string[]): MatchOutcome {
  const evidence = filed.evidence!;
  return {
    kind: 'ambiguous',
    chosen: null,
    confidence: filed.confidence,
    candidates: talkIds.map((talkId) => ({
      talkId,
      confidence: talkId === filed.chosen ? (filed.confidence ?? 0) : 0,
      evidence,
    })),
    evidence,
  };
}

/**
 * Where the lines above a clip filed it (core/schedule/file-by-lines.ts), in the evaluation's terms; null
 * when they named no schedule talk. The talks carry no confidence of their own here (0).
 */
export function lineOutcome(filing: LineFiling): MatchOutcome | null {
  if (filing.kind === 'none') return null;
  const evidence = null;
  if (filing.kind === 'match')
    return { kind: 'match', chosen: filing.talkId, confidence: null, candidates: [], evidence };
  return {
    kind: 'ambiguous',
    chosen: null,
    confidence: null,
    candidates: filing.talkIds.map((talkId) => ({ talkId, confidence: 0, evidence: EMPTY_EVIDENCE })),
    evidence,
  };
}

/** Evidence of a talk the lines offered: the matcher's evidence is not kept with a line's filing. */
const EMPTY_EVIDENCE: MatchCandidate['evidence'] = {
  title: 'exact',
  titleScore: 0,
  speakers: 'unknown',
  date: 'unknown',
  conferenceNamed: 'unknown',
};

/**
 * The verdict on where a clip or talk ends up: `outcome` null means it was not matched at all (no page talk to
 * match), like `none`. `expected` is the schedule talk id it should end up under, or null for none.
 */
export function judge(outcome: MatchOutcome | null, expected: string | null): Judgement {
  const kind = outcome?.kind ?? 'none';
  if (kind === 'match')
    return { verdict: outcome!.chosen === expected ? 'right' : 'wrong', rightAmongCandidates: false };
  if (kind === 'ambiguous')
    return {
      verdict: 'offered',
      rightAmongCandidates: expected !== null && outcome!.candidates.some((c) => c.talkId === expected),
    };
  return { verdict: expected === null ? 'right' : 'missed', rightAmongCandidates: false };
}

export const EMPTY_TALLY: Tally = {
  total: 0,
  right: 0,
  wrong: 0,
  offered: 0,
  offeredWithRight: 0,
  missed: 0,
};

export function tally(judgements: readonly Judgement[]): Tally {
  const t = { ...EMPTY_TALLY };
  for (const j of judgements) {
    t.total++;
    t[j.verdict]++;
    if (j.verdict === 'offered' && j.rightAmongCandidates) t.offeredWithRight++;
  }
  return t;
}

export function addTallies(a: Tally, b: Tally): Tally {
  return {
    total: a.total + b.total,
    right: a.right + b.right,
    wrong: a.wrong + b.wrong,
    offered: a.offered + b.offered,
    offeredWithRight: a.offeredWithRight + b.offeredWithRight,
    missed: a.missed + b.missed,
  };
}

/** A query and what the matcher answered. */
export interface MatchedQuery {
  query: TalkQuery;
  outcome: MatchOutcome;
}

/** End to end: a section detection found (its title and speakers are the query's), and what the matcher said. */
export interface SectionResult extends MatchedQuery {
  /** The ground-truth talk this section is (eval/talks's title rule, paired one to one), or null. */
  talk: string | null;
}

/** Where a ground-truth talk ends up, in both pipelines. */
export interface TalkResult {
  /** The talk's title in the recaps' cases.json. */
  title: string;
  speakers: string[];
  /** The expected schedule talk id, or null when the talk is in no schedule. */
  expected: string | null;
  why: string;
  endToEnd: Judgement & {
    /** The index (in `sections`) of the detected section paired with this talk; null when not detected. */
    section: number | null;
  };
  matcherOnly: Judgement & MatchedQuery;
}

export interface PassageResult {
  text: string;
  /** The ground-truth talk (recap title) the passage belongs to, or null. */
  talk: string | null;
  /** The schedule talk id it should end up under, or null. */
  expected: string | null;
  /** The index (in `sections`) of the section detection files it under, or null. */
  section: number | null;
  /** Whether detection filed it under its own talk (or, talk-less, under none). */
  detectionRight: boolean;
  /** How often the passage occurs in the rendered text; anything but 1 files it under no talk. */
  occurrences: number;
  /** End to end, the lines above the clip filed or offered it (the detected talk had left it under none). */
  filedByLines: boolean;
  endToEnd: Judgement & { chosen: string | null; candidates: string[] };
  /**
   * Where the clip would end up with the clip guard, when the guard is measured apart from end to end
   * (`guardInExtension` false: the extension does not apply it); null otherwise.
   */
  withGuard: (Judgement & { chosen: string | null; candidates: string[] }) | null;
  /** Null for a talk-less passage (there is no ground-truth talk to match). */
  matcherOnly: Judgement | null;
}

/** End to end plus the clip guard, measured apart while the extension does not apply the guard. */
export interface GuardTallies {
  clips: Tally;
  scheduledClips: Tally;
}

export interface PipelineTallies {
  /** Every clip (end to end), or every clip of a talk (matcher only). */
  clips: Tally;
  /** Clips whose talk is in a schedule: the target is measured on these. */
  scheduledClips: Tally;
  /** Ground-truth talks. */
  talks: Tally;
}

export interface SchedulePageResult {
  page: string;
  schedules: string[];
  /** The page date the matcher got, where it came from, and the corpus's `pageDate`. */
  pageDate: string | null;
  dateSource: PageQueryInfo['dateSource'];
  casesPageDate: string | null;
  context: string;
  endToEnd: PipelineTallies & {
    /** Clips of a talk, and clips of no talk (introductions, conclusions): right only under no schedule talk. */
    talkClips: Tally;
    talklessClips: Tally;
    /** Detected sections that are no ground-truth talk yet were matched silently to a schedule talk. */
    strayMatches: number;
  };
  /** End to end plus the clip guard (eval only), or null when there is no guard apart from end to end. */
  withGuard: GuardTallies | null;
  matcherOnly: PipelineTallies;
  sections: SectionResult[];
  talks: TalkResult[];
  passages: PassageResult[];
  unlocated: number;
}

export interface EvaluationInput<S extends DetectedSection> {
  document: Document;
  recap: RecapCase;
  schedule: SchedulePageCase;
  page: PageQueryInfo;
  detector: TalkDetector<S>;
  matcher: Matcher;
  /**
   * The end-to-end guard (core/schedule/clip-guard.ts) for a clip filed under a matched section: the
   * schedule talks the clip is offered instead (the section's match among them), or null to keep the match.
   */
  guard?: (
    section: S,
    node: Node,
    text: string,
    matchedTalkId: string,
    sections: readonly S[],
  ) => string[] | null;
  /**
   * Whether the extension applies `guard` when it files clips. End to end must measure what the extension
   * does: only then is the guard part of it; otherwise it is measured apart (`withGuard`).
   */
  guardInExtension?: boolean;
  /**
   * The schedule finding the talk from the lines above a clip (core/schedule/file-by-lines.ts), for a
   * clip filed under no page talk or under one the matcher knows nothing of (`none`), as the extension
   * does (storage/schedule-links.ts): where the clip ends up instead, or null to leave it.
   */
  fileByLines?: (node: Node, sections: readonly S[]) => MatchOutcome | null;
}

/** Runs both pipelines on one page and judges every clip and talk. */
export function evaluateSchedulePage<S extends DetectedSection>(
  input: EvaluationInput<S>,
): SchedulePageResult {
  const { document, recap, schedule, page, detector, matcher } = input;
  if (schedule.talks.length !== recap.talks.length)
    throw new Error(
      `${recap.file}: ${recap.talks.length} talks in the recap case, ${schedule.talks.length} here`,
    );
  const expectedOf = new Map<string, string | null>();
  recap.talks.forEach((t, i) => {
    const s = schedule.talks[i]!;
    if (s.pageTitle !== t.title)
      throw new Error(
        `${recap.file}: talk ${i} is ${JSON.stringify(t.title)}, not ${JSON.stringify(s.pageTitle)}`,
      );
    expectedOf.set(t.title, expectedTalkId(s));
  });
  const ask = (title: string, speakers: readonly string[]): MatchedQuery => {
    const query = talkQuery(title, speakers, page);
    return { query, outcome: outcomeOf(matcher(query)) };
  };

  // End to end: detection, then one match per detected section (as the product links each page talk once).
  const detected = detector.detect(document);
  const pairing = pairSections(detected, recap.talks);
  const sections: SectionResult[] = detected.map((s, i) => ({
    talk: pairing[i]! >= 0 ? recap.talks[pairing[i]!]!.title : null,
    ...ask(s.title, s.speakers),
  }));

  const talks: TalkResult[] = recap.talks.map((t, j) => {
    const expected = expectedOf.get(t.title)!;
    const i = pairing.indexOf(j);
    const section = i >= 0 ? i : null;
    const oracle = ask(t.title, t.speakers);
    return {
      title: t.title,
      speakers: [...t.speakers],
      expected,
      why: schedule.talks[j]!.why,
      endToEnd: { ...judge(section === null ? null : sections[section]!.outcome, expected), section },
      matcherOnly: { ...judge(oracle.outcome, expected), ...oracle },
    };
  });
  const byTitle = new Map(talks.map((t) => [t.title, t]));

  const rendered = renderText(document);
  const passages: PassageResult[] = recap.passages.map((p) => {
    const located = locatePassage(rendered, p.text);
    const found =
      located.count === 1 && located.start ? detector.talkFor(detected, located.start.node) : null;
    const section = found ? detected.indexOf(found) : -1;
    const talk = p.talk === null ? null : byTitle.get(p.talk);
    if (talk === undefined)
      throw new Error(`${recap.file}: passage talk ${JSON.stringify(p.talk)} is not a talk`);
    const expected = talk?.expected ?? null;
    const filed = section >= 0 ? sections[section]!.outcome : null;
    const offered =
      filed?.kind === 'match' && found && located.start && input.guard
        ? input.guard(found, located.start.node, p.text, filed.chosen!, detected)
        : null;
    const guarded = filed && offered ? guardOutcome(filed, offered) : filed;
    const detectedOutcome = input.guardInExtension ? guarded : filed;
    // Only where detection's talk left the clip under no schedule talk and nothing was offered.
    const byLines =
      (detectedOutcome === null || detectedOutcome.kind === 'none') &&
      located.count === 1 &&
      located.start &&
      input.fileByLines
        ? input.fileByLines(located.start.node, detected)
        : null;
    const outcome = byLines ?? detectedOutcome;
    const placed = (o: MatchOutcome | null) => ({
      ...judge(o, expected),
      chosen: o?.chosen ?? null,
      candidates: o?.candidates.map((c) => c.talkId) ?? [],
    });
    const recapTalk = recap.talks.find((t) => t.title === p.talk);
    return {
      text: p.text,
      talk: p.talk,
      expected,
      section: section >= 0 ? section : null,
      detectionRight: recapTalk ? found !== null && sectionIsTalk(found, recapTalk) : found === null,
      occurrences: located.count,
      filedByLines: byLines !== null,
      endToEnd: placed(outcome),
      withGuard: input.guard && !input.guardInExtension ? placed(guarded) : null,
      matcherOnly: talk
        ? { verdict: talk.matcherOnly.verdict, rightAmongCandidates: talk.matcherOnly.rightAmongCandidates }
        : null,
    };
  });

  const e2e = (list: readonly PassageResult[]) => tally(list.map((p) => p.endToEnd));
  const oracle = (list: readonly PassageResult[]) =>
    tally(list.flatMap((p) => (p.matcherOnly ? [p.matcherOnly] : [])));
  const ofTalks = passages.filter((p) => p.talk !== null);
  const scheduled = passages.filter((p) => p.expected !== null);
  return {
    page: recap.file,
    schedules: [...schedule.schedules],
    pageDate: page.pageDate,
    dateSource: page.dateSource,
    casesPageDate: schedule.pageDate,
    context: page.context,
    endToEnd: {
      clips: e2e(passages),
      scheduledClips: e2e(scheduled),
      talks: tally(talks.map((t) => t.endToEnd)),
      talkClips: e2e(ofTalks),
      talklessClips: e2e(passages.filter((p) => p.talk === null)),
      strayMatches: sections.filter((s) => s.talk === null && s.outcome.kind === 'match').length,
    },
    withGuard:
      input.guard && !input.guardInExtension
        ? {
            clips: tally(passages.map((p) => p.withGuard!)),
            scheduledClips: tally(scheduled.map((p) => p.withGuard!)),
          }
        : null,
    matcherOnly: {
      clips: oracle(ofTalks),
      scheduledClips: oracle(scheduled),
      talks: tally(talks.map((t) => t.matcherOnly)),
    },
    sections,
    talks,
    passages,
    unlocated: passages.filter((p) => p.occurrences !== 1).length,
  };
}

export interface ScheduleTotals {
  pages: number;
  endToEnd: SchedulePageResult['endToEnd'];
  /** Summed over the pages that measured the guard apart; null when none did. */
  withGuard: GuardTallies | null;
  matcherOnly: PipelineTallies;
  unlocated: number;
}

/** Totals over pages: counts are summed, so every clip and talk weighs the same. */
export function totalSchedulePages(pages: readonly SchedulePageResult[]): ScheduleTotals {
  const sum = (pick: (p: SchedulePageResult) => Tally) => pages.map(pick).reduce(addTallies, EMPTY_TALLY);
  return {
    pages: pages.length,
    endToEnd: {
      clips: sum((p) => p.endToEnd.clips),
      scheduledClips: sum((p) => p.endToEnd.scheduledClips),
      talks: sum((p) => p.endToEnd.talks),
      talkClips: sum((p) => p.endToEnd.talkClips),
      talklessClips: sum((p) => p.endToEnd.talklessClips),
      strayMatches: pages.reduce((n, p) => n + p.endToEnd.strayMatches, 0),
    },
    withGuard: pages.some((p) => p.withGuard)
      ? {
          clips: sum((p) => p.withGuard?.clips ?? EMPTY_TALLY),
          scheduledClips: sum((p) => p.withGuard?.scheduledClips ?? EMPTY_TALLY),
        }
      : null,
    matcherOnly: {
      clips: sum((p) => p.matcherOnly.clips),
      scheduledClips: sum((p) => p.matcherOnly.scheduledClips),
      talks: sum((p) => p.matcherOnly.talks),
    },
    unlocated: pages.reduce((n, p) => n + p.unlocated, 0),
  };
}

/** Issue 13's target: on write-ups of scheduled talks, >= 95% of clips under the right schedule talk, 0 wrong. */
export const TARGETS = { right: 0.95, wrong: 0 } as const;

export interface ScheduleTargetCheck {
  pipeline: 'end to end' | 'matcher only';
  name: string;
  target: string;
  value: string;
  met: boolean;
}

const percent = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}% (${n}/${d})`);

/**
 * The target for both pipelines: the share of clips of scheduled talks filed under their schedule talk, and the
 * clips filed under a wrong one (over every clip: a talk-less clip under a schedule talk is wrong too).
 */
export function checkScheduleTargets(t: ScheduleTotals): ScheduleTargetCheck[] {
  return (
    [
      ['end to end', t.endToEnd.scheduledClips, t.endToEnd.clips],
      ['matcher only', t.matcherOnly.scheduledClips, t.matcherOnly.clips],
    ] as const
  ).flatMap(([pipeline, scheduled, all]) => [
    {
      pipeline,
      name: 'clips of scheduled talks under the right schedule talk',
      target: `>= ${100 * TARGETS.right}%`,
      value: percent(scheduled.right, scheduled.total),
      met: scheduled.total > 0 && scheduled.right / scheduled.total >= TARGETS.right,
    },
    {
      pipeline,
      name: 'clips under a wrong schedule talk',
      target: String(TARGETS.wrong),
      value: String(all.wrong),
      met: all.wrong <= TARGETS.wrong,
    },
  ]);
}
