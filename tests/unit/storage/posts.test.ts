import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PostClaim } from '@/core/post-identity';
import { saveClip } from '@/storage/clips';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import { answerPostLink } from '@/storage/post-links';
import { postHighlights, storedPostOf } from '@/storage/posts';
import { noMetadata, quotedPassage } from '../clip-fixtures';

const OLD = 'https://blog.example.org/2024/scaling-postgres';
const NEW = 'https://blog.example.org/talks/scaling-postgres';
const FP = '0123456789abcdef';

const claim = (over: Partial<PostClaim> = {}): PostClaim => ({
  permalinks: [],
  fingerprint: null,
  articles: [],
  ...over,
});

async function clip(
  db: TalkNotesDatabase,
  url: string,
  text: string,
  options: { position?: number; fingerprint?: string; prefix?: string; suffix?: string } = {},
) {
  const highlight = quotedPassage(text, options.position ?? 10, null);
  highlight.selectors = [
    { type: 'TextQuoteSelector', exact: text, prefix: options.prefix ?? '', suffix: options.suffix ?? '' },
  ];
  return saveClip(db, {
    page: { url, title: 'Scaling Postgres', ...noMetadata(), fingerprint: options.fingerprint ?? null },
    talks: [],
    highlight,
  });
}

describe('postHighlights (#18)', () => {
  let db: TalkNotesDatabase;
  beforeEach(() => {
    db = createDatabase(`posts-${crypto.randomUUID()}`);
  });
  afterEach(() => db.delete());

  it('a moved post whose canonical names its old address: the old highlights, new clips filed there', async () => {
    await clip(db, OLD, 'a billion rows');
    const answer = await postHighlights(db, NEW, claim({ permalinks: [OLD] }));
    expect(answer.postUrl).toBe(OLD);
    expect(answer.highlights.map((h) => h.text)).toEqual(['a billion rows']);
  });

  it('a moved post whose canonical names itself, found by its fingerprint on the same site after a redirect', async () => {
    await clip(db, OLD, 'a billion rows', { fingerprint: FP });
    const answer = await postHighlights(
      db,
      NEW,
      claim({ permalinks: [NEW], fingerprint: FP, redirected: true }),
    );
    expect(answer.postUrl).toBe(OLD);
    expect(answer.highlights.map((h) => h.text)).toEqual(['a billion rows']);
  });

  it('an AMP view on another host of the site, naming the post as canonical', async () => {
    await clip(db, OLD, 'a billion rows');
    const answer = await postHighlights(
      db,
      'https://amp.example.org/scaling-postgres',
      claim({ permalinks: [OLD] }),
    );
    expect(answer.highlights).toHaveLength(1);
  });

  it('a post not clipped yet: new clips go to the permalink it declares of its own site', async () => {
    const answer = await postHighlights(db, `${NEW}?print=1`, claim({ permalinks: [NEW] }));
    expect(answer).toEqual({ postUrl: NEW, highlights: [], articles: [] });
  });

  it.each([
    ['a canonical on another site', 'https://copycat.example.net/scaling', claim({ permalinks: [OLD] })],
    [
      'the victim’s fingerprint (its text copied)',
      'https://copycat.example.net/scaling',
      claim({ fingerprint: FP }),
    ],
    [
      'an archive article naming the victim',
      'https://copycat.example.net/',
      claim({ articles: [{ permalink: OLD, fingerprint: FP, title: 'x' }] }),
    ],
    [
      'a github.io user site naming another user’s post',
      'https://mallory.github.io/p',
      claim({ permalinks: ['https://alice.github.io/p'] }),
    ],
    ['the same host over http', 'http://blog.example.org/x', claim({ permalinks: [OLD], fingerprint: FP })],
  ])('a page claiming %s gets nothing and files under its own URL', async (_, page, claimed) => {
    await clip(db, OLD, 'a billion rows', { fingerprint: FP });
    await clip(db, 'https://alice.github.io/p', 'alice’s passage');
    const answer = await postHighlights(db, page, claimed);
    expect(answer).toEqual({ postUrl: page, highlights: [], articles: [] });
  });

  it('an archive page: each post of its site with its highlights, its own post’s not twice', async () => {
    await clip(db, OLD, 'a billion rows');
    await clip(db, 'https://blog.example.org/rust', 'Rust for Linux', { fingerprint: FP });
    const archive = 'https://blog.example.org/2024/';
    const answer = await postHighlights(
      db,
      archive,
      claim({
        articles: [
          { permalink: OLD, fingerprint: null, title: 'Scaling Postgres' },
          { permalink: 'https://evil.example.net/x', fingerprint: FP, title: 'Copied' },
          { permalink: 'https://blog.example.org/rust-moved', fingerprint: FP, title: 'Rust' },
          { permalink: 'https://blog.example.org/unclipped', fingerprint: null, title: 'Other' },
        ],
      }),
    );
    expect(answer.postUrl).toBe(archive);
    expect(answer.articles.map((a) => [a.index, a.postUrl, a.highlights.map((h) => h.text)])).toEqual([
      [0, OLD, ['a billion rows']],
      [2, 'https://blog.example.org/rust', ['Rust for Linux']],
      [3, 'https://blog.example.org/unclipped', []],
    ]);
  });

  it('the same passage clipped on the archive page and on the permalink is one highlight', async () => {
    const context = { prefix: 'Jane showed how to reach ', suffix: ' without sharding.' };
    const first = await clip(db, OLD, 'a billion rows', { position: 1_240, ...context });
    const again = await clip(db, OLD, 'a billion rows', { position: 310, ...context });
    expect(again.duplicate).toBe(true);
    expect(again.highlight.id).toBe(first.highlight.id);
    // The post's last passage has no suffix on either page: the prefix alone tells.
    const last = { prefix: 'and then, at the very end, ', suffix: '' };
    const end = await clip(db, OLD, 'the dashboards went quiet', { position: 2_100, ...last });
    expect((await clip(db, OLD, 'the dashboards went quiet', { position: 600, ...last })).highlight.id).toBe(
      end.highlight.id,
    );
    // The same words elsewhere in the post (other context, far away) are another passage.
    const elsewhere = await clip(db, OLD, 'a billion rows', {
      position: 3_000,
      prefix: 'we never had ',
      suffix: '.',
    });
    expect(elsewhere.duplicate).toBe(false);
  });

  describe('a post found by its fingerprint alone: only when the reader is owed it', () => {
    const NOTHING = { postUrl: NEW, highlights: [] as string[] };
    const shown = async (over: Partial<PostClaim>) => {
      const answer = await postHighlights(db, NEW, claim({ fingerprint: FP, ...over }));
      return { postUrl: answer.postUrl, highlights: answer.highlights.map((h) => h.text) };
    };
    beforeEach(async () => {
      await clip(db, OLD, 'a billion rows', { fingerprint: FP });
    });

    it.each<[string, Partial<PostClaim>, { postUrl: string; highlights: string[] }]>([
      ['a visit that declares nothing: offered, not drawn', {}, NOTHING],
      ['arrived by a redirect', { redirected: true }, { postUrl: OLD, highlights: ['a billion rows'] }],
      [
        'came from the old address (a client redirect)',
        { referrer: OLD },
        { postUrl: OLD, highlights: ['a billion rows'] },
      ],
      ['came from another page of the site', { referrer: 'https://blog.example.org/' }, NOTHING],
    ])('%s', async (_, over, expected) => {
      expect(await shown(over)).toEqual(expected);
    });

    it('a page the reader linked to the post shows it on every visit; one they refused never does', async () => {
      await answerPostLink(db, NEW, OLD, true);
      expect(await shown({})).toEqual({ postUrl: OLD, highlights: ['a billion rows'] });
      await answerPostLink(db, NEW, OLD, false);
      expect(await shown({})).toEqual(NOTHING);
      // Not even after a redirect: the reader said it is another post.
      expect(await shown({ redirected: true })).toEqual(NOTHING);
    });

    it('a copy on another site the reader linked: the post’s highlights, whatever the copy claims', async () => {
      const COPY = 'https://syndicate.example.net/@author/scaling-postgres';
      const copy = (over: Partial<PostClaim> = {}) =>
        postHighlights(db, COPY, claim({ fingerprint: FP, ...over }));
      // Never by the copy's own word: its fingerprint, a redirect or a canonical naming the post.
      const unlinked = await copy({ redirected: true, permalinks: [OLD] });
      expect(unlinked.highlights).toEqual([]);
      expect(await storedPostOf(db, COPY, claim({ fingerprint: FP, redirected: true }))).toBeUndefined();
      await answerPostLink(db, COPY, OLD, true);
      const linked = await copy();
      expect(linked.postUrl).toBe(OLD);
      expect(linked.highlights.map((h) => h.text)).toEqual(['a billion rows']);
    });
  });
});
