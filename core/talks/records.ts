/**
 * Record boxes: a write-up that files each talk as a box of fields (a `<dl>` of key and value, the same
 * keys in every box: "Esitys / Puhuja / Sali ja aika / Muistiinpanot", "Talk / Speaker / Room / Notes").
 * The keys are words of any language, so the box is read by its values: one is a title line, a later or
 * earlier one names people. A box of the same keys naming no one (the evening programme, a party) is no
 * talk. Only boxes whose keys another box of the post repeats count: one `<dl>` is any glossary.
 */
import { childElements, clean, visibleText } from './dom';
import { parsePeople, parsePeopleWithRole } from './people';
import { markerWord, type TalkMarker } from './title-parse';

/** The talk a record box names: its title line, its people, and its kind when the title says it. */
export interface RecordTalk {
  title: string;
  speakers: string[];
  marker: TalkMarker | null;
}

const MAX_VALUE = 160;
/** Fields at least in a box: a title, its people, one more (a room, a time, notes). */
const MIN_FIELDS = 3;

/** The talk `box` (a `<dl>`) names as a record of fields, or null. */
export function recordTalk(box: Element, post: Element): RecordTalk | null {
  const fields = fieldsOf(box);
  if (fields.length < MIN_FIELDS) return null;
  const alike = boxesAlike(box, fields, post);
  if (!alike.length || !writtenUp(box, alike)) return null;
  // A title in title case reads as a name ("Breaking Smart Locks"): the title is the first title line,
  // the people the first other value that names people.
  const values = fields.map((f) => f.value).filter((v) => v && v.length <= MAX_VALUE);
  const title = values.find(isTitleLine) ?? null;
  const speakers =
    values
      .filter((v) => v !== title)
      .map((v) => parsePeople(v) ?? parsePeopleWithRole(v))
      .find(Boolean) ?? null;
  if (!title || !speakers) return null;
  // "T (keynote)": the kind in parentheses after the title is no part of it.
  const kind = /\s*[(（]([^()（）]{2,30})[)）]$/u.exec(title);
  const marker = kind?.[1] ? markerWord(kind[1]) : null;
  return { title: marker ? title.slice(0, kind!.index) : title, speakers, marker };
}

/** A title line: two words or more, a letter first, no sentence's end, no digits-only kicker. */
function isTitleLine(value: string): boolean {
  const text = value.replace(/^[“”"«»„‘’]+|[“”"«»„‘’]+$/gu, '');
  if (!/^[\p{L}\p{N}]/u.test(text) || /[.!?…。]$/u.test(text) || /[.!?。]\s+\S/u.test(text)) return false;
  // "Pääsali, pe 10:00", "Sali 2, 11:30": a place and a time, not a title.
  if (/\d{1,2}[:.]\d{2}/u.test(text)) return false;
  return text.split(/\s+/).length >= 2;
}

interface Field {
  key: string;
  value: string;
}

/** The key and value pairs of a `<dl>`: each `<dt>` with the text of its first `<dd>`. */
function fieldsOf(box: Element): Field[] {
  const out: Field[] = [];
  for (const child of childElements(box)) {
    if (child.tagName !== 'DT') continue;
    const dd = child.nextElementSibling;
    if (dd?.tagName !== 'DD') continue;
    // A value holding paragraphs is the notes, not a field's line.
    const value = dd.querySelector('p, div, ul, ol') ? '' : clean(visibleText(dd));
    out.push({ key: clean(visibleText(child)).toLowerCase(), value });
  }
  return out;
}

/** The other `<dl>`s of `post` that have at least two of `box`'s keys: boxes of one shape. */
function boxesAlike(box: Element, fields: Field[], post: Element): Element[] {
  const keys = new Set(fields.map((f) => f.key));
  return [...post.querySelectorAll('dl')].filter(
    (other) => other !== box && fieldsOf(other).filter((f) => keys.has(f.key)).length >= 2,
  );
}

/**
 * A box is written up when its notes are not a fraction of what the boxes like it hold: a talk the
 * writers could not get into keeps its box, with a line on why ("the room was full"), in any language.
 */
function writtenUp(box: Element, alike: Element[]): boolean {
  const own = notesLength(box);
  if (own >= SHORT_NOTES) return true;
  const others = alike.map(notesLength).sort((a, b) => a - b);
  const median = others[Math.floor(others.length / 2)] ?? 0;
  return median < SHORT_NOTES || own * NOTES_RATIO > median;
}
/** Notes shorter than this may be a box's reason for not being written up. */
const SHORT_NOTES = 200;
/** ... when the boxes like it hold this many times as much, in the middle. */
const NOTES_RATIO = 4;

/** The length of a box's notes: the text of its values that hold blocks (paragraphs, lists) or run long. */
function notesLength(box: Element): number {
  return [...box.querySelectorAll('dd')]
    .map((dd) => ({ dd, text: clean(dd.textContent) }))
    .filter(({ dd, text }) => dd.querySelector('p, div, ul, ol') || text.length > MAX_VALUE)
    .reduce((sum, { text }) => sum + text.length, 0);
}
