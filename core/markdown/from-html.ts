/**
 * Clip Markdown: turn what the user selected into safe Markdown (and the sanitized HTML it came from).
 *
 * Pipeline: copy the selection into an inert document (../inert.ts: never a clone in the page, where a
 * cloned `<img onerror>` would load and run), re-wrap the ancestors the copy lost (a link, a list, a
 * quote, a code block...), sanitize with DOMPurify into another inert document, tidy the result there
 * (links resolved or dropped, images replaced by their alt text, containers turned into plain blocks),
 * then convert with Turndown. Nothing here reads the global `document`/`window`: the DOM comes from the
 * range or node given.
 *
 * Escaping (the Markdown must never turn page text into markup): text is backslash-escaped per CommonMark
 * (./escape.ts `escapeMarkdownText`), links keep only http(s) and mailto. Code spans and fenced code are
 * literal in Markdown and are not escaped.
 */
import DOMPurify, { type Config, type DOMPurify as Purifier, type WindowLike } from 'dompurify';
import TurndownService from 'turndown';
import { copyRangeContents, inertDocument } from '../inert';
import { escapeMarkdownText, isAllowedScheme } from './escape';

/** What a clip converts to. */
export interface ClipMarkdown {
  /** The Markdown of the selection, trimmed; empty for an empty selection. */
  markdown: string;
  /** The sanitized HTML the Markdown was made from (no scripts, no handlers, no remote images). */
  html: string;
}

/** Options shared by {@link rangeToMarkdown} and {@link fragmentToMarkdown}. */
export interface ClipMarkdownOptions {
  /** Base for relative links; defaults to the document's base URL (`document.baseURI`). */
  baseUrl?: string;
  /**
   * The window whose DOMPurify to use. Defaults to the document's `defaultView`; documents made by
   * `DOMParser` have none, so pass one for them (without one the clip falls back to plain text).
   */
  window?: WindowLike;
  /** Above this many characters of selected HTML, fall back to the plain text. Default {@link MAX_CLIP_HTML_LENGTH}. */
  maxHtmlLength?: number;
}

/** Selections with more HTML than this are clipped as plain text: converting them would stall the page. */
export const MAX_CLIP_HTML_LENGTH = 200_000;

/** Kept as they are: the structure Markdown can express. */
const STRUCTURAL_TAGS = [
  'p',
  'br',
  'hr',
  'a',
  'em',
  'i',
  'strong',
  'b',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'del',
  's',
  'sup',
  'sub',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
];
/** Block containers: kept through sanitizing so their text stays apart, then turned into `<div>`. */
const CONTAINER_TAGS = [
  'div',
  'section',
  'article',
  'header',
  'footer',
  'aside',
  'nav',
  'main',
  'figure',
  'figcaption',
  'address',
  'details',
  'summary',
  'hgroup',
  'center',
  'dl',
  'dt',
  'dd',
  'caption',
];

const SANITIZE_CONFIG = {
  // img survives only to be replaced by its alt text; without `src` in ALLOWED_ATTR it can load nothing.
  ALLOWED_TAGS: [...STRUCTURAL_TAGS, ...CONTAINER_TAGS, 'img'],
  ALLOWED_ATTR: ['href', 'alt', 'start'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  // Controls and embeds go with their content (DOMPurify already drops script, style, svg, iframe... whole).
  ADD_FORBID_CONTENTS: [
    'form',
    'button',
    'select',
    'textarea',
    'input',
    'object',
    'embed',
    'canvas',
    'dialog',
  ],
  RETURN_DOM_FRAGMENT: true,
} satisfies Config;

/** Inline ancestors worth re-creating around a selection made entirely inside them. */
const INLINE_WRAPPERS = new Set(['a', 'em', 'i', 'strong', 'b', 'code', 'del', 's', 'sup', 'sub']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Marks a `!` that must be escaped because a link follows it (see markBangsBeforeLinks). */
const BANG_TAG = 'clip-bang';

/** Elements whose text is never part of a clip, for the plain-text fallback (upper case: HTML nodeName). */
const TEXTLESS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'SVG',
  'MATH',
  'FORM',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'CANVAS',
  'HEAD',
  'TITLE',
]);
const TEXT_BLOCKS = new Set(
  [...STRUCTURAL_TAGS, ...CONTAINER_TAGS]
    .filter((tag) => !INLINE_WRAPPERS.has(tag) && tag !== 'br')
    .map((tag) => tag.toUpperCase()),
);

const purifiers = new WeakMap<WindowLike, Purifier>();

