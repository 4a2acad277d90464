/** The parts of tilgovi's dom-anchor-text-quote and dom-anchor-text-position the tests use (no types shipped). */
declare module 'dom-anchor-text-quote' {
  export function toRange(
    root: Node,
    selector: { exact: string; prefix?: string; suffix?: string },
    options?: { hint?: number },
  ): Range | null;
}

declare module 'dom-anchor-text-position' {
  export function toRange(root: Node, selector: { start: number; end: number }): Range;
}
