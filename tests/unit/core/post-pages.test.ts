// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { groupPagesByPost } from '@/core/post-pages';
import type { PageRecord } from '@/core/types';

const FP = '0123456789abcdef';
const PERMALINK = 'https://blog.example.org/posts/scaling';

type Page = Pick<PageRecord, 'url' | 'canonicalUrl' | 'fingerprint' | 'readAt' | 'createdAt' | 'updatedAt'>;
const page = (url: string, over: Partial<Page> = {}, at = 0): Page => ({
  url,
  canonicalUrl: null,
  fingerprint: null,
  createdAt: at,
  updatedAt: at,
  ...over,
});

/** The posts as lists of their pages' URLs, and each post's addresses. */
function posts(pages: Page[]) {
  const { postOf, addresses } = groupPagesByPost(pages);
  const byPost = new Map<number, string[]>();
  for (const [i, p] of pages.entries()) byPost.set(postOf[i]!, [...(byPost.get(postOf[i]!) ?? []), p.url]);
  return [...byPost].map(([root, urls]) => ({ urls, addresses: addresses[root] }));
}

describe('groupPagesByPost (#18)', () => {
  it.each<[string, Page[], { urls: string[]; addresses: string[] }[]]>([
    [
      'a moved post whose canonical names its old address',
      [page(PERMALINK, {}, 1), page('https://blog.example.org/2026/scaling', { canonicalUrl: PERMALINK }, 2)],
      [
        {
          urls: [PERMALINK, 'https://blog.example.org/2026/scaling'],
          addresses: [PERMALINK, 'https://blog.example.org/2026/scaling'],
        },
      ],
    ],
    [
      'an archive page’s copy (same fingerprint), the post’s own canonical first',
      [
        page('https://blog.example.org/2024/', { fingerprint: FP }, 1),
        page(PERMALINK, { fingerprint: FP, canonicalUrl: `${PERMALINK}#top` }, 2),
      ],
      [
        {
          urls: ['https://blog.example.org/2024/', PERMALINK],
          addresses: [PERMALINK, 'https://blog.example.org/2024/'],
        },
      ],
    ],
    [
      'an AMP view and a print view on another host of the site, naming the same canonical',
      [
        page('https://amp.example.org/scaling', { canonicalUrl: PERMALINK }, 1),
        page('https://www.example.org/scaling?print=1', { canonicalUrl: PERMALINK }, 2),
      ],
      [
        {
          urls: ['https://amp.example.org/scaling', 'https://www.example.org/scaling?print=1'],
          addresses: [
            PERMALINK,
            'https://amp.example.org/scaling',
            'https://www.example.org/scaling?print=1',
          ],
        },
      ],
    ],
    [
      'no canonical at all: the oldest page’s address is the permalink',
      [
        page('https://blog.example.org/new-slug', { fingerprint: FP }, 5),
        page('https://blog.example.org/old-slug', { fingerprint: FP }, 1),
      ],
      [
        {
          urls: ['https://blog.example.org/new-slug', 'https://blog.example.org/old-slug'],
          addresses: ['https://blog.example.org/old-slug', 'https://blog.example.org/new-slug'],
        },
      ],
    ],
    [
      'another site naming the post as its canonical, with its fingerprint: two posts',
      [
        page(PERMALINK, { fingerprint: FP }),
        page('https://copy.example.net/scaling', { canonicalUrl: PERMALINK, fingerprint: FP }),
      ],
      [
        { urls: [PERMALINK], addresses: [PERMALINK] },
        { urls: ['https://copy.example.net/scaling'], addresses: ['https://copy.example.net/scaling'] },
      ],
    ],
    [
      'two user sites on a private suffix with one fingerprint: two posts',
      [
        page('https://alice.github.io/p', { fingerprint: FP }),
        page('https://bob.github.io/p', { fingerprint: FP }),
      ],
      [
        { urls: ['https://alice.github.io/p'], addresses: ['https://alice.github.io/p'] },
        { urls: ['https://bob.github.io/p'], addresses: ['https://bob.github.io/p'] },
      ],
    ],
    [
      'a post clipped at an archive page and at its new address: the addresses it was read at, after its own',
      [
        page(PERMALINK, {
          readAt: ['https://blog.example.org/2024/', 'https://blog.example.org/posts/scaling-v2'],
        }),
      ],
      [
        {
          urls: [PERMALINK],
          addresses: [
            PERMALINK,
            'https://blog.example.org/2024/',
            'https://blog.example.org/posts/scaling-v2',
          ],
        },
      ],
    ],
    [
      'an address read at that is also a stored page of another post: listed, the posts kept apart',
      [
        page(PERMALINK, { readAt: ['https://blog.example.org/2024/'] }, 1),
        page('https://blog.example.org/2024/', {}, 2),
      ],
      [
        { urls: [PERMALINK], addresses: [PERMALINK, 'https://blog.example.org/2024/'] },
        { urls: ['https://blog.example.org/2024/'], addresses: ['https://blog.example.org/2024/'] },
      ],
    ],
    [
      'two posts of one site: apart',
      [
        page('https://blog.example.org/a', { fingerprint: FP }),
        page('https://blog.example.org/b', { fingerprint: 'fedcba9876543210' }),
      ],
      [
        { urls: ['https://blog.example.org/a'], addresses: ['https://blog.example.org/a'] },
        { urls: ['https://blog.example.org/b'], addresses: ['https://blog.example.org/b'] },
      ],
    ],
  ])('%s', (_, pages, expected) => {
    expect(posts(pages)).toEqual(expected);
  });

  it('joins a chain: canonical to one page, fingerprint to another', () => {
    const pages = [
      page('https://blog.example.org/tag/db', { fingerprint: FP }, 3),
      page('https://amp.example.org/scaling', { canonicalUrl: PERMALINK }, 2),
      page(PERMALINK, { fingerprint: FP, canonicalUrl: PERMALINK }, 1),
    ];
    expect(posts(pages)).toEqual([
      {
        urls: pages.map((p) => p.url),
        addresses: [PERMALINK, 'https://amp.example.org/scaling', 'https://blog.example.org/tag/db'],
      },
    ]);
  });
});
