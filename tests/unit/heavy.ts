/**
 * Time limit for the few unit tests that work through big inputs (30,000-event schedules, every page
 * of a corpus): a few seconds of CPU, several times that on a loaded two-core machine. They assert
 * what comes out, never how fast: speed is measured by `npm run bench`.
 */
export const HEAVY_TEST_MS = 180_000;

/**
 * Time limit for `npm run eval:*`: a measurement over every page of a corpus (71 recaps and 62 web pages
 * took 121 s on the loaded two-core machine, past vitest's 120 s), never a timing assertion.
 */
export const EVAL_TEST_MS = 600_000;
