/**
 * The highlight palette, in one place: each colour's label, the swatch extension pages and the in-page
 * toolbar show, and the translucent paint highlights are drawn with in web pages (readable on light
 * and dark pages alike: the text colour is left untouched).
 */
import { HIGHLIGHT_COLORS, type HighlightColor } from './types';

/** What each colour means to the reader ("key idea", "question"); empty means unnamed. */
export type ColorNames = Partial<Record<HighlightColor, string>>;

interface PaletteEntry {
  label: string;
  /** Red, green, blue (0-255). */
  rgb: readonly [number, number, number];
  /** Opacity of the paint drawn over page text. */
  paintAlpha: number;
}

const PALETTE: Record<HighlightColor, PaletteEntry> = {
  yellow: { label: 'Yellow', rgb: [255, 214, 0], paintAlpha: 0.45 },
  green: { label: 'Green', rgb: [76, 217, 100], paintAlpha: 0.38 },
  blue: { label: 'Blue', rgb: [90, 170, 255], paintAlpha: 0.38 },
  pink: { label: 'Pink', rgb: [255, 105, 180], paintAlpha: 0.35 },
  purple: { label: 'Purple', rgb: [175, 120, 255], paintAlpha: 0.38 },
};

function byColor(value: (entry: PaletteEntry) => string): Record<HighlightColor, string> {
  return Object.fromEntries(HIGHLIGHT_COLORS.map((c) => [c, value(PALETTE[c])])) as Record<
    HighlightColor,
    string
  >;
}

const hex = (n: number) => n.toString(16).padStart(2, '0');

/** The colour's own name: `Yellow`, `Green`, ... (accessible names of the colour choices). */
export const COLOR_LABELS = byColor((e) => e.label);

/** Opaque swatch colours (`#ffd600`): colour dots, swatches and borders in extension pages and the toolbar. */
export const COLOR_SWATCHES = byColor((e) => `#${e.rgb.map(hex).join('')}`);

/** Translucent paint for `::highlight(talk-notes-<colour>)` in web pages (`rgba(255, 214, 0, 0.45)`). */
export const COLOR_PAINT = byColor((e) => `rgba(${e.rgb.join(', ')}, ${e.paintAlpha})`);

/** The label a colour shows with: the reader's name for it, else the colour's own name. */
export function colorLabel(color: HighlightColor, names: ColorNames = {}): string {
  return names[color] ?? COLOR_LABELS[color];
}
