/**
 * A page that teaches, asks or guides rather than reports talks attended: a call for speakers' FAQ, a
 * how-to about giving talks (its steps or tips as headings), a travel guide. Read by evidence no language
 * or platform owns: titles that are questions, titles that are one numbered label's members, the page's
 * own FAQ/how-to markup (schema.org types, every title a `<details>` summary); and, each time, no
 * talk's marks (no speaker, no person, no time, no recording, no quoted title) beside any of them. Only ever removes talks (`not-a-record.ts` applies it).
 */
import { linksToRecording } from './links';
import { namesAPerson } from './people';
import { QUOTED } from './single-talk';

/** What the veto reads of a detected talk: its title, speakers and notes (title line included). */
export interface ReadTalk {
  title: string;
  speakers: string[];
  heading: Element;
  notes: { text: string; els: Element[] };
}

/** Share of titles that must be questions for the page to ask rather than report. */
const QUESTION_SHARE = 2 / 3;
/** A question: ending in a question mark of any script, or opening with an inverted one. */
const QUESTION = /[?？؟\u037E]\s*$|^\s*¿/u;
/** A numbered label opening a title: "Tip 3:", "Schritt 2 —", "#4.", "Conseil n°1 :". */
const NUMBERED_LABEL = /^\s*(\p{L}*)[\s.#°º]*(\d{1,2})\s*[:：.)\]—–-]/u;
/** The page calls itself an FAQ or a how-to in schema.org terms (JSON-LD or microdata). */
const FAQ_TYPE = /"@type"\s*:\s*(?:\[[^\]]*)?"(?:FAQPage|HowTo|QAPage)"/u;
const FAQ_ITEMTYPE = '[itemtype*="FAQPage"], [itemtype*="HowTo"], [itemtype*="QAPage"]';
/** A time of day in a talk's notes ("10:30", "14h30"): a schedule's mark. */
const TIME_OF_DAY = /(?<![\d:])(?:[01]?\d|2[0-3])[:h][0-5]\d(?!\d)/u;

/** True when `talks` are a page's questions, steps or tips, none bearing a talk's marks. */
export function teachesOrAsks(doc: Document, talks: readonly ReadTalk[]): boolean {
  if (!talks.length || talks.some((t) => bearsTalkMarks(t))) return false;
  if (declaresFaqOrHowTo(doc)) return true;
  if (talks.length < 2) return false;
  // A list of collapsed answers (`<details>`): each title is a question's summary.
  if (talks.every((t) => t.heading.matches('details') || t.heading.closest('summary'))) return true;
  const questions = talks.filter((t) => QUESTION.test(t.title)).length;
  return questions >= talks.length * QUESTION_SHARE || numberedMembers(talks);
}

/**
 * A speaker, a person named under the title, a time of day, a recording, a quoted title. The title's own
 * capitalised words are not read for a person: German nouns ("Die Folien") would read as one.
 */
function bearsTalkMarks({ title, speakers, heading, notes }: ReadTalk): boolean {
  const under = notes.els.map((el) =>
    (el.textContent ?? '').replace(el.contains(heading) ? (heading.textContent ?? '') : '', ''),
  );
  if (speakers.length || under.some(namesAPerson)) return true;
  if (TIME_OF_DAY.test(notes.text) || notes.els.some((el) => linksToRecording(el))) return true;
  // `match` with the global QUOTED leaves its lastIndex at 0; `test` would leave it where it matched,
  // and a later `matchAll` elsewhere would start there.
  return title.match(QUOTED) !== null;
}

/** Every title opens with one label and the numbers 1, 2, 3 … in order: steps or tips, not talks. */
function numberedMembers(talks: readonly ReadTalk[]): boolean {
  if (talks.length < 3) return false;
  const labels = talks.map((t) => NUMBERED_LABEL.exec(t.title));
  const label = labels[0]?.[1]?.toLowerCase();
  return labels.every((m, i) => m && m[1]!.toLowerCase() === label && Number(m[2]) === i + 1) && !!label;
}

function declaresFaqOrHowTo(doc: Document): boolean {
  if (doc.querySelector(FAQ_ITEMTYPE)) return true;
  return [...doc.querySelectorAll('script[type="application/ld+json"]')].some((s) =>
    FAQ_TYPE.test(s.textContent ?? ''),
  );
}
