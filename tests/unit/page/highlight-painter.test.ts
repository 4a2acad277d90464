import { beforeEach, describe, expect, it } from 'vitest';
import { extendsRange } from '@/page/highlight-painter';

// "was given by Jono Bacon on what it takes to incentivise communities" over two text nodes, so
// that ranges also cross an element boundary.
const FIRST = 'was given by Jono Bacon ';
const SECOND = 'on what it takes to incentivise communities';

function range(start: number, end: number): Range {
  const p = document.getElementById('p')!;
  const [a, b] = [p.firstChild as Text, p.lastChild!.firstChild as Text];
  const at = (offset: number): [Node, number] => (offset <= a.length ? [a, offset] : [b, offset - a.length]);
  const r = document.createRange();
  r.setStart(...at(start));
  r.setEnd(...at(end));
  return r;
}

describe('extendsRange (#17, item 2: when the toolbar offers Extend highlight)', () => {
  beforeEach(() => {
    document.body.innerHTML = `<p id="p">${FIRST}<em>${SECOND}</em></p>`;
  });

  const highlight = [13, 34] as const; // "Jono Bacon on what it"
  it.each([
    ['a selection reaching past its end', [24, 60], true],
    ['a selection reaching past its start', [0, 20], true],
    ['a selection around it', [4, 50], true],
    // Selecting the highlighted passage again, or part of it, extends nothing: an ordinary clip.
    ['the same passage selected again', [13, 34], false],
    ['a selection inside it', [18, 30], false],
    ['a selection inside it that shares its start', [13, 20], false],
    // Touching is not overlapping.
    ['a selection that ends where it starts', [0, 13], false],
    ['a selection that starts where it ends', [34, 50], false],
    ['a selection elsewhere', [40, 60], false],
  ])('%s: %s', (_label, span, expected) => {
    const [start, end] = span as [number, number];
    expect(range(...highlight).toString()).toBe('Jono Bacon on what it');
    expect(extendsRange(range(start, end), range(...highlight))).toBe(expected);
  });

  it('is false for a range of another document', () => {
    const other = document.implementation.createHTMLDocument('');
    other.body.textContent = 'elsewhere';
    const r = other.createRange();
    r.selectNodeContents(other.body);
    expect(extendsRange(r, range(...highlight))).toBe(false);
  });
});
