/**
 * The talk-detection evaluation (`npm run eval:talks`), as pure functions: a Document and its ground truth
 * in, counts out. Detection is a black box: `detectTalkSections(document)` and `talkForNode(sections, node)`
 * from core/talks, or any detector with the same shape (the unit tests pass hand-made ones).
 * The metrics are defined in docs/talk-detection.md.
 */
import { detectTalkSections, type TalkSection, talkForNode } from '@/core/talks';
import type { ExpectedTalk, RecapCase, RecapKind } from './cases';
import { locatePassage, renderText } from './locate';
import { samePeople } from './people';
import { normalizeTitle, titleMatches } from './title-rule';

/** What the evaluation reads of a detected section. */
export interface DetectedSection {
  title: string;
  speakers: readonly string[];
  postTitle?: string | null;
}

export interface TalkDetector<S extends DetectedSection = DetectedSection> {
  detect(document: Document): S[];
  talkFor(sections: readonly S[], node: Node): S | null;
}

export const coreDetector: TalkDetector<TalkSection> = {
  detect: (document) => detectTalkSections(document),
  talkFor: (sections, node) => talkForNode(sections, node),
};

/** A count of right answers out of a total; `right / total` is the share (undefined when total is 0). */
export interface Score {
  right: number;
  total: number;
}

export interface PassageResult {
  text: string;
  /** The expected talk title, or null. */
  expected: string | null;
  /** The title of the section `talkForNode` returned for the passage's first text node, or null. */
  got: string | null;
  /** How often the passage occurs in the rendered text; anything but 1 counts as wrong. */
  occurrences: number;
  right: boolean;
}

export interface DetectedResult {
  title: string;
  speakers: string[];
  postTitle: string | null;
  /** The expected talk this section was paired with (by the title rule, one to one), or null. */
  matches: string | null;
}

export interface TalkResult {
  title: string;
  speakers: string[];
  found: boolean;
  /** Detected speakers of the paired section; null when the talk was not found. */
  detectedSpeakers: string[] | null;
  speakersRight: boolean;
}

export interface RecapPageResult {
  file: string;
  kind: RecapKind;
  /** The case's `added` (the round that added the page), or null for the original corpus. */
  added: string | null;
  /** Every passage: one with a talk must be filed under that talk, one without under no talk. */
  passages: Score;
  /** Only the passages that belong to a talk. */
  talkPassages: Score;
  /** Only the passages that belong to no talk: right when filed under no talk. */
  talklessPassages: Score;
  /** Detected sections paired with an expected talk, out of all detected sections. */
  precision: Score;
  /** Expected talks paired with a detected section, out of all expected talks. */
  recall: Score;
  /** Expected talks found whose detected speakers are the expected people, out of the talks found. */
  speakers: Score;
  detected: DetectedResult[];
  talks: TalkResult[];
  passageResults: PassageResult[];
  /** Passages that do not occur exactly once in the rendered text: a corpus or locator problem. */
  unlocated: number;
}

export interface WebPageResult {
  name: string;
  /** Talks detected on a page that has none. */
  invented: number;
  titles: string[];
}

/**
 * Whether a detected section is the expected talk: its title passes the title rule, and on archive pages
 * (where the expected talk names its `post`) its post title is that post's, after the same normalisation.
 */
export function sectionIsTalk(section: DetectedSection, talk: ExpectedTalk): boolean {
  if (!titleMatches(section.title, talk.title, talk.speakers)) return false;
  if (talk.post === undefined) return true;
  return section.postTitle != null && normalizeTitle(section.postTitle) === normalizeTitle(talk.post);
}

/**
 * Pairs detected sections with expected talks one to one (a maximum bipartite matching over "section is
 * talk"), so a talk detected twice counts once and its copy is a wrong detection. Returns, for each
 * section, the index of its talk or -1.
 */
