import { useEffect } from 'preact/hooks';

interface Props {
  /** What happened ("Deleted 3 highlights"); nothing is shown without it. */
  message: string | null;
  /** Shown with an Undo button when given. */
  onUndo?: () => void;
  onDismiss: () => void;
  /** Milliseconds before the message goes away by itself. */
  timeoutMs?: number;
}

/**
 * A polite announcement of what the last action did, with Undo when it can be undone
 * (Ctrl/Cmd+Z works too while it shows). Not role="status": the library summary is the status.
 */
export function DashboardUndo({ message, onUndo, onDismiss, timeoutMs = 20_000 }: Props) {
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(onDismiss, timeoutMs);
    const onKey = (e: KeyboardEvent) => {
      const inField = e.target instanceof HTMLElement && e.target.matches('input, textarea, select');
      if (onUndo && !inField && (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        onUndo();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('keydown', onKey);
    };
  }, [message, onUndo, onDismiss, timeoutMs]);

  return (
    <div class="dash-toast" aria-live="polite">
      {message && (
        <div class="dash-toast-body">
          <span>{message}</span>
          {onUndo && (
            <button type="button" onClick={onUndo}>
              Undo
            </button>
          )}
          <button type="button" aria-label="Dismiss" onClick={onDismiss}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
