/**
 * Programme or write-up: a page that announces talks before the event (the speaker "will show", the
 * panel "will discuss") reads like a write-up in every structural way (talk titles, speakers, notes
 * under each) but reports nothing that was said. What tells them apart is tense: a write-up's notes tell
 * what happened, a programme's abstracts what will. Future markers in the languages detection reads;
 * each is a whole word, so "Will" as a name in a title is not read (only the notes are).
 */

/** Share of talks whose notes speak of the future for the page to be a programme. */
const PROGRAMME_SHARE = 2 / 3;

/** English and Dutch, in lower case: "Will" is also a name ("Will Harmon showed …"). */
const FUTURE_LOWER = /(?<!\p{L})(?:will|won't|shall|is going to|are going to|zal|zullen)(?!\p{L})/u;
const FUTURE = new RegExp(
  [
    // German: werden + infinitive ("wird" alone is also the passive, so an infinitive-looking word must
    // end the clause within a few words).
    String.raw`(?<!\p{L})(?:wird|werden)\s+(?:\p{L}+\s+){0,4}?\p{L}+(?:en|ern|eln)(?:\s*[.,!]|\s*$)`,
    // French, Spanish, Portuguese, Italian: periphrastic and simple futures.
    String.raw`(?<!\p{L})(?:va|vont)\s+(?:nous\s+|vous\s+)?\p{L}+(?:er|ir|re)(?!\p{L})`,
    String.raw`(?<!\p{L})(?:sera|seront|présentera|parlera|montrera|expliquera)(?!\p{L})`,
    String.raw`(?<!\p{L})(?:va|van)\s+a\s+\p{L}+(?:ar|er|ir)(?!\p{L})`,
    String.raw`(?<!\p{L})(?:vai|vão)\s+\p{L}+(?:ar|er|ir|or)(?!\p{L})`,
    String.raw`\p{L}{2,}(?:ará|erá|irá|arán|erán|irán|arão|erão|irão|erà|irà|arà|eranno|iranno)(?!\p{L})`,
    // Russian, Ukrainian, Polish, Czech: the auxiliary, and the commonest perfective verbs of a talk.
    String.raw`(?<!\p{L})(?:будет|будут|расскажет|расскажут|покажет|покажут|буде|будуть|розповість|розкаже|покаже|będzie|będą|opowie|pokaże|bude|budou|představí)(?!\p{L})`,
    // Turkish, Indonesian, Vietnamese, Greek.
    String.raw`\p{L}{2,}(?:acak|ecek)(?:tır|tir|lar|ler)?(?!\p{L})`,
    String.raw`(?<!\p{L})(?:akan|sẽ|θα)(?!\p{L})`,
    // Japanese, Chinese, Korean.
    '予定|将会|即将|将于|将在|예정|할 것',
  ].join('|'),
  'iu',
);

/** True when `text` speaks of something still to come. */
export function speaksOfTheFuture(text: string): boolean {
  return FUTURE_LOWER.test(text) || FUTURE.test(text);
}

/**
 * The notes of a post's talks (each talk's opening text) announce them rather than report them: most
 * of them, two at least, are in the future tense.
 */
export function announcesRatherThanReports(notes: readonly string[]): boolean {
  if (notes.length < 2) return false;
  const future = notes.filter(speaksOfTheFuture).length;
  return future >= 2 && future >= notes.length * PROGRAMME_SHARE;
}
