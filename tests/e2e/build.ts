/**
 * Builds the Chrome extension for the browser tests unless the build is newer than every source
 * file (a fresh build is reused; a stale one never is).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
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
  const built = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  const changed = Math.max(...SOURCES.map((s) => newestMtime(join(PROJECT_ROOT, s))));
  if (built > changed && !process.env.E2E_REBUILD) return extensionDir;
  execFileSync('npx', ['wxt', 'build', '-b', browser], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...options.env, WXT_OUT_DIR: outputDir },
  });
  return extensionDir;
}
