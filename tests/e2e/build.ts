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

/**
 * Builds into `outputDir` (WXT_OUT_DIR) with `env` added, when stale; returns the unpacked
 * Chrome extension's folder.
 */
export function ensureExtensionBuilt(outputDir: string, env: Record<string, string> = {}): string {
  const extensionDir = join(outputDir, 'chrome-mv3');
  const manifest = join(extensionDir, 'manifest.json');
  const built = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  const changed = Math.max(...SOURCES.map((s) => newestMtime(join(PROJECT_ROOT, s))));
  if (built > changed && !process.env.E2E_REBUILD) return extensionDir;
  execFileSync('npx', ['wxt', 'build'], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...env, WXT_OUT_DIR: outputDir },
  });
  return extensionDir;
}