export function pairSections(sections: readonly DetectedSection[], talks: readonly ExpectedTalk[]): number[] {
  const edges = sections.map((s) => talks.flatMap((t, j) => (sectionIsTalk(s, t) ? [j] : [])));
  const talkOwner = talks.map(() => -1);
  const tryPair = (i: number, seen: boolean[]): boolean => {
    for (const j of edges[i]!) {
      if (seen[j]) continue;
      seen[j] = true;
      if (talkOwner[j] === -1 || tryPair(talkOwner[j]!, seen)) {
        talkOwner[j] = i;
        return true;
      }
    }
    return false;
  };
  for (let i = 0; i < sections.length; i++)
    tryPair(
      i,
      talks.map(() => false),
    );
  const sectionTalk = sections.map(() => -1);
  talkOwner.forEach((i, j) => {
    if (i >= 0) sectionTalk[i] = j;
  });
  return sectionTalk;
}

const score = (results: readonly boolean[]): Score => ({
  right: results.filter(Boolean).length,
  total: results.length,
});

/** Runs `detector` on a recap corpus page and scores it against the page's case. */
export function evaluateRecap<S extends DetectedSection>(
  document: Document,
  expected: RecapCase,
  detector: TalkDetector<S>,
): RecapPageResult {
  const sections = detector.detect(document);
  const pairing = pairSections(sections, expected.talks);

  const talks: TalkResult[] = expected.talks.map((talk, j) => {
    const i = pairing.indexOf(j);
    const section = i >= 0 ? sections[i]! : null;
    return {
      title: talk.title,
      speakers: [...talk.speakers],
      found: section !== null,
      detectedSpeakers: section ? [...section.speakers] : null,
      speakersRight: section !== null && samePeople(section.speakers, talk.speakers),
    };
  });

  const rendered = renderText(document);
  const passageResults: PassageResult[] = expected.passages.map((passage) => {
    const located = locatePassage(rendered, passage.text);
    const section =
      located.count === 1 && located.start ? detector.talkFor(sections, located.start.node) : null;
    let right = false;
    if (located.count === 1) {
      if (passage.talk === null) right = section === null;
      else {
        const talk = expected.talks.find((t) => t.title === passage.talk);
        if (!talk)
          throw new Error(`${expected.file}: passage talk ${JSON.stringify(passage.talk)} is not a talk`);
        right = section !== null && sectionIsTalk(section, talk);
      }
    }
    return {
      text: passage.text,
      expected: passage.talk,
      got: section?.title ?? null,
      occurrences: located.count,
      right,
    };
  });

  return {
    file: expected.file,
    kind: expected.kind,
    added: expected.added ?? null,
    passages: score(passageResults.map((p) => p.right)),
    talkPassages: score(passageResults.filter((p) => p.expected !== null).map((p) => p.right)),
    talklessPassages: score(passageResults.filter((p) => p.expected === null).map((p) => p.right)),
    precision: score(pairing.map((j) => j >= 0)),
    recall: score(talks.map((t) => t.found)),
    speakers: score(talks.filter((t) => t.found).map((t) => t.speakersRight)),
    detected: sections.map((s, i) => ({
      title: s.title,
      speakers: [...s.speakers],
      postTitle: s.postTitle ?? null,
      matches: pairing[i]! >= 0 ? expected.talks[pairing[i]!]!.title : null,
    })),
    talks,
    passageResults,
    unlocated: passageResults.filter((p) => p.occurrences !== 1).length,
  };
}

/** Runs `detector` on a page that is not a conference write-up: every talk found is invented. */
export function evaluateWebPage<S extends DetectedSection>(
  document: Document,
  name: string,
  detector: TalkDetector<S>,
): WebPageResult {
  const sections = detector.detect(document);
  return { name, invented: sections.length, titles: sections.map((s) => s.title) };
}

const add = (a: Score, b: Score): Score => ({ right: a.right + b.right, total: a.total + b.total });
const ZERO: Score = { right: 0, total: 0 };

export interface RecapTotals {
  pages: number;
  passages: Score;
  talkPassages: Score;
  talklessPassages: Score;
  precision: Score;
  recall: Score;
  speakers: Score;
  unlocated: number;
}

