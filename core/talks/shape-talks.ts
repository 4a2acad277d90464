/**
 * Talks from the page's repeated block shapes (`shapes.ts`), where no rule names a talk. Each group of
 * blocks of one shape (or two heading ranks of one shape merged: mixed-rank pages; or of one place, the
 * first line of a repeated block or the line after one) is scored on evidence that needs no platform
 * and no language:
 *  - its members read as titles (most of the shape's lines are title-shaped),
 *  - each member is followed by notes, and the notes are of like length (a template's rhythm),
 *  - people are named in the member's line or on the line under it (`people.ts`, `title-parse.ts`),
 *  - a marker, a session code, a time or place of the programme, a quoted title, or a recording link,
 *  - the members' sections make up most of the post.
 * What the other modules know is no talk vetoes a group rather than scoring it: structure words
 * (`vocabulary.ts`: days, breaks, conclusions), a programme in the future tense (`tense.ts`), a
 * catalogue (`catalogue.ts`). Off pages about an event, people must be named for most members.
 */
import { caselessSpeakersBeside, isCaselessTitle } from './caseless-lines';
import { listsRatherThanReports } from './catalogue';
import { clean, HEADINGS, precedes } from './dom';
import { RECORDING_LINK } from './links';
import { inDocumentOrder, lineUnits } from './line-units';
import { isPersonName, parsePeople } from './people';
import { findSpeakers } from './speakers';
import { isTitleShaped } from './prose';
import { INLINE, type ShapeLine, shapeLines } from './shapes';
import { QUOTED } from './single-talk';
import { speakerLine } from './speaker-phrases';
import type { TalkForm } from './talk-forms';
import { announcesRatherThanReports } from './tense';
import { nameRecurs, parseTalkTitle } from './title-parse';

/** A talk opened by a member of the winning shape: its line, title, speakers and where it ends. */
export interface ShapeTalk {
  heading: Element;
  title: string;
  speakers: string[];
  /** The first element after the talk: the next member, a structure line, a heading above it, or null. */
  end: Element | null;
  form: TalkForm;
}

/**
 * A group's score is the sum of five shares (each 0-1), people counting three times: at most 7. A group
 * naming no one scores 4 at most (film reviews, a digest of articles, each with a video or a link), so
 * people must be named for some members. Chosen on pages 1-155 and the web pages, read as if no rule
 * found anything: at 4.0 a film-review page (4.05) got talks, at 4.5 no web page and no negative did.
 */
const THRESHOLD = 4.5;
/** Scores this close are a tie. */
const TIE = 0.01;
/** Fewer members are no repetition; more are an index or a feed. */
/** `QUOTED` without its global flag: a `test` that keeps no `lastIndex`. */
const QUOTED_ONCE = new RegExp(QUOTED.source, 'u');
const MIN_MEMBERS = 2;
const MAX_MEMBERS = 30;
/** Share of a shape's lines that must be title-shaped for the shape to be titles (prose shapes are not). */
const MIN_TITLE_SHARE = 0.6;
/**
 * Lines of one group read at most: more than this many can hold no more than `MAX_MEMBERS` titles that
 * are `MIN_TITLE_SHARE` of the shape; a longer group is an index or a feed, and is not read (a page of
 * thousands of like items would otherwise cost seconds).
 */
const MAX_GROUP = Math.ceil((2 * MAX_MEMBERS) / MIN_TITLE_SHARE);
/** Non-space characters of notes under a member for it to count as followed by notes. */
const MIN_NOTES = 60;
/** Notes of like length: within this factor of the group's median. */
const LIKE_LENGTH = 4;
/** People weigh most: film reviews, a news digest, a changelog repeat every other shape of a write-up. */
const PEOPLE_WEIGHT = 3;
/** Off event pages, the share of members naming people a group needs. */
const PEOPLE_OFF_EVENT = 0.5;

interface Member {
  line: ShapeLine;
  title: string;
  speakers: string[];
  /** The speakers are named by the line or the line under it, not only in the notes' prose. */
  byLine: boolean;
  end: Element | null;
  notes: string;
  /** A marker, a code, a programme slot, a quoted title, or a recording link in its section. */
  evidence: boolean;
}

interface Options {
  /** The page is about an event (conference words in its title, headings or opening). */
  eventPage: boolean;
  /** The post's own title element, never a talk of its body. */
  postTitle: Element | null;
  /** Lines the reader marked "Not a talk" on this site. */
  ruledOut: (line: string) => boolean;
}

