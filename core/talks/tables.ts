/**
 * Talk tables read by their cells rather than their header's words. A write-up kept as a table (a wiki's,
 * a team's notes) names its columns in the writers' language ("Сесија | Предавачи", "Oturum | Konuşmacı"),
 * which no word list covers; what every such table shares is its shape: one column names people in most
 * rows and holds nothing in the others (registration, lunch, the party), and one column holds a title-shaped
 * line in the rows that name people, and it is a programme: a column of times, or titles linked to the
 * talks' pages. A row naming no one in a table whose rows name people is no talk.
 */
import { clean } from './dom';
import { linksToRecording } from './links';
import { parsePeople } from './people';

/** The columns of a talk table: where each row's title and its speakers stand. */
export interface TalkColumns {
  talk: number;
  speaker: number;
}

/** Rows naming people in the speaker column, at least; one is a table of fields, not of talks. */
const MIN_PEOPLE_ROWS = 2;
/** Share of the rows whose speaker cell names people, or names no one at all, at least. */
const PEOPLE_OR_EMPTY_SHARE = 0.8;
/** Share of the rows naming people whose title cell is one title-shaped line, at least. */
const TITLE_SHARE = 2 / 3;
const MAX_TITLE = 160;

/**
 * The talk and speaker columns of a table whose body rows are `rows` (each its cells), read from the
 * cells: the speaker column names people in half of the rows or more and no one in nearly all the others;
 * the talk column, of the others, holds a title-shaped line in most rows naming people, the longest on
 * average (a time or a room is shorter; notes are sentences). Null when no column reads so.
 */
export function columnsByContent(rows: readonly Element[][]): TalkColumns | null {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const text = (row: Element[], column: number) => clean(row[column]?.textContent);
  let speaker = -1;
  let peopleRows: Element[][] = [];
  for (let column = 0; column < width && speaker < 0; column++) {
    const named = rows.filter((row) => parsePeople(text(row, column)) !== null);
    const empty = rows.filter((row) => namesNoOne(text(row, column)));
    if (
      named.length >= MIN_PEOPLE_ROWS &&
      named.length >= rows.length / 2 &&
      named.length + empty.length >= rows.length * PEOPLE_OR_EMPTY_SHARE
    ) {
      speaker = column;
      peopleRows = named;
    }
  }
  if (speaker < 0) return null;
  let talk = -1;
  let longest = 0;
  for (let column = 0; column < width; column++) {
    if (column === speaker) continue;
    const titles = peopleRows.map((row) => text(row, column)).filter(isTitleLine);
    if (titles.length < peopleRows.length * TITLE_SHARE) continue;
    const mean = titles.reduce((sum, t) => sum + t.length, 0) / titles.length;
    const words = titles.reduce((sum, t) => sum + t.split(/\s+/).length, 0) / titles.length;
    if (words >= MIN_TITLE_WORDS && mean > longest) [talk, longest] = [column, mean];
  }
  if (talk < 0) return null;
  // A programme's marks: a column of times, or titles linked to their talks' pages. A table of people
  // and their teams, roles or scores has neither.
  const timed = (column: number) =>
    peopleRows.filter((row) => TIME.test(text(row, column))).length >= peopleRows.length / 2;
  const linked = peopleRows.filter((row) => row[talk] && linksToRecording(row[talk]!)).length;
  const programme = linked >= peopleRows.length / 2 || [...Array(width).keys()].some(timed);
  return programme ? { talk, speaker } : null;
}
/** Talk titles run three words or more on average; a team's or a role's name is shorter. */
const MIN_TITLE_WORDS = 3;
/** A time of day in a cell ("09:30", "14.00", "9:30–10:15"). */
const TIME = /(?<!\d)\d{1,2}[:.]\d{2}(?!\d)/u;

/** A cell that names no one: empty, or a dash or other mark standing for nothing ("—", "-", "n/a"). */
export function namesNoOne(cell: string): boolean {
  return !/\p{L}{2}/u.test(cell.replace(/\bn\/a\b/iu, ''));
}

/** One line shaped like a title: two words or more, no sentence ending inside it or at its end. */
function isTitleLine(cell: string): boolean {
  return (
    cell.length <= MAX_TITLE &&
    cell.split(/\s+/).length >= 2 &&
    !/[.!?;:,]$/u.test(cell) &&
    !/[.!?。！？]\s+\S/u.test(cell)
  );
}
