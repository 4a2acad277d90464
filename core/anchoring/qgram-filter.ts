/**
 * A filter that rules out, without running the fuzzy search, the parts of a text that cannot hold a
 * quote within `k` edits (the q-gram lemma: such an occurrence shares at least m - q + 1 - kq of the
 * quote's q-grams). A deleted passage then costs a few table lookups instead of a scan of the page.
 *
 * Built once per text. Hash collisions and repeated q-grams only over-count, so the filter may keep a
 * region that holds no match, but never drops one that does.
 */

const Q = 3;
const BUCKETS = 1 << 16;
/**
 * Blocks per occurrence span. The q-grams of an occurrence start within a span of m + k - q + 1
 * characters, so they lie in BLOCKS_PER_SPAN + 1 consecutive blocks of span / BLOCKS_PER_SPAN: hits are
 * counted over a window only 1/8 longer than an occurrence. With two blocks of a whole span each (the
 * first version) the window was twice as long, and prose shares enough trigrams with any quote over
 * twice its length that 12% of the page stayed to search for a deleted passage; with eight, 1.5%.
 */
const BLOCKS_PER_SPAN = 8;

function hashAt(text: string, i: number): number {
  return (text.charCodeAt(i) * 961 + text.charCodeAt(i + 1) * 31 + text.charCodeAt(i + 2)) & (BUCKETS - 1);
}

