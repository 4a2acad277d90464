/**
 * The schedule finds the talk: a clip that talk detection filed under no talk, or under a page talk no
 * imported schedule knows, is filed under the schedule talk a line above it names (clip-lines.ts),
 * whatever the page's markup. Precision first, with the matcher's own index and tiers:
 *
 * - only a line the matcher matches (`matchTalk`: a confident match, no rival) files the clip; a line
 *   it is unsure of (near titles, a prefix of another title) is offered, and only when it is the
 *   nearest line above the clip (farther up, it is as often a talk the clip is past); a quoted title
 *   in a sentence counts only when the sentence also names the talk's speakers (a title mentioned in
 *   passing is neither filed nor offered); a line over talks of another form ("Lightning talks",
 *   "Keynotes") is a structure line;
 * - the page must fit the talk's conference: its context names the conference, or its date falls
 *   during it; never when it names another candidate's conference or is dated a year away;
 * - the nearest line that names a talk decides; a structure line (a break, "Closing thoughts", another
 *   day) between it and the clip ends its reach, and so does a line of the same look that could be a
 *   title, or a heading of its rank or above, that names no schedule talk (a talk of no schedule
 *   starts there); a line in a
 *   list item or table row reaches no further than its item, and a line whose time is later than a
 *   nearer line's belongs to a page written newest first; a line between that reads as another talk's
 *   whatever its look (a title with speakers, a marker, a code, a slot) ends the reach too, and one
 *   that names another talk of the conference (its title, a speaker of it) makes the filing an offer;
 * - a single-talk post's title (`title` lines, the farthest) reaches past the post's own sub-headings,
 *   not past a structure line; it names no talk when it speaks of several, and its speakers, if it
 *   names any, must agree.
 */
import { otherTalksNamed } from './clip-guard';
import { couldBeTitleLine } from './clip-lead';
import { type ClipLine, lineRole, timeOf } from './clip-lines';
import { type MatchEvidence, matchTalk, type ScheduleMatch } from './match';
import type { ScheduleIndex } from './schedule-index';
import { parseTalkTitle } from '../talks/title-parse';
import { parseCaselessPeople, parsePeople } from '../talks/people';
import { talksIntroducedIn, quotedTitleIn } from '../talks/prose';

/** Where the lines file a clip: under a schedule talk, offered between some, or nowhere. */
export type LineFiling =
  | { kind: 'match'; talkId: string; title: string; speakers: string[] }
  | { kind: 'offer'; talkIds: string[]; title: string; speakers: string[] }
  | { kind: 'none' };

/** The page the clip is on, as the matcher reads it (`pageMatchContext`, the page's date). */
export interface LinePage {
  pageDate: string | null;
  context: string | null;
}

const NONE: LineFiling = { kind: 'none' };

type LineQuery = { title: string; speakers: string[] };

/** The talk a line names: its title and speakers as detection's title parser reads them. */
function queryOf(line: ClipLine): LineQuery | null {
  if (line.kind === 'title') return postTitleQuery(line.text);
  if (line.kind === 'quoted') {
    const introduced = talksIntroducedIn(line.text)[0];
    const title = introduced?.title ?? quotedTitleIn(line.text);
    return title ? { title, speakers: introduced?.speakers ?? [] } : null;
  }
  const parsed = parseTalkTitle(line.text);
  return parsed.title ? { title: parsed.title, speakers: parsed.speakers } : null;
}

/**
 * The line's other readings, each worth a filing only where the talk's speakers agree with the people
 * it names (those people are the reading's evidence): a title quoted with people a few words before
 * or after it, after any kicker ("Opening keynote: Neema Mwakyusa — “T”", "After lunch: “T” na Zawadi
 * Mushi"), and people between a kicker and the title ("Bonus: Priya Natarajan, T"), which detection's
 * title parser reads as one title. A quoted title with no one beside it that reads as a name ("Priya om
 * “T”") is read as a heading of that title alone would be.
 */
function otherReadingsOf(line: ClipLine): LineQuery[] {
  const readings: LineQuery[] = [];
  const introduced = talksIntroducedIn(line.text, true)[0];
  if (introduced) readings.push(introduced);
  if (line.kind === 'quoted') return readings;
  const quoted = quotedTitleIn(line.text);
  if (quoted) {
    const around = line.text.split(quoted);
    const people = peopleAround(around[0] ?? '', around.slice(1).join(quoted));
    readings.push({ title: quoted, speakers: people ?? [] });
  }
  const kicked = PEOPLE_THEN_TITLE.exec(line.text);
  const people = kicked ? parsePeople(kicked[1]!) : null;
  if (kicked && people) readings.push({ title: kicked[2]!.trim(), speakers: people });
  return readings;
}

/** "Bonus: Priya Natarajan, Shipping Small Models": a kicker, then people, a comma or dash, the title. */
const PEOPLE_THEN_TITLE = /^[^:：]{1,40}[:：]\s*([^,،:—–]{3,80}?)\s*(?:,|،|\s[—–-])\s*(\S.{3,})$/u;

