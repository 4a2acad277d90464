/**
 * Access to one web origin, asked for when the reader needs it (a schedule URL whose server does
 * not allow cross-origin reads, a sync server) and never up front: the manifest declares every
 * http(s) origin as optional, and each request names one origin only.
 */
import { browser } from 'wxt/browser';

/** The match pattern of one URL's origin (`https://schedule.example/*`); null for non-http(s) URLs. */
export function originPattern(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  // Match patterns take no port: access is to the host, on any port.
  return `${parsed.protocol}//${parsed.hostname}/*`;
}

/** Whether the extension may already read this URL's origin. */
export async function hasHostAccess(url: string): Promise<boolean> {
  const pattern = originPattern(url);
  if (!pattern) return false;
  try {
    return await browser.permissions.contains({ origins: [pattern] });
  } catch {
    return false;
  }
}

/**
 * Asks the reader for access to this URL's origin. Must run from a click (browsers refuse it
 * otherwise: then, as when the reader says no or closes the prompt, it resolves false).
 */
export async function requestHostAccess(url: string): Promise<boolean> {
  const pattern = originPattern(url);
  if (!pattern) return false;
  try {
    return await browser.permissions.request({ origins: [pattern] });
  } catch {
    return false;
  }
}
