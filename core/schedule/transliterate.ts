/**
 * People's names across scripts: a write-up in Hindi writes "अनन्या राव" where the schedule has
 * "Ananya Rao", an Arabic one "هالة منصور" for "Hala Mansour", a Ukrainian one "Андрій Шевчук" for
 * "Andriy Shevchuk", a Georgian one "თამარ ლომიძე" for "Tamar Lomidze". Each name is spelt into Latin
 * letters by a small table (Cyrillic, Greek, Arabic, Hebrew, Georgian, and the Indic scripts: Unicode
 * lays out Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada and Malayalam letter for letter
 * as Devanagari, each in its own block of 128, so one Devanagari table spells them all) and reduced
 * to its consonant skeleton, because the same name is romanised many ways: vowels (Arabic and Hebrew
 * write few of them), doubled letters, "h" after the first letter and the b/p/f/v/w and c/k/q
 * families differ from one romanisation to the next; consonants mostly do not. Tamil writes no
 * voiced stops ("ராஜேந்திரன்" is "Rajendran", its த a t), so a Tamil name is compared with voiced and
 * voiceless stops as one (`devoiced`), and so are Armenian and hangul ones. Armenian ("Պետրոսյան")
 * and Urdu's letters have tables too; a hangul name is read by syllable (`spellHangul`) and compared
 * with its vowels (`compareKoreanName`). Han, kana and Thai names are not spelt: their readings need a
 * dictionary, not a letter table. The same skeletons find a conference a page names in its script
 * (`speltWordKeys`, conference-named.ts).
 *
 * A table, not a library: any-ascii and transliteration cover every script but ship hundreds of
 * kilobytes of tables for the background bundle, where these scripts take a page, and a skeleton
 * comparison forgives their differences from the schedules' spellings anyway.
 */

const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ґ: 'g',
  д: 'd',
  е: 'e',
  є: 'ye',
  ж: 'zh',
  з: 'z',
  и: 'i',
  і: 'i',
  ї: 'yi',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

const GREEK: Record<string, string> = {
  α: 'a',
  β: 'v',
  γ: 'g',
  δ: 'd',
  ε: 'e',
  ζ: 'z',
  η: 'i',
  θ: 'th',
  ι: 'i',
  κ: 'k',
  λ: 'l',
  μ: 'm',
  ν: 'n',
  ξ: 'x',
  ο: 'o',
  π: 'p',
  ρ: 'r',
  σ: 's',
  ς: 's',
  τ: 't',
  υ: 'y',
  φ: 'f',
  χ: 'ch',
  ψ: 'ps',
  ω: 'o',
};

/** Devanagari consonants (their inherent vowel is left out: vowels do not count, see `nameSkeleton`). */
const DEVANAGARI: Record<string, string> = {
  क: 'k',
  ख: 'kh',
  ग: 'g',
  घ: 'gh',
  ङ: 'n',
  च: 'ch',
  छ: 'chh',
  ज: 'j',
  झ: 'jh',
  ञ: 'n',
  ट: 't',
  ठ: 'th',
  ड: 'd',
  ढ: 'dh',
  ण: 'n',
  त: 't',
  थ: 'th',
  द: 'd',
  ध: 'dh',
  न: 'n',
  प: 'p',
  फ: 'ph',
  ब: 'b',
  भ: 'bh',
  म: 'm',
  य: 'y',
  र: 'r',
  ल: 'l',
  व: 'v',
  श: 'sh',
  ष: 'sh',
  स: 's',
  ह: 'h',
  अ: 'a',
  आ: 'a',
  इ: 'i',
  ई: 'i',
  उ: 'u',
  ऊ: 'u',
  ए: 'e',
  ऐ: 'ai',
  ओ: 'o',
  औ: 'au',
  ऋ: 'ri',
  'ा': 'a',
  'ि': 'i',
  'ी': 'i',
  'ु': 'u',
  'ू': 'u',
  'े': 'e',
  'ै': 'ai',
  'ो': 'o',
  'ौ': 'au',
  'ृ': 'ri',
  'ं': 'n',
  'ँ': 'n',
  'ः': 'h',
  '्': '',
  '़': '',
  // Letters Devanagari has for the other Indic scripts (Tamil ன ற ழ, its short e and o).
  ऩ: 'n',
  ऱ: 'r',
  ऴ: 'l',
  'ॆ': 'e',
  'ॊ': 'o',
};

