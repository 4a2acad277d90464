/**
 * A social post's page title is its author and the opening of its text, quoted and often cut short:
 * `Ros Ferreira: "Thread: PyCon US, day 1. One post per talk…"` (Mastodon, Akkoma, Misskey, Bluesky
 * and most of the fediverse title a post page so). It names the post, not a talk: its author is no
 * speaker and its quoted text no talk title, so only the quoted text is kept as the post's title,
 * and what the post is about is read from the text, as for any post without a title.
 */
import { clean, textUpTo } from './dom';

/** An author, a colon, then a quotation (closing mark optional: the title may be cut inside it). */
const AUTHOR_AND_QUOTE = /^[^:："“”„«»「」]{1,80}[:：]\s*["“„«「『]([^"“”„«»「」『』]{12,})["”»」』]?/u;
const ELLIPSIS = /\s*(?:…|\.{3})\s*$/u;
/** Characters of the excerpt that must open the post's text for the title to be read as its excerpt. */
const COMPARED = 40;

/** `documentTitle` without the author-and-quotes frame when the quote is the opening of `post`'s text. */
export function withoutPostExcerptFrame(documentTitle: string, post: Element): string {
  const quoted = AUTHOR_AND_QUOTE.exec(documentTitle)?.[1];
  if (!quoted) return documentTitle;
  const excerpt = clean(quoted.replace(ELLIPSIS, ''));
  const opening = clean(textUpTo(post, 2000)).toLowerCase();
  return opening.includes(excerpt.slice(0, COMPARED).toLowerCase()) ? excerpt : documentTitle;
}
