/**
 * What a write-up's structural headings say when they are not talk titles: days and tracks, the
 * writer's introduction and conclusion, a talk's own sub-sections (takeaways, Q&A), breaks in a live
 * blog, and the site's chrome. A heading is matched as a whole (after its decoration is stripped), so
 * "Linus Torvalds Q&A" is a title while "Q&A" alone is a sub-section. English, German, French, Spanish,
 * Portuguese, Dutch, Japanese, Chinese and Korean, the languages recaps are most often written in, and
 * the commonest words (introduction, conclusion, breaks) in Russian, Ukrainian, Polish, Czech, Turkish,
 * Indonesian and Vietnamese.
 */

/** Why a heading is not a talk title. */
export type HeadingRole =
  /** "Day 1", "Tuesday", "Tag 2", "1日目", a date: groups talks, ends the talk above it. */
  | 'day'
  /** "Track A: Main hall", "Room 2", "Devroom": groups talks. */
  | 'track'
  /** "Lightning talks", "Keynotes", "The talks": a heading over talks of another form. */
  | 'group'
  /** The writer's opening: "Introduction", "Before the talks …", "はじめに". */
  | 'intro'
  /** The writer's closing: "Wrapping up", "Fazit", "まとめ", "Follow-ups". */
  | 'outro'
  /** A talk's own sub-section: "Key takeaways", "Q&A", "Demo", "My notes", "感想". */
  | 'part'
  /** A live blog's housekeeping entry: "Lunch", "Doors are open", "That's a wrap". */
  | 'break'
  /** The site's chrome inside a post: "About the author", "Related", "Comments". */
  | 'chrome'
  /**
   * What is still to come: "Coming up on Friday", "Upcoming", "Le prochain meetup"; or what the writer
   * missed ("What I missed"). The talks listed under it were not seen, so the write-up is not about them.
   */
  | 'upcoming';

const DAYS = `(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|hétfő|kedd|szerda|csütörtök|péntek|szombat|vasárnap|måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag|mandag|tirsdag|torsdag|lørdag|søndag|maanantai|tiistai|keskiviikko|torstai|perjantai|lauantai|sunnuntai)`;
const MONTHS = `(?:jan(?:uary|vier|uar)?|feb(?:ruary|ruar)?|févr(?:ier)?|mar(?:ch|s)?|märz|apr(?:il)?|avril|may|mai|jun(?:e|i)?|juin|jul(?:y|i)?|juillet|aug(?:ust)?|août|sep(?:t(?:ember)?)?|septembre|oct(?:ober|obre)?|okt(?:ober)?|nov(?:ember|embre)?|dec(?:ember)?|déc(?:embre)?|dez(?:ember)?|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)`;
const ORDINAL = String.raw`(?:\d+|one|two|three|four|five|first|second|third|fourth|final|last|opening|closing|eins|zwei|drei|un|deux|trois|uno|dos|tres)`;

