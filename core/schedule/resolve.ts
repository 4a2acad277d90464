/**
 * Which talk a passage is shown and exported under. A page's talk that is a conference talk links to
 * it (`scheduleTalkId`): its passages then belong to the conference talk, so two write-ups of one
 * talk on different pages end up under one talk. The dashboard's index, grouping, filters, talk
 * pickers and the Markdown export all ask this one function.
 */
import type { HighlightRecord, TalkRecord } from '../types';

/**
 * The talk `talk`'s passages are shown under: the conference talk it links to when that talk
 * exists, else `talk` itself. A link the reader declined counts as none, and so does a link to a
 * talk that is not a conference's (a malformed record): one hop at most, so nothing can loop.
 */
export function resolveTalk<T extends TalkRecord | undefined>(
  talk: T,
  talksById: ReadonlyMap<string, TalkRecord>,
): T | TalkRecord {
  const target = linkedTalkId(talk);
  const linked = target === null ? undefined : talksById.get(target);
  return linked?.conferenceId !== undefined ? linked : talk;
}

/** `resolveTalk` by id: the id of the talk a passage filed under `talkId` is shown under. */
export function resolveTalkId(
  talkId: string | null,
  talksById: ReadonlyMap<string, TalkRecord>,
): string | null {
  if (talkId === null) return null;
  const talk = talksById.get(talkId);
  return talk ? resolveTalk(talk, talksById).id : talkId;
}

/** True when `talk` is shown under another talk (it links to a conference talk that exists). */
export function isLinkedTalk(talk: TalkRecord, talksById: ReadonlyMap<string, TalkRecord>): boolean {
  return resolveTalk(talk, talksById) !== talk;
}

/**
 * True when the clip guard's offer on `highlight` stands: its page talk is linked to a conference
 * talk by the matcher and that talk is among the offered ones. An offer left over from an earlier
 * link (the talk renamed, unlinked, linked by the reader) stands for nothing.
 */
export function isOffered(
  highlight: Pick<HighlightRecord, 'talkId' | 'scheduleCandidates'>,
  talksById: ReadonlyMap<string, TalkRecord>,
): boolean {
  if (!highlight.scheduleCandidates?.length || highlight.talkId === null) return false;
  const talk = talksById.get(highlight.talkId);
  return (
    talk?.scheduleLink === 'matched' &&
    talk.scheduleTalkId !== undefined &&
    highlight.scheduleCandidates.includes(talk.scheduleTalkId)
  );
}

/**
 * The talk a passage is shown and exported under: its talk's (`resolveTalk`), except that a passage
 * the clip guard offered is under its page talk, under no conference talk, until the reader decides.
 */
export function resolveHighlightTalk(
  highlight: Pick<HighlightRecord, 'talkId' | 'scheduleCandidates'>,
  talksById: ReadonlyMap<string, TalkRecord>,
): TalkRecord | undefined {
  const own = highlight.talkId === null ? undefined : talksById.get(highlight.talkId);
  return isOffered(highlight, talksById) ? own : resolveTalk(own, talksById);
}

function linkedTalkId(talk: TalkRecord | undefined): string | null {
  if (!talk?.scheduleTalkId || talk.scheduleLink === 'declined' || talk.scheduleTalkId === talk.id)
    return null;
  return talk.scheduleTalkId;
}
