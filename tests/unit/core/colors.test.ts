// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { COLOR_LABELS, COLOR_PAINT, COLOR_SWATCHES, colorLabel } from '@/core/colors';
import { HIGHLIGHT_COLORS } from '@/core/types';

describe('the palette', () => {
  // The swatch and the paint are one colour: the paint is the swatch made translucent.
  it.each([
    ['yellow', 'Yellow', '#ffd600', 'rgba(255, 214, 0, 0.45)'],
    ['green', 'Green', '#4cd964', 'rgba(76, 217, 100, 0.38)'],
    ['blue', 'Blue', '#5aaaff', 'rgba(90, 170, 255, 0.38)'],
    ['pink', 'Pink', '#ff69b4', 'rgba(255, 105, 180, 0.35)'],
    ['purple', 'Purple', '#af78ff', 'rgba(175, 120, 255, 0.38)'],
  ] as const)('%s: label %s, swatch %s, paint %s', (color, label, swatch, paint) => {
    expect(COLOR_LABELS[color]).toBe(label);
    expect(COLOR_SWATCHES[color]).toBe(swatch);
    expect(COLOR_PAINT[color]).toBe(paint);
  });

  it('covers every highlight colour', () => {
    for (const table of [COLOR_LABELS, COLOR_SWATCHES, COLOR_PAINT]) {
      expect(Object.keys(table)).toEqual([...HIGHLIGHT_COLORS]);
    }
  });

  it('labels a colour with the reader’s name for it, else its own', () => {
    expect(colorLabel('green', { green: 'Key idea' })).toBe('Key idea');
    expect(colorLabel('green', { yellow: 'Question' })).toBe('Green');
    expect(colorLabel('pink')).toBe('Pink');
  });
});