const DAY_PATTERNS: RegExp[] = [
  // "Day 1", "Day one", "Day 2 — Saturday, May 18", "Tag 1", "Jour 2", "Día 1", "Dag 1", "Second day"
  new RegExp(String.raw`^(?:day|tag|jour|d[ií]a|dag|dia)\s+${ORDINAL}\b(?:\s*[-:,(].*)?$`),
  new RegExp(String.raw`^${ORDINAL}\s+(?:day|tag|jour)\b.*$`),
  // "1. nap – május 30.", "2. päivä": an ordinal number before the day word (the key has lost the number).
  /^(?:\d{1,2}\.\s*)?(?:nap|päivä|dag|tag)(?:\s*[-:,(].*)?$/u,
  // "Tuesday", "Saturday 3 February", "Thursday, 21 March 2024", "Tuesday morning"
  new RegExp(
    String.raw`^${DAYS}\b[\s,]*(?:\d{1,2}(?:st|nd|rd|th|\.)?\s*(?:of\s+)?${MONTHS}?|${MONTHS}\s+\d{1,2}(?:st|nd|rd|th)?|morning|afternoon|evening|night|vormittag|nachmittag|matin|après-midi|mañana|tarde)?[\s,]*(?:\d{4})?$`,
  ),
  // "3 February 2024", "May 18", "2024-05-18"
  new RegExp(String.raw`^(?:\d{1,2}\.?\s+${MONTHS}|${MONTHS}\s+\d{1,2}(?:st|nd|rd|th)?)(?:,?\s+\d{4})?$`),
  /^\d{4}-\d{2}-\d{2}$/,
  // A year alone groups a list by year ("2024", "2022 and earlier"): never a talk's title.
  /^(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)?\d{2})?)(?:\s+(?:and|or)\s+(?:earlier|before|older))?$/,
  /^(?:morning|afternoon|evening)(?:\s+sessions?)?$/,
  // Days in scripts without letter case, alone or before what the day was: "रविवार — दूसरा दिन", "יום שני".
  /^(?:रविवार|सोमवार|मंगलवार|बुधवार|गुरुवार|शुक्रवार|शनिवार|पहला दिन|दूसरा दिन|तीसरा दिन|יום (?:ראשון|שני|שלישי|רביעי|חמישי|שישי)|שבת|(?:يوم )?(?:الأحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت)|اليوم (?:الأول|الثاني|الثالث))(?:\s*[-,:،]\s*.{0,40})?$/u,
  // 1日目, 二日目, 初日, 最終日, Day1
  /^(?:\d+|[一二三四五])日目.*$|^(?:初日|最終日|前夜祭|後夜祭)$/,
];

