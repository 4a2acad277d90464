import { relative } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Where `npm run dev` finds a browser. Debian's chromium by default; override with CHROME_PATH.
const chromeBinary = process.env.CHROME_PATH ?? '/usr/bin/chromium';

// Linux without a display (a server, CI, a container): `npm run dev` cannot open a browser window.
const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
let toldNoDisplay = false;

/**
 * Extension files web pages may load: the in-page menu frame, the lazily loaded content runtime and
 * post identity reader (#18), and the content script, which the frame loader imports in same-origin frames (entrypoints/frame-script.ts).
 */
const PAGE_RESOURCES = [
  'highlight-menu.html',
  'content-runtime.js',
  'post-identity.js',
  'content-scripts/content.js',
];

/** Origins the extension may ask for, one at a time and only when needed; none is granted at install. */
const OPTIONAL_ORIGINS = ['http://*/*', 'https://*/*'];

/**
 * Test builds only: without unlimitedStorage Chromium lets a test shrink the extension's quota
 * (CDP Storage.overrideQuotaForOrigin), the one honest way to make real saves fail in a browser.
 */
const limitedStorage = process.env.TALK_NOTES_LIMITED_STORAGE === '1';

/**
 * Test builds only (tests/e2e/build.ts sets it): the background publishes its command and context-menu
 * handlers on globalThis, for tests that cannot press a command's keys or click the native menu.
 * Production builds leave them out entirely.
 */
const testHooks = process.env.TALK_NOTES_TEST_HOOKS === '1';

/**
 * Builds made with TALK_NOTES_MARKS=1 (the browser tests' and the benchmark's, tests/e2e/build.ts) leave
 * the content script's `talk-notes:ready` / `anchored` / `clipped` performance marks. Any page can read
 * its own marks: other builds leave none, so a page cannot learn that Talk Notes is installed from them.
 */
const marks = process.env.TALK_NOTES_MARKS === '1';

/**
 * The loader of the content script in frames (entrypoints/frame-script.ts), declared for every frame
 * of http(s) pages: it returns at once in the top frame (the content script runs there by itself) and
 * in frames of another origin, and imports the content script in same-origin frames. Added here
 * rather than as a WXT content script, whose context announces itself to the page before any of its
 * code can check the frame's origin. No about:blank or srcdoc frames (`match_about_blank` stays off):
 * they have no URL of their own to key their highlights by (README "Frames").
 */
const frameContentScript = {
  matches: ['http://*/*', 'https://*/*'],
  js: ['frame-script.js'],
  run_at: 'document_idle' as const,
  all_frames: true,
};

export default defineConfig({
  // A separate output folder lets parallel test runs build without overwriting each other.
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  // Every module imports what it uses: explicit imports read better and avoid name clashes.
  imports: false,
  vite: () => ({
    plugins: [preact()],
    define: {
      'import.meta.env.TALK_NOTES_TEST_HOOKS': JSON.stringify(testHooks),
      'import.meta.env.TALK_NOTES_MARKS': JSON.stringify(marks),
    },
  }),
  hooks: {
    // The eager content script runs on every page, within a size budget (tests/e2e/foundation.e2e.test.ts).
    // The bundler keeps every top-level property read (LIMITS.url, a schema's `.entries` spread) in case
    // a getter has side effects, and with them the unused schemas of core/schemas.ts and
    // messaging/protocol.ts it imports for two of theirs: about 600 bytes gzipped. Our modules read no
    // getter for its side effects, so that script's bundle drops them. Other bundles are left as they are.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((entrypoint) => entrypoint.name === 'content')) return;
      // Changed in place: a new `build` object set here is not the one the build reads.
      config.build ??= {};
      config.build.rollupOptions ??= {};
      config.build.rollupOptions.treeshake = { propertyReadSideEffects: false };
    },
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.content_scripts = [...(manifest.content_scripts ?? []), frameContentScript];
    },
    // Said once, after the first build: WXT itself only says to load the folder by hand, not why.
    'build:done': (wxt) => {
      if (!noDisplay || wxt.config.command !== 'serve' || toldNoDisplay) return;
      toldNoDisplay = true;
      const folder = relative(process.cwd(), wxt.config.outDir);
      wxt.logger.warn(
        [
          'There is no display here (DISPLAY and WAYLAND_DISPLAY are not set), so no browser window opens.',
          `The extension is built into ${folder} and rebuilt on every change: load that folder unpacked`,
          'in a browser by hand, or run with a virtual display: xvfb-run -a npm run dev',
          '(Debian and Ubuntu: apt-get install xvfb).',
        ].join(' '),
      );
    },
  },
  webExt: {
    // Without a display `npm run dev` only builds and watches (see the hook above) instead of
    // crashing on a browser that cannot start.
    disabled: noDisplay,
    binaries: { chrome: chromeBinary },
    chromiumArgs: [
      '--no-first-run',
      '--disable-background-networking',
      '--disable-sync',
      // Chromium refuses to start its sandbox as root (containers, CI machines).
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  },
  manifest: ({ browser }) => ({
    name: 'Talk Notes',
    description:
      'Clip, tag and annotate passages from conference write-ups, and export them to Markdown. Everything stays in your browser.',
    // unlimitedStorage: years of notes must not be evicted under storage pressure.
    // contextMenus: the "Highlight selection" item.
    // storage: the sync account and status (storage.local, never the library); alarms: sync passes
    // every few minutes while sync is started (docs/sync.md).
    permissions: [...(limitedStorage ? [] : ['unlimitedStorage']), 'contextMenus', 'storage', 'alarms'],
    // Asked for one origin at a time, when the reader needs it (a schedule URL whose server does not
    // allow cross-origin reads): never granted at install (messaging/host-access.ts).
    // Firefox's Manifest V2 lists optional origins among optional_permissions.
    ...(browser === 'firefox'
      ? { optional_permissions: OPTIONAL_ORIGINS }
      : { optional_host_permissions: OPTIONAL_ORIGINS }),
    commands: {
      'highlight-selection': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Highlight the selected text',
      },
    },
    // The in-page highlight menu is an extension page shown in an iframe (page scripts cannot read it).
    // The content runtime is loaded on demand by the content script (page/runtime-loader.ts).
    // Chromium: reachable only under the session's dynamic id (runtime.getURL gives it), so a page cannot
    // probe `chrome-extension://<published id>/…` to learn that Talk Notes is installed. Firefox's
    // moz-extension:// origins are random per installation already.
    web_accessible_resources:
      browser === 'firefox'
        ? PAGE_RESOURCES
        : [{ resources: PAGE_RESOURCES, matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true }],
    action: { default_title: 'Talk Notes' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko_android: { strict_min_version: '142.0' },
            gecko: {
              id: 'talk-notes@talk-notes.dev',
              strict_min_version: '140.0',
              // Talk Notes sends nothing anywhere: all data stays in the browser.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
