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

/** The block right under a talk's opening still introduces it (a kicker, a speaker card, a subtitle). */
const OPENING_BLOCKS = 1;

/**
 * Ends each of `sections` (opened by `talks`, one for one) at the first bold line of the post after its
 * opening that is no talk: a structural line (a break, the hallway track, a day, the writer's closing,
 * a heading over talks) whatever the talk opens with, or, where talks open at bold lines, any bold line
 * that names no talk. A talk's own parts ("Key takeaways"), a line naming only people or a speaker, and
 * the blocks right under the opening do not end it.
 */
export function endAtLinesBetweenTalks(
  sections: Ending[],
  talks: readonly Candidate[],
  body: readonly Candidate[],
  post: Element,
): void {
  const opening = new Set(talks.map((t) => t.el));
  const linesOpenTalks = talks.some((t) => t.kind === 'line');
  const between = body.filter(
    (c) =>
      c.kind === 'line' &&
      !opening.has(c.el) &&
      c.role !== 'part' &&
      (c.role !== null ||
        (linesOpenTalks &&
          c.parsed.title.length > 0 &&
          !speakerLine(c.text).length &&
          !parsePeople(c.parsed.title))),
  );
  if (!between.length) return;
  sections.forEach((section, i) => {
    if (section.owns) return;
    const talk = talks[i]!;
    const near = [...take(blocksAfter(talk.el, post), OPENING_BLOCKS)];
    const line = between.find(
      (c) =>
        precedes(talk.el, c.el) &&
        !talk.el.contains(c.el) &&
        (!section.end || precedes(c.el, section.end)) &&
        !near.some((b) => b.contains(c.el)),
    );
    if (line) section.end = line.el;
  });
}

function* take<T>(items: Iterable<T>, n: number): Generator<T> {
  for (const item of items) {
    if (n-- <= 0) return;
    yield item;
  }
}
