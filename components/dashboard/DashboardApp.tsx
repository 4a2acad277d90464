import type { Rect } from '@tanstack/virtual-core';
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { libraryFacets } from '@/core/library/facets';
import {
  flattenGroups,
  type HighlightGroup,
  type LibraryGroupBy,
  type LibraryOrder,
} from '@/core/library/groups';
import { describeFilter } from '@/core/library/description';
import {
  collectionSizes,
  EMPTY_FILTER,
  isFiltered,
  type LibraryFilter,
  toSavedSearch,
} from '@/core/library/filters';
import { highlightsAt } from '@/core/library/library-index';
import { colorLabel } from '@/core/colors';
import { conferenceToMarkdown } from '@/core/markdown/conference-export';
import { DEFAULT_EXPORT_OPTIONS } from '@/core/markdown/export-options';
import { isLinkedTalk } from '@/core/schedule/resolve';
import type { ConferenceRecord, NotedKind, TalkRecord } from '@/core/types';
import type { TalkNotesDatabase } from '@/storage/db';
import { useBackup } from '../data/useBackup';
import { useImportedConferences, useScheduleImport } from '../data/useScheduleImport';
import { useLibraryActions } from '../data/useLibraryActions';
import { useLibraryData } from '../data/useLibraryData';
import { useMarkdownExport } from '../data/useMarkdownExport';
import { useStorageProblem } from '../data/useStorageProblem';
import { useSync } from '../data/useSync';
import { useSyncConflicts } from '../data/useSyncConflicts';
import { type Downloader, downloadFile, exportFileName } from '../download';
import { ExportControls } from '../ExportControls';
import { DeleteAllData } from './DeleteAllData';
import { BackupControls } from './BackupControls';
import { DashboardBulkBar } from './DashboardBulkBar';
import { DashboardCollections } from './DashboardCollections';
import { DashboardFilters } from './DashboardFilters';
import { DashboardList } from './DashboardList';
import { DashboardShortcuts } from './DashboardShortcuts';
import { DashboardMergeDialog } from './DashboardMergeDialog';
import { DashboardToolbar } from './DashboardToolbar';
import { ScheduleImportControls } from './ScheduleImportDialog';
import { SyncConflicts } from './SyncConflicts';
import { SyncControls } from './SyncPanel';
import { DashboardToasts } from './DashboardToasts';
import { type DashboardView, useExportView } from './useExportView';
import { useIdleValue } from './useIdleValue';
import { useLibraryView } from './useLibraryView';
import { useMediaQuery } from './useMediaQuery';
import { useSelection } from './useSelection';
import { useToasts } from './useToasts';
import { NotifyContext } from '../notify';

export type { DashboardView } from './useExportView';

interface Props {
  /** The library: only the container hooks (components/data/) read and write it. */
  db: TalkNotesDatabase;
  /** Tells open tabs that the highlights of these pages changed (messaging/client.ts). */
  onHighlightsChanged?: (urls: readonly string[]) => void;
  /** Hands a note's text to the background on every keystroke (messaging/note-drafts.ts); written here without. */
  handOverNote?: (id: string, note: string, kind?: NotedKind) => void;
  /** Export slot in the toolbar; `<ExportControls>` for the current view by default (tests look at the view). */
  renderExport?: (view: DashboardView) => ComponentChildren;
  /** Backup slot in the header; `<BackupControls>` by default. */
  renderBackup?: () => ComponentChildren;
  /** Test seam: the list's viewport where layout is not computed (jsdom). */
  listViewport?: Rect;
  /** Saves a conference's Markdown file; a Blob download by default. */
  download?: Downloader;
  now?: () => number;
  /** The extension's version: Web Annotation export names it as the generator. */
  version?: string;
}

const NO_ROWS = flattenGroups([]);
/** Where the dashboard stacks into one column (dashboard.css has the same width). */
const NARROW = '(max-width: 760px)';
/** The benchmark measures first render from `talk-notes:dashboard-data` to this mark. */
const markRendered = () => performance.mark('talk-notes:dashboard-rendered');
const ignore = () => {};
const NUMBER = new Intl.NumberFormat();
const plural = (n: number, word = 'highlight') => `${NUMBER.format(n)} ${word}${n === 1 ? '' : 's'}`;

/** The Conferences view's status: conferences, talks listed (how many read about) and their highlights. */
function conferenceSummary(groups: readonly HighlightGroup[], highlights: number): string {
  let conferences = 0;
  let talks = 0;
  let read = 0;
  for (const g of groups) {
    if (g.schedule?.level === 'conference') conferences++;
    else if (g.schedule?.level === 'talk') {
      talks++;
      if (g.highlights.length) read++;
    }
  }
  return `${plural(conferences, 'conference')}: ${plural(talks, 'talk')}, ${NUMBER.format(read)} read about, ${plural(highlights)}`;
}

