/**
 * User settings kept in the `settings` table, each under its own key, with defaults and
 * validation (a setting read back from storage or a backup is untrusted like any input).
 */
import * as v from 'valibot';
import type { ColorNames } from './colors';
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions, ExportOptionsSchema } from './markdown/export-options';
import { LIMITS } from './limits';
import { HttpUrlSchema } from './schemas';
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

/**
 * A page the reader linked to a post shown elsewhere (#18: a moved post, a syndicated copy on another
 * site), or said is not that post (`linked: false`: it is not offered again).
 */
export const PostLinkSchema = v.object({ post: HttpUrlSchema, linked: v.boolean() });
export type PostLink = v.InferOutput<typeof PostLinkSchema>;
/** At most this many pages linked or refused (the oldest answers go first beyond it). */
export const MAX_POST_LINKS = 5000;

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
  /**
   * The reader's answers to "This looks like the post you highlighted on …" (#18), by page address:
   * a page linked to a post draws its highlights and files its clips under it; a refused one is not
   * asked about again.
   */
  postLinks: {
    schema: v.pipe(
      v.record(v.pipe(v.string(), v.maxLength(LIMITS.url)), PostLinkSchema),
      v.check((links) => Object.keys(links).length <= MAX_POST_LINKS, 'too many linked pages'),
    ),
    defaultValue: {} as Record<string, PostLink>,
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
