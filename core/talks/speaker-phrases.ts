/**
 * How write-ups introduce a talk's speaker, one table per language: the words for a talk, the words
 * that put a speaker after it ("Vortrag von …", "présentée par …", "de la mano de …"), the past-tense
 * verbs a speaker is the subject of ("Sophie Groß zeigte …", "Marie Dupont a présenté …"), the labels
 * of a speaker line ("Speaker: …", "登壇者：…") and, for Japanese, Chinese and Korean, the particles after
 * an honorific ("鈴木花子さんの発表"). speakers.ts and candidates.ts build their patterns from these;
 * every pattern still needs a name shaped like a person's, so a table entry never names anyone alone.
 */
import { parseCaselessPeople, parsePeopleWithRole, withoutOutlineMarkup } from './people';

/** Each entry a list separated by "|"; a "?" or "[oa]" in a word is read as in a regex ("présentée? par"). */
interface LanguagePhrases {
  /** Words for a talk (any case of the first letter). */
  talks: string;
  /** Words between a talk word and its speaker ("Vortrag von", "talk by"). */
  agents: string;
  /** Phrases that introduce a speaker without a talk word before them ("presented by"). */
  presenters: string;
  /** Past-tense speaking verbs whose subject is the speaker. */
  verbs: string;
  /** Verbs of opening or closing, which need a talk or an event word after them ("opened the conference"). */
  openers: string;
}

/** The tables (en, de, fr, es, pt, it, nl). */
export const SPEAKER_PHRASES: Record<string, LanguagePhrases> = {
  en: {
    talks: 'talk|keynote|presentation|session|lecture|workshop|tutorial|panel|demo',
    agents: 'by',
    presenters: 'presented by|given by|delivered by',
    verbs:
      'gave|explained|presented|talked|spoke|showed|introduced|discussed|demonstrated|demoed|described|outlined|walked|shared|delivered|argued|told|reminded|took us',
    openers: 'opened|closed|kicked off|began|started|ended',
  },
  de: {
    talks: 'vortrag|vortrags|talk|keynote|session|präsentation|workshop|beitrag',
    agents: 'von|mit',
    presenters: 'gehalten von|präsentiert von|vorgestellt von',
    verbs:
      'zeigte|erklärte|sprach|präsentierte|berichtete|erzählte|demonstrierte|beschrieb|argumentierte|stellte|führte|nahm uns|teilte',
    openers: 'eröffnete|schloss|beendete',
  },
  fr: {
    talks: 'talk|keynote|présentation|intervention|session|atelier|démo',
    agents: "par|de|d'|d’|avec",
    presenters: 'présentée? par|animée? par|donnée? par|proposée? par|portée? par|présentés par',
    verbs:
      'a présenté|a montré|a expliqué|a parlé|a raconté|a démontré|a décrit|a partagé|a détaillé|a défendu|nous a montré|nous a expliqué|nous a présenté|est revenue? sur',
    openers: 'a ouvert|a clôturé|a lancé|a conclu',
  },
  es: {
    talks: 'charla|ponencia|keynote|presentación|sesión|taller|talk',
    agents: 'de|por|a cargo de|con',
    presenters: 'de la mano de|presentad[oa] por|impartid[oa] por|a cargo de',
    verbs:
      'presentó|explicó|mostró|habló|contó|compartió|demostró|describió|repasó|expuso|dio|nos mostró|nos explicó',
    openers: 'abrió|cerró|inauguró',
  },
  pt: {
    talks: 'palestra|apresentação|keynote|sessão|oficina|talk',
    agents: 'de|da|do|por|com',
    presenters: 'apresentad[oa] por|ministrad[oa] por|conduzid[oa] por',
    verbs: 'apresentou|explicou|mostrou|falou|contou|compartilhou|demonstrou|descreveu|deu|nos mostrou',
    openers: 'abriu|fechou|encerrou',
  },
  it: {
    talks: 'talk|intervento|presentazione|keynote|sessione|workshop',
    agents: 'di|da|con',
    presenters: 'presentat[oa] da|tenut[oa] da',
    verbs:
      'ha presentato|ha mostrato|ha spiegato|ha parlato|ha raccontato|ha condiviso|ha descritto|ha dimostrato|ci ha mostrato',
    openers: 'ha aperto|ha chiuso',
  },
  nl: {
    talks: 'lezing|presentatie|talk|keynote|sessie|voordracht|workshop',
    agents: 'van|door|met',
    presenters: 'gegeven door|gepresenteerd door|verzorgd door',
    verbs: 'liet zien|vertelde|presenteerde|sprak|legde uit|deelde|toonde|beschreef|gaf',
    openers: 'opende|sloot|trapte af',
  },
};

