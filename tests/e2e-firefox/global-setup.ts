/** Builds the Firefox add-on before the Firefox tests, unless the build is newer than every source. */
import { buildIfStale } from '../e2e/global-setup';
import { FIREFOX_EXTENSION_DIR } from '../e2e/paths';

export default function setup() {
  buildIfStale(FIREFOX_EXTENSION_DIR, ['-b', 'firefox']);
}
