/**
 * Markdown export options: what the reader chose last time, remembered in settings (`exportOptions`).
 * Read leniently: a field that is missing or invalid (an older or hand-edited value) takes its default
 * and the others are kept.
 */
import * as v from 'valibot';
import { LIMITS } from '../limits';

/** Sections of a Markdown export (not the dashboard's grouping, core/library/groups.ts `LibraryGroupBy`). */
export const EXPORT_GROUP_BY = ['talk', 'page', 'tag', 'none'] as const;
export type ExportGroupBy = (typeof EXPORT_GROUP_BY)[number];

export interface ExportOptions {
  /** Sections: one per talk (highlights without a talk under their page), per page, per tag, or none. */
  groupBy: ExportGroupBy;
  includeNotes: boolean;
  includeTags: boolean;
  /** Source lines link to the passage (text fragment URL); without, they name the page. */
  includeLinks: boolean;
  includeFrontMatter: boolean;
  /** Each highlight names who made it (`author`, #16): off unless the reader asks. */
  includeAuthor: boolean;
  /** Per-highlight template (see ./template.ts); empty for the default layout. */
  template: string;
}

export const DEFAULT_EXPORT_OPTIONS: ExportOptions = {
  groupBy: 'talk',
  includeNotes: true,
  includeTags: true,
  includeLinks: true,
  includeFrontMatter: true,
  includeAuthor: false,
  template: '',
};

const flag = (key: keyof ExportOptions) => v.fallback(v.boolean(), DEFAULT_EXPORT_OPTIONS[key] as boolean);

export const ExportOptionsSchema = v.fallback(
  v.object({
    groupBy: v.fallback(v.picklist(EXPORT_GROUP_BY), DEFAULT_EXPORT_OPTIONS.groupBy),
    includeNotes: flag('includeNotes'),
    includeTags: flag('includeTags'),
    includeLinks: flag('includeLinks'),
    includeFrontMatter: flag('includeFrontMatter'),
    includeAuthor: flag('includeAuthor'),
    template: v.fallback(v.pipe(v.string(), v.maxLength(LIMITS.template)), ''),
  }),
  DEFAULT_EXPORT_OPTIONS,
);

true satisfies [v.InferOutput<typeof ExportOptionsSchema>] extends [ExportOptions] ? true : never;
