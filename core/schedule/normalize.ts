/**
 * Titles reduced to what two writers of the same talk agree on: Unicode NFKC, lower case, Latin
 * accents folded, every quote, apostrophe and dash the same, emoji and punctuation gone. A title is
 * kept as segments (the main title, then a subtitle after ":" / " - " / "—" / "|" / "~", then a trailing
 * "(…)" group) so that a dropped or added subtitle can be recognised. Japanese, Chinese and Thai have no
 * spaces between words: a run of those scripts is one word here, and character bigrams stand for it
 * wherever words are counted.
 */

import { foldLetters } from '../letter-fold';

/** One part of a title: the main title, a subtitle, or a trailing parenthesised group. */
export interface TitleSegment {
  words: string[];
  /** A trailing "(…)" / "[…]" group rather than text after a separator. */
  paren: boolean;
  /**
   * Indexes of the words written onto the one before them by a hyphen, dot or slash ("double-entry",
   * "node.js", "ci/cd"): one written word, several words here. Absent when there are none (or unknown).
   */
  glued?: number[];
}

/** A title as segments of normalised words; the first segment is the main title. */
export type TitleForm = TitleSegment[];

/** Words that connect a title but carry little of it (English, German, French, Spanish, Dutch). */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a an the to for of in on at by with and or from into onto about your my our its is are be vs versus
  der die das den dem des ein eine einen einer und mit fur im zu zum zur von vom am
  le la les l un une des du de d et en pour avec au aux sur
  el los las y con para por del al
  het een voor met op van`.split(/\s+/),
);

/**
 * Words of titles that name a slot rather than a talk: "Lightning talks", "Opening keynote", "Q&A",
 * "Welcome", and the stock phrases that could head any talk ("Lessons Learned", "Best Practices",
 * "Deep Dive"). A title made of these (and numbers) alone says nothing about which talk it is.
 */
export const GENERIC_WORDS: ReadonlySet<string> = new Set(
  `lightning talk talks lt lts keynote keynotes opening closing welcome remarks panel panels discussion q qa ama
  ask me anything session sessions plenary fireside chat workshop workshops tutorial tutorials bof birds feather
  demo demos announcements announcement intro introduction wrap up day track room hall stage morning afternoon
  evening open space spaces unconference sponsor sponsors sponsored community awards award ceremony quiz party
  social meetup networking hallway lunch break coffee registration kick kickoff off final closing late night
  ignite pecha kucha flash short talks rapid fire lightning round round table roundtable conversation
  interview special guest surprise tba tbd tbc to be announced determined confirmed pitch pitches poster posters
  vortrag vortrage eroffnung begrussung abschluss podiumsdiskussion ouverture cloture bienvenue table ronde
  bienvenida apertura cierre mesa redonda charla charlas
  lessons learned best practices future case study studies getting started deep dive overview retrospective
  tips tricks
  基調講演 キーノート ライトニングトーク lt大会 オープニング クロージング 開会 閉会 懇親会 休憩 パネルディスカッション
  主题演讲 主旨演讲 闪电演讲 开幕 闭幕 圆桌讨论 기조연설 키노트 라이트닝 토크 개회 폐회`.split(/\s+/),
);

/** A whole trailing group that marks a medium, not a title: "(video)", "[slides]", "(recording, pdf)". */
const MEDIA_WORDS = new Set(
  `video videos slide slides recording recordings livestream live stream pdf youtube yt vod audio podcast
  transcript notes deck and`.split(/\s+/),
);

/** Scripts written without spaces between words. */
const UNSPACED = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}]/u;
const UNSPACED_RUN =
  /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}]+|[^\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}]+/gu;

/**
 * `text` in the one spelling every comparison here uses: NFKC, lower case, Latin accents and ligature
 * letters folded ("Größe" -> "grosse", "Café" -> "cafe"), quotes, apostrophes and dashes unified
 * ("’" -> "'", "“„«" -> '"', "–—" -> " - "), emoji removed, whitespace collapsed. Punctuation stays
 * (it marks subtitles); `titleWords` drops it.
 */
export function foldText(text: string): string {
  // Most titles are plain ASCII: nothing to normalise, fold or unify but case, backticks and spaces.
  if (/^[\x20-\x7e]*$/.test(text)) return text.toLowerCase().replace(/`/g, "'").replace(/ +/g, ' ').trim();
  return foldLetters(text)
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u2035\u02bc`\u00b4]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u2039\u203a\u300c-\u300f\u301d-\u301f\uff02]/g, '"')
    .replace(/(\p{N})\s*[\u2013\u2014]\s*(?=\p{N})/gu, '$1-')
    .replace(/\s*[\u2013\u2014\u2015\u2e3a\u2e3b]+\s*/g, ' - ')
    .replace(/[\u2010-\u2012\u2212\ufe63\uff0d]/g, '-')
    .replace(/[\u301c\uff5e]/g, '~')
    .replace(/\p{Extended_Pictographic}|[\u{1f1e6}-\u{1f1ff}\u{1f3fb}-\u{1f3ff}]|\ufe0f|\u200d|\u20e3/gu, ' ')
    .replace(/[\s\u00a0\u200b]+/g, ' ')
    .trim();
}

/**
 * Small numbers written out, read as digits: "Ten Years" is "10 Years", "Twintig jaar" is "20 jaar", and
 * "Part One" is not "Part 2". English to twelve; German, French, Spanish, Portuguese, Italian and Dutch
 * from two to twelve and twenty, but for the words that are also common words elsewhere ("elf", "once",
 * "dos", "due", "sei", "tres"/"très") and "one" of those languages, which is their "a"; Turkish from two
 * to nine and twenty ("Üç Yılın" is "3 Yılın").
 */
const NUMBER_WORDS = new Map<string, string>([
  ...'zero one two three four five six seven eight nine ten eleven twelve'
    .split(' ')
    .map((w, i): [string, string] => [w, String(i)]),
  // English tens ("Twenty Years of pkgsrc" is "20 Years of pkgsrc").
  ...'twenty thirty forty fifty sixty seventy eighty ninety'
    .split(' ')
    .map((w, i): [string, string] => [w, String((i + 2) * 10)]),
  ...(
    [
      ['zwei drei vier funf sechs sieben acht neun zehn - zwolf zwanzig'],
      ['deux trois quatre cinq six sept huit neuf dix onze douze vingt'],
      ['- - cuatro cinco seis siete ocho nueve diez - doce veinte'],
      ['dois - quatro cinco seis sete oito nove dez onze doze vinte'],
      ['- tre quattro cinque - sette otto nove dieci undici dodici venti'],
      ['twee drie vier vijf zes zeven acht negen tien - twaalf twintig'],
    ] as const
  ).flatMap(([list]) =>
    list
      .split(' ')
      .map((w, i): [string, string] => [w, String(i === 11 ? 20 : i + 2)])
      .filter(([w]) => w !== '-'),
  ),
  ['duas', '2'],
  // Turkish from two to nine and twenty, without "bir" (its "a") and "on" (ten, an English word).
  ...'iki uc dort bes alti yedi sekiz dokuz'.split(' ').map((w, i): [string, string] => [w, String(i + 2)]),
  ['yirmi', '20'],
]);

/**
 * Product names written two ways, read as one: "PostgreSQL" is "Postgres", "K8s" is "Kubernetes". Only
 * names whose two spellings are the same product everywhere (not "Go"/"Golang": "go" is a word).
 */
const PRODUCT_SPELLINGS = new Map<string, string>([
  ['postgresql', 'postgres'],
  ['k8s', 'kubernetes'],
]);

/** Thousands written with separators ("10,000", "17.000"): the number, as digits only. */
const GROUPED = /(?<![\p{N}.,])([1-9]\d{0,2})((?:[.,]\d{3})+)(?![.,]?\p{N})/gu;
/** "10k": thousands by a letter. */
const THOUSANDS_K = /(?<![\p{L}\p{N}.,])(\d+)k(?![\p{L}\p{N}])/gu;
/** "10 thousand", "10 Tausend", "10 mil": the number of thousands, in words. */
const THOUSANDS_WORD =
  /(?<![\p{L}\p{N}.,])(\d+)\s+(?:thousand|tausend|mille|mil|duizend|tysiecy|тысяч\p{L}*)(?![\p{L}\p{N}])/gu;
/** "50 million" as "50m" and "3 billion" as "3b", as titles write them ("50M Rows"). */
const MILLIONS_WORD =
  /(?<![\p{L}\p{N}])(\d+(?:[.,]\d+)?)\s+(?:(million|millions|millionen|millones|milhoes|milioni|miljoen|miljoenen|milionow|миллион\p{L}*)|billion|billions|milliarden|milliards)(?![\p{L}\p{N}])/gu;

/**
 * One spelling for a number written with thousands separators, a "k", or a word for thousand, million
 * or billion after it: "10,000", "10.000", "10k" and "10 thousand" are "10000"; "50 Million" is "50m".
 */
export function unifyNumbers(folded: string): string {
  // Titles are normalised by the thousand when schedules are indexed: each rewrite runs only where
  // its digits are (most titles have none).
  if (!/\d/.test(folded)) return folded;
  let text = folded;
  if (/\d[.,]\d{3}/.test(text))
    text = text.replace(GROUPED, (_, lead: string, groups: string) => lead + groups.replace(/[.,]/g, ''));
  if (/\dk/.test(text)) text = text.replace(THOUSANDS_K, (_, n: string) => String(Number(n) * 1000));
  if (/\d\s/.test(text)) {
    text = text
      .replace(THOUSANDS_WORD, (_, n: string) => String(Number(n) * 1000))
      .replace(MILLIONS_WORD, (_, n: string, million?: string) => `${n}${million ? 'm' : 'b'}`);
  }
  return text;
}

/**
 * The words of already folded text: letters and digits ("3.12" and "10m" stay whole), "c++", "c#",
 * "f#" and ".net" spelled out, "&" read as "and", a "+" after a word as "plus" ("Staff+"), a possessive
 * "'s" and apostrophes inside words dropped ("Jane's" -> "jane", "don't" -> "dont"), English numbers to
 * twelve as digits ("ten" -> "10"); a run of Han, kana or Thai is split off as its own word.
 */
export function titleWords(folded: string): string[] {
  return writtenWords(folded, false).words;
}

/** Characters that join two words into one written word: "double-entry", "node.js", "ci/cd". */
const WORD_GLUE = new Set(['-', '.', '/', '_']);
const GLUE_BETWEEN_WORDS = /[\p{L}\p{M}\p{N}][-./_][\p{L}\p{M}\p{N}]/u;
const WORD = /[\p{L}\p{M}\p{N}]+(?:[.,]\p{N}+)*/gu;

const SPELLED_OUT = /[+#&']|\.net/;

/**
 * Whether `text` holds a character (or `.net`) one of `spellOut`'s rewrites needs: without one,
 * `spellOut` changes nothing (a property test holds it to that).
 */
export function needsSpellingOut(text: string): boolean {
  return SPELLED_OUT.test(text);
}

/** "c++", "c#", "f#" and ".net" spelled out, "&" as "and", "+" after a word as "plus", apostrophes dropped. */
export function spellOut(text: string): string {
  return text
    .replace(/(^|[^\p{L}])c\+\+/gu, '$1 cpp ')
    .replace(/(^|[^\p{L}])([cf])#/gu, '$1 $2sharp ')
    .replace(/(^|[^\p{L}\p{N}])\.net(?![\p{L}])/gu, '$1 dotnet ')
    .replace(/&/g, ' and ')
    .replace(/(\p{L})\+(?![+\p{L}\p{N}])/gu, '$1 plus ')
    .replace(/(\p{L})'s(?![\p{L}])/gu, '$1')
    .replace(/(\p{L})'(?=\p{L})/gu, '$1');
}

/**
 * `titleWords`, with the indexes of the words glued onto the one before them (see `TitleSegment.glued`;
 * left empty without `withGlue`).
 */
export function writtenWords(folded: string, withGlue = true): { words: string[]; glued: number[] } {
  const unified = unifyNumbers(folded);
  // Each of spellOut's rewrites needs one of its characters; most titles have none, and a schedule's
  // 30,000 titles are read when it is imported (#13): then the seven scans are skipped.
  const text = needsSpellingOut(unified) ? spellOut(unified) : unified;
  const words: string[] = [];
  const glued: number[] = [];
  // Where the text glues no words, no word needs its place.
  const gluing = withGlue && GLUE_BETWEEN_WORDS.test(text);
  let end = -2;
  for (const token of text.match(WORD) ?? []) {
    if (gluing) {
      // Between two tokens there is no letter or digit: the token is found where the pattern found it.
      const at = text.indexOf(token, Math.max(end, 0));
      if (at === end + 1 && WORD_GLUE.has(text[end]!) && words.length) glued.push(words.length);
      end = at + token.length;
    }
    if (!UNSPACED.test(token)) {
      words.push(NUMBER_WORDS.get(token) ?? PRODUCT_SPELLINGS.get(token) ?? token);
      continue;
    }
    const parts = token.match(UNSPACED_RUN) ?? [];
    for (let i = 0; i < parts.length; i++) {
      if (i > 0 && withGlue) glued.push(words.length);
      words.push(parts[i]!);
    }
  }
  return { words, glued };
}

/** True when `word` is written in a script without spaces (Han, kana, Thai …). */
export function isUnspaced(word: string): boolean {
  return UNSPACED.test(word);
}

/** Separators between a title and its subtitle, outside parentheses ("10:30" is not one). */
const SEPARATOR = /(?<!\p{N})\s*:\s*|\s*:\s*(?!\p{N})|\s+-\s+|\s*\|\s*|\s*~\s*|[?!]\s+(?=\S)/u;
const TRAILING_GROUP = /\s*[([{【]([^()[\]{}【】]*)[)\]}】]\s*$/u;

/**
 * `raw` (and a separate subtitle, as schedules give one) as segments of normalised words. Trailing
 * groups that only name a medium ("(video)", "[slides]") are dropped; empty segments too.
 */
export function titleForm(raw: string, subtitle: string | null = null): TitleForm {
  let text = foldText(raw);
  const groups: TitleSegment[] = [];
  for (let m = TRAILING_GROUP.exec(text); m && m.index > 0; m = TRAILING_GROUP.exec(text)) {
    const { words, glued } = writtenWords(m[1] ?? '');
    if (words.length && !words.every((w) => MEDIA_WORDS.has(w)))
      groups.unshift(glued.length ? { words, paren: true, glued } : { words, paren: true });
    text = text.slice(0, m.index);
  }
  const segments: TitleSegment[] = [];
  for (const part of text.split(SEPARATOR)) {
    const { words, glued } = writtenWords(part);
    if (words.length) segments.push(glued.length ? { words, paren: false, glued } : { words, paren: false });
  }
  segments.push(...groups);
  if (subtitle) {
    for (const segment of titleForm(subtitle)) segments.push(segment);
  }
  return segments;
}

/** All the words of a form, in order. */
export function allWords(form: TitleForm): string[] {
  return form.length === 1 ? form[0]!.words : form.flatMap((s) => s.words);
}

/** Character bigrams of a word in an unspaced script ("入門講座" -> 入門, 門講, 講座); other words as they are. */
export function wordGrams(word: string): string[] {
  if (!isUnspaced(word)) return [word];
  const chars = Array.from(word);
  if (chars.length < 2) return chars;
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i]! + chars[i + 1]!);
  return grams;
}

/**
 * The terms that stand for `words` when words are counted (index, overlap): the words that are not
 * stopwords, with unspaced runs as bigrams; all words when every one is a stopword ("To Be or Not to Be").
 */
export function contentTerms(words: readonly string[]): string[] {
  const content = words.filter((w) => !STOPWORDS.has(w));
  return (content.length ? content : words).flatMap(wordGrams);
}

/** True when `words` name a slot, not a talk: only generic words and numbers ("Lightning talks 2"). */
export function isGeneric(words: readonly string[]): boolean {
  return words.every((w) => STOPWORDS.has(w) || GENERIC_WORDS.has(w) || /^\p{N}+$/u.test(w));
}

/**
 * True when `words` could name one talk on their own: two content words of eight letters in all
 * ("Scaling Postgres", "Lessons Learned", not "Rust" or "Intro to Rust"; a Han or kana character
 * counts as two letters), or four characters of an unspaced script.
 */
export function isDistinctive(words: readonly string[]): boolean {
  if (isGeneric(words)) return false;
  const content = words.filter((w) => !STOPWORDS.has(w) && !GENERIC_WORDS.has(w));
  const unspaced = content.filter(isUnspaced).reduce((n, w) => n + Array.from(w).length, 0);
  if (unspaced >= 4) return true;
  // A Han or kana character says about as much as two Latin letters.
  const letters = content.reduce((n, w) => n + (isUnspaced(w) ? 2 * Array.from(w).length : w.length), 0);
  return content.length >= 2 && letters >= 8;
}
