/**
 * User settings kept in the `settings` table, each under its own key, with defaults and
 * validation (a setting read back from storage or a backup is untrusted like any input).
 */
import * as v from 'valibot';
import type { ColorNames } from './colors';
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions, ExportOptionsSchema } from './markdown/export-options';
import { LIMITS } from './limits';
import { type TalkRules, TalkRulesSchema } from './talks/rules';
import { HIGHLIGHT_COLORS, type HighlightColor } from './types';

export const ColorNamesSchema = v.pipe(
  v.record(v.picklist(HIGHLIGHT_COLORS), v.pipe(v.string(), v.maxLength(LIMITS.colorName))),
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
  /**
   * The colour the toolbar offers first for every new clip (#17, item 6): a colour picked for one clip
   * is that clip's only, the next starts from this again.
   */
  defaultColor: { schema: v.picklist(HIGHLIGHT_COLORS), defaultValue: 'yellow' as HighlightColor },
  /** What the reader taught talk detection, per site (core/talks/rules.ts): site -> rules. */
  talkRules: {
    schema: v.pipe(
      v.record(v.pipe(v.string(), v.maxLength(253)), TalkRulesSchema),
      v.check((rules) => Object.keys(rules).length <= 5000, 'too many sites'),
    ),
    defaultValue: {} as Record<string, TalkRules>,
  },
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
