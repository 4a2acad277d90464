/**
 * Vetoes: signs that what detection took for talks are not talks someone attended, read without any
 * language's words. Talks still to come (dated after the page itself), offers (a price naming no one,
 * a call to book or invite: a mail or phone link, a booking host), the page's author presenting their
 * own talks, headings that are the site's furniture (the words of its navigation), pages that teach or
 * ask (`teaches-or-asks.ts`: an FAQ's questions, a how-to's steps), and a list of events (a year or a
 * conference's name in most titles). A veto only removes talks, never adds one; the language-bound
 * gates (`tense.ts`, `catalogue.ts`, wishlists, courses) stay where they are.
 */
import { blocksAfter, clean, isBoilerplate, precedes, textUpTo } from './dom';
import { namesAPerson } from './people';
import { teachesOrAsks } from './teaches-or-asks';
import { recordedTalks } from './recorded';

/** What the vetoes read of a detected talk. */
export interface VetoedTalk {
  title: string;
  speakers: string[];
  heading: Element;
  post: Element;
  end: Element | null;
  owns: Element[] | null;
}

/** Days after the page's date from which a talk is still to come (a live blog runs over a few days). */
const FUTURE_DAYS = 7;
const DAY_MS = 86_400_000;
/** Share of talks that must be offers, or dated later, for the page to have none. */
const PAGE_SHARE = 1 / 2;
/** Share of titles naming a year or an event for the page to list events, not talks. */
const EVENT_SHARE = 2 / 3;
const NOTES_CHARS = 3000;

/** A price: a currency sign or code beside a number. */
const PRICE =
  /[$€£¥₹₩₽₺₼֏₫₱₦]\s?\d|\d\s?[$€£¥₹₩₽₺₼֏₫₱₦]|(?<!\p{L})(?:EUR|USD|GBP|CHF|SEK|NOK|DKK|PLN|CZK|HUF|JPY|CNY|INR|AZN|AMD|MYR|IDR|BRL|TRY|RUB|UAH|ISK)\s?\d|\d\s?(?:EUR|USD|GBP|CHF|SEK|NOK|DKK|PLN|CZK|HUF|JPY|CNY|INR|AZN|AMD|MYR|IDR|BRL|TRY|RUB|UAH|ISK)(?!\p{L})/u;
/**
 * A call to book, invite or hire: a link writing to an address or calling a number, a booking host.
 * Forms and buttons are every platform's chrome (subscribe, like, share), and "mailto:?subject=" shares.
 */
const CALL_LINK = /^mailto:[^?@\s]+@|^tel:|calendly\.com|cal\.com\/|tidycal|zcal\.co|savvycal|koalendar/i;
/** A year, or a conference's name ("PyCon", "KubeCon EU", "JSConf"). */
const EVENT_TITLE =
  /(?<!\d)(?:19|20)\d{2}(?!\d)|\b\p{Lu}[\p{L}\d]*(?:Con|Conf|con|conf)\b|(?<!\p{L})(?:DevFest|Summit|Meetup)(?!\p{L})/u;
/** A date in digits: ISO "2026-05-12" or day-first "12.05.2026". */
const ISO_DATE = /(?<!\d)((?:19|20)\d{2})-(\d{2})-(\d{2})(?!\d)/u;
const DOTTED_DATE = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})(?!\d)/u;

/**
 * `talks` without those the vetoes remove: all of them when the page records none. `gateUnrecorded`:
 * whether talks from generic structure must bear a record (`recorded.ts`); not where the reader named
 * the form of the site's talk titles.
 */
export function withoutVetoed<T extends VetoedTalk>(talks: readonly T[], gateUnrecorded = true): T[] {
  if (!talks.length) return [...talks];
  const doc = talks[0]!.heading.ownerDocument;
  const notes = new Map(talks.map((t) => [t, notesOf(t)]));
  if (laterThanPage(doc, talks, notes) || listsEvents(talks) || presentsOwn(doc, talks)) return [];
  const read = talks.map((t) => ({ ...t, notes: notes.get(t)! }));
  if (teachesOrAsks(doc, read)) return [];
  const offers = talks.filter((t) => isOffer(t, notes.get(t)!));
  if (offers.length && offers.length >= talks.length * PAGE_SHARE) return [];
  const furniture = navigationWords(doc, talks);
  // Unmarked talks on a page where most talks record nothing given (recorded.ts).
  const recorded = new Set((gateUnrecorded ? recordedTalks(read) : read).map((r) => talks[read.indexOf(r)]));
  return talks.filter((t) => recorded.has(t) && !offers.includes(t) && !isFurniture(t.title, furniture));
}

/** A talk's text: its title line and notes, up to the next talk or the end of its post. */
function notesOf(talk: VetoedTalk): { text: string; els: Element[] } {
  const els = talk.owns ?? [talk.heading];
  if (!talk.owns)
    for (const el of blocksAfter(talk.heading, talk.post)) {
      if (talk.end && (el === talk.end || el.contains(talk.end) || !precedes(el, talk.end))) break;
      els.push(el);
      if (els.length > 40) break;
    }
  const text = els
    .map((el) => textUpTo(el, NOTES_CHARS))
    .join(' ')
    .slice(0, NOTES_CHARS);
  return { text, els };
}

