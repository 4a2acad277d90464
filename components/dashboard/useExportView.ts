import { useMemo } from 'preact/hooks';
import { type LibraryGroupBy, highlightsInView } from '@/core/library/groups';
import type { LibraryFilter } from '@/core/library/filters';
import type { CollectionRecord, HighlightRecord, PageRecord, TalkRecord } from '@/core/types';
import type { LibraryView } from './useLibraryView';

/**
 * What the dashboard shows, handed to the export slot (DashboardApp `renderExport`, by default
 * `<ExportControls title={view.title} highlights={view.target} />`): export takes "what is in view",
 * or the selection. Records are frozen (the live query's own): read, never mutate.
 */
export interface DashboardView {
  /** For the export's title and file name: the collection's name, else the filter in words. */
  title: string;
  /** The highlights shown after filters and search, in list order, each once. */
  highlights: readonly HighlightRecord[];
  /** The selected highlights: those shown in list order, then any the filters now hide. */
  selected: readonly HighlightRecord[];
  /** What an export should take: the selection when there is one, else everything shown. */
  target: readonly HighlightRecord[];
  pagesById: ReadonlyMap<string, PageRecord>;
  talksById: ReadonlyMap<string, TalkRecord>;
  /** The collection being viewed, if any. */
  collection: CollectionRecord | null;
  groupBy: LibraryGroupBy;
  filter: LibraryFilter;
  /** The filter in words, '' when nothing is filtered ("Search “rust” · tags: kernel"). */
  description: string;
}

interface Input {
  view: LibraryView | undefined;
  /** Selected highlights (index order) and their ids. */
  selected: readonly HighlightRecord[];
  selectedIds: ReadonlySet<string>;
  collection: CollectionRecord | null;
  groupBy: LibraryGroupBy;
  filter: LibraryFilter;
  description: string;
}

/** The view for the export slot; null until the library is loaded. */
export function useExportView(input: Input): DashboardView | null {
  const { view, selected, selectedIds, collection, groupBy, filter, description } = input;
  return useMemo(() => {
    if (!view) return null;
    const shown = highlightsInView(view.groups);
    let picked: HighlightRecord[] = [];
    if (selected.length) {
      const shownIds = new Set(shown.map((h) => h.id));
      picked = [
        ...shown.filter((h) => selectedIds.has(h.id)),
        ...selected.filter((h) => !shownIds.has(h.id)),
      ];
    }
    return {
      title: collection?.name ?? (description || 'Talk Notes library'),
      highlights: shown,
      selected: picked,
      target: picked.length ? picked : shown,
      pagesById: view.index.pagesById,
      talksById: view.index.talksById,
      collection,
      groupBy,
      filter,
      description,
    };
  }, [view?.groups, selected, collection, description]);
}
