// A fresh in-memory IndexedDB for every test file; tests that need isolation use unique database names.
import 'fake-indexeddb/auto';
