/**
 * Real CommonMark parsers as the judges of what Markdown does once rendered, so the sanitizer and the
 * export are not checked only against line regexes of our own: markdown-it (strict CommonMark and its
 * default, with GFM tables and strikethrough) and the CommonMark reference implementation (`commonmark`,
 * commonmark.js). The parsers keep raw HTML as HTML and accept every link (markdown-it's own filter of
 * `javascript:` would hide what we want to see); the test then decides which URLs may stay.
 */
import {
  HtmlRenderer as CommonMarkHtmlRenderer,
  Parser as CommonMarkParser,
  type Node as CommonMarkNode,
} from 'commonmark';
import MarkdownIt, { type Token } from 'markdown-it';
import type { MarkdownOrigin } from '@/core/markdown/escape';

function parser(preset: 'commonmark' | 'default') {
  const md = new MarkdownIt(preset, { html: true, linkify: false });
  md.validateLink = () => true;
  return md;
}

/** Strict CommonMark, and markdown-it's default (with GFM tables and strikethrough). */
const PARSERS = [parser('commonmark'), parser('default')];

/** What a renderer makes of Markdown that could run or load anything. */
export interface ActiveParts {
  /** Raw HTML, inline or as a block. */
  html: string[];
  links: string[];
  images: string[];
  /** Headings of the document itself (not inside a quote or a list), as `h1 text`, in order. */
  headings: string[];
}

function walk(tokens: readonly Token[], parts: ActiveParts) {
  tokens.forEach((token, i) => {
    if (token.type === 'html_inline' || token.type === 'html_block') parts.html.push(token.content);
    if (token.type === 'link_open') parts.links.push(String(token.attrGet('href') ?? ''));
    if (token.type === 'image') parts.images.push(String(token.attrGet('src') ?? ''));
    if (token.type === 'heading_open' && token.level === 0)
      parts.headings.push(`${token.tag} ${tokens[i + 1]?.content ?? ''}`);
    if (token.children) walk(token.children, parts);
  });
}

const reference = new CommonMarkParser();

/** The text of a commonmark.js node (text, code and line breaks of its descendants). */
function referenceText(node: CommonMarkNode): string {
  let text = '';
  const walker = node.walker();
  for (let event = walker.next(); event; event = walker.next()) {
    if (!event.entering) continue;
    const { type, literal } = event.node;
    if (type === 'text' || type === 'code') text += literal ?? '';
    else if (type === 'softbreak' || type === 'linebreak') text += '\n';
  }
  return text;
}

/** The active parts as the CommonMark reference implementation reads them. */
function referenceParts(markdown: string): ActiveParts {
  const parts: ActiveParts = { html: [], links: [], images: [], headings: [] };
  const walker = reference.parse(markdown).walker();
  for (let event = walker.next(); event; event = walker.next()) {
    if (!event.entering) continue;
    const node = event.node;
    if (node.type === 'html_inline' || node.type === 'html_block') parts.html.push(node.literal ?? '');
    if (node.type === 'link') parts.links.push(node.destination ?? '');
    if (node.type === 'image') parts.images.push(node.destination ?? '');
    if (node.type === 'heading' && node.parent?.type === 'document')
      parts.headings.push(`h${node.level} ${referenceText(node)}`);
  }
  return parts;
}

/** The active parts of `markdown` as each parser reads it: markdown-it's two presets, then the reference. */
export function activeParts(markdown: string): ActiveParts[] {
  return [
    ...PARSERS.map((md) => {
      const parts: ActiveParts = { html: [], links: [], images: [], headings: [] };
      walk(md.parse(markdown, {}), parts);
      return parts;
    }),
    referenceParts(markdown),
  ];
}

/**
 * The HTML each parser renders `markdown` to (markdown-it strict CommonMark and default, the CommonMark
 * reference), raw HTML left in: what a notes app shows.
 */
export function renderedHtml(markdown: string): string[] {
  const reference = new CommonMarkParser().parse(markdown);
  return [...PARSERS.map((md) => md.render(markdown)), new CommonMarkHtmlRenderer().render(reference)];
}

/**
 * The text of `markdown` if each parser reads it as at most one paragraph of plain text (no emphasis,
 * link, code, HTML or anything else), else null: what a clip of plain page text must come out as.
 */
export function plainText(markdown: string): (string | null)[] {
  return [...markdownItPlainText(markdown), referencePlainText(markdown)];
}

function referencePlainText(markdown: string): string | null {
  const doc = reference.parse(markdown);
  const paragraph = doc.firstChild;
  if (!paragraph) return '';
  if (paragraph.next || paragraph.type !== 'paragraph') return null;
  let text = '';
  for (let child = paragraph.firstChild; child; child = child.next) {
    if (child.type === 'text') text += child.literal ?? '';
    else if (child.type === 'softbreak') text += '\n';
    else return null;
  }
  return text;
}

