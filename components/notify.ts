import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/** What an action tells the reader: news that goes by itself, or an error that waits to be read. */
export interface Notice {
  message: string;
  /** `error` stays until dismissed; `info` times out. */
  kind?: 'info' | 'error';
  /** Shown as an Undo button (and Ctrl/Cmd+Z) while the notice shows. */
  undo?: () => void;
}

export type Notify = (notice: Notice) => void;

/**
 * Where a component's messages go. The dashboard provides one (its toasts, in a fixed place, so a
 * message never moves the buttons around it); without a provider (the popup, a component alone)
 * components show their messages inline as before.
 */
export const NotifyContext = createContext<Notify | null>(null);

/** The page's notifier, or null where messages are shown inline. */
export const useNotify = (): Notify | null => useContext(NotifyContext);
