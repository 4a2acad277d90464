// Build-time flags (wxt.config.ts `vite.define`), beside the ones WXT declares in .wxt/types/globals.d.ts.
interface ImportMetaEnv {
  /** True in the browser tests' builds only (TALK_NOTES_TEST_HOOKS=1): the background publishes test hooks. */
  readonly TALK_NOTES_TEST_HOOKS?: boolean;
}