/** Marks, and one short lower-case joining word ("on", "om", "na", "by"), at an edge of a name. */
const BEFORE_QUOTE = /(?:\s+\p{Ll}{1,4})?[\s\p{P}]*$/u;
const AFTER_QUOTE = /^[\s\p{P}]*(?:\p{Ll}{1,4}\s+)?/u;

/** People written right before a quoted title (after any kicker and colon) or right after it, or null. */
function peopleAround(before: string, after: string): string[] | null {
  const lead = before
    .replace(/^.*[:：]/su, '')
    .replace(BEFORE_QUOTE, '')
    .trim();
  const tail = after
    .replace(AFTER_QUOTE, '')
    .replace(AT_CONFERENCE, '')
    .replace(/[\s\p{P}]+$/u, '')
    .trim();
  for (const text of [lead, tail]) {
    const people = text ? (parsePeople(text) ?? parseCaselessPeople(text)) : null;
    if (people) return people;
  }
  return null;
}

/**
 * A line that names only people ("Невена Пешић", "Стефан Милошевић (Бразда)"): a card's or a table
 * row's speaker line, between its title and the clip; null for any other line.
 */
function peopleOnly(line: ClipLine): string[] | null {
  if (line.kind === 'heading' || line.kind === 'quoted' || line.kind === 'end' || line.kind === 'title')
    return null;
  return parsePeople(line.text) ?? parseCaselessPeople(line.text);
}

/**
 * What the matcher answers for the talk a line names: its first reading's answer, unless that is no
 * confident match and another reading of the line, or the line with the people of a speaker line
 * between it and the clip (`people`), is one with agreeing speakers.
 */
function answerOf(
  index: ScheduleIndex,
  line: ClipLine,
  people: readonly string[],
  page: LinePage,
): { query: LineQuery; match: ScheduleMatch; speakerLine: boolean } | null {
  const query = queryOf(line);
  if (!query) return null;
  const ask = (q: LineQuery) => matchTalk(index, { ...q, pageDate: page.pageDate, context: page.context });
  const first = ask(query);
  // A reading's people must agree; a quoted title with no one beside it that reads as a name ("Priya
  // om “T”") is as a heading of the title alone.
  const agreed = (q: LineQuery) => {
    const m = ask(q);
    const evidence = q.speakers.length ? 'agree' : 'unknown';
    return m.kind === 'match' && m.evidence.speakers === evidence ? m : null;
  };
  if (first.kind !== 'match')
    for (const reading of line.kind === 'title' && SEVERAL_TALKS.test(line.text)
      ? []
      : otherReadingsOf(line)) {
      const m = agreed(reading);
      if (m) return { query: reading, match: m, speakerLine: false };
    }
  if (people.length && !query.speakers.length) {
    const reading = { title: query.title, speakers: [...people] };
    const m = agreed(reading);
    if (m) return { query: reading, match: m, speakerLine: true };
  }
  return { query, match: first, speakerLine: false };
}

/**
 * A post title that speaks of several talks ("KubeCon 2024: four talks worth your evening", "From X to
 * Y: my favourite talks", "Day 2 highlights") names none of them.
 */
const SEVERAL_TALKS =
  /(?<!\p{L})(?:talks|sessions|keynotes|presentations|lightning|highlights|favou?rites?|takeaways|recap|round-?up|day\s*\d+|days|vorträge|conférences|charlas|palestras|prezentări|xerrades)(?!\p{L})/iu;

/** Where a quoted title's trailing conference starts ("“T” – Jane Doe at KubeCon 2024"). */
const AT_CONFERENCE = /\s+(?:at|@|la|bei|à|en|na|на|auf|op|a)\s.*$/iu;

/**
 * The talk a post title names: a title quoted with its speakers ("Jane Doe on “T”", "Notes: “T” – Jane
 * Doe at KubeCon 2024"), or the whole title as detection's parser reads it; none when it speaks of
 * several talks.
 */
function postTitleQuery(text: string): { title: string; speakers: string[] } | null {
  if (SEVERAL_TALKS.test(text)) return null;
  const introduced = talksIntroducedIn(text)[0];
  if (introduced?.speakers.length) return introduced;
  const quoted = quotedTitleIn(text);
  if (quoted) {
    const after = text.slice(text.indexOf(quoted) + quoted.length + 1).replace(AT_CONFERENCE, '');
    const parsed = parseTalkTitle(`${quoted}${after}`);
    return { title: quoted, speakers: parsed.title === quoted ? parsed.speakers : [] };
  }
  const parsed = parseTalkTitle(text);
  return parsed.title ? { title: parsed.title, speakers: parsed.speakers } : null;
}

