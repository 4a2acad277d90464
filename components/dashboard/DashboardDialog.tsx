import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

interface Props {
  /** Id of the element naming the dialog (its heading). */
  labelledBy: string;
  onClose: () => void;
  children: ComponentChildren;
}

const FOCUSABLE = 'input, button, select, textarea, a[href]';

/**
 * A modal dialog of the dashboard: focus moves into it and stays inside (Tab wraps), Escape
 * closes it, and focus returns to where it was when it closes.
 */
export function DashboardDialog({ labelledBy, onClose, children }: Props) {
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    dialog.current?.querySelector<HTMLElement>('input, button')?.focus();
    return () => previous?.focus?.();
  }, []);

  return (
    <div class="dash-backdrop">
      <div
        ref={dialog}
        class="dash-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelledBy}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          } else if (e.key === 'Tab') {
            const focusable = [...(dialog.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])].filter(
              (el) => !el.hasAttribute('disabled'),
            );
            const first = focusable[0];
            const last = focusable[focusable.length - 1];
            if (e.shiftKey && document.activeElement === first) {
              e.preventDefault();
              last?.focus();
            } else if (!e.shiftKey && document.activeElement === last) {
              e.preventDefault();
              first?.focus();
            }
          }
        }}
      >
        {children}
      </div>
    </div>
  );
}
