/**
 * The grant that lets one in-page menu frame read and edit one highlight (#14, finding 2).
 *
 * The menu frame (highlight-menu.html) is an extension page, so anything it is told to do it does with
 * the extension's rights; any web page can frame it. It therefore learns nothing from its URL: the
 * content script that opened it holds a grant (a random token for one highlight) and hands the token to
 * its own frame only. Every request of the menu goes through the background, which asks the granting
 * content script (the frame named in the grant, in the menu's own tab) what the token is worth. The first
 * menu frame that uses the token claims it; no other frame can use it after that, a token unused for
 * GRANT_CLAIM_MS is worth nothing, and closing the menu ends the grant.
 *
 * Pure: the caller keeps the grant and gives the time.
 */

/** How long a fresh grant may wait for its menu frame to claim it. */
export const GRANT_CLAIM_MS = 10_000;

/**
 * How long a closed menu's grant still serves the frame that claimed it: the menu's last save (a note
 * typed just before Escape) is on its way through the background while the content script closes.
 */
export const GRANT_AFTER_CLOSE_MS = 5_000;

/**
 * How long a menu must have been open before a click in it may change anything. The page owns the
 * element our frame sits in and can move it under the reader's next click (a double click on the
 * page's bait: the first opens the menu, the second lands on Delete).
 */
export const MENU_ARMING_MS = 400;

/** A grant as it travels: `<granting frame id>.<token>`; the token is 32 random bytes, base64url. */
const GRANT_PATTERN = /^(\d{1,20})\.([A-Za-z0-9_-]{43})$/;

/** The frame that asks with a grant, as the browser names it (never as the frame says it is). */
export interface GrantClaimant {
  frameId: number;
  /** The frame's document (Chrome 106+, Firefox 128+): a new document in the same frame is another claimant. */
  documentId?: string;
}

/** What the granting content script keeps while its menu is open. */
export interface MenuGrant {
  token: string;
  highlightId: string;
  /** When the token was handed to the menu frame (ms, caller's clock). */
  issuedAt: number;
  /** The menu frame that used the token first; set on the first use. */
  claimant?: GrantClaimant;
  /** When the menu closed (ms, caller's clock); see GRANT_AFTER_CLOSE_MS. */
  closedAt?: number;
}

/** The grant of a menu that closed at `now`: only its claimant's last requests still count, briefly. */
export function closeGrant(grant: MenuGrant | null, now: number): MenuGrant | null {
  return grant?.claimant ? { ...grant, closedAt: now } : null;
}

/** The parts of a grant string, or null when it is not one. */
export function parseGrant(grant: string): { frameId: number; token: string } | null {
  const match = GRANT_PATTERN.exec(grant);
  if (!match) return null;
  const frameId = Number(match[1]);
  return Number.isSafeInteger(frameId) ? { frameId, token: match[2]! } : null;
}

/** A grant string for the frame `frameId`, with a fresh token from `random` (32 bytes). */
export function formatGrant(frameId: number, random: Uint8Array): string {
  if (random.length !== 32) throw new Error('a grant token needs 32 random bytes');
  let binary = '';
  for (const byte of random) binary += String.fromCharCode(byte);
  const token = btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${frameId}.${token}`;
}

/**
 * Checks a request made with `token` by `claimant` against the grant held: the highlight it may act on
 * and the grant as it is now (claimed by its first user), or null when the request gets nothing.
 */
export function useGrant(
  grant: MenuGrant | null,
  token: string,
  claimant: GrantClaimant,
  now: number,
): { highlightId: string; grant: MenuGrant } | null {
  if (!grant || !sameToken(grant.token, token)) return null;
  if (
    grant.closedAt !== undefined &&
    !(now >= grant.closedAt && now - grant.closedAt <= GRANT_AFTER_CLOSE_MS)
  ) {
    return null;
  }
  if (!grant.claimant) {
    if (grant.closedAt !== undefined) return null;
    if (now - grant.issuedAt > GRANT_CLAIM_MS || now < grant.issuedAt) return null;
    return { highlightId: grant.highlightId, grant: { ...grant, claimant: { ...claimant } } };
  }
  const held = grant.claimant;
  if (held.frameId !== claimant.frameId || held.documentId !== claimant.documentId) return null;
  return { highlightId: grant.highlightId, grant };
}

/**
 * Whether a change the reader makes with a click in the menu (a colour, Delete) may go through: the
 * menu is still open, has been for MENU_ARMING_MS, and is `shown` (the caller's visibility checks:
 * not faded, hidden or covered by the page). Typing (a note, tags) needs none of this: a page
 * cannot steer keystrokes into a frame it covers without the reader seeing the text appear.
 */
export function mayAct(grant: MenuGrant, now: number, shown: boolean): boolean {
  return grant.closedAt === undefined && now - grant.issuedAt >= MENU_ARMING_MS && shown;
}

/** Compares tokens without stopping at the first difference. */
function sameToken(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}
