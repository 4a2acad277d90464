import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Build output (WXT_OUT_DIR, as in wxt.config.ts). */
export const OUTPUT_DIR = join(PROJECT_ROOT, process.env.WXT_OUT_DIR ?? '.output');
export const EXTENSION_DIR = join(OUTPUT_DIR, 'chrome-mv3');
/** The Firefox build (`wxt build -b firefox`, MV2). */
export const FIREFOX_EXTENSION_DIR = join(OUTPUT_DIR, 'firefox-mv2');
export const FIXTURE_PAGES_DIR = join(PROJECT_ROOT, 'tests', 'fixtures', 'pages');
