/**
 * Our text-fragment links on every web page, resolved by the text-fragments polyfill (see
 * text-fragment-corpus.ts). The pages are split over two files of about the same running time.
 */
import { describeTextFragmentCorpus } from './text-fragment-corpus-suite';

describeTextFragmentCorpus('a-l', (name) => name < 'm');
