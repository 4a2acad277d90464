/**
 * Talks held in blocks that are not headings: a card or a box (a block set apart by its markup) whose
 * first lines are fields, each a short block of its own — a kicker of day, room and time, the talk's
 * title, the line naming its speakers — before the notes, if the card holds them; and a line opened by
 * a badge ("01", "番外") set apart from its title. How the fields read decides, not the class names, so
 * any platform's card and any language's kicker reads alike.
 */
import { childElements, clean, HEADINGS, isHidden, textUpTo } from './dom';
import { nameWordRecurs, parsePeople, parsePeopleWithRole } from './people';
import { type ProseTalk, talkOpening } from './prose';
import { speakerLine } from './speaker-phrases';

/** A card's fields, read from its first short blocks. */
export interface CardFields {
  /** The field that names the talk. */
  title: string;
  /** The people a field names ("Jane Doe", "Deniz Şahin & Onur Kılıç", "Speaker: Jane Doe, Acme"). */
  speakers: string[];
  /** A field of day, room or time above or below the title ("Thursday · Room B · 15:40"), if any. */
  kicker: string | null;
  /** The card goes on with notes (prose) after its fields: it holds its talk's text itself. */
  holdsNotes: boolean;
}

/** A field is a short line; a longer block is the notes. */
const MAX_FIELD = 120;
/** A card opens with two to four fields. */
const MIN_FIELDS = 2;
const MAX_FIELDS = 4;
const BLOCKS = 'p, div, li, dt, dd, section, blockquote, ul, ol, table, figure';
/** A kicker: a time of day, or labels set apart by dots or bars. */
const KICKER_FIELD = /\d{1,2}[:.h]\d{2}|\s[·•|｜]\s/u;
/** A sentence ends a field: a field is a label, never prose (a title may ask a question). */
const SENTENCE_END = /[.!…。！](?:["”’»」』)]*)$/u;

/**
 * The fields of `box` when it reads as a card: it holds no heading, and its first two to four children
 * are short fields (each child one field, its lines read as one: "09:30 · Ana Salon"): a title that is
 * not people, a kicker or a sentence, and after it the people (a card names its talk before its
 * speakers; an author's card names the person first, then a role), a kicker anywhere; then nothing
 * more, or notes. Null for any other block (a paragraph, a container of sections, a byline).
 */
export function cardFields(box: Element): CardFields | null {
  // Cheap tests first: this runs on every container of a post, and most open with a paragraph.
  if (box.childElementCount < MIN_FIELDS) return null;
  const fields: string[][] = [];
  let holdsNotes = false;
  let blocks = 0;
  for (const child of childElements(box)) {
    // Read only as far as a field can go: a longer child is the notes.
    const text = isHidden(child) ? '' : textUpTo(child, MAX_FIELD);
    if (!text) continue;
    blocks++;
    const lines = text.length > MAX_FIELD ? null : fieldLines(child);
    if (!lines) {
      holdsNotes = true;
      break;
    }
    // A picture and its caption are a figure, not a card's field.
    if (child.querySelector(MEDIA)) return null;
    fields.push(lines);
    if (fields.length > MAX_FIELDS) return null;
  }
  // A wrapper of one block is not the card: its one child is (read when the walk gets there).
  if (blocks < MIN_FIELDS || fields.length < MIN_FIELDS || box.querySelector(HEADINGS)) return null;
  let title: string | null = null;
  let speakers: string[] = [];
  let kicker: string | null = null;
  for (const lines of fields) {
    const field = lines.join(' · ');
    // People name themselves in a line or two (a name, a company); more lines are a list of links.
    const people = title && lines.length <= 2 ? peopleField(field) : [];
    if (people.length && !speakers.length) speakers = people;
    else if (!kicker && isKickerField(field)) kicker = field;
    // A card that opens with a person is an author's or a speaker's profile, not a talk's.
    else if (!title && isTitleField(field) && !isNameLine(lines[0] ?? '')) title = field;
    else return null; // a second title: a list of lines
  }
  // Without its people, a card is a kicker and a title over notes (a break in the programme); a kicker
  // and a line alone are a card's meta ("09:30 · Ana Salon").
  if (!title || (!speakers.length && !(kicker && holdsNotes))) return null;
  return { title, speakers, kicker, holdsNotes };
}

/** The lines of a field ("09:30", "Ana Salon"), or null when it is prose (the notes). */
function fieldLines(child: Element): string[] | null {
  const lines = [child, ...child.querySelectorAll(BLOCKS)]
    .filter((el) => !isHidden(el) && clean(el.textContent))
    .filter((el, _, all) => !all.some((o) => o !== el && el.contains(o)))
    .map((el) => clean(el.textContent));
  const text = lines.join(' · ');
  if (!text || text.length > MAX_FIELD || SENTENCE_END.test(text)) return null;
  return lines;
}
const MEDIA = 'img, picture, video, svg, figure';

/**
 * People a field names: after a speaker label, or the field's start before a role ("Jane Doe, Acme",
 * "Deniz Şahin & Onur Kılıç · Bulutçu"). After a label, the parts set apart by dots go on with the list
 * ("Moderator: Selin Öztürk · Cem Yıldız, Aylin Koç": the moderator, then the panel).
 */
function peopleField(field: string): string[] {
  const [first = '', ...rest] = field.split(/\s[·•|｜]\s/u);
  const labelled = speakerLine(first);
  if (labelled.length) return [...labelled, ...rest.flatMap((part) => parsePeopleWithRole(part) ?? [])];
  const lead = /^(.{3,100}?)(?:\s*(?:[,，（(—–]|\s-\s)|$)/u.exec(first)?.[1] ?? '';
  return parsePeopleWithRole(lead) ?? [];
}

/** A line that is only a name or two, as a profile opens ("Phạm Quốc Huy"); a title in title case is longer. */
function isNameLine(line: string): boolean {
  const people = /[(（]/u.test(line) ? null : parsePeople(line);
  return !!people?.every((person) => person.split(/\s+/).length <= 3);
}

function isKickerField(field: string): boolean {
  return field.length <= 60 && KICKER_FIELD.test(field) && field.split(/\s+/).length <= 8;
}

/** A title: two words or more (or a line in a script without spaces), no sentence. */
function isTitleField(field: string): boolean {
  return (
    field.split(/\s+/).length >= 2 ||
    /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]{4}/u.test(field)
  );
}

/**
 * A line opened by a badge: a first child element that holds only a short number or a CJK word of up
 * to four characters ("01", "#3", "番外"), set apart from the title beside it. Returns the title
 * without the badge, or null when the line has no badge.
 */
export function withoutBadge(line: Element): string | null {
  const [badge, ...rest] = childElements(line);
  if (!badge || !rest.length || badge.children.length) return null;
  const mark = clean(badge.textContent);
  const text = clean(line.textContent);
  if (!mark || !text.startsWith(mark) || !BADGE.test(mark)) return null;
  const title = clean(rest.map((el) => el.textContent).join(' '));
  return title && text.slice(mark.length).trim() === title ? title : null;
}
const BADGE =
  /^(?:#?\d{1,2}\.?|[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]{1,4})$/u;

/**
 * A bold block that opens the way a thread's message opens a talk ("Bonus: Jane Doe, Title", "Room B,
 * 11:30 — Jane Doe: Title"; `talkOpening`, prose.ts), whose notes name one of its people again: that
 * talk. The naming again is what tells "Jane Doe, Title" from "Acme Corp, Our Booth": writers go on
 * about the speaker ("Jane's team …").
 */
export function talkOpenedInBlock(text: string, notes: string): ProseTalk | null {
  const recurs = (name: string) => nameWordRecurs(name, notes, 'clitic');
  const talk = talkOpening(text, recurs);
  return talk?.speakers.some(recurs) ? talk : null;
}
