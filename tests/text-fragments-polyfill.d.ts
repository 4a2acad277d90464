/** The parts of GoogleChromeLabs' text-fragments-polyfill the tests use (the package ships no types). */
interface PolyfillTextFragment {
  prefix?: string;
  textStart: string;
  textEnd?: string;
  suffix?: string;
}

declare module 'text-fragments-polyfill/text-fragment-utils' {
  export function getFragmentDirectives(hash: string): { text?: string[] };
  export function parseFragmentDirectives(directives: { text?: string[] }): { text: PolyfillTextFragment[] };
  export function processTextFragmentDirective(
    fragment: PolyfillTextFragment,
    doc?: Document,
    root?: Node,
  ): Range[];
}

declare module 'text-fragments-polyfill/dist/fragment-generation-utils.js' {
  export const GenerateFragmentStatus: {
    SUCCESS: 0;
    INVALID_SELECTION: 1;
    AMBIGUOUS: 2;
    TIMEOUT: 3;
    EXECUTION_FAILED: 4;
  };
  export function generateFragment(
    selection: Selection,
    startTime?: number,
  ): { status: number; fragment?: PolyfillTextFragment };
  export function setTimeout(ms: number | null): void;
}