/**
 * The library: every highlight, grouped by talk (or page, tag, day), filtered, searched as you
 * type, edited inline and in bulk, gathered into collections; live, whoever changes the data.
 * The dashboard's root: it takes the database to the container hooks (components/data/) and hands
 * every other component data and callbacks.
 */
export function DashboardApp({
  db,
  onHighlightsChanged = ignore,
  handOverNote,
  renderExport,
  renderBackup,
  listViewport,
  download = downloadFile,
  now = Date.now,
  version,
}: Props) {
  const records = useLibraryData(db);
  const [filter, setFilter] = useState<LibraryFilter>(EMPTY_FILTER);
  const [groupBy, setGroupBy] = useState<LibraryGroupBy>('talk');
  const [order, setOrder] = useState<LibraryOrder>('page');
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [editingKey, setEditingKey] = useState<string | null>(null);
  const [mergeTarget, setMergeTarget] = useState<TalkRecord | null>(null);
  const { toasts, notify, dismiss } = useToasts();
  const setError = useCallback((message: string) => notify({ message, kind: 'error' }), [notify]);
  const storageProblem = useStorageProblem(db);
  const searchRef = useRef<HTMLInputElement>(null);
  const [showShortcuts, setShowShortcuts] = useState(false);
  // At 760 px and below the page is one scroll (header, filters, list), the filters behind a button.
  const narrow = useMediaQuery(NARROW);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const pageRef = useRef<HTMLDivElement>(null);
  const pageScroll = useCallback(() => pageRef.current, []);

  const view = useLibraryView(records, filter, groupBy, collapsed, order);
  const selection = useSelection(view?.rows ?? NO_ROWS);
  const actions = useLibraryActions({ db, onHighlightsChanged, onError: setError, now, handOverNote });
  const exporter = useMarkdownExport(db);
  const backup = useBackup(db, onHighlightsChanged);
  const scheduleImporter = useScheduleImport(db, onHighlightsChanged);
  const importedConferences = useImportedConferences(db);
  const sync = useSync(db);
  const syncConflicts = useSyncConflicts(db);
  const changeFilter = useCallback(
    (changes: Partial<LibraryFilter>) => setFilter((f) => ({ ...f, ...changes })),
    [],
  );

  const index = view?.index;
  const colorNames = records?.colorNames ?? {};
  const collections = records?.collections ?? [];
  const activeCollection = collections.find((c) => c.id === filter.collectionId) ?? null;
  const fixedSets = useMemo(() => collections.filter((c) => !c.search), [collections]);
  const talks = records?.talks ?? [];
  // Talk pickers offer a conference talk, not the page talks linked to it (core/schedule/resolve.ts).
  const pickableTalks = useMemo(
    () => (index ? talks.filter((t) => !isLinkedTalk(t, index.talksById)) : talks),
    [talks, index],
  );
  // Counts for the sidebar are computed when idle after the list renders (not needed to paint it).
  const facets = useIdleValue(() => index && libraryFacets(index), [index]);
  // A fixed set counts its highlights that still exist; a saved search what matches it now.
  const sizes = useIdleValue(() => index && collectionSizes(index, collections), [collections, index]);
  const allTags = useMemo(() => facets?.tags.map((t) => t.value) ?? [], [facets]);

  const selected = useMemo(
    () => (selection.ids.size && index ? index.highlights.filter((h) => selection.ids.has(h.id)) : []),
    [selection.ids, index],
  );
  const hiddenSelected = useMemo(() => {
    if (!view || !selected.length) return 0;
    let shown = 0;
    for (const slot of view.slots) if (selection.ids.has(view.index.highlights[slot]!.id)) shown++;
    return selected.length - shown;
  }, [view?.slots, selected]);

  const describe = () =>
    describeFilter(filter, {
      talkTitle: (id) => index?.talksById.get(id)?.title,
      colorLabel: (color) => colorLabel(color, colorNames),
      collectionName: (id) => collections.find((c) => c.id === id)?.name,
      conferenceTitle: (id) => index?.conferencesById.get(id)?.title,
    });
  const resultIds = () => (view ? highlightsAt(view.index, view.slots).map((h) => h.id) : []);

  const deleteHighlights = useCallback(
    async (ids: string[]) => {
      const deleted = await actions.deleteHighlights(ids);
      if (!deleted.length) return;
      selection.clear(ids);
      let undone = false;
      notify({
        message: `Deleted ${plural(deleted.length)}`,
        undo: async () => {
          if (undone) return;
          undone = true;
          if (await actions.restoreHighlights(deleted))
            notify({ message: `Restored ${plural(deleted.length)}` });
        },
      });
    },
    [actions, selection.clear, notify],
  );

  // "/" jumps to the search box, as on many sites; "?" shows the keyboard shortcuts.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const inField =
        e.target instanceof HTMLElement && e.target.closest('input, textarea, select, [role=dialog]');
      if (inField || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === '/') {
        e.preventDefault();
        searchRef.current?.focus();
      } else if (e.key === '?') {
        e.preventDefault();
        setShowShortcuts(true);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const exportView = useExportView({
    view,
    selected,
    selectedIds: selection.ids,
    collection: activeCollection,
    groupBy,
    filter,
    description: describe(),
  });

  // The sidebar does not depend on the query: keep its vnode while typing (Preact skips it).
  const { query: _query, ...criteria } = filter;
  const criteriaKey = JSON.stringify(criteria);
  const filtersPanel = useMemo(
    () =>
      view &&
      facets && (
        <DashboardFilters
          filter={filter}
          onChange={changeFilter}
          onClear={() => setFilter({ ...EMPTY_FILTER, collectionId: filter.collectionId })}
          facets={facets}
          colorNames={colorNames}
          talks={pickableTalks}
          talksById={view.index.talksById}
          pagesById={view.index.pagesById}
          conferencesById={view.index.conferencesById}
          filtered={isFiltered({ ...filter, query: '', collectionId: null })}
          now={now}
        />
      ),
    [criteriaKey, facets, colorNames, pickableTalks, view?.index],
  );

  if (!records || !view) {
    // A database that cannot open never loads: say why instead of loading forever.
    return (
      <main class="dash dash-loading">
        <h1>Talk Notes library</h1>
        {storageProblem ? (
          <p role="alert" class="dash-error">
            {storageProblem}
          </p>
        ) : (
          <p aria-busy="true">Loading…</p>
        )}
      </main>
    );
  }

  const total = view.index.highlights.length;
  const filtered = isFiltered(filter);
  const summary =
    groupBy === 'conference'
      ? conferenceSummary(view.groups, view.slots.length)
      : filtered
        ? `${NUMBER.format(view.slots.length)} of ${plural(total)}, from ${NUMBER.format(view.resultPages)} of ${plural(view.index.postCount, 'page')}`
        : `${plural(total)} from ${plural(view.index.postCount, 'page')}`;

  // A conference as one Markdown file: its passages in view, in schedule order (core/markdown/conference-export.ts).
  const exportConference = (conference: ConferenceRecord) => {
    const highlights = view.groups
      .filter((g) => g.schedule?.level === 'talk' && g.schedule.conference.id === conference.id)
      .flatMap((g) => g.highlights);
    try {
      const at = now();
      const text = conferenceToMarkdown({
        conference,
        highlights,
        pages: records.pages,
        talks: records.talks,
        conferences: records.conferences,
        colorNames,
        options: exporter.options ?? DEFAULT_EXPORT_OPTIONS,
        exportedAt: at,
      });
      download({
        name: exportFileName(conference.title, 'md', at),
        type: 'text/markdown;charset=utf-8',
        text,
      });
      notify({ message: `Exported ${plural(highlights.length)} of “${conference.title}” to Markdown` });
    } catch (e) {
      setError(`Could not export “${conference.title}”: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const page = (
    <div class="dash" ref={pageRef}>
      {/* First in the Tab order: past the header, filters and toolbar, to the list's current row. */}
      <a class="dash-skip-link" href="#results">
        Skip to results
      </a>
      <header class="dash-header">
        <div>
          <h1>Talk Notes library</h1>
          {/* Named: the toasts are a status region too. */}
          <p role="status" aria-label="Library summary">
            {summary}
          </p>
        </div>
        {/* Backup slot: <BackupControls> (mounted by the entrypoint through renderBackup). */}
        <div class="backup-slot">
          <ScheduleImportControls importer={scheduleImporter} conferences={importedConferences} />
          <SyncControls controller={sync.controller} state={sync.state} onState={sync.setState} now={now} />
          {renderBackup ? renderBackup() : <BackupControls backup={backup} version={version} />}
          <DeleteAllData backup={backup} onDeleted={(message) => notify({ message })} />
          <button type="button" aria-haspopup="dialog" onClick={() => setShowShortcuts(true)}>
            Keyboard shortcuts
          </button>
        </div>
      </header>
      {storageProblem && (
        <p role="alert" class="dash-error">
          {storageProblem}
        </p>
      )}
      <div class="dash-body">
        {narrow && (
          <button
            type="button"
            class="dash-filters-toggle"
            aria-expanded={filtersOpen}
            aria-controls="dash-sidebar"
            onClick={() => setFiltersOpen(!filtersOpen)}
          >
            Filters{isFiltered({ ...filter, query: '' }) ? ' (on)' : ''}
          </button>
        )}
        <aside
          id="dash-sidebar"
          class="dash-sidebar"
          aria-label="Filters and collections"
          hidden={narrow && !filtersOpen}
        >
          {filtersPanel ?? <p aria-busy="true">Loading filters…</p>}
          <DashboardCollections
            collections={collections}
            sizes={sizes}
            activeId={filter.collectionId}
            onOpen={(collectionId) => changeFilter({ collectionId })}
            actions={actions}
            resultCount={view.slots.length}
            filterDescription={describe()}
            resultIds={resultIds}
            currentSearch={() => toSavedSearch(filter)}
            now={now}
          />
        </aside>
        <main class="dash-main">
          <DashboardToolbar
            query={filter.query}
            onQuery={(query) => changeFilter({ query })}
            groupBy={groupBy}
            onGroupBy={setGroupBy}
            order={order}
            onOrder={setOrder}
            resultCount={view.slots.length}
            onSelectAll={() => selection.selectAll(resultIds())}
            onCollapseAll={(all) => setCollapsed(new Set(all ? view.groups.map((g) => g.key) : []))}
            searchRef={searchRef}
            exportSlot={
              exportView &&
              (renderExport ? (
                renderExport(exportView)
              ) : (
                // Exports what is in view: the selection if there is one, else the filtered list.
                <ExportControls exporter={exporter} title={exportView.title} highlights={exportView.target} />
              ))
            }
          />
          {syncConflicts && <SyncConflicts conflicts={syncConflicts} />}
          {activeCollection && (
            <div class="dash-collection-head">
              <h2>{activeCollection.name}</h2>
              {activeCollection.description && <p>{activeCollection.description}</p>}
            </div>
          )}
          {selected.length > 0 && (
            <DashboardBulkBar
              selected={selected}
              hidden={hiddenSelected}
              // Highlights are added to and taken out of fixed sets only: a saved search holds what matches.
              collections={fixedSets}
              activeCollection={activeCollection?.search ? null : activeCollection}
              talks={pickableTalks}
              pagesById={view.index.pagesById}
              conferencesById={view.index.conferencesById}
              actions={actions}
              colorNames={colorNames}
              onDelete={deleteHighlights}
              onClear={() => selection.clear()}
              onNotice={(message) => notify({ message })}
            />
          )}
          <DashboardList
            scrollParent={narrow ? pageScroll : undefined}
            view={view}
            colorNames={colorNames}
            selection={selection}
            allTags={allTags}
            actions={actions}
            editingKey={editingKey}
            onEdit={setEditingKey}
            onDelete={deleteHighlights}
            onToggleCollapse={(key) => {
              const next = new Set(collapsed);
              if (next.has(key)) next.delete(key);
              else next.add(key);
              setCollapsed(next);
            }}
            onFilterTalk={(talk) =>
              changeFilter({
                talkIds: filter.talkIds.includes(talk.id) ? filter.talkIds : [...filter.talkIds, talk.id],
              })
            }
            onMergeTalk={setMergeTarget}
            onExportConference={exportConference}
            onSelectAll={() => selection.selectAll(resultIds())}
            fallbackRect={listViewport}
            onFirstRows={markRendered}
            empty={
              groupBy === 'conference' && records.conferences.length === 0 ? (
                <p>
                  No conference schedules yet. Import a conference’s schedule to see its talks here, the ones
                  you have read about and the ones you have not.
                </p>
              ) : total === 0 && groupBy !== 'conference' ? (
                <p>No highlights yet. Select a passage on a conference write-up and click Highlight.</p>
              ) : (
                <p>
                  No highlights match.{' '}
                  <button type="button" onClick={() => setFilter(EMPTY_FILTER)}>
                    Clear search and filters
                  </button>
                </p>
              )
            }
          />
        </main>
      </div>
      <DashboardToasts toasts={toasts} onDismiss={dismiss} />
      {showShortcuts && <DashboardShortcuts onClose={() => setShowShortcuts(false)} />}
      {mergeTarget && (
        <DashboardMergeDialog
          target={mergeTarget}
          // Only write-ups' talks merge: a conference talk is the schedule's (a merge deletes the others).
          talks={talks.filter((t) => t.pageId !== null)}
          pagesById={view.index.pagesById}
          countOf={(id) => facets?.talkCounts.get(id) ?? 0}
          onMerge={async (others) => {
            const merged = await actions.mergeTalks(mergeTarget.id, others);
            if (merged)
              notify({ message: `Merged ${plural(others.length, 'talk')} into “${mergeTarget.title}”` });
            return merged;
          }}
          onClose={() => setMergeTarget(null)}
        />
      )}
    </div>
  );
  // Messages of the controls inside (export, backup) go to the toasts (components/notify.ts).
  return <NotifyContext.Provider value={notify}>{page}</NotifyContext.Provider>;
}