/**
 * Talk and event words that may follow an opening verb ("opened the conference", "abriu o evento"); not
 * "the day", which a sponsor opens as often ("Red Hat kicked off the day").
 */
export const OPENED_WHAT =
  'talk|keynote|session|presentation|lecture|conference|event|vortrag|konferenz|veranstaltung|conférence|événement|charla|conferencia|evento|palestra|sessão|conferenza|lezing|conferentie';

const all = (key: keyof LanguagePhrases) =>
  [...new Set(Object.values(SPEAKER_PHRASES).flatMap((l) => l[key].split('|')))].sort(
    (a, b) => b.length - a.length,
  );

/** A word list as a regex alternation, the first letter in either case (no `i` flag: names need case). */
function alternation(words: string[]): string {
  return words
    .map((w) => {
      const first = w[0] ?? '';
      return `[${first.toUpperCase()}${first}]${w.slice(1).replace(/ /g, '[ \\t]+')}`;
    })
    .join('|');
}

export const TALK_WORD = `(?:${alternation(all('talks'))}|Q&A)`;
export const AGENT_WORD = `(?:${alternation(all('agents'))})`;
export const PRESENTER_PHRASE = `(?:${alternation(all('presenters'))})`;
export const SPEAKING_VERB = `(?:${alternation(all('verbs'))}|(?:${alternation(all('openers'))})(?=[^.!?\\n]{0,60}(?<!\\p{L})(?:${OPENED_WHAT})(?!\\p{L})))`;

/**
 * "鈴木花子さんの発表", "鈴木 花子氏による講演", "김지은 님의 발표", "王浩老师的分享": a name written in
 * CJK scripts, an honorific, a particle and a word for a talk. The family name is written in kanji or
 * katakana, so a particle before it ("午後は") is not part of the name.
 */
export const CJK_SPEAKER =
  /((?:[\p{Script=Han}\p{Script=Katakana}]{1,3}[ \u3000]?[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]{1,3})|\p{Script=Hangul}{2,4})\s?(?:さん|氏|先生|님|老师|老師)\s?(?:の|による|が|의|的)\s?(?:基調講演|講演|発表|登壇|セッション|トーク|ライトニングトーク|LT|키노트|발표|강연|세션|主题演讲|演讲|演講|分享|报告|報告)/gu;

/**
 * "Speaker: Jane Doe", "Speakers: A, B", "Sprecherin: …", "登壇者：…", "by Jane Doe"; "👤 Jane Doe, Acme", the
 * person emoji posts without markup (LinkedIn, X) use as the label.
 */
