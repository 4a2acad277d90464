import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * A stored value the reader edits: a change shows at once and is saved; the stored value takes
 * over again once every save has settled and the store has answered. Without this, a second
 * edit made before the live query caught up would start from the old value and undo the first
 * (two tags typed quickly), and a control would flicker back for a moment.
 */
export function useOptimisticValue<T>(
  stored: T,
  save: (value: T) => Promise<unknown>,
): [value: T, set: (value: T) => void] {
  const [draft, setDraft] = useState<{ value: T } | null>(null);
  const pending = useRef(0);

  // A new stored value after the last save settled is the store's answer.
  useEffect(() => {
    if (pending.current === 0) setDraft(null);
  }, [stored]);

  const set = (value: T) => {
    setDraft({ value });
    pending.current++;
    save(value).then(
      () => {
        pending.current--;
      },
      () => {
        // Failed: show what is stored (the failure is reported by whoever saved).
        pending.current--;
        if (pending.current === 0) setDraft(null);
      },
    );
  };
  return [draft ? draft.value : stored, set];
}
