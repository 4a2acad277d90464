/**
 * Which stored talk a passage goes under, given what detection says now and what the reader corrected
 * before: a detected talk marked "Not a talk" sends its passages to the talk above it (or to none), a
 * talk the reader started at a passage takes the passages after it, and a passage whose talk the
 * reader chose stays where it is. Detection never undoes a correction.
 */

/** A fresh detection of a page: its talks, and for each passage found on the page, the talk title it is under. */
export interface Redetection {
  url: string;
  talks: { title: string; speakers: string[]; position: number; form: string }[];
  /** Highlight id -> detected talk title (null: under no talk). Highlights not found on the page are absent. */
  filing: Record<string, string | null>;
}

/** What filing needs to know of a stored talk. */
export interface FilingTalk {
  id: string;
  /** Offset of the talk's start in the page text; negative for a talk made without a place. */
  position: number;
  detected: boolean;
  /** The title detection gave it (kept when the reader renames it). */
  detectedTitle: string | null;
  /** Set when the reader said it is not a talk: `part` of the talk above, or belonging to `none`. */
  notATalk?: 'part' | 'none' | null;
}

/**
 * The talk id for a passage at `position` that detection files under the talk titled `detectedTitle`
 * (null: under no talk). `talks` are the page's stored talks.
 */
export function fileUnder(
  detectedTitle: string | null,
  position: number,
  talks: readonly FilingTalk[],
): string | null {
  let talk = detectedTitle === null ? null : (talks.find((t) => t.detectedTitle === detectedTitle) ?? null);
  if (talk?.notATalk === 'none') talk = null;
  else if (talk?.notATalk === 'part') talk = talkAbove(talk.position, talks);

  // A talk the reader started above the passage, after the detected one, takes it.
  const started = talks
    .filter((t) => !t.detected && t.position >= 0 && t.position <= position && !t.notATalk)
    .sort((a, b) => b.position - a.position)[0];
  if (started && (!talk || started.position > talk.position)) {
    const detectedBetween = talks.some(
      (t) => t.detected && !t.notATalk && t.position > started.position && t.position <= position,
    );
    if (!detectedBetween) return started.id;
  }
  return talk?.id ?? null;
}

/** The nearest real talk that starts before `position`, or null. */
export function talkAbove(position: number, talks: readonly FilingTalk[]): FilingTalk | null {
  let best: FilingTalk | null = null;
  for (const t of talks) {
    if (t.notATalk || t.position < 0 || t.position >= position) continue;
    if (!best || t.position > best.position) best = t;
  }
  return best;
}

/** A stored passage as re-filing sees it. */
export interface FilingHighlight {
  id: string;
  position: number;
  talkId: string | null;
  /** The reader chose this passage's talk: re-filing leaves it alone. */
  talkPinned?: boolean;
}

/**
 * After detection ran again: the passages whose talk changes, as id -> new talk id. `detected` says,
 * for each passage that could be placed on the page, which talk title detection files it under now;
 * passages not in it (not found on the page) and pinned passages keep their talk.
 */
export function refile(
  highlights: readonly FilingHighlight[],
  detected: ReadonlyMap<string, string | null>,
  talks: readonly FilingTalk[],
): Map<string, string | null> {
  const changes = new Map<string, string | null>();
  for (const h of highlights) {
    if (h.talkPinned || !detected.has(h.id)) continue;
    const talkId = fileUnder(detected.get(h.id) ?? null, h.position, talks);
    if (talkId !== h.talkId) changes.set(h.id, talkId);
  }
  return changes;
}
