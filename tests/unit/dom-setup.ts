/** The unit set-up of files that run in jsdom (see ./setup.ts). */
import { act, cleanup, configure } from '@testing-library/preact';
import { options } from 'preact';
import { afterEach } from 'vitest';
import { lazyNodeLists } from './lazy-node-lists';

// jsdom's live child lists re-read on each read, not on each change: same answers, no quadratic inserts.
lazyNodeLists();

// findBy*/waitFor wait for a state, and return as soon as it is there. Their default deadline, 1 s,
// is missed on a loaded two-core machine (a write, the live query, a render of the dashboard).
configure({ asyncUtilTimeout: 10_000 });

/**
 * Preact runs effects, and (since Preact 11) the effect cleanups of unmounted components, after
 * the next frame: a requestAnimationFrame raced against a 35 ms timer. A frame still pending when
 * the last test of a file ends fires after Vitest has torn jsdom down, and fails the run with
 * "cancelAnimationFrame is not defined" or "document is not defined". This scheduler keeps Preact's
 * timing but knows what is pending, so each test can finish it before it ends.
 */
const pendingFrames = new Set<{ cancel: () => void; flush: () => void }>();
const RAF_TIMEOUT = 35; // Preact's own fallback when no frame comes

options.requestAnimationFrame = (flush) => {
  const setTimer = globalThis.setTimeout;
  const clearTimer = globalThis.clearTimeout;
  const raf = globalThis.requestAnimationFrame;
  const caf = globalThis.cancelAnimationFrame;
  let frame: number | undefined;
  let hop: ReturnType<typeof setTimeout> | undefined;
  const entry = {
    cancel() {
      clearTimer(timeout);
      clearTimer(hop);
      if (frame !== undefined) caf?.(frame);
    },
    flush() {
      pendingFrames.delete(entry);
      flush();
    },
  };
  const afterFrame = () => {
    clearTimer(timeout);
    if (frame !== undefined) caf?.(frame);
    frame = undefined;
    hop = setTimer(entry.flush);
  };
  const timeout = setTimer(afterFrame, RAF_TIMEOUT);
  frame = raf?.(afterFrame);
  pendingFrames.add(entry);
};

// Registered (from setup.ts) before every file's own hooks and run first (sequence.hooks 'list' in vitest.config.ts):
// components are gone, and their effect cleanups (live queries unsubscribed, listeners removed,
// timers cleared) have run, before a test's own teardown deletes the database they watch.
afterEach(async () => {
  await act(() => cleanup());
  while (pendingFrames.size) {
    await act(() => {
      for (const entry of [...pendingFrames]) {
        entry.cancel();
        entry.flush();
      }
    });
  }
});