/** The talks the best-scoring group of repeated block shapes of `post` opens, or none. */
export function talksFromShapes(post: Element, options: Options): ShapeTalk[] {
  const blocks = shapeLines(post);
  const units = lineUnits(post, blocks);
  const all = units.length ? inDocumentOrder([...blocks, ...units], post) : blocks;
  const lines = all.filter(
    (l) => l.el !== options.postTitle && !(options.postTitle && l.el.contains(options.postTitle)),
  );
  if (lines.length < MIN_MEMBERS) return [];
  const text = new TextOffsets(post);
  const title = clean(options.postTitle?.textContent ?? post.ownerDocument.title);
  const eventPage = options.eventPage || DATED_EVENT.test(title);
  let best: { score: number; members: Member[] } | null = null;
  for (const group of shapeGroups(lines)) {
    if (group.length > MAX_GROUP) continue;
    const scored = scoreGroup(group, lines, post, text, { ...options, eventPage });
    // On a tie, the group with more members: the talk a rank off, or in another element, is one of them.
    const better =
      scored &&
      (!best ||
        scored.score > best.score + TIE ||
        (scored.score > best.score - TIE && scored.members.length > best.members.length));
    if (better) best = scored;
  }
  if (!best || best.score < THRESHOLD) return [];
  return best.members.map((m) => ({
    heading: m.line.el,
    title: m.title,
    speakers: m.speakers,
    end: m.end,
    form: formOf(m.line.el),
  }));
}

/**
 * The groups of lines of one shape, of one place (in two shapes at least), and of one shape but two
 * heading ranks (mixed-rank pages).
 */
