/**
 * Turns a selection into a clip: selectors, text, Markdown, the talk it sits under and the page's
 * metadata. Runs only when the reader acts; the page analysis (Readability, talk detection) is
 * computed once per page state and reused by later clips.
 *
 * Every clip made here fits the message the background accepts (messaging/protocol.ts `saveClip`),
 * so a clip is never refused for its size after it was drawn. The rule, in LIMITS' terms:
 * - a passage longer than LIMITS.passage characters is refused up front, with a plain message;
 * - its context (prefix and suffix) is cut at LIMITS.quoteContext characters (core/anchoring/describe.ts);
 * - Markdown longer than LIMITS.markdown is replaced by the passage's plain text, escaped (which fits);
 * - detected talks, their titles and speakers are cut to their limits.
 * The finished clip is checked against the schema all the same; a clip that fails it is refused
 * before it is drawn, never sent to be refused again and again.
 */
import * as v from 'valibot';
import { buildTextIndex, describeRange, type TextIndex, textContentQuote } from '@/core/anchoring';
import { plainTextMarkdown } from '@/core/markdown/escape';
import { rangeToMarkdown } from '@/core/markdown/from-html';
import { clipLead } from '@/core/schedule/clip-lead';
import { readClipLines, singlePostTitle, structureStops } from '@/core/schedule/clip-lines';
import { LIMITS } from '@/core/limits';
import { extractPageMetadata } from '@/core/page-metadata';
import type { StyleReader } from '@/core/rendered-text';
import { type ClipInput, ClipSchema } from '@/core/schemas';
import { truncate, withoutSourceIndent } from '@/core/text';
import {
  detectTalkSections,
  NO_RULES,
  type Redetection,
  type TalkRules,
  type TalkSection,
  talkForNode,
} from '@/core/talks';
import { pageTextFragment } from '@/core/text-fragment-generate';
import type { HighlightColor, PageMetadata, TextQuoteSelector } from '@/core/types';
import { trimRange } from './selection';

export interface PageAnalysis {
  metadata: PageMetadata;
  sections: TalkSection[];
}

/** Metadata and talk sections of the page as it is now. */
export function analyzePage(doc: Document, url: string, rules: TalkRules = NO_RULES): PageAnalysis {
  let metadata: PageMetadata;
  try {
    metadata = extractPageMetadata(doc, { url }).metadata;
  } catch {
    // A page that defeats extraction still gets its highlight saved, with what we know for sure.
    metadata = fallbackMetadata(doc, url);
  }
  let sections: TalkSection[] = [];
  try {
    sections = detectTalkSections(doc, rules);
  } catch {
    sections = [];
  }
  return { metadata, sections };
}

function fallbackMetadata(doc: Document, url: string): PageMetadata {
  return {
    url,
    title: (doc.title || url).slice(0, LIMITS.title),
    authors: [],
    siteName: null,
    publishedAt: null,
    lang: doc.documentElement.lang || null,
    canonicalUrl: null,
    excerpt: null,
  };
}

export interface ClipOptions {
  color: HighlightColor;
  note?: string;
  analysis: PageAnalysis;
  /** The page's current text index (built when left out). */
  index?: TextIndex;
  /** Reads layout for the passage's text-fragment link (the page's `getComputedStyle` when left out). */
  styleOf?: StyleReader;
}

/**
 * What clipping a selection gives: the clip to send and the range it covers (trimmed), or why no clip
 * can be sent, in words for the reader. `clip` is there when one was built but cannot be stored: the
 * reader can still copy it.
 */
export type PreparedClip =
  | { ok: true; clip: ClipInput; range: Range }
  | { ok: false; message: string; clip?: ClipInput };

/** The refusal of a passage over LIMITS.passage characters. */
export function passageTooLongMessage(length: number): string {
  return `This passage is too long to highlight: ${length.toLocaleString('en')} characters, the limit is ${LIMITS.passage.toLocaleString('en')}. Select a shorter passage.`;
}

/**
 * Everything the content script does between the reader's click and sending the clip: trims the
 * selection, refuses what cannot be stored (nothing selected, a passage over the limit, a page address
 * too long to store), builds the clip and checks it against the message schema.
 */
