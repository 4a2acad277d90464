/**
 * A talk title as a careful reader would record it, from the line that introduces the talk: without
 * emoji, numbering, a session code, a time, a room or a "Keynote:" marker in front, and without the
 * speakers, a company or a "(video)" mark behind. What was taken off is kept: the speakers, the marker
 * (a marker is evidence that the line names a talk) and a speaker-looking prefix ("Jane Doe: Title")
 * that the caller confirms against the write-up, since "Signals Everywhere: What …" reads the same.
 */
import {
  HONORIFIC,
  isCjkName,
  isPersonName,
  outlineTags,
  parseCaselessPeople,
  parsePeople,
  withoutOutlineMarkup,
} from './people';

export type TalkMarker = 'keynote' | 'talk' | 'lightning' | 'panel' | 'workshop' | 'paper';

export interface ParsedTitle {
  title: string;
  /** People named in the line itself ("— Jane Doe (Acme)", "by Jane Doe", "（佐伯 真理子さん）"). */
  speakers: string[];
  marker: TalkMarker | null;
  /** A session code such as "ARC305" stood in front. */
  code: string | null;
  /** A time such as "10:30" stood in front (live blogs, schedules). */
  time: string | null;
  /**
   * A place in the programme stood in front ("Room 2:", "Saal 1, 12:50 —", "14:30 | Hall B |"): a slot
   * of a programme, which names a talk as a marker does where the line is no break.
   */
  slot: string | null;
  /** "Jane Doe: Title": the people before the colon, to be confirmed by the caller. */
  prefixPeople: string[];
  /** The title with the prefix people removed, for when they are confirmed. */
  titleAfterPrefix: string | null;
  /** The prefix people stood before a dash ("Jane Doe — Title"), not a colon. */
  prefixDash: boolean;
  /** What was taken off behind as the speakers, separator included (" with Free-Threaded Python"). */
  speakerSuffix: string;
  /**
   * Where the line names no speaker as `people.ts` reads people, the reading with speakers written in
   * a script without letter case, behind or in front ("T – נועה לוי", "अनन्या राव — T", "T (يوسف)"):
   * the title without them, and them. The caller takes it only where the talk's notes name them again.
   */
  caseless: { title: string; speakers: string[] } | null;
}

