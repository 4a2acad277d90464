/** Builds the Chrome extension once before the browser tests (reused while it is fresh). */
import { ensureExtensionBuilt } from './build';
import { OUTPUT_DIR } from './paths';

export default function setup() {
  ensureExtensionBuilt(OUTPUT_DIR);
}
