/**
 * Talk detection. A page holds posts (an archive holds several, a live blog one); each post is a
 * multi-talk write-up, a single-talk write-up, or not a write-up at all. Talk titles are found among
 * the post's candidate lines (headings, bold lines, list items, definition terms, table rows) by the
 * evidence each carries (speakers, a "Keynote:" marker, a session code, a talk table, a "Speaker:"
 * line, talk words where its write-up opens) and by the company it keeps: the titles of one write-up
 * share one form. Structural lines (days, tracks, introductions, conclusions, takeaways, breaks) are
 * never talks and end the talk above them. Without talk titles, a post whose own title names one talk
 * ("My notes on the 'Scaling Postgres' keynote") is that talk from top to bottom; anything else has no
 * talks. Sections keep live DOM references so callers order things with `compareDocumentPosition`.
 */
import {
  type Candidate,
  collectBlockCandidates,
  collectBlockCandidatesAround,
  collectCandidates,
  TALK_LINK,
} from './candidates';
import {
  blocksAfter,
  childElements,
  clean,
  contextInPost,
  embeddingOf,
  HEADINGS,
  headingLevel,
  headingText,
  precedes,
  textUpTo,
  tokens,
  truncate,
} from './dom';
import { talkOpenedInBlock, withoutBadge } from './boxes';
import { threadTalks } from './messages';
import { withoutPostExcerptFrame } from './post-excerpt';
import { findPosts, liveBlogEntries } from './posts';
import { endAtLinesBetweenTalks, lineEndingTalk, linesBetweenTalks } from './section-ends';
import { isProposalOrCall } from './proposal';
import { opensWithBreak, tellsOfAnotherTalk } from './prose';
import { talkOfInterview } from './interview';
import { countsUp } from './numbering';
import { singleTalkOfPost, talkNamedInOpening, talkNamedInPageTitle } from './single-talk';
import { subjectOfPost } from './post-subject';
import { withoutVetoed } from './not-a-record';
import { NO_RULES, ruleFor, type TalkForm, type TalkRules } from './rules';
import { nameWordRecurs, parsePeople } from './people';
import { speakerLine } from './speaker-phrases';
import { findSpeakers } from './speakers';
import { type DeclaredTalk, declaredTalkFor, structuredData } from './structured-data';
import { announcesRatherThanReports } from './tense';
import { talksFromShapes } from './shape-talks';
import { type ListedTalk, listsRatherThanReports } from './catalogue';
import { linkedTitleIn } from './linked-titles';
import { introducesOthers, talkOpenedBy } from './openings';
import { linksToRecording } from './links';
import { nameRecurs } from './title-parse';
import { isHowToTitle, isWatchlistTitle, stepNumber } from './vocabulary';

/** A talk written up in a post: where it starts, where it ends, and the post it belongs to. */
export interface TalkSection {
  title: string;
  speakers: string[];
  /** The element that introduces the talk: a heading, a line, a list item, a `<dt>`, a table row, or the post title. */
  heading: Element;
  /** The post (or article) container the talk belongs to; sections never extend beyond it. */
  post: Element;
  /** The title of the post (or of the post-level heading) above the talk, when there is one. */
  postTitle: string | null;
  /** The first element after the talk (the next title, a heading that closes it); null: the end of the post. */
  end: Element | null;
  /** For talks that are one list item, definition or table row: the elements they consist of. */
  owns: Element[] | null;
  /** The form of the line that introduces it, or `title` for a single-talk post named in its title. */
  form: TalkForm | 'title';
}

const MAX_TITLE = 500;
/** Text allowed before a post's first heading for it to still be the post title ("Posted on ... by ..."). */
const MAX_TEXT_BEFORE_TITLE = 200;
/** How much of a section's opening is read for evidence and speakers. */
const LEAD_CHARS = 700;
/** Share of a title form's lines that must carry evidence before the rest of them count as talks too. */
const FILL_SHARE = 2 / 3;
/** ... and how many lines at least: two of three is too little to vouch for the third. */
const MIN_FILL = 3;
/** Share of a form's evidenced lines that are strong for the form to require strong evidence of every line. */
const STRONG_FORM_SHARE = 3 / 4;
/** Talks introduced in prose that make a post a write-up of talks without its saying so. */
const MIN_PROSE_TALKS = 3;
/** Share of a title form's lines that must carry evidence for the form to hold talks at all. */
const MIN_GROUP_SHARE = 1 / 3;

/** Talk words where a write-up opens: "in her talk", "the keynote", "his slides", "Vortrag", "講演". */
const TALK_WORDS =
  /\b(?:(?:his|her|their|the|this|a|an|whose|my|first|second|next|last|closing|opening)\s+(?:talk|keynote|session|presentation|lecture|lightning talk|workshop|tutorial|slides|demo)|keynote|lightning talk|slides|on stage|took the stage|the speakers?|speaker|presented|was presenting|(?:her|his|their) (?:demo|slide))\b|\b(?:vortrag|vortrags|sprecherin|sprecher|referentin|referent|folien|conférence|présentation|intervenant|charla|ponencia|ponente|diapositivas|palestra)\b|講演|発表|登壇|スライド|セッション|トーク|(?<!\p{L})(?:доклад\p{L}*|выступлени\p{L}*|докладчи\p{L}*|спикер\p{L}*|кейноут\p{L}*|доповід\p{L}*|виступ\p{L}*|спікер\p{L}*|prelekcj\p{L}*|wykład\p{L}*|prelegent\p{L}*|konuşmacı\p{L}*|konuşması|sunum\p{L}*|pembicara|narasumber|diễn giả|bài nói|bài trình bày)(?!\p{L})|演讲|讲师|分享嘉宾|발표|세션|키노트|연사/iu;
/**
 * Talks and speakers named in general, in the languages detection reads: a plural ("Between talks",
 * "Finding speakers", "Vorträge einreichen"), or a singular after an article or a preposition
 * ("Announcing a talk", "Before the first talk"). "Talk A" names one talk.
 */
const ABOUT_TALKS =
  /(?<!\p{L})(?:(?:talks|speakers|presentations|vorträge|sprecher(?:innen)?|referent(?:en|innen)|conférences|intervenants|charlas|ponentes|palestras|palestrantes|lezingen|sprekers|доклады|спикеры|prelegenci|přednášky|řečníci)|(?:a|an|the|each|every|your|our|per|first|next|last|between|before|after|during)\s+(?:\p{L}+\s+)?(?:talk|speaker|presentation))(?!\p{L})|登壇者|スピーカー|讲者|讲师|発表者/iu;
/** The page is about an event: conference words in its title, headings or opening. */
const EVENT_WORDS =
  /\b(?:conf(?:erence)?s?|summit|meetups?|meet-ups?|talks|keynotes?|sessions|speakers|devrooms?|symposium|congress|convention|workshops?|recap|trip report|live ?blog|hackathon|barcamp|unconference|lightning|vortr(?:a|ä)ge?|konferenz|tagung|kongress|conférences?|conferencias?|charlas|jornadas|congreso|palestras|(?:a|the|his|her|their|this|my|next) (?:talk|keynote|session))\b|カンファレンス|講演|登壇|勉強会|参加レポート|参加してきました|トーク|セッション|基調|(?<!\p{L})(?:конференци\p{L}*|доклад\p{L}*|митап\p{L}*|конференці\p{L}*|доповід\p{L}*|konferencj\p{L}*|prelekcj\p{L}*|konferenc\p{L}*|přednášk\p{L}*|konferans\p{L}*|konuşmacı\p{L}*|konferensi|pembicara|hội nghị|hội thảo|diễn giả|phiên)(?!\p{L})|大会|峰会|演讲|컨퍼런스|콘퍼런스|발표|세션/iu;
