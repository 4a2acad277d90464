/**
 * A talk named only by a link inside a sentence: "صبح کا پہلا سیشن <a href=…/recording>T</a> تھا، جو …
 * نے دیا", "Then Jane walked us through <a href=…/slides>T</a>, with a live demo." Notes written for a
 * team name each talk so, in any language, with no heading, bold or list: the link's text is the
 * talk's title when it is shaped like one and the link goes to the talk's recording or slides.
 */
import { blocksAfter, clean, HEADINGS, textUpTo, visibleText } from './dom';
import { RECORDING_LINK } from './links';
import { caselessName } from './people';
import { isTitleShaped } from './prose';

/** Text around the link, at least: a link that is its paragraph's whole text is a line, not a sentence's. */
const MIN_SENTENCE = 20;

/** The title a paragraph names by a link to the talk's recording or slides, inside its text; or null. */
export function linkedTitleIn(el: Element): string | null {
  const text = clean(el.textContent);
  for (const a of el.querySelectorAll('a[href]')) {
    if (!RECORDING_LINK.test(a.getAttribute('href') ?? '')) continue;
    const title = visibleText(a);
    if (title && isTitleShaped(title) && text.length >= title.length + MIN_SENTENCE) return title;
  }
  return null;
}

/**
 * The people the sentence around a linked title names, in a script without letter case ("… <a>T</a> تھا،
 * جو عائشہ ملک نے دیا"), where no capitals tell a name from a phrase: a word of the sentence that opens a
 * sentence of the talk's `notes` ("عائشہ کا آخری مشورہ …") and that the rest of the page (`pageText`
 * beyond the paragraph and the notes) uses once at most, with the words after it that neither the notes
 * nor the rest of the page use (the family name, not "نے" or "and"): writers name a speaker in full once,
 * then by the first name as the subject of what she did. Function words and topics recur across a page.
 */
export function speakersNamedAgain(el: Element, title: string, notes: string, pageText: string): string[] {
  const paragraph = clean(el.textContent);
  // The notes name the speaker again as the subject of their sentences ("حمزہ نے …", "अनन्या ने …").
  const noted = new Set(
    notes
      .split(/[.۔؟!?।\n]+/u)
      .map((sentence) => caselessWords(sentence)[0])
      .filter(Boolean),
  );
  const local = counts(`${paragraph}\n${notes}`);
  const page = counts(pageText);
  // Function words and topics recur across a page; a speaker is named in the notes on the talk, and
  // elsewhere once at most (a reader's later question). A family name is named nowhere else.
  const elsewhere = (word: string) => (page.get(word) ?? 0) - (local.get(word) ?? 0);
  const firstName = (word: string) =>
    noted.has(word) && elsewhere(word) <= 1 && elsewhere(word) < (local.get(word) ?? 0);
  const familyName = (word: string) => !noted.has(word) && elsewhere(word) === 0;
  const words = caselessWords(sentenceAround(paragraph, title));
  const people: string[] = [];
  let mentions = 0;
  for (let i = 0; i < words.length; i++) {
    const first = words[i]!;
    if (!firstName(first)) continue;
    let end = i + 1;
    while (end < words.length && end - i < MAX_NAME_WORDS && familyName(words[end]!)) end++;
    // Named in full once, then by the first name: one word alone is a word.
    const name = end - i >= 2 ? caselessName(words.slice(i, end).join(' ')) : null;
    if (name && !people.includes(name)) {
      people.push(name);
      mentions += (local.get(first) ?? 0) - 1;
    }
    i = end - 1;
  }
  // The notes tell what the speakers did, naming them more than once; a rare word recurs by chance once.
  return mentions >= MIN_MENTIONS ? people : [];
}
const MIN_MENTIONS = 2;

/** The blocks after `el` up to the next heading or the next paragraph naming a talk by a linked title. */
export function notesUpToNextLinkedTitle(el: Element, post: Element): string {
  const parts: string[] = [];
  let length = 0;
  for (const block of blocksAfter(el, post)) {
    if (block.matches(HEADINGS) || block.querySelector(HEADINGS) || linkedTitleIn(block)) break;
    const text = textUpTo(block, MAX_NOTES);
    parts.push(text);
    length += text.length;
    if (length >= MAX_NOTES) break;
  }
  return parts.join('\n');
}
const MAX_NOTES = 3000;
const MAX_NAME_WORDS = 3;

/** The sentence of `text` that holds `title` (sentences end at ".", "۔", "؟", "!", "?" and "।"). */
function sentenceAround(text: string, title: string): string {
  const at = text.indexOf(title);
  if (at < 0) return '';
  const before = text.slice(0, at);
  const start = Math.max(...[...'.۔؟!?।'].map((mark) => before.lastIndexOf(mark))) + 1;
  const after = text.slice(at + title.length).search(/[.۔؟!?।]/u);
  return text.slice(start, after < 0 ? undefined : at + title.length + after).replace(title, ' ');
}

/** How often each word of `text` written in a script without letter case stands in it. */
function counts(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const word of caselessWords(text)) out.set(word, (out.get(word) ?? 0) + 1);
  return out;
}

/** The words of `text` written in a script without letter case, as they stand. */
function caselessWords(text: string): string[] {
  return text.split(/[^\p{L}\p{M}]+/u).filter((w) => w.length >= 2 && /^[\p{Lo}\p{M}]+$/u.test(w));
}
