import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/**
 * Subscribes to a Dexie live query: the value updates whenever the data it read changes,
 * in this context or any other (popup, dashboard, background). A null query reads nothing
 * (undefined) until there is something to read.
 */
export function useLiveQuery<T>(query: (() => Promise<T>) | null, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    setValue(undefined);
    if (!query) return;
    const subscription = liveQuery(query).subscribe({ next: setValue, error: (e) => console.error(e) });
    return () => subscription.unsubscribe();
  }, deps);
  return value;
}