/** Conference names: "PyCon", "KubeCon", "JSConf", "SREcon24", "GopherCon EU". */
const EVENT_NAME =
  /\b\p{Lu}[\p{L}\d]*(?:Con|Conf|con|conf)\b|\b\p{Lu}[\p{L}]*(?:con|conf)\s?(?:'?\d{2}|\d{4})\b/u;
/** Pages about an episode or an interview rather than an event. */
const NOT_AN_EVENT_PAGE = /\b(?:podcast|episode|ep\.\s*\d|show notes|interview with)\b/iu;
/** Closing lines of a write-up, which belong to no talk even without a heading before them. */
const OUTRO_LINE =
  /\b(?:thanks?(?: you)? (?:again )?(?:to|for) (?:all|everyone|everybody|the (?:organi[sz]ers|speakers|volunteers|hosts|sponsors)|our (?:\w+ )?speakers)|(?:see|meet) you (?:all )?(?:next|at|in) |until next (?:time|year|month)|next (?:month|year)(?:'s)? (?:meetup|edition|conference|event)|next (?:month|meetup) is|(?:all|our|the) (?:two|three|four|five|six|\d+) (?:speakers|talks)|that'?s (?:it|all) (?:for|from)|danke an (?:alle|die)|bis zum nächsten|merci à (?:tous|toutes|les)|à l'année prochaine|gracias a (?:todos|los)|hasta el próximo)\b|また来年|来年も|ありがとうございました/iu;

/**
 * Finds the talk sections of every post under `root`, in document order. `rules` are what the reader
 * taught detection about this site (lines that are not talks, the form of talk titles).
 */
export function detectTalkSections(root: Element | Document, rules: TalkRules = NO_RULES): TalkSection[] {
  const doc = root.ownerDocument ?? (root as Document);
  // A proposal, or a call for them, names its fields as headings: its talks were never given.
  if (isProposalOrCall(root)) return [];
  const context = pageContext(doc, rules);
  const posts = findPosts(root);
  let sections = posts.flatMap((post) => detectInPost(post, context, posts.length === 1));
  // A thread, a chat or a forum topic: one message (or a few) per talk, by one writer (messages.ts),
  // where the posts' own reading finds fewer talks than its messages open. Read only where that reading
  // found no talks of the forms a thread's posts take (paragraphs, blocks) and fewer than two of others.
  const threadLike = sections.length < 2 || sections.every((s) => s.form === 'prose' || s.form === 'block');
  const thread = rules.talkForm || !threadLike ? null : threadSections(root);
  if (thread && thread.length > sections.length) sections = thread;
  // A catalogue lists its talks (a recording or page linked for each, a blurb no writer tells), often
  // one card (one post) per talk: in the present tense, so only the absence of a writer gives it away.
  if (
    sections.length >= 3 &&
    listsRatherThanReports(
      sections.map((s) => listedSection(s, sections.filter((o) => o.post === s.post).length === 1)),
    )
  )
    return [];
  // Talks still to come, offered, the site's furniture, a list of events, talks from generic structure
  // on a page that records none given (recorded.ts): no record of talks attended.
  return withoutVetoed(sections, !rules.talkForm);
}

/** The talks of a thread of messages, as sections owning their messages; null when it opens fewer than two. */
function threadSections(root: Element | Document): TalkSection[] | null {
  const talks = threadTalks(root);
  if (!talks.length) return null;
  const messages = talks.flatMap((t) => t.owns);
  let post = messages[0]!.parentElement!;
  while (!messages.every((m) => post.contains(m)) && post.parentElement) post = post.parentElement;
  return talks.map((t) => ({
    title: truncate(t.title, MAX_TITLE),
    speakers: t.speakers,
    heading: t.heading,
    post,
    postTitle: null,
    end: null,
    owns: t.owns,
    form: 'block',
  }));
}

interface PageContext {
  /** The document title in its forms (whole, without a " | Site" part). */
  titles: Set<string>;
  raw: string;
  /** The titles of the page's metadata (document, social card, JSON-LD headline), without a site name. */
  metadataTitles: string[];
  rules: TalkRules;
  /** The talks the page's JSON-LD declares. */
  declared: DeclaredTalk[];
}

function pageContext(doc: Document, rules: TalkRules): PageContext {
  const raw = [doc.title, doc.querySelector('meta[property="og:title"]')?.getAttribute('content')]
    .map((v) => clean(v))
    .filter(Boolean);
  const titles = new Set<string>();
  for (const value of raw) {
    const title = value.toLowerCase();
    titles.add(title);
    const separators = [...title.matchAll(/\s+(?:[|–—·•»/]|-|::)\s+/g)];
    const first = separators[0];
    const last = separators[separators.length - 1];
    if (first && last) {
      titles.add(title.slice(0, last.index).trim());
      titles.add(title.slice(first.index + first[0].length).trim());
    }
  }
  titles.delete('');
  // Every title the page's metadata gives, where a single talk may be named while the page's heading
  // is a headline: the document's (without the site's name), the social card's and the JSON-LD
  // article's, which name no site as a rule (what follows their dash is a speaker as often).
  const card = (name: string) => clean(doc.querySelector(`meta[${name}]`)?.getAttribute('content'));
  const { declared, headlines } = structuredData(doc);
  const metadata = [
    withoutSiteName(clean(doc.title)),
    card('property="og:title"'),
    card('name="twitter:title"'),
    ...headlines.map((h) => clean(h)),
  ];
  return {
    titles,
    raw: withoutSiteName(raw[0] ?? ''),
    metadataTitles: [...new Set(metadata)].filter(Boolean),
    rules,
    declared,
  };
}

/** The one talk a title of the page's metadata names, other than the post's own heading. */
function talkInMetadata(page: PageContext, postTitle: string, heading: Element, post: Element) {
  for (const title of page.metadataTitles) {
    const talk = title !== postTitle ? talkNamedInPageTitle(title, heading, post) : null;
    if (talk) return talk;
  }
  return null;
}

/** "Post title - Site name" -> "Post title", when the last part is short enough to be a site's name. */
function withoutSiteName(title: string): string {
  const separators = [...title.matchAll(/\s+(?:[|–—·•»]|-|::)\s+/g)];
  const last = separators[separators.length - 1];
  if (!last) return title;
  const tail = title.slice(last.index + last[0].length);
  return tail.split(/\s+/).length <= 5 ? title.slice(0, last.index).trim() : title;
}

// ---------------------------------------------------------------------------------------------- one post

interface Talk {
  c: Candidate;
  title: string;
  speakers: string[];
}

function detectInPost(post: Element, page: PageContext, onlyPost: boolean): TalkSection[] {
  const candidates = collectCandidates(post);
  if (page.declared.length)
    for (const c of candidates) c.declared = declaredTalkFor(c.parsed.title, page.declared);
  const headings = candidates.filter((c) => c.kind === 'heading');
  const postTitle = findPostTitle(post, headings, page.titles);
  // A social post's page title quotes the post's own opening: it names the post, not a talk.
  const postTitleText = postTitle ? postTitle.text : onlyPost ? withoutPostExcerptFrame(page.raw, post) : '';
  // Talks recommended for watching are named, not written up: prefer no talk to ten invented ones.
  if (isWatchlistTitle(postTitleText)) return [];
  // Read once: every talk's end is looked up among them (talkEnd).
  const postHeadings = [...post.querySelectorAll(HEADINGS)];
  const body = withoutUpcoming(
    candidates.filter(
      (c) =>
        c !== postTitle && !c.inHeader && !(c.kind === 'heading' && page.titles.has(c.text.toLowerCase())),
    ),
    post,
    postHeadings,
  );
  // Headings the reader marked as part of the talk above: they do not end it.
  const partsOfAbove = new Set<Element>();
  applyRules(body, page.rules, partsOfAbove);
  // Structural lines that are no headings ("<p><b>La comida</b></p>", "<p><b>Conclusiones</b></p>") end a
  // talk introduced by a line.
  // A badge numbers a section ("01", "番外"): the next badge opens another, a talk or not.
  const roleLines = body
    .filter((c) => c.kind !== 'heading' && ((c.role && c.role !== 'part') || withoutBadge(c.el)))
    .map((c) => c.el);
  const betweenTalks = linesBetweenTalks(body);
  const sectionEnd = (c: Candidate, next: Candidate | null) => {
    const end = talkEnd(c, next, post, partsOfAbove, postHeadings);
    if (c.owns) return end;
    // A bold break or hallway line ends a talk heading's section too: it is no part of the talk.
    if (c.kind === 'heading') return lineEndingTalk(c.el, betweenTalks, end, post) ?? end;
    const line = roleLines.find((el) => precedes(c.el, el) && (!end || precedes(el, end)));
    if (c.kind === 'prose') return announcementAfter(c, line ?? end, post) ?? line ?? end;
    return line ?? end;
  };
  // A how-to about giving talks uses talk words everywhere: its numbered steps are not talks, and only
  // strong evidence names one.
  const howTo = isHowTo(postTitleText, page.raw, headings);
  const eventPage = !howTo && isEventPage(post, postTitleText, page.raw, body);

  const reading: Reading = {
    eventPage,
    strongOnly: howTo,
    proseTalks: eventPage && announcesTalks(post, postTitleText, page.raw),
  };
  let talks = page.rules.talkForm
    ? talksOfForm(post, body, page.rules.talkForm)
    : chooseTalks(post, body, reading, sectionEnd);
  if (!page.rules.talkForm) talks = withRunMates(talks, post);
  // A programme announces its talks ("will show", "θα συζητήσουν"): their notes are abstracts, and
  // nothing of what was said is written up.
  if (talks.length >= 2 && announcesRatherThanReports(talks.map((t) => sectionLead(t.c, post)))) return [];
  // A post whose title names one talk is that talk, unless its lines name at least two talks for sure.
  const strongTalks = talks.filter((t) => hasStrongEvidence(t.c, post)).length;
  if (talks.length === 0 || strongTalks < 2) {
    // Off event pages a lone "Title — Name" line is too little: "… for Whole Foods" reads the same.
    // A marker, a session code, a talk table or a "Speaker:" line is enough anywhere.
    if (talks.length === 1 && !eventPage && !isUnmistakable(talks[0]!.c)) talks = [];
    const single =
      singleTalkOfPost(post, postTitleText, postTitle?.el ?? null, eventPage) ??
      // An interview with the speaker about the talk its title quotes.
      (eventPage ? talkOfInterview(post, postTitleText, postTitle?.el ?? post) : null) ??
      // Where no line names a talk for sure, the opening may name the one talk the post is about.
      (strongTalks === 0
        ? talkNamedInOpening(post, postTitleText, postTitle?.el ?? null, eventPage)
        : null) ??
      // A headline over the post, and the talk named only in the document's title (its social card).
      (strongTalks === 0 && talks.length === 0 && eventPage && postTitle
        ? talkInMetadata(page, postTitleText, postTitle.el, post)
        : null) ??
      // No rule found a talk: the phrase the whole post names in several places, if it bears a talk's marks.
      (talks.length === 0 && !howTo
        ? subjectOfPost(
            post,
            onlyPost ? [...page.metadataTitles, postTitleText] : [postTitleText],
            postTitle?.el ?? post,
          )
        : null);
    if (single) {
      return [
        {
          title: truncate(single.title, MAX_TITLE),
          speakers: single.speakers,
          heading: single.heading,
          post,
          postTitle: null,
          end: null,
          owns: null,
          form: 'title',
        },
      ];
    }
  }

  // No line the rules read names a talk: the page's own repeated block shapes may (shape-talks.ts).
  if (!talks.length && !page.rules.talkForm && !howTo) {
    const ruledOut = (line: string) => ruleFor(page.rules, line) !== null;
    const shaped = talksFromShapes(post, { eventPage, postTitle: postTitle?.el ?? null, ruledOut });
    const sections = shaped.map((t): TalkSection => ({ ...t, post, postTitle: null, owns: null }));
    endLastTalkBeforeOutro(sections, post);
    if (sections.length) return sections;
  }

  const postLevel = headings.filter(
    (h) => h === postTitle || h.inHeader || page.titles.has(h.text.toLowerCase()),
  );
  const sections = talks.map((talk, i): TalkSection => {
    const end = sectionEnd(talk.c, talks[i + 1]?.c ?? null);
    const above = [...postLevel, ...body.filter((c) => c.kind === 'heading' && c.level < talk.c.level)]
      .filter((h) => precedes(h.el, talk.c.el))
      .sort((a, b) => (precedes(a.el, b.el) ? -1 : 1))
      .pop();
    return {
      title: truncate(talk.title, MAX_TITLE),
      speakers: talk.speakers,
      heading: talk.c.el,
      post,
      postTitle: above ? truncate(above.text, MAX_TITLE) : null,
      end,
      owns: talk.c.owns,
      form: formOf(talk.c),
    };
  });
  endAtLinesBetweenTalks(
    sections,
    talks.map((t) => t.c),
    body,
    post,
  );
  endLastTalkBeforeOutro(sections, post);
  // A live blog's entry titled by a structural line ("<p><b>Lunch break 🍱</b></p>") is titled, as one
  // with a heading is: it takes the untitled entries of its time to no talk.
  const structuralLines = body.filter((c) => c.kind !== 'heading' && c.role && c.role !== 'part');
  fileLiveBlogEntries(sections, post, [...headings, ...structuralLines]);
  return sections;
}

/**
 * A live blog's untitled entries belong to the talk whose titled entry came before them in time: below
 * it when the blog shows the oldest entry first, above it when it shows the newest first. Titled
 * entries that are no talk (Lunch) take the entries after them to no talk. Each talk then owns its
 * entries.
 */
function fileLiveBlogEntries(sections: TalkSection[], post: Element, titles: Candidate[]): void {
  const entries = liveBlogEntries(post);
  if (entries.length < 3 || !sections.length) return;
  const timeOf = (entry: Element) => Date.parse(entry.querySelector('time')?.getAttribute('datetime') ?? '');
  // Titled: by a heading or a structural line, or by the paragraph that opens a thread's post and
  // introduces its talk.
  // A heading in an entry titles it, also where it is no candidate line (inside a timeline's list item).
  const titled = entries.filter(
    (entry) =>
      titles.some((h) => entry.contains(h.el)) ||
      sections.some((s) => entry.contains(s.heading)) ||
      entry.querySelector(HEADINGS) !== null,
  );
  const sectionOf = new Map<Element, TalkSection>();
  for (const section of sections) {
    const entry = entries.find((e) => e.contains(section.heading));
    // An entry that holds two talks is a post of its own (a forum thread's opening post and its
    // replies), not a live blog's entry: its talks end with it, and the articles after it are no talk's.
    if (entry && sectionOf.has(entry)) {
      endTalksWithTheirArticle(sections, entries);
      return;
    }
    if (entry) sectionOf.set(entry, section);
  }
  if (!sectionOf.size) return;
  for (const section of sectionOf.values()) section.owns = [];
  for (const entry of entries) {
    const owner = titled.includes(entry) ? entry : titledEntryBefore(entry, titled, entries, timeOf);
    const section = owner ? sectionOf.get(owner) : undefined;
    section?.owns?.push(entry);
  }
  for (const section of sectionOf.values()) section.end = null;
}

/** A post's entries: its outermost inner articles (the post itself may be an <article>). */
function entriesOf(post: Element): Element[] {
  const inner = [...post.querySelectorAll('article')];
  return inner.filter((a) => !inner.some((o) => o !== a && o.contains(a)));
}

/**
 * The paragraphs among `prose` that open an entry of a thread (three entries or more) and each a
 * different one: one post per talk. A paragraph further down a post is talk about a talk, not its
 * introduction.
 */
function threadOpeners(prose: Candidate[], post: Element): Candidate[] {
  if (prose.length < 2) return [];
  const entries = entriesOf(post);
  if (entries.length < 3) return [];
  const seen = new Set<Element>();
  return prose.filter((c) => {
    const entry = entries.find((e) => e.contains(c.el));
    if (!entry || seen.has(entry) || entry.querySelector('p') !== c.el) return false;
    seen.add(entry);
    return true;
  });
}

/** `title` stands in quotation marks in `el`'s text, not only in italics. */
function quotedInText(el: Element, title: string): boolean {
  const text = textUpTo(el, 600);
  const at = text.indexOf(title);
  return at > 0 && QUOTE_MARK.test(text.charAt(at - 1));
}
const QUOTE_MARK = /[“"«„‘「『《‚»]/u;

/** Each talk inside one of `articles` ends where that article does, at the latest. */
function endTalksWithTheirArticle(sections: TalkSection[], articles: Element[]): void {
  for (const section of sections) {
    const article = articles.find((a) => a.contains(section.heading));
    if (!article || section.owns || (section.end && article.contains(section.end))) continue;
    section.end = elementAfter(article);
  }
}

/** The first element after `el` in document order that is not inside it; null at the document's end. */
function elementAfter(el: Element): Element | null {
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (node.nextElementSibling) return node.nextElementSibling;
  }
  return null;
}

/** The titled entry posted last before `entry`: by their times when both have one, else the one above. */
function titledEntryBefore(
  entry: Element,
  titled: Element[],
  entries: Element[],
  timeOf: (e: Element) => number,
): Element | null {
  const time = timeOf(entry);
  if (!Number.isNaN(time)) {
    let best: Element | null = null;
    const distance = (t: Element) => Math.abs(entries.indexOf(t) - entries.indexOf(entry));
    for (const t of titled) {
      const tTime = timeOf(t);
      if (Number.isNaN(tTime) || tTime > time) continue;
      // Equal times (minutes only): the nearer entry on the page.
      if (!best || tTime > timeOf(best) || (tTime === timeOf(best) && distance(t) < distance(best))) best = t;
    }
    if (best || titled.every((t) => !Number.isNaN(timeOf(t)))) return best;
  }
  const index = entries.indexOf(entry);
  return [...titled].reverse().find((t) => entries.indexOf(t) < index) ?? null;
}

/**
 * Lines under a heading that announces what is still to come ("Coming up on Friday", "Le prochain
 * meetup"), up to the next heading of its rank or higher, name talks not yet given: a write-up cannot
 * be about them, however much they look like the talks above (the same session cards, a quoted title).
 */
function withoutUpcoming(body: Candidate[], post: Element, postHeadings: readonly Element[]): Candidate[] {
  const upcoming = body.filter((c) => c.kind === 'heading' && c.role === 'upcoming');
  if (!upcoming.length) return body;
  const spans = upcoming.map((h) => ({ start: h.el, end: talkEnd(h, null, post, new Set(), postHeadings) }));
  return body.filter(
    (c) =>
      c.role === 'upcoming' ||
      !spans.some(
        (s) => precedes(s.start, c.el) && !s.start.contains(c.el) && (!s.end || precedes(c.el, s.end)),
      ),
  );
}

/** Lines the reader marked as not talks on this site take the role they gave them. */
function applyRules(body: Candidate[], rules: TalkRules, partsOfAbove: Set<Element>): void {
  if (!rules.notTalks.length) return;
  for (const c of body) {
    const as = ruleFor(rules, c.text) ?? ruleFor(rules, c.parsed.title);
    if (!as) continue;
    c.role = as === 'part' ? 'part' : 'outro';
    c.ruled = true;
    if (as === 'part') partsOfAbove.add(c.el);
  }
}

/** The talks when the reader named the form of talk titles on this site: every line of that form. */
function talksOfForm(post: Element, body: Candidate[], form: TalkForm): Talk[] {
  return body.filter((c) => formOf(c) === form && c.role === null).map((c) => toTalk(c, post));
}

function formOf(c: Candidate): TalkForm {
  if (c.kind === 'heading') return `h${Math.min(6, Math.max(1, c.level))}` as TalkForm;
  if (c.kind === 'box') return 'card';
  return c.kind === 'plain' ? 'line' : c.kind;
}

/** How a post reads: about an event, a how-to, a write-up of talks. */
interface Reading {
  /** Conference words in its titles, lines or opening. */
  eventPage: boolean;
  /** Only strong evidence names a talk (a how-to, whose every step speaks of talks). */
  strongOnly: boolean;
  /** Talks may be introduced in its running prose: it says it is about talks. */
  proseTalks: boolean;
}

/**
 * A post that says it writes up talks: talks, sessions or keynotes (plural, in the languages detection
 * knows) in its title or where it opens ("four talks we took home", "live-threading the talks I catch").
 * A book review or a news story names a keynote, not talks.
 */
function announcesTalks(post: Element, postTitle: string, pageTitle: string): boolean {
  const opening = textUpTo(post, 600).slice(0, 600);
  return [postTitle, pageTitle, opening].some((text) => TALKS_PLURAL.test(text));
}
const TALKS_PLURAL =
  /(?<!\p{L})(?:talks|sessions|keynotes|presentations|vorträge|vortraege|conférences|présentations|charlas|ponencias|palestras|apresentações|lezingen|presentaties|sessies|доклад(?:ы|ов|ам|ах)|выступлени(?:я|й|ям)|prelekcj(?:e|i)|wykład(?:y|ów)|přednášk(?:y|ách|ám)|доповід(?:і|ей|ям|ях)|виступ(?:и|ів)|konuşmalar|sunumlar|oturumlar|sesi-sesi|presentasi-presentasi|(?:các|những|mấy|vài|hai|ba|bốn|năm|sáu|\d+) (?:phiên|bài nói|bài trình bày))(?!\p{L})|講演|セッション|トーク|登壇|演讲|讲座|발표|세션/iu;

/**
 * A how-to or a tutorial: its title says so ("A practical guide to …", "Anleitung", "実践ガイド") and its
 * headings are numbered steps (1., 2., 3. …, "Step 1", "手順2").
 */
function isHowTo(postTitle: string, pageTitle: string, headings: Candidate[]): boolean {
  if (!isHowToTitle(postTitle) && !isHowToTitle(pageTitle)) return false;
  const steps = headings.map((h) => stepNumber(h.text)).filter((n): n is number => n !== null);
  return steps.some((n, i) => n === 1 && steps[i + 1] === 2 && steps[i + 2] === 3);
}

/** Conference words in the post's or page's title, its candidate lines or its opening. */
function isEventPage(post: Element, postTitle: string, pageTitle: string, body: Candidate[]): boolean {
  // A podcast episode or an interview talks about talks all the time, and writes none up.
  if (NOT_AN_EVENT_PAGE.test(postTitle) || NOT_AN_EVENT_PAGE.test(pageTitle)) return false;
  const opening = textUpTo(post, 1500).slice(0, 1500);
  const lines = body.map((c) => c.text).join('\n');
  return [postTitle, pageTitle, lines, opening].some(
    (text) => EVENT_WORDS.test(text) || EVENT_NAME.test(text),
  );
}

/**
 * The talks among `body`: candidates grouped by form (h2, h3, bold line, list item, term, row); a form
 * qualifies with two lines of evidence (or one strong one), and then its evidenced lines are talks, and
 * its other lines too when most of the form has evidence. Forms inside an accepted talk are its parts.
 */
function chooseTalks(
  post: Element,
  body: Candidate[],
  { eventPage, strongOnly, proseTalks }: Reading,
  sectionEnd: (c: Candidate, next: Candidate | null) => Element | null,
): Talk[] {
  const groups = new Map<string, Candidate[]>();
  for (const c of body) {
    // Plain lines, link cards and prose only count where no other form is found.
    if (c.kind === 'plain' || c.kind === 'card' || c.kind === 'prose') continue;
    // A card's fields name a talk on a page about an event; elsewhere they are a figure's or a profile's.
    if (c.kind === 'box' && !eventPage) continue;
    const key = c.kind === 'heading' ? `h${c.level}` : c.kind;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  withoutAgendaRows(groups, post);
  for (const members of groups.values()) {
    confirmPrefixesByForm(members);
    withoutCountedSlots(members);
  }
  const scored = [...groups.values()]
    .map((members) => scoreGroup(members, post))
    // Off event pages (no conference words anywhere) only strong evidence counts.
    .filter((g) => (eventPage ? g.strong >= 1 || g.evidenced >= 2 : g.strong >= 2))
    // The titles of one write-up share their form: a few lines of evidence among many lines of the
    // same form (a film list where one title reads "Title (Beats Per Minute)") are chance.
    .filter((g) => g.evidenced >= g.eligible * MIN_GROUP_SHARE)
    .sort((a, b) => b.strong - a.strong || b.evidenced - a.evidenced || a.level - b.level);
  if (!scored.length) {
    // Link cards to recordings introduce talks only where nothing else does, and only with the
    // speakers or a marker in their line or under them: the link alone is any embedded video.
    const cards = scoreGroup(
      body.filter((c) => c.kind === 'card' && !c.role),
      post,
    );
    cards.members = cards.members.filter((m) => m.evidence === 'strong');
    if (cards.members.length >= 2) scored.push(cards);
  }
  if (!scored.length) {
    // Paragraphs that introduce talks ("Next up, Jane Doe on “Title”."), where no line names one: in a
    // post that says it is about talks, two of them at least; in a thread of posts (a social network's,
    // a live blog's), the posts that open by introducing a talk, one post per talk.
    const proseLines = body.filter((c) => c.kind === 'prose' && !c.role);
    const openers = threadOpeners(proseLines, post);
    // Three talks introduced in an event page's prose, each title in quotation marks (italics name films
    // and books as often), make it a write-up of talks, whatever its title says.
    const quoted = proseLines.filter((c) => quotedInText(c.el, c.parsed.title));
    // So do three blocks that open with a talk's title and its speaker (openings.ts), in any language.
    const opened = proseLines.filter(
      (c) => talkOpenedBy(textUpTo(c.el, LEAD_CHARS), c.owns !== null)?.title === c.parsed.title,
    );
    const allProse = proseTalks || (eventPage && Math.max(quoted.length, opened.length) >= MIN_PROSE_TALKS);
    if (allProse || openers.length >= 2) {
      const prose = scoreGroup(allProse ? proseLines : openers, post);
      if (prose.strong >= 2) scored.push(prose);
    }
  }
  if (!scored.length) {
    // Titles linked to their recordings or slides inside sentences, in three paragraphs (two on an event
    // page): notes that name their talks so need no word detection knows (linked-titles.ts).
    // A text linked again and again ("Google Play", "Watch on YouTube") names a store or a service.
    const linked = body.filter((c) => c.kind === 'prose' && !c.role && isLinkedTitle(c));
    const once = linked.filter((c) => linked.filter((o) => o.text === c.text).length === 1);
    if (once.length >= (eventPage ? 2 : MIN_PROSE_TALKS)) scored.push(scoreGroup(once, post));
  }
  if (!scored.length) {
    const plain = body.filter((c) => c.kind === 'plain' && !c.role);
    const group = plain.length >= 2 ? scoreGroup(plain, post) : null;
    // Off event pages (no conference word the vocabulary knows: a recap in Arabic, Albanian …) two lines
    // that name their speakers are talks when their notes name those people again, as notes on a talk
    // tell what its speaker did ("منى بدأت بسؤال"): a recipe's notes do not name its cook.
    if (group && (eventPage ? group.evidenced >= 2 : speakersNamedInNotes(group, post) >= 2))
      scored.push(group);
  }
  if (!scored.length && eventPage && !strongOnly) {
    // No line of any form names a talk: the write-up may be a run of like blocks (a thread's posts, a
    // comment tree, time-stamped paragraphs), each opening with its talk's title (blocks.ts).
    const blocks = collectBlockCandidates(post).filter((c) => c.role === null && !notSeen(c));
    if (blocks.length >= 2) return withoutRepeats(blocks.map((c) => toTalk(c, post)));
  }

  let accepted: Talk[] = [];
  for (const group of scored) {
    // A write-up that names the speakers of its talks names them for all: where most lines of a form
    // carry strong evidence, a line without it ("Why I keep going back") is no talk.
    const strongForm = group.strong >= 2 && group.strong >= group.evidenced * STRONG_FORM_SHARE;
    if (strongForm || group.strong >= 2) confirmPrefixesInNamingForm(group, !strongForm);
    if (group.strong >= 2) confirmPrefixesNamedAgain(group, post);
    const fill =
      eventPage &&
      !strongForm &&
      group.evidenced >= MIN_FILL &&
      group.evidenced / group.eligible >= FILL_SHARE;
    const picked = group.members.filter((m) =>
      strongForm || strongOnly
        ? m.evidence === 'strong'
        : m.evidence !== 'none' || (fill && m.c.role === null && m.c.parsed.title.length > 0),
    );
    const spans = accepted.map((t, i) => ({
      c: t.c,
      end: sectionEnd(t.c, accepted[i + 1]?.c ?? null),
    }));
    const nested = (c: Candidate) =>
      spans.some((s) =>
        s.c.owns
          ? s.c.owns.some((o) => o.contains(c.el))
          : precedes(s.c.el, c.el) && (!s.end || precedes(c.el, s.end)),
      );
    // A heading over accepted talks groups them (a track, a day): it is no talk itself.
    const container = (c: Candidate) => {
      if (c.kind !== 'heading') return false;
      const end = sectionEnd(c, null);
      return accepted.some((t) => precedes(c.el, t.c.el) && (!end || precedes(t.c.el, end)));
    };
    const fresh = picked.filter((m) => !nested(m.c) && !container(m.c));
    // A form mostly nested in accepted talks is their sub-structure, not more talks.
    if (accepted.length && fresh.length < picked.length / 2) continue;
    accepted = [...accepted, ...fresh.map((m) => toTalk(m.c, post))].sort((a, b) =>
      precedes(a.c.el, b.c.el) ? -1 : 1,
    );
    accepted = withoutRepeats(accepted);
  }
  if (eventPage && !strongOnly) accepted = withStrays(accepted, body, post);
  return eventPage ? withTalkBlocksAmongHeadings(accepted, body, post) : accepted;
}

/**
 * "Aula 1 — T", "Aula 2 — T", "Aula 3 — T": where the places in front of a form's lines count up and no
 * line names a speaker, they number a course's lessons (or a series' parts), not rooms of a programme:
 * no slot, so no evidence of a talk.
 */
function withoutCountedSlots(members: Candidate[]): void {
  const slotted = members.filter((c) => c.parsed.slot);
  if (members.some((c) => c.parsed.speakers.length || c.listedSpeakers.length)) return;
  if (!countsUp(slotted.map((c) => c.parsed.slot!))) return;
  for (const c of slotted) c.parsed = { ...c.parsed, slot: null };
}

/**
 * Among talks that are headings, a talk may open in a block that is none: a session card after three
 * talk headings, a callout under a day heading, a bold block under a heading that is no talk. Such a
 * block naming its speakers or its kind, with strong evidence of its own, is a talk of the headings' rank: it ends
 * the talk above it. Not right under a talk's heading, where a card names that talk's speaker or
 * repeats its title.
 */
function withTalkBlocksAmongHeadings(accepted: Talk[], body: Candidate[], post: Element): Talk[] {
  if (accepted.length < 2 || accepted.some((t) => t.c.kind !== 'heading')) return accepted;
  const openings = new Set(accepted.flatMap((t) => [...take(blocksAfter(t.c.el, post), 2)]));
  const blocks = body.filter(
    (c) =>
      (c.kind === 'box' || c.kind === 'line') &&
      !c.owns &&
      c.role === null &&
      // Its speakers, or its kind ("Бліц-доповідь: «T» (Тарас)": a first name is no person here).
      (c.parsed.speakers.length > 0 || c.listedSpeakers.length > 0 || c.parsed.marker !== null) &&
      hasStrongEvidence(c, post, false) &&
      !parsePeople(c.parsed.title) &&
      ![...openings].some((b) => b.contains(c.el)),
  );
  // A bold block that opens like a thread's message ("Bonus: Jane Doe, Title"), its speaker named again.
  const opened = body.flatMap((c) => {
    if (c.kind !== 'line' || c.owns || c.role !== null || blocks.includes(c)) return [];
    if ([...openings].some((b) => b.contains(c.el))) return [];
    const talk = talkOpenedInBlock(c.text, sectionLead(c, post));
    return talk ? [{ c, title: talk.title, speakers: talk.speakers }] : [];
  });
  if (!blocks.length && !opened.length) return accepted;
  return withoutRepeats([...accepted, ...blocks.map((c) => toTalk(c, post)), ...opened]);
}

/** The first `n` items of `items`. */
function* take<T>(items: Iterable<T>, n: number): Generator<T> {
  if (n <= 0) return;
  for (const item of items) {
    yield item;
    if (--n <= 0) return;
  }
}

/**
 * A talk table whose rows hold no notes (a day, a time, a title, who went) is the page's agenda or
 * plan when the talks are written up under other lines of their own: it names them, and the write-up
 * is elsewhere. Its rows are no talks; a line that repeats a row's title is declared a talk by it, as
 * by the page's JSON-LD (strong evidence, and the row's speakers where the line names none). Where
 * nothing else names a talk, the table is read as before.
 */
function withoutAgendaRows(groups: Map<string, Candidate[]>, post: Element): void {
  const rows = groups.get('row');
  if (!rows || rows.some(rowHasNotes)) return;
  const others = [...groups].filter(([form]) => form !== 'row').flatMap(([, members]) => members);
  if (!others.some((c) => c.role === null && hasStrongEvidence(c, post))) return;
  for (const row of rows) {
    if (row.owns && notSeen(row)) continue;
    const key = row.parsed.title.toLowerCase();
    for (const line of others.filter((c) => c.parsed.title.toLowerCase() === key))
      line.declared ??= { key, speakers: row.listedSpeakers };
  }
  groups.delete('row');
}

/** A cell of the row other than its title reads as notes: a sentence, or a long text. */
function rowHasNotes(row: Candidate): boolean {
  return childElements(row.el).some((cell) => {
    const text = clean(cell.textContent);
    if (!text || text === row.text || row.text.includes(text)) return false;
    return text.length >= ROW_NOTES || (/[.!?…。]$/u.test(text) && text.split(/\s+/).length >= 4);
  });
}
const ROW_NOTES = 60;

/**
 * A write-up without talk headings may introduce each talk its own way (a blog without markup
 * conventions, a diary): a bold line with its speaker, a paragraph naming a person and a quoted
 * title, a plain "Closing keynote: “T” (Name)" line, one heading whose section opens "Talk by …".
 * Where the talks accepted so far are such lines and at least one names its speaker for sure, every
 * other line of any form with strong evidence is a talk too, and so is a heading whose section opens
 * with a talk word. Where talks are headings, lines under them are their parts: nothing is added.
 */
function withStrays(accepted: Talk[], body: Candidate[], post: Element): Talk[] {
  if (!accepted.length || accepted.some((t) => t.c.kind === 'heading' || t.c.owns)) return accepted;
  if (!accepted.some((t) => hasStrongEvidence(t.c, post))) return accepted;
  const taken = new Set(accepted.map((t) => t.c.el));
  const strays = body.filter(
    (c) =>
      !taken.has(c.el) &&
      c.role === null &&
      !c.owns &&
      c.parsed.title.length > 0 &&
      // A talk's "Speakers: …" line, or a line naming only people, is part of the talk above.
      !speakerLine(c.text).length &&
      !parsePeople(c.parsed.title) &&
      !accepted.some((t) => t.c.el.contains(c.el) || c.el.contains(t.c.el)) &&
      (c.kind === 'heading'
        ? OPENS_WITH_TALK_WORD.test(sectionLead(c, post))
        : hasStrongEvidence(c, post, false) && (c.parsed.speakers.length > 0 || c.listedSpeakers.length > 0)),
  );
  if (!strays.length) return accepted;
  return withoutRepeats([...accepted, ...strays.map((c) => toTalk(c, post))]);
}
/**
 * Talks found as the first lines of blocks of a run of like blocks (toggles, cards, posts: blocks.ts)
 * name the run as the write-up's form: the other blocks of that run whose first lines read as talk
 * titles are talks too, though their lines lack the evidence the form needed (a quoted title whose
 * speaker is named further down).
 */
function withRunMates(talks: Talk[], post: Element): Talk[] {
  // One talk found for sure may name the run too (an outline whose one heading block names its speaker,
  // among bullet blocks that name theirs in their lines), when two blocks of the run read as talks.
  const single = talks.length === 1 && hasStrongEvidence(talks[0]!.c, post);
  if (talks.length < 2 && !single) return talks;
  const lines = collectBlockCandidatesAround(
    talks.map((t) => t.c.el),
    post,
  ).filter((c) => c.role === null && !notSeen(c));
  if (!lines.length) return talks;
  const holds = (c: Candidate) => talks.some((t) => c.el.contains(t.c.el) || t.c.el.contains(c.el));
  // The runs that hold a talk: by a block whose line is the talk's, or by a block the talk stands in.
  const parents = new Set(lines.map((c) => c.el.parentElement));
  const runs = new Set(
    [...parents].filter((parent) =>
      (parent ? childElements(parent) : []).some((block) => talks.some((t) => block.contains(t.c.el))),
    ),
  );
  const mates = lines.filter((c) => runs.has(c.el.parentElement) && !holds(c));
  if (!mates.length || (talks.length === 1 && mates.length < 2)) return talks;
  // A talk standing in a block of the run owns that block, as its mates own theirs: the next block (a
  // break, a note) is no longer its.
  const owning = talks.map((t) => {
    // The talk's line is a block's own line (a part between rules): the talk owns what the block does.
    const same = lines.find((c) => c.el === t.c.el && c.owns);
    if (same && !t.c.owns) return { ...t, c: { ...t.c, owns: same.owns } };
    const block = t.c.owns
      ? null
      : [...runs].flatMap((r) => (r ? childElements(r) : [])).find((b) => b.contains(t.c.el));
    return block ? { ...t, c: { ...t.c, owns: [block] } } : t;
  });
  return withoutRepeats([...owning, ...mates.map((c) => toTalk(c, post))]);
}

/** A section that opens by naming what it is: "Talk by …", "Доклад Ольги …", "Keynote from …", "Vortrag von …". */
const OPENS_WITH_TALK_WORD =
  /^(?:(?:the|a|her|his|their)\s+)?(?:talk|keynote|session|presentation|доклад|выступление|кейноут|доповідь|виступ|vortrag|keynote|charla|ponencia|palestra|conférence|présentation|lezing|presentatie|prelekcja|wykład|přednáška|konuşma|sunum|bài nói|bài trình bày)(?!\p{L})/iu;

/**
 * A title seen before is a repeat (a link card, a "Resources" list), not a second talk. But where an
 * agenda (a table row, a list item) names a talk first and a heading repeats it further down, the
 * heading introduces its write-up: the talk is the heading's, with the agenda's speakers if it has none.
 */
function withoutRepeats(talks: Talk[]): Talk[] {
  const kept: Talk[] = [];
  const byTitle = new Map<string, number>();
  for (const talk of talks) {
    const key = talk.title.toLowerCase();
    const at = byTitle.get(key);
    if (at === undefined) {
      byTitle.set(key, kept.length);
      kept.push(talk);
      continue;
    }
    const earlier = kept[at]!;
    if ((earlier.c.kind === 'row' || earlier.c.kind === 'item') && talk.c.kind === 'heading')
      kept[at] = { ...talk, speakers: talk.speakers.length ? talk.speakers : earlier.speakers };
  }
  // The agenda's order need not be the write-up's.
  return kept.sort((a, b) => (precedes(a.c.el, b.c.el) ? -1 : 1));
}

type Evidence = 'strong' | 'medium' | 'none';

interface Group {
  members: { c: Candidate; evidence: Evidence }[];
  strong: number;
  evidenced: number;
  eligible: number;
  level: number;
}

function scoreGroup(candidates: Candidate[], post: Element): Group {
  const members = candidates
    // A structural word gives way to strong evidence ("Room 2: Title — Speaker", "Lightning talk: …"),
    // except for days and site chrome.
    .filter(
      (c) =>
        c.role === null ||
        (!c.ruled &&
          c.role !== 'day' &&
          c.role !== 'chrome' &&
          c.role !== 'upcoming' &&
          // A row of a talk table is evidence of a talk only when its title is no structural word:
          // "Lunch / booth duty" in the title column is the table's break, not a talk.
          hasStrongEvidence(c, post, false)),
    )
    // A talk the writer did not see ("Room at capacity, we did not get in") is listed, not written up.
    .filter((c) => !(c.owns && notSeen(c)))
    .map((c) => ({ c, evidence: evidenceOf(c, post) }));
  return {
    members,
    strong: members.filter((m) => m.evidence === 'strong').length,
    evidenced: members.filter((m) => m.evidence !== 'none').length,
    eligible: Math.max(1, members.length),
    level: candidates[0]?.level ?? 9,
  };
}

function evidenceOf(c: Candidate, post: Element): Evidence {
  if (hasStrongEvidence(c, post)) return 'strong';
  // "Between talks", "Helping first-time speakers", "Announcing a talk": a line that speaks of talks or
  // speakers in general is about running them (a handbook, a call for papers), not one talk's title.
  if (ABOUT_TALKS.test(c.parsed.title)) return 'none';
  const lead = sectionLead(c, post);
  if (TALK_WORDS.test(lead) || TALK_WORDS.test(c.text)) return 'medium';
  if (findSpeakers(c.parsed.title, lead).length) return 'medium';
  return 'none';
}

/** `byForm`: a table row counts as evidence by its form alone (a talk table's row names a talk). */
function hasStrongEvidence(c: Candidate, post: Element, byForm = true): boolean {
  const p = c.parsed;
  if (p.speakers.length || p.marker || p.code || c.listedSpeakers.length || c.declared) return true;
  // A slot of the programme ("14:30 | Hall B | Title"), unless the line is a break in it.
  if (p.slot && c.role === null) return true;
  if (byForm && c.kind === 'row') return true;
  if (p.prefixPeople.length && confirmPrefix(c, post)) return true;
  // A card is a link to a recording or a talk page: that link is what makes it a card, not evidence.
  if (c.kind === 'card') return false;
  if (c.kind === 'prose' && isLinkedTitle(c)) return true;
  return [...c.el.querySelectorAll('a[href]')].some((a) => TALK_LINK.test(a.getAttribute('href') ?? ''));
}

/**
 * A talk listed in an agenda row or item whose notes say the writer did not see it ("Room at capacity,
 * we did not get in", "missed this one", "Saal voll"): named, not written up. Only short notes: a long
 * write-up that mentions missing the start is still about the talk.
 */
function notSeen(c: Candidate): boolean {
  const text = clean(c.owns?.map((o) => o.textContent).join(' '));
  const notes = text.replace(c.text, ' ');
  // "Missed: Title": the writer labels the talk as one they did not see, whatever the notes say.
  if (NOT_SEEN_LABEL.test(c.text)) return true;
  return notes.length <= NOT_SEEN_NOTES && NOT_SEEN.test(notes);
}
const NOT_SEEN_LABEL =
  /^\s*(?:missed|skipped|not seen|missade|missat|verpasst|raté|gemist|perdida|perdi|пропустил[аи]?)\s*[:：—–]/iu;
const NOT_SEEN_NOTES = 300;
const NOT_SEEN =
  /(?<!\p{L})(?:(?:did not|didn't|didn’t|could not|couldn't|couldn’t|cannot|can't|never) (?:get in|get into (?:the|that) room|make it|attend|see (?:it|this|that)|go)|(?:i|we) (?:missed|skipped) (?:it|this|that|the (?:talk|session|keynote))|missed (?:this|that) one|not attended|room (?:was )?(?:at capacity|full)|(?:watch|catch) (?:it |the recording )?later|nicht (?:reingekommen|hineingekommen|teilgenommen|gesehen)|verpasst|saal (?:war )?voll|pas pu (?:entrer|y aller|assister)|salle (?:était )?pleine|raté|no (?:pude|pudimos) (?:entrar|ir|asistir)|me la perdí|sala llena|não (?:consegui|conseguimos) (?:entrar|assistir)|perdi essa|sala lotada|niet (?:binnen|naar binnen) gekomen|gemist|missade|missat|kom(?:mer)? inte in|salen var full|kom ikke (?:inn|ind)|gikk glipp|salen var fuld|нисмо ушли|нисам ушао|нисам ушла|nismo ušli|nisam ušao|nisam ušla|(?:сала|sala|dvorana) (?:је |je )?(?:била |bila )?(?:пуна|puna))(?!\p{L})/iu;
export const saysNotSeen = (notes: string) => notes.length <= NOT_SEEN_NOTES && NOT_SEEN.test(notes);

/** The lines of `group` whose speakers their notes name again. */
function speakersNamedInNotes(group: Group, post: Element): number {
  return group.members.filter((m) => {
    const notes = sectionText(m.c, post, NOTES_CHARS);
    return m.c.parsed.speakers.some((name) => nameWordRecurs(name, notes, 'clitic'));
  }).length;
}

/** A paragraph naming its talk by a link to the recording or slides, the link's text the title. */
const isLinkedTitle = (c: Candidate) => linkedTitleIn(c.el) === c.text;

/** Evidence that a single line names a talk even on its own. */
function isUnmistakable(c: Candidate): boolean {
  return !!(c.parsed.marker || c.parsed.code || c.kind === 'row' || c.listedSpeakers.length);
}

/** "Jane Doe: Title" lines of one form: when most of the form reads so, the prefixes are speakers. */
function confirmPrefixesByForm(members: Candidate[]): void {
  const prefixed = members.filter((c) => c.parsed.prefixPeople.length > 0);
  const eligible = members.filter((c) => c.role === null);
  if (prefixed.length >= 2 && prefixed.length >= eligible.length * 0.6) {
    for (const c of prefixed) c.prefixConfirmed = true;
  }
}

/**
 * Where a form's talks name their speakers (in the line, on a "Speaker:" line), a line of the form that
 * opens with a person and a colon or a dash ("Jane Doe — Title") names its speaker first: it is a talk
 * of the form like the others, though its speaker is written in front. `colonOnly`: in a form where
 * fewer lines are sure talks, only a person before a colon ("Hui Zhang: T"), the speaker-first form
 * of any language; "Kubernetes Operators — …" reads as a person before a dash.
 */
function confirmPrefixesInNamingForm(group: Group, colonOnly: boolean): void {
  const naming = group.members.filter(
    (m) =>
      m.evidence === 'strong' &&
      (m.c.parsed.speakers.length || m.c.listedSpeakers.length || m.c.declared?.speakers.length),
  );
  if (naming.length < 2 || naming.length < group.strong * STRONG_FORM_SHARE) return;
  for (const m of group.members) {
    // Names in a script without letter case behind the title ("«T» (ياسمين طارق)") read as a phrase
    // could; where the form's other lines name their speakers for sure, this line names its own the same
    // way. Not a prefix: "মূল বক্তব্য: T" (Keynote: T) reads as a name before a colon.
    const caseless = m.c.parsed.caseless;
    const behind = caseless && m.c.text.replace(/[)）\s]+$/u, '').endsWith(caseless.speakers.at(-1) ?? '');
    if (caseless && behind && !colonOnly && m.evidence !== 'strong' && m.c.role === null) {
      m.c.parsed = { ...m.c.parsed, title: caseless.title, speakers: caseless.speakers, caseless: null };
      m.evidence = 'strong';
      continue;
    }
    if (m.evidence === 'strong' || m.c.role !== null || !m.c.parsed.prefixPeople.length) continue;
    if (colonOnly && m.c.parsed.prefixDash) continue;
    if (m.c.listedSpeakers.length) continue; // "Speakers: …" says who spoke; the prefix is title
    m.c.prefixConfirmed = true;
    m.evidence = 'strong';
  }
}

/**
 * In a form that names talks for sure (two lines of strong evidence), a line "Jane Doe: Title" whose
 * person the talk's notes name again, anywhere in them and in any grammatical case ("Андрій Шевчук:
 * …" over "… Андрій відповів"), names its speaker first. Not a dash prefix: "Kubernetes Operators —
 * …" reads the same, and its first word recurs in any notes.
 */
function confirmPrefixesNamedAgain(group: Group, post: Element): void {
  for (const m of group.members) {
    const p = m.c.parsed;
    if (m.evidence === 'strong' || m.c.role !== null || !p.prefixPeople.length || p.prefixDash) continue;
    if (m.c.listedSpeakers.length) continue;
    const notes = sectionText(m.c, post, NOTES_CHARS);
    if (!p.prefixPeople.some((name) => nameWordRecurs(name, notes, 'inflected'))) continue;
    m.c.prefixConfirmed = true;
    m.evidence = 'strong';
  }
}
const NOTES_CHARS = 3000;

/** The text of the talk's section: the blocks after its line up to the next heading, at most `max` characters. */
function sectionText(c: Candidate, post: Element, max: number): string {
  const parts: string[] = [];
  let length = 0;
  for (const block of blocksAfter(c.el, post)) {
    if (block.matches(HEADINGS) || block.querySelector(HEADINGS)) break;
    const text = textUpTo(block, max);
    parts.push(text);
    length += text.length;
    if (length >= max) break;
  }
  return parts.join('\n').slice(0, max);
}

/**
 * "Jane Doe: Title" is a speaker prefix when its form confirms it, two people are named, or the
 * write-up names the person again (other than at a sentence start, where "Cold Starts" could stand).
 */
function confirmPrefix(c: Candidate, post: Element): boolean {
  if (c.listedSpeakers.length) return false; // "Speakers: …" says who spoke; the prefix is title
  if (c.prefixConfirmed || c.parsed.prefixPeople.length >= 2) return true;
  // "Kubernetes Operators — Lessons Learned" reads as a name before a dash, and "Kubernetes" recurs in
  // any write-up: a dash prefix needs its form to confirm it.
  if (c.parsed.prefixDash) return false;
  const lead = sectionLead(c, post);
  return c.parsed.prefixPeople.some((name) => nameRecurs(name, lead));
}

function toTalk(c: Candidate, post: Element): Talk {
  const lead = sectionLead(c, post);
  const prefixed = c.parsed.prefixPeople.length > 0 && confirmPrefix(c, post);
  let title = prefixed ? (c.parsed.titleAfterPrefix ?? c.parsed.title) : c.parsed.title;
  let speakers = c.parsed.speakers;
  // "A Month with Free-Threaded Python" over a speaker line naming someone else: the "with …" that read
  // as speakers is the title's own.
  if (speakers.length && c.listedSpeakers.length && !speakers.some((s) => c.listedSpeakers.includes(s))) {
    title = `${title}${c.parsed.speakerSuffix}`.trim();
    speakers = c.listedSpeakers;
  }
  if (!speakers.length && prefixed) speakers = c.parsed.prefixPeople;
  if (!speakers.length) speakers = c.listedSpeakers;
  if (!speakers.length && c.declared) speakers = c.declared.speakers;
  if (!speakers.length) speakers = findSpeakers(title, lead);
  return { c, title: title || c.text, speakers };
}

// ---------------------------------------------------------------------------------------------- sections

/**
 * Where the talk introduced by `c` ends: at the next talk, or at the first heading of the same or a
 * higher rank (a heading of lower rank is a part of the talk: Key takeaways, Q&A). Items, terms and
 * rows own their elements; their end is what follows the last of them.
 */
function talkEnd(
  c: Candidate,
  next: Candidate | null,
  post: Element,
  partsOfAbove: ReadonlySet<Element>,
  postHeadings: readonly Element[],
): Element | null {
  if (c.owns) return null;
  const end = headingOrNextEnd(c, next, post, partsOfAbove, postHeadings);
  // A talk titled by the heading of an embedded note ends with the note.
  const embedding = embeddingOf(c.el);
  const after = embedding ? elementAfter(embedding) : null;
  return after && post.contains(after) && (!end || precedes(after, end)) ? after : end;
}

function headingOrNextEnd(
  c: Candidate,
  next: Candidate | null,
  post: Element,
  partsOfAbove: ReadonlySet<Element>,
  postHeadings: readonly Element[],
): Element | null {
  const level = c.kind === 'heading' ? c.level : 7;
  // From the first heading at or after the talk's line: the ones before it were all skipped below, and
  // reading them for every talk made a write-up of hundreds of talks quadratic.
  for (let i = firstAtOrAfter(postHeadings, c.el); i < postHeadings.length; i++) {
    const el = postHeadings[i]!;
    if (el === c.el || !precedes(c.el, el) || partsOfAbove.has(el)) continue;
    if (next && !precedes(el, next.el)) break;
    // An embedded note's heading ends the talk above, whatever its level: the note is not part of it.
    if (headingLevel(el) > level && !embeddingOf(el)) continue;
    if (headingText(el) && contextInPost(el, post) !== 'excluded') return el;
  }
  return next?.el ?? null;
}

/** The index of the first of `elements` (in document order) that is `el` or follows it. */
function firstAtOrAfter(elements: readonly Element[], el: Element): number {
  let low = 0;
  let high = elements.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const other = elements[mid]!;
    if (other === el || el.compareDocumentPosition(other) & 4 /* DOCUMENT_POSITION_FOLLOWING */) high = mid;
    else low = mid + 1;
  }
  return low;
}

/**
 * In a write-up without headings, the first block after a talk's introducing paragraph that opens by
 * announcing a break, a block of short talks or the end ("Coffee break ☕.", "That's a wrap!"), or that
 * tells of someone at another talk, before `end`; null when there is none.
 */
function announcementAfter(c: Candidate, end: Element | null, post: Element): Element | null {
  for (const block of blocksAfter(c.el, post)) {
    if (end && (block === end || !precedes(block, end))) return null;
    if (opensWithBreak(textUpTo(block, 120))) return block;
    if (tellsOfAnotherTalk(textUpTo(block, 400))) return block;
    // A talk opening its paragraph: the next paragraph naming other people opens another talk.
    if (c.parsed.speakers.length && introducesOthers(textUpTo(block, 400), c.parsed.speakers)) return block;
  }
  return null;
}

/** The closing lines of the last talk's post ("Thanks to our three speakers") belong to no talk. */
function endLastTalkBeforeOutro(sections: TalkSection[], post: Element): void {
  const last = sections[sections.length - 1];
  if (!last || last.end || last.owns) return;
  const blocks = [...blocksAfter(last.heading, post)].filter((b) => textUpTo(b, 1) && !isChrome(b, post));
  const tail = blocks.slice(1).slice(-2);
  const outro = tail.find((b) => OUTRO_LINE.test(textUpTo(b, 600)));
  if (outro) last.end = outro;
}

function isChrome(el: Element, post: Element): boolean {
  return contextInPost(el, post) === 'excluded' || tokens(el).some((t) => /footer|meta|share|tags/i.test(t));
}

/** A talk as a catalogue would list it: its notes (up to its end) and whether it links to a recording. */
function listedSection(section: TalkSection, alone: boolean): ListedTalk {
  const linkIn = linksToRecording;
  if (section.owns) {
    const notes = clean(section.owns.map((o) => o.textContent).join(' ')).replace(section.title, '');
    return { notes: notes.slice(0, CATALOGUE_NOTES), linked: section.owns.some(linkIn) };
  }
  const parts: string[] = [];
  let length = 0;
  for (const block of blocksAfter(section.heading, section.post)) {
    if (section.end && (block === section.end || !precedes(block, section.end))) break;
    const text = textUpTo(block, CATALOGUE_NOTES);
    parts.push(text);
    length += text.length;
    if (length >= CATALOGUE_NOTES) break;
  }
  // The card around a one-talk post: the heading's own link, or the post's (a thumbnail's).
  const linked = linkIn(section.heading) || (alone && section.form !== 'title' && linkIn(section.post));
  return { notes: parts.join('\n').slice(0, CATALOGUE_NOTES), linked };
}
const CATALOGUE_NOTES = 1000;

/** The talk's opening text (its first blocks, or its own elements), for evidence and speakers. */
function sectionLead(c: Candidate, post: Element): string {
  if (c.owns) return clean(c.owns.map((o) => o.textContent).join(' ')).slice(0, LEAD_CHARS);
  const parts: string[] = [];
  let length = 0;
  for (const block of blocksAfter(c.el, post)) {
    if (block.matches(HEADINGS) || block.querySelector(HEADINGS)) break;
    if (block.matches('ul, ol, table, pre, figure') && parts.length) continue;
    const text = textUpTo(block, LEAD_CHARS);
    if (!text) continue;
    parts.push(text);
    length += text.length;
    if (parts.length >= 3 || length >= LEAD_CHARS) break;
  }
  return parts.join('\n').slice(0, LEAD_CHARS);
}

/**
 * The post's own title: its first heading when it is in the post's header, repeats the document title,
 * carries a post-title class, or opens the post above every other heading's level.
 */
function findPostTitle(post: Element, headings: Candidate[], titles: Set<string>): Candidate | null {
  const classed = headings.find((h) =>
    tokens(h.el).some((t) => /^(?:post-title|entry-title|p-name|article-title|pw-post-title)$/i.test(t)),
  );
  if (classed) return classed;
  const [first, ...rest] = headings;
  if (!first) return null;
  if (titles.has(first.text.toLowerCase())) return first;
  if (first.inHeader) return first;
  if (textBefore(post, first.el, MAX_TEXT_BEFORE_TITLE) >= MAX_TEXT_BEFORE_TITLE) return null;
  return rest.every((h) => h.level > first.level) ? first : null;
}

/** Length of the text in `post` before `el`, counted up to `limit`. */
function textBefore(post: Element, el: Element, limit: number): number {
  const walker = post.ownerDocument.createTreeWalker(post, 4 /* NodeFilter.SHOW_TEXT */);
  let length = 0;
  for (let node = walker.nextNode(); node && length < limit; node = walker.nextNode()) {
    if (el.contains(node) || !precedes(node, el)) break;
    const parent = node.parentElement?.tagName;
    if (parent === 'SCRIPT' || parent === 'STYLE') continue;
    length += clean(node.textContent).length;
  }
  return length;
}

/** 1-6 for h1-h6; other elements used as titles rank below every heading. */
export function titleLevel(el: Element): number {
  return headingLevel(el);
}
