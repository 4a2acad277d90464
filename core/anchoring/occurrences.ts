/**
 * Every place a quote occurs verbatim in a text. A highlight whose stored position no longer holds its
 * quote needs all of them (copies are told apart by context), which is a scan of the whole page per
 * highlight; once a pass has scanned a few times, a q-gram index of the text, built once, answers each
 * further lookup from the positions of the quote's rarest q-gram instead.
 */
import { QGramFilter } from './qgram-filter';

/** Whole-text scans a finder makes before building its index (an index costs about ten scans). */
const SCANS_BEFORE_INDEX = 6;

/** Start offsets of every occurrence of `needle` in `text` (overlapping ones too), ascending. */
export function scanOccurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) found.push(i);
  return found;
}

/** Finds verbatim occurrences in one text, for the highlights of one anchoring pass. */
export class OccurrenceFinder {
  private scans = 0;
  private index: QGramFilter | undefined;

  constructor(private readonly text: string) {}

  /** The text's q-gram index (also the fuzzy search's filter), built on the first call. */
  filter(): QGramFilter {
    this.index ??= new QGramFilter(this.text);
    return this.index;
  }

  /** What `scanOccurrences(text, needle)` returns. */
  occurrences(needle: string): number[] {
    if (!this.index && this.scans < SCANS_BEFORE_INDEX) {
      this.scans++;
      return scanOccurrences(this.text, needle);
    }
    return this.filter().occurrences(needle) ?? scanOccurrences(this.text, needle);
  }
}
