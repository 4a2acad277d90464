/**
 * Links of a talk: only absolute http(s) URLs are kept (no `javascript:`, `data:`, relative or
 * overlong ones), each once, with what it leads to (a recording, slides, the talk's page on the
 * schedule site, something else).
 */
import { canonicalHttpUrl, type UrlParts } from './canonical-url';
import { SCHEDULE_LIMITS } from './limits';
import { boundedLine, textOf } from './text';
import type { ScheduleLink, ScheduleLinkKind } from './types';

/** A link as a source gives it, before it is checked. */
export interface LinkCandidate {
  url: unknown;
  title?: unknown;
  /** What the source says it is (Sessionize's `recordingUrl` is a recording whatever its address). */
  kind?: ScheduleLinkKind;
}

const RECORDING_HOSTS = [
  'youtube.com',
  'youtu.be',
  'youtube-nocookie.com',
  'vimeo.com',
  'media.ccc.de',
  'video.fosdem.org',
  'twitch.tv',
  'dailymotion.com',
  'peertube.tv',
];
const SLIDE_HOSTS = ['speakerdeck.com', 'slideshare.net', 'slides.com', 'slid.es', 'pitch.com'];
const RECORDING_FILE = /\.(?:mp4|webm|mkv|mov|ogv|m4v|avi|mp3|ogg|opus|m4a|flac)$/i;
const SLIDE_FILE = /\.(?:pdf|pptx?|ppsx?|key|odp)$/i;
const SLIDE_TITLE = /\b(?:slides?|slide deck|folien|diapositivas?)\b/i;
const RECORDING_TITLE = /\b(?:video|vidéo|recording|aufzeichnung|grabación|livestream|stream)\b/i;
/** Talk pages of the common schedule sites: pentabarf/FOSDEM, frab Fahrplan, pretalx, Sched, Sessionize. */
const SCHEDULE_PAGE =
  /\/schedule\/event\/|\/events\/\d+\.html$|\/talk\/[A-Z0-9]{5,}\/?$|\.sched\.com\/event\/|sessionize\.com\/[^/]+\/session\//i;
/** A URL in running text, up to white space, quotes, angle brackets or a closing bracket. */
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"'`\])}]+/gi;

/** `raw` checked (see safeHttpUrl) as a parsed URL, or null. */
function checkedUrl(raw: unknown, base?: string | null): UrlParts | null {
  const text = textOf(raw).trim();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a URL with white space or controls is refused
  if (!text || text.length > SCHEDULE_LIMITS.url || /[\s\u0000-\u001f\u007f]/.test(text)) return null;
  // Most URLs of a schedule are written as `URL` gives them back: read without it (canonical-url.ts).
  const canonical = canonicalHttpUrl(text);
  if (canonical) return canonical.href.length > SCHEDULE_LIMITS.url ? null : canonical;
  let url: URL;
  try {
    url = base && !/^[a-z][a-z0-9+.-]*:/i.test(text) ? new URL(text, base) : new URL(text);
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) return null;
  if (url.username || url.password) return null;
  return url.href.length > SCHEDULE_LIMITS.url ? null : url;
}

/**
 * `raw` as an absolute http(s) URL (normalized by `URL`), or null. A relative one is resolved
 * against `base` where the source names one (frab's `base_url`).
 */
export function safeHttpUrl(raw: unknown, base?: string | null): string | null {
  return checkedUrl(raw, base)?.href ?? null;
}

function hostIs(host: string, domains: string[]): boolean {
  return domains.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

/**
 * What a checked URL leads to, by its host, its file ending, then its title: `recording`
 * (YouTube, Vimeo, media.ccc.de, video and audio files, "Video"), `slides` (Speaker Deck,
 * SlideShare, PDF and presentation files, "Slides"), `schedule` (a talk page of a schedule site),
 * else `other`.
 */
export function classifyLink(url: string | UrlParts, title: string | null = null): ScheduleLinkKind {
  let parsed: UrlParts;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return 'other';
  }
  const host = parsed.hostname.toLowerCase();
  const path = parsed.pathname;
  if (hostIs(host, RECORDING_HOSTS)) return 'recording';
  if (hostIs(host, SLIDE_HOSTS) || (host === 'docs.google.com' && path.startsWith('/presentation'))) {
    return 'slides';
  }
  if (RECORDING_FILE.test(path)) return 'recording';
  if (SLIDE_FILE.test(path)) return 'slides';
  if (title && SLIDE_TITLE.test(title)) return 'slides';
  if (title && RECORDING_TITLE.test(title)) return 'recording';
  if (SCHEDULE_PAGE.test(`${host}${path}`)) return 'schedule';
  return 'other';
}

/** The http(s) URLs written in `text`, in order, without trailing punctuation; at most `max`. */
export function urlsInText(text: string, max: number = SCHEDULE_LIMITS.links): string[] {
  if (!text.includes('http')) return [];
  const urls: string[] = [];
  for (const match of text.matchAll(URL_IN_TEXT)) {
    urls.push(match[0].replace(/[.,;:!?*_~]+$/, ''));
    if (urls.length >= max) break;
  }
  return urls;
}

/**
 * The links of one talk from its candidates, in order: each URL checked, kept once (a later
 * duplicate may add the title or the kind the first lacked), classified unless the source says
 * what it is, and `pageUrl` (the talk's own page, as `safeHttpUrl` gave it: checked and
 * normalized) marked `schedule`. At most SCHEDULE_LIMITS.links.
 */
export function collectLinks(
  candidates: LinkCandidate[],
  pageUrl: string | null,
  base?: string | null,
): ScheduleLink[] {
  const byUrl = new Map<string, ScheduleLink>();
  // A schedule names one address several times (the event's page, the same URL in its abstract and
  // its description): each text is parsed once. A 30,000-event import parses 90,000 URLs, not 150,000.
  const parsedText = new Map<string, UrlParts | null>();
  for (const candidate of candidates) {
    // The talk's own page is already checked and normalized (`safeHttpUrl`), and it is `schedule`.
    const ownPage = pageUrl !== null && candidate.url === pageUrl;
    let url = pageUrl;
    let parsed: UrlParts | null = null;
    if (!ownPage) {
      const text = textOf(candidate.url);
      parsed = parsedText.has(text) ? parsedText.get(text)! : checkedUrl(text, base);
      parsedText.set(text, parsed);
      if (!parsed) continue;
      url = parsed.href;
    }
    const title = boundedLine(candidate.title, SCHEDULE_LIMITS.label);
    const seen = byUrl.get(url!);
    // The kind is found only where it is used: a repeated URL keeps its first kind unless that is `other`.
    const kindOf = () => (url === pageUrl ? 'schedule' : (candidate.kind ?? classifyLink(parsed!, title)));
    if (seen) {
      seen.title ??= title;
      if (seen.kind === 'other') seen.kind = kindOf();
      continue;
    }
    if (byUrl.size >= SCHEDULE_LIMITS.links) continue;
    byUrl.set(url!, { kind: kindOf(), url: url!, title });
  }
  return [...byUrl.values()];
}
