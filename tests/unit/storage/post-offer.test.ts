import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PostClaim } from '@/core/post-identity';
import { MAX_POST_LINKS } from '@/core/settings';
import { saveClip } from '@/storage/clips';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import { deleteHighlight } from '@/storage/highlights';
import { answerPostLink, linkedPages, postLinkOf } from '@/storage/post-links';
import { postOffer } from '@/storage/post-offer';
import { getSetting, setSetting } from '@/storage/settings';
import { createSiteIndex } from '@/storage/sites';
import { noMetadata, quotedPassage } from '../clip-fixtures';

const POST = 'https://blog.example.org/2024/scaling-postgres';
const MOVED = 'https://www.example.org/talks/scaling-postgres';
const COPY = 'https://syndicate.example.net/@author/scaling-postgres';
const FP = '0123456789abcdef';
const claim = (over: Partial<PostClaim> = {}): PostClaim => ({
  permalinks: [],
  fingerprint: FP,
  articles: [],
  ...over,
});

describe('the popup’s offer of a post a page looks like (#18)', () => {
  let db: TalkNotesDatabase;
  let clipped: string;
  beforeEach(async () => {
    db = createDatabase(`post-offer-${crypto.randomUUID()}`);
    const { highlight } = await saveClip(db, {
      page: { url: POST, title: 'How we scaled Postgres', ...noMetadata(), fingerprint: FP },
      talks: [],
      highlight: quotedPassage('a billion rows', 10, null),
    });
    clipped = highlight.id;
  });
  afterEach(() => db.delete());

  it.each([
    ['a moved post reached without its old link', MOVED, 'blog.example.org'],
    ['a copy on another site', COPY, 'blog.example.org'],
  ])('offers the post on %s, naming where it was highlighted', async (_, page, host) => {
    expect(await postOffer(db, page, claim())).toEqual({ post: POST, title: 'How we scaled Postgres', host });
  });

  it.each<[string, string, PostClaim]>([
    ['the post’s own page', POST, claim()],
    ['a page that declares the post as its canonical (already drawn)', MOVED, claim({ permalinks: [POST] })],
    ['a moved post reached by a redirect (already drawn)', MOVED, claim({ redirected: true })],
    ['a page with too little text for a fingerprint', COPY, claim({ fingerprint: null })],
    ['a page that looks like no stored post', COPY, claim({ fingerprint: 'fedcba9876543210' })],
  ])('offers nothing on %s', async (_, page, pageClaim) => {
    expect(await postOffer(db, page, pageClaim)).toBeNull();
  });

  it('offers nothing once the reader answered, linked or refused, and nothing for a post with no highlight left', async () => {
    await answerPostLink(db, COPY, POST, true);
    expect(await postOffer(db, COPY, claim())).toBeNull();
    await answerPostLink(db, MOVED, POST, false);
    expect(await postOffer(db, MOVED, claim())).toBeNull();
    expect(await postLinkOf(db, MOVED)).toEqual({ post: POST, linked: false });
    const other = 'https://blog.example.org/print/scaling-postgres';
    expect(await postOffer(db, other, claim())).not.toBeNull();
    await deleteHighlight(db, clipped);
    expect(await postOffer(db, other, claim())).toBeNull();
  });

  it('a page the reader linked is an address the post was read at; a refused one is not', async () => {
    const readAt = async () => (await db.pages.where('url').equals(POST).first())?.readAt;
    await answerPostLink(db, MOVED, POST, false);
    expect(await readAt()).toBeUndefined();
    await answerPostLink(db, COPY, POST, true);
    await answerPostLink(db, COPY, POST, true);
    expect(await readAt()).toEqual([COPY]);
  });

  it('keeps the newest answers within the limit, and makes a linked copy’s site one the library knows', async () => {
    const sites = createSiteIndex(db);
    expect(await sites.hasPagesOf(COPY)).toBe(false);
    await answerPostLink(db, COPY, POST, true);
    expect(await sites.hasPagesOf(COPY)).toBe(true);
    expect(await linkedPages(db)).toEqual([COPY]);
    sites.close();

    const many = Object.fromEntries(
      Array.from({ length: MAX_POST_LINKS }, (_, i) => [
        `https://a.example/${i}`,
        { post: POST, linked: false },
      ]),
    );
    await setSetting(db, 'postLinks', many);
    await answerPostLink(db, COPY, POST, true);
    const kept = await getSetting(db, 'postLinks');
    expect(Object.keys(kept)).toHaveLength(MAX_POST_LINKS);
    expect(kept['https://a.example/0']).toBeUndefined();
    expect(Object.keys(kept).at(-1)).toBe(COPY);
  });

  it('reads no answer from a damaged setting or an inherited key', async () => {
    await db.settings.put({
      key: 'postLinks',
      value: { [COPY]: { post: 'javascript:alert(1)', linked: true } },
    });
    expect(await postLinkOf(db, COPY)).toBeNull();
    expect(await postLinkOf(db, 'constructor')).toBeNull();
  });
});
