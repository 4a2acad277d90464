/**
 * Anchoring: describe a selection as selectors, and find it again on a later visit, even after edits.
 * Pure DOM code: every function takes the root to work in (the content script passes `document.body`).
 */
export type { AnchorAllOptions, AnchorAllResult, AnchorAllStats, AnchorItem } from './anchor-all';
export { anchorAll } from './anchor-all';
export type { AnchorMethod, AnchorResult } from './anchor';
export { anchor } from './anchor';
export { CONTEXT_LENGTH, describeRange, MAX_CONTEXT_CHARS, REPEATED_CONTEXT_LENGTH } from './describe';
export type { QuoteContext, QuoteMatch } from './match-quote';
export { MAX_ERROR_RATE, matchQuote, maxErrorsFor } from './match-quote';
export type { FoldedText, TextIndex, TextSpan } from './text-index';
export { buildTextIndex } from './text-index';
export { nodeFromXPath, xpathFromNode } from './xpath';
export { TEXT_CONTENT_CONTEXT, textContentQuote } from './text-content';