/**
 * The Markdown of a selection. Partial ancestors the clone loses are re-created: a selection inside one
 * link stays a link, inside emphasis stays emphasized, across list items stays a list (numbered from the
 * right number), inside a quote stays quoted, inside a heading stays a heading, inside a code block stays
 * code (a block when it spans lines). A selection inside a single list item is plain text.
 * Never throws: what cannot be converted (too large, no window for DOMPurify) comes back as escaped text.
 */
export function rangeToMarkdown(range: Range, options: ClipMarkdownOptions = {}): ClipMarkdown {
  if (range.collapsed) return { markdown: '', html: '' };
  const doc = ownerDocumentOf(range.startContainer);
  // Every node made from here on belongs to an inert document: nothing of the page runs or loads again.
  const inert = inertDocument(doc);
  let selected: Node | null = null;
  try {
    const fragment = copyRangeContents(range, inert);
    selected = fragment;
    if (exceedsHtmlLength(fragment, options.maxHtmlLength ?? MAX_CLIP_HTML_LENGTH)) {
      return plainTextClip(fragment);
    }
    selected = rewrapAncestors(fragment, range, inert);
    return convert(selected, doc, options);
  } catch {
    return plainTextClip(selected ?? inert.createTextNode(range.toString()));
  }
}

/**
 * The Markdown of a fragment or an element (the element itself included, e.g. a whole `<ul>`).
 * The input is not modified. Same sanitizing, escaping and fallbacks as {@link rangeToMarkdown}.
 */
export function fragmentToMarkdown(
  fragment: DocumentFragment | Element,
  options: ClipMarkdownOptions = {},
): ClipMarkdown {
  try {
    if (exceedsHtmlLength(fragment, options.maxHtmlLength ?? MAX_CLIP_HTML_LENGTH)) {
      return plainTextClip(fragment);
    }
    return convert(fragment, ownerDocumentOf(fragment), options);
  } catch {
    return plainTextClip(fragment);
  }
}

function ownerDocumentOf(node: Node): Document {
  return node.nodeType === node.DOCUMENT_NODE ? (node as Document) : node.ownerDocument!;
}

function convert(input: Node, doc: Document, options: ClipMarkdownOptions): ClipMarkdown {
  const view = options.window ?? doc.defaultView;
  if (!view) return plainTextClip(input);
  const purify = purifierFor(view);
  if (!purify.isSupported) return plainTextClip(input);

  // DOMPurify imports the input into its own inert document: from here on nothing can load or run.
  const clean = purify.sanitize(input, SANITIZE_CONFIG);
  const inert = clean.ownerDocument;
  const root = inert.createElement('div');
  root.append(clean);
  tidy(root, options.baseUrl ?? doc.baseURI);
  const html = root.innerHTML;
  markBangsBeforeLinks(root);
  return { markdown: cleanUpMarkdown(createTurndown().turndown(root)), html };
}

function purifierFor(view: WindowLike): Purifier {
  let purify = purifiers.get(view);
  if (!purify) {
    purify = DOMPurify(view);
    purifiers.set(view, purify);
  }
  return purify;
}

/**
 * Re-creates, around the copied selection, the ancestors that give it meaning (see rangeToMarkdown).
 * `doc` is the inert document of the copy; the range's own document is only read.
 */
function rewrapAncestors(fragment: DocumentFragment, range: Range, doc: Document): Node {
  let content: Node = fragment;
  const wrap = (tag: string): Element => {
    const wrapper = doc.createElement(tag);
    wrapper.append(content);
    content = wrapper;
    return wrapper;
  };
  let listDone = false; // a list is re-created once, and not at all around a single item
  const common = range.commonAncestorContainer;
  let el: Element | null =
    common.nodeType === common.ELEMENT_NODE ? (common as Element) : common.parentElement;
  for (; el && el.localName !== 'body' && el.localName !== 'html'; el = el.parentElement) {
    const tag = el.localName;
    if (INLINE_WRAPPERS.has(tag)) {
      // Formatting inside code is not Markdown; the code itself is re-created by its <pre> if it has one.
      if (el.parentElement?.closest('pre, code')) continue;
      const wrapper = wrap(tag);
      const href = el.getAttribute('href');
      if (tag === 'a' && href !== null) wrapper.setAttribute('href', href);
    } else if (tag === 'pre') {
      if ((content.textContent ?? '').includes('\n')) {
        wrap('code');
        wrap('pre');
      } else if (content.nodeName !== 'CODE') {
        wrap('code');
      }
    } else if (tag === 'li') {
      listDone = true;
    } else if ((tag === 'ul' || tag === 'ol') && !listDone) {
      const list = wrap(tag);
      const start = tag === 'ol' ? listStart(el, range) : 1;
      if (start !== 1) list.setAttribute('start', String(start));
      listDone = true;
    } else if (HEADINGS.has(tag) || tag === 'blockquote') {
      wrap(tag);
    }
  }
  return content;
}

