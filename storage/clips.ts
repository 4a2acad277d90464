/**
 * Saving a clip: the page record (one per normalized URL), the talks detected on it, and the
 * highlight, in one transaction so a failure leaves nothing half-written.
 */
import { newId } from '@/core/ids';
import { withReadAt } from '@/core/read-at';
import { fileUnder } from '@/core/talks/filing';
import type { ClipInput, DetectedTalkInput } from '@/core/schemas';
import type {
  ClipResult,
  HighlightRecord,
  PageMetadata,
  PageRecord,
  Selector,
  TalkRecord,
  TextQuoteSelector,
} from '@/core/types';
import type { TalkNotesDatabase } from './db';

/** Merges fresh metadata into a stored page: a value found now wins, a value missing now keeps the old one. */
function mergePage(old: PageRecord, fresh: PageMetadata, now: number): PageRecord {
  return {
    ...old,
    title: fresh.title || old.title,
    authors: fresh.authors.length ? fresh.authors : old.authors,
    siteName: fresh.siteName ?? old.siteName,
    publishedAt: fresh.publishedAt ?? old.publishedAt,
    lang: fresh.lang ?? old.lang,
    canonicalUrl: fresh.canonicalUrl ?? old.canonicalUrl,
    excerpt: fresh.excerpt ?? old.excerpt,
    ...((fresh.fingerprint ?? old.fingerprint) ? { fingerprint: fresh.fingerprint ?? old.fingerprint } : {}),
    updatedAt: now,
  };
}

/**
 * Same passage: same text starting at (nearly) the same place, or (a post clipped at another of its
 * addresses, #18: an archive page places it elsewhere) the same text in the same words around it.
 */
function isSamePassage(existing: HighlightRecord, clip: ClipInput['highlight']): boolean {
  if (existing.text !== clip.text) return false;
  if (Math.abs(existing.position - clip.position) <= Math.max(16, clip.text.length / 4)) return true;
  const a = quoteOf(existing.selectors);
  const b = quoteOf(clip.selectors);
  if (!a || !b) return false;
  const before = agreeingContext(a.prefix ?? '', b.prefix ?? '', 'end');
  const after = agreeingContext(a.suffix ?? '', b.suffix ?? '', 'start');
  // Enough agreeing words around it to be the same place: a post's last passage has no suffix.
  return before !== null && after !== null && before + after >= MIN_AGREEING_CONTEXT;
}

/** Characters of context (next to the passage) that must agree for a passage placed elsewhere to be the same. */
const MIN_AGREEING_CONTEXT = 16;

function quoteOf(selectors: readonly Selector[]): TextQuoteSelector | undefined {
  return selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
}

/**
 * How many characters of context next to the passage (the end of a prefix, the start of a suffix)
 * agree, spacing ignored, up to 16; null when they disagree. Two empty contexts agree on nothing (0).
 */
function agreeingContext(a: string, b: string, side: 'start' | 'end'): number | null {
  const squash = (s: string) => s.replace(/\s+/g, ' ');
  const [x, y] =
    side === 'end'
      ? [squash(a).trimEnd(), squash(b).trimEnd()]
      : [squash(a).trimStart(), squash(b).trimStart()];
  const n = Math.min(16, x.length, y.length);
  if (n === 0) return x.length === y.length ? 0 : null;
  const same = side === 'end' ? x.slice(-n) === y.slice(-n) : x.slice(0, n) === y.slice(0, n);
  return same ? n : null;
}

/**
 * Saves a clip; `author` (who made it, #16: the sync panel's name or this browser's) goes on a new
 * highlight, and on the page and detected talks the clip makes (not on those it finds). `readAt` is
 * the address the reader clipped it at (normalized, of the sender's origin) when that is not the
 * post's own: it joins the page's `readAt` (#18), a repeated passage included (the reader read the
 * post there all the same).
 */
export async function saveClip(
  db: TalkNotesDatabase,
  clip: ClipInput,
  now = Date.now(),
  author?: string,
  readAt?: string,
): Promise<ClipResult> {
  return db.transaction('rw', db.pages, db.talks, db.highlights, async () => {
    const stored = await db.pages.where('url').equals(clip.page.url).first();
    const merged: PageRecord = stored
      ? mergePage(stored, clip.page, now)
      : { ...clip.page, id: newId(), ...(author ? { author } : {}), createdAt: now, updatedAt: now };
    const addresses = readAt ? withReadAt(merged, readAt) : null;
    const page = addresses ? { ...merged, readAt: addresses } : merged;
    await db.pages.put(page);

    const existing = await db.highlights.where('url').equals(page.url).toArray();
    const duplicate = existing.find((h) => isSamePassage(h, clip.highlight));
    if (duplicate) return { highlight: duplicate, duplicate: true };

    await upsertDetectedTalks(db, page.id, clip.talks, now, author);
    const { talkTitle, ...fields } = clip.highlight;
    // Detection's answer, as the reader's corrections of this page amend it ("Not a talk", a talk they started).
    const pageTalks = await db.talks.where('pageId').equals(page.id).toArray();
    const highlight: HighlightRecord = {
      ...fields,
      id: newId(),
      pageId: page.id,
      url: page.url,
      talkId: fileUnder(talkTitle, clip.highlight.position, pageTalks),
      tags: [],
      anchorStatus: 'placed',
      ...(author ? { author } : {}),
      createdAt: now,
      updatedAt: now,
    };
    await db.highlights.add(highlight);
    return { highlight, duplicate: false };
  });
}

/**
 * Creates the talks detection found that the page does not have yet, matched on their detected
 * title so a talk the user renamed is not created again. Returns them by detected title.
 */
async function upsertDetectedTalks(
  db: TalkNotesDatabase,
  pageId: string,
  detected: DetectedTalkInput[],
  now: number,
  author?: string,
): Promise<Map<string, TalkRecord>> {
  const byTitle = new Map<string, TalkRecord>();
  for (const talk of await db.talks.where('pageId').equals(pageId).toArray()) {
    if (talk.detectedTitle !== null) byTitle.set(talk.detectedTitle, talk);
  }
  const added: TalkRecord[] = [];
  for (const { title, speakers, position, form } of detected) {
    const known = byTitle.get(title);
    if (known) {
      if (known.position !== position) {
        known.position = position;
        await db.talks.update(known.id, { position });
      }
      continue;
    }
    const talk: TalkRecord = {
      id: newId(),
      pageId,
      title,
      speakers,
      position,
      detected: true,
      detectedTitle: title,
      ...(form ? { form } : {}),
      ...(author ? { author } : {}),
      createdAt: now,
      updatedAt: now,
    };
    byTitle.set(title, talk);
    added.push(talk);
  }
  if (added.length) await db.talks.bulkAdd(added);
  return byTitle;
}
