/**
 * A write-up's talk whose title was reworded ("When the Answer Is Unknown" for "When You Don't Know the
 * Answer"), shortened differently, or translated ("Gemini API ile Türkçe Metin Sınıflandırma" for
 * "Classifying Turkish Customer Messages with the Gemini API") scores too low on its title to be matched,
 * though the rest of the evidence names one talk: the write-up names its speakers in full, they agree
 * with the schedule's, the page is dated during the conference and names it, and the schedules hold no
 * other talk by them near that date. Then that talk is the one, provided the titles share a word of
 * substance (or are in two languages, see title-language.ts) and are not the same but for one changed
 * word: a second talk the speaker gave off the schedule (an improvised lightning talk) has a title of
 * its own in the write-up's language, and a changed word is what tells two talks apart.
 */
import { talkDateFit } from './date-fit';
import { compareSpeakers, type NameWords } from './names';
import { allWords, GENERIC_WORDS, isUnspaced, STOPWORDS, type TitleForm, wordGrams } from './normalize';
import type { IndexedConference, IndexedTalk, ScheduleIndex } from './schedule-index';
import { titlesInOtherLanguages } from './title-language';
import { sameStem } from './title-similarity';

/** Date fits under which another talk of the same speakers could be the one written up. */
const NEAR_FITS = new Set(['during', 'shortly-before', 'months-after', 'unknown']);

/**
 * Whether `talk` is the only talk, among all the schedules in `index`, of the `speakers` a write-up
 * dated `pageDay` names: no other talk (moved or cancelled slots aside) with one of them as a speaker,
 * whose date could fit the page, at a conference the page does not rule out (`ruledOut`: the page
 * names `talk`'s conference and not that one, as "HolyJS 2024 Autumn" rules out the spring edition),
 * and that the write-up's title does not tell apart from `talk` (`toldApart`, see `sharesWord`).
 */
export function isOnlyTalkOfSpeakers(
  index: ScheduleIndex,
  talk: IndexedTalk,
  speakers: readonly NameWords[],
  pageDay: number | null,
  ruledOut: (conference: IndexedConference) => boolean = () => false,
  toldApart: (other: IndexedTalk) => boolean = () => false,
): boolean {
  const seen = new Set<number>();
  // Looked up by the schedule's spelling of the speakers too: a name the write-up spells in another
  // script ("अनन्या राव", names.ts) is not among the index's name words, and its other talks must be found.
  for (const name of [...speakers, ...talk.speakers]) {
    for (const word of name) {
      for (const i of index.nameTerms.get(word) ?? []) {
        if (seen.has(i)) continue;
        seen.add(i);
        const other = index.talks[i]!;
        if (other === talk || other.placeholder) continue;
        let agreement = compareSpeakers(speakers, other.speakers);
        if (agreement !== 'agree' && agreement !== 'partial')
          agreement = compareSpeakers(talk.speakers, other.speakers) === 'agree' ? 'agree' : agreement;
        if (agreement !== 'agree' && agreement !== 'partial') continue;
        if (other.conference && other.conference !== talk.conference && ruledOut(other.conference)) continue;
        if (toldApart(other)) continue;
        const fit = other.conference
          ? talkDateFit(pageDay, other.conference, other.talk.day ?? other.talk.start)
          : 'unknown';
        if (NEAR_FITS.has(fit)) return false;
      }
    }
  }
  return true;
}

/**
 * Whether one title is the other with one word changed ("Designing On-Call Rotations That Fail" /
 * "… That Scale"): the changed word is what tells two talks apart ("Scaling Postgres to 10M Users" /
 * "Scaling ClickHouse to 10M Users"), even when one person gave both.
 */
export function oneWordChanged(a: readonly TitleForm[], b: readonly TitleForm[]): boolean {
  for (const x of a) {
    for (const y of b) {
      const xs = allWords(x);
      const ys = allWords(y);
      if (xs.length < 2 || xs.length !== ys.length) continue;
      const changed = xs.flatMap((w, i) => (w === ys[i] ? [] : [[w, ys[i]!] as const]));
      if (changed.length !== 1) continue;
      // A run of an unspaced script is a phrase, not a word; a word lengthened ("App" / "Application")
      // is the same word.
      const [u, v] = changed[0]!;
      if (isUnspaced(u) || isUnspaced(v) || u.startsWith(v) || v.startsWith(u)) continue;
      return true;
    }
  }
  return false;
}

/**
 * Whether two titles share a word of substance as written or inflected ("Postmortem-uri" /
 * "Postmortems"; not a stopword, slot word, speaker's name or word under three letters; a bigram of
 * an unspaced script), whatever their languages. A translated title that shares one with a talk of
 * its speakers and none with their other session ("Panel: On-Call Without Burnout") names the talk.
 */
export function sharesWord(
  a: readonly TitleForm[],
  b: readonly TitleForm[],
  names: ReadonlySet<string>,
): boolean {
  const ours = substanceTerms(a, names);
  const theirs = substanceTerms(b, names);
  for (const x of ours) for (const y of theirs) if (x === y || sameStem(x, y)) return true;
  return false;
}

function substanceTerms(forms: readonly TitleForm[], names: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const form of forms) {
    for (const word of allWords(form)) {
      if (STOPWORDS.has(word) || GENERIC_WORDS.has(word) || names.has(word)) continue;
      if (!isUnspaced(word) && word.length < 3) continue;
      for (const term of wordGrams(word)) out.add(term);
    }
  }
  return out;
}

/**
 * Whether two titles share a word of substance (not a stopword, a slot word such as "keynote", a
 * speaker's name or a word of two letters; a bigram of an unspaced script counts), or are written in
 * two different languages, where sharing none says nothing.
 */
export function titlesRelate(
  a: readonly TitleForm[],
  b: readonly TitleForm[],
  names: ReadonlySet<string>,
): boolean {
  const ours = substanceTerms(a, names);
  for (const term of substanceTerms(b, names)) if (ours.has(term)) return true;
  return titlesInOtherLanguages(a, b);
}
