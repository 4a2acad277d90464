import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const EXTENSION_DIR = join(PROJECT_ROOT, '.output', 'chrome-mv3');
export const FIXTURE_PAGES_DIR = join(PROJECT_ROOT, 'tests', 'fixtures', 'pages');