/** First index in [lo, hi) of `values` (ascending there) whose value is >= `value`, or hi. */
function firstAtLeast(values: Int32Array, lo: number, hi: number, value: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class QGramFilter {
  /** Text positions grouped by the hash of the q-gram starting there (a counting sort). */
  private readonly positions: Int32Array;
  private readonly bucketStarts: Int32Array;
  /** Per q-gram hash, its count in the pattern being filtered; all zero between calls. */
  private readonly caps = new Int32Array(BUCKETS);
  /** The blocks of one q-gram's occurrences while a pattern is filtered (as long as the largest bucket). */
  private readonly scratch: Int32Array;

  constructor(private readonly text: string) {
    const count = Math.max(0, text.length - Q + 1);
    const counts = new Int32Array(BUCKETS + 1);
    for (let i = 0; i < count; i++) counts[hashAt(text, i) + 1]!++;
    for (let b = 0; b < BUCKETS; b++) counts[b + 1]! += counts[b]!;
    this.bucketStarts = counts.slice();
    const fill = counts;
    this.positions = new Int32Array(count);
    for (let i = 0; i < count; i++) this.positions[fill[hashAt(text, i)]!++] = i;
    let largest = 0;
    for (let b = 0; b < BUCKETS; b++)
      largest = Math.max(largest, this.bucketStarts[b + 1]! - this.bucketStarts[b]!);
    this.scratch = new Int32Array(largest);
  }

  /**
   * Start offsets of every verbatim occurrence of `needle` (overlapping ones too), ascending, found
   * from the positions of its rarest q-gram; null when the needle is shorter than a q-gram.
   */
  occurrences(needle: string): number[] | null {
    const length = needle.length;
    if (length < Q) return null;
    const { text, positions, bucketStarts } = this;
    // Every occurrence holds each of the needle's q-grams at its offset: the rarest one has fewest
    // positions to check.
    let offset = 0;
    let fewest = Number.POSITIVE_INFINITY;
    for (let i = 0; i + Q <= length; i++) {
      const hash = hashAt(needle, i);
      const size = bucketStarts[hash + 1]! - bucketStarts[hash]!;
      if (size < fewest) {
        fewest = size;
        offset = i;
      }
    }
    const found: number[] = [];
    const hash = hashAt(needle, offset);
    for (let at = bucketStarts[hash]!, end = bucketStarts[hash + 1]!; at < end; at++) {
      const start = positions[at]! - offset;
      if (start >= 0 && text.startsWith(needle, start)) found.push(start);
    }
    return found;
  }

  /**
   * Regions `[from, to)` of the text that may contain `pattern` with at most `k` edits, merged and in
   * order; null when the pattern is too short for the filter to rule anything out.
   *
   * With `within`, only occurrences lying wholly inside that span of the text are looked for (only the
   * q-grams there are counted, and the regions are clipped to it): an empty answer proves the span holds
   * no match, for the cost of the lookups in it alone.
   */
  regions(pattern: string, k: number, within?: readonly [number, number]): [number, number][] | null {
    const m = pattern.length;
    const n = this.text.length;
    const threshold = m - Q + 1 - k * Q;
    if (threshold <= 0 || n < Q) return null;
    const from = Math.max(0, Math.min(n, within?.[0] ?? 0));
    const to = Math.max(from, Math.min(n, within?.[1] ?? n));
    const regions: [number, number][] = [];
    if (to - from < Q) return regions;
    // Every q-gram of an occurrence (at most m + k long) starts within `span` characters of its first.
    const span = m + k - Q + 1;
    const block = Math.ceil(span / BLOCKS_PER_SPAN);
    const firstBlock = Math.floor(from / block);
    const lastStart = to - Q; // Last q-gram start inside [from, to).
    const blocks = Math.floor(lastStart / block) - firstBlock + 1;
    // counts[b] becomes the number of the pattern's q-grams the window of blocks b..b + BLOCKS_PER_SPAN
    // holds, each q-gram counted at most as often as the pattern has it: the preserved q-grams of an
    // occurrence map one to one onto pattern positions, so a window holding a q-gram more often than
    // the pattern does cannot count the surplus (English repeats " th", "he ", "ion" everywhere;
    // counted in full they kept almost every window alive). Built as a difference array: for a q-gram
    // the pattern has c times, the windows holding it at least j times (j <= c) are a union of
    // intervals added with +1.
    const counts = new Int32Array(blocks + 1);
    // The pattern's q-grams and their multiplicities, in a table kept zeroed between calls (a Map per
    // call cost more than the lookups when the span is a window).
    const { positions, bucketStarts, caps } = this;
    const distinct: number[] = [];
    for (let i = 0; i + Q <= m; i++) {
      const hash = hashAt(pattern, i);
      if (caps[hash]!++ === 0) distinct.push(hash);
    }
    const occurrenceBlocks = this.scratch;
    for (const hash of distinct) {
      const cap = caps[hash]!;
      caps[hash] = 0;
      // Positions in a bucket are in text order (counting sort), so the part inside [from, to) is
      // found by binary search and its blocks come out ascending.
      const end = bucketStarts[hash + 1]!;
      let found = 0;
      for (let at = firstAtLeast(positions, bucketStarts[hash]!, end, from); at < end; at++) {
        const position = positions[at]!;
        if (position > lastStart) break;
        occurrenceBlocks[found++] = Math.floor(position / block) - firstBlock;
      }
      for (let j = 1; j <= cap && j <= found; j++) {
        // Windows holding occurrences i..i + j - 1: b in [block of the last - BLOCKS_PER_SPAN, block of
        // the first]; both ends ascend with i, so overlapping intervals merge in one pass.
        let low = -1;
        let high = -2;
        for (let i = 0; i + j <= found; i++) {
          const intervalLow = Math.max(0, occurrenceBlocks[i + j - 1]! - BLOCKS_PER_SPAN);
          const intervalHigh = occurrenceBlocks[i]!;
          if (intervalLow > intervalHigh) continue;
          if (intervalLow <= high + 1) {
            high = Math.max(high, intervalHigh);
            continue;
          }
          if (high >= low) {
            counts[low]!++;
            counts[high + 1]!--;
          }
          low = intervalLow;
          high = intervalHigh;
        }
        if (high >= low) {
          counts[low]!++;
          counts[high + 1]!--;
        }
      }
    }
    // An occurrence whose first q-gram is in block b has all its q-grams in window b, and ends within
    // m + k of that block's end.
    let sum = 0;
    for (let b = 0; b < blocks; b++) {
      sum += counts[b]!;
      if (sum < threshold) continue;
      const regionFrom = Math.max(from, (firstBlock + b) * block);
      const regionTo = Math.min(to, (firstBlock + b + 1) * block + m + k);
      const last = regions[regions.length - 1];
      if (last && regionFrom <= last[1]) last[1] = Math.max(last[1], regionTo);
      else regions.push([regionFrom, regionTo]);
    }
    return regions;
  }
}
