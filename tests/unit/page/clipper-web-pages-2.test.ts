/** #14: clips on the web pages qq to yahoo-1 of tests/fixtures/web-pages (./clip-corpus.ts). */
import { describeWebPages } from './clip-corpus';

describeWebPages('qq to yahoo-1', (name) => name >= 'q', 24);
