import type { Rect } from '@tanstack/virtual-core';
import type { ComponentChildren } from 'preact';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { findRowIndex, type HighlightGroup, type LibraryRow, rowAt, rowKey } from '@/core/library/groups';
import { siteOf } from '@/core/library/library-index';
import type { ColorNames } from '@/core/colors';
import { noteOf, tagsOf } from '@/core/record-notes';
import { isOffered, resolveHighlightTalk } from '@/core/schedule/resolve';
import type { ConferenceRecord, HighlightRecord, TalkRecord } from '@/core/types';
import { RecordNotesEditor } from '../RecordNotesEditor';
import { DashboardEditor } from './DashboardEditor';
import { DashboardGroupHeader } from './DashboardGroupHeader';
import { DashboardHighlight, type SharedContext } from './DashboardHighlight';
import { DashboardRowBoundary } from './DashboardRowBoundary';
import { DashboardScheduleRow } from './DashboardScheduleRow';
import type { LibraryActions } from '../data/useLibraryActions';
import type { LibraryView } from './useLibraryView';
import type { Selection } from './useSelection';
import { useVirtualizer } from './useVirtualizer';

interface Props {
  /**
   * The element that scrolls the list when it is not the list itself: on narrow windows the whole
   * page is one scroll, and the list is a part of it.
   */
  scrollParent?: () => HTMLElement | null;
  view: LibraryView;
  colorNames: ColorNames;
  selection: Selection;
  allTags: readonly string[];
  actions: LibraryActions;
  /** Row key of the highlight being edited inline. */
  editingKey: string | null;
  onEdit: (rowKey: string | null) => void;
  onDelete: (ids: string[]) => void;
  onToggleCollapse: (groupKey: string) => void;
  onFilterTalk: (talk: TalkRecord) => void;
  onMergeTalk: (talk: TalkRecord) => void;
  /** The Conferences view: a conference's `Export Markdown`. */
  onExportConference?: (conference: ConferenceRecord) => void;
  /** Ctrl/Cmd+A in the list. */
  onSelectAll: () => void;
  /** Shown instead of rows when there are none. */
  empty: ComponentChildren;
  /** See useVirtualizer: a viewport size for environments without layout. */
  fallbackRect?: Rect;
  /** Called once, after the first commit that shows rows (or the empty message). */
  onFirstRows?: () => void;
}

const PAGE_STEP = 10;

/**
 * The results as one virtualized list of group headers and highlights: only rows near the
 * viewport are in the DOM. Keyboard: ↑/↓ (or j/k), Page Up/Down, Home/End move between rows;
 * Space selects (Shift+Space a range), Enter edits (or folds a group), Delete deletes, Escape
 * clears the selection, Ctrl+A selects every result.
 */