/** Totals over pages: counts are summed, so every passage, talk and detection weighs the same. */
export function totalRecaps(pages: readonly RecapPageResult[]): RecapTotals {
  return pages.reduce<RecapTotals>(
    (t, p) => ({
      pages: t.pages + 1,
      passages: add(t.passages, p.passages),
      talkPassages: add(t.talkPassages, p.talkPassages),
      talklessPassages: add(t.talklessPassages, p.talklessPassages),
      precision: add(t.precision, p.precision),
      recall: add(t.recall, p.recall),
      speakers: add(t.speakers, p.speakers),
      unlocated: t.unlocated + p.unlocated,
    }),
    {
      pages: 0,
      passages: ZERO,
      talkPassages: ZERO,
      talklessPassages: ZERO,
      precision: ZERO,
      recall: ZERO,
      speakers: ZERO,
      unlocated: 0,
    },
  );
}

/** Totals per round of the corpus (`added`; null for the original pages), in order of first appearance. */
export function totalRecapsByRound(
  pages: readonly RecapPageResult[],
): { added: string | null; totals: RecapTotals }[] {
  const rounds = [...new Set(pages.map((p) => p.added))];
  return rounds.map((added) => ({ added, totals: totalRecaps(pages.filter((p) => p.added === added)) }));
}

export interface WebTotals {
  pages: number;
  /** Pages on which no talk was detected (right) out of all pages (total). */
  pagesWithoutTalks: Score;
  /** Talks detected over all pages. */
  invented: number;
}

export function totalWebPages(pages: readonly WebPageResult[]): WebTotals {
  return {
    pages: pages.length,
    pagesWithoutTalks: score(pages.map((p) => p.invented === 0)),
    invented: pages.reduce((n, p) => n + p.invented, 0),
  };
}

/** The share `right / total`, or null when there is nothing to count. */
export const share = (s: Score): number | null => (s.total === 0 ? null : s.right / s.total);

/** The targets of issue 12. */
export const TARGETS = {
  passages: 0.95,
  talklessPassages: 0.95,
  precision: 0.95,
  recall: 0.95,
  speakers: 0.85,
  /** Of the 62 web pages, at least 60 without talks. */
  webPagesWithoutTalks: 60,
} as const;

export interface TargetCheck {
  name: string;
  target: string;
  value: string;
  met: boolean;
}

const pct = (s: Score) => {
  const v = share(s);
  return v === null ? '—' : `${(100 * v).toFixed(1)}% (${s.right}/${s.total})`;
};

export function checkTargets(recaps: RecapTotals, web: WebTotals): TargetCheck[] {
  const at = (s: Score, min: number) => (share(s) ?? 0) >= min;
  return [
    {
      name: 'passages under the right talk',
      target: '>= 95%',
      value: pct(recaps.passages),
      met: at(recaps.passages, TARGETS.passages),
    },
    {
      name: 'talk-less passages under no talk',
      target: '>= 95%',
      value: pct(recaps.talklessPassages),
      met: at(recaps.talklessPassages, TARGETS.talklessPassages),
    },
    {
      name: 'talk-title precision',
      target: '>= 95%',
      value: pct(recaps.precision),
      met: at(recaps.precision, TARGETS.precision),
    },
    {
      name: 'talk-title recall',
      target: '>= 95%',
      value: pct(recaps.recall),
      met: at(recaps.recall, TARGETS.recall),
    },
    {
      name: 'speakers right',
      target: '>= 85%',
      value: pct(recaps.speakers),
      met: at(recaps.speakers, TARGETS.speakers),
    },
    {
      name: 'web pages with no talks',
      target: `>= ${TARGETS.webPagesWithoutTalks} of ${web.pages}`,
      value: `${web.pagesWithoutTalks.right} of ${web.pagesWithoutTalks.total}`,
      met: web.pagesWithoutTalks.right >= TARGETS.webPagesWithoutTalks,
    },
  ];
}

export { pct as formatScore };
