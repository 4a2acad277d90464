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
import { parseTalkTitle } from './title-parse';

/** The columns of a talk table: where each row's title and its speakers stand. */
export interface TalkColumns {
  talk: number;
  /** -1: the speakers are named in the title's cell. */
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
 * average (a time or a room is shorter; notes are sentences). Where no column names people alone, a
 * column whose cells name a title and its speakers ("Title — Jane Doe", "Title (Jane Doe)") in half the
 * rows or more is both (`speaker` -1). Null when no column reads so, or the table is no programme.
 */
export function columnsByContent(rows: readonly Element[][]): TalkColumns | null {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const found = withPeopleColumn(rows, width) ?? withSpeakersInTitles(rows, width);
  if (!found) return null;
  const { talk, peopleRows } = found;
  // A programme's marks: a column of times, or titles linked to their talks' pages. A table of people
  // and their teams, roles or scores has neither.
  const timed = (column: number) =>
    peopleRows.filter((row) => TIME.test(text(row, column))).length >= peopleRows.length / 2;
  const linked = peopleRows.filter((row) => row[talk] && linksToRecording(row[talk]!)).length;
  const programme = linked >= peopleRows.length / 2 || [...Array(width).keys()].some(timed);
  return programme ? { talk, speaker: found.speaker } : null;
}

interface Found extends TalkColumns {
  /** The rows that name people. */
  peopleRows: Element[][];
}

function withPeopleColumn(rows: readonly Element[][], width: number): Found | null {
  for (let speaker = 0; speaker < width; speaker++) {
    const peopleRows = rows.filter((row) => parsePeople(text(row, speaker)) !== null);
    const empty = rows.filter((row) => namesNoOne(text(row, speaker)));
    if (
      peopleRows.length < MIN_PEOPLE_ROWS ||
      peopleRows.length < rows.length / 2 ||
      peopleRows.length + empty.length < rows.length * PEOPLE_OR_EMPTY_SHARE
    )
      continue;
    let talk = -1;
    let longest = 0;
    for (let column = 0; column < width; column++) {
      if (column === speaker) continue;
      const titles = peopleRows.map((row) => text(row, column)).filter(isTitleLine);
      if (titles.length < peopleRows.length * TITLE_SHARE || !longEnough(titles)) continue;
      const mean = titles.reduce((sum, t) => sum + t.length, 0) / titles.length;
      if (mean > longest) [talk, longest] = [column, mean];
    }
    return talk < 0 ? null : { talk, speaker, peopleRows };
  }
  return null;
}

function withSpeakersInTitles(rows: readonly Element[][], width: number): Found | null {
  for (let talk = 0; talk < width; talk++) {
    const titles: string[] = [];
    const peopleRows = rows.filter((row) => {
      const parsed = parseTalkTitle(text(row, talk));
      if (!parsed.speakers.length || !isTitleLine(parsed.title)) return false;
      titles.push(parsed.title);
      return true;
    });
    if (peopleRows.length >= MIN_PEOPLE_ROWS && peopleRows.length >= rows.length / 2 && longEnough(titles))
      return { talk, speaker: -1, peopleRows };
  }
  return null;
}

/**
 * In a talk table whose rows name their people (the columns `columnsByContent` found), whether `row`
 * names no one: registration, lunch, the party.
 */
export function namesNoOneIn(row: readonly Element[], columns: TalkColumns): boolean {
  if (columns.speaker >= 0) return namesNoOne(text(row, columns.speaker));
  return parseTalkTitle(text(row, columns.talk)).speakers.length === 0;
}

const text = (row: readonly Element[], column: number) => clean(row[column]?.textContent);

/** Talk titles run three words or more on average; a team's or a role's name is shorter. */
function longEnough(titles: string[]): boolean {
  return titles.reduce((sum, t) => sum + t.split(/\s+/).length, 0) >= titles.length * MIN_TITLE_WORDS;
}
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