/** Mkhedruli, the Georgian alphabet ("ლომიძე" / Lomidze). */
const GEORGIAN: Record<string, string> = {
  ა: 'a',
  ბ: 'b',
  გ: 'g',
  დ: 'd',
  ე: 'e',
  ვ: 'v',
  ზ: 'z',
  თ: 't',
  ი: 'i',
  კ: 'k',
  ლ: 'l',
  მ: 'm',
  ნ: 'n',
  ო: 'o',
  პ: 'p',
  ჟ: 'zh',
  რ: 'r',
  ს: 's',
  ტ: 't',
  უ: 'u',
  ფ: 'p',
  ქ: 'k',
  ღ: 'gh',
  ყ: 'q',
  შ: 'sh',
  ჩ: 'ch',
  ც: 'ts',
  ძ: 'dz',
  წ: 'ts',
  ჭ: 'ch',
  ხ: 'kh',
  ჯ: 'j',
  ჰ: 'h',
};

const ARABIC: Record<string, string> = {
  ا: 'a',
  أ: 'a',
  إ: 'i',
  آ: 'a',
  ء: '',
  ب: 'b',
  ت: 't',
  ث: 'th',
  ج: 'j',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'dh',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  ع: '',
  غ: 'gh',
  ف: 'f',
  ق: 'q',
  ك: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  ة: 'a',
  و: 'u',
  ي: 'i',
  ى: 'a',
  ئ: 'i',
  ؤ: 'u',
  پ: 'p',
  چ: 'ch',
  گ: 'g',
  ی: 'i',
  ک: 'k',
  // Urdu and Persian letters ("حمزہ قریشی" / Hamza Qureshi, "ڈیو فیسٹ" / DevFest).
  ہ: 'h',
  ۂ: 'h',
  ھ: 'h',
  ۃ: 'a',
  ے: 'e',
  ۓ: 'e',
  ٹ: 't',
  ڈ: 'd',
  ڑ: 'r',
  ں: 'n',
  ژ: 'zh',
};

const HEBREW: Record<string, string> = {
  א: '',
  ב: 'b',
  ג: 'g',
  ד: 'd',
  ה: 'h',
  ו: 'u',
  ז: 'z',
  ח: 'kh',
  ט: 't',
  י: 'i',
  כ: 'k',
  ך: 'k',
  ל: 'l',
  מ: 'm',
  ם: 'm',
  נ: 'n',
  ן: 'n',
  ס: 's',
  ע: '',
  פ: 'p',
  ף: 'p',
  צ: 'ts',
  ץ: 'ts',
  ק: 'k',
  ר: 'r',
  ש: 'sh',
  ת: 't',
};

/** The Armenian alphabet ("Պետրոսյան" / Petrosyan); ու is u, և "ev". */
const ARMENIAN: Record<string, string> = {
  ա: 'a',
  բ: 'b',
  գ: 'g',
  դ: 'd',
  ե: 'e',
  զ: 'z',
  է: 'e',
  ը: 'e',
  թ: 't',
  ժ: 'zh',
  ի: 'i',
  լ: 'l',
  խ: 'kh',
  ծ: 'ts',
  կ: 'k',
  հ: 'h',
  ձ: 'dz',
  ղ: 'gh',
  ճ: 'ch',
  մ: 'm',
  յ: 'y',
  ն: 'n',
  շ: 'sh',
  ո: 'o',
  չ: 'ch',
  պ: 'p',
  ջ: 'j',
  ռ: 'r',
  ս: 's',
  վ: 'v',
  տ: 't',
  ր: 'r',
  ց: 'ts',
  ւ: 'u',
  փ: 'p',
  ք: 'k',
  և: 'ev',
  օ: 'o',
  ֆ: 'f',
};

