/**
 * Schedule slots that no longer hold their talk: "[MOVED] Title", "CANCELLED: Title", "Title (verschoben)".
 * Schedules keep the old slot of a moved talk beside the new one, and a cancelled talk under its title,
 * so a write-up's talk would find the same title twice, or a talk that was never given. Such a slot is
 * left out of matching (search still finds it). Only a status word set apart as a label counts: in
 * brackets, before a colon or dash, or in a trailing group; "Cancelled Flights: Lessons from Airline
 * Ops" is a title.
 */

/**
 * Status words, in the languages of the schedules read (en, de, fr, es, pt, it, nl, ja, zh, ko, ru, uk,
 * pl, tr).
 */
const STATUS = [
  'moved|cancell?ed|postponed|rescheduled|withdrawn|relocated|dropped',
  'verschoben|abgesagt|entfällt|entfallen|verlegt',
  'annulée?|reportée?|déplacée?|reprogrammée?',
  'cancelad[ao]|aplazad[ao]|suspendid[ao]|trasladad[ao]|reprogramad[ao]|adiad[ao]|transferid[ao]|remarcad[ao]',
  'annullat[ao]|spostat[ao]|rinviat[ao]|riprogrammat[ao]',
  'отменен[аоы]?|отменён|перенесен[аоы]?|перенесён',
  'скасован[аоі]?|перенесен[аоі]?',
  'odwołan[aey]|przeniesion[aey]',
  '[iİ]ptal(?: edildi)?|ertelendi',
  'geannuleerd|verplaatst|vervallen',
  '中止|休講|キャンセル|変更|移動|取消|已取消|取消了|延期|취소|변경',
].join('|');

/** "[MOVED] …", "(Cancelled) …", "【中止】…". */
const BRACKETED = new RegExp(String.raw`^\s*[[(【［（]\s*(?:${STATUS})\s*[\])】］）]`, 'iu');
/** "MOVED: …", "Abgesagt – …" (a spaced dash or a colon after the word). */
const LABELLED = new RegExp(String.raw`^\s*(?:${STATUS})\s*(?:[:：]|\s[-–—]\s)`, 'iu');
/**
 * "MOVED TO THURSDAY: …", "CANCELLED FROM ROOM B – …": a status and where to, in capitals as a label
 * is written (in mixed case "Moved to Rust: …" is a title).
 */
const LABELLED_WHERE =
  /^\s*(?:MOVED|RESCHEDULED|POSTPONED|RELOCATED|CANCELL?ED)\s+(?:TO|FROM|UNTIL)\s+[\p{Lu}\p{N}.,' ]{1,30}?\s*(?:[:：]|\s[-–—]\s)/u;
/** "… (moved to Thursday)", "… [CANCELLED]". */
const TRAILING = new RegExp(
  String.raw`[[(【［（]\s*(?:${STATUS})(?:\s+[^\])】］）]{0,40})?\s*[\])】］）]\s*$`,
  'iu',
);

/** Whether a schedule title marks its slot as moved or cancelled (see the module comment). */
export function isPlaceholderSlot(title: string): boolean {
  return BRACKETED.test(title) || LABELLED.test(title) || LABELLED_WHERE.test(title) || TRAILING.test(title);
}
