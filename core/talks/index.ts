/**
 * Talks on a page: detection of the talk sections of each post, their speakers, and which talk a
 * node (a highlight's start) belongs to.
 */
import { postHeadingBetween, type TalkSection } from './detect';

export { detectTalkSections, findPosts, type TalkSection } from './detect';
export { findSpeakers } from './speakers';

/**
 * The talk `node` belongs to: the nearest talk title above it in the same post. Null when the node is
 * before the first talk title of its post (a keynote lead), after a post-level heading that ends the
 * talk, or outside every post. Never crosses into another post.
 */
export function talkForNode(sections: readonly TalkSection[], node: Node): TalkSection | null {
  let found: TalkSection | null = null;
  for (const section of sections) {
    if (!section.post.contains(node)) continue;
    const { heading } = section;
    const atOrAfter =
      heading === node || heading.contains(node) || (heading.compareDocumentPosition(node) & 4) !== 0;
    // Sections come in document order, but callers may pass them in any order: keep the latest start.
    if (atOrAfter && (!found || (found.heading.compareDocumentPosition(heading) & 4) !== 0)) found = section;
  }
  if (found && postHeadingBetween(found.post, found.heading, node)) return null;
  return found;
}
