/**
 * A social post's page title, `Author: "the opening of the post…"`, names the post, not a talk
 * (`core/talks/post-excerpt.ts`). Made-up posts, in wording of their own.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { withoutPostExcerptFrame } from '@/core/talks/post-excerpt';
import { page, titles } from './detected';

const post = (html: string) =>
  new JSDOM(`<article>${html}</article>`).window.document.querySelector('article')!;

describe('a page title that quotes the opening of its post', () => {
  it.each([
    [
      'a fediverse thread, its title cut short inside the quote',
      'Mira Okafor: "Thread: DevConf.CZ 2026, day 1 in Brno. One post per talk, the subject says which…"',
      '<p>Thread: DevConf.CZ 2026, day 1 in Brno. One post per talk, the subject says which one, so mute freely.</p>',
      'Thread: DevConf.CZ 2026, day 1 in Brno. One post per talk, the subject says which',
    ],
    [
      'curly quotes, a full-width colon, three dots',
      'Kenji Sato：“Notes from the second morning of the summit, posted as I go...”',
      '<p>Notes from the second morning of the summit, posted as I go, corrections welcome.</p>',
      'Notes from the second morning of the summit, posted as I go',
    ],
  ])('%s: the quoted text alone', (_, title, body, expected) => {
    expect(withoutPostExcerptFrame(title, post(body))).toBe(expected);
  });

  it.each([
    [
      "a speaker and a talk's quoted title, the post not opening with it",
      'Jane Doe: “Scaling Postgres Without Tears”',
      '<p>I went to PGConf for one talk, and it was worth the train: Jane walked through three years of growth.</p>',
    ],
    ['no quotation', 'Notes from PyCon US 2026', '<p>Notes from PyCon US 2026, as they came.</p>'],
  ])('%s: unchanged', (_, title, body) => {
    expect(withoutPostExcerptFrame(title, post(body))).toBe(title);
  });
});

describe('a thread page titled by its author and opening', () => {
  it('is not one talk of its author', () => {
    const doc = page(
      `<article class="status"><a href="/users/mira">Mira Okafor</a>
      <p>Thread: DevConf.CZ 2026, day 1 in Brno. One post per talk, the subject says which one, so mute the ones you skip.</p>
      <p>The keynote on packaging was the best talk of the morning: three distributions, one build farm, no drama.</p>
      <p>Lunch was long, the hallway longer. More after the afternoon session.</p></article>`,
      'Mira Okafor: "Thread: DevConf.CZ 2026, day 1 in Brno. One post per talk, the subject says which…"',
    );
    expect(titles(doc).filter(([, speakers]) => (speakers as string[]).includes('Mira Okafor'))).toEqual([]);
  });
});