export function DashboardList(props: Props) {
  const { view, selection, editingKey } = props;
  const { rows } = view;
  const scrollRef = useRef<HTMLElement>(null);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const focusRequest = useRef<number | null>(null);

  const inRange = (index: number) => index >= 0 && index < rows.length;
  const keyOf = (index: number) => rowKey(rows, index);
  const activeIndex = useMemo(() => Math.max(0, findRowIndex(rows, activeKey)), [rows, activeKey]);
  const editingIndex = useMemo(() => findRowIndex(rows, editingKey), [rows, editingKey]);
  const positions = useMemo(() => {
    // aria-posinset of each highlight row: its place among the highlight rows.
    const out = new Int32Array(rows.length);
    let n = 0;
    for (let i = 0; i < rows.length; i++) if (rows.item[i]! >= 0) out[i] = ++n;
    return { of: out, total: n };
  }, [rows]);

  // Stable per `rows`: the virtualizer re-measures every row when these functions change.
  const estimateSize = useCallback(
    (i: number) => estimateRow(rows.item[i]!, rows.groups[rows.group[i]!]),
    [rows],
  );
  const getItemKey = useCallback((i: number) => (i >= 0 && i < rows.length ? rowKey(rows, i) : i), [rows]);
  const { scrollParent } = props;
  const getScrollElement = useCallback(() => scrollParent?.() ?? scrollRef.current, [scrollParent]);
  // In a page that scrolls, rows start where the list starts (below the header, filters, toolbar).
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    const outer = scrollParent?.();
    const list = scrollRef.current;
    const margin =
      outer && list
        ? Math.round(list.getBoundingClientRect().top - outer.getBoundingClientRect().top + outer.scrollTop)
        : 0;
    if (margin !== scrollMargin) setScrollMargin(margin);
  });
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement,
    estimateSize,
    getItemKey,
    keepMounted: [activeIndex, editingIndex],
    scrollMargin,
    fallbackRect: props.fallbackRect,
  });

  const focusRow = (index: number) => {
    const target = Math.max(0, Math.min(rows.length - 1, index));
    setActiveKey(inRange(target) ? keyOf(target) : null);
    focusRequest.current = target;
    virtualizer.scrollToIndex(target, { align: 'auto' });
  };

  const shown = virtualizer.getVirtualItems().length > 0 || rows.length === 0;
  const firstRows = useRef(false);
  useLayoutEffect(() => {
    if (shown && !firstRows.current) {
      firstRows.current = true;
      props.onFirstRows?.();
    }
  });

  useLayoutEffect(() => {
    const index = focusRequest.current;
    if (index === null) return;
    const element = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"] > [tabindex]`);
    if (element) {
      focusRequest.current = null;
      element.focus({ preventScroll: true });
    }
  });

  const toggleRow = (row: LibraryRow, index: number, range: boolean) => {
    if (row.kind === 'group') props.onToggleCollapse(row.group.key);
    else if (range) selection.extendTo(index);
    else selection.toggle(row.highlight.id, index);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    const wrapper = target.parentElement;
    // Only keys pressed on a row itself: inner buttons, links and fields keep their keys.
    if (!wrapper?.hasAttribute('data-index') || !target.hasAttribute('tabindex')) return;
    const index = Number(wrapper.dataset.index);
    const row = rowAt(rows, index);
    if (!row) return;
    const key = e.key;
    if (key === 'ArrowDown' || key === 'j') focusRow(index + 1);
    else if (key === 'ArrowUp' || key === 'k') focusRow(index - 1);
    else if (key === 'PageDown') focusRow(index + PAGE_STEP);
    else if (key === 'PageUp') focusRow(index - PAGE_STEP);
    else if (key === 'Home') focusRow(0);
    else if (key === 'End') focusRow(rows.length - 1);
    else if (key === ' ') toggleRow(row, index, e.shiftKey);
    else if (key === 'Enter') {
      if (row.kind === 'group') props.onToggleCollapse(row.group.key);
      else props.onEdit(keyOf(index));
    } else if (key === 'Escape') {
      // Closes the row's editor if it is open, else clears the selection.
      if (index === editingIndex) props.onEdit(null);
      else selection.clear();
    } else if (key === 'Delete' && row.kind === 'highlight') {
      props.onDelete(selection.has(row.highlight.id) ? [...selection.ids] : [row.highlight.id]);
    } else if ((e.ctrlKey || e.metaKey) && key.toLowerCase() === 'a') props.onSelectAll();
    else return;
    e.preventDefault();
  };

  const renderRow = (row: LibraryRow, index: number) => {
    const tabbable = index === activeIndex;
    if (row.kind === 'group' && row.group.schedule) {
      return (
        <DashboardScheduleRow
          group={{ ...row.group, schedule: row.group.schedule }}
          collapsed={row.collapsed}
          terms={view.terms}
          tabbable={tabbable}
          onToggleCollapse={() => props.onToggleCollapse(row.group.key)}
          onSelectGroup={() => selection.selectAll(row.group.highlights.map((h) => h.id))}
          onFilterTalk={props.onFilterTalk}
          onExportConference={props.onExportConference}
          notes={groupNotes(row.group, props.allTags, props.actions)}
        />
      );
    }
    if (row.kind === 'group') {
      const conferenceId = row.group.talk?.conferenceId;
      return (
        <DashboardGroupHeader
          conference={conferenceId ? view.index.conferencesById.get(conferenceId) : undefined}
          group={row.group}
          collapsed={row.collapsed}
          terms={view.terms}
          siteOf={(pageId) => siteOf(view.index.pagesById.get(pageId))}
          tabbable={tabbable}
          onToggleCollapse={() => props.onToggleCollapse(row.group.key)}
          onSelectGroup={() => selection.selectAll(row.group.highlights.map((h) => h.id))}
          onFilterTalk={props.onFilterTalk}
          onMergeTalk={props.onMergeTalk}
          onEditTalk={(talk, title, speakers) => props.actions.editTalk(talk.id, title, speakers)}
          onDetectAgain={props.actions.detectTalksAgain}
          notes={groupNotes(row.group, props.allTags, props.actions)}
        />
      );
    }
    const h = row.highlight;
    const key = keyOf(index);
    const group = rows.groups[rows.group[index]!];
    const page = view.index.pagesById.get(h.pageId);
    const talk = h.talkId === null ? undefined : view.index.talksById.get(h.talkId);
    return (
      <DashboardHighlight
        highlight={h}
        // Shown under the conference talk its talk links to, as in the groups.
        talk={resolveHighlightTalk(h, view.index.talksById)}
        unsure={isOffered(h, view.index.talksById)}
        page={page}
        site={siteOf(page)}
        terms={view.terms}
        colorNames={props.colorNames}
        selected={selection.has(h.id)}
        editing={key === editingKey}
        position={positions.of[index]!}
        total={positions.total}
        tabbable={tabbable}
        shared={group ? sharedContext(group) : undefined}
        onSelect={(range) => (range ? selection.extendTo(index) : selection.toggle(h.id, index))}
        onEdit={() => props.onEdit(key === editingKey ? null : key)}
        onDelete={() => props.onDelete([h.id])}
        editor={
          <DashboardEditor
            highlight={h}
            talks={talkChoices(view, h, talk)}
            allTags={props.allTags}
            colorNames={props.colorNames}
            actions={props.actions}
            onClose={() => {
              props.onEdit(null);
              focusRow(index);
            }}
          />
        }
      />
    );
  };

  return (
    <section
      ref={scrollRef}
      id="results"
      // The target of Skip to results (not a Tab stop: its rows are); it hands the focus to the current row.
      tabIndex={-1}
      onFocus={(e) => {
        if (e.target === e.currentTarget && rows.length) focusRow(activeIndex);
      }}
      class="dash-list"
      // A region (a named section), not a feed: a feed may hold only articles, and group headers are rows too (axe, #17).
      aria-label="Highlights"
      aria-busy="false"
      onKeyDown={onKeyDown}
      onFocusIn={(e) => {
        const wrapper = (e.target as HTMLElement).closest<HTMLElement>('[data-index]');
        const index = wrapper ? Number(wrapper.dataset.index) : -1;
        const key = inRange(index) ? keyOf(index) : undefined;
        if (key !== undefined && key !== activeKey) setActiveKey(key);
      }}
    >
      {rows.length === 0 ? (
        <div class="dash-empty">{props.empty}</div>
      ) : (
        <div class="dash-list-inner" style={{ height: `${virtualizer.getTotalSize()}px` }}>
          {virtualizer.getVirtualItems().map((item) => (
            <div
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              class="dash-row"
              style={{ transform: `translateY(${item.start - scrollMargin}px)` }}
            >
              <DashboardRowBoundary key={keyOf(item.index)} tabbable={item.index === activeIndex}>
                {renderRow(rowAt(rows, item.index)!, item.index)}
              </DashboardRowBoundary>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}

/** A row's height before it is measured: a highlight, a talk's header, a conference's or a day's. */
function estimateRow(item: number, group: HighlightGroup | undefined): number {
  if (item >= 0) return 150;
  const level = group?.schedule?.level;
  if (level === 'day') return 44;
  if (level === 'conference') return 96;
  if (level === 'talk') return group!.talk?.housekeeping && !group!.highlights.length ? 30 : 110;
  return group?.by === 'talk' ? 96 : 72;
}

/** What a group's header shows of its highlights, so their rows leave it out (#17). */
export function sharedContext(group: HighlightGroup): SharedContext {
  const byTalk = group.by === 'talk' || group.schedule?.level === 'talk';
  return {
    talk: byTalk,
    // A talk's header lists its pages: with one page, that is every row's page.
    page: group.by === 'page' || (byTalk && group.pages.length === 1),
    day: group.by === 'day',
  };
}

/** The talks a highlight can be moved to inline: its page's talks, and its current talk. */
function talkChoices(view: LibraryView, h: HighlightRecord, current: TalkRecord | undefined): TalkRecord[] {
  const onPage = view.talksByPage.get(h.pageId) ?? [];
  return current && !onPage.includes(current) ? [current, ...onPage] : onPage;
}

/**
 * The note editor of a talk group's talk, a conference talk's row (read about or not: a reader may
 * note a talk heard but not read about) or a page group's page (#17); none for other groups.
 */
function groupNotes(group: HighlightGroup, allTags: readonly string[], actions: LibraryActions) {
  const noted =
    (group.by === 'talk' || group.schedule?.level === 'talk') && group.talk
      ? { kind: 'talk' as const, record: group.talk }
      : group.by === 'page' && group.page
        ? { kind: 'page' as const, record: group.page }
        : null;
  if (!noted) return undefined;
  const { kind, record } = noted;
  return (
    <RecordNotesEditor
      key={`${kind}:${record.id}`}
      kind={kind}
      note={noteOf(record)}
      tags={tagsOf(record)}
      suggestions={allTags}
      collapsible
      debounceMs={actions.noteDebounceMs}
      onSaveNote={(note) => actions.saveRecordNote(kind, record.id, note)}
      onTagsChange={(tags) => void actions.setRecordTags(kind, record.id, tags)}
    />
  );
}
