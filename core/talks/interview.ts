/**
 * An interview about one talk: the post's title quotes the talk's title and names its speaker
 * ("Panayam: si Bea Villanueva at ang “T”", "Interview: Jane Doe on “T”", "Im Gespräch: Jana Novak über
 * „T“"), and the post is a conversation with that person, its paragraphs opening with the speakers'
 * labels ("Paolo:", "Bea:", "Q:"), the person's among them. The whole post is that talk. A title that
 * quotes a book or a film beside a name is any interview; the labels naming the person and the post
 * speaking of a talk (the caller's conditions) tell the talk's.
 */
import { QUOTED, type SingleTalk, TALK_NOUN } from './single-talk';
import { clean, textUpTo } from './dom';
import { parsePeople } from './people';

/** Two to four capitalised words: where a person's name may stand in the title. */
const NAME_RUN = /[\p{Lu}][\p{L}\p{M}'’.-]+(?:\s+[\p{Lu}][\p{L}\p{M}'’.-]+){1,3}/gu;
/** A speaker's label opening a paragraph: one to three words (or a letter, "Q") and a colon. */
const LABEL = /^([\p{Lu}][\p{L}\p{M}.'’-]*(?:\s+[\p{L}\p{M}.'’-]+){0,2})\s*[:：]\s+\S/u;
/** Paragraphs a conversation is written in. */
const PARAGRAPH = 'p, dd, li, div';
/** Labelled paragraphs of a conversation, at least; each of two voices twice. */
const MIN_LABELLED = 4;
const OPENING = 1500;

/** The talk the interview in `post` is about, or null when the post is no interview about a talk. */
export function talkOfInterview(post: Element, postTitle: string, heading: Element): SingleTalk | null {
  const title = clean(postTitle);
  const quote = [...title.matchAll(QUOTED)]
    .map((m) => ({ text: (m.slice(1).find(Boolean) ?? '').trim(), at: m.index, end: m.index + m[0].length }))
    .filter((q) => q.text.split(/\s+/).length >= 2)
    .sort((a, b) => b.text.length - a.text.length)[0];
  // The post speaks of the talk where it opens ("the talk", "ang talk", "der Vortrag").
  if (!quote || !TALK_NOUN.test(textUpTo(post, OPENING).slice(0, OPENING))) return null;
  const outside = `${title.slice(0, quote.at)} | ${title.slice(quote.end)}`;
  const people = [...outside.matchAll(NAME_RUN)]
    .map((m) => parsePeople(m[0]))
    .find((p): p is string[] => !!p && p.length === 1);
  if (!people) return null;
  const labels = labelsOf(post);
  const voices = [...labels].filter(([, n]) => n >= 2);
  const labelled = [...labels.values()].reduce((a, b) => a + b, 0);
  if (voices.length < 2 || labelled < MIN_LABELLED) return null;
  // The person of the title speaks: a label is their name or a word of it ("Bea" for Bea Villanueva).
  const words = new Set(people[0]!.toLowerCase().split(/\s+/));
  const speaks = voices.some(
    ([label]) => label === people[0]!.toLowerCase() || label.split(/\s+/).every((w) => words.has(w)),
  );
  return speaks ? { title: quote.text, speakers: people, heading } : null;
}

/** How often each label (lower case) opens a paragraph of `post`. */
function labelsOf(post: Element): Map<string, number> {
  const counts = new Map<string, number>();
  for (const block of post.querySelectorAll(PARAGRAPH)) {
    // A container of paragraphs is read through its paragraphs.
    if (block.querySelector(PARAGRAPH)) continue;
    const label = LABEL.exec(textUpTo(block, 80))?.[1]?.toLowerCase();
    if (label) counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return counts;
}
