import { describe, expect, it, vi } from 'vitest';
import type { ClipInput } from '@/core/schemas';
import type { HighlightRecord } from '@/core/types';
import { errorText, UnsavedClips } from '@/page/unsaved-clips';
import { noMetadata, quotedPassage } from '../clip-fixtures';

function clip(markdown: string, title = 'Day 2'): ClipInput {
  return {
    page: { url: 'https://conf.example/day-2', title, ...noMetadata() },
    talks: [],
    highlight: quotedPassage(markdown, 0, null),
  };
}

const range = () => document.createRange();
const stored = (c: ClipInput) => ({ id: `id:${c.highlight.text}` }) as HighlightRecord;

describe('UnsavedClips', () => {
  it('retries oldest first, keeps the clips that fail again and says why', async () => {
    const queue = new UnsavedClips();
    const ranges = [range(), range(), range()];
    queue.keep('pending:a', clip('first'), ranges[0]!);
    queue.keep('pending:b', clip('second'), ranges[1]!);
    queue.keep('pending:c', clip('third'), ranges[2]!);
    const tried: string[] = [];
    const onSaved = vi.fn();
    const outcome = await queue.retry(async (c) => {
      tried.push(c.highlight.text);
      if (c.highlight.text === 'second') throw new Error('The disk is full.');
      return stored(c);
    }, onSaved);
    expect(tried).toEqual(['first', 'second', 'third']);
    expect(outcome).toEqual({ saved: 2, problem: 'The disk is full.', refused: [] });
    expect(onSaved.mock.calls).toEqual([
      ['pending:a', { id: 'id:first' }, ranges[0]],
      ['pending:c', { id: 'id:third' }, ranges[2]],
    ]);
    expect(queue.size).toBe(1);

    const again = await queue.retry(async (c) => stored(c), onSaved);
    expect(again).toEqual({ saved: 1, problem: null, refused: [] });
    expect(queue.size).toBe(0);
  });

  it('takes a clip refused for good out of the queue, and keeps the ones a later retry may save', async () => {
    class Refused extends Error {}
    const queue = new UnsavedClips();
    const ranges = [range(), range(), range()];
    queue.keep('pending:a', clip('too big'), ranges[0]!);
    queue.keep('pending:b', clip('disk'), ranges[1]!);
    queue.keep('pending:c', clip('fine'), ranges[2]!);
    const onRefused = vi.fn();
    const outcome = await queue.retry(
      async (c) => {
        if (c.highlight.text === 'too big') throw new Refused('Invalid length at clip.highlight.text');
        if (c.highlight.text === 'disk') throw new Error('The disk is full.');
        return stored(c);
      },
      () => {},
      { isPermanent: (error) => error instanceof Refused, onRefused },
    );
    expect(outcome).toEqual({
      saved: 1,
      problem: 'The disk is full.',
      refused: [{ clip: clip('too big'), reason: 'Invalid length at clip.highlight.text' }],
    });
    expect(onRefused.mock.calls).toEqual([['pending:a', outcome.refused[0], ranges[0]]]);
    // Only the clip that may still be saved stays: a retry never tries the refused one again.
    expect(queue.size).toBe(1);
    expect(queue.toMarkdown()).toBe('> disk\n\n— [Day 2](https://conf.example/day-2#:~:text=disk)');
  });

  it('copies the clips as Markdown quotes with their source, linked to the passage', () => {
    const queue = new UnsavedClips();
    queue.keep('pending:a', clip('One line'), range());
    queue.keep('pending:b', clip('Two\nlines', 'Day 3'), range());
    expect(queue.toMarkdown()).toBe(
      '> One line\n\n— [Day 2](https://conf.example/day-2#:~:text=One%20line)\n\n' +
        '> Two\n> lines\n\n— [Day 3](https://conf.example/day-2#:~:text=Two,lines)',
    );
  });

  it('keeps a note typed before the clip failed', () => {
    const queue = new UnsavedClips();
    const noted = clip('One line');
    noted.highlight.note = 'Ask about **this**';
    queue.keep('pending:a', noted, range());
    expect(queue.toMarkdown()).toBe(
      '> One line\n\n— [Day 2](https://conf.example/day-2#:~:text=One%20line)\n\nAsk about **this**',
    );
  });

  // A page writes its own title: in the copied Markdown it is text, whatever it holds (#14).
  it.each([
    ['[x](javascript:alert(1))', '\\[x\\](javascript:alert(1))'],
    ['[click](https://evil.example)', '\\[click\\](https://evil.example)'],
    ['<img src=x onerror=alert(1)>', '\\<img src=x onerror=alert(1)>'],
    ['`code` and ``` fences', '\\`code\\` and \\`\\`\\` fences'],
    ['Day 2\n# Heading\n---\n> quote', 'Day 2 # Heading --- > quote'],
    ['![beacon](https://evil.example/x.png)', '!\\[beacon\\](https://evil.example/x.png)'],
  ])('writes the page title %j as text: %s', (title, escaped) => {
    const queue = new UnsavedClips();
    queue.keep('pending:a', clip('One line', title), range());
    const markdown = queue.toMarkdown();
    expect(markdown).toBe(`> One line\n\n— [${escaped}](https://conf.example/day-2#:~:text=One%20line)`);
    // One line of source, one link: the one to the passage.
    expect(markdown.split('\n')).toHaveLength(3);
    expect(markdown.match(/(^|[^\\])\]\(/g)).toHaveLength(1);
    expect(markdown).not.toMatch(/(^|[^\\])<img/);
  });

  it('links no page that is not on the web, and keeps the passage inert', () => {
    const queue = new UnsavedClips();
    const hostile = clip('[x](javascript:alert(1)) <script>alert(1)</script>');
    hostile.page.url = 'javascript:alert(1)';
    queue.keep('pending:a', hostile, range());
    const markdown = queue.toMarkdown();
    expect(markdown).not.toContain('](javascript:');
    expect(markdown).not.toMatch(/(^|[^\\])<script/);
    expect(markdown.split('\n').at(-1)).toBe('— Day 2');
  });

  it('words any error', () => {
    expect(errorText(new Error('no room'))).toBe('no room');
    expect(errorText('refused')).toBe('refused');
  });
});