export function prepareClip(doc: Document, selected: Range, options: ClipOptions): PreparedClip {
  const range = trimRange(selected);
  // Emptiness is read from the page text below, not with Range.toString, which costs seconds on a
  // whole large page in jsdom (the corpus tests) and is not what gets stored anyway.
  const index = options.index ?? buildTextIndex(doc.body);
  let span: { start: number; end: number };
  try {
    span = index.rangeOffsets(range);
  } catch {
    return { ok: false, message: 'Nothing to highlight: the selection is not in the page’s text.' };
  }
  // Text that is never page text (a script, a style) may make a selection look non-empty.
  const text = index.text.slice(span.start, span.end);
  if (!/\S/.test(text)) return { ok: false, message: 'Nothing to highlight.' };
  if (text.length > LIMITS.passage) return { ok: false, message: passageTooLongMessage(text.length) };
  if (options.analysis.metadata.url.length > LIMITS.url) {
    return {
      ok: false,
      message: `Talk Notes cannot keep highlights of this page: its address is longer than ${LIMITS.url.toLocaleString('en')} characters.`,
    };
  }
  let clip: ClipInput;
  try {
    clip = buildClip(doc, range, { ...options, index });
  } catch (error) {
    return {
      ok: false,
      message: `Could not highlight this: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const checked = v.safeParse(ClipSchema, clip);
  if (!checked.success) {
    return {
      ok: false,
      message: `Talk Notes cannot store this passage (${issueText(checked.issues[0])}).`,
      clip,
    };
  }
  return { ok: true, clip, range };
}

/** `Invalid length: Expected <=2000 but received 2001 at page.title` */
function issueText(issue: v.BaseIssue<unknown>): string {
  const path = v.getDotPath(issue);
  return path ? `${issue.message} at ${path}` : issue.message;
}

/**
 * Builds the clip of `range` (see the module comment for the limits it applies). Throws for a range
 * with no page text; a passage over LIMITS.passage is refused by {@link prepareClip} before this.
 */
export function buildClip(doc: Document, range: Range, options: ClipOptions): ClipInput {
  const root = doc.body;
  const index = options.index ?? buildTextIndex(root);
  const selectors = describeRange(root, range, index);
  const quote = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  if (!quote) throw new Error('the selection has no text to clip');
  const span = index.rangeOffsets(range);
  const { start } = span;
  // The link is built now, from the rendered page: an export made later has only the stored passage.
  const textFragment = pageTextFragment(index, span, options.styleOf ?? computedStyleOf(doc));
  // Web Annotation export counts as other tools do (textContent), which only the page can tell.
  // A passage whose textContent holds much script text could pass the limit: exported by its quote then.
  const counted = textContentQuote(root, range);
  const exported = counted && counted.exact.length <= LIMITS.passage ? counted : null;
  let markdown = '';
  try {
    markdown = rangeToMarkdown(range, { baseUrl: doc.URL }).markdown;
  } catch {
    // The plain text below.
  }
  // The passage's text, escaped: at most about twice LIMITS.passage, well within LIMITS.markdown.
  if (!markdown || markdown.length > LIMITS.markdown) markdown = plainTextMarkdown(quote.exact);
  const { sections, metadata } = options.analysis;
  const talk = talkForNode(sections, range.startContainer);
  const titleOf = (section: TalkSection) => truncate(section.title, LIMITS.title);
  // The line that leads to the passage in its section, which only the page shows: the clip guard
  // (core/schedule/clip-guard.ts) reads it for another talk a section that ran too long holds.
  const lead = talk ? clipLead(talk.heading, range.startContainer) : null;
  // The lines above it, whatever the markup: the schedule reads them for the talk they name where
  // detection filed the passage under no talk it knows (core/schedule/file-by-lines.ts).
  const lines = readClipLines(
    range.startContainer,
    structureStops(sections),
    singlePostTitle(sections, metadata.title),
  );
  return {
    page: metadata,
    talks: sections
      .filter((s) => titleOf(s) !== '')
      .slice(0, LIMITS.detectedTalks)
      .map((s) => ({
        title: titleOf(s),
        speakers: s.speakers
          .slice(0, LIMITS.detectedSpeakers)
          .map((name) => truncate(name, LIMITS.personName)),
        position: safeOffset(index, s.heading),
        form: s.form,
      })),
    highlight: {
      text: isPreformatted(range) ? quote.exact : withoutSourceIndent(quote.exact),
      markdown,
      ...(textFragment ? { textFragment } : {}),
      ...(exported ? { textContentQuote: exported } : {}),
      ...(lead && lead.text.length <= LIMITS.clipLead
        ? { clipLead: { text: lead.text, likeHeading: lead.likeHeading } }
        : {}),
      ...(lines.length ? { clipLines: lines.slice(0, LIMITS.clipLines) } : {}),
      selectors,
      color: options.color,
      note: options.note ?? '',
      position: start,
      talkTitle: (talk && titleOf(talk)) || null,
    },
  };
}

/**
 * Whether the passage touches preformatted text (`<pre>`, or `white-space: pre*` where the page has
 * styles), whose spaces and line breaks are the author's and are kept.
 */
function isPreformatted(range: Range): boolean {
  const common = range.commonAncestorContainer;
  const element = common.nodeType === 1 ? (common as Element) : common.parentElement;
  if (!element) return false;
  if (element.closest('pre, textarea')) return true;
  if ([...element.querySelectorAll('pre, textarea')].some((pre) => range.intersectsNode(pre))) return true;
  const style = element.ownerDocument.defaultView?.getComputedStyle?.(element);
  return !!style && /^(pre|pre-wrap|break-spaces)$/.test(style.whiteSpace);
}

/** The page's computed styles; no styles at all where the document has no window. */
function computedStyleOf(doc: Document): StyleReader {
  const view = doc.defaultView;
  return view ? (element) => view.getComputedStyle(element) : () => null;
}

function safeOffset(index: TextIndex, node: Node): number {
  try {
    return index.offsetOf(node, 0);
  } catch {
    return 0;
  }
}

/**
 * The page's talks detected again, and the talk each drawn highlight falls under now ("Detect talks
 * again" in the dashboard). `ranges` are the highlights drawn on the page; the others are left out.
 */
export function redetect(
  doc: Document,
  url: string,
  rules: TalkRules,
  ranges: ReadonlyMap<string, Range>,
): Redetection {
  const { sections } = analyzePage(doc, url, rules);
  const index = buildTextIndex(doc.body);
  const filing: Record<string, string | null> = {};
  for (const [id, range] of ranges) filing[id] = talkForNode(sections, range.startContainer)?.title ?? null;
  return {
    url,
    talks: sections.map((s) => ({
      title: s.title,
      speakers: s.speakers,
      position: safeOffset(index, s.heading),
      form: s.form,
    })),
    filing,
  };
}
