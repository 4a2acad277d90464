// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { placeToolbar, TOOLBAR_GAP } from '@/page/toolbar-placement';

const size = { width: 300, height: 32 };
const viewport = { width: 1000, height: 700 };
const line = (top: number, left = 100) => ({ top, bottom: top + 20, left });

describe('placeToolbar (#17, item 6)', () => {
  it.each([
    ['a one-line selection mid-page', line(300), line(300), { top: 300 - 32 - TOOLBAR_GAP, side: 'above' }],
    ['a three-line selection', line(300), line(354), { top: 300 - 32 - TOOLBAR_GAP, side: 'above' }],
    ['just enough room above', line(38), line(38), { top: 0, side: 'above' }],
    // No room above: below the line after the last one (27 px apart), which it must not cover either.
    [
      'a selection at the top of the viewport',
      line(2),
      line(2),
      { top: 2 + 20 + 27 + TOOLBAR_GAP, side: 'below' },
    ],
    [
      'a selection scrolled partly out of view',
      line(-40),
      line(14),
      { top: 14 + 20 + 27 + TOOLBAR_GAP, side: 'below' },
    ],
  ])('%s', (_label, first, last, expected) => {
    expect(placeToolbar(first, last, 27, size, viewport)).toMatchObject(expected);
  });

  it('never covers the selected lines or the next one', () => {
    for (let top = -60; top < 700; top += 7) {
      for (const lines of [1, 2, 4]) {
        const first = line(top);
        const last = line(top + (lines - 1) * 27);
        const at = placeToolbar(first, last, 27, size, viewport);
        const bottom = at.top + size.height;
        const nextLine = { top: last.top + 27, bottom: last.bottom + 27 };
        expect(bottom <= first.top || at.top >= nextLine.bottom).toBe(true);
      }
    }
  });

  it.each([
    // A small frame, 120 px high, its text at the top: no room above or past the next line.
    [
      'under the selection when the next line has the only room',
      line(10),
      line(37),
      120,
      37 + 20 + TOOLBAR_GAP,
    ],
    ['at the viewport’s bottom when the selection fills it', line(4), line(90), 120, 120 - 32],
    ['at the viewport’s bottom when the selection runs past it', line(2), line(900), 700, 700 - 32],
  ])('stays in a short viewport: %s', (_label, first, last, height, top) => {
    const at = placeToolbar(first, last, 27, size, { width: 1000, height });
    expect(at).toMatchObject({ top, side: 'below' });
    expect(at.top).toBeGreaterThanOrEqual(0);
    expect(at.top + size.height).toBeLessThanOrEqual(height);
  });

  it('stays inside the viewport sideways', () => {
    expect(placeToolbar(line(300, 900), line(300, 900), 27, size, viewport).left).toBe(1000 - 300 - 8);
    expect(placeToolbar(line(300, -20), line(300, -20), 27, size, viewport).left).toBe(8);
  });
});
