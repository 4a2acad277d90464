/**
 * Builds the Chrome extension once before the browser tests, unless .output/chrome-mv3 is
 * newer than every source file (a fresh build is reused; a stale one never is).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, PROJECT_ROOT } from './paths';

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

/** Runs `wxt build ...wxtArgs` unless `extensionDir` holds a build newer than every source. */
export function buildIfStale(extensionDir: string, wxtArgs: string[] = []): void {
  const manifest = join(extensionDir, 'manifest.json');
  const built = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  const changed = Math.max(...SOURCES.map((s) => newestMtime(join(PROJECT_ROOT, s))));
  if (built > changed && !process.env.E2E_REBUILD) return;
  execFileSync('npx', ['wxt', 'build', ...wxtArgs], { cwd: PROJECT_ROOT, stdio: 'inherit' });
}

export default function setup() {
  buildIfStale(EXTENSION_DIR);
}
