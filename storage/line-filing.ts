/**
 * The schedule finds the talk (core/schedule/file-by-lines.ts) in the library: a passage that talk
 * detection filed under no talk, or under a page talk no imported schedule knows (no link, nothing
 * offered), is filed by the lines the clipper stored above it (`HighlightRecord.clipLines`). It goes
 * under a page talk titled by the line (found on the page, or made: `detected`, so that "Not a
 * talk" keeps its record and the correction), linked to the schedule talk (`matched`) or offered
 * its candidates, so the popup's talk group, rename, "Not a talk" and the page's other passages work
 * as for any detected talk. The reader's corrections win: a passage pinned to its talk (moved by
 * hand, "Start a new talk here", an offer picked) or whose guard offer was declined is left, and so
 * is one whose line's talk the reader marked "Not a talk" or unlinked, or whose page talk the reader
 * linked or declined. Runs inside `linkPageTalks`' transaction.
 */
import { newId } from '@/core/ids';
import { LIMITS } from '@/core/limits';
import { fileClipByLines } from '@/core/schedule/file-by-lines';
import { pageMatchContext } from '@/core/schedule/match-context';
import type { ScheduleIndex } from '@/core/schedule/schedule-index';
import { truncate } from '@/core/text';
import type { HighlightRecord, PageRecord, TalkRecord } from '@/core/types';
import type { TalkNotesDatabase } from './db';
import { inOfferOrder } from './offer-order';

/** What filing by lines changed: passages moved under a schedule talk, and the pages they are on. */
export interface LineFilingResult {
  filed: number;
  pages: string[];
}

/** Whether the schedule may file `highlight` by its lines: detection left it under no talk the schedule knows. */
function isOpenToLines(highlight: HighlightRecord, talk: TalkRecord | null | undefined): boolean {
  if (!highlight.clipLines?.length || highlight.talkPinned || highlight.guardDeclined) return false;
  if (highlight.talkId === null) return true;
  // A passage filed under a talk that is not one of its page's (a schedule talk picked) stays.
  if (!talk || talk.pageId === null) return false;
  // A talk the reader made or renamed holds its passages as the reader left them.
  if (!talk.detected || talk.title !== talk.detectedTitle) return false;
  return !talk.notATalk && talk.scheduleLink === undefined && !talk.scheduleCandidates;
}

/**
 * Files `highlights` (their pages' talks are read here) by their stored lines where detection left
 * them under no talk the schedule knows; see the module comment.
 */
export async function fileHighlightsByLines(
  db: TalkNotesDatabase,
  index: ScheduleIndex,
  highlights: readonly HighlightRecord[],
  now: number,
): Promise<LineFilingResult> {
  const result: LineFilingResult = { filed: 0, pages: [] };
  const open = highlights.filter((h) => h.clipLines?.length);
  if (!open.length) return result;
  const pageIds = [...new Set(open.map((h) => h.pageId))];
  const pages = new Map(
    (await db.pages.bulkGet(pageIds)).filter((p): p is PageRecord => !!p).map((p) => [p.id, p]),
  );
  const talksOf = new Map<string, TalkRecord[]>();
  for (const pageId of pageIds) talksOf.set(pageId, await db.talks.where('pageId').equals(pageId).toArray());

  for (const highlight of open) {
    const page = pages.get(highlight.pageId);
    const talks = talksOf.get(highlight.pageId) ?? [];
    const current = highlight.talkId === null ? null : talks.find((t) => t.id === highlight.talkId);
    if (!page || !isOpenToLines(highlight, current)) continue;
    const filing = fileClipByLines(index, highlight.clipLines!, {
      pageDate: page.publishedAt,
      context: pageMatchContext(page),
    });
    if (filing.kind === 'none') continue;
    const title = truncate(filing.title, LIMITS.title);
    const link: Partial<TalkRecord> =
      filing.kind === 'match'
        ? { scheduleTalkId: filing.talkId, scheduleLink: 'matched' }
        : {
            scheduleCandidates: await inOfferOrder(
              db,
              filing.talkIds.map((talkId) => ({ talkId, confidence: 0 })),
            ),
          };
    let talk = talks.find((t) => t.title === title || t.detectedTitle === title);
    // The reader said the line's talk is no talk, or none of the schedule's, or another one: that stays.
    if (talk?.notATalk || talk?.scheduleLink === 'declined') continue;
    if (
      talk?.scheduleTalkId !== undefined &&
      filing.kind === 'match' &&
      talk.scheduleTalkId !== filing.talkId
    )
      continue;
    if (!talk) {
      talk = {
        id: newId(),
        pageId: page.id,
        title,
        speakers: filing.speakers
          .slice(0, LIMITS.detectedSpeakers)
          .map((s) => truncate(s, LIMITS.personName)),
        position: highlight.position,
        detected: true,
        detectedTitle: title,
        ...link,
        createdAt: now,
        updatedAt: now,
      };
      talks.push(talk);
      await db.talks.add(talk);
    } else if (talk.scheduleLink === undefined || talk.position > highlight.position) {
      const next: TalkRecord = {
        ...talk,
        ...(talk.scheduleLink === undefined ? link : {}),
        position: Math.min(talk.position, highlight.position),
        updatedAt: now,
      };
      // Linked now: an offer it had is answered.
      if (next.scheduleLink === 'matched') delete next.scheduleCandidates;
      talks[talks.indexOf(talk)] = next;
      talk = next;
      await db.talks.put(next);
    }
    await db.highlights.update(highlight.id, { talkId: talk.id, updatedAt: now });
    if (filing.kind === 'match') result.filed++;
    if (!result.pages.includes(page.url)) result.pages.push(page.url);
  }
  return result;
}
