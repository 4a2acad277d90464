/**
 * The reader's answers to the popup's "This looks like the post you highlighted on …" (#18), kept in
 * the `postLinks` setting by page address: a page linked to a post (a moved post whose new page
 * declares nothing, a syndicated copy on another site) shows that post's highlights and files its
 * clips under it; a page the reader said is another post is not asked about again. Only the reader
 * makes a link (the popup, an extension page): nothing a web page sends can.
 */
import * as v from 'valibot';
import { withReadAt } from '@/core/read-at';
import { MAX_POST_LINKS, type PostLink, PostLinkSchema } from '@/core/settings';
import type { TalkNotesDatabase } from './db';
import { getSetting, setSetting } from './settings';

/** The reader's answer for the page at `pageUrl` (normalized), or null when never asked. */
export async function postLinkOf(db: TalkNotesDatabase, pageUrl: string): Promise<PostLink | null> {
  // One entry read and checked, not the whole setting: this runs on visits.
  const links = (await db.settings.get('postLinks'))?.value;
  if (typeof links !== 'object' || links === null || !Object.hasOwn(links, pageUrl)) return null;
  const parsed = v.safeParse(PostLinkSchema, (links as Record<string, unknown>)[pageUrl]);
  return parsed.success ? parsed.output : null;
}

/** Every page the reader linked to a post (their addresses), for the sites the library knows. */
export async function linkedPages(db: TalkNotesDatabase): Promise<string[]> {
  const links = await getSetting(db, 'postLinks');
  return Object.keys(links).filter((url) => links[url]!.linked);
}

/**
 * Keeps the reader's answer for `pageUrl`: shows the post at `post` (`linked`), or is not it. The
 * newest answer replaces an older one; beyond the limit the oldest answers go.
 */
export async function answerPostLink(
  db: TalkNotesDatabase,
  pageUrl: string,
  post: string,
  linked: boolean,
): Promise<void> {
  await db.transaction('rw', db.settings, db.pages, async () => {
    const links = { ...(await getSetting(db, 'postLinks')) };
    delete links[pageUrl]; // re-added last: keys keep their insertion order, oldest first
    links[pageUrl] = { post, linked };
    const keys = Object.keys(links);
    for (const old of keys.slice(0, Math.max(0, keys.length - MAX_POST_LINKS))) delete links[old];
    await setSetting(db, 'postLinks', links);
    // A page linked to the post is an address it was read at (#18): the dashboard lists it.
    const page = linked ? await db.pages.where('url').equals(post).first() : undefined;
    const readAt = page && withReadAt(page, pageUrl);
    if (page && readAt) await db.pages.put({ ...page, readAt });
  });
}
