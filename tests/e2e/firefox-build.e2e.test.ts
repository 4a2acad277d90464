import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR, FIREFOX_EXTENSION_DIR as FIREFOX_DIR, PROJECT_ROOT } from './paths';

/** The built scripts that contain a `talk-notes:ready`, `anchored` or `clipped` mark, sorted. */
function scriptsWithMarks(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .filter((file) => /talk-notes:(ready|anchored|clipped)/.test(readFileSync(join(dir, file), 'utf8')))
    .sort();
}

describe('the Firefox build', () => {
  it('builds and passes Mozilla web-ext lint with no errors', () => {
    // As a release is built: without the test builds' switches, whatever the shell has set.
    const { TALK_NOTES_MARKS: _marks, TALK_NOTES_TEST_HOOKS: _hooks, ...env } = process.env;
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: PROJECT_ROOT, stdio: 'pipe', env });
    const manifest = JSON.parse(readFileSync(join(FIREFOX_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.browser_specific_settings.gecko.id).toBe('talk-notes@talk-notes.dev');
    // MV2 as Firefox takes it: a background page, browser_action, resources as plain strings.
    expect(manifest).toMatchObject({
      manifest_version: 2,
      background: { scripts: ['background.js'] },
      browser_action: { default_title: 'Talk Notes', default_popup: 'popup.html' },
      web_accessible_resources: [
        'highlight-menu.html',
        'content-runtime.js',
        'post-identity.js',
        'content-scripts/content.js',
      ],
      // The frame loader: every frame, no about:blank or srcdoc ones (README "Frames").
      content_scripts: [
        { js: ['content-scripts/content.js'] },
        { js: ['frame-script.js'], all_frames: true, matches: ['http://*/*', 'https://*/*'] },
      ],
    });
    expect(manifest.action).toBeUndefined();

    // Built without TALK_NOTES_MARKS=1, as a release is: no code leaves the marks a page could read.
    // The Chromium test build (global setup, TALK_NOTES_MARKS=1) shows the same scan finds them there.
    expect(scriptsWithMarks(FIREFOX_DIR)).toEqual([]);
    expect(scriptsWithMarks(EXTENSION_DIR)).toEqual(['content-runtime.js', 'content-scripts/content.js']);

    let output: string;
    try {
      output = execFileSync(
        'npx',
        ['web-ext', 'lint', '--source-dir', FIREFOX_DIR, '--no-config-discovery', '--output', 'json'],
        { cwd: PROJECT_ROOT, stdio: 'pipe', encoding: 'utf8' },
      );
    } catch (error) {
      // web-ext exits non-zero when it finds errors; the JSON report is still on stdout.
      output = (error as { stdout: string }).stdout;
    }
    const report = JSON.parse(output) as { summary: { errors: number }; errors: { message: string }[] };
    expect(report.errors.map((e) => e.message)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  }, 120_000);
});