const TABLES: Record<string, string> = {
  ...CYRILLIC,
  ...GREEK,
  ...DEVANAGARI,
  ...ARABIC,
  ...HEBREW,
  ...GEORGIAN,
  ...ARMENIAN,
};

/** The scripts spelt here (hangul by syllable: see `spellHangul`). */
export const SPELT_SCRIPT =
  /[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Devanagari}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Georgian}\p{Script=Armenian}\u0980-\u0d7f\uac00-\ud7a3]/u;

/**
 * Scripts whose names are compared with voiced and voiceless stops as one (see `devoiced`): Tamil
 * writes none; hangul's romanisations differ in them ("김" is Gim in the official one, Kim on every
 * passport), and so do Eastern and Western Armenian ones ("Պետրոսյան" is Petrosyan and Bedrosian).
 */
const DEVOICED_SCRIPT = /[\u0b80-\u0bff\uac00-\ud7a3\p{Script=Armenian}]/u;

const HANGUL_INITIALS = 'g kk n d tt r m b pp s ss - j jj ch k t p h'.split(' ');
const HANGUL_VOWELS = 'a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i'.split(' ');
const HANGUL_FINALS = '- k k k n n n t l k m l l l p l m p p t t ng t t k t p t'.split(' ');
const HANGUL = /^[\uac00-\ud7a3]+$/;

/** A hangul word in Latin letters by syllable (Revised Romanization, each syllable on its own); else null. */
export function spellHangul(word: string): string[] | null {
  if (!HANGUL.test(word)) return null;
  return [...word].map((c) => {
    const n = c.codePointAt(0)! - 0xac00;
    const spelt = HANGUL_INITIALS[Math.floor(n / 588)]! + HANGUL_VOWELS[Math.floor(n / 28) % 21]!;
    return (spelt + HANGUL_FINALS[n % 28]!).replace(/-/g, '');
  });
}

/**
 * Korean family names whose usual Latin spellings are not their official romanisation's consonants
 * ("이" is I officially, Lee or Yi on the page; "박" Bak and Park): without them the commonest
 * names could never agree.
 */
const KOREAN_FAMILY_SPELLINGS: Record<string, string[]> = {
  이: ['lee', 'yi', 'rhee'],
  리: ['lee', 'ri'],
  박: ['park'],
  임: ['lim'],
  노: ['roh'],
  류: ['yoo', 'yu'],
  유: ['yoo'],
  우: ['woo'],
  오: ['oh'],
  최: ['choi'],
};

/**
 * A Latin spelling of a Korean name part reduced to what its romanisations share: their stops,
 * s/sh, l/r and the vowels they spell apart ("eo"/"u", "oo"/"u", "ee"/"i", "ae"/"e") as one. Korean
 * given names differ in their vowels ("Jieun", "Jihoon"), so these keep them, unlike `nameSkeleton`.
 */
function koreanKey(latin: string): string {
  return latin
    .replace(/[^a-z]/g, '')
    .replace(/sh/g, 's')
    .replace(/ch/g, 'j')
    .replace(/(eo|oo|ou|eu)/g, 'u')
    .replace(/ee/g, 'i')
    .replace(/ae/g, 'e')
    .replace(/wo/g, 'o')
    .replace(/k/g, 'g')
    .replace(/t/g, 'd')
    .replace(/p/g, 'b')
    .replace(/l/g, 'r');
}

/**
 * A Korean name in hangul ("강태민", "김 지은") against one in Latin letters ("Taemin Kang",
 * "Ji-eun Kim", "KANG Taemin"): `same` when one Latin word is the family name (the first syllable, in
 * any of its usual spellings) and the others, in order, are the given name (see `koreanKey`); else
 * `none`. A family name alone is no person ("김" is a fifth of Korea).
 */
