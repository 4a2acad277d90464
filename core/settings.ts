/**
 * User settings kept in the `settings` table, each under its own key, with defaults and
 * validation (a setting read back from storage or a backup is untrusted like any input).
 */
import * as v from 'valibot';
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions, ExportOptionsSchema } from './export-options';
import { HIGHLIGHT_COLORS, type HighlightColor } from './types';

/** What each colour means to the reader ("key idea", "question"); empty means unnamed. */
export type ColorNames = Partial<Record<HighlightColor, string>>;

export const ColorNamesSchema = v.pipe(
  v.record(v.picklist(HIGHLIGHT_COLORS), v.pipe(v.string(), v.maxLength(60))),
  v.transform((names) => {
    const clean: ColorNames = {};
    for (const color of HIGHLIGHT_COLORS) {
      const name = names[color]?.trim();
      if (name) clean[color] = name;
    }
    return clean;
  }),
);

/** Every setting: its key, schema and default. */
export const SETTINGS = {
  colorNames: { schema: ColorNamesSchema, defaultValue: {} as ColorNames },
  /** The Markdown export's options, as the reader last set them. */
  exportOptions: { schema: ExportOptionsSchema, defaultValue: DEFAULT_EXPORT_OPTIONS as ExportOptions },
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = (typeof SETTINGS)[K]['defaultValue'];

/** A stored value if it is valid, else the default (never throws on bad stored data). */
export function parseSetting<K extends SettingKey>(key: K, stored: unknown): SettingValue<K> {
  const result = v.safeParse(SETTINGS[key].schema, stored);
  return result.success ? (result.output as SettingValue<K>) : SETTINGS[key].defaultValue;
}

/** The label a colour shows with: the reader's name for it, else the colour itself. */
export function colorLabel(color: HighlightColor, names: ColorNames): string {
  return names[color] ?? color[0]!.toUpperCase() + color.slice(1);
}
