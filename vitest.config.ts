import './tests/node20-polyfills.ts';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { SlowFilesFirst } from './tests/unit/sequencer.ts';

export default defineConfig({
  test: {
    // The slowest unit files start first, also on a fresh clone with no timings of a last run.
    sequence: { sequencer: SlowFilesFirst },
    projects: [
      {
        // WxtVitest gives the fake browser (wxt/browser), the @/ aliases and auto-imports;
        // it does not apply wxt.config's vite plugins, hence preact() for JSX.
        plugins: [WxtVitest(), preact()],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['tests/unit/setup.ts'],
          // A worker per core. Vitest's default is one fewer (cores - 1), which on a two-core machine ran
          // the 215 files one at a time; the files are independent (each has its own jsdom and IndexedDB).
          maxWorkers: '100%',
          // After-hooks in the order written: setup.ts's (unmount, run pending effects) before a file's own.
          sequence: { hooks: 'list' },
          // The slowest property tests take 1-2 s here, over 5 s (the default limit) on a loaded two-core
          // machine. Longer than the 10 s findBy/waitFor deadline (setup.ts), so those report first.
          testTimeout: 30_000,
        },
      },
      {
        plugins: [WxtVitest()],
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          // Each file runs its own Chromium, two files at a time: a file spends most of its time waiting on
          // the browser (IPC, page loads, polls), so one file used well under half of two cores and a
          // second one beside it took 35% off a run of eight files (README "Test time"). The files share
          // nothing: each has its own profile, fixture server and CouchDB on free 127.0.0.1 ports.
          maxWorkers: 2,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // expect.poll waits for the state it asserts; its default second is too short on a loaded
          // two-core machine (a redraw after a database write can take longer there).
          expect: { poll: { timeout: 10_000 } },
        },
      },
      {
        // `npm run test:e2e:firefox`, the last step of `npm test`: needs Firefox (apt-get install firefox-esr).
        // Run after the Chromium tests, never alongside: both build into the same output folder.
        plugins: [WxtVitest()],
        test: {
          name: 'e2e-firefox',
          include: ['tests/e2e-firefox/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e-firefox/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          expect: { poll: { timeout: 10_000 } },
        },
      },
      {
        // `npm run eval:talks` (talk detection on the recap and web-page corpora) and `npm run eval:schedules` (schedule
        // matching on the held-out schedule corpus), each picking its own file: never part of `npm test`.
        plugins: [WxtVitest()],
        test: {
          name: 'eval',
          include: ['eval/**/*.eval.ts'],
          environment: 'node',
          testTimeout: 120_000,
        },
      },
      {
        // `npm run bench` only: never part of `npm test`. run-benchmarks.ts builds the extension itself, so a
        // benchmark that needs no extension build (bench/*.bench.ts) runs alone without one.
        plugins: [WxtVitest()],
        test: {
          name: 'bench',
          include: ['bench/run-benchmarks.ts', 'bench/*.bench.ts'],
          environment: 'node',
          // One file at a time: two benchmarks side by side would slow each other down.
          fileParallelism: false,
          testTimeout: 600_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