function compareKoreanName(hangul: readonly string[], latin: readonly string[]): 'same' | 'none' {
  const syllables = spellHangul(hangul.join(''));
  if (
    !syllables ||
    syllables.length < 2 ||
    latin.length < 2 ||
    (hangul.length > 1 && [...hangul[0]!].length !== 1)
  )
    return 'none';
  const family = [syllables[0]!, ...(KOREAN_FAMILY_SPELLINGS[[...hangul.join('')][0]!] ?? [])].map(koreanKey);
  const given = koreanKey(syllables.slice(1).join(''));
  for (let i = 0; i < latin.length; i++) {
    if (!family.includes(koreanKey(latin[i]!))) continue;
    if (koreanKey(latin.filter((_, j) => j !== i).join('')) === given) return 'same';
  }
  return 'none';
}

/**
 * A person's name words in Latin letters, each word with the spellings it may have: a hangul name
 * written as one word ("강태민") is its family name (the first syllable) and its given name; else
 * each word as `spellInLatin` spells it. Null when a word is in a script not spelt here.
 */
function spellNameWords(words: readonly string[]): string[][] | null {
  const one = words.length === 1 ? spellHangul(words[0]!) : null;
  if (one && one.length >= 2 && one.length <= 4) {
    const family = [...words[0]!][0]!;
    return [[one[0]!, ...(KOREAN_FAMILY_SPELLINGS[family] ?? [])], [one.slice(1).join('')]];
  }
  const out: string[][] = [];
  for (const word of words) {
    const hangul = spellHangul(word);
    const latin = hangul ? hangul.join('') : spellInLatin(word);
    if (latin === null) return null;
    const family = hangul?.length === 1 ? KOREAN_FAMILY_SPELLINGS[word] : undefined;
    // Ukrainian and Belarusian г is an h ("Гнатишин" / Hnatyshyn), Russian г a g ("Гордеев" / Gordeev).
    const h = /г/i.test(word) ? spellInLatin(word.replace(/г/gi, 'h')) : null;
    out.push([latin, ...(family ?? []), ...(h ? [h] : [])]);
  }
  return out;
}

/**
 * An Indic letter (Bengali to Malayalam, U+0980-U+0D7F) as the Devanagari letter at the same place of
 * its block; Tamil's ச is spelt "s", as Tamil names are romanised ("சுந்தரம்" / Sundaram), and
 * Bengali's ৎ "t". Other characters as they are.
 */
function asDevanagari(c: string): string {
  const code = c.codePointAt(0)!;
  if (code < 0x980 || code > 0xd7f) return c;
  if (c === 'ச') return 's';
  if (c === 'ৎ') return 't';
  return String.fromCodePoint(0x900 + (code & 0x7f));
}

/**
 * One name word in Latin letters, lower case: `null` when it has letters of a script not spelt here
 * (Han, kana, hangul, Thai…). A word-initial و / ו / ي / י is the consonant ("Walid", "Yousef").
 */
export function spellInLatin(word: string): string | null {
  const letters = word
    .normalize('NFD')
    .replace(/[\u064b-\u065f\u0670\u0640\u05b0-\u05c7]/g, '')
    // Armenian "և" as NFKC leaves it (folded text), "եւ": its ւ is a v here ("Երևան" / Yerevan).
    .replace(/եւ/g, 'և');
  let out = '';
  const chars = [...letters].map(asDevanagari);
  for (const [i, raw] of chars.entries()) {
    const c = raw.toLowerCase();
    // A Devanagari consonant carries a vowel unless a vowel sign or virama follows: "अनन्या" is
    // a-na-nyā, whose two n are no doubled letter.
    if (/[\u0915-\u0939\u0958-\u095f]/.test(c) && !/[\u093c-\u094d]/.test(chars[i + 1] ?? '')) {
      out += `${TABLES[c] ?? ''}a`;
      continue;
    }
    if (/[a-z]/.test(c)) out += c;
    else if (/\p{M}/u.test(c) && !(c in TABLES))
      continue; // Greek accents, Cyrillic breves spelt apart
    else if (i === 0 && (c === 'و' || c === 'ו')) out += 'w';
    else if (i === 0 && (c === 'ي' || c === 'י')) out += 'y';
    else if (i === 0 && c === 'ո')
      out += 'vo'; // "Ոսկանյան" / Voskanyan
    else if (i === 0 && c === 'ե')
      out += 'ye'; // "Երանյան" / Yeranyan
    else if (c in TABLES) out += TABLES[c];
    else if (/\p{L}/u.test(c)) return null;
  }
  // The Arabic article written onto the name ("الشريف" / "Al-Sharif", which names split apart).
  return /^[\u0600-\u06ff]/.test(letters) && out.startsWith('al') && out.length > 4 ? out.slice(2) : out;
}

