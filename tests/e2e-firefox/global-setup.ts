/** Builds the Firefox add-on before the Firefox tests, unless the build is newer than every source. */
import { ensureExtensionBuilt } from '../e2e/build';
import { OUTPUT_DIR } from '../e2e/paths';

export default function setup() {
  ensureExtensionBuilt(OUTPUT_DIR, { browser: 'firefox' });
}
