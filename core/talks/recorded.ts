/**
 * Positive evidence that a talk was given and is being reported. A write-up records talks that were
 * given, and says so in ways any page can be read for: a person tied to the title line, people named
 * and referred to again in the notes (a name, a third-person pronoun as subject), what someone said
 * (quoted speech), a recording or the slides of that talk, a title line shaped as a programme's entry
 * (quoted, a time in front, a kind of talk). A page that merely mentions talks (a how-to, a guide, a
 * calendar, a call) addresses its reader instead: its lines are steps, its notes say "you".
 * Each candidate gets a score from these marks; `recordedTalks` is the page's gate over candidates that
 * came from generic structure. Words are read only where there is no other way: pronouns, in the small
 * tables below (the corpus's languages and the world's common ones).
 */
import { clean } from './dom';
import { linksToRecording } from './links';
import { namesAPerson } from './people';
import { QUOTED } from './single-talk';
import { parseTalkTitle } from './title-parse';

/** What the gate reads of a candidate talk: its line, speakers and notes (title line included). */
export interface RecordCandidate {
  title: string;
  speakers: string[];
  heading: Element;
  notes: { text: string; els: Element[] };
}

/** The marks one candidate bears, each for or against its being a talk given and reported. */
export interface RecordMarks {
  /** A person tied to the title line (the line's or the card's speakers). */
  speaker: boolean;
  /** A person named under the title. */
  person: boolean;
  /** Someone's words or acts reported: speech in quotation marks, a third-person subject. */
  attribution: boolean;
  /** The notes speak of the talk they stand under: "the talk", "her keynote", "la charla", "この講演". */
  talkReference: boolean;
  /** A link to a recording, the slides or the talk's page. */
  recording: boolean;
  /** The line is a programme entry's: a quoted title, a time or place in front, a kind of talk. */
  titleShaped: boolean;
  /** The line is a step of advice: a numbered label (a question is not: talks are titled as questions too). */
  advice: boolean;
  /** The notes speak to the reader ("you") more than of anyone else. */
  addressesReader: boolean;
}

/** A quotation that reports speech rather than names a title: four words or more. */
const SPEECH_WORDS = 4;
/**
 * One talk referred to as given, by an article, a demonstrative or a third person's possessive ("the
 * talk", "his keynote"; "a talk" and "your talk" speak of any talk), in the languages detection reads.
 */
