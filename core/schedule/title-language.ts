/**
 * A rough guess of the language a title is written in, from its script and its function words, for
 * one question only: are two titles in different languages (a write-up translating the title a speaker
 * submitted)? A title with no telling word has no guess, and then the answer is no.
 */
import { allWords, type TitleForm } from './normalize';

/**
 * Function words per language, folded as titles are (lower case, accents off: "için" -> "icin"); few
 * that another list has, since a tie tells nothing.
 */
const FUNCTION_WORDS: Record<string, string> = {
  en: 'the of and with for to in on how what why where when who we you your our is are from into without not about do does its my',
  de: 'der die das und mit fur ohne von vom zum zur ist sind wie warum was wir ihr ein eine nicht auf uber bei aus',
  fr: 'le la les et avec pour sans des du un une est sont comment pourquoi nous vous au aux sur dans pas ce',
  es: 'el los las y con para sin del un una es son como por que nosotros en al lo su',
  pt: 'o os as e com para sem do da dos das um uma e sao como por que nos em ao no na seu sua',
  it: 'il lo gli le e con per senza del della dei un una e sono come perche noi nel nella su',
  nl: 'de het een en met voor zonder van is zijn hoe waarom wat wij we je onze op bij uit niet',
  tr: 've ile icin bir bu nasil neden nerede ne biz siz da de mi mu gibi daha olan',
  id: 'dan dengan untuk yang di ke dari bagaimana mengapa kami kita ini itu tanpa pada',
  pl: 'i z w na do dla bez jak dlaczego co my jest sa od po czy',
  ro: 'si cu pentru fara dar cum din este sunt sau ale unei unui',
  // South Slavic in Latin letters: Croatian, Bosnian, Serbian, and Slovenian's "smo", "kaj", "zakaj".
  hr: 'je su nije koji koja koje kako zasto kad ili iz smo ste kaj zakaj',
  cs: 'jsme jsou proc jsem nebo aby',
};

const WORDS = new Map<string, string[]>();
for (const [language, list] of Object.entries(FUNCTION_WORDS)) {
  for (const word of list.split(' ')) WORDS.set(word, [...(WORDS.get(word) ?? []), language]);
}

/** A title in kanji alone reads as Chinese as much as Japanese: one group for both. */
const SCRIPTS: [RegExp, string][] = [
  [/\p{Script=Hangul}/u, 'ko'],
  [/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u, 'ja-zh'],
  [/\p{Script=Cyrillic}/u, 'cyrillic'],
  [/\p{Script=Arabic}/u, 'ar'],
  [/\p{Script=Hebrew}/u, 'he'],
  [/\p{Script=Greek}/u, 'el'],
  [/\p{Script=Devanagari}/u, 'hi'],
  [/\p{Script=Thai}/u, 'th'],
  [/\p{Script=Bengali}/u, 'bn'],
  [/\p{Script=Tamil}/u, 'ta'],
  [/\p{Script=Georgian}/u, 'ka'],
  [/\p{Script=Armenian}/u, 'hy'],
  [
    /[\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}]/u,
    'indic',
  ],
];

/** The language `form` is most likely in, or null when nothing tells. */
export function titleLanguage(form: TitleForm): string | null {
  const words = allWords(form);
  const text = words.join(' ');
  for (const [script, language] of SCRIPTS) if (script.test(text)) return language;
  const counts = new Map<string, number>();
  for (const word of words) {
    for (const language of WORDS.get(word) ?? []) counts.set(language, (counts.get(language) ?? 0) + 1);
  }
  const ranked = [...counts].sort((x, y) => y[1] - x[1]);
  const [first, second] = ranked;
  // A tie ("de" is Dutch, French, Spanish …) tells nothing.
  return first && (!second || first[1] > second[1]) ? first[0] : null;
}

/** True when every form of `a` and of `b` has a guessed language and no form of one shares the other's. */
export function titlesInOtherLanguages(a: readonly TitleForm[], b: readonly TitleForm[]): boolean {
  const languages = (forms: readonly TitleForm[]) => forms.map(titleLanguage);
  const ours = languages(a);
  const theirs = languages(b);
  if (ours.includes(null) || theirs.includes(null)) return false;
  return !ours.some((l) => theirs.includes(l));
}
