/**
 * Whether a write-up's context (its page title, site name, headings, URL) names an imported
 * conference: its acronym, or most of its title's distinctive words and its year, or (on a page dated
 * during it) its series and year as writers shorten it ("DevTalks 2024"). The page names a
 * conference as its writer spells it, not as the schedule file does, so a title word is also found
 * written apart or together ("Ha Noi" / "Hanoi"), with one letter changed in a word of five letters or
 * more ("Milano" / "Milan", "Lisboa" / "Lisbon"), as the capitals of a run of title words ("NA" for
 * "North America"), by its sound in another script ("ڈیو فیسٹ لاہور" for DevFest Lahore) or as the
 * page's language calls a place ("한국" for Korea); the year may be written in any script's digits, or
 * be the page's own, when the page is dated during the conference, and then a hashtag ("#PyConIT")
 * names it too.
 *
 * Words two imported conferences share name neither: "KubeCon 2024" fits KubeCon Europe 2024 and
 * KubeCon North America 2024 alike, so a conference counts as named only when the words found are
 * not all another candidate conference's words too.
 */
import { dateFit } from './date-fit';
import { boundedEditDistance } from './edit-distance';
import { foldText, isUnspaced, titleWords, wordGrams } from './normalize';
import type { IndexedConference } from './schedule-index';
import { otherPlaceNames } from './place-names';
import { latinWordKeys, SPELT_SCRIPT, speltWordKeys } from './transliterate';

/**
 * Words conference names share that do not tell one from another (the articles and "of"/"and" of the
 * languages conferences are named in: "Les Jeudis du Dev", "Tag der Entwickler"), and the words of a
 * schedule file's or host's name, which name a conference that names none itself ("jsnation-2024.sessionize",
 * "pretalx.com").
 */
const CONFERENCE_FILLER = new Set(
  `conference conf summit days day annual international edition the of and for on in festival meetup symposium
  workshop sessionize pretalx sched frab pentabarf schedule schedules agenda program programme calendar ical
  ics json xml export all sessions talks www com org net io
  les le la du des de d et der die das den dem und el los las del y het een van en`.split(/\s+/),
);

/** A page's context, read once per query. */
export interface PageContext {
  /** Its words, folded as titles are. */
  words: ReadonlySet<string>;
  /** Two neighbouring words written together ("ha noi" -> "hanoi"): a name the schedule spells as one word. */
  joined: ReadonlySet<string>;
  /** Words of five letters or more, for a name spelt with one letter changed. */
  long: readonly string[];
  /** Words written in capitals, two to five letters, lower-cased ("NA", "WTD"): initials of a name. */
  capitals: ReadonlySet<string>;
  /** The character pairs of its words in unspaced scripts ("北京" in "QCon 北京 2024"). */
  grams: ReadonlySet<string>;
  /**
   * The consonant skeletons of its words in a script spelt in Latin letters (transliterate.ts
   * `speltWordKeys`), and of two neighbouring ones written together: "ڈیو فیسٹ لاہور" is DevFest
   * Lahore, "ডেভফেস্ট ঢাকা" DevFest Dhaka, as a page in Urdu or Bengali names them.
   */
  spelt: ReadonlySet<string>;
  /** Its hashtags, folded, without the "#" ("#PyConIT" -> "pyconit"). */
  tags: readonly string[];
}

/** Decimal digits of every script as ASCII ones ("২০২৪", "٢٠٢٥", "۲۰۲۵" are years too). */
const DIGIT_ZEROS = [
  0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50, 0xed0,
  0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0xff10,
];
function asciiDigits(text: string): string {
  if (!/[^\x20-\x7e]/.test(text)) return text;
  return text.replace(/\p{Nd}/gu, (d) => {
    const code = d.codePointAt(0)!;
    const zero = DIGIT_ZEROS.find((z) => code >= z && code <= z + 9);
    return zero === undefined ? d : String(code - zero);
  });
}

