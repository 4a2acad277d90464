// A fresh in-memory IndexedDB for every test file; tests that need isolation use unique database names.
import 'fake-indexeddb/auto';

// The DOM's part (jsdom's child lists, Testing Library, Preact's frames) only where there is a DOM. A file
// that runs in the node environment (`// @vitest-environment node`, for files that use no DOM) would
// otherwise load jsdom and Testing Library for nothing, most of the time it takes to start.
if (typeof document !== 'undefined') await import('./dom-setup');