/**
 * The consonants of a Latin spelling, each family one letter: doubled letters once, vowels and "y"
 * (but a first "y") and "h" (but a first "h") dropped, b/p/f/v/w as "b", c/k/q as "k", j/g as "g",
 * z/x as "s": "Mansour" and "منصور" are both "mnsr", "Cohen" and "כהן" both "kn". `devoiced` (for a
 * script without voiced stops, Tamil) also spells d as "t" and j/g as "k".
 */
export function nameSkeleton(latin: string, devoiced = false): string {
  const once = latin.replace(/(.)\1+/g, '$1');
  let out = '';
  for (const [i, c] of [...once].entries()) {
    if (/[aeiou]/.test(c) || ((c === 'y' || c === 'h') && i > 0)) continue;
    const letter = c
      .replace(/[pfvw]/, 'b')
      .replace(/[cq]/, 'k')
      .replace(/j/, 'g')
      .replace(/[zx]/, 's');
    out += devoiced ? letter.replace('d', 't').replace('g', 'k') : letter;
  }
  return devoiced ? out.replace(/(.)\1+/g, '$1') : out;
}

/** Whether a name written in `words` is compared with voiced and voiceless stops as one (see `DEVOICED_SCRIPT`). */
export function needsDevoicing(words: readonly string[]): boolean {
  return words.some((w) => DEVOICED_SCRIPT.test(w));
}

/** Words that are articles of a name in Latin spellings of Arabic ones ("Al-Sharif", "El Sherif"). */
const ARTICLES = new Set(['al', 'el']);

/**
 * The skeletons of a name's words (`nameSkeleton`), each word's spellings' skeletons as its
 * alternatives; articles and empty skeletons left out. Null: not spelt.
 */
function skeletons(words: readonly string[], devoiced: boolean): string[][] | null {
  const spelt = spellNameWords(words.filter((w) => !ARTICLES.has(w)));
  if (!spelt) return null;
  return spelt
    .map((spellings) => [...new Set(spellings.map((l) => nameSkeleton(l, devoiced)).filter(Boolean))])
    .filter((alternatives) => alternatives.length);
}

/** Skeletons of a Latin name's words, each its only alternative. */
const latinSkeletons = (words: readonly string[], devoiced: boolean) =>
  words
    .filter((w) => !ARTICLES.has(w))
    .map((w) => nameSkeleton(w.replace(/[^a-z]/g, ''), devoiced))
    .filter(Boolean)
    .map((s) => [s]);

/**
 * The keys a name written in a spelt script is looked up by among a schedule's Latin name words
 * (spelt-names.ts): each word's skeletons of two consonants or more, a devoiced one (see
 * `DEVOICED_SCRIPT`) with "~" before it. Empty for a name in Latin letters or a script not spelt.
 */
export function speltNameKeys(name: readonly string[]): string[] {
  if (!name.some((w) => SPELT_SCRIPT.test(w))) return [];
  const devoiced = needsDevoicing(name);
  return (skeletons(name, devoiced) ?? [])
    .flat()
    .filter((key) => key.length >= 2)
    .map((key) => (devoiced ? `~${key}` : key));
}

