import { useEffect, useRef } from 'preact/hooks';

interface Props {
  value: string;
  /** Persists the note; called debounced while typing and at once on blur or when the page hides. */
  onSave: (note: string) => void | Promise<void>;
  label?: string;
  autoFocus?: boolean;
  /**
   * How long typing pauses before a save. 0: every keystroke is saved at once, in the input event
   * (for an `onSave` that only hands the text over, as the popup's does: the text is out of the page
   * before it can close).
   */
  debounceMs?: number;
  /** Shown while empty. */
  placeholder?: string;
  rows?: number;
}

/**
 * A multi-line note (plain text / Markdown) saved as you type. The textarea is uncontrolled while
 * focused, so a save round-trip never moves the caret or drops a keystroke.
 */
export function NoteEditor({
  value,
  onSave,
  label = 'Note',
  autoFocus,
  debounceMs = 400,
  placeholder = 'Add a note (Markdown)…',
  rows = 4,
}: Props) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const saved = useRef(value);
  const save = useRef(onSave);
  save.current = onSave;

  /** The text of a save not finished yet. */
  const inFlight = useRef<string | null>(null);

  // `el`: on unmount the ref is already cleared, so the cleanup passes the element it kept.
  // `hiding`: the page is going away, and a save still in flight dies with it (an IndexedDB
  // write is aborted when its page closes): send that text again; the caller routes it elsewhere.
  const flush = (el = ref.current, hiding = false) => {
    clearTimeout(timer.current);
    const text = el?.value ?? saved.current;
    if (text === saved.current && !(hiding && inFlight.current === text)) return;
    saved.current = text;
    inFlight.current = text;
    void Promise.resolve(save.current(text)).finally(() => {
      if (inFlight.current === text) inFlight.current = null;
    });
  };

  // Show outside changes only when the reader is not typing here.
  useEffect(() => {
    const el = ref.current;
    if (el && document.activeElement !== el && el.value !== value) {
      el.value = value;
      saved.current = value;
    }
  }, [value]);

  useEffect(() => {
    const el = ref.current;
    if (autoFocus) el?.focus();
    const onHide = () => flush(el, true);
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
      flush(el);
    };
  }, []);

  return (
    <textarea
      ref={ref}
      class="note"
      aria-label={label}
      placeholder={placeholder}
      defaultValue={value}
      rows={rows}
      onInput={() => {
        clearTimeout(timer.current);
        if (debounceMs <= 0) flush();
        else timer.current = setTimeout(() => flush(), debounceMs);
      }}
      onBlur={() => flush()}
    />
  );
}
