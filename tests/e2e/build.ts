/**
 * Builds the Chrome extension for the browser tests unless the build is newer than every source
 * file and was made with the same settings (a fresh test build is reused; a stale one, or one made
 * by `npm run build`, never is). Test builds set TALK_NOTES_TEST_HOOKS=1 and TALK_NOTES_MARKS=1 (see
 * wxt.config.ts); the benchmark builds here too.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './paths';

const SOURCES = [
  'entrypoints',
  'components',
  'core',
  'storage',
  'messaging',
  'page',
  'public',
  'wxt.config.ts',
  'package.json',
];

/** What every test build sets: the background's test hooks, and the performance marks tests wait for. */
const TEST_BUILD_ENV = { TALK_NOTES_TEST_HOOKS: '1', TALK_NOTES_MARKS: '1' };

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

export interface BuildOptions {
  /** Environment added for the build (e.g. a test-only variant's switch). */
  env?: Record<string, string>;
  browser?: 'chrome' | 'firefox';
}

/**
 * Builds into `outputDir` (WXT_OUT_DIR) when stale; returns the unpacked extension's folder
 * (chrome-mv3, or firefox-mv2 for Firefox).
 */
export function ensureExtensionBuilt(outputDir: string, options: BuildOptions = {}): string {
  const browser = options.browser ?? 'chrome';
  const extensionDir = join(outputDir, browser === 'firefox' ? 'firefox-mv2' : 'chrome-mv3');
  const manifest = join(extensionDir, 'manifest.json');
  const env = { ...TEST_BUILD_ENV, ...options.env };
  // The settings of the build in extensionDir, and the manifest they were written with.
  const stampFile = join(outputDir, `${browser}.test-build.json`);
  const built = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  const stamp = JSON.stringify({ env, manifestMtime: built });
  const sameBuild = existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp;
  const changed = Math.max(...SOURCES.map((s) => newestMtime(join(PROJECT_ROOT, s))));
  if (built > changed && sameBuild && !process.env.E2E_REBUILD) return extensionDir;
  execFileSync('npx', ['wxt', 'build', '-b', browser], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...env, WXT_OUT_DIR: outputDir },
  });
  writeFileSync(stampFile, JSON.stringify({ env, manifestMtime: statSync(manifest).mtimeMs }));
  return extensionDir;
}