/** The number the first selected item of an ordered list had on the page. */
function listStart(list: Element, range: Range): number {
  let child: Node | null =
    range.startContainer === list ? (list.childNodes[range.startOffset] ?? null) : range.startContainer;
  while (child && child.parentNode !== list) child = child.parentNode;
  let before = 0;
  for (let sibling = child?.previousSibling; sibling; sibling = sibling.previousSibling) {
    if (sibling.nodeName === 'LI') before++;
  }
  const start = Number.parseInt(list.getAttribute('start') ?? '', 10);
  return (Number.isNaN(start) ? 1 : start) + before;
}

/** Post-sanitize clean-up, in the inert document. */
function tidy(root: Element, baseUrl: string): void {
  const doc = root.ownerDocument;
  for (const el of root.querySelectorAll(CONTAINER_TAGS.join(','))) {
    const div = doc.createElement('div');
    div.append(...el.childNodes);
    el.replaceWith(div);
  }
  for (const img of root.querySelectorAll('img')) {
    img.replaceWith(doc.createTextNode((img.getAttribute('alt') ?? '').trim()));
  }
  for (const link of root.querySelectorAll('a')) {
    const href = safeHref(link.getAttribute('href'), baseUrl);
    if (href && link.textContent?.trim()) link.setAttribute('href', href);
    else link.replaceWith(...link.childNodes);
  }
  for (const pre of root.querySelectorAll('pre')) {
    // One <pre><code> with the plain text: what Turndown's fenced rule expects; highlighting markup goes.
    for (const br of pre.querySelectorAll('br')) br.replaceWith('\n');
    const code = doc.createElement('code');
    code.textContent = pre.textContent;
    pre.replaceChildren(code);
  }
  moveLineBreaksOutOfEmphasis(root);
  // Adjacent text nodes (left by removed spans) must be one, or a line-start escape could miss `1` + `. x`.
  root.normalize();
}

/**
 * `<b>Title<br></b>Text` would become `**Title  \n**Text`: a `**` at the start of a line before a letter
 * closes nothing in any renderer, so the reader sees the asterisks. A line break at either edge of
 * emphasis means the same outside it; innermost elements first, so a break leaves nested ones too.
 */
function moveLineBreaksOutOfEmphasis(root: Element): void {
  const edge = (el: Element, last: boolean): ChildNode | null => {
    let node = last ? el.lastChild : el.firstChild;
    while (node && node.nodeType === node.TEXT_NODE && !(node as Text).data.trim())
      node = last ? node.previousSibling : node.nextSibling;
    return node;
  };
  for (const el of [...root.querySelectorAll('em, i, strong, b, del, s')].reverse()) {
    for (let br = edge(el, true); br?.nodeName === 'BR'; br = edge(el, true)) el.after(br);
    for (let br = edge(el, false); br?.nodeName === 'BR'; br = edge(el, false)) el.before(br);
  }
}

/**
 * `Wow!<a href=u>t</a>` would become `Wow![t](u)`, an image that loads `u`: the `!` goes into a marker
 * element that Turndown writes as `\!`. Runs after `html` is taken, so the marker never leaves this module.
 */
function markBangsBeforeLinks(root: Element): void {
  for (const link of root.querySelectorAll('a')) {
    const before = link.previousSibling;
    if (!before || before.nodeType !== before.TEXT_NODE || !(before as Text).data.endsWith('!')) continue;
    const text = before as Text;
    text.data = text.data.slice(0, -1);
    const marker = root.ownerDocument.createElement(BANG_TAG);
    marker.textContent = '!'; // not blank, or Turndown would skip it
    link.before(marker);
  }
}

/**
 * The absolute http(s)/mailto URL of a link, or null to drop the link and keep its text. Characters that
 * could end or confuse a Markdown link destination are percent-encoded (the URL parser leaves some).
 */
