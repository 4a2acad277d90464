/**
 * Safe Markdown: make stored Markdown (a clipped passage, or the reader's note) safe to paste into any
 * notes app, while keeping its structure (paragraphs, lists, links, emphasis, code).
 *
 * What it neutralizes, and how:
 * - Raw HTML and autolinks: a `<` that could open a tag, comment, declaration or autolink (followed by a
 *   letter, `/`, `!` or `?`) is backslash-escaped everywhere except inside code. Code spans are paired as
 *   CommonMark pairs them (./code-spans.ts: left to right, equal runs, backslash escapes outside code
 *   only, binding tighter than links and emphasis); a run without a partner on its line is escaped, so
 *   none pairs across lines. A code span's content is left literal unless something could make a
 *   renderer pair the backticks differently from us: a link destination or title, a reference label or a
 *   wikilink holding a backtick (it consumes the backtick before code spans are looked for), a `$`, `|` or
 *   `%` inside a span (math, GFM table cells and Obsidian comments can split one), or a reference
 *   definition anywhere. Then every span's `<` is escaped too (safe, at worst a visible backslash).
 * - Fenced code blocks are re-emitted with canonical fences at the start of the line (after the `> `
 *   of the block quotes they are in), long enough for their content, and closed when the input left them
 *   open: what we treat as code is code to every renderer, and an unclosed fence cannot swallow the rest
 *   of an export.
 * - Links: `javascript:`, `vbscript:` and `data:` links, images and reference definitions are dropped
 *   (their text kept). Page text is stricter: only absolute http(s)/mailto links survive and images
 *   become their alt text (a clip never loads anything), as in ./from-html.ts. A template's literal
 *   text (./template.ts) keeps absolute http(s) links only, and no images either (no beacons).
 * - Page text only: Obsidian embeds and wikilinks (`![[...]]`, `[[...]]`) are escaped. A reader's note
 *   keeps them: linking their own notes is the point.
 * - Control characters are removed and line endings made `\n`.
 *
 * The `<` and link-scheme rules themselves are in ./escape.ts, shared with the clip converter and the export.
 *
 * Idempotent: sanitizing safe Markdown returns it unchanged.
 */

import { type CodeSpan, codeSpansAreTrusted, lineCodeSpans } from './code-spans';
import { ASCII_PUNCTUATION, isEscaped, linkTail } from './link-syntax';
import { escapeTagOpeners, isAllowedScheme, type MarkdownOrigin, opensTag } from './escape';

const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

/** Sanitizes Markdown from `origin`; see the module comment. */
export function sanitizeMarkdown(markdown: string, origin: MarkdownOrigin): string {
  const lines = markdown
    .replace(/\r\n?/g, '\n')
    .replace(/\0/g, '\uFFFD')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .split('\n');
  const out: string[] = [];
  let prose: string[] = [];
  const flush = () => {
    if (prose.length) out.push(sanitizeProse(prose.join('\n'), origin));
    prose = [];
  };
  for (let i = 0; i < lines.length; i++) {
    // A fence may sit in a block quote (a clipped quote holding code): it is code inside as well.
    const depth = quoteDepth(lines[i]!);
    const open = fenceOpening(lines[i]!.slice(depth.prefix));
    if (!open) {
      prose.push(lines[i]!);
      continue;
    }
    flush();
    const content: string[] = [];
    let closed = false;
    for (i++; i < lines.length; i++) {
      const inner = quoteDepth(lines[i]!);
      // A line outside the quote ends it, and the code in it (no lazy lines in code): read it again.
      if (inner.depth !== depth.depth) {
        i--;
        break;
      }
      const line = lines[i]!.slice(inner.prefix);
      const close = FENCE_CLOSE.exec(line)?.[1];
      if (close && close[0] === open.fence[0] && close.length >= open.fence.length) {
        closed = true;
        break;
      }
      content.push(stripIndent(line, open.indent));
    }
    // A fence left open runs to the end of its quote: its trailing blank lines are not code.
    if (!closed) while (content.length > 0 && !content.at(-1)!.trim()) content.pop();
    const quote = '> '.repeat(depth.depth);
    const fenced = canonicalFence(open.fence[0]!, open.fence.length, open.info, content);
    out.push(
      quote
        ? fenced
            .split('\n')
            .map((line) => (quote + line).trimEnd())
            .join('\n')
        : fenced,
    );
  }
  flush();
  return out.join('\n').replace(/\s+$/, '');
}

