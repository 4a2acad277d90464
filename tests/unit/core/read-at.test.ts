// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { LIMITS } from '@/core/limits';
import { joinReadAt, withReadAt } from '@/core/read-at';

const OWN = 'https://blog.example.org/posts/scaling';

describe('joinReadAt (#18)', () => {
  it.each<[string, unknown[], string[]]>([
    ['nothing', [], []],
    [
      'two devices’ lists: their union, sorted, each once',
      [
        ['https://blog.example.org/2024/', 'https://amp.example.org/scaling'],
        ['https://blog.example.org/2024/', 'https://blog.example.org/posts/scaling-v2'],
      ],
      [
        'https://amp.example.org/scaling',
        'https://blog.example.org/2024/',
        'https://blog.example.org/posts/scaling-v2',
      ],
    ],
    [
      'addresses normalized (fragment, tracking parameters), the page’s own left out',
      [[`${OWN}#comments`, 'https://blog.example.org/2024/?utm_source=feed#post-3']],
      ['https://blog.example.org/2024/'],
    ],
    [
      'untrusted values dropped: not a list, not a string, not http(s), too long',
      [
        'https://blog.example.org/2024/',
        [42, null, 'javascript:alert(1)', 'not a url', `https://x.example/${'a'.repeat(LIMITS.url)}`],
        ['https://blog.example.org/tag/db'],
      ],
      ['https://blog.example.org/tag/db'],
    ],
  ])('%s', (_, lists, expected) => {
    expect(joinReadAt(OWN, ...lists)).toEqual(expected);
  });

  it('keeps at most LIMITS.readAt addresses, the same ones whatever the order of the lists', () => {
    const many = Array.from(
      { length: LIMITS.readAt + 10 },
      (_, i) => `https://blog.example.org/p/${1000 + i}`,
    );
    const a = joinReadAt(OWN, many.slice(0, 30), many.slice(30));
    const b = joinReadAt(OWN, many.slice(30).reverse(), many.slice(0, 30));
    expect(a).toHaveLength(LIMITS.readAt);
    expect(b).toEqual(a);
  });
});

describe('withReadAt', () => {
  it('adds a new address, and says null when it changes nothing', () => {
    const page = { url: OWN, readAt: ['https://blog.example.org/2024/'] };
    expect(withReadAt(page, 'https://amp.example.org/scaling')).toEqual([
      'https://amp.example.org/scaling',
      'https://blog.example.org/2024/',
    ]);
    expect(withReadAt(page, 'https://blog.example.org/2024/')).toBeNull();
    expect(withReadAt(page, OWN)).toBeNull();
    expect(withReadAt({ url: OWN }, 'https://blog.example.org/2024/')).toEqual([
      'https://blog.example.org/2024/',
    ]);
  });
});
