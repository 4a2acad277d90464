/**
 * Talks on a page: detection of the talk sections of each post, their speakers, and which talk a
 * node (a highlight's start) belongs to.
 */
import type { TalkSection } from './detect';

export { detectTalkSections, type TalkSection } from './detect';
export { findPosts } from './posts';
export { findSpeakers } from './speakers';

/**
 * The talk `node` belongs to: the section that starts at or before it and ends after it, in the same
 * post. Null before the first talk of its post (an introduction), after a heading that closes a talk
 * (a conclusion, the next day), outside every post, or outside the item, term or row a talk consists of.
 */
export function talkForNode(sections: readonly TalkSection[], node: Node): TalkSection | null {
  let found: TalkSection | null = null;
  for (const section of sections) {
    if (!section.post.contains(node) && !section.heading.contains(node)) continue;
    if (section.owns) {
      if (section.owns.some((el) => el.contains(node))) return section;
      continue;
    }
    const { heading, end } = section;
    const atOrAfter = heading.contains(node) || (heading.compareDocumentPosition(node) & 4) !== 0;
    if (!atOrAfter) continue;
    if (end && (end === node || end.contains(node) || (end.compareDocumentPosition(node) & 4) !== 0))
      continue;
    // Sections come in document order, but callers may pass them in any order: keep the latest start.
    if (!found || (found.heading.compareDocumentPosition(heading) & 4) !== 0) found = section;
  }
  return found;
}

export {
  hasRules,
  NO_RULES,
  type NotATalk,
  ruleFor,
  siteOf,
  TALK_FORMS,
  type TalkForm,
  type TalkRules,
  TalkRulesSchema,
  withNotATalk,
} from './rules';
export {
  type FilingHighlight,
  type FilingTalk,
  fileUnder,
  type Redetection,
  refile,
  talkAbove,
} from './filing';