/** `text` read as a page's context (see `PageContext`). */
export function pageContext(text: string): PageContext {
  const list = titleWords(foldText(asciiDigits(text)));
  const joined = new Set<string>();
  for (let i = 0; i + 1 < list.length; i++) joined.add(list[i]! + list[i + 1]!);
  const spelt = new Set<string>();
  for (let i = 0; i < list.length; i++) {
    const word = list[i]!;
    if (!SPELT_SCRIPT.test(word)) continue;
    for (const key of speltWordKeys(word)) spelt.add(key);
    const next = list[i + 1];
    if (next && SPELT_SCRIPT.test(next)) for (const key of speltWordKeys(word + next)) spelt.add(key);
  }
  const capitals = new Set<string>();
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])\p{Lu}{2,5}(?![\p{L}\p{N}])/gu))
    capitals.add(m[0].toLowerCase());
  return {
    words: new Set(list),
    grams: new Set(list.filter(isUnspaced).flatMap(wordGrams)),
    joined,
    long: list.filter((w) => w.length >= 5 && /^\p{L}+$/u.test(w)),
    capitals,
    spelt,
    tags: [...text.matchAll(/(?<![\p{L}\p{N}&])#([\p{L}\p{N}_]{3,40})/gu)].map((m) => foldText(m[1]!)),
  };
}

const isYear = (w: string) => /^\d{4}$/.test(w);

/**
 * Whether the context holds `word` as written, written apart, or with one letter changed (five letters
 * or more), spelt in another script (its consonant skeleton: "لاہور" for Lahore), or as the place it
 * names is called in another language (place-names.ts: "한국" for Korea); a word of an unspaced
 * script as at least half of its character pairs ("北京站", "Beijing venue", in a page that says "北京").
 */
function holds(ctx: PageContext, word: string): boolean {
  if (ctx.words.has(word) || ctx.joined.has(word)) return true;
  if (ctx.spelt.size && /^[a-z]+$/.test(word) && latinWordKeys(word).some((k) => ctx.spelt.has(k)))
    return true;
  if (holdsPlace(ctx, word)) return true;
  if (isUnspaced(word)) {
    const grams = wordGrams(word);
    return grams.length > 1 && 2 * grams.filter((g) => ctx.grams.has(g)).length >= grams.length;
  }
  if (word.length < 5 || !/^\p{L}+$/u.test(word)) return false;
  return ctx.long.some((w) => boundedEditDistance(word, w, 1) <= 1);
}

/**
 * Whether the context names the place `name` (title words written together: "hongkong") names, as
 * another language calls it ("한국" for Korea, "München" for Munich, "香港" for Hong Kong).
 */
function holdsPlace(ctx: PageContext, name: string): boolean {
  for (const other of otherPlaceNames(name)) {
    if (ctx.words.has(other) || ctx.joined.has(other)) return true;
    const grams = isUnspaced(other) ? wordGrams(other) : [];
    if (grams.length && grams.every((g) => ctx.grams.has(g))) return true;
  }
  return false;
}

/** The indexes of title words the context gives by their initials in capitals ("NA": north, america). */
function initialled(ctx: PageContext, words: readonly string[]): Set<number> {
  const out = new Set<number>();
  if (!ctx.capitals.size) return out;
  for (let i = 0; i < words.length; i++) {
    let initials = '';
    for (let j = i; j < words.length && j - i < 5 && /^\p{L}/u.test(words[j]!); j++) {
      initials += words[j]![0];
      if (j > i && ctx.capitals.has(initials)) for (let k = i; k <= j; k++) out.add(k);
    }
  }
  return out;
}

/**
 * The distinctive words of `conf`'s title (its year included) the context gives, when they are enough
 * to name it: every year (or the page dated during the conference) and two thirds of the other words.
 * Null when they are not.
 */
function namingWords(ctx: PageContext, conf: IndexedConference, pageDay: number | null): Set<string> | null {
  const words = conf.titleWords;
  const byInitials = initialled(ctx, words);
  const found = new Set<string>();
  let rest = 0;
  let restFound = 0;
  // Written together on the page, apart in the title ("JavaLand" / "Java Land").
  const pairs = new Set<number>();
  for (let i = 0; i + 1 < words.length; i++)
    if (ctx.words.has(words[i]! + words[i + 1]!) || holdsPlace(ctx, words[i]! + words[i + 1]!))
      pairs.add(i).add(i + 1);
  const during = dateFit(pageDay, conf.firstDay, conf.lastDay) === 'during';
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (CONFERENCE_FILLER.has(word)) continue;
    if (isYear(word)) {
      if (!ctx.words.has(word) && !during) return null;
      found.add(word);
      continue;
    }
    rest++;
    if (byInitials.has(i) || pairs.has(i) || holds(ctx, word)) {
      restFound++;
      found.add(word);
    }
  }
  if (restFound >= 1 && restFound * 3 >= rest * 2) return found;
  return during ? (seriesAndYear(ctx, words) ?? hashtagged(ctx, words)) : null;
}