const TALK_REFERENCE = new RegExp(
  [
    String.raw`(?:the|this|that|her|his|their)\s+(?:\p{L}+\s+)?(?:talk|keynote|session|presentation|lecture|slides|workshop)`,
    String.raw`(?:der|den|dem|im|seinem|seinen|ihrem|ihren|diesem|dieser|die|ihre|seine)\s+(?:Vortrag|Vortrags|Talk|Keynote|Folien|Präsentation)`,
    String.raw`(?:la|sa|cette|le|son|ce|ses)\s+(?:conférence|présentation|keynote|session|talk|slides)`,
    String.raw`(?:la|su|esta|esa|a|na|da|sua|súa|esta|essa)\s+(?:charla|ponencia|presentación|palestra|apresentação|sesión|sessão)`,
    String.raw`(?:il|nel|suo|questo|l['’])\s?(?:talk|intervento|keynote)|(?:la|sua|questa)\s+presentazione`,
    String.raw`(?:de|zijn|haar|deze)\s+(?:talk|lezing|presentatie|keynote)`,
    String.raw`(?:его|её|ее|этот|этом|в|його|її|цей|цьому|у)\s+(?:доклад|выступлени|доповід|виступ)\p{L}*`,
  ]
    .map((p) => String.raw`(?<!\p{L})(?:${p})(?!\p{L})`)
    .concat([
      'この(?:講演|発表|トーク|セッション)|(?:講演|発表)では|这(?:个|场|次)?(?:演讲|分享|报告)|이 (?:발표|세션|강연)|발표에서',
    ])
    .join('|'),
  'iu',
);
/** A step or tip: a number opening the line ("1.", "Step 2:", "#3"). */
const STEP = /^\s*(?:\p{L}{1,12}\s*)?[#№]?\d{1,2}\s*[.:)：—–-]\s/u;

/**
 * Third-person singular pronouns, whole words: the notes speak of someone ("they" speaks of anyone). Words that are also common words of
 * another language are left out ("el", "de", "o", "one"); a word read wrongly here only keeps talks.
 */
const THIRD_PERSON = new Set(
  [
    'he she his him her', // English
    'er sie ihr ihm', // German ("sie" is also "they"; "Sie" the reader, read as "sie": it only keeps talks)
    'il elle', // French
    'él ella', // Spanish
    'ele ela', // Portuguese, Galician
    'lui lei', // Italian
    'hij zij', // Dutch
    'han hon hun hann hún', // Swedish, Norwegian, Danish, Icelandic
    'hy sy', // Afrikaans
    'ona jej jego', // Polish, Czech, Slovak, Croatian, Serbian and Slovenian in Latin letters
    'он она его её він вона його її той тя тој таа ён яна', // Cyrillic
    'dia beliau siya', // Indonesian, Malay, Tagalog
    'hän ta tema', // Finnish, Estonian
    'viņš viņa jis ji', // Latvian, Lithuanian
    'ő', // Hungarian
    'ai ajo', // Albanian
    'αυτός αυτή', // Greek
    'նա', // Armenian
    'ის მან', // Georgian
    'ол u', // Kazakh, Uzbek
    'هو هي او وی وہ انہوں', // Arabic, Persian, Urdu
    'הוא היא', // Hebrew
    'वह उन्होंने उसने त्यांनी तो ती', // Hindi, Marathi
    'তিনি সে', // Bengali
    'ఆయన ఆమె అతను', // Telugu
    'அவர் அவள் அவன்', // Tamil
    'ell', // Catalan
    'ea', // Romanian
    'yeye', // Swahili
    'hark berak', // Basque
  ].flatMap((line) => line.split(' ')),
);
/**
 * Third person in scripts written without spaces, and in phrases: "彼は", "她", "그는", "さんは", Thai
 * "เขา"/"เธอ", Vietnamese "anh ấy".
 */
const THIRD_PERSON_PHRASE =
  /彼[は女]|她|(?<!其)他(?!们)|그[는녀가]|さん[はがの]|氏[はが]|님[은이의]|เขา|เธอ|(?<!\p{L})(?:anh|chị|ông|bà|cô) ấy(?!\p{L})/gu;

/**
 * Second-person words, whole words: the writer addresses the reader. Kept to words that are nothing
 * else in another language of either table ("je", "din", "ni", "zu" are left out): one read wrongly
 * here counts against a talk.
 */
const SECOND_PERSON = new Set(
  [
    'you your yours yourself', // English
    'du dich dir dein deine euch eure', // German
    'vous votre vos', // French ("tu" is also Swahili for "only")
    'tú usted ustedes vuestro vuestra', // Spanish
    'você vocês teu tua teus tuas túa túas', // Portuguese, Galician
    'tuo voi vostro', // Italian
    'jij jouw jullie', // Dutch ("je" is also French for "I")
    'dig deg dere þú jy jou', // Scandinavian, Icelandic, Afrikaans
    'ty twój wy wasz vy váš tvůj', // Polish, Czech
    'ты вы ваш ваша твой вам вас ти ви вие', // Cyrillic
    'kamu kalian ikaw', // Indonesian, Malay, Tagalog ("Anda" below)
    'bạn', // Vietnamese
    'sinä sinun sina teie', // Finnish, Estonian
    'jūs', // Latvian, Lithuanian
    'sen siz senin sizin', // Turkish
    'εσύ εσείς σας', // Greek
    'դու դուք', // Armenian
    'შენ თქვენ', // Georgian
    'أنت أنتم شما آپ', // Arabic, Persian, Urdu
    'אתה אתם', // Hebrew
    'आप तुम तुम्ही', // Hindi, Marathi
    'আপনি তুমি', // Bengali
    'మీరు', // Telugu
    'நீங்கள்', // Tamil
    'vostè vosaltres', // Catalan
    'ti vostede', // Galician, Italian, Croatian, Albanian
    'wewe nyinyi', // Swahili
    'zuk zuen', // Basque
  ].flatMap((line) => line.split(' ')),
);
/** Second-person words that count only as written: Indonesian and Malay "Anda" ("anda" is Turkish, "at"). */
const SECOND_PERSON_CASED = new Set(['Anda']);
/** Second person in scripts written without spaces. */
const SECOND_PERSON_CJK = /あなた|皆さん|你|您|당신|여러분/gu;
const WORD = /[\p{L}\p{M}]+/gu;

/** The marks `talk` bears. */
export function recordMarks(talk: RecordCandidate): RecordMarks {
  const line = clean(talk.heading.textContent);
  // The notes as read (bounded), without the line itself.
  const under = talk.notes.text.replace(line, '');
  const parsed = parseTalkTitle(line);
  const { third, second } = personCounts(under);
  return {
    speaker: talk.speakers.length > 0,
    person: namesAPerson(under),
    attribution: third > 0 || reportsSpeech(under),
    talkReference: TALK_REFERENCE.test(under),
    recording: talk.notes.els.some((el) => linksToRecording(el)),
    titleShaped:
      !!(parsed.marker || parsed.time || parsed.slot || parsed.code) || talk.title.match(QUOTED) !== null,
    advice: STEP.test(line),
    addressesReader: second > 0 && second > third,
  };
}

/** One candidate's score: marks of a record count one each (a tied speaker two), marks against minus one. */
export function recordScore(marks: RecordMarks): number {
  return (
    (marks.speaker ? 2 : 0) +
    Number(marks.person) +
    Number(marks.attribution) +
    Number(marks.talkReference) +
    Number(marks.recording) +
    Number(marks.titleShaped) -
    Number(marks.advice) -
    Number(marks.addressesReader)
  );
}

/** How often `text` speaks of someone in the third person, and to the reader in the second. */
function personCounts(text: string): { third: number; second: number } {
  let third = text.match(THIRD_PERSON_PHRASE)?.length ?? 0;
  let second = text.match(SECOND_PERSON_CJK)?.length ?? 0;
  for (const [word] of text.matchAll(WORD)) {
    const lower = word.toLowerCase();
    if (THIRD_PERSON.has(lower)) third++;
    else if (SECOND_PERSON.has(lower) || SECOND_PERSON_CASED.has(word)) second++;
  }
  return { third, second };
}

/** Speech in quotation marks: a quotation of four words or more (a title is shorter, as a rule). */
function reportsSpeech(text: string): boolean {
  for (const m of text.matchAll(QUOTED)) {
    const quote = m.slice(1).find(Boolean) ?? '';
    if ((quote.match(WORD)?.length ?? 0) >= SPEECH_WORDS) return true;
  }
  return false;
}

/** Share of a page's talks that must bear a record (more than it) for its unmarked talks to stand. */
const RECORDED_SHARE = 1 / 2;

/**
 * The page's gate: where no more than half of `talks` bear a record of a talk given (a score of one or
 * more), only those with an explicit talk mark stand (a speaker tied to the line, a programme-shaped
 * line); the others came from generic structure and the page records none of them. A write-up whose
 * other talks are plainly recorded keeps an unmarked one (a speaker it cannot read).
 */
export function recordedTalks<T extends RecordCandidate>(talks: readonly T[]): T[] {
  if (talks.length < 2) return [...talks];
  const marks = talks.map(recordMarks);
  const recorded = marks.map((m) => recordScore(m) >= 1);
  if (recorded.filter(Boolean).length > talks.length * RECORDED_SHARE) return [...talks];
  return talks.filter((_, i) => marks[i]!.speaker || marks[i]!.titleShaped);
}
