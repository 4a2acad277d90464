/**
 * A talk proposal, or a call for them, names its fields as headings: "Title", "Abstract", "Format" (a
 * rejected proposal posted in full, a call-for-speakers form's questions). The talks it mentions were
 * never given, and its example titles are no talks. A write-up may have a "Summary" heading, but not a
 * bare "Title" beside another field of a proposal.
 */
import { HEADINGS, headingText } from './dom';

/** A heading that is only the title field: "Title", "Talk title *", "Titel:", "タイトル". */
const TITLE_FIELD =
  /^(?:(?:talk|session|proposal|presentation)\s+)?(?:title|titel|titre|título|titolo|tytuł|název|názov|otsikko|pealkiri|pavadinimas|nosaukums|cím|naslov|название|назва|タイトル|标题|標題|제목)$/iu;

/** A heading that is another field of a proposal: abstract, format, outline, audience, level, bio. */
const OTHER_FIELD =
  /^(?:(?:talk|session|speaker)\s+)?(?:abstract|description|outline|format|format and track|length|duration|level|audience|target audience|elevator pitch|bio|biography|zusammenfassung|kurzbeschreibung|résumé|resumen|resumo|riassunto|streszczenie|anotace|anotácia|tiivistelmä|kokkuvõte|santrauka|kopsavilkums|összefoglaló|аннотация|анотація|概要|摘要|概要説明|개요|초록)$/iu;

/** A field label without its required-question mark or trailing colon. */
function fieldLabel(text: string): string {
  return text
    .replace(/[\s*:：]+$/u, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The texts of a page's headings, ARIA headings (a form's question titles) included. */
function headingTexts(root: Element | Document): string[] {
  return [...root.querySelectorAll(`${HEADINGS}, [role="heading"]`)].map(headingText);
}

/** True when a page's headings include a proposal's title field and another of its fields. */
export function isProposalOrCall(root: Element | Document): boolean {
  return namesProposalFields(headingTexts(root));
}

/** True when headings include a proposal's title field and another of its fields. */
export function namesProposalFields(headings: readonly string[]): boolean {
  const labels = headings.map(fieldLabel);
  return labels.some((l) => TITLE_FIELD.test(l)) && labels.some((l) => OTHER_FIELD.test(l));
}
