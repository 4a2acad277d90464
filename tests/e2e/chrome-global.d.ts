// Code passed to page/worker.evaluate runs inside Chromium, where extension contexts have `chrome`.
declare const chrome: typeof import('wxt/browser').browser;