const MARKERS: [RegExp, TalkMarker][] = [
  [
    /^(?:opening |closing |morning |afternoon |the |(?:mon|tues|wednes|thurs|fri|satur|sun)day |day (?:one|two|three|\d) )?keynote(?: talk| address| speech)?$|^keynote (?:d['’]ouverture|de clôture|de cierre|de apertura|d['’]apertura)$|^keynote (?:de abertura|de encerramento|inaugural)$|^(?:palestra|conferencia|charla) (?:de abertura|inaugural|de apertura)$|^(?:eröffnungs|abschluss)-?keynote$|^(?:主题演讲|主旨演讲|特邀演讲|开场演讲|기조연설|키노트)$|^(?:conférence|session) (?:d['’]ouverture|de clôture|plénière)$|^plénière$|^基調講演$|^キーノート$|^keynote-vortrag$|^(?:nyitó|záró) (?:keynote|előadás)$|^(?:hapja|mbyllja|fjalimi (?:hapës|kryesor))$|^(?:öppnings|avslutnings)?keynote$|^(?:कीनोट|मुख्य भाषण|הרצאת (?:פתיחה|סיום)|الكلمة (?:الافتتاحية|الرئيسية|الختامية)|κεντρική ομιλία|ключевой доклад|пленарный доклад|(?:открывающий |закрывающий |вступительный )?кейноут|(?:відкриваючий |закриваючий )?кейноут|wykład otwierający|wykład inauguracyjny|keynote (?:otwierając|zamykając)(?:y|a)|úvodní přednáška|zahajovací přednáška|ключова доповідь|пленарна доповідь|açılış konuşması|kapanış konuşması|ana konuşma|sesi utama|pembicara utama|ucaptama(?: pembukaan| penutup| perasmian)?|bài phát biểu chính|phiên toàn thể|主旨发言)$/iu,
    'keynote',
  ],
  [
    /^(?:lightning(?: talk)?|flash talk|lt|quickie|ignite|pecha kucha|бліц(?:-доповідь)?|блиц(?:-доклад)?|ライトニングトーク|闪电演讲|라이트닝 토크)$/iu,
    'lightning',
  ],
  [
    /^(?:panel(?: discussion)?|paneli|fireside chat|podiumsdiskussion|table ronde|mesa redonda|パネルディスカッション)$/iu,
    'panel',
  ],
  [
    /^(?:workshop|tutorial|hands-on(?: lab)?|tools[- ]in[- ]action|deep dive|university|université|bof|birds of a feather|ワークショップ|atelier|taller|bengkel|lokakarya)$/iu,
    'workshop',
  ],
  [/^(?:paper|research paper|full paper|short paper|論文)$/iu, 'paper'],
  [
    /^(?:talk|session|invited talk|featured talk|main talk|(?:opening|closing|plenary|final) session|vortrag|conférence|conference talk|charla|ponencia|palestra|lezing|voordracht|講演|招待講演|特別講演|セッション|発表|登壇|演讲|발표|доклад|выступление|доповідь|виступ|prelekcja|wykład|přednáška|konuşma|sunum|presentasi|bài nói|bài trình bày|phiên|分享|报告|ارائه|سخنرانی|محاضرة|runa|referāts|lekcija|pranešimas|paskaita|ettekanne|esitlus|esitys|puhe|luento|előadás|prednáška|predavanje|izlaganje|предавање|prezentare|prelegere|ομιλία|παρουσίαση|foredrag|föredrag|xerrada|ponència|hitzaldia)$/iu,
    'talk',
  ],
];
/** The kind of talk a word or phrase names ("keynote", "Lightning talk", "Vortrag"), or null. */
export function markerWord(text: string): TalkMarker | null {
  return MARKERS.find(([re]) => re.test(text.trim()))?.[1] ?? null;
}

/** "Conférence de A et B : Title", "Talk by Jane Doe: Title", "Vortrag von A: Title". */
const BY_PREFIX =
  /^((?:keynote|talk|session|conférence|présentation|vortrag|charla|ponencia|palestra|lightning talk|workshop|atelier))\s+(?:by|de|d['’]|von|par|por|of)\s*([^:：]{3,120}?)\s*[:：]\s+(?=\S)/iu;
const ROOM =
  /^(?:(?:room|track|hall|stage|salle|saal|sala|raum|zaal|aula|auditorium|auditorio|main stage|main hall|devroom|escenario|scène|bühne|palco|palcoscenico|terem|sal|sali)\s*[\p{L}\d.]{0,12}|[\p{Lu}\d]{1,3}\s+(?:terem|sal|sali|room|hall|stage))$/iu;
const SESSION_CODE = /^([A-Z]{2,5}-?\d{2,4}[A-Z]?)(?:\s*[-:–—|]\s*|\s+)(?=\S)/u;
/** A time in front, a video chapter's "01:02:45" too. */
const TIME =
  /^((?:[01]?\d|2[0-3])[:.h][0-5]\d(?::[0-5]\d)?(?:\s*(?:am|pm))?(?:\s*[-–—]\s*(?:[01]?\d|2[0-3])[:.h][0-5]\d(?:\s*(?:am|pm))?)?)(?:\s*[-:–—|·•,]\s*|\s+)(?=\S)/iu;
/** A time of day: "10:20", "9.30", "14h30", "11:00-11:40", "3:15 pm". */
const TIME_OF_DAY = String.raw`(?:[01]?\d|2[0-3])[:.h][0-5]\d(?:\s*[aApP][mM])?(?:\s*[-–—]\s*(?:[01]?\d|2[0-3])[:.h][0-5]\d(?:\s*[aApP][mM])?)?`;
/**
 * A slot of a programme named by its shape, in any language: one or two words and a short code ("Sal
 * 3", "Ruang B", "אולם B", "Room 1.19", "Sesi 7", "القاعة ب"), or a code and a word ("B terem").
 */
const SLOT = String.raw`(?:[\p{L}\p{M}]+\.?\s+){1,2}(?:\d{1,3}(?:\.\d{1,3})?\p{L}?|\p{Lu}{1,2}\d?|\p{Lo})|(?:\d{1,3}|\p{Lu}{1,2})\s+[\p{L}\p{M}]+`;
/**
 * A kicker: two to four labels of time and place, in any order, set apart by dots, bars or commas and
 * closed by a dash, a bar or a colon ("Saal 1, 12:50 — ", "Room 1.19, 11:00 — ", "10:20 · Sal 3 — "); a
 * day may stand before the time and a qualifier before a room word ("Rust devroom, Sunday 11:30 — ").
 * One of them is a time: two place-shaped labels alone ("Java 21, Spring 6: …") may be a title's.
 */
const KICKER_LABEL = String.raw`${TIME_OF_DAY}|${SLOT}|\p{L}+\.?\s+${TIME_OF_DAY}|(?:[\p{L}\p{M}]+\s+){1,2}(?:devroom|track|stage|hall|room)`;
const KICKER = new RegExp(
  String.raw`^(?:${KICKER_LABEL})(?:\s*[·•|,，،]\s*(?:${KICKER_LABEL})){1,3}\s*[-–—|:：·•]\s+(?=\S)`,
  'u',
);
const HAS_TIME = new RegExp(TIME_OF_DAY, 'u');
/** A slot label closed by a separator, after a time or another label: "Ruang B — " in "Sesi 7 · Ruang B — T". */
const SLOT_LABEL = new RegExp(String.raw`^(?:${SLOT})\s*[-–—|:：·•,،]\s+(?=\S)`, 'u');
/** People before a quoted title, set apart by a comma, a colon or a dash: "Jane Doe, “T”", "Jane Doe — “T”". */
const CREDITED =
  /^([^“"«„‘「『,，،:：–—]{3,80}?)(?:\s*[,，،:：]|\s+[-–—])\s*[“"«„‘「『]([^”"»“’」』]{2,200})[”"»“’」』]$/u;
/**
 * "«T» med A og B", "“T” with Jane Doe", "„T“ mit A und B": a quoted title, then one short word in lower
 * case (a preposition of any language) or a dash, then people only. The quotation marks say where the
 * title ends, so the word need not be known.
 */
const QUOTED_THEN_PEOPLE =
  /^[“"«„‘「『]([^”"»“’」』]{2,200})[”"»“’」』]\s*(?:[-–—,]\s*|\s(?:\p{Ll}{1,5}\s+))([\p{Lu}].{2,120})$/u;
/** "Lightning round: ", "Sesi pagi: ": a label of three words at most before a colon. */
const SHORT_LABEL = /^[^\s:：]+(?:\s+[^\s:：]+){0,2}\s*[:：]\s+/u;
const BRACKETED = /^[【[［〔]([^】\]］〕]{1,24})[】\]］〕]\s*(?=\S)/u;
const NUMBERING = /^(?:#?\d{1,2}[.)]|\(\d{1,2}\)|#\d{1,2}:?|[IVX]{1,4}\.|No\.\s*\d+:?)\s+(?=\S)/u;
/** A section number of a numbered document before a word ("2.1 Title", "3.2.1. Title"; LaTeX, Sphinx, Org). */
const SECTION_NUMBER = /^\d{1,2}(?:\.\d{1,2}){1,3}\.?\s+(?=\p{L})/u;
/**
 * A paper's authors before its title, as a trip report cites it: "Bhat et al., T", "Nowak i in.: T",
 * "Петров и др. — T". They name the paper's authors, not necessarily who presented it.
 */
const AUTHORS =
  /^[\p{Lu}][\p{L}\p{M}'’-]+(?:\s+(?:and|&|und|et|y|e|i|и|a)\s+[\p{Lu}][\p{L}\p{M}'’-]+)?\s+(?:et al\.?|u\.\s?a\.|e\.a\.|i in\.|и др\.|a kol\.|ym\.)\s*[,:：–—-]\s*(?=\S)/u;
/** A citation after the title ("Title [4]", "Title [4, 7]", "Title [12–14]"), as a paper's report cites it. */
const CITATION = /\s*\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]$/u;
const DECORATION = /^(?:\p{Extended_Pictographic}|\u{FE0F}|\u{200D}|[\s•·▶►→»*])+/u;
const MEDIA_SUFFIX =
  /\s*[[(（](?:video|slides?|recording|livestream|live stream|stream|pdf|youtube|yt|vod|audio|podcast|transcript|notes|deck|動画|資料|スライド)(?:\s*(?:[+&,/]|and)\s*(?:video|slides?|recording|pdf|transcript|notes|deck|動画|資料|スライド))*[\])）]\s*$|\s*(?:\p{Extended_Pictographic}|\u{FE0F})+\s*$/iu;
/** The separator before a speaker suffix: a spaced dash ("--" in plain text), bar or slash, or an unspaced em dash. */
const SUFFIX_DASH = /\s+(?:[-–—―|·•/／]|--)\s+|\s*—\s*|\s*―\s*/gu;
const SUFFIX_BY =
  /(?:,|\s+[-–—|])?\s+(?:by|von|par|por|door|di|av|mit|with|avec|con|oleh|bersama|מאת)\s+(?=\S)/giu;
/** "«T» (Тарас)": a quoted title, then whatever the parentheses add (a first name, a language). */
const QUOTED_THEN_PARENS = /^([“"«„「『][^”"»“」』]{2,200}[”"»“」』])\s*[(（][^()（）]{1,60}[)）]$/u;
const QUOTED = /^["'“”‘’„«»「『]\s*(.+?)\s*["'“”‘’«»」』]$/u;
/** A speaker label inside a title's parentheses: "（讲师：X）", "(Speaker: X)". */
const SPEAKER_LABEL =
  /^\s*(?:speakers?|presenters?|by|讲师|讲者|演讲者|演讲人|分享者|嘉宾|講師|講者|演講者|演講人|主講人?|발표자|연사|ponentes?|palestrantes?|referent(?:in)?|sprecher(?:in)?|intervenants?|sprekers?|докладчи(?:к|ца|ки)|спикеры?|prelegen(?:t|tka|ci|tki)|přednášející)\s*[:：]\s*/iu;
const SPEAKER_PARENS = /\s*[(（]([^()（）]{2,120})[)）]\s*$/u;
/** A kind of talk and "by" inside a title's parentheses: "(lightning talk by …", "(Keynote von …". */
const KIND_BY = /^\s*([^()（）]{2,30}?)\s+(?:by|von|de|par|por|door|di|av|oleh|od)\s+(?=\S)/iu;

/** A numbered session: "Session 3", "Sesi 3", "Sesión n° 2", "Sessão 4", "Sitzung 1", "Сесія 2". */
const NUMBERED_SESSION =
  /^(?:session|sesi|sesión|sessão|sessie|séance|sitzung|sessione|sesja|oturum|сессия|сесія|セッション|세션)\s*(?:#|№|n[°º]\s*|no\.?\s*|nr\.?\s*)?\d{1,3}$/iu;

/**
 * The marker a prefix names: "Keynote", "Lightning talk", and numbered ones ("Talk 3", "Vortrag 2",
 * "Přednáška 1"). A numbered session is as often a course's or a workshop series' ("Session 1: Setup").
 */
function markerOf(prefix: string): TalkMarker | null {
  const trimmed = prefix.trim();
  const bare = trimmed
    // "Workshop (3 ore)", "Keynote (EN)": a length or a language in parentheses after the kind.
    .replace(/\s*[(（][^()（）]{1,16}[)）]$/u, '')
    .replace(/\s*(?:#|№|n[°º]\s*|no\.?\s*|nr\.?\s*)?\d{1,3}\.?$/iu, '');
  if (bare !== trimmed && /^(?:session|sesión|sessão|sessie|セッション)$/iu.test(bare)) return null;
  const kind = MARKERS.find(([re]) => re.test(bare))?.[1] ?? null;
  if (kind) return kind;
  // "Bonus – lightning talk", "Day 2 – Keynote": a qualifier before the marker, after a spaced dash.
  const qualified = /^[^-–—:：]{1,20}\s[-–—]\s(.+)$/u.exec(bare);
  if (qualified?.[1]) return markerOf(qualified[1]);
  // "सुबह का कीनोट" (the morning's keynote): a qualifier of two words at most before a kind word.
  // A case ending after an apostrophe ("Açılış Keynote’u") is the kind word's.
  const last = /^(?:\S+\s+){1,2}(\S+?)(?:['’]\p{Ll}{1,4})?$/u.exec(bare)?.[1];
  return last && !/^(?:talk|session)$/iu.test(last)
    ? (MARKERS.find(([re]) => re.test(last))?.[1] ?? null)
    : null;
}

/** The marker an outline's tags name ("talk" of ":talk:cloud:", "keynote" of "#keynote #ai"), or null. */
function markerOfTags(tags: string[]): TalkMarker | null {
  for (const tag of tags) {
    const kind = MARKERS.find(([re]) => re.test(tag))?.[1];
    if (kind) return kind;
  }
  return null;
}

/** Parses the text of a line that introduces a talk. */
export function parseTalkTitle(raw: string): ParsedTitle {
  const spaced = raw.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
  let text = withoutOutlineMarkup(spaced);
  // An outline's tags name the line's kind as a marker does ("… :keynote:", "… #talk").
  let marker: TalkMarker | null = markerOfTags(outlineTags(spaced));
  let code: string | null = null;
  let time: string | null = null;
  let prefixSpeakers: string[] = [];
  let labelled = false;
  let slot: string | null = null;

  // Prefixes come in any order ("10:30 — Room 2: Keynote: …"); peel until nothing changes.
  for (let i = 0; i < 6; i++) {
    const before = text;
    // A task state may stand after a section number ("2.1 DONE Title": Org exported to HTML).
    text = withoutOutlineMarkup(
      text.replace(DECORATION, '').replace(NUMBERING, '').replace(SECTION_NUMBER, ''),
    );
    // "【主题演讲】Title", "[A1] Title": a bracketed marker, track or session code in front.
    const bracket = BRACKETED.exec(text);
    if (bracket?.[1]) {
      const inner = bracket[1].trim();
      const kind = MARKERS.find(([re]) => re.test(inner))?.[1];
      if (kind) marker ??= kind;
      else if (/^[A-Z]{0,4}-?\d{1,4}[A-Z]?$/.test(inner)) code ??= inner;
      text = text.slice(bracket[0].length);
    }
    const kicker = KICKER.exec(text);
    if (kicker && HAS_TIME.test(kicker[0]) && text.length > kicker[0].length) {
      time ??= (/(?:[01]?\d|2[0-3]):[0-5]\d/.exec(kicker[0]) ?? HAS_TIME.exec(kicker[0]))?.[0] ?? null;
      if (/\p{L}/u.test(kicker[0].replace(new RegExp(TIME_OF_DAY, 'gu'), ''))) slot ??= kicker[0].trim();
      labelled = true;
      text = text.slice(kicker[0].length);
      continue;
    }
    const t = TIME.exec(text);
    if (t) {
      time ??= t[1] ?? null;
      text = text.slice(t[0].length);
    }
    const c = SESSION_CODE.exec(text);
    if (c) {
      code ??= c[1] ?? null;
      text = text.slice(c[0].length);
    }
    const byPrefix = BY_PREFIX.exec(text);
    const byPeople = byPrefix?.[2] ? parsePeople(byPrefix[2]) : null;
    if (byPrefix && byPeople) {
      marker ??= MARKERS.find(([re]) => re.test(byPrefix[1]!))?.[1] ?? 'talk';
      prefixSpeakers = byPeople;
      text = text.slice(byPrefix[0].length);
      continue;
    }
    // "Dia 1 · Centre Stage · Keynote: Title", "Day 2 | Hall B | Title": labels set apart by middle dots
    // or bars, the first with a number (a day, a time, a room), the next ones short.
    const label = /^([^·•|:：]{1,30}?)\s+[·•|]\s+(?=\S)/u.exec(text);
    const labelWords = label?.[1]?.trim().split(/\s+/).length ?? 9;
    if (
      label?.[1] &&
      labelWords <= 3 &&
      !markerOf(label[1]) &&
      (labelled || /\d/.test(label[1]) || ROOM.test(label[1].trim()))
    ) {
      const rest = text.slice(label[0].length);
      if (rest.split(/\s+/).length >= 2) {
        labelled = true;
        text = rest;
        continue;
      }
    }
    // After a time or a label, a slot ("14:30 | Hall B | Title", "Sesi 7 · Ruang B — Title").
    const slotLabel = labelled || time ? SLOT_LABEL.exec(text) : null;
    const place = slotLabel?.[0].replace(/[\s\-–—|:：·•,،]+$/u, '') ?? '';
    if (slotLabel && !markerOf(place) && text.slice(slotLabel[0].length).includes(' ')) {
      labelled = true;
      slot ??= place;
      text = text.slice(slotLabel[0].length);
      continue;
    }
    // "Opening keynote, Jane Doe: Title": a session kind and a person before the colon.
    const kindAndPerson = /^([^:：,，]{2,40}?)\s*[,，]\s*([^:：,，]{3,80}?)\s*[:：]\s+(?=\S)/u.exec(text);
    const kindOf = kindAndPerson?.[1] ? markerOf(kindAndPerson[1]) : null;
    const kindPeople = kindOf && kindAndPerson?.[2] ? parsePeople(kindAndPerson[2]) : null;
    if (kindAndPerson && kindOf && kindPeople) {
      marker ??= kindOf;
      prefixSpeakers = kindPeople;
      text = text.slice(kindAndPerson[0].length);
      continue;
    }
    const colon = /^([^:：]{1,40}?)\s*[:：]\s*(?=\S)/u.exec(text);
    // A spaced dash, or the middle dot or bar site builders set between a session's kind and its title
    // ("Talk · Title", "Panel | Title").
    const dash = /^([^-–—·•|]{1,30}?)\s+[-–—·•|]\s+(?=\S)/u.exec(text);
    // "基調講演「Title」", "Keynote “Title”", "Доклад «Title»": a marker right before a quoted title.
    const quote = /^([^\s「『“"«„‘:：][^「『“"«„‘:：]{0,29}?)\s*(?=[「『“"«„‘])/u.exec(text);
    // "Кейноут Ірини Мельник «Title»", "Keynote by Jane Doe “Title”": a marker and a person before a
    // quoted title. The person is not read as the speaker: after a talk noun many languages inflect the
    // name (the genitive), and the write-up names the speaker again.
    const markedPerson = quote?.[1] ? /^(\S+)\s+(?:(?:by|von|de|par|por|of)\s+)?(.+)$/u.exec(quote[1]) : null;
    if (markedPerson?.[1] && markedPerson[2] && markerOf(markedPerson[1]) && parsePeople(markedPerson[2])) {
      marker ??= markerOf(markedPerson[1]);
      text = text.slice(quote![0].length);
      continue;
    }
    for (const m of [colon, dash, quote]) {
      if (!m?.[1]) continue;
      // "Session 3 — T", "Sesi 3 – T": a numbered session of the programme set apart by a dash, furniture
      // but no marker. Before a colon it stays ("Session 1: Setting Up Python" names a course's lesson).
      if (m === dash && NUMBERED_SESSION.test(m[1].trim())) {
        text = text.slice(m[0].length);
        break;
      }
      const kind = markerOf(m[1]);
      if (kind) {
        marker ??= kind;
        text = text.slice(m[0].length);
        break;
      }
      if (ROOM.test(m[1].trim())) {
        slot ??= m[1].trim();
        text = text.slice(m[0].length);
        break;
      }
    }
    // "Sesi pagi: “Title” by …", "Morning session: «Title»": a short label before a quoted title is
    // not part of it (a person before the colon is kept for the speaker-prefix reading below).
    if (
      text === before &&
      colon?.[1] &&
      colon[1].split(/\s+/).length <= 3 &&
      /^[「『“"«„‘]/u.test(text.slice(colon[0].length)) &&
      !parsePeople(colon[1])
    )
      text = text.slice(colon[0].length);
    if (text === before) break;
  }

  // "Jane Doe, “Title”": people and a comma before a quoted title are its speakers; the quotation
  // marks say where the title is, so no write-up needs to confirm them.
  for (const line of prefixSpeakers.length ? [] : [text, text.replace(SHORT_LABEL, '')]) {
    const credited = CREDITED.exec(line);
    const people = credited?.[1] ? parsePeople(credited[1]) : null;
    if (!credited?.[2] || !people) continue;
    prefixSpeakers = people;
    text = credited[2];
    break;
  }
  if (!prefixSpeakers.length) {
    const quoted = QUOTED_THEN_PEOPLE.exec(text);
    const people = quoted?.[2] ? parsePeople(quoted[2]) : null;
    if (quoted?.[1] && people) {
      prefixSpeakers = people;
      text = quoted[1];
    }
  }
  // A line that names a paper's authors in front names no speaker behind ("… with Small Language Models").
  const authors = AUTHORS.exec(text);
  if (authors) text = text.slice(authors[0].length);
  let speakers: string[] = prefixSpeakers;
  let suffix = '';
  for (let i = 0; i < 3; i++) {
    const before = text;
    text = text.replace(MEDIA_SUFFIX, '').replace(CITATION, '').trim();
    if (!speakers.length && !authors) {
      const found = speakerSuffix(text);
      // "A and B: Fuzzing the GC with Property Tests": people before a colon name the speakers first,
      // and a "with …" behind is the title's own.
      const companion = found && WITH.test(text.slice(found.title.length));
      if (found && !(companion && peopleBeforeColon(text))) {
        marker ??= found.kind ?? null;
        speakers = found.speakers;
        suffix = text.slice(found.title.length);
        text = found.title;
      }
    }
    if (text === before) break;
  }

  // Parentheses after a quoted title that name no speaker ("«T» (Тарас)", a first name) are not title;
  // in a script without letter case they may still name the speakers ("«T» (ياسمين طارق)").
  const withParens = text;
  if (!speakers.length) text = text.replace(QUOTED_THEN_PARENS, '$1');
  let prefixPeople: string[] = [];
  let titleAfterPrefix: string | null = null;
  let prefixDash = false;
  if (!speakers.length && !authors) {
    // "Jane Doe: Title", "Jane Doe — Title".
    const colon = /^([^:：]{3,80}?)\s*[:：]\s+(?=\S)/u.exec(text);
    const prefix = colon ?? /^([^:：–—-]{3,80}?)\s+[-–—]\s+(?=\S)/u.exec(text);
    const people = prefix?.[1] ? parsePeople(prefix[1]) : null;
    if (prefix && people) {
      prefixPeople = people;
      titleAfterPrefix = tidy(text.slice(prefix[0].length));
      prefixDash = !colon;
    }
  }
  return {
    title: tidy(text),
    caseless: speakers.length || prefixPeople.length || authors ? null : caselessReading(withParens),
    speakers,
    marker,
    code,
    time,
    slot,
    prefixPeople,
    titleAfterPrefix,
    prefixDash,
    speakerSuffix: suffix,
  };
}

/**
 * The speakers of a line written in a script without letter case, behind the title (after a dash, a
 * slash, "by", in parentheses), before a quoted title after a comma, or in front before a colon or a
 * dash, with the title that remains; null when no side reads as such names.
 */
function caselessReading(text: string): { title: string; speakers: string[] } | null {
  // One side short and name-like, the other the title: the title is the longer ("दोपहर का खाना —
  // डोसा, लंबी कतार …", lunch and what there was, has no name and no title).
  const reading = (title: string, speakers: string[] | null) =>
    speakers && words(title) > words(speakers.join(' ')) ? { title: tidy(title), speakers } : null;
  const behind = speakerSuffix(text, parseCaselessPeople);
  // In parentheses after the title ("Passkeys Everywhere (A و B)") the names are set apart: the title
  // need only be as long as each name.
  if (behind && /[)）]$/u.test(text) && words(behind.title) >= Math.max(...behind.speakers.map(words)))
    return { title: tidy(behind.title), speakers: behind.speakers };
  if (behind) return reading(behind.title, behind.speakers);
  for (const line of [text, text.replace(SHORT_LABEL, '')]) {
    const credited = CREDITED.exec(line);
    const named =
      credited?.[1] && credited[2] ? reading(credited[2], parseCaselessPeople(credited[1])) : null;
    if (named) return named;
  }
  const prefix =
    /^([^:：]{2,60}?)\s*[:：]\s+(?=\S)/u.exec(text) ?? /^([^:：–—-]{2,60}?)\s+[-–—]\s+(?=\S)/u.exec(text);
  return prefix?.[1]
    ? reading(text.slice(prefix[0].length), parseCaselessPeople(withoutKindWord(prefix[1])))
    : null;
}

/**
 * "ارائهٔ دریا کریمی" (Darya Karimi's talk), "Talk of …": a kind word before the people of a prefix
 * is no part of their names. A combining mark after it (Persian's ezafe, "ٔ") joins it to them.
 */
function withoutKindWord(prefix: string): string {
  const first = /^(\S+?)\p{M}*\s+(?=\S)/u.exec(prefix);
  return first?.[1] && markerOf(first[1]) ? prefix.slice(first[0].length) : prefix;
}
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** "Title — Jane Doe (Acme)", "Title by A and B", "Title (Jane Doe)", "Title（佐伯 真理子さん）". */
function speakerSuffix(
  text: string,
  readPeople: (text: string) => string[] | null = parsePeople,
): { title: string; speakers: string[]; kind?: TalkMarker | null } | null {
  const parens = SPEAKER_PARENS.exec(text);
  if (parens?.[1] && parens.index > 0) {
    // "(Jane Doe)", "(Jane Doe & John Roe)", "(Jane Doe, Acme)", "(Jane Doe @ Acme)", "（讲师：王浩、陈思雨）"
    // "(lightning talk by Jane Doe)", "(Keynote von Jane Doe)": the talk's kind and its speakers.
    const kindBy = KIND_BY.exec(parens[1]);
    const kind = kindBy?.[1] ? markerOf(kindBy[1]) : null;
    const labelled = SPEAKER_LABEL.exec(parens[1]) ?? (kind ? kindBy : null);
    const inner = labelled ? parens[1].slice(labelled[0].length).replace(/\s*[,，].*$/u, '') : parens[1];
    const withoutAffiliation = inner.replace(/\s*[,，/|@]\s*[^,，/|@]*$/u, '');
    const people = labelled ? readPeople(inner) : (readPeople(inner) ?? readPeople(withoutAffiliation));
    if (people) return { title: text.slice(0, parens.index), speakers: people, kind };
  }
  // The last separator that is followed by people only: titles may hold dashes of their own.
  const cuts = [...text.matchAll(SUFFIX_DASH), ...text.matchAll(SUFFIX_BY)]
    .filter((m) => m.index > 0)
    .sort((a, b) => a.index - b.index);
  for (const cut of cuts) {
    const rest = text.slice(cut.index + cut[0].length);
    const people = readPeople(rest.replace(/^(?:by|von|par|por|oleh|מאת)\s+/iu, ''));
    // A slash also joins words of a title ("Input / Output Tricks"): before speakers it is the East
    // Asian convention ("Title / 山田 花子さん", "Title / 김지은"), names that cannot be words of a title.
    if (
      people &&
      /[/／]/.test(cut[0]) &&
      readPeople === parsePeople &&
      !(HONORIFIC.test(rest) || people.every(isCjkName))
    )
      continue;
    if (people) return { title: text.slice(0, cut.index), speakers: people };
  }
  // "Title - by Siemens": an explicit attribution after a separator names no person, but is not title.
  const attribution = /\s+[-–—|]\s+(?:by|von|par|por)\s+[\p{Lu}\d][^-–—|]{0,60}$/u.exec(text);
  if (attribution && attribution.index > 0) return { title: text.slice(0, attribution.index), speakers: [] };
  return null;
}

/** "with", "mit", "avec", "con": a speaker suffix that may as well be the title's own words. */
const WITH = /^,?\s+(?:with|mit|avec|con|bersama)\s/iu;

/** The people of a "Jane Doe: Title" or "A and B: Title" prefix, or null. */
function peopleBeforeColon(text: string): string[] | null {
  const colon = /^([^:：]{3,80}?)\s*[:：]\s+(?=\S)/u.exec(text);
  return colon?.[1] ? parsePeople(colon[1]) : null;
}

/** Trims separators and whole-title quotes: "“Scaling Postgres”" -> "Scaling Postgres". */
function tidy(text: string): string {
  let out = text.replace(/^[\s:：;,.–—-]+|[\s:：;,–—-]+$/gu, '');
  const quoted = QUOTED.exec(out);
  if (quoted?.[1]) out = quoted[1];
  return out.trim();
}

/** True when the words of `name` (a first or last name) occur in `text` other than at a sentence start. */
export function nameRecurs(name: string, text: string): boolean {
  if (!isPersonName(name)) return false;
  const words = name.split(/\s+/).filter((w) => w.length > 2);
  return words.some((w) => {
    const escaped = w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(`(?<![.!?:]\\s|^|\\n|\\p{L}|["“‘(]\\s?)${escaped}(?!\\p{L})`, 'u');
    return re.test(text);
  });
}
