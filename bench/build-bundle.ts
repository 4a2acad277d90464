/** Bundles code the benchmark adds to Chromium pages, each entry into one script. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build, type InlineConfig } from 'vite';
import { PROJECT_ROOT } from '../tests/e2e/paths';

export const BUNDLE_PATH = join(PROJECT_ROOT, 'bench', '.build', 'bench-bundle.js');

/** Vite's library build of `entry` as one minified IIFE script that sets the global `name`. */
function bundleConfig(entry: string, name: string, write: boolean, sources = PROJECT_ROOT): InlineConfig {
  return {
    root: PROJECT_ROOT,
    configFile: false,
    logLevel: 'warn',
    resolve: { alias: { '@': sources } },
    // Sources outside this checkout (a baseline under the system's temporary folder) take their
    // packages from this checkout's node_modules.
    plugins:
      sources === PROJECT_ROOT
        ? []
        : [
            {
              name: 'packages-from-this-checkout',
              resolveId(source, importer) {
                if (!importer?.startsWith(sources) || /^[./]/.test(source) || source.startsWith('\0'))
                  return null;
                return this.resolve(source, join(PROJECT_ROOT, 'package.json'), { skipSelf: true });
              },
            },
          ],
    build: {
      outDir: join(PROJECT_ROOT, 'bench', '.build'),
      emptyOutDir: write,
      write,
      minify: true,
      lib: {
        entry: join(PROJECT_ROOT, 'bench', entry),
        formats: ['iife'],
        name,
        fileName: () => 'bench-bundle.js',
      },
    },
  };
}

/** bench/browser-entry.ts, written to BUNDLE_PATH and returned. */
export async function buildBenchBundle(): Promise<string> {
  await build(bundleConfig('browser-entry.ts', 'TalkNotesBenchBundle', true));
  return readFile(BUNDLE_PATH, 'utf8');
}

/**
 * Another entry of bench/ as a script, built in memory (nothing written, so it never races the build
 * above). `sources` is where its `@/` imports come from: another checkout (an earlier commit, to
 * measure a baseline with the same entry), this one by default.
 */
export async function bundleScript(entry: string, name: string, sources = PROJECT_ROOT): Promise<string> {
  const result = await build(bundleConfig(entry, name, false, sources));
  const output = (Array.isArray(result) ? result[0] : result) as { output: { code?: string }[] };
  return output.output[0]!.code!;
}
