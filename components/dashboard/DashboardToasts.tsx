import { useEffect, useRef, useState } from 'preact/hooks';
import type { Toast } from './useToasts';

interface Props {
  toasts: readonly Toast[];
  onDismiss: (id: number) => void;
  /** How long news shows (ms); a toast with Undo shows longer, an error until dismissed. */
  timeoutMs?: number;
  undoTimeoutMs?: number;
}

/**
 * The dashboard's messages, in one fixed place at the bottom (they never move the header's
 * buttons), inside one `role=status` region that is always present (a status region added
 * together with its text is not reliably read out): news is announced politely through it; an
 * error toast is itself a `role=alert`, which screen readers announce when it is inserted, at once.
 * News goes after ~5 s, or longer while the pointer or the focus is on it; an error stays until
 * its Dismiss button is pressed.
 * Ctrl/Cmd+Z undoes the latest undoable action while its toast shows.
 */
export function DashboardToasts({ toasts, onDismiss, timeoutMs = 5_000, undoTimeoutMs = 20_000 }: Props) {
  const undoable = [...toasts].reverse().find((t) => t.undo);
  useEffect(() => {
    if (!undoable?.undo) return;
    const undo = undoable.undo;
    const onKey = (e: KeyboardEvent) => {
      const inField = e.target instanceof HTMLElement && e.target.matches('input, textarea, select');
      if (!inField && (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        undo();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [undoable]);

  return (
    <div class="dash-toasts" role="status" aria-label="Notifications">
      {toasts.map((toast) => (
        <ToastItem
          key={toast.id}
          toast={toast}
          timeoutMs={toast.kind === 'error' ? null : toast.undo ? undoTimeoutMs : timeoutMs}
          onDismiss={() => onDismiss(toast.id)}
        />
      ))}
    </div>
  );
}

function ToastItem({
  toast,
  timeoutMs,
  onDismiss,
}: {
  toast: Toast;
  timeoutMs: number | null;
  onDismiss: () => void;
}) {
  // Reading or acting on a toast holds it: its timer starts again when the pointer and focus leave.
  const [held, setHeld] = useState(false);
  const dismissRef = useRef(onDismiss);
  dismissRef.current = onDismiss;
  useEffect(() => {
    if (timeoutMs === null || held) return;
    const timer = setTimeout(() => dismissRef.current(), timeoutMs);
    return () => clearTimeout(timer);
  }, [timeoutMs, held]);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: pointer and focus only hold the timer; the buttons are the controls
    <div
      class={`dash-toast${toast.kind === 'error' ? ' dash-toast-error' : ''}`}
      data-kind={toast.kind}
      // An error is an alert: inserted with its text, it is announced at once, interrupting (#17).
      // The nearest live region decides how a change is announced, so it is not read twice.
      role={toast.kind === 'error' ? 'alert' : undefined}
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocusIn={() => setHeld(true)}
      onFocusOut={(e) => {
        if (!(e.currentTarget as HTMLElement).contains(e.relatedTarget as Node | null)) setHeld(false);
      }}
    >
      <span class="dash-toast-text">
        {toast.kind === 'error' && <span class="visually-hidden">Error: </span>}
        {toast.message}
      </span>
      {toast.undo && (
        <button type="button" onClick={toast.undo}>
          Undo
        </button>
      )}
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
