import type { TalkNotesDatabase } from './db';

/**
 * Candidates best first, as the matcher ranks them; equally good ones (a session given twice) in
 * schedule order, so the reader reads Saturday before Sunday whatever their ids.
 */
export async function inOfferOrder(
  db: TalkNotesDatabase,
  candidates: readonly { talkId: string; confidence: number }[],
): Promise<string[]> {
  const talks = await db.talks.bulkGet(candidates.map((c) => c.talkId));
  const position = (i: number) => talks[i]?.position ?? Number.MAX_SAFE_INTEGER;
  return candidates
    .map((candidate, i) => ({ candidate, i }))
    .sort((a, b) =>
      b.candidate.confidence - a.candidate.confidence > 1e-9
        ? 1
        : a.candidate.confidence - b.candidate.confidence > 1e-9
          ? -1
          : position(a.i) - position(b.i),
    )
    .map(({ candidate }) => candidate.talkId);
}