/**
 * "DevTalks 2024" for DevTalks Romania 2024, "TDC 2025" for TDC São Paulo 2025: a writer names the
 * conference they are at by its series and year, leaving out where it is. Read only as written so:
 * the title's first word (three letters or more) right before a year of the title, on a page dated
 * during the conference (the caller checks). The words found; null when the page does not write them.
 */
function seriesAndYear(ctx: PageContext, words: readonly string[]): Set<string> | null {
  const series = words.find((w) => !CONFERENCE_FILLER.has(w));
  if (!series || isYear(series) || series.length < 3) return null;
  const year = words.find((w) => isYear(w) && ctx.joined.has(series + w));
  return year ? new Set([series, year]) : null;
}

/**
 * "#PyConIT" for PyCon Italia, "#KubeConEU" for KubeCon Europe: a conference's hashtag, as a thread
 * written there names it. A tag names the conference when it is its distinctive title words in their
 * order, the first whole (three letters or more) and each other one whole or by its first two letters
 * or more, every one of them, with nothing left over but the year ("#PyConIT2024" with the title's year);
 * on a page dated during the conference (the caller checks). The words found; null when no tag fits.
 */
function hashtagged(ctx: PageContext, words: readonly string[]): Set<string> | null {
  const parts = words.filter((w) => !CONFERENCE_FILLER.has(w) && !isYear(w));
  const years = words.filter(isYear);
  if (parts.length < 2 || parts[0]!.length < 3) return null;
  for (const tag of ctx.tags) {
    const year = years.find((y) => tag.endsWith(y) || tag.endsWith(y.slice(2)));
    const body = year ? tag.slice(0, tag.length - (tag.endsWith(year) ? 4 : 2)) : tag;
    if (/\d/.test(body) || !body.startsWith(parts[0]!)) continue;
    let rest = body.slice(parts[0]!.length);
    let all = true;
    for (const part of parts.slice(1)) {
      let n = Math.min(part.length, rest.length);
      while (n >= 2 && rest.slice(0, n) !== part.slice(0, n)) n--;
      // The longest start of the word the tag holds here (two letters at least).
      if (n < 2) {
        all = false;
        break;
      }
      rest = rest.slice(n);
    }
    if (all && !rest) return new Set(year ? [...parts, year] : parts);
  }
  return null;
}

/**
 * The conferences among `conferences` (a query's candidates') that the context names (see the module
 * comment), for a page dated `pageDay`.
 */
export function namedConferences(
  ctx: PageContext,
  conferences: readonly IndexedConference[],
  pageDay: number | null,
): Set<IndexedConference> {
  const named = new Set<IndexedConference>();
  const byTitle = new Map<IndexedConference, Set<string>>();
  for (const conf of conferences) {
    const acronym = conf.acronymWords;
    if (acronym.length && acronym.join('').length >= 3 && acronym.every((w) => ctx.words.has(w))) {
      named.add(conf);
      continue;
    }
    const found = namingWords(ctx, conf, pageDay);
    if (found) byTitle.set(conf, found);
  }
  for (const [conf, found] of byTitle) {
    // Words that fit another candidate conference as well name neither.
    const shared = conferences.some((other) => {
      if (other === conf) return false;
      const theirs = new Set(other.titleWords);
      return [...found].every((w) => theirs.has(w));
    });
    if (!shared) named.add(conf);
  }
  return named;
}
