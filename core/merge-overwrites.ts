/**
 * What a backup import would overwrite of the reader's own records (#14, finding 7): the merge plan's
 * updates (core/merge.ts: a backup record newer than the library's, and different), named so the
 * reader can recognise them, and a plan that keeps the library's records where the reader said so.
 * An import asks before it overwrites; a backup that only adds records asks nothing.
 */
import type { MergePlan, TablePlan } from './merge';
import type { LibraryMatches } from './merge';

/** Tables whose records an import can overwrite (settings never are: the library's value stays). */
export const OVERWRITTEN_TABLES = ['highlights', 'talks', 'pages', 'conferences', 'collections'] as const;
export type OverwrittenTable = (typeof OVERWRITTEN_TABLES)[number];

/** One library record the import would replace with the backup's newer version. */
export interface Overwrite {
  table: OverwrittenTable;
  id: string;
  /** How the reader knows it: a highlight's passage, a page's, talk's or conference's title, a collection's name. */
  label: string;
}

/** Longest label kept: a passage is recognised by its start. */
const LABEL_CHARS = 120;

/** The key of an overwrite in a set of approved ones. */
export const overwriteKey = (o: Pick<Overwrite, 'table' | 'id'>) => `${o.table}:${o.id}`;

/**
 * The library records `plan` would overwrite, in table order (highlights first: the reader's notes),
 * each named by the library's version, the one that would be lost.
 */
export function listOverwrites(plan: MergePlan, library: LibraryMatches): Overwrite[] {
  const named = {
    highlights: (id: string) => library.highlights.find((h) => h.id === id)?.text,
    talks: (id: string) => library.talks.find((t) => t.id === id)?.title,
    pages: (id: string) => {
      const page = library.pages.find((p) => p.id === id);
      return page && (page.title.trim() || page.url);
    },
    conferences: (id: string) => library.conferences.find((c) => c.id === id)?.title,
    collections: (id: string) => library.collections.find((c) => c.id === id)?.name,
  } satisfies Record<OverwrittenTable, (id: string) => string | undefined>;
  return OVERWRITTEN_TABLES.flatMap((table) =>
    (plan[table] as TablePlan<{ id: string }>).update.map(({ id }) => ({
      table,
      id,
      label: shorten(named[table](id) ?? id),
    })),
  );
}

/**
 * The plan with only the approved overwrites left: every other update becomes a skip, so the
 * library's record stays as it is. Additions are untouched.
 */
export function keepApproved(plan: MergePlan, approved: ReadonlySet<string>): MergePlan {
  const next: MergePlan = { ...plan };
  for (const table of OVERWRITTEN_TABLES) {
    const tablePlan = plan[table] as TablePlan<{ id: string }>;
    const update = tablePlan.update.filter(({ id }) => approved.has(overwriteKey({ table, id })));
    if (update.length === tablePlan.update.length) continue;
    const kept = tablePlan.update.filter(({ id }) => !approved.has(overwriteKey({ table, id })));
    (next as unknown as Record<OverwrittenTable, TablePlan<{ id: string }>>)[table] = {
      add: tablePlan.add,
      update,
      skip: [...tablePlan.skip, ...kept.map(({ id }) => id)],
    };
  }
  return next;
}

function shorten(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > LABEL_CHARS ? `${line.slice(0, LABEL_CHARS - 1).trimEnd()}…` : line;
}
