import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import type { Notice, Notify } from '../notify';

export interface Toast extends Notice {
  id: number;
  kind: 'info' | 'error';
}

/** At most this many toasts show at once: the oldest news goes first (errors stay). */
const MAX_TOASTS = 3;

/** The dashboard's toasts: `notify` adds one, `dismiss` removes it (by the reader or its timer). */
export function useToasts(): { toasts: readonly Toast[]; notify: Notify; dismiss: (id: number) => void } {
  const [toasts, setToasts] = useState<readonly Toast[]>([]);
  const next = useRef(1);
  const notify = useCallback<Notify>((notice) => {
    const toast: Toast = { ...notice, kind: notice.kind ?? 'info', id: next.current++ };
    setToasts((list) => {
      // A new undo replaces an older one: Ctrl/Cmd+Z always undoes the latest action.
      let kept = toast.undo ? list.filter((t) => !t.undo) : [...list];
      while (kept.length >= MAX_TOASTS) {
        const oldest = kept.findIndex((t) => t.kind === 'info');
        kept = kept.filter((_, i) => i !== (oldest === -1 ? 0 : oldest));
      }
      return [...kept, toast];
    });
  }, []);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  return useMemo(() => ({ toasts, notify, dismiss }), [toasts, notify, dismiss]);
}
