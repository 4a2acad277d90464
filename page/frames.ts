/**
 * Frames. The content script is declared for every frame (`allFrames`), but it acts only in a top
 * frame and in frames whose every ancestor has the same origin as the frame: an embedded write-up of
 * the same site is part of what the reader reads, while a frame of another origin (an ad, a video, a
 * hostile page framing a site it wants to clickjack) is left untouched. A framed page keeps its own
 * URL as its page key, as a link to it would open it (README "Frames").
 */
import { LIMITS } from '@/core/limits';
import type { FramePage } from '@/core/page-view';
import { normalizeUrl } from '@/core/url';

/** The parts of a `Window` the check reads; a cross-origin one throws on `origin`. */
export interface FrameWindow {
  readonly origin: string;
  readonly parent: FrameWindow;
  readonly top: FrameWindow | null;
}

/** Deeper nesting than this is not a write-up; it stops a loop on a strange window chain too. */
const MAX_DEPTH = 8;

/**
 * Whether the content script may act in this window: it is the top frame, or it and every ancestor
 * up to the top share one (non-opaque) origin. Reading a cross-origin ancestor's `origin` throws,
 * and a sandboxed frame's origin is opaque ("null"), so both stay untouched.
 */
export function mayActInFrame(win: FrameWindow): boolean {
  let current = win;
  for (let depth = 0; depth <= MAX_DEPTH; depth++) {
    if (current === current.top || current.parent === current) return true;
    let parentOrigin: string;
    try {
      parentOrigin = current.parent.origin;
    } catch {
      return false;
    }
    if (current.origin === 'null' || parentOrigin !== current.origin) return false;
    current = current.parent;
  }
  return false;
}

/** How many framed pages the top frame reports: a page is read, not a frame farm. */
export const MAX_FRAME_PAGES = 20;

/**
 * The pages shown in same-origin frames of `doc` (nested ones too), in document order, each once,
 * without `doc`'s own URL. Frames of another origin, sandboxed frames and frames without an http(s)
 * URL of their own (about:blank, srcdoc: the script does not run there) are skipped.
 */
export function sameOriginFramePages(doc: Document): FramePage[] {
  const own = normalizeUrl(doc.URL);
  const pages = new Map<string, FramePage>();
  const focusedDocs = focusChain(doc);
  const visit = (parent: Document, depth: number) => {
    if (depth > MAX_DEPTH) return;
    for (const element of parent.querySelectorAll<HTMLIFrameElement | HTMLFrameElement>('iframe, frame')) {
      if (pages.size >= MAX_FRAME_PAGES) return;
      const child = sameOriginDocument(parent, element);
      if (!child) continue;
      const url = normalizeUrl(child.URL);
      if (url && url !== own) {
        const focused = focusedDocs.has(child);
        const seen = pages.get(url);
        if (!seen) pages.set(url, { url, title: child.title.trim().slice(0, LIMITS.title), focused });
        else seen.focused ||= focused;
      }
      visit(child, depth + 1);
    }
  };
  visit(doc, 0);
  return [...pages.values()];
}

/** The document of a frame element when it has the parent's (non-opaque) origin, else null. */
function sameOriginDocument(parent: Document, frame: HTMLIFrameElement | HTMLFrameElement): Document | null {
  try {
    const child = frame.contentDocument;
    const origin = parent.defaultView?.origin;
    if (!child || !origin || origin === 'null') return null;
    return child.defaultView?.origin === origin ? child : null;
  } catch {
    return null;
  }
}

/**
 * Whether `doc` is where the reader is: its window has the focus and the focus does not go on into
 * a frame of the same origin (whose own content script answers for it). A frame of another origin,
 * or one where no content script runs (sandboxed, about:blank, srcdoc), leaves the answer to `doc`.
 */
export function holdsFocus(doc: Document): boolean {
  if (!doc.hasFocus()) return false;
  const active = doc.activeElement;
  if (!active || !(active.tagName === 'IFRAME' || active.tagName === 'FRAME')) return true;
  const child = sameOriginDocument(doc, active as HTMLIFrameElement);
  return !child || !normalizeUrl(child.URL) || !child.defaultView || !mayActInFrame(child.defaultView);
}

/** The framed documents that hold the focus, from `doc` down (the active element is a frame). */
function focusChain(doc: Document): Set<Document> {
  const chain = new Set<Document>();
  let current: Document | null = doc;
  for (let depth = 0; current && depth <= MAX_DEPTH; depth++) {
    const active: Element | null = current.activeElement;
    if (!active || !(active.tagName === 'IFRAME' || active.tagName === 'FRAME')) break;
    current = sameOriginDocument(current, active as HTMLIFrameElement);
    if (current) chain.add(current);
  }
  return chain;
}
