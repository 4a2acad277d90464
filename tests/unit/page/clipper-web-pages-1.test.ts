/** #14: clips on the web pages 001 to pixnet of tests/fixtures/web-pages (./clip-corpus.ts). */
import { describeWebPages } from './clip-corpus';

describeWebPages('001 to pixnet', (name) => name < 'q', 38);
