/**
 * What the popup offers on a page that shows no stored post by the identity rule, yet whose
 * fingerprint (heading and first paragraphs, core/post-identity.ts) is that of a post the reader
 * highlighted (#18): a moved post reached without its old link, or a syndicated copy on another
 * site. Read by the popup, an extension page, from the tab's claims: the page learns nothing of it.
 */
import type { PostClaim } from '@/core/post-identity';
import type { TalkNotesDatabase } from './db';
import { postLinkOf } from './post-links';
import { storedPostOf } from './posts';

export interface PostOffer {
  /** The post's key (its stored page's address). */
  post: string;
  /** Its title as stored. */
  title: string;
  /** The host it was highlighted on, as the question names it. */
  host: string;
}

/**
 * The post the page at `pageUrl` (normalized) looks like, to ask the reader about; null when the page
 * already shows a stored post, was answered for before (linked or refused), or matches none.
 */
export async function postOffer(
  db: TalkNotesDatabase,
  pageUrl: string,
  claim: PostClaim,
): Promise<PostOffer | null> {
  const { fingerprint } = claim;
  if (!fingerprint || (await postLinkOf(db, pageUrl))) return null;
  if (await storedPostOf(db, pageUrl, claim)) return null;
  const pages = await db.pages.where('fingerprint').equals(fingerprint).toArray();
  // The oldest: where the post's first highlights were filed.
  const post = pages.filter((p) => p.url !== pageUrl).sort((a, b) => a.createdAt - b.createdAt)[0];
  if (!post) return null;
  // A post with nothing highlighted (all deleted) is no reason to ask.
  if (!(await db.highlights.where('url').equals(post.url).limit(1).primaryKeys()).length) return null;
  return { post: post.url, title: post.title, host: new URL(post.url).host };
}
