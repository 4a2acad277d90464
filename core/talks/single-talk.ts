/**
 * Single-talk write-ups: the whole post is about one talk, named in the post's title. "What I took from
 * the ‘Pager Fatigue Is a Design Problem’ keynote", "Notes on “Glanceable Uncertainty” (CHI 2024)",
 * "My notes on Jane Doe's 'Scaling Postgres' talk", "Vacuum Is Not the Enemy (Ruairí Bennett)",
 * "Keynote: …". A title that only names people or only says "talk" is not enough: either the talk's
 * title is quoted next to a talk word, or the title names a speaker and the post reads like a talk.
 */
import { clean, textUpTo } from './dom';
import { parsePeople } from './people';
import { talksIntroducedIn } from './prose';
import { findSpeakers } from './speakers';
import { parseTalkTitle } from './title-parse';

export interface SingleTalk {
  title: string;
  speakers: string[];
  heading: Element;
}

/** Words in a post title that say it is about a talk. */
const TALK_NOUN =
  /\b(?:talk|keynote|session|presentation|lecture|paper|notes?|recap|write-?up|takeaways|lessons|vortrag|keynote-vortrag|notizen|conférence|présentation|charla|ponencia|palestra)\b|講演|発表|登壇|トーク|セッション|基調/iu;
/** Quoted segments: “…”, ‘…’, "…", '…' (not an apostrophe), «…», „…“, 「…」, 『…』. */
const QUOTED =
  /“([^”]{3,200})”|‘([^’]{3,200})’|"([^"]{3,200})"|(?<![\p{L}])'([^']{3,200})'(?![\p{L}])|«\s?([^»]{3,200}?)\s?»|„([^“”]{3,200})[“”]|「([^」]{2,200})」|『([^』]{2,200})』/gu;
/** Where the write-up reads like a talk was given. */
const TALK_READING =
  /\b(?:(?:the|this|her|his|their) (?:talk|keynote|session|presentation|slides|speaker)|on stage|q&a|questions from the (?:room|audience)|speaker|presented|vortrag|講演|発表|登壇)\b/iu;
/** "Jane Doe's 'Title' talk": the possessive before the quote. */
const POSSESSIVE = /([\p{Lu}][\p{L}\p{M}'’.-]+(?:\s+[\p{Lu}][\p{L}\p{M}'’.-]+){1,3})['’]s\s*$/u;

/**
 * The one talk of `post`, from its title `postTitle` (the element `titleEl` when it has one), or null
 * when the post is not a single-talk write-up.
 */
export function singleTalkOfPost(
  post: Element,
  postTitle: string,
  titleEl: Element | null,
  eventPage: boolean,
): SingleTalk | null {
  const title = clean(postTitle);
  if (!title || !(eventPage || TALK_NOUN.test(title))) return null;
  const heading = titleEl ?? post;
  const lead = leadText(post);

  // A quoted title next to a talk word.
  if (TALK_NOUN.test(title.replace(QUOTED, ' '))) {
    const quotes = [...title.matchAll(QUOTED)].map((m) => ({
      text: m.slice(1).find(Boolean) ?? '',
      index: m.index,
    }));
    const best = quotes
      .filter((q) => q.text.split(/\s+/).length >= 2 || /\p{Script=Han}/u.test(q.text))
      .sort((a, b) => b.text.length - a.text.length)[0];
    if (best) {
      const possessive = POSSESSIVE.exec(title.slice(0, best.index));
      const named = possessive?.[1] ? (parsePeople(possessive[1]) ?? []) : [];
      return {
        title: best.text.trim(),
        speakers: named.length ? named : speakersOf(title, best.text, lead),
        heading,
      };
    }
  }

  // A quoted title that the opening introduces as someone's talk ("JSConf JP 2024「T」を聞いてきた" over
  // "…大西航さんの「T」だけを取り上げます"): the writer says whose talk it is, no talk word needed.
  const introduced = talksIntroducedIn(lead.slice(0, 1500)).find((talk) =>
    [...title.matchAll(QUOTED)].some((m) => (m.slice(1).find(Boolean) ?? '').trim() === talk.title),
  );
  if (introduced) return { title: introduced.title, speakers: introduced.speakers, heading };

  // A podcast episode, an interview or a video with a guest reads like a talk, and is none.
  if (NOT_A_TALK_PAGE.test(title) || NOT_A_TALK_PAGE.test(lead.slice(0, 400))) return null;

  // "Keynote: Title", "Notes: Title — Jane Doe (Event 2024)", "Title (Jane Doe)": a talk when the post reads like one.
  const bare = title.replace(NOTES_PREFIX, '').replace(/\s*[(（](?:[^()（）]*\d{4}[^()（）]*)[)）]\s*$/u, '');
  const parsed = parseTalkTitle(bare);
  if (
    (parsed.marker || parsed.speakers.length) &&
    parsed.title &&
    eventPage &&
    TALK_READING.test(lead.slice(0, 1500))
  ) {
    return {
      title: parsed.title,
      speakers: parsed.speakers.length ? parsed.speakers : speakersOf(title, parsed.title, lead),
      heading,
    };
  }

  // A report on one talk whose headline is the story: the talk named in quotes where the text opens
  // ("At QCon, Jane Doe presented “The Mesh We Took Out”", "in her talk “…”").
  const named = QUOTED_TALK_IN_LEAD.exec(lead.slice(0, 1200));
  const quoted = named?.slice(1).find(Boolean);
  if (eventPage && quoted && quoted.split(/\s+/).length >= 2) {
    return { title: quoted.trim(), speakers: speakersOf(title, quoted, lead), heading };
  }
  return null;
}

/** "Notes:", "My notes on", "Recap:", "Notizen zu", "Notas:" in front of a talk's title. */
const NOTES_PREFIX =
  /^(?:(?:my |talk |session |keynote )?notes?(?: on| from)?|recap|write-?up|summary|takeaways|notizen(?: zu[mr]?)?|notas(?: de| sobre)?|apuntes(?: de)?|メモ|笔记)\s*[:：–—-]\s*/iu;
/** Pages about an episode or an interview rather than a talk. */
const NOT_A_TALK_PAGE = /\b(?:podcast|episode|ep\.\s*\d|show notes|listen (?:now|on)|interview with)\b/iu;
/** A talk named in quotes by a talk word or a speaking verb. */
const QUOTED_TALK_IN_LEAD =
  /\b(?:presented|gave|delivered|(?:her|his|their|the|a) (?:talk|keynote|session|presentation)(?: titled| called| entitled)?)[,:]?\s+(?:a talk |the talk |a session |a keynote )?(?:titled |called |entitled )?(?:“([^”]{3,160})”|"([^"]{3,160})"|‘([^’]{3,160})’|«\s?([^»]{3,160}?)\s?»)/iu;

function speakersOf(postTitle: string, talkTitle: string, lead: string): string[] {
  const presenter =
    /\b(?:presented by|presenter|speaker|given by|talk by|keynote by|vorgetragen von|présenté par|presentado por)\s*[:：]?\s*([\p{Lu}][\p{L}\p{M}'’.-]+(?:\s+(?:de|van|von|der|da|del|la|le)?\s*[\p{Lu}][\p{L}\p{M}'’.-]+){1,3})/u.exec(
      lead,
    );
  const people = presenter?.[1] ? parsePeople(presenter[1]) : null;
  if (people) return people;
  return findSpeakers(talkTitle || postTitle, lead);
}

/** The opening of the post's text, where speakers and talk words are found. */
function leadText(post: Element): string {
  return textUpTo(post, 3000).slice(0, 3000);
}