function markdownItPlainText(markdown: string): (string | null)[] {
  return PARSERS.map((md) => {
    const tokens = md.parse(markdown, {});
    if (tokens.length === 0) return '';
    const [open, inline, close] = tokens;
    if (tokens.length !== 3 || open!.type !== 'paragraph_open' || close!.type !== 'paragraph_close')
      return null;
    let text = '';
    for (const child of inline!.children ?? []) {
      if (child.type === 'text') text += child.content;
      else if (child.type === 'softbreak') text += '\n';
      else return null;
    }
    return text;
  });
}

/** What a reader sees of Markdown: its text (code and image alt text included), links and images. */
export interface ShownParts {
  text: string;
  links: string[];
  images: string[];
  /** Raw HTML (always empty when the parser keeps HTML as text). */
  html: string[];
}

function markdownItShown(md: ReturnType<typeof parser>, markdown: string): ShownParts {
  const shown: ShownParts = { text: '', links: [], images: [], html: [] };
  const visit = (tokens: readonly Token[]) => {
    for (const token of tokens) {
      if (
        token.type === 'text' ||
        token.type === 'code_inline' ||
        token.type === 'code_block' ||
        token.type === 'fence'
      )
        shown.text += token.content;
      else if (token.type === 'softbreak' || token.type === 'hardbreak') shown.text += '\n';
      else if (token.type === 'html_inline' || token.type === 'html_block') shown.html.push(token.content);
      else if (token.type === 'link_open') shown.links.push(String(token.attrGet('href') ?? ''));
      else if (token.type === 'image') shown.images.push(String(token.attrGet('src') ?? ''));
      else if (token.type === 'paragraph_close' || token.type === 'heading_close') shown.text += '\n';
      if (token.children) visit(token.children);
    }
  };
  visit(md.parse(markdown, {}));
  return shown;
}

function referenceShown(markdown: string): ShownParts {
  const shown: ShownParts = { text: '', links: [], images: [], html: [] };
  const walker = reference.parse(markdown).walker();
  for (let event = walker.next(); event; event = walker.next()) {
    const { type, literal, destination } = event.node;
    if (!event.entering) {
      if (type === 'paragraph' || type === 'heading') shown.text += '\n';
      continue;
    }
    if (type === 'text' || type === 'code' || type === 'code_block') shown.text += literal ?? '';
    else if (type === 'softbreak' || type === 'linebreak') shown.text += '\n';
    else if (type === 'html_inline' || type === 'html_block') shown.html.push(literal ?? '');
    else if (type === 'link') shown.links.push(destination ?? '');
    else if (type === 'image') shown.images.push(destination ?? '');
  }
  return shown;
}

const HTML_AS_TEXT = [
  new MarkdownIt('commonmark', { html: false }),
  new MarkdownIt('default', { html: false }),
];
for (const md of HTML_AS_TEXT) md.validateLink = () => true;

/**
 * What each parser shows of `markdown` (markdown-it strict CommonMark and default, the CommonMark
 * reference). With `htmlAsText`, what a source meant to be text shows: raw HTML stays text (markdown-it
 * with `html: false`; commonmark.js has no such mode, so markdown-it's strict CommonMark answers for it).
 */
export function shownParts(markdown: string, htmlAsText = false): ShownParts[] {
  if (htmlAsText) {
    const [strict, gfm] = HTML_AS_TEXT.map((md) => markdownItShown(md, markdown));
    return [strict!, gfm!, strict!];
  }
  return [...PARSERS.map((md) => markdownItShown(md, markdown)), referenceShown(markdown)];
}

/** The scheme of a URL as a browser reads it (leading controls and spaces, tabs and newlines ignored). */
export function schemeOf(url: string): string | undefined {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers strip these before the scheme
  const cleaned = url.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
}

/** Whether a rendered link or image URL is one Markdown from `origin` may keep. */
export function allowedUrl(url: string, origin: MarkdownOrigin): boolean {
  const scheme = schemeOf(url);
  if (origin === 'page') return scheme === 'http' || scheme === 'https' || scheme === 'mailto';
  return scheme === undefined || !['javascript', 'vbscript', 'data'].includes(scheme);
}

/** Building blocks of hostile Markdown: HTML openers, link syntax, obfuscated schemes, code and block markers. */
export const HOSTILE_PARTS = [
  '<',
  '<script>',
  '</b>',
  '<img src=x onerror=alert(1)>',
  '<!--',
  '<?',
  '<!DOCTYPE html>',
  '<https://ok.example>',
  '<javascript:alert(1)>',
  'img',
  '/',
  '!',
  '?',
  '[',
  ']',
  '(',
  ')',
  '](',
  '![',
  '[x]: ',
  'javascript:',
  'JaVaScRiPt:',
  'vbscript:',
  'data:text/html,',
  '&#106;',
  '&colon;',
  'https://ok.example',
  'mailto:a@b.example',
  '\\',
  '`',
  '```',
  '~~~',
  '\n',
  '\n\n',
  '    ',
  '\t',
  '"',
  "'",
  '|',
  '$',
  '*',
  '> ',
  '- ',
  '1. ',
  '# ',
  '[[',
] as const;
