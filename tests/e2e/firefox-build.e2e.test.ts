import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIREFOX_EXTENSION_DIR as FIREFOX_DIR, PROJECT_ROOT } from './paths';

describe('the Firefox build', () => {
  it('builds and passes Mozilla web-ext lint with no errors', () => {
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: PROJECT_ROOT, stdio: 'pipe' });
    const manifest = JSON.parse(readFileSync(join(FIREFOX_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.browser_specific_settings.gecko.id).toBe('talk-notes@talk-notes.dev');
    // MV2 as Firefox takes it: a background page, browser_action, resources as plain strings.
    expect(manifest).toMatchObject({
      manifest_version: 2,
      background: { scripts: ['background.js'] },
      browser_action: { default_title: 'Talk Notes', default_popup: 'popup.html' },
      web_accessible_resources: ['highlight-menu.html', 'content-runtime.js'],
    });
    expect(manifest.action).toBeUndefined();

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
