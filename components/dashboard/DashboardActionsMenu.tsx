import { useEffect, useId, useRef, useState } from 'preact/hooks';

export interface MenuAction {
  label: string;
  onSelect: () => void;
  /** Drawn as a destructive action. */
  danger?: boolean;
}

interface Props {
  /** What the actions are for, in the button's name ("Actions for Scaling Postgres"). */
  subject: string;
  actions: readonly MenuAction[];
}

/**
 * One `Actions` button opening a menu of a group's actions (WAI-ARIA menu button): a group header
 * carries one button instead of four. ↓/↑ (Home/End) move between items, Enter or Space picks
 * one, Escape or Tab closes the menu and the focus goes back to the button.
 */
export function DashboardActionsMenu({ subject, actions }: Props) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? [])];

  useEffect(() => {
    if (open) items()[0]?.focus();
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const onMenuKey = (e: KeyboardEvent) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => all[(to + all.length) % all.length]?.focus();
    if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(all.length - 1);
    else if (e.key === 'Escape') close(true);
    else if (e.key === 'Tab') {
      setOpen(false);
      return;
    } else return;
    e.preventDefault();
    e.stopPropagation();
  };

  if (!actions.length) return null;
  return (
    <div
      class="dash-menu"
      onFocusOut={(e) => {
        // Closes when the focus leaves the button and its menu (a click elsewhere, Tab away).
        if (open && !(e.currentTarget as HTMLElement).contains(e.relatedTarget as Node | null))
          setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        class="dash-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={`Actions for ${subject}`}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        Actions <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div
          ref={menu}
          id={menuId}
          class="dash-menu-list"
          role="menu"
          aria-label={`Actions for ${subject}`}
          onKeyDown={onMenuKey}
        >
          {actions.map((action) => (
            <button
              key={action.label}
              type="button"
              role="menuitem"
              tabIndex={-1}
              class={action.danger ? 'danger' : undefined}
              onClick={() => {
                close(true);
                action.onSelect();
              }}
            >
              {action.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