// ------------------------------------------------------------------------------------ still to come

/** Most talks carry a date, and every date a talk carries is a week or more after the page's own. */
function laterThanPage(
  doc: Document,
  talks: readonly VetoedTalk[],
  notes: ReadonlyMap<VetoedTalk, { text: string; els: Element[] }>,
): boolean {
  const page = pageDate(doc, talks[0]!.heading);
  if (page === null) return false;
  const dates = talks.map((t) => talkDate(notes.get(t)!)).filter((d): d is number => d !== null);
  return (
    dates.length > 0 &&
    dates.length >= talks.length * PAGE_SHARE &&
    dates.every((d) => d - page >= FUTURE_DAYS * DAY_MS)
  );
}

/** The page's date: its metadata's, or the first `<time>` before its first talk. */
function pageDate(doc: Document, firstTalk: Element): number | null {
  const meta = [
    'meta[property="article:published_time"]',
    'meta[name="date"]',
    'meta[itemprop="datePublished"]',
  ]
    .map((s) => doc.querySelector(s)?.getAttribute('content'))
    .find(Boolean);
  const jsonLd = [...doc.querySelectorAll('script[type="application/ld+json"]')]
    .map((s) => /"datePublished"\s*:\s*"([^"]+)"/u.exec(s.textContent ?? '')?.[1])
    .find(Boolean);
  const time = [...doc.querySelectorAll('time[datetime]')].find((t) => precedes(t, firstTalk));
  for (const value of [meta, jsonLd, time?.getAttribute('datetime')]) {
    const date = value ? Date.parse(value) : NaN;
    if (!Number.isNaN(date)) return date;
  }
  return null;
}

/** The first date a talk's title or notes give: a `<time>`'s, or one written in digits. */
function talkDate({ text, els }: { text: string; els: Element[] }): number | null {
  for (const el of els) {
    const times = el.matches('time[datetime]') ? [el] : [...el.querySelectorAll('time[datetime]')];
    for (const t of times) {
      const date = Date.parse(t.getAttribute('datetime') ?? '');
      if (!Number.isNaN(date)) return date;
    }
  }
  const iso = ISO_DATE.exec(text);
  if (iso) return Date.UTC(+iso[1]!, +iso[2]! - 1, +iso[3]!);
  const dotted = DOTTED_DATE.exec(text);
  if (dotted && +dotted[2]! <= 12) return Date.UTC(+dotted[3]!, +dotted[2]! - 1, +dotted[1]!);
  return null;
}

// ------------------------------------------------------------------------------------ offers

/** A talk offered rather than given: its section calls to book or invite, or prices it and names no one. */
function isOffer(talk: VetoedTalk, { text, els }: { text: string; els: Element[] }): boolean {
  const calls = els.some((el) =>
    [el, ...el.querySelectorAll('a[href]')].some((a) => CALL_LINK.test(a.getAttribute('href') ?? '')),
  );
  return calls || (PRICE.test(text) && !talk.speakers.length && !namesAPerson(text));
}

/** Every talk is given by the page's own author: a speaker's page of what they offer or will give. */
function presentsOwn(doc: Document, talks: readonly VetoedTalk[]): boolean {
  if (talks.length < 2) return false;
  const author = clean(doc.querySelector('meta[name="author"]')?.getAttribute('content')).toLowerCase();
  return !!author && talks.every((t) => t.speakers.length === 1 && t.speakers[0]!.toLowerCase() === author);
}

// ------------------------------------------------------------------------------------ furniture and events

/**
 * The words of the site's navigation, header and footer links to other pages. A link to a place in the
 * page is a table of contents, which names the talks themselves.
 */
function navigationWords(doc: Document, talks: readonly VetoedTalk[]): Set<string> {
  const words = new Set<string>();
  const inPost = (a: Element) => talks.some((t) => t.post.contains(a)) || a.closest('h1, h2, h3, h4, h5, h6');
  for (const a of doc.querySelectorAll(
    'nav a[href], header a[href], footer a[href], [role="navigation"] a[href]',
  ))
    if (isBoilerplate(a) && !inPost(a) && !toThisPage(a))
      for (const w of wordsOf(a.textContent)) words.add(w);
  return words;
}

function toThisPage(a: Element): boolean {
  const href = a.getAttribute('href') ?? '';
  if (href.startsWith('#')) return true;
  try {
    const url = new URL(href, a.ownerDocument.URL);
    return url.hash !== '' && url.pathname === new URL(a.ownerDocument.URL).pathname;
  } catch {
    return false;
  }
}

/** A title made only of the navigation's words: the site's furniture ("About", "Contact me"). */
function isFurniture(title: string, navigation: ReadonlySet<string>): boolean {
  const words = wordsOf(title);
  return words.length > 0 && words.length <= 4 && words.every((w) => navigation.has(w));
}

function wordsOf(text: string | null): string[] {
  return (text ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean);
}

/** Most titles name a year or a conference: the page lists events (an aggregator), not talks. */
function listsEvents(talks: readonly VetoedTalk[]): boolean {
  return (
    talks.length >= 2 && talks.filter((t) => EVENT_TITLE.test(t.title)).length >= talks.length * EVENT_SHARE
  );
}