/** Block quote markers (`>`, each after up to 3 spaces, with an optional space) at a line's start. */
function quoteDepth(line: string): { depth: number; prefix: number } {
  const markers = /^(?: {0,3}> ?)*/.exec(line)![0];
  return { depth: markers.split('>').length - 1, prefix: markers.length };
}

/** A fence opener, as CommonMark reads one at the start of a block (backtick info has no backtick). */
function fenceOpening(line: string): { indent: number; fence: string; info: string } | null {
  const match = FENCE_OPEN.exec(line);
  if (!match) return null;
  const fence = match[2]!;
  const info = match[3]!;
  if (fence[0] === '`' && info.includes('`')) return null;
  return { indent: match[1]!.length, fence, info };
}

function stripIndent(line: string, indent: number): string {
  let i = 0;
  while (i < indent && line[i] === ' ') i++;
  return line.slice(i);
}

/** A fence at column 0, longer than any run of its character inside, with a plain language tag. */
function canonicalFence(char: string, minLength: number, info: string, content: string[]): string {
  let longest = 0;
  for (const run of content.join('\n').matchAll(char === '`' ? /`+/g : /~+/g)) {
    longest = Math.max(longest, run[0].length);
  }
  const fence = char.repeat(Math.max(3, minLength, longest + 1));
  const language = (info.trim().split(/\s+/)[0] ?? '').replace(/[^\w+#.-]/g, '').slice(0, 40);
  return [fence + language, ...content, fence].join('\n');
}

/** Text outside fenced code: links first (they decide what is a destination), then escapes. */
function sanitizeProse(text: string, origin: MarkdownOrigin): string {
  const lines = dropReferenceDefinitions(rewriteAllLinks(text, origin), origin).split('\n');
  const spans = lines.map(lineCodeSpans);
  const trusted = codeSpansAreTrusted(lines, spans, origin);
  return lines.map((line, i) => escapeLine(line, origin, spans[i]!, trusted)).join('\n');
}

/**
 * Escapes one line: `<` that could start HTML, `[[` in page text, and backtick runs that open no code
 * span (so no renderer pairs them across lines). Code spans (`spans`, from ./code-spans.ts) are copied as
 * they are when trusted, else with their `<` escaped.
 */
function escapeLine(
  line: string,
  origin: MarkdownOrigin,
  spans: readonly CodeSpan[],
  trusted: boolean,
): string {
  const byOpening = new Map(spans.map((span) => [span.open, span]));
  let out = '';
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === '\\' && i + 1 < line.length && ASCII_PUNCTUATION.test(line[i + 1]!)) {
      out += c + line[i + 1];
      i += 2;
      continue;
    }
    if (c === '`') {
      const span = byOpening.get(i);
      let runEnd = i;
      while (line[runEnd] === '`') runEnd++;
      if (!span) {
        out += '\\`'.repeat(runEnd - i);
        i = runEnd;
        continue;
      }
      const run = '`'.repeat(span.length);
      const content = line.slice(i + span.length, span.close);
      // Untrusted, the span is kept but its `<` escaped: safe whether a renderer reads code or text.
      out += run + (trusted ? content : escapeTagOpeners(content)) + run;
      i = span.close + span.length;
      continue;
    }
    if (c === '<' && opensTag(line.slice(i + 1, i + 2))) {
      out += '\\<';
      i++;
      continue;
    }
    if (origin === 'page' && c === '[' && line[i + 1] === '[') {
      out += '\\[\\[';
      i += 2;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

/** Passes of link rewriting before giving up on a text (see `rewriteAllLinks`). */
const MAX_LINK_PASSES = 8;

/**
 * `rewriteLinks` until nothing changes: dropping a link keeps its text, which can complete a link
 * around it (`[[a](x:y)](javascript:z)` leaves `[a](javascript:z)`). Text nested deeper than
 * MAX_LINK_PASSES is no prose anyone wrote: every `[` left in it is escaped, so none opens a link.
 */
function rewriteAllLinks(text: string, origin: MarkdownOrigin): string {
  let current = text;
  for (let pass = 0; pass < MAX_LINK_PASSES; pass++) {
    const next = rewriteLinks(current, origin);
    if (next === current) return current;
    current = next;
  }
  return current.replace(/(\\*)\[/g, (match, slashes: string) =>
    slashes.length % 2 === 1 ? match : `${slashes}\\[`,
  );
}

/**
 * Drops inline links and images whose destination is not allowed (keeping their text), and in page
 * text and templates turns every image into its alt text. One pass: see `rewriteAllLinks`.
 */
function rewriteLinks(text: string, origin: MarkdownOrigin): string {
  let out = '';
  let done = 0;
  for (let from = 0; ; ) {
    const close = text.indexOf('](', from);
    if (close === -1) break;
    from = close + 2;
    if (isEscaped(text, close)) continue;
    const tail = linkTail(text, close + 2);
    if (!tail) continue;
    const open = openingBracket(text, close);
    if (open < done) {
      // No `[` for it by a plain count, but a renderer skips brackets in code spans (`[^`][]`](x:y)` is
      // a link to x:y): a bracket that could close a disallowed link is escaped, so it closes none. (An
      // opener before `done` is in text this pass rewrote: the next pass reads it again.)
      if (open === -1 && !isAllowedDestination(tail.destination, origin)) {
        out += `${text.slice(done, close)}\\`;
        done = close;
      }
      continue;
    }
    // `[a](<b)` and `[](<<b>)` are no links (an unclosed pointy destination, one holding a `<`), but
    // escaping a `<` would make them links: the `(` is escaped too, so the text stays the text it was.
    if (!linkTail(text, close + 2, 'source')) {
      out += `${text.slice(done, close + 1)}\\(`;
      done = close + 2;
      continue;
    }
    const isImage = open > 0 && text[open - 1] === '!' && !isEscaped(text, open - 1);
    if (isAllowedDestination(tail.destination, origin) && !(isImage && origin !== 'user')) continue;
    out += text.slice(done, isImage ? open - 1 : open) + text.slice(open + 1, close);
    done = tail.end;
    from = tail.end;
  }
  return out + text.slice(done);
}

/** The `[` matching the `]` at `close` (nesting and escapes respected, not across a blank line), or -1. */
function openingBracket(text: string, close: number): number {
  let depth = 0;
  for (let i = close - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '\n' && text[i - 1] === '\n') return -1;
    if ((c !== '[' && c !== ']') || isEscaped(text, i)) continue;
    if (c === ']') depth++;
    else if (depth === 0) return i;
    else depth--;
  }
  return -1;
}

/** Removes link reference definitions (`[id]: destination`) whose destination is not allowed. */
function dropReferenceDefinitions(text: string, origin: MarkdownOrigin): string {
  const lines = text.split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const match = /^ {0,3}\[(?:[^\]\\]|\\.)+\]:[ \t]*(\S*)/.exec(lines[i]!);
    if (!match) {
      kept.push(lines[i]!);
      continue;
    }
    let destination = match[1]!;
    const onNextLine = !destination && i + 1 < lines.length;
    if (onNextLine) destination = lines[i + 1]!.trim().split(/\s/)[0] ?? '';
    if (isAllowedDestination(destination, origin)) {
      kept.push(lines[i]!);
    } else if (onNextLine) {
      i++; // the destination's line goes with its label
    }
  }
  return kept.join('\n');
}

/**
 * Whether a link destination may stay. Decoded the way renderers and browsers would read it (backslash
 * escapes, character references, stripped whitespace and controls) before its scheme is checked.
 */
export function isAllowedDestination(raw: string, origin: MarkdownOrigin): boolean {
  let url = raw.startsWith('<') && raw.endsWith('>') ? raw.slice(1, -1) : raw;
  url = url.replace(/\\([!-/:-@[-`{-~])/g, '$1');
  url = url.replace(/&#(?:x([0-9a-f]{1,6})|([0-9]{1,7}));?/gi, (_, hex: string, dec: string) => {
    const code = hex ? Number.parseInt(hex, 16) : Number.parseInt(dec, 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
  });
  // A named reference before the path could spell the colon (`&colon;`): treat as hostile.
  if (/&[a-z][a-z0-9]*;/i.test(url.split(/[/?#]/)[0] ?? '')) return false;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: URL parsers strip leading controls
  url = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  // An escaped pointy destination (`\<javascript:x>`) is a relative link, but one tool's unescaping
  // away from a scheme: both readings must be allowed.
  if (url.startsWith('<') && !isAllowedDestination(url.slice(1).replace(/>$/, ''), origin)) return false;
  return isAllowedScheme(scheme, origin);
}
