/**
 * A document's own numbering of its parts: "Aula 1", "Aula 2", "Aula 3" (a course's lessons), "Week 1",
 * "Lecture 2", "Teil 3". The same word, then 1, 2, 3 … in the order the lines stand. A programme's
 * places ("Sal 2", "Room 5") are named in the order the writer went to them, and a talk's line names its
 * speakers; lines that count up and name no one number lessons or chapters, not rooms.
 */

/** A label and its number: "Aula 3", "Week 12". */
const NUMBERED = /^(\p{L}[\p{L}\p{M}.]*)\s+(\d{1,3})$/u;
/** Lines that count, at least: two could be chance. */
const MIN_COUNT = 3;

/** True when `labels`, in document order, are one word numbered consecutively ("Aula 1", "Aula 2", …). */
export function countsUp(labels: readonly string[]): boolean {
  if (labels.length < MIN_COUNT) return false;
  const numbered = labels.map((label) => NUMBERED.exec(label.trim()));
  const first = numbered[0];
  if (!first?.[1] || !first[2]) return false;
  const word = first[1].toLowerCase();
  const start = Number(first[2]);
  return numbered.every((m, i) => m?.[1]?.toLowerCase() === word && Number(m[2]) === start + i);
}
