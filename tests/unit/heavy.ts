/**
 * Time limit for the few unit tests that work through big inputs (30,000-event schedules, every page
 * of a corpus): a few seconds of CPU, several times that on a loaded two-core machine. They assert
 * what comes out, never how fast: speed is measured by `npm run bench`.
 */
export const HEAVY_TEST_MS = 180_000;