/** The page fits the talk's conference: named by the page, or dated during it; nothing against it. */
function fits(evidence: MatchEvidence): boolean {
  if (evidence.conferenceNamed === 'other') return false;
  if (evidence.date === 'years-after' || evidence.date === 'long-before') return false;
  return evidence.conferenceNamed === 'yes' || evidence.date === 'during';
}

/**
 * `nearer`, a line between `line` and the clip that names no schedule talk, starts a talk of its own
 * rank: a heading of that rank or above, or a line of the same look that could be a title (not a chat
 * message of the same look that opens in lower case or runs long).
 */
function endsReach(nearer: ClipLine, line: ClipLine): boolean {
  if (nearer.kind === 'quoted') return line.kind === 'quoted';
  if (nearer.level > 0) return line.level === 0 || nearer.level <= line.level;
  return nearer.style === line.style && nearer.kind === line.kind && couldBeTitleLine(nearer.text);
}

/**
 * `nearer`, a line between the filing line and the clip that names no schedule talk, reads as another
 * talk's line whatever its look: detection's title parser finds a title with speakers, a "Keynote:"
 * marker, a session code or a programme slot beside it ("Ask Me Anything — Jane Doe", "Room 2: T"). A
 * talk of no schedule starts there; a line naming only people (a speaker line) is read apart.
 */
function talkShaped(nearer: ClipLine): boolean {
  if (nearer.kind === 'quoted' || nearer.kind === 'end' || nearer.kind === 'title') return false;
  if (!couldBeTitleLine(nearer.text) || peopleOnly(nearer)) return false;
  const parsed = parseTalkTitle(nearer.text);
  if (!parsed.title || parsed.title.split(/\s+/u).length < 2) return false;
  return parsed.speakers.length > 0 || !!parsed.marker || !!parsed.code || !!parsed.slot;
}

/**
 * Times run backwards between `line` and the clip (a nearer line is earlier): the page is newest
 * first (a live blog), and the line above is a later entry, not the clip's.
 */
function timeRunsBackwards(passed: readonly ClipLine[], line: ClipLine): boolean {
  const at = timeOf(line);
  return at !== null && passed.some((nearer) => (timeOf(nearer) ?? at) < at);
}

/** Where `lines` (nearest first, as `readClipLines` gives them) file a clip; see the module comment. */
export function fileClipByLines(
  index: ScheduleIndex,
  lines: readonly ClipLine[],
  page: LinePage,
): LineFiling {
  const passed: ClipLine[] = [];
  // The passed lines that name only people, and those people (read once per line).
  const speakerLines: { nearer: ClipLine; people: string[] }[] = [];
  for (const line of lines) {
    if (line.kind === 'end') return NONE;
    const role = line.kind === 'quoted' ? null : lineRole(line.text);
    if (role === 'end') return NONE;
    // A post title that opens like a talk's own part ("Notes: “T” – Jane Doe") still names its talk.
    if (role === 'part' && line.kind !== 'title') continue;
    const answer = answerOf(
      index,
      line,
      speakerLines.flatMap((s) => s.people),
      page,
    );
    if (!answer || answer.match.kind === 'none') {
      passed.push(line);
      const people = peopleOnly(line);
      if (people) speakerLines.push({ nearer: line, people });
      continue;
    }
    const { query, match } = answer;
    // A speaker line that agrees with the talk is the talk's own, not another talk's start.
    const between = answer.speakerLine
      ? passed.filter((nearer) => !speakerLines.some((s) => s.nearer === nearer))
      : passed;
    // The post's title is over its own sub-sections: only a structure line (above) or a line that
    // names another schedule talk (which decides first) ends its reach.
    const title = line.kind === 'title';
    if (
      !title &&
      (line.enclosed ||
        between.some((nearer) => endsReach(nearer, line) || talkShaped(nearer)) ||
        timeRunsBackwards(between, line))
    )
      return NONE;
    if (match.kind === 'match') {
      if (!fits(match.evidence)) return NONE;
      // A title quoted in a sentence files the clip only with the talk's speakers named beside it,
      // and a post title that names speakers only with those.
      if (line.kind === 'quoted' && match.evidence.speakers !== 'agree') return NONE;
      if (title && query.speakers.length > 0 && match.evidence.speakers !== 'agree') return NONE;
      // Another talk of the conference named between (its title, a speaker of it): the line is not
      // surely the clip's, both are offered.
      const others = otherTalksNamed(
        index,
        match.talkId,
        between.filter((nearer) => nearer.kind !== 'quoted' && nearer.kind !== 'title').map((n) => n.text),
      );
      if (others.length) return { kind: 'offer', talkIds: [...others, match.talkId], ...query };
      return { kind: 'match', talkId: match.talkId, ...query };
    }
    const best = match.candidates[0];
    if (line.kind === 'quoted' || passed.length > 0 || !best || !fits(best.evidence)) return NONE;
    return { kind: 'offer', talkIds: match.candidates.map((c) => c.talkId), ...query };
  }
  return NONE;
}