function shapeGroups(lines: ShapeLine[]): ShapeLine[][] {
  const byKey = new Map<string, ShapeLine[]>();
  for (const l of lines) pushTo(byKey, l.key, l);
  const groups = [...byKey.values()];
  const out = [...groups];
  // Lines by the place they stand in, whatever their own shape (two shapes at least: else it is one above).
  const byPlace = new Map<string, ShapeLine[]>();
  for (const l of lines) for (const p of l.places) pushTo(byPlace, p, l);
  for (const group of byPlace.values()) if (new Set(group.map((l) => l.key)).size > 1) out.push(group);
  const byRankFree = new Map<string, ShapeLine[][]>();
  for (const g of groups) if (g[0]!.level < 7) pushTo(byRankFree, g[0]!.rankFree, g);
  for (const ranks of byRankFree.values())
    for (let i = 0; i < ranks.length; i++)
      for (let j = i + 1; j < ranks.length; j++) out.push(inOrder([...ranks[i]!, ...ranks[j]!]));
  // Runs of one shape, whether they open their line or sit inside it (`line-units.ts`): one group too.
  const runs = new Map<string, ShapeLine[][]>();
  for (const g of groups)
    if (g[0]!.level === 7 && g[0]!.rankFree !== g[0]!.key) pushTo(runs, g[0]!.rankFree, g);
  for (const places of runs.values()) {
    const merged = new Set(places.flat());
    if (places.length > 1 && merged.size <= MAX_GROUP) out.push(lines.filter((l) => merged.has(l)));
  }
  return out;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function inOrder(lines: ShapeLine[]): ShapeLine[] {
  return lines.sort((a, b) => (a.el.compareDocumentPosition(b.el) & 4 ? -1 : 1));
}

/** A group's score and its members, or null when a veto holds or the group is no repetition of titles. */
function scoreGroup(
  group: ShapeLine[],
  lines: ShapeLine[],
  post: Element,
  text: TextOffsets,
  { eventPage, ruledOut }: Options,
): { score: number; members: Member[] } | null {
  // A shape nested in itself (a list item inside a list item) is an outline, not a template's repetition.
  if (group.some((l) => group.some((o) => o !== l && o.el.contains(l.el)))) return null;
  const roles = group.filter((l) => l.role !== null);
  // A shape whose lines are mostly days, breaks or a write-up's parts groups or divides talks.
  if (roles.length * 2 > group.length) return null;
  const open = group.filter((l) => !roles.includes(l) && !ruledOut(l.line) && !underUpcoming(l, lines));
  // A one-word line of the shape is a label ("Lunch", "Fazit"), neither a title nor prose.
  const labels = open.filter((l) => isLabel(clean(l.el.textContent)));
  const titled = open.filter((l) => !labels.includes(l) && isTitleLine(l.line));
  if (titled.length < MIN_MEMBERS || titled.length > MAX_MEMBERS) return null;
  if (titled.length < (open.length - labels.length) * MIN_TITLE_SHARE) return null;

  // Each member owns the text up to the next line of its shape, a structure line, or the end of its run.
  const places = new Set(titled.flatMap((l) => l.places));
  // The shape's structure lines and labels end the talk above them, as other structure lines do.
  const boundaries = lines.filter(
    (l) =>
      endsTalks(l, group, places) ||
      labels.includes(l) ||
      (group.includes(l) && !!l.role && l.role !== 'part'),
  );
  const runEnd = endOfRun(titled, post);
  const members = titled.map((l, i): Member => {
    const next = i + 1 < titled.length ? titled[i + 1]!.el : runEnd;
    const end = boundaries.find((b) => precedes(l.el, b.el) && (!next || precedes(b.el, next)))?.el ?? next;
    // A line read inside its block (`line-units.ts`) may end in the notes' first line: not said again.
    const notes = withoutTail(text.between(l.el, end), l.line);
    const parsed = parseTalkTitle(l.line);
    const prefixNamed = parsed.prefixPeople.length && parsed.prefixPeople.some((p) => nameRecurs(p, notes));
    // Names in a script without letter case beside the title, which the notes name again.
    const caseless = parsed.speakers.length || prefixNamed ? null : caselessSpeakersBeside(l.line, notes);
    const speakers = parsed.speakers.length
      ? parsed.speakers
      : prefixNamed
        ? parsed.prefixPeople
        : caseless
          ? caseless.speakers
          : peopleUnder(l, lines, end).length
            ? peopleUnder(l, lines, end)
            : peopleBefore(l, lines, group, notes);
    // Else the people the opening of its notes names as the speakers, as for the rules' talks.
    const found = speakers.length ? speakers : findSpeakers(parsed.title, notes).filter(isPersonName);
    const title =
      prefixNamed && parsed.titleAfterPrefix
        ? parsed.titleAfterPrefix
        : caseless
          ? parseTalkTitle(caseless.title).title
          : parsed.title;
    const evidence =
      !!(parsed.marker || parsed.code || parsed.slot || parsed.time) ||
      QUOTED_ONCE.test(l.line) ||
      text.linksBetween(l.el, end).some((href) => RECORDING_LINK.test(href));
    return { line: l, title, speakers: found, byLine: speakers.length > 0, end, notes, evidence };
  });
  const leads = members.map((m) => m.notes.slice(0, 700));
  if (announcesRatherThanReports(leads)) return null;
  if (
    members.length >= 3 &&
    listsRatherThanReports(members.map((m) => ({ notes: m.notes, linked: m.evidence })))
  )
    return null;

  const share = (f: (m: Member) => boolean) => members.filter(f).length / members.length;
  const lengths = members.map((m) => nonSpace(m.notes)).sort((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)]!;
  // One person named for every member is the writer (a byline), not the speakers.
  const named = new Set(members.map((m) => m.speakers.join(', ')));
  const byline = members.length >= 2 && named.size === 1 && !named.has('');
  // Off pages about an event, the people a review or a news story names in its prose (a film's director,
  // an article's subject) are no speakers: only the line and the line under it name them.
  const people = byline ? 0 : share((m) => m.speakers.length > 0 && (eventPage || m.byLine));
  if (!eventPage && people < PEOPLE_OFF_EVENT) return null;
  const score =
    share((m) => nonSpace(m.notes) >= MIN_NOTES) +
    share((m) => median >= MIN_NOTES && likeLength(nonSpace(m.notes), median)) +
    PEOPLE_WEIGHT * people +
    share((m) => m.evidence) +
    Math.min(
      1,
      members.reduce((sum, m) => sum + nonSpace(m.line.line + m.notes), 0) / Math.max(1, text.total),
    );
  return { score, members };
}

/**
 * `notes` without what opens them that is the end of `line` from a separator on ("T — Jane Doe" read
 * inside a block: its notes open with "— Jane Doe").
 */
function withoutTail(notes: string, line: string): string {
  for (const m of line.matchAll(/[—–|:：(（-]/gu)) {
    const tail = line.slice(m.index);
    if (notes.startsWith(tail)) return notes.slice(tail.length).trimStart();
  }
  return notes;
}

/** One word (with marks around it at most): a label, not a title. */
const isLabel = (line: string) =>
  line
    .replace(/[^\p{L}\p{N}\s'’-]/gu, '')
    .trim()
    .split(/\s+/).length === 1;

/** A title: title-shaped, or a short line of words with no sentence's end. */
function isTitleLine(line: string): boolean {
  const parsed = parseTalkTitle(line);
  const title = parsed.titleAfterPrefix ?? parsed.title;
  if (!title || /^[\d\s\p{P}\p{S}]*$/u.test(title)) return false;
  // Mostly a date, a number or a list of links is no title ("Tuesday 15 October 2019", "Posted … at 09:11").
  const letters = (title.match(/\p{L}/gu) ?? []).length;
  if (letters < title.replace(/\s/g, '').length / 2) return false;
  const numbers = line.match(/\d+/g)?.length ?? 0;
  if (numbers >= 2 && numbers * 3 >= line.split(/\s+/).length) return false;
  // A line naming only people is a speaker's line or a list of names, not a title.
  if (parsePeople(title)) return false;
  return (
    isTitleShaped(title) || isTitleShaped(title[0]!.toUpperCase() + title.slice(1)) || isCaselessTitle(title)
  );
}

/**
 * A line that ends the talk above it: a structure line (not a talk's part), a heading of higher rank, or
 * a line after the block the members come after (a photo and caption before each section).
 */
function endsTalks(l: ShapeLine, group: ShapeLine[], places: Set<string>): boolean {
  if (group.includes(l)) return false;
  // A line in a place the members stand in (after the same repeated block) opens the next section.
  if (l.places.some((p) => p.startsWith('after ') && places.has(p))) return true;
  if (l.role && l.role !== 'part') return true;
  const top = Math.min(...group.map((g) => g.level));
  return l.level < 7 && l.level <= top;
}

/**
 * Under a line announcing what is still to come or what the writers plan to see ("Coming up", "Sessions
 * we want to see"), up to the next line of its rank or higher: talks not given, as the rules read them.
 */
function underUpcoming(l: ShapeLine, lines: ShapeLine[]): boolean {
  let upcoming: ShapeLine | null = null;
  for (const o of lines) {
    if (o === l) return upcoming !== null;
    if (upcoming && o.level <= upcoming.level) upcoming = null;
    if (o.role === 'upcoming') upcoming = o;
  }
  return false;
}

/** Where the last member's talk ends: after the smallest block holding every member, unless that is the post. */
function endOfRun(members: ShapeLine[], post: Element): Element | null {
  let holder = members[0]!.el.parentElement;
  while (holder && holder !== post && !members.every((m) => holder!.contains(m.el)))
    holder = holder.parentElement;
  if (!holder || holder === post) return null;
  for (let node: Element | null = holder; node && node !== post; node = node.parentElement)
    if (node.nextElementSibling) return node.nextElementSibling;
  return null;
}

/** People on the line right under a member ("Jane Doe, Acme", "Speaker: Jane Doe"), before its end. */
function peopleUnder(l: ShapeLine, lines: ShapeLine[], end: Element | null): string[] {
  const next = lines.find((o) => precedes(l.el, o.el) && !l.el.contains(o.el));
  if (!next || (end && !precedes(next.el, end))) return [];
  // A name beside a date is a byline: the writer's, not a speaker's ("By Jane Doe<br>March 25, 2015").
  if (YEAR.test(clean(next.el.textContent).slice(0, 160))) return [];
  const labelled = speakerLine(next.line);
  if (labelled.length) return labelled;
  return (next.line.length <= 80 && parsePeople(next.line.replace(/\s*[,|·—–-]\s*[^,]*$/u, ''))) || [];
}

/**
 * People opening the line right before a member, when its notes name them again: a caption over each
 * talk ("Jane Doe on stage", in any language: the capitalised names that open it).
 */
function peopleBefore(l: ShapeLine, lines: ShapeLine[], group: ShapeLine[], notes: string): string[] {
  const i = lines.indexOf(l);
  const before = i > 0 ? lines[i - 1]! : null;
  if (!before || group.includes(before) || before.line.length > 80) return [];
  const people = leadingNames(before.line);
  return people.length && people.every((p) => notes.includes(p.split(/\s+/)[0]!)) ? people : [];
}

/**
 * The names a caption opens with: runs of capitalised words, joined by "&" or a short lower-case word
 * (a conjunction in any language: "and", "und", "og", "və"); none when a run is one word or no person.
 */
function leadingNames(line: string): string[] {
  const people: string[] = [];
  let run: string[] = [];
  const flush = () => {
    const named = run.length >= 2 ? parsePeople(run.join(' ')) : null;
    run = [];
    if (!named) return false;
    people.push(...named);
    return true;
  };
  for (const word of line.split(/\s+/)) {
    const bare = word.replace(/[,.;:]+$/u, '');
    if (/^\p{Lu}/u.test(bare)) {
      run.push(bare);
      if (bare !== word) break;
    } else if (run.length && (bare === '&' || /^\p{Ll}{1,3}$/u.test(bare))) {
      if (!flush()) return [];
    } else break;
  }
  // A lower-case word not followed by a name ends the names: "Jane Doe on stage" names Jane Doe.
  if (run.length) flush();
  return people;
}

function formOf(el: Element): TalkForm {
  if (el.matches(HEADINGS)) return el.tagName.toLowerCase() as TalkForm;
  if (el.tagName === 'LI') return 'item';
  if (el.tagName === 'DT') return 'term';
  if (el.tagName === 'TD' || el.tagName === 'TH') return 'row';
  if (el.tagName === 'SUMMARY') return 'toggle';
  return 'block';
}

/**
 * A post titled by a name and its year ("Nordconf 2026", "DevFest Riga 2025: notes"), in any language
 * with capitals: an event's edition, as conference words in the languages detection reads say.
 */
const DATED_EVENT = /(?:^|\s)\p{Lu}[\p{L}\p{N}.-]+(?:\s\p{Lu}[\p{L}.-]+)?\s(?:19|20)\d{2}(?![\d.,]\d)/u;
const YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/;
const nonSpace = (s: string) => s.replace(/\s/g, '').length;
const likeLength = (n: number, median: number) => n * LIKE_LENGTH >= median && n <= median * LIKE_LENGTH;

/** The post's text, walked once: the text between two elements and the links there, by offsets. */
class TextOffsets {
  private readonly nodes: { node: Node; start: number; text: string }[] = [];
  private readonly links: { a: Element; at: number }[] = [];
  readonly total: number;

  constructor(post: Element) {
    const walker = post.ownerDocument.createTreeWalker(post, 1 | 4 /* elements and text */);
    let offset = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === 1) {
        const el = node as Element;
        if (el.tagName === 'A' && el.hasAttribute('href')) this.links.push({ a: el, at: offset });
        // Blocks stay on lines of their own, as the speakers' reader expects.
        if (!INLINE.test(el.tagName)) {
          this.nodes.push({ node: el, start: offset, text: '\n' });
          offset += 1;
        }
        continue;
      }
      const parent = node.parentElement;
      if (parent && /^(?:SCRIPT|STYLE|TEMPLATE|NOSCRIPT)$/.test(parent.tagName)) continue;
      const t = node.textContent ?? '';
      this.nodes.push({ node, start: offset, text: t });
      offset += t.length;
    }
    this.total = nonSpace(clean(post.textContent));
  }

  /** The offset where `el`'s text ends (after), or begins (before). */
  private offset(el: Element | null, after: boolean): number {
    if (!el) return Infinity;
    let lo = 0;
    let hi = this.nodes.length;
    // The first text node that is not before `el` (inside it, when `after` is false; after it, when true).
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const n = this.nodes[mid]!.node;
      const pos = el.compareDocumentPosition(n);
      const beforeEl = (pos & 2) !== 0; // preceding it, or an ancestor's own mark
      const insideEl = n === el || (pos & 16) !== 0;
      if (beforeEl || (after && insideEl)) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.nodes.length ? this.nodes[lo]!.start : this.nodes.length ? Infinity : 0;
  }

  /** The text after `from` and before `to` (null: the end of the post). */
  between(from: Element, to: Element | null): string {
    const start = this.offset(from, true);
    const end = this.offset(to, false);
    let out = '';
    for (const n of this.nodes) {
      if (n.start + n.text.length <= start) continue;
      if (n.start >= end) break;
      out += n.text;
    }
    return out
      .replace(/[^\S\n]+/g, ' ')
      .replace(/ ?\n[\s]*/g, '\n')
      .trim();
  }

  /** The hrefs of the links between `from` (its own included) and `to`. */
  linksBetween(from: Element, to: Element | null): string[] {
    const start = this.offset(from, false);
    const end = this.offset(to, false);
    return this.links.filter((l) => l.at >= start && l.at < end).map((l) => l.a.getAttribute('href') ?? '');
  }
}
