/**
 * The built extension in headless Chromium, with the bench bundle, for one benchmark file: built
 * if stale and started before the file's tests, closed after them.
 */
import { afterAll, beforeAll } from 'vitest';
import { ensureExtensionBuilt } from '../tests/e2e/build';
import { type ExtensionSession, launchExtension } from '../tests/e2e/harness';
import { OUTPUT_DIR } from '../tests/e2e/paths';
import { buildBenchBundle } from './build-bundle';

export interface BenchExtension {
  /** The browser with the extension loaded (read inside a test, after beforeAll). */
  readonly session: ExtensionSession;
  /** The bench bundle's source, evaluated in pages (bench/browser-entry.ts). */
  readonly bundle: string;
}

export function benchExtension(): BenchExtension {
  let session: ExtensionSession | undefined;
  let bundle: string | undefined;
  beforeAll(async () => {
    ensureExtensionBuilt(OUTPUT_DIR);
    bundle = await buildBenchBundle();
    session = await launchExtension();
  });
  afterAll(async () => {
    await session?.close();
  });
  return {
    get session() {
      if (!session) throw new Error('the extension is started in beforeAll: read it inside a test');
      return session;
    },
    get bundle() {
      if (bundle === undefined)
        throw new Error('the bench bundle is built in beforeAll: read it inside a test');
      return bundle;
    },
  };
}