const TRACK_PATTERNS: RegExp[] = [
  // "Track B: “Title”" is a talk in track B: a quoted title after the label is no track's theme.
  /^(?:track|room|hall|stage|devroom|salle|saal|sala|raum)\s+[\p{L}\d]{1,3}\b(?:\s*[-:–—(](?!\s*["“”«»„‘’'「『]).*)?$/u,
  /^(?:main|big|small)\s+(?:stage|hall|room|track)$/,
  /^(?:[\p{L}\d]+\s+){0,3}(?:track|devroom)$/u,
];

const GROUP_PATTERNS: RegExp[] = [
  /^(?:the\s+)?(?:lightning|flash)\s+(?:talks?|round|sessions?)(?:\s*\(.*\)|\s+(?:session|round|block))?$/,
  /^(?:the\s+)?(?:ignites?|ignite talks|pecha kucha)$/,
  /^(?:(?:other|more|the|my|some|short|favou?rite|best)\s+)*(?:talks|keynotes|sessions|presentations|lightning talks|workshops|panels)(?:\s+(?:i\s+(?:attended|saw|watched|liked|enjoyed)|worth\s+\w+(?:\s+\w+)?|of\s+note|i\s+missed))?$/,
  /^(?:talks|sessions|presentations)\s+(?:i|we)\s+\w+.*$/,
  /^(?:the\s+)?(?:keynotes?|opening keynotes?|closing keynotes?)$/,
  /^(?:vorträge|sessions|conférences|charlas|ponencias|lightning-talks|ライトニングトーク|lt|セッション|トーク|講演)$/,
  /^(?:devrooms?|(?:\w+\s+){0,3}devrooms?\s+worth.*)$/,
];

const INTRO_PATTERNS: RegExp[] = [
  /^(?:introduction|intro|overview|preface|prelude|background|context|tl;?dr|tl;dr:?|summary up front|first things first|getting there|the venue|venue|the setting|preamble|why i went|why we went|who went(?: and why)?)$/,
  /^before\s+the\s+(?:talks|sessions|conference|keynote).*$/,
  /^(?:einleitung|einführung|vorwort|vorab|überblick|bevor es losgeht|introducción|introduccion|resumen inicial|antes de empezar|para empezar|présentation générale|avant-propos|avant de commencer|pour commencer|en guise d'introduction|por que fomos|por qué fuimos|antes de começar|inleiding|写在前面|前言|들어가며|введение|вступление|вступ|передмова|wstęp|wprowadzenie|úvod|giriş|pendahuluan|pembukaan|mở đầu|lời mở đầu|giới thiệu|引言|开场白|서론|소개|はじめに|始めに|概要|前置き|イントロ)$/,
];

const OUTRO_PATTERNS: RegExp[] = [
  /^(?:wrap(?:ping)?[- ]?up|wrap|conclusions?|in conclusion|final (?:thoughts|words|notes|remarks)|closing (?:thoughts|words|remarks|notes)|summary|overall|verdict|the verdict|takeaways|key takeaways|my takeaways|main takeaways|lessons learned|what'?s next|next steps|next year|until next time|see you next year|thanks|thank you|acknowledg(?:e)?ments|epilogue|afterword|postscript|p\.?s\.?|update|updates|follow[- ]?ups?|action items|to do|todo|homework|reflections|final reflections|last words|bottom line|the bottom line|all in all|in summary|summing up|recap|tl;?dr|goodbye|farewell|bye|so long)$/,
  /^(?:what\s+(?:i|we)(?:'|’)?(?:m|re|ll)?\s+(?:taking\s+(?:home|away)|going to (?:try|do|change)|will (?:try|do|change)|learned|learnt|changed?|brought home|take away|try next)|what\s+(?:i|we)\s+(?:took|take)\s+(?:home|away)).*$/,
  /^(?:practical|logistics|notes?|tips?|advice)(?:\s+\w+){0,4}\s+(?:for\s+)?(?:next\s+(?:time|year)|attendees|first[- ]timers)\b.*$/,
  /^(?:logistics|practical (?:notes|details|info|information)|travel|getting home)(?:,?\s+for next (?:time|year))?$/,
  /^(?:summary|notes?)\s+for\s+the\s+team$/,
  // What the writer gathers after the talks: the rest of the event, no talk of its own.
  /^(?:everything else|(?:and )?the rest(?: of (?:it|the (?:conference|event|day|week)))?|odds and ends|bits and pieces|miscellaneous|misc\.?|other stuff|alles andere|der rest|tout le reste|le reste|todo lo demás|lo demás|o resto|tudo o resto|de rest|всё остальное|все остальное|reszta|ostatní)$/,
  /^(?:fazit|zusammenfassung|ausblick|schluss|schlusswort|abschluss|offene punkte|nächste schritte|conclusion|en conclusion|pour conclure|bilan|en résumé|conclusión|conclusiones|para terminar|para cerrar|en resumen|resumen|conclusão|fechando|para fechar|considerações finais|tot slot|conclusie|总结|写在最后|结语|마치며|정리|заключение|вместо заключения|итоги|выводы|висновки|підсумки|підсумок|podsumowanie|wnioski|zakończenie|shrnutí|závěr|sonuç|sonuçlar|kapanış|son söz|genel değerlendirme|penutup|penutupan|kesimpulan|ringkasan|rumusan|tổng kết|kết luận|lời kết|小结|结论|후기|결론|まとめ|おわりに|終わりに|最後に|さいごに|所感|全体の感想|振り返り|あとがき|לסיכום|סיכום|آخر الكلام|الخلاصة|ملخص|आख़िरी बात|आखिरी बात|निष्कर्ष|सारांश)$/,
];

const PART_PATTERNS: RegExp[] = [
  /^(?:(?:my\s+)?(?:key\s+|main\s+|top\s+)?(?:takeaways?|take-aways?|learnings|highlights|points|notes|thoughts|opinion|impressions)|key (?:points|ideas|quotes?|insights)|q\s*&\s*a|q and a|qa|questions?(?: and answers)?|questions from the (?:room|audience|floor)|audience questions|demo|the demo|live demo|slides|video|recording|resources|links|further reading|references|sources|my take|my two cents|opinion|why it matters|why this matters|what i liked|what i didn'?t like|the good|the bad|critique|quotes?|quote of the talk|tools mentioned|abstract|the abstract|speaker|speakers|about the speakers?|bio|tl;?dr)(?:\s*[:(].*)?$/,
  // A caption naming a talk's media, after the event's name at most: "PyCon 2025 session video", "세션 영상",
  // "講演動画", "Vortragsvideo", "vidéo de la session". The recording of a talk, never the talk's title.
  /^(?:[\p{L}\p{N}.+'&-]+ ){0,4}(?:(?:session|talk|keynote|conference|presentation)s? (?:videos?|recordings?|slides|deck|replay)|(?:video|recording|slides) of (?:the|this|my) (?:session|talk|keynote))$/u,
  /^(?:[\p{L}\p{N}.+'&-]+ ){0,4}(?:(?:세션|발표|강연|키노트|컨퍼런스) ?(?:영상|녹화|다시보기|자료|슬라이드)|(?:講演|セッション|発表|登壇|基調講演) ?(?:動画|資料|スライド|アーカイブ|録画)|(?:演讲|分享|会议|大会) ?(?:视频|回放|录像|幻灯片))$/u,
  /^(?:[\p{L}\p{N}.+'&-]+ ){0,4}(?:vortrags ?(?:video|aufzeichnung|folien)|session-?(?:video|aufzeichnung)|(?:vidéo|enregistrement|diapos?) de la (?:session|conférence|présentation)|(?:vídeo|grabación|video|gravação) d[ae] (?:la |a )?(?:charla|sesión|ponencia|palestra|sessão|apresentação))$/u,
  // A release's or a changelog's sections: a talk's own sub-sections if anything, never its title.
  /^(?:what'?s (?:changed|new)|new features|features|bug ?fixes|fixes|fixed|breaking changes|new contributors|upgrading|upgrade notes|deprecations?|known issues|changed|added|removed|improvements|full changelog|changelog|release notes)$/,
  /^(?:fragen(?: aus dem publikum)?|diskussion|was wir mitnehmen|was ich mitnehme|kernaussagen|erkenntnisse|notizen|meine notizen|folien|aufzeichnung|questions(?: du public)?|à retenir|points clés|mes notes|diapositivas|preguntas|lo que me llevo|puntos clave|vragen|вопросы из зала|вопросы и ответы|pytania|pytania z sali|otázky|dotazy|感想|質疑応答|質問|メモ|資料|スライド|動画|ポイント|学び|要点)$/,
];

const BREAK_PATTERNS: RegExp[] = [
  /\b(?:coffee|lunch|breakfast|dinner|tea|snack)s?\b/,
  /\b(?:break|doors (?:are )?open|registration|badge pickup|check-in|welcome|opening remarks|housekeeping|announcements?|sponsors?|expo(?: floor)?|happy hour|party|social event|networking|reception|raffle)\b/,
  /\b(?:that'?s a wrap|that’s a wrap|wrap for (?:the )?day|signing off|end of (?:day|the day)|see you tomorrow|good (?:morning|night)|stay tuned|we'?re live|live from)\b/,
  // A break often says what else there was ("Almoço, Food Summit e a fila do metro", "Перерва на каву
  // й стенди"): the break word opens the line, what follows it is free.
  /^(?:(?:la |el |o |a )?(?:pausa|comida|almuerzo|almoço|café|descanso|intervalo|coffee break)|pause|mittagspause|kaffeepause|lunchpauze|koffiepauze|pauze|mittagessen|déjeuner|pause café|休憩|昼休み|ランチ|午餐|午休|茶歇|점심|휴식|обед|перерыв|кофе-брейк|przerwa|obiad|przerwa kawowa|přestávka|oběd|обід|перерва|кава-брейк|öğle arası|öğle yemeği|kahve arası|coffee break|午饭|午休时间|lunsj|kaffepause|frokost|fika|lounas|tauko|kahvitauko|διάλειμμα|μεσημεριανό|הפסקה|הפסקת צהריים|استراحة|غداء|दोपहर का खाना|दोपहर का भोजन|लंच|चाय)(?:[\s,·-].{0,40})?$/u,
  // Indonesian and Turkish breaks say what else there was: "Istirahat makan siang", "Öğle arası ve stantlar".
  /^(?:istirahat|makan siang|rehat(?: kopi)?|pintu dibuka|registrasi|öğle arası|kahve arası|kayıt)(?: .{0,40})?$/u,
  // Vietnamese breaks go on with what else happened: "Giờ nghỉ trưa và khu gian hàng" (lunch and the booths).
  /^(?:giờ nghỉ trưa|nghỉ trưa|giờ nghỉ|nghỉ giải lao|giải lao|ăn trưa|tea break)(?: .{0,40})?$/u,
  // The hallway track and the poster session, alone or together ("Posters and the hallway"): what
  // happened between talks.
  /^(?:the )?(?:hallway(?: track| conversations?)?|posters?(?: session)?|poster session|booths?|expo(?: hall)?)(?: (?:and|&) (?:the )?(?:hallway(?: track| conversations?)?|posters?(?: session)?|booths?|expo(?: hall)?))*$/u,
  // Hungarian and Finnish breaks, with what else there was: "Ebéd és standok", "Lounas ja näytteilleasettajat".
  /^(?:ebéd|ebédszünet|kávészünet|szünet|regisztráció|lounas|kahvitauko|tauko|ilmoittautuminen)(?: .{0,40})?$/u,
];

const CHROME_PATTERNS: RegExp[] = [
  // Calls to follow the author: "Keep current with Jane Doe", "Stay in touch", "Bleib auf dem Laufenden".
  /^(?:(?:keep|stay) (?:current|in touch|up to date|updated|posted)|get (?:notified|updates)|connect with (?:me|us)|bleib(?:en sie)? (?:auf dem laufenden|in kontakt)|restez (?:informée?s?|en contact)|mantente (?:al día|informad[oa])|fique (?:por dentro|atualizad[oa])|blijf op de hoogte)\b.*$/,
  /^(?:about the author|about me|about us|author|written by\b.*|posted by\b.*|share(?: this)?(?: post| article)?|related(?: posts| articles| reading| notes)?|you (?:might|may) also like|more from\b.*|recommended(?: from\b.*)?|read (?:more|next)|comments?|\d+ comments?|responses(?: \(\d+\))?|leave a (?:reply|comment)|tags|categories|subscribe|newsletter|sign up\b.*|follow (?:me|us)\b.*|support\b.*|sponsored|advertisement|navigation|table of contents|contents|on this page|in this (?:post|article)|reuse|citation|cite this|bibtex|license|licence|footnotes|notes and references|references|see also|external links|show notes|chapters|transcript(?: \(excerpt\))?|links mentioned|about the guests?|about the hosts?|guests?|hosts?|credits|listen|subscribe to the podcast)$/,
];

const UPCOMING_PATTERNS: RegExp[] = [
  // Whole headings, or followed by when: "Coming up on Friday"; "Coming Up for Air: …" is a title.
  /^(?:coming (?:up|soon|next)|still to come|later this (?:week|month|year))(?:\s+(?:on|this|next|later|tomorrow|in|at)\b.*)?$/,
  /^upcoming(?:\s+(?:talks|sessions|events|meetups?|dates|editions?|conferences|appearances))?$/,
  /^(?:the )?next (?:time|month|meetup|event|edition)s?(?:\s*[-:–—,(].*|\s+(?:is|will|on|in)\b.*)?$/,
  /^(?:demnächst|als nächstes|nächstes (?:treffen|meetup|mal)|der nächste (?:termin|meetup)|(?:le |la )?prochaine? (?:meetup|rencontre|édition|fois)|à venir|prochainement|(?:el |la )?próxim[oa] (?:meetup|encuentro|edición|vez)|próximamente|(?:o |a )?próxim[oa] (?:meetup|encontro|edição)|binnenkort|(?:de )?volgende (?:meetup|editie|keer)|следующ(?:ий|ая) (?:митап|встреча)|następne spotkanie|příští sraz)(?!\p{L}).*$/u,
  /^(?:次回|今後の予定|下期预告|下次活动|다음 (?:모임|행사)).*$/u,
  // What the writer missed is named, not written up, as what is still to come: "What I missed",
  // "Det nåede jeg ikke", "Що я пропустив".
  /^(?:what (?:i|we) (?:missed|didn't (?:see|catch|get to))|(?:i|we) missed|missed|not seen|was ich verpasst habe|was wir verpasst haben|verpasst|ce que j'ai (?:raté|manqué)|lo que me perdí|o que (?:eu )?perdi|wat ik (?:heb )?gemist(?: heb)?|det nåede jeg ikke|det rakk jeg ikke|det hann jag inte|що я пропустив|що ми пропустили|что я пропустил|co mi umknęło|co jsem nestihl|kaçırdıklarım|yang terlewat)$/u,
];

/**
 * Talks the writers plan to see, before the event ("Sessions we want to see", "Vorträge, die wir sehen
 * wollen", "Charlas que queremos ver"): named from the programme, not written up, as what is still to
 * come. Read before the group headings, which "Talks we saw" is.
 */
const PLANNED_PATTERNS: RegExp[] = [
  /^(?:(?:the )?(?:talks|sessions|keynotes|workshops)\s+(?:i|we)(?:['’]d| would| will)?\s+(?:want|plan|hope|intend|like|need|are going|am going)\s+to\s+(?:see|attend|catch|watch|cover)|(?:our|my|the team['’]s) (?:shortlist|watch ?list|session plan|talk plan))\b.*$/,
  /^(?:(?:vorträge|sessions),? die (?:ich|wir) (?:sehen|besuchen|hören) (?:will|wollen|möchten)|(?:conférences|sessions) (?:que |qu['’])(?:je|nous) (?:voulons|veux|comptons) voir|(?:charlas|sesiones) que (?:queremos|quiero|vamos a) ver|(?:palestras|sessões) que (?:queremos|quero|vamos) (?:ver|assistir)|(?:talks|sessies) die (?:ik|we) (?:willen|wil) zien)(?!\p{L}).*$/u,
];

const ALL: [HeadingRole, RegExp[]][] = [
  ['day', DAY_PATTERNS],
  ['track', TRACK_PATTERNS],
  ['upcoming', PLANNED_PATTERNS],
  ['group', GROUP_PATTERNS],
  ['intro', INTRO_PATTERNS],
  ['outro', OUTRO_PATTERNS],
  ['upcoming', UPCOMING_PATTERNS],
  ['part', PART_PATTERNS],
  ['chrome', CHROME_PATTERNS],
  ['break', BREAK_PATTERNS],
];

/**
 * The structural role of a heading that is not a talk title, or null when it may be one. `text` is the
 * heading's visible text; emoji, numbering, trailing colons and permalink marks are ignored.
 */
export function headingRole(text: string): HeadingRole | null {
  const key = vocabularyKey(text);
  if (!key) return null;
  const role = roleOfKey(key);
  if (role) return role;
  // "1 Introduction", "5 Conclusion": a numbered document's section number before a word of its
  // structure (LaTeX, Org, Sphinx). Kept in the key, since "2 Days in Lisbon" may be a title.
  const unnumbered = /^\d{1,2} (?=\p{L})/u.test(key) ? roleOfKey(key.replace(/^\d+ /, '')) : null;
  return unnumbered && DOCUMENT_PARTS.has(unnumbered) ? unnumbered : null;
}
const DOCUMENT_PARTS = new Set<HeadingRole>(['intro', 'outro', 'chrome', 'part']);

function roleOfKey(key: string): HeadingRole | null {
  for (const [role, patterns] of ALL) {
    if (patterns.some((p) => p.test(key))) return role;
  }
  return null;
}

/** Lower case, NFKC, curly quotes straightened, decoration and numbering stripped, whitespace collapsed. */
export function vocabularyKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’´`]/g, "'")
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/\p{Extended_Pictographic}|\u{FE0F}|\u{200D}/gu, ' ')
    .replace(/^[\s\d.)\]#§¶:–—-]*(?=\p{L})/u, (m) => (/\d/.test(m) && !/[.)]/.test(m) ? m : ''))
    .replace(/[\s:.!…¶#§]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Titles of how-tos and tutorials: "How to …", "A practical guide to …", "Anleitung", "Tutoriel",
 * "Guía paso a paso", "Handleiding", "実践ガイド", "入门教程", "따라하기", "Руководство", "Poradnik", "Návod".
 */
const HOW_TO_TITLE =
  /(?<!\p{L})(?:how[- ]to|(?:a|the|my|your|complete|practical|beginner'?s?|quick|ultimate|step[- ]by[- ]step) guide|guide (?:to|for)|tutorial|walk-?through|step[- ]by[- ]step|cheat ?sheet|getting started|anleitung|leitfaden|schritt für schritt|tutoriel|pas à pas|guide (?:pratique|complet|de)|gu[ií]a|paso a paso|passo a passo|handleiding|stappenplan|руководство|инструкция|пошагов\p{L}*|poradnik|przewodnik|krok po kroku|návod|průvodce|krok za krokem)(?!\p{L})|ガイド|手順|入門|作り方|やり方|チュートリアル|ハンズオン|教程|指南|入门|가이드|튜토리얼|따라하기|하는 법/iu;

/** True when a post title says it is a how-to or a tutorial. */
export function isHowToTitle(title: string): boolean {
  return HOW_TO_TITLE.test(title);
}

/**
 * Titles of a list of talks to watch rather than of talks seen: "10 talks to watch this weekend",
 * "Sessions worth watching", "My KubeCon watchlist", "Vorträge zum Nachschauen", "Charlas que no te
 * puedes perder". Its author has not seen them (or writes as if not), so it reports none of them:
 * each item names a talk and says why to watch it, which reads like a write-up's talk and is not one.
 */
const WATCHLIST_TITLE =
  /(?<!\p{L})(?:(?:talks?|sessions?|keynotes?|videos?|recordings?|presentations?)(?:\s+\S+){0,2}\s+(?:to (?:re)?watch|worth (?:watching|a (?:re)?watch)|(?:you )?should (?:watch|see)|(?:not )?to miss)|must[- ]watch|watch ?list|vorträge zum (?:nach)?(?:schauen|ansehen)|sehenswerte (?:vorträge|talks)|(?:conférences|talks) à (?:re)?voir|charlas (?:para ver|que no te (?:puedes|podés) perder)|palestras (?:para assistir|imperdíveis))(?!\p{L})|見るべき|必見|必看|볼 만한/iu;

/**
 * Talks wished for, which nobody has given yet: a meetup's wishlist ("Talks we would love to see in
 * 2026", "Talk ideas", "Vortragswünsche", "Palestras que gostaríamos de ver").
 */
const WISHLIST_TITLE =
  /(?<!\p{L})(?:(?:talks?|sessions?|topics?|presentations?)(?:\s+\S+){0,3}\s+(?:we|i|you|people)(?:['’]d|\s+would|\s+want|\s+wish)?\s+(?:love|like|want|wish)\s+to\s+(?:see|hear|have)|(?:talk|session|lightning talk|topic)\s+(?:ideas|wish\s?list|requests|wishes)|(?:talks?|topics?)\s+wanted|wish\s?list|vortragswünsche|themenwünsche|wunschthemen|vorträge,?\s+die\s+wir\s+(?:gerne?\s+)?(?:sehen|hören)|(?:talks|conférences|sujets)\s+que\s+nous\s+aimerions|idées\s+de\s+(?:talks|conférences|sujets)|charlas\s+que\s+(?:nos\s+gustaría|queremos)|ideas\s+(?:de|para)\s+charlas|palestras\s+que\s+(?:gostaríamos|queremos)|ideias\s+(?:de|para)\s+palestras|talks\s+die\s+we\s+graag|wensenlijst)(?!\p{L})/iu;

/**
 * True when a post title presents talks to watch (a recommendation list) or talks wished for (a
 * wishlist), not talks the writer saw.
 */
export function isWatchlistTitle(title: string): boolean {
  return WATCHLIST_TITLE.test(title) || WISHLIST_TITLE.test(title);
}

/** The number of a step heading: "1. …", "2) …", "Step 3: …", "Schritt 3", "手順3", "3단계"; null for others. */
export function stepNumber(text: string): number | null {
  const m =
    /^\s*(?:(?:step|schritt|étape|etapa|paso|passo|stap|шаг|krok|ステップ|手順|步骤|第)\s*(\d{1,2})|(\d{1,2})\s*(?:[.)．]|단계|步))(?!\d)/iu.exec(
      text,
    );
  const n = m?.[1] ?? m?.[2];
  return n ? Number(n) : null;
}
