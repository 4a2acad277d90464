/**
 * Catalogue or write-up: a page that lists talks with a link to each one's recording or page and a
 * short abstract under it (an organiser's "All recordings" page, a programme) has titles, speakers and
 * notes like a write-up, and in the present tense, so the future-tense rule (tense.ts) does not catch
 * it. What a write-up has and a catalogue lacks is a writer: someone who was there ("I", "we", "our
 * team") or tells what happened ("she showed", "was asked"). A catalogue's blurbs are short, impersonal
 * and unreported, and nearly every talk links to its recording or page.
 */

/** Talks at least: two could be a write-up's pair of short mentions. */
const MIN_TALKS = 3;
/** A blurb is this short at most; a write-up's notes on a talk run longer. */
const MAX_BLURB = 600;
/** Share of talks that link to their recording, slides or page. */
const LINKED_SHARE = 2 / 3;
/** Share of blurbs that may read as told (a speaker's "we" in an abstract, a participle read as past). */
const TOLD_SHARE = 1 / 5;

/**
 * The writer in the first person, in the languages detection reads. Each a whole word; "I" only in
 * upper case (the Roman numeral aside, it is the pronoun).
 */
const FIRST_PERSON_UPPER = /(?<!\p{L})I(?:['’](?:m|ve|d|ll))?(?!\p{L})/u;
const FIRST_PERSON = new RegExp(
  String.raw`(?<!\p{L})(?:` +
    [
      "me|my|we|we['’](?:re|ve|d|ll)|us|our|ours|myself|ourselves",
      'ich|wir|mir|mich|mein\\p{L}*|uns|unser\\p{L}*',
      "je|j['’]|nous|moi|mon|mes|notre|nos",
      'yo|nosotr[oa]s|nuestr[oa]s?|mis?',
      'eu|nós|meus?|minhas?|noss[oa]s?',
      'io|noi|nostr[oaie]',
      'ik|wij|mijn|onze?',
      'jag|vi|mig|vår\\p{L}*|jeg|meg|vores',
      'minä|mä|meidän|me',
      'я|мы|мне|меня|мой|моя|наш\\p{L}*|ми|мені|ja|mnie|nasz\\p{L}*|já|náš\\p{L}*',
      // Serbian, Croatian, Bosnian: "us", "our", and the auxiliary of the first person ("нисмо ушли").
      'ја|нас|нама?|смо|нисмо|сам|нисам|naš\\p{L}*|nas|nama|smo|nismo',
      'ben|biz|benim|bizim|saya|kami|kita|tôi|chúng tôi',
      'εγώ|εμείς|μας|אני|אנחנו|أنا|نحن|मैं|हम|मेरा|मेरी|हमारे|हमने',
    ].join('|') +
    String.raw`)(?!\p{L})|私|僕|筆者|自分|我|저는|제가|우리`,
  'iu',
);
/** Reports of what happened at a talk: past-tense telling, questions from the room. */
const REPORTED = new RegExp(
  String.raw`(?<!\p{L})(?:` +
    [
      // Simple past forms that are no participle ("explained one by one" is a blurb's as well).
      'was|were|did|showed|talked|demoed|argued|gave|spoke|joked|began|went|took',
      'audience|q&a|the room',
      'zeigte|erzählte|erklärte|sprach|hatte|war|waren',
      'a montré|a présenté|a expliqué|était|a parlé',
      'mostró|explicó|habló|presentó|contó|fue',
      'mostrou|explicou|falou|apresentou|foi',
      // A past tense of the auxiliary and a participle ("је причала", "су описали", "je pokazao").
      '(?:је|су)\\s+\\p{L}+(?:о|ла|ли|ле)|je\\s+\\p{L}+(?:ao|la)|su\\s+\\p{L}+li',
    ].join('|') +
    String.raw`)(?!\p{L})`,
  'iu',
);

/** One talk as a catalogue would list it: its notes, and whether it links to its recording or page. */
export interface ListedTalk {
  notes: string;
  linked: boolean;
}

/** True when `notes` have a writer: the first person, or a report of what happened. */
export function hasWriter(notes: string): boolean {
  return FIRST_PERSON_UPPER.test(notes) || FIRST_PERSON.test(notes) || REPORTED.test(notes);
}

/**
 * The talks of a page are a catalogue's entries rather than a write-up's: three at least, each with a
 * short blurb, nearly all of them told by no writer, and most of them linked to their recording or page.
 */
export function listsRatherThanReports(talks: readonly ListedTalk[]): boolean {
  if (talks.length < MIN_TALKS) return false;
  if (talks.every((t) => isRating(t.notes))) return true;
  if (talks.some((t) => t.notes.length > MAX_BLURB)) return false;
  if (talks.filter((t) => hasWriter(t.notes)).length > talks.length * TOLD_SHARE) return false;
  return talks.filter((t) => t.linked).length >= talks.length * LINKED_SHARE;
}

/**
 * Notes that are a rating, not a report: a short text holding a score on a scale ("4,8 / 5", "4.5 out
 * of 5", "9,1/10", "★★★★☆"), an attendee's quote beside it at most. A survey's or a ranking's session
 * cards read like a write-up's talks; their notes are the score. A score has a decimal or stars, so a
 * thread's "2/5" numbering is none.
 */
export function isRating(notes: string): boolean {
  return notes.length <= MAX_RATING_NOTES && SCORE.test(notes);
}
const MAX_RATING_NOTES = 400;
const SCORE =
  /(?<![\d.,])\d[.,]\d\s*(?:\/|(?:out of|of|von|sur|de|din|su|из|z|na)\s)\s*(?:5|10)(?![\d.,]\d)|[★⭐]{3,}/u;
