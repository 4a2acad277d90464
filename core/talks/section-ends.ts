/**
 * Where a talk's section ends when no heading ends it: at a line that looks like a talk's opening but
 * opens none. Writers set apart what comes between talks the way they set apart the talks themselves
 * (a bold "Hallway track & the sponsor hall" among bold talk lines, "**Lunch — long queues**" in a
 * Bengali recap whose talks are bold "Speaker — Title" lines); that line is no part of the talk above.
 */
import type { Candidate } from './candidates';
import { blocksAfter, precedes } from './dom';
import { parsePeople } from './people';
import { speakerLine } from './speaker-phrases';

/** A section as far as its end is concerned: where it opens, where it ends, whether it owns its elements. */
interface Ending {
  heading: Element;
  end: Element | null;
  owns: Element[] | null;
}

/**
 * The bold lines of `body` that say what comes between talks: a break, the hallway track, a day, the
 * writer's closing, a heading over talks (a talk's own parts, "Key takeaways", are none of them).
 */
export function linesBetweenTalks(body: readonly Candidate[]): Candidate[] {
  return body.filter((c) => c.kind === 'line' && c.role !== null && c.role !== 'part');
}

/**
 * The first of `lines` after the talk opened at `el` and before `end` (null: the end of the post), not
 * in the block right under the opening, which still introduces the talk (a kicker, a speaker card).
 */
export function lineEndingTalk(
  el: Element,
  lines: readonly Candidate[],
  end: Element | null,
  post: Element,
): Element | null {
  const first = blocksAfter(el, post).next().value;
  return (
    lines.find(
      (c) =>
        precedes(el, c.el) && !el.contains(c.el) && (!end || precedes(c.el, end)) && !first?.contains(c.el),
    )?.el ?? null
  );
}

/**
 * Where talks open at bold lines, any other bold line that names no talk ends the talk above it,
 * whatever it says and in whatever language (a lunch line, an aside): it has the talks' look and is
 * none of them. A line naming only people or a speaker, or a talk's own part, does not.
 */
export function endAtLinesBetweenTalks(
  sections: Ending[],
  talks: readonly Candidate[],
  body: readonly Candidate[],
  post: Element,
): void {
  if (!talks.some((t) => t.kind === 'line')) return;
  const opening = new Set(talks.map((t) => t.el));
  const between = body.filter(
    (c) =>
      c.kind === 'line' &&
      !opening.has(c.el) &&
      c.role !== 'part' &&
      c.parsed.title.length > 0 &&
      !speakerLine(c.text).length &&
      !parsePeople(c.parsed.title),
  );
  if (!between.length) return;
  sections.forEach((section, i) => {
    if (section.owns) return;
    section.end = lineEndingTalk(talks[i]!.el, between, section.end, post) ?? section.end;
  });
}
