/** A stand-in talk detector for testing the evaluations' arithmetic (eval/talks, eval/schedules). */
import type { DetectedSection, TalkDetector } from '@/eval/talks/evaluate';

export interface FakeSection extends DetectedSection {
  heading: Element;
}

/**
 * Every element matching `selector` is a section, titled by its text or by `titles`, with `speakers`; a section
 * runs to the next `h2`, so a node belongs to the section of the last `h2` before it, if that `h2` is a section.
 */
export function fakeDetector(
  selector: string,
  options: { titles?: string[]; speakers?: string[][]; postTitle?: string | null } = {},
): TalkDetector<FakeSection> {
  return {
    detect: (d) =>
      [...d.querySelectorAll(selector)].map((heading, i) => ({
        heading,
        title: options.titles?.[i] ?? heading.textContent ?? '',
        speakers: options.speakers?.[i] ?? [],
        postTitle: options.postTitle ?? null,
      })),
    talkFor: (sections, node) => {
      const before = [...(node.ownerDocument?.querySelectorAll('h2') ?? [])].filter(
        (h) => h === node || h.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING,
      );
      const last = before.at(-1);
      return sections.find((s) => s.heading === last) ?? null;
    },
  };
}

export const doc = (body: string) =>
  new DOMParser().parseFromString(`<!doctype html><body>${body}</body>`, 'text/html');
