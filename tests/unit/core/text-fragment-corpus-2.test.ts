import { describeTextFragmentCorpus } from './text-fragment-corpus-suite';

describeTextFragmentCorpus('m-z', (name) => name >= 'm');
