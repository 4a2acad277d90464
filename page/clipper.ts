/**
 * Turns a selection into a clip: selectors, text, Markdown, the talk it sits under and the page's
 * metadata. Runs only when the reader acts; the page analysis (Readability, talk detection) is
 * computed once per page state and reused by later clips.
 */
import { buildTextIndex, describeRange, type TextIndex } from '@/core/anchoring';
import { rangeToMarkdown } from '@/core/markdown/from-html';
import { LIMITS } from '@/core/limits';
import { extractPageMetadata } from '@/core/page-metadata';
import type { ClipInput } from '@/core/schemas';
import {
  detectTalkSections,
  NO_RULES,
  type Redetection,
  type TalkRules,
  type TalkSection,
  talkForNode,
} from '@/core/talks';
import type { HighlightColor, PageMetadata, TextQuoteSelector } from '@/core/types';

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

/** Builds the clip of `range`; `index` is the page's current text index. */
export function buildClip(
  doc: Document,
  range: Range,
  options: { color: HighlightColor; note?: string; analysis: PageAnalysis; index?: TextIndex },
): ClipInput {
  const root = doc.body;
  const index = options.index ?? buildTextIndex(root);
  const selectors = describeRange(root, range, index);
  const quote = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  if (!quote) throw new Error('the selection has no text to clip');
  const { start } = index.rangeOffsets(range);
  let markdown: string;
  try {
    markdown = rangeToMarkdown(range, { baseUrl: doc.URL }).markdown;
  } catch {
    markdown = quote.exact;
  }
  const { sections, metadata } = options.analysis;
  const talk = talkForNode(sections, range.startContainer);
  return {
    page: metadata,
    talks: sections.map((s) => ({
      title: s.title,
      speakers: s.speakers,
      position: safeOffset(index, s.heading),
      form: s.form,
    })),
    highlight: {
      text: quote.exact,
      markdown: markdown || quote.exact,
      selectors,
      color: options.color,
      note: options.note ?? '',
      position: start,
      talkTitle: talk?.title ?? null,
    },
  };
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
