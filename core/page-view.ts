/**
 * What the popup shows for one page, computed from stored records: the highlights grouped under
 * their talks in document order, the orphans apart, the counts, and the page's heading.
 */
import type { HighlightRecord, PageRecord, TalkRecord } from './types';

/** A page shown in a same-origin frame of a tab: an embedded write-up keyed by its own URL. */
export interface FramePage {
  /** Normalized URL: the framed page's storage key. */
  url: string;
  title: string;
  /** The reader's focus is in this frame (or in a frame inside it): the popup opens on it. */
  focused: boolean;
}

/** What a page shows before anything is clipped from it (the popup's heading and its talks, #17 item 13). */
export interface PagePreview {
  /** The page's title from its metadata (og:title, JSON-LD, …), else its document title. */
  title: string;
  /** The site's name from its metadata, or null. */
  siteName: string | null;
  /** The talks detection finds on the page now, in page order. */
  talks: { title: string; speakers: string[] }[];
}

/** One page a tab shows: the top page, or a framed one. */
export interface TabPage {
  /** Normalized URL: the page's storage key. */
  url: string;
  /** The page's own title, shown until the page has a stored record. */
  title: string;
  /** Set for a page shown in a frame of the tab. */
  framed?: true;
}

/** The page the popup is about: a tab whose content script answered, or one it cannot reach. */
export type PopupPage =
  | { kind: 'unreachable' }
  | {
      kind: 'page';
      tabId: number;
      /** The tab's title, shown until the page has a stored record. */
      title: string;
      /** Normalized URL: the page's storage key. */
      url: string;
      /**
       * Every page of the tab, the top page first, then the pages of its same-origin frames; present
       * only when there are framed pages. `url` and `title` are the one the popup shows.
       */
      pages?: TabPage[];
      /** An archive page (#18): the posts it shows in full, by key, in page order. */
      posts?: string[];
    };

/**
 * The pages of a tab as the popup offers them: the top page first, then each framed page once (not
 * the top page again); `shown` is the framed page holding the reader's focus, else the top page.
 */
export function tabPages(
  top: { url: string; title: string },
  frames: readonly FramePage[],
): { pages: TabPage[]; shown: TabPage } {
  const pages: TabPage[] = [{ url: top.url, title: top.title }];
  let shown = pages[0]!;
  for (const frame of frames) {
    if (pages.some((p) => p.url === frame.url)) continue;
    const page: TabPage = { url: frame.url, title: frame.title || frame.url, framed: true };
    pages.push(page);
    if (frame.focused && shown === pages[0]) shown = page;
  }
  return { pages, shown };
}

/** Highlights under one talk; `talk` is null for the "No talk" group (before the first talk). */
export interface TalkGroup {
  talk: TalkRecord | null;
  highlights: HighlightRecord[];
}

export interface PageGroups {
  /** The "No talk" group first (when it has highlights), then talks in page order. */
  groups: TalkGroup[];
  /** Highlights not found on the page at the last visit, in document order. */
  orphans: HighlightRecord[];
  /** Every highlight of the page, orphans included. */
  total: number;
}

/** Document order: where the passage starts in the page text, then when it was clipped. */
export function byDocumentOrder(a: HighlightRecord, b: HighlightRecord): number {
  return a.position - b.position || a.createdAt - b.createdAt;
}

/**
 * Groups a page's highlights under its talks. Detected talks sit at their place in the page; a
 * talk the reader made sits at its first highlight (empty ones last, by creation). Detected talks
 * without highlights are left out (they are offered by the talk picker); the reader's own talks
 * stay even when empty, since they were made on purpose. A highlight whose talk is unknown falls
 * back to "No talk" rather than disappearing.
 */
export function groupByTalk(
  highlights: readonly HighlightRecord[],
  talks: readonly TalkRecord[],
): PageGroups {
  const sorted = [...highlights].sort(byDocumentOrder);
  const known = new Set(talks.filter((t) => !t.notATalk).map((t) => t.id));
  const byTalk = new Map<string | null, HighlightRecord[]>();
  const orphans: HighlightRecord[] = [];
  for (const highlight of sorted) {
    if (highlight.anchorStatus === 'orphan') {
      orphans.push(highlight);
      continue;
    }
    const key = highlight.talkId !== null && known.has(highlight.talkId) ? highlight.talkId : null;
    const list = byTalk.get(key) ?? [];
    list.push(highlight);
    byTalk.set(key, list);
  }

  const place = (talk: TalkRecord) => {
    if (talk.position >= 0) return talk.position;
    return byTalk.get(talk.id)?.[0]?.position ?? Number.POSITIVE_INFINITY;
  };
  const shown = talks
    .filter((talk) => !talk.notATalk && (byTalk.has(talk.id) || !talk.detected))
    .sort((a, b) => place(a) - place(b) || a.createdAt - b.createdAt);

  const groups: TalkGroup[] = [];
  const loose = byTalk.get(null);
  if (loose) groups.push({ talk: null, highlights: loose });
  for (const talk of shown) groups.push({ talk, highlights: byTalk.get(talk.id) ?? [] });
  return { groups, orphans, total: highlights.length };
}

/** The page as the popup introduces it. */
export interface PageHeading {
  title: string;
  /** The site's name, else its host name. */
  site: string | null;
  authors: string[];
  /** The publication date as readers write it ("23 Oct 2017"), or null. */
  published: string | null;
}

/**
 * The heading of a page: from its stored record when there is one (clipped before), else from what
 * the page's metadata says now (`preview`: its real title and site name, not the tab's title), else
 * from the tab's title and URL.
 */
export function pageHeading(
  page: PageRecord | null | undefined,
  tab: { title: string; url: string },
  locale?: string,
  preview?: PagePreview | null,
): PageHeading {
  return {
    title: page?.title || preview?.title || tab.title || tab.url,
    site: page?.siteName || preview?.siteName || hostOf(page?.url ?? tab.url),
    authors: page?.authors ?? [],
    published: page?.publishedAt ? formatPublishedDate(page.publishedAt, locale) : null,
  };
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/**
 * The calendar date an ISO 8601 publication date names, `YYYY-MM-DD`, as the author wrote it: the
 * date before any time and offset ("2017-10-23T01:00:00+02:00" is the 23rd, wherever it is read).
 * Pages are stored that way since #14; a date stored earlier as a UTC instant (`…Z`) reads as its UTC
 * date, as it always did. Null when the text does not start with a real date.
 */
export function publishedDay(iso: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso.trim());
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
    ? match[0]
    : null;
}

/**
 * Formats an ISO 8601 publication date as the calendar date the author wrote, whatever the
 * reader's time zone ("2017-10-23T01:00:00+02:00" is 23 October, not the 22nd in UTC).
 * Anything that is not an ISO date is shown as it is.
 */
export function formatPublishedDate(iso: string, locale?: string): string {
  const day = publishedDay(iso);
  if (!day) return iso.trim();
  // Midnight UTC of that day, formatted in UTC: the reader's zone cannot move it.
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** "3 highlights", "1 highlight · 1 not found on this page", "No highlights yet". */
export function countsLabel(total: number, orphans: number): string {
  if (total === 0) return 'No highlights yet';
  const main = `${total} highlight${total === 1 ? '' : 's'}`;
  return orphans > 0 ? `${main} · ${orphans} not found on this page` : main;
}
