/**
 * Single-talk write-ups: the whole post is about one talk, named in the post's title. "What I took from
 * the ‘Pager Fatigue Is a Design Problem’ keynote", "Notes on “Glanceable Uncertainty” (CHI 2024)",
 * "My notes on Jane Doe's 'Scaling Postgres' talk", "Vacuum Is Not the Enemy (Ruairí Bennett)",
 * "Keynote: …". A title that only names people or only says "talk" is not enough: either the talk's
 * title is quoted next to a talk word, or the title names a speaker and the post reads like a talk.
 */
import { clean, textUpTo } from './dom';
import { parsePeople } from './people';
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

  // "Keynote: Title", "Title (Jane Doe)", "Title — Jane Doe": a talk when the post reads like one.
  const parsed = parseTalkTitle(title.replace(/\s*[(（](?:[^()（）]*\d{4}[^()（）]*)[)）]\s*$/u, ''));
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
  return null;
}

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
