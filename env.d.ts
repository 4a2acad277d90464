// Build-time flags (wxt.config.ts `vite.define`), beside the ones WXT declares in .wxt/types/globals.d.ts.
interface ImportMetaEnv {
  /** True in the browser tests' builds only (TALK_NOTES_TEST_HOOKS=1): the background publishes test hooks. */
  readonly TALK_NOTES_TEST_HOOKS?: boolean;
  /**
   * True in builds made with TALK_NOTES_MARKS=1 (the browser tests' and the benchmark's): the content
   * script leaves its `talk-notes:*` performance marks, which any page could read. Off otherwise.
   */
  readonly TALK_NOTES_MARKS?: boolean;
}
