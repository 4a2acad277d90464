import type { ComponentChildren, Ref } from 'preact';
import { LIBRARY_GROUP_BY, type LibraryGroupBy, type LibraryOrder } from '@/core/library/groups';

interface Props {
  query: string;
  onQuery: (query: string) => void;
  groupBy: LibraryGroupBy;
  onGroupBy: (by: LibraryGroupBy) => void;
  /** How talks are ordered (shown when grouping by talk). */
  order: LibraryOrder;
  onOrder: (order: LibraryOrder) => void;
  resultCount: number;
  onSelectAll: () => void;
  onCollapseAll: (collapse: boolean) => void;
  searchRef?: Ref<HTMLInputElement>;
  /** The export slot's content (see DashboardApp `renderExport`). */
  exportSlot?: ComponentChildren;
}

const NUMBER = new Intl.NumberFormat();
const GROUP_LABELS: Record<LibraryGroupBy, string> = {
  talk: 'Talk',
  page: 'Page',
  tag: 'Tag',
  day: 'Day',
  // The Conferences view: conferences, their days and their talks in schedule order, read or not.
  conference: 'Conferences',
};

/** Search (results update as you type), grouping, select all results, and the export slot. */
export function DashboardToolbar(props: Props) {
  return (
    <div class="dash-toolbar">
      <search class="dash-search">
        <input
          ref={props.searchRef}
          type="search"
          aria-label="Search"
          placeholder="Search text, notes, talks, speakers, rooms, pages, tags…  ( / )"
          value={props.query}
          onInput={(e) => props.onQuery(e.currentTarget.value)}
        />
      </search>
      <label class="dash-group-by">
        Group by{' '}
        <select
          value={props.groupBy}
          onChange={(e) => props.onGroupBy(e.currentTarget.value as LibraryGroupBy)}
        >
          {LIBRARY_GROUP_BY.map((by) => (
            <option key={by} value={by}>
              {GROUP_LABELS[by]}
            </option>
          ))}
        </select>
      </label>
      {props.groupBy === 'talk' && (
        <label class="dash-group-by">
          Order{' '}
          <select value={props.order} onChange={(e) => props.onOrder(e.currentTarget.value as LibraryOrder)}>
            <option value="page">Page order</option>
            <option value="newest">Newest clip first</option>
          </select>
        </label>
      )}
      <button type="button" disabled={props.resultCount === 0} onClick={props.onSelectAll}>
        {props.resultCount === 1
          ? 'Select 1 result'
          : `Select all ${NUMBER.format(props.resultCount)} results`}
      </button>
      <button type="button" onClick={() => props.onCollapseAll(true)}>
        Collapse all
      </button>
      <button type="button" onClick={() => props.onCollapseAll(false)}>
        Expand all
      </button>
      {/* Export slot: <ExportControls> (mounted by the entrypoint through DashboardApp's renderExport). */}
      <div class="export-slot">{props.exportSlot}</div>
    </div>
  );
}
