import { useEffect, useState } from 'preact/hooks';

type Idle = (run: () => void, options?: { timeout: number }) => number;

/** requestIdleCallback where there is one (Chromium, Firefox), a short timer elsewhere (jsdom). */
export function whenIdle(run: () => void, timeout = 300): () => void {
  const idle: Idle | undefined = globalThis.requestIdleCallback;
  if (idle) {
    const handle = idle(run, { timeout });
    return () => globalThis.cancelIdleCallback(handle);
  }
  const timer = setTimeout(run, 16);
  return () => clearTimeout(timer);
}

/**
 * A value computed when the page is idle after rendering, not during the render: for work the
 * first paint does not need (filter counts, collection sizes). Undefined until first computed;
 * while it is recomputed after a change, the previous value stays.
 */
export function useIdleValue<T>(compute: () => T, deps: unknown[]): T | undefined {
  const [state, setState] = useState<{ value: T } | undefined>(undefined);
  useEffect(() => whenIdle(() => setState({ value: compute() })), deps);
  return state?.value;
}
