/**
 * What wxt.config.ts declares for each browser. Firefox's MV2 manifest takes web-accessible resources
 * as plain strings (the MV3 object form is an error there), needs a stable gecko id (the add-on and
 * its IndexedDB data belong to it) and a minimum version that has the CSS Custom Highlight API
 * (Firefox 140); Chromium's MV3 manifest limits the same resources to web pages, reachable only under
 * the extension's dynamic id (`use_dynamic_url`, so a page cannot probe the published id). WXT turns `action`
 * into `browser_action` for MV2; the Firefox build test checks the built manifest.
 */
import type { ConfigEnv, UserManifest } from 'wxt';
import { describe, expect, it } from 'vitest';
import config from '../../../wxt.config';

function manifestFor(browser: string, manifestVersion: 2 | 3): UserManifest {
  const manifest = config.manifest;
  if (typeof manifest !== 'function') throw new Error('wxt.config.ts: manifest is expected to be a function');
  const env: ConfigEnv = { browser, manifestVersion, mode: 'production', command: 'build' };
  return manifest(env) as UserManifest;
}

const PAGE_RESOURCES = [
  'highlight-menu.html',
  'content-runtime.js',
  'post-identity.js',
  'content-scripts/content.js',
];

describe('the Firefox manifest (MV2)', () => {
  const manifest = manifestFor('firefox', 2);

  it('lists web-accessible resources as strings', () => {
    expect(manifest.web_accessible_resources).toEqual(PAGE_RESOURCES);
  });

  it('names the add-on with a stable gecko id, Firefox 140 or later, and no data collection', () => {
    expect(manifest.browser_specific_settings).toEqual({
      gecko_android: { strict_min_version: '142.0' },
      gecko: {
        id: 'talk-notes@talk-notes.dev',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
    });
  });

  it('asks for the same few permissions as in Chromium, and no host permissions', () => {
    // storage and alarms: sync's account and status in storage.local, and its passes every few minutes (#16).
    expect(manifest.permissions).toEqual(['unlimitedStorage', 'contextMenus', 'storage', 'alarms']);
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.action).toEqual({ default_title: 'Talk Notes' });
  });

  it('may ask for web origins later, one at a time (MV2 lists them among optional permissions)', () => {
    expect(manifest.optional_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(manifest.optional_host_permissions).toBeUndefined();
  });
});

describe('the Chromium manifest (MV3)', () => {
  const manifest = manifestFor('chrome', 3);

  it('limits web-accessible resources to web pages, under the session-only dynamic id', () => {
    expect(manifest.web_accessible_resources).toEqual([
      { resources: PAGE_RESOURCES, matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true },
    ]);
  });

  it('has no Firefox settings', () => {
    expect(manifest.browser_specific_settings).toBeUndefined();
  });

  it('holds no host permission at install, and may ask for web origins later', () => {
    expect(manifest.permissions).toEqual(['unlimitedStorage', 'contextMenus', 'storage', 'alarms']);
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
  });
});

describe('the frame loader (both browsers)', () => {
  it('is declared for every frame of http(s) pages, not for about:blank or srcdoc frames, with no new host', async () => {
    const manifest: { content_scripts?: unknown[] } = {
      content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['content-scripts/content.js'] }],
    };
    const hooks = config.hooks as Record<string, unknown> | undefined;
    const hook = hooks?.['build:manifestGenerated'] as
      | ((wxt: never, m: typeof manifest) => unknown)
      | undefined;
    if (typeof hook !== 'function') throw new Error('wxt.config.ts: the manifest hook is missing');
    await hook({} as never, manifest);
    expect(manifest.content_scripts).toEqual([
      { matches: ['http://*/*', 'https://*/*'], js: ['content-scripts/content.js'] },
      {
        matches: ['http://*/*', 'https://*/*'],
        js: ['frame-script.js'],
        run_at: 'document_idle',
        all_frames: true,
      },
    ]);
  });
});
