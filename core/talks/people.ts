/**
 * Whether a string names people: "Jane Doe", "Jose Manrique Lopez de la Fuente", "佐伯 真理子", and lists
 * of them ("A & B", "A and B", "A, B und C", "A og B", "A och B", "A ja B", Latvian "A un B", Lithuanian "A ir B", Swahili "A na B", Kazakh "A және B"). Precision first: a single word ("Siemens", "Hashimoto"),
 * a company ("Kestrel Cloud", "Hanse Logistik AG") or a phrase ("Sort Of") is not a person here.
 */

const PARTICLE = `(?:de|del|della|der|den|da|das|di|do|dos|du|la|le|van|von|ter|ten|bin|ibn|al|y|zu|af|av|el)`;
const RE_PARTICLE = new RegExp(`^${PARTICLE}$`, 'u');
/** "Jörg", "McHardy", "O'Brien", "Jean-Luc", "DeShawn", an initial "J." */
const RE_NAME_WORD =
  /^(?:\p{Lu}(?:\p{Ll}|\p{M})*(?:\p{Lu}(?:\p{Ll}|\p{M})+)?(?:['’-]\p{Lu}?(?:\p{Ll}|\p{M})+)*|\p{Lu}\.)$/u;
/**
 * Japanese or Chinese names: family and given name, with or without a space; Korean names: two to four
 * syllables in one word ("김지은"), since two spaced Hangul words are a phrase ("측정부터 시작하기").
 */
const RE_CJK_NAME =
  /^(?:[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]{1,4}(?: |\u3000)?[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]{1,4}|\p{Script=Hangul}{2,4})$/u;

/** Words that occur in organisation, product or place names, or start sentences: never in a person's name. */
const NOT_NAME_WORDS = new Set(
  `a an and as at after also before but by during first finally following for from he her here his however i in it its
  last later my next now of on or our overall second she so that the their then there these they third this those today
  tomorrow we when while with yesterday you your keynote talk talks session sessions panel lightning q&a speaker speakers
  mr mrs ms dr prof sir inc ltd llc gmbh ag sa bv plc co corp corporation company labs lab cloud software systems
  technologies technology tech solutions group team foundation university institute college school consulting
  services networks digital data analytics studio studios partners bank logistics retail media games security ventures
  capital research project community summit conference meetup day track room hall stage part video slides recording
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december north south east west new old open source free general live
  principal senior staff lead head chief director manager engineer engineering developer architect consultant
  founder cofounder co-founder ceo cto vp president officer advocate evangelist researcher professor lecturer
  student maintainer designer product platform performance reliability infrastructure backend frontend
  why how what who where`.split(/\s+/),
);

/** A Japanese, Chinese or Korean name ("佐伯 真理子", "林美咲", "김지은"). */
export function isCjkName(name: string): boolean {
  return RE_CJK_NAME.test(name.trim());
}

/**
 * A name written in a script without letter case (Hebrew, Arabic, Devanagari, Thai …): one to three
 * words of such a script, after an honorific abbreviation if any ("م. هالة منصور" -> "هالة منصور").
 * Capitals cannot tell such a name from a phrase ("दोपहर का खाना", lunch): callers take it only where
 * the talk's notes name the person again. Null for anything else (CJK names have their own shape).
 */
export function caselessName(text: string): string | null {
  const name = text.trim().replace(CASELESS_HONORIFIC, '').trim();
  const words = name.split(/\s+/);
  if (!name || words.length > 3) return null;
  return words.every((w) => CASELESS_WORD.test(w) && !CJK_SCRIPT.test(w)) ? name : null;
}
/** Georgian's letters are lower case in Unicode (its capitals are display forms): a caseless script in use. */
const CASELESS_WORD = /^[\p{Lo}\p{M}\p{Script=Georgian}]{2,}$/u;
const CJK_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** "م." (engineer), "د." (doctor), "ד״ר", "डॉ.", "श्री", Tamil "முனைவர்" (Dr): a title before a name in these scripts. */
const CASELESS_HONORIFIC =
  /^(?:\p{Lo}{1,2}\.|ד["״]ר|डॉ\.?|श्री(?:मती)?(?=\s)|(?:முனைவர்|டாக்டர்|திருமதி|திரு)(?=\s))\s*/u;

/**
 * Words at the edge of names in a script without letter case that the page also writes beside another
 * person's name: an honorific ("… வெங்கடேசன் அவர்கள்" and "கவிதா அவர்கள்", the respectful "they"), not a
 * name's part. Capitals cannot tell them apart in such a script; standing beside two people's names can,
 * in any language. `names` are the names as read, `text` the page's.
 */
export function honorificsAmong(names: readonly string[], text: string): Set<string> {
  const found = new Set<string>();
  const beside = (a: string, b: string) =>
    new RegExp(`(?<![\\p{L}\\p{M}])${escaped(a)}\\s+${escaped(b)}(?![\\p{L}\\p{M}])`, 'u').test(text);
  for (const name of names) {
    const words = name.split(/\s+/);
    if (words.length < 2) continue;
    const others = names.filter((n) => n !== name).flatMap((n) => n.split(/\s+/));
    const [first, last] = [words[0]!, words[words.length - 1]!];
    if (others.some((w) => w !== last && !words.includes(w) && beside(w, last))) found.add(last);
    if (others.some((w) => w !== first && !words.includes(w) && beside(first, w))) found.add(first);
  }
  return found;
}
const escaped = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** People named in a script without letter case ("נועה לוי", "هالة منصور، يوسف"), as `caselessName` reads each. */
export function parseCaselessPeople(text: string): string[] | null {
  const bare = text.replace(/\s*[(（][^()（）]*[)）]/gu, ' ');
  const read = (joined: string) => {
    const parts = joined
      .split(/\s*(?:,|،|&|(?<![\p{L}\p{M}])(?:and|और|و|ו)(?![\p{L}\p{M}]))\s*/u)
      .filter(Boolean);
    if (!parts.length || parts.length > 4) return null;
    const people = parts.map(caselessName);
    return people.every((p): p is string => p !== null) ? people : null;
  };
  // Hebrew and Arabic write "and" as a letter glued to the next word ("יעל כהן ואיתי רוזן"): read so
  // only where the whole does not read as names.
  return read(bare) ?? read(bare.replace(GLUED_AND, ' $1 '));
}
/** "and" glued to the word after it, after a word of its own script: Hebrew "ו", Arabic "و". */
const GLUED_AND = /(?<=[\p{L}\p{M}]\s)(ו|و)-?(?=[\p{L}])/gu;

/** A Japanese honorific after a name: "さん", "氏", "様", "先生". */
export const HONORIFIC = /(?:さん|氏|様|先生)(?:\s|$|[・･,、])/u;

/** True when `name` looks like one person's name (two to five words, or a CJK name). */
export function isPersonName(name: string): boolean {
  const text = name.trim();
  if (RE_CJK_NAME.test(text)) return true;
  const words = text.split(/\s+/);
  const real = words.filter((w) => !RE_PARTICLE.test(w));
  if (real.length < 2 || words.length > 6) return false;
  // A particle opens a name only before a family name alone ("van der Merwe"); before a given and a
  // family name it is a preposition ("di Chiara Lombardi", "von Jana Novak": "by …").
  if (!RE_NAME_WORD.test(words[0] ?? '')) return false;
  return real.every((w) => RE_NAME_WORD.test(w) && !NOT_NAME_WORDS.has(w.toLowerCase().replace(/\.$/, '')));
}

/**
 * The people of a list such as "Tomasz Wrzesień & Aiko Brandt (Kestrel Cloud)", "Clara Jansen and Mo
 * Farouk", "Priya Natarajan, Jorge Albuquerque": company parts in parentheses or after a comma-role are
 * dropped. Null when any part is not a person: a list is all people or it is not a list of speakers.
 */
export function parsePeople(text: string): string[] | null {
  const withoutOrgs = text
    .replace(/\s*[(（][^()（）]*[)）]/gu, ' ')
    // "Jörg Schad from Mesosphere", "Ana Ruiz de Acme"; but "Sanne de Wit" is a name ("de" after a lone first name).
    .replace(/(\S+\s+\S+)\s+(?:from|of|at|von|de|chez|bei|del)\s+[\p{Lu}\d][^,&]*$/u, '$1')
    .replace(/[.;:]+$/u, '')
    .trim();
  if (!withoutOrgs) return null;
  const parts = withoutOrgs
    // Letter-aware word edges: \b is ASCII-only, and "Renée" must not split at its last "e".
    // "A さん・B さん": the middle dot lists people only after an honorific (it also joins the parts of
    // one name written in katakana).
    .split(
      /\s*(?:,|，|&|＆|、|\/|(?<=さん|氏|様|先生)[・･]|(?<!\p{L})(?:and|und|et|y|e|en|i|a|и|dan|và|ve|og|och|ja|un|ir|ning|és|și|şi|και|na|және|mit|with|와|과|和)(?!\p{L}))\s*/u,
    )
    .map((p) => p.trim());
  // "and a Few Wins" opens with a conjunction: a phrase, not a list of people.
  if (!parts[0] || parts.length > 8) return null;
  const people: string[] = [];
  for (const part of parts.filter(Boolean)) {
    const person = stripHonorific(part);
    // An honorific of address first: "Mbak Sekar" reads as two capitalised words, and is one name.
    const addressed = nameAfterHonorific(part);
    if (!addressed && !isPersonName(person)) return null;
    people.push(addressed ?? person);
  }
  return people;
}

/**
 * Vietnamese, Indonesian and Malay writers name a speaker by an honorific of address and the given name
 * ("anh Tuấn", "chị Lan", "Mbak Sekar", "Pak Budi", "Encik Lim Wei Jie"): the honorific says a person is meant, so one name is
 * enough. Vietnamese ones in lower case only: a capitalised "Anh" is as often a given name. Null for
 * anything else.
 */
function nameAfterHonorific(part: string): string | null {
  const name = (VI_HONORIFIC.exec(part.trim()) ?? ID_HONORIFIC.exec(part.trim()))?.[1];
  if (!name) return null;
  const words = name.split(/\s+/);
  return words.every((w) => RE_NAME_WORD.test(w) && !NOT_NAME_WORDS.has(w.toLowerCase())) ? name : null;
}
const VI_HONORIFIC =
  /^(?:anh|chị|em|bạn|thầy|cô|ông|bà)\s+(\p{Lu}[\p{L}\p{M}]*(?:\s+\p{Lu}[\p{L}\p{M}]*){0,3})$/u;
const ID_HONORIFIC =
  /^(?:[Mm]bak|[Mm]as|[Pp]ak|[Bb]apak|[Bb]u|[Ii]bu|[Kk]ak|[Ee]ncik|[Cc]ik|[Pp]uan)\s+(\p{Lu}[\p{L}\p{M}]*(?:\s+\p{Lu}[\p{L}\p{M}]*){0,3})$/u;

/**
 * People named before a role or an affiliation: "Rocío Benítez, consultora de accesibilidad",
 * "Diego Martins e Larissa Okamoto, da Pagadoria". Comma parts are dropped from the end until the rest
 * is a list of people.
 */
export function parsePeopleWithRole(text: string): string[] | null {
  let rest = text.trim();
  for (let i = 0; i < 4 && rest; i++) {
    const people = parsePeople(rest);
    if (people) return people;
    const cut = Math.max(rest.lastIndexOf(','), rest.lastIndexOf('，'));
    if (cut <= 0) return null;
    rest = rest.slice(0, cut).trim();
  }
  return null;
}

/**
 * A line of an outliner (Logseq, Obsidian, Roam, Org) as a reader sees it: a page link's brackets
 * ("[[Jane Doe]]"), tags at the end ("#talk #api", ":talk:cloud:") and a task state in front ("DONE",
 * "TODO") are the outliner's markup, not part of a title or a name.
 */
export function withoutOutlineMarkup(text: string): string {
  return text
    .replace(/\[\[([^[\]]{1,120})\]\]/gu, '$1')
    .replace(OUTLINE_TAGS, '')
    .replace(/^\s*(?:TODO|DONE|DOING|LATER|NOW|WAITING|CANCELED|CANCELLED)\s+(?=\S)/u, '');
}
/** Tags after an outline's line: "#talk #api" (Logseq, Obsidian), ":talk:cloud:" (Org). */
const OUTLINE_TAGS = /(?:\s+#[\p{L}\p{N}_/-]+)+\s*$|\s+:(?:[\p{L}\p{N}_@#%]+:)+\s*$/u;

/** The tags after an outline's line ("Title :talk:cloud:" -> ["talk", "cloud"]). */
export function outlineTags(text: string): string[] {
  return (OUTLINE_TAGS.exec(text)?.[0] ?? '').split(/[\s:#]+/u).filter(Boolean);
}

/** "佐伯 真理子さん" -> "佐伯 真理子"; "Dr. Jane Doe" -> "Jane Doe". */
export function stripHonorific(name: string): string {
  return (
    name
      .trim()
      // Japanese honorifics, Korean 님 ("김지은 님") and Chinese 老师 ("王浩老师") after a name.
      .replace(/\s?(?:さん|氏|様|先生|くん|君|님|老师|老師)$/u, '')
      .replace(/^(?:dr|prof|mr|mrs|ms|mx)\.?\s+/i, '')
      .trim()
  );
}

/**
 * How a person's name is written again in a talk's notes. `clitic`: a word of the name (three letters or
 * more) as a whole word, after a one-letter clitic at most ("לנועה": scripts without letter case), and
 * for a word of four letters or more with a case ending of up to three ("ლაშამ", Georgian's ergative).
 * `inflected`: a word of four letters or more by its stem (all but its last two letters, four at least)
 * with an ending of up to four letters ("Андрій" in "Андрієм"), inside a sentence, not opening one.
 */
export type NameRecurrence = 'clitic' | 'inflected';

/** A word of `name` recurs in `text` as `how` reads it. */
export function nameWordRecurs(name: string, text: string, how: NameRecurrence): boolean {
  const clitic = how === 'clitic';
  return name
    .split(/\s+/)
    .filter((w) => w.length >= (clitic ? 3 : 4))
    .some((w) => {
      const part = (clitic ? w : w.slice(0, Math.max(4, w.length - 2))).replace(
        /[.*+?^${}()|[\]\\]/g,
        '\\$&',
      );
      // A case ending of up to three letters after a name of four letters or more ("ლაშამ", "ლაშას").
      const ending = w.length >= 4 ? String.raw`\p{L}{0,3}` : '';
      const pattern = clitic
        ? `(?<![\\p{L}\\p{M}])\\p{L}?${part}${ending}(?![\\p{L}\\p{M}])`
        : `(?<![.!?]\\s|^|\\n|\\p{L})${part}\\p{L}{0,4}(?!\\p{L})`;
      return new RegExp(pattern, 'u').test(text);
    });
}

/**
 * The form of `name` that opens a sentence of `text`, where one does: in languages with grammatical
 * cases a sentence's subject is in the nominative, the form a name is recorded in ("za Marka Vukovića
 * …. Marko Vuković nije …" gives "Marko Vuković"). Each word of the form starts as the name's word
 * does (all but its last two letters, three to six of them: "Lane" and "Lana", "Zielińskiego" and
 * "Zieliński"). The name itself when no sentence opens so.
 */
export function nominativeIn(name: string, text: string): string {
  const words = name.split(/\s+/);
  if (words.length < 2) return name;
  const stems = words.map((w) =>
    w
      .slice(0, Math.min(w.length, Math.max(3, Math.min(6, w.length - 2))))
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
  );
  const pattern = stems.map((stem) => `${stem}[\\p{L}\\p{M}'’-]*`).join('\\s+');
  const m = new RegExp(`(?:^|[.!?]\\s+)(${pattern})(?![\\p{L}\\p{M}])`, 'u').exec(text);
  return m?.[1] && isPersonName(m[1]) ? m[1] : name;
}

/** Two to four capitalised words: where a person may be named. */
export const NAME_RUN = /(?<![\p{L}\p{M}])\p{Lu}[\p{L}\p{M}'’-]+(?:\s+\p{Lu}[\p{L}\p{M}'’-]+){1,3}/gu;

/** A person named in `text`: two to four capitalised words that read as one person's name. */
export function namesAPerson(text: string): boolean {
  for (const m of text.matchAll(NAME_RUN)) if (parsePeople(m[0])?.length === 1) return true;
  return false;
}