/**
 * Whether two names, one in Latin letters and one in a script spelt here, are one person's:
 * `same` when every word of the shorter has a counterpart in the other (the same skeleton, or one
 * skeleton the start of the other: "Rao" / "राव" is "r" / "rb") and it has two words or more, at
 * least one with the same skeleton of two consonants or more; `partial` for one word with the same
 * skeleton of three or more ("Тарас" / Taras Bondarenko); `none` otherwise, and for two names in one
 * script (compared as written elsewhere).
 */
export function compareAcrossScripts(
  a: readonly string[],
  b: readonly string[],
): 'same' | 'partial' | 'none' {
  const spelt = (w: readonly string[]) => w.some((x) => SPELT_SCRIPT.test(x));
  const latin = (w: readonly string[]) => w.every((x) => /^[a-z'-]+$/.test(x));
  if (!((spelt(a) && latin(b)) || (spelt(b) && latin(a)))) return 'none';
  const isHangul = (w: readonly string[]) => w.every((x) => HANGUL.test(x));
  if (isHangul(a) || isHangul(b)) return isHangul(a) ? compareKoreanName(a, b) : compareKoreanName(b, a);
  const devoiced = needsDevoicing(a) || needsDevoicing(b);
  const x = spelt(a) ? skeletons(a, devoiced) : latinSkeletons(a, devoiced);
  const y = spelt(b) ? skeletons(b, devoiced) : latinSkeletons(b, devoiced);
  if (!x?.length || !y?.length) return 'none';
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  const used = new Set<number>();
  let strongest = 0;
  for (const s of short) {
    let found = -1;
    let same = 0;
    for (let i = 0; i < long.length && !same; i++) {
      if (used.has(i)) continue;
      for (const p of s) {
        for (const q of long[i]!) {
          if (p === q) {
            found = i;
            same = p.length;
          } else if (found < 0 && (p.startsWith(q) || q.startsWith(p))) found = i;
        }
      }
    }
    if (found < 0) return 'none';
    used.add(found);
    strongest = Math.max(strongest, same);
  }
  if (short.length >= 2) return strongest >= 2 ? 'same' : 'none';
  return strongest >= 3 ? 'partial' : 'none';
}

/** Doubled letters once, after the families were merged ("dbbst" of DevFest is "dbst", as "ڈیو فیسٹ"). */
const once = (skeleton: string) => skeleton.replace(/(.)\1+/g, '$1');

/** Arabic-script words take a preposition or "and" as their first letter ("لديف فيست": "for DevFest"). */
const ARABIC_CLITIC = /^[لبوفك](?=[\u0600-\u06ff]{3})/;

/**
 * The keys a word of a page written in a spelt script is found by (conference-named.ts): the
 * consonant skeleton of its Latin spelling, doubled letters once, "~" and devoiced for the scripts of
 * `DEVOICED_SCRIPT` (as `latinWordKey` spells a Latin word); also without an Arabic-script clitic.
 * Skeletons of two consonants or more; empty for a word in no spelt script.
 */
export function speltWordKeys(word: string): string[] {
  if (!SPELT_SCRIPT.test(word)) return [];
  const devoiced = needsDevoicing([word]);
  const hangul = spellHangul(word);
  const spellings = hangul
    ? [hangul.join('')]
    : [spellInLatin(word), ARABIC_CLITIC.test(word) ? spellInLatin(word.slice(1)) : null];
  const keys = new Set<string>();
  for (const latin of spellings) {
    const key = latin === null ? '' : once(nameSkeleton(latin, devoiced));
    if (key.length >= 2) keys.add(devoiced ? `~${key}` : key);
  }
  return [...keys];
}

/** The keys a Latin word is looked up by among `speltWordKeys`: plain and devoiced. */
export function latinWordKeys(word: string): string[] {
  const plain = once(nameSkeleton(word));
  return plain.length >= 2 ? [plain, `~${once(nameSkeleton(word, true))}`] : [];
}
