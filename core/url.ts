/**
 * URL keys: one page record per normalized URL, so the same article reached through a
 * newsletter link, a fragment or a tracking redirect is still the same page.
 */

/** Query parameters that only track the visit and never change the content. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'ref_src',
  'ref_url',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hsa_'];

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((p) => lower.startsWith(p));
}

/**
 * The key a page is stored under: no fragment (including text fragments), no tracking parameters,
 * lower-case host and no default port (the URL parser does those two). Meaningful query parameters
 * stay, in their order. Returns null for anything that is not an http(s) URL.
 */
export function normalizeUrl(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  const params = [...url.searchParams];
  const kept = params.filter(([name]) => !isTrackingParam(name));
  // Re-serialize only when something was dropped, so untouched queries keep their exact encoding.
  if (kept.length !== params.length) url.search = new URLSearchParams(kept).toString();
  if (!url.search) url.search = ''; // drops a dangling '?'
  return url.toString();
}
