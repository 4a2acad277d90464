/**
 * The context a page gives `matchTalk` (match.ts `TalkQuery.context`): what may name its conference.
 * A write-up often names its conference only in its description or opening paragraph ("Four talks
 * from HolyJS 2024 Autumn", "Day 2 of #PyConIT in Florence"), not in its `<title>` ("HolyJS осенью",
 * "@maeve on Bluesky") or address: so the page's excerpt (the description it states, else its opening
 * paragraph as Readability finds it; core/page-metadata.ts stores it with the page at clip time) is
 * read too, its first `EXCERPT_CHARS` only: the context is read word by word on every query, and a
 * conference named further down is more likely one mentioned in passing.
 */

/** What of a page the context is made of: a stored `PageRecord` is one. */
export interface PageContextSource {
  title: string;
  siteName: string | null;
  url: string;
  excerpt?: string | null;
}

/** How much of the excerpt is read, in characters (cut at a word boundary). */
export const EXCERPT_CHARS = 280;

/** The excerpt's start, cut before the word that would cross `EXCERPT_CHARS`. */
function excerptStart(excerpt: string): string {
  const text = excerpt.replace(/\s+/g, ' ').trim();
  if (text.length <= EXCERPT_CHARS) return text;
  const cut = text.slice(0, EXCERPT_CHARS + 1);
  const space = cut.lastIndexOf(' ');
  return space > 0 ? cut.slice(0, space) : cut.slice(0, EXCERPT_CHARS);
}

/** The page's title, site name, excerpt (its start) and URL, as one text for `TalkQuery.context`. */
export function pageMatchContext(page: PageContextSource): string {
  return [page.title, page.siteName, page.excerpt ? excerptStart(page.excerpt) : null, page.url]
    .filter(Boolean)
    .join(' ');
}
