/**
 * Whether our injected UI is really there to be seen: a page can leave it in place but fade it,
 * hide it or cover it, so that a click on its own bait lands on our button (clickjacking, #14 finding 5).
 *
 * Two sources: the computed style of the element and of every ancestor (across shadow roots), which
 * every browser gives; and IntersectionObserver v2 (`trackVisibility`, Chromium only), which also sees
 * elements painted over ours, even ones that let the click through (`pointer-events: none`).
 */

/** Below this combined opacity (of the element and its ancestors) a control counts as hidden. */
export const MIN_OPACITY = 0.9;

/** The smallest box, in CSS pixels either way, that counts as a control a reader can see. */
const MIN_SIZE = 4;

/** The parent element of `node`, crossing out of a shadow root to its host. */
function parentOf(node: Element): Element | null {
  if (node.parentElement) return node.parentElement;
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** The factor an `opacity(…)` in a `filter` applies (1 without one). */
function filterOpacity(filter: string): number {
  let factor = 1;
  for (const [, value, percent] of filter.matchAll(/opacity\(\s*([\d.]+)(%?)\s*\)/g)) {
    factor *= Number(value) / (percent ? 100 : 1);
  }
  return factor;
}

/**
 * Whether the computed styles of `element` and its ancestors let it be seen: displayed, visible, not
 * faded below MIN_OPACITY (opacity and opacity filters combined), not clipped or masked away by an
 * ancestor, with a box of a few pixels that lies in the viewport.
 */
export function styleShows(element: Element): boolean {
  const win = element.ownerDocument.defaultView;
  if (!win) return false;
  const own = win.getComputedStyle(element);
  if (own.visibility !== 'visible') return false;
  const box = element.getBoundingClientRect();
  if (box.width < MIN_SIZE || box.height < MIN_SIZE) return false;
  if (box.bottom <= 0 || box.right <= 0 || box.top >= win.innerHeight || box.left >= win.innerWidth)
    return false;
  let opacity = 1;
  for (let node: Element | null = element; node; node = parentOf(node)) {
    const style = win.getComputedStyle(node);
    if (style.display === 'none' || style.contentVisibility === 'hidden') return false;
    opacity *= Number(style.opacity) * filterOpacity(style.filter);
    if (opacity < MIN_OPACITY) return false;
    if (node !== element && (style.clipPath !== 'none' || (style.mask && style.mask !== 'none')))
      return false;
  }
  return true;
}

/** Whether this browser reports IntersectionObserver v2 visibility (`isVisible`). */
export function tracksVisibility(win: Window & typeof globalThis): boolean {
  return 'IntersectionObserverEntry' in win && 'isVisible' in win.IntersectionObserverEntry.prototype;
}

/**
 * Watches `element` with IntersectionObserver v2 where the browser has it: `onChange(visible)` on every
 * change of the browser's verdict (unoccluded, unfaded, untransformed). Returns the stop function, or
 * null where the browser cannot tell (Firefox): then only `styleShows` decides.
 */
export function watchVisibility(element: Element, onChange: (visible: boolean) => void): (() => void) | null {
  const win = element.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  if (!win || !tracksVisibility(win)) return null;
  const observer = new win.IntersectionObserver(
    (entries) => {
      const last = entries.at(-1) as (IntersectionObserverEntry & { isVisible?: boolean }) | undefined;
      if (last) onChange(last.isVisible === true);
    },
    // `delay` of at least 100 ms is what the browser requires to track visibility.
    { threshold: [0, 1], trackVisibility: true, delay: 100 } as IntersectionObserverInit,
  );
  observer.observe(element);
  return () => observer.disconnect();
}
