import { useEffect, useRef } from 'preact/hooks';

interface Props {
  /** What was done ("Highlight deleted."). Key the bar by what it undoes, so each deletion focuses Undo. */
  message: string;
  onUndo: () => void;
  onDismiss: () => void;
}

/**
 * Offers to undo the last deletion. It takes the focus (the deleted item's buttons are gone), so
 * Enter undoes and Escape dismisses; it stays until used or dismissed, with no time limit.
 */
export function UndoBar({ message, onUndo, onDismiss }: Props) {
  const undo = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    undo.current?.focus();
  }, [message]);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere in the bar dismisses it; its buttons do the rest.
    <div
      class="undo-bar"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onDismiss();
        }
      }}
    >
      <span role="status">{message}</span>
      <button type="button" ref={undo} class="primary" onClick={onUndo}>
        Undo
      </button>
      <button type="button" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