const SPEAKER_LINE =
  /^((?:speakers?|speaker\(s\)|presenters?|presented by|given by|by|sprecher(?:in)?(?:innen)?|referent(?:in)?(?:en)?|intervenants?|orateurs?|ponentes?|ponente|orador(?:a|es|as)?|palestrantes?|sprekers?|relatori?|relatrice|докладчи(?:ки|ца|к)|спикеры?|выступающ(?:ий|ая|ие)|prelegen(?:tka|tki|ci|t)|mówca|mówczyni|přednášející|řeční(?:ce|ci|k)|mluvčí|доповідач(?:ка|і)?|konuşmacı(?:lar)?|előadó(?:k)?|föreläsare|foredragsholder|puhuja(?:t)?|pembicara|narasumber|penceramah|diễn giả|người trình bày|moderat(?:orin|orka|rice|eur|ör|or)|moderador(?:a|es|as)?|modérat(?:eur|rice)|(?:palestra|charla|conférence|talk|vortrag|keynote) (?:de|by|von|par|por)|登壇者|講演者|発表者|スピーカー|讲师|讲者|演讲者|演讲人|分享者|(?:分享|演讲|特邀)?嘉宾|講師|講者|演講者|演講人|主講人?|主讲人?|발표자|연사|מרצ(?:ה|ָה|ים|ות)|דובר(?:ת|ים|ות)?|المتحدث(?:ة|ون|ين)?|المحاضر(?:ة|ون|ين)?|مقرر(?:ہ|ین)?|👤|👥))\s*[:：]?\s*(.{2,200})$/iu;
/**
 * Labels that name one person: after "Speaker: Jane Doe," comes her role or company ("Prelegent: Jan
 * Nowak, Hurtownia Danych" is one man), where "Speakers: A, B" lists people.
 */
const ONE_SPEAKER_LABEL =
  /^(?:speaker|presenter|sprecher|sprecherin|referent|referentin|intervenant|intervenante|orateur|oratrice|ponente|orador|oradora|palestrante|spreker|relatore|relatrice|докладчик|докладчица|спикер|выступающий|выступающая|prelegent|prelegentka|mówca|mówczyni|řečník|řečnice|доповідач|доповідачка|konuşmacı|előadó|föreläsare|foredragsholder|puhuja|penceramah|diễn giả|người trình bày|moderator|moderatör|moderatorin|moderatorka|moderatrice|modérateur|modératrice|moderador|moderadora|(?:分享|演讲|特邀)?嘉宾|מרצה|מרצָה|דובר|דוברת|المتحدث|المتحدثة|المحاضر|المحاضرة|مقرر|مقررہ|👤)$/iu;

/** A first word (a label) and a bar after it: "分享嘉宾｜", "Speaker | ". */
const LABEL_BAR = /^(\S{1,16})\s*[|｜]\s*/u;

/** The people of a speaker line ("Speaker: Jane Doe, Acme", "登壇者：鈴木花子さん"), or none. */
export function speakerLine(text: string): string[] {
  // "分享嘉宾｜Name, role": a bar right after the label sets it apart as a colon would; any later bar
  // or dot starts what is no longer the people.
  const line = withoutOutlineMarkup(text)
    .replace(LABEL_BAR, '$1: ')
    .replace(/\s*[·•|｜].*$/u, '');
  const m = SPEAKER_LINE.exec(line);
  if (!m?.[1] || !m[2]) return [];
  // "@luchi_dev (Lucía Benítez)": a handle with the person's name after it names that person.
  const people = m[2]
    .replace(/@[\p{L}\p{N}_.]+\s*[(（]([^()（）]{3,80})[)）]/gu, '$1')
    // "@Hafiz Rahman": a document's person chip, a mention of a full name.
    .replace(/@(?=\p{Lu}\p{Ll}+\s+\p{Lu})/gu, '');
  // "Speaker: Jane Doe (Acme). Notes: Kim.": the line goes on after a full stop; the people come before it.
  const sentence = people.replace(/(?<=[\p{L})]{2})[.;]\s.*$/u, '');
  const named = ONE_SPEAKER_LABEL.test(m[1]) ? sentence.replace(/\s*[,，].*$/u, '') : sentence;
  // After a label, names in a script without letter case need no capitals to tell them ("מרצה: נועה ברק").
  return parsePeopleWithRole(named) ?? parseCaselessPeople(named.replace(/[.;:]+$/u, '')) ?? [];
}
