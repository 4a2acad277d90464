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

function hashAt(text: string, i: number): number {
  return (text.charCodeAt(i) * 961 + text.charCodeAt(i + 1) * 31 + text.charCodeAt(i + 2)) & (BUCKETS - 1);
}

export class QGramFilter {
  /** Text positions grouped by the hash of the q-gram starting there (a counting sort). */
  private readonly positions: Int32Array;
  private readonly bucketStarts: Int32Array;

  constructor(private readonly text: string) {
    const count = Math.max(0, text.length - Q + 1);
    const counts = new Int32Array(BUCKETS + 1);
    for (let i = 0; i < count; i++) counts[hashAt(text, i) + 1]!++;
    for (let b = 0; b < BUCKETS; b++) counts[b + 1]! += counts[b]!;
    this.bucketStarts = counts.slice();
    const fill = counts;
    this.positions = new Int32Array(count);
    for (let i = 0; i < count; i++) this.positions[fill[hashAt(text, i)]!++] = i;
  }

  /**
   * Regions `[from, to)` of the text that may contain `pattern` with at most `k` edits, merged and in
   * order; null when the pattern is too short for the filter to rule anything out.
   */
  regions(pattern: string, k: number): [number, number][] | null {
    const m = pattern.length;
    const threshold = m - Q + 1 - k * Q;
    if (threshold <= 0 || this.text.length < Q) return null;
    // An occurrence is at most m + k long, so it lies within two consecutive blocks of that size.
    const block = m + k;
    const hits = new Int32Array(Math.ceil(this.text.length / block) + 1);
    // How often each q-gram occurs in the pattern: the preserved q-grams of an occurrence map one to
    // one onto pattern positions, so a block holding a q-gram more often than the pattern does
    // cannot count the surplus (English repeats " th", "he ", "ion" everywhere; counted in full
    // they kept almost every block alive).
    const multiplicity = new Map<number, number>();
    for (let i = 0; i + Q <= m; i++) {
      const hash = hashAt(pattern, i);
      multiplicity.set(hash, (multiplicity.get(hash) ?? 0) + 1);
    }
    for (const [hash, cap] of multiplicity) {
      // Positions in a bucket are in text order (counting sort), so a block's run is contiguous.
      let currentBlock = -1;
      let inBlock = 0;
      for (let at = this.bucketStarts[hash]!, end = this.bucketStarts[hash + 1]!; at < end; at++) {
        const b = Math.floor(this.positions[at]! / block);
        if (b !== currentBlock) {
          currentBlock = b;
          inBlock = 0;
        }
        if (inBlock < cap) {
          inBlock++;
          hits[b]!++;
        }
      }
    }
    const regions: [number, number][] = [];
    for (let b = 0; b + 1 < hits.length; b++) {
      if (hits[b]! + hits[b + 1]! < threshold) continue;
      const from = b * block;
      const to = Math.min(this.text.length, (b + 2) * block + Q);
      const last = regions[regions.length - 1];
      if (last && from <= last[1]) last[1] = Math.max(last[1], to);
      else regions.push([from, to]);
    }
    return regions;
  }
}
