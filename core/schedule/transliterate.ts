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
 * voiceless stops as one (`devoiced`). Han, kana and hangul names are not spelt: their readings need
 * a dictionary (a name table per language), not a letter table.
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

const TABLES: Record<string, string> = {
  ...CYRILLIC,
  ...GREEK,
  ...DEVANAGARI,
  ...ARABIC,
  ...HEBREW,
  ...GEORGIAN,
};

/** The scripts spelt here. */
export const SPELT_SCRIPT =
  /[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Devanagari}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Georgian}\u0980-\u0d7f]/u;

/** Tamil: no voiced stops in its letters (see `devoiced`). */
const TAMIL = /[\u0b80-\u0bff]/;

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
  const letters = word.normalize('NFD').replace(/[\u064b-\u065f\u0670\u0640\u05b0-\u05c7]/g, '');
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

/** Whether a name written in `words` is compared with voiced and voiceless stops as one (Tamil). */
export function needsDevoicing(words: readonly string[]): boolean {
  return words.some((w) => TAMIL.test(w));
}

/** Words that are articles of a name in Latin spellings of Arabic ones ("Al-Sharif", "El Sherif"). */
const ARTICLES = new Set(['al', 'el']);

/** The skeletons of a name's words (`nameSkeleton`), articles and empty ones left out; null: not spelt. */
function skeletons(words: readonly string[], devoiced: boolean): string[] | null {
  const out: string[] = [];
  for (const word of words) {
    if (ARTICLES.has(word)) continue;
    const latin = spellInLatin(word);
    if (latin === null) return null;
    const s = nameSkeleton(latin, devoiced);
    if (s) out.push(s);
  }
  return out;
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
  const devoiced = needsDevoicing(a) || needsDevoicing(b);
  const x = skeletons(a, devoiced);
  const y = skeletons(b, devoiced);
  if (!x?.length || !y?.length) return 'none';
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  const used = new Set<number>();
  let strongest = 0;
  for (const s of short) {
    let found = -1;
    for (let i = 0; i < long.length; i++) {
      if (used.has(i)) continue;
      if (long[i] === s) {
        found = i;
        break;
      }
      if (found < 0 && (long[i]!.startsWith(s) || s.startsWith(long[i]!))) found = i;
    }
    if (found < 0) return 'none';
    used.add(found);
    if (long[found] === s) strongest = Math.max(strongest, s.length);
  }
  if (short.length >= 2) return strongest >= 2 ? 'same' : 'none';
  return strongest >= 3 ? 'partial' : 'none';
}
