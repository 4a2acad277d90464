/*
 * Kept apart from rules.ts (which needs the detection vocabulary) so that the message schemas, which
 * the eager content script bundles, can name the forms without pulling the word lists in.
 */

/**
 * Where a talk title can stand: a heading level, a bold line, a list item, a definition term, a table row,
 * a toggle's summary line, a link card's title, a paragraph that introduces a talk, the first line of
 * one of a run of like blocks (a thread's posts, a comment tree, time-stamped paragraphs).
 */
export const TALK_FORMS = [
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'line',
  'item',
  'term',
  'row',
  'toggle',
  'card',
  'prose',
  'block',
] as const;
export type TalkForm = (typeof TALK_FORMS)[number];
