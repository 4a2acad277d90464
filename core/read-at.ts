/**
 * The addresses a post was read at (#18): a page record's `readAt`, the normalized URLs other than
 * its own where the reader clipped the post (an archive or tag page showing it, the new URL of a
 * moved post, an AMP or print view) or linked a page to it in the popup. A grow-only set: two
 * devices' lists merge to their union (core/sync/merge.ts), a backup's to the union with the
 * library's (core/merge.ts). Kept sorted, so equal sets are equal values (sync compares values as
 * JSON) and the bound drops the same addresses on every device.
 */
import { LIMITS } from './limits';
import { normalizeUrl } from './url';

/**
 * The union of `lists` as a `readAt` value: every http(s) address normalized, each once, without
 * `own` (the page's own URL is not "another address"), sorted, at most `LIMITS.readAt`. Anything
 * else (a non-string, a URL that does not normalize, one too long) is dropped: the lists may come
 * from a sync server or a backup file.
 */
export function joinReadAt(own: string | null, ...lists: readonly unknown[]): string[] {
  const all = new Set<string>();
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      if (typeof item !== 'string' || item.length > LIMITS.url) continue;
      const url = normalizeUrl(item);
      if (url && url !== own && url.length <= LIMITS.url) all.add(url);
    }
  }
  return [...all].sort().slice(0, LIMITS.readAt);
}

/**
 * The page's `readAt` after the post was read at `address`, or null when that changes nothing (its
 * own address, one already listed, or the list is full).
 */
export function withReadAt(
  page: { url: string; readAt?: readonly string[] },
  address: string,
): string[] | null {
  const next = joinReadAt(page.url, page.readAt ?? [], [address]);
  const before = page.readAt ?? [];
  return next.length === before.length && next.every((url, i) => url === before[i]) ? null : next;
}
