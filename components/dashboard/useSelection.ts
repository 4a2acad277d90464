import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import { highlightAt, idsBetween, type LibraryRows } from '@/core/library/groups';

export interface Selection {
  /** Selected highlight ids (they stay selected while filters change). */
  ids: ReadonlySet<string>;
  has: (id: string) => boolean;
  /** Click: toggles one highlight; the row becomes the anchor of the next range. */
  toggle: (id: string, row: number) => void;
  /** Shift-click: selects every highlight from the anchor row to `row`. */
  extendTo: (row: number) => void;
  /** Selects these ids (e.g. every result). */
  selectAll: (ids: Iterable<string>) => void;
  /** Unselects these ids, or all. */
  clear: (ids?: Iterable<string>) => void;
}

/** Multi-selection over the list's rows: click, shift-click ranges, select all, clear. */
export function useSelection(rows: LibraryRows): Selection {
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set());
  const anchor = useRef<{ row: number; id: string } | null>(null);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;

  const toggle = useCallback((id: string, row: number) => {
    anchor.current = { row, id };
    setIds((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  const extendTo = useCallback((row: number) => {
    const list = rowsRef.current;
    let from = anchor.current?.row ?? row;
    // The rows may have changed since the anchor was set: find the anchor's highlight again.
    const wanted = anchor.current?.id;
    if (wanted && highlightAt(list, from)?.id !== wanted) {
      let found = -1;
      for (let i = 0; i < list.length && found === -1; i++)
        if (highlightAt(list, i)?.id === wanted) found = i;
      from = found === -1 ? row : found;
    }
    const range = idsBetween(list, from, row);
    setIds((current) => new Set([...current, ...range]));
  }, []);

  const selectAll = useCallback((all: Iterable<string>) => {
    setIds((current) => new Set([...current, ...all]));
  }, []);

  const clear = useCallback((some?: Iterable<string>) => {
    if (!some) {
      anchor.current = null;
      setIds(new Set());
      return;
    }
    setIds((current) => {
      const next = new Set(current);
      for (const id of some) next.delete(id);
      return next;
    });
  }, []);

  return useMemo(
    () => ({ ids, has: (id: string) => ids.has(id), toggle, extendTo, selectAll, clear }),
    [ids, toggle, extendTo, selectAll, clear],
  );
}
