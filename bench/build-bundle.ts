/** Bundles bench/browser-entry.ts into one script the benchmark adds to Chromium pages. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'vite';
import { PROJECT_ROOT } from '../tests/e2e/paths';

export const BUNDLE_PATH = join(PROJECT_ROOT, 'bench', '.build', 'bench-bundle.js');

export async function buildBenchBundle(): Promise<string> {
  await build({
    root: PROJECT_ROOT,
    configFile: false,
    logLevel: 'warn',
    resolve: { alias: { '@': PROJECT_ROOT } },
    build: {
      outDir: join(PROJECT_ROOT, 'bench', '.build'),
      emptyOutDir: true,
      minify: true,
      lib: {
        entry: join(PROJECT_ROOT, 'bench', 'browser-entry.ts'),
        formats: ['iife'],
        name: 'TalkNotesBenchBundle',
        fileName: () => 'bench-bundle.js',
      },
    },
  });
  return readFile(BUNDLE_PATH, 'utf8');
}