function safeHref(href: string | null, baseUrl: string): string | null {
  if (!href?.trim()) return null;
  try {
    const url = new URL(href.trim(), baseUrl);
    if (!isAllowedScheme(url.protocol.slice(0, -1), 'page')) return null;
    return url.href.replace(
      /[\s<>()\\"'`]/g,
      (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
    );
  } catch {
    return null;
  }
}

function createTurndown(): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    hr: '---',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    fence: '```',
    emDelimiter: '*',
    strongDelimiter: '**',
    linkStyle: 'inlined',
  });
  service.escape = escapeMarkdownText;
  service.addRule('bangBeforeLink', {
    filter: (node) => node.localName === BANG_TAG,
    replacement: () => '\\!',
  });
  service.addRule('strikethrough', {
    filter: ['del', 's'],
    replacement: (content) => (content.trim() ? `~~${content}~~` : ''),
  });
  // A link around blocks (a card, a button made of divs) would be `[\n\ntext\n\n](u)`, which no parser
  // reads as a link: each line of its content is linked on its own, block markers (`### `, `> `, `- `)
  // left outside, so the text stays a link in Obsidian, markdown-it and the CommonMark reference alike.
  service.addRule('blockLink', {
    filter: (node) => node.nodeName === 'A' && !!node.getAttribute('href'),
    replacement: (content, node) => {
      const href = (node as Element).getAttribute('href')!;
      if (!content.includes('\n')) return content.trim() ? `[${content}](${href})` : content;
      const lines = content.replace(/^\n+|\n+$/g, '').split('\n');
      const linked = lines.map((line) => {
        const [, marker = '', text = '', hardBreak = ''] =
          /^((?:[ >]*(?:#{1,6} |[-+*] |\d+[.)] )?)*)(.*?)( {2})?$/.exec(line) ?? [];
        return text.trim() ? `${marker}[${text.trim()}](${href})${hardBreak}` : line;
      });
      return `\n\n${linked.join('\n')}\n\n`;
    },
  });
  // Turndown pads markers to four columns (`-   item`); one space, with continuation lines indented to match.
  service.addRule('listItem', {
    filter: 'li',
    replacement: (content, node, options) => {
      const parent = node.parentNode as Element | null;
      let marker = `${options.bulletListMarker} `;
      if (parent?.nodeName === 'OL') {
        const start = Number.parseInt(parent.getAttribute('start') ?? '', 10);
        const index = Array.prototype.indexOf.call(parent.children, node);
        marker = `${(Number.isNaN(start) ? 1 : start) + index}. `;
      }
      const isParagraph = /\n$/.test(content);
      const body = content.replace(/^\n+|\n+$/g, '') + (isParagraph ? '\n' : '');
      return marker + body.replace(/\n/g, `\n${' '.repeat(marker.length)}`) + (node.nextSibling ? '\n' : '');
    },
  });
  return service;
}

/** Blank lines: whitespace-only lines emptied and runs of them collapsed, except inside fenced code. */
function cleanUpMarkdown(markdown: string): string {
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of markdown.split('\n')) {
    const marker = /^[ >]*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      out.push(line);
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = null;
      continue;
    }
    if (marker) fence = marker;
    const kept = /^[\s>]*$/.test(line) ? line.trimEnd() : line;
    if (kept || out.at(-1) !== '') out.push(kept);
  }
  return out.join('\n').trim();
}

/** True when the HTML of `node`'s content is longer than `limit` (stops counting once it is). */
function exceedsHtmlLength(node: Node, limit: number): boolean {
  if (node.nodeType === node.ELEMENT_NODE) return (node as Element).outerHTML.length > limit;
  let length = 0;
  for (const child of node.childNodes) {
    length +=
      child.nodeType === child.ELEMENT_NODE
        ? (child as Element).outerHTML.length
        : (child.textContent ?? '').length;
    if (length > limit) return true;
  }
  return false;
}

/** The fallback clip: the visible text, paragraphs kept, escaped for Markdown and for HTML. */
function plainTextClip(node: Node): ClipMarkdown {
  const paragraphs = plainTextOf(node)
    .split(/\n{2,}/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .filter((lines) => lines.length > 0);
  return {
    markdown: paragraphs.map((lines) => lines.map(escapeMarkdownText).join('\n')).join('\n\n'),
    html: paragraphs.map((lines) => `<p>${lines.map(escapeHtml).join('<br>')}</p>`).join(''),
  };
}

/** Text with blocks as blank lines and <br> as newlines; iterative, so deep trees cannot overflow the stack. */
function plainTextOf(root: Node): string {
  const parts: string[] = [];
  const stack: (Node | string)[] = [root];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      parts.push(item);
    } else if (item.nodeType === item.TEXT_NODE) {
      parts.push((item as Text).data.replace(/[ \t\r\n\f]+/g, ' '));
    } else if (item.nodeType === item.ELEMENT_NODE) {
      const name = item.nodeName.toUpperCase();
      if (TEXTLESS.has(name)) continue;
      if (name === 'BR') parts.push('\n');
      else if (name === 'IMG') parts.push((item as Element).getAttribute('alt') ?? '');
      else pushChildren(stack, item, TEXT_BLOCKS.has(name) ? '\n\n' : '');
    } else if (item.nodeType === item.DOCUMENT_FRAGMENT_NODE || item.nodeType === item.DOCUMENT_NODE) {
      pushChildren(stack, item, '');
    }
  }
  return parts.join('').replace(/ *\n */g, '\n');
}

function pushChildren(stack: (Node | string)[], node: Node, separator: string): void {
  if (separator) stack.push(separator);
  for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
  if (separator) stack.push(separator);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
