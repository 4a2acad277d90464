/**
 * The Conferences view, as a reader uses it: an imported conference (seeded), two blogs' write-ups
 * of one of its talks linked to it. Switch the dashboard to Conferences, see the talk with both
 * sources and the talks not read about yet (dimmed), filter by room, export the conference to
 * Markdown and read the file.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchExtension } from './harness';
import { FOSDEM_RUST, makeConferenceLibrary } from './seed-conferences';
import { writeLibrary } from './seed-library';

describe('the Conferences view in Chromium', () => {
  let session: ExtensionSession;
  let dashboard: Page;

  beforeAll(async () => {
    session = await launchExtension();
    const seeder = await session.openDashboard();
    await seeder.getByRole('status', { name: 'Library summary' }).waitFor();
    await writeLibrary(seeder, makeConferenceLibrary());
    await seeder.close();
    dashboard = await session.openDashboard();
    await dashboard.setViewportSize({ width: 1280, height: 900 });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows a talk with both its write-ups and the unread talks, filters by room, exports the conference', async () => {
    const status = () => dashboard.getByRole('status', { name: 'Library summary' }).textContent();
    await expect.poll(status).toBe('3 highlights from 2 pages');
    await dashboard.getByRole('combobox', { name: 'Group by' }).selectOption({ label: 'Conferences' });
    await expect.poll(status).toBe('1 conference: 6 talks, 1 read about, 2 highlights');

    await dashboard.getByRole('heading', { level: 2, name: 'FOSDEM 2026' }).waitFor();
    const talk = dashboard.locator('section.dash-sched-talk', {
      has: dashboard.getByRole('heading', { level: 4, name: FOSDEM_RUST.title }),
    });
    // Both write-ups are its sources; both passages are under it.
    await expect.poll(() => talk.getByRole('link', { name: 'FOSDEM day 1: my notes' }).count()).toBe(1);
    expect(await talk.getByRole('link', { name: 'What I saw at FOSDEM' }).count()).toBe(1);
    expect(await talk.locator('.dash-count').textContent()).toBe('2 highlights · 1 note');
    expect(await dashboard.locator('article').count()).toBe(2);
    for (const text of [FOSDEM_RUST.firstPassage, FOSDEM_RUST.secondPassage])
      expect(await dashboard.locator('article', { hasText: text }).count()).toBe(1);
    const recording = talk.getByRole('link', { name: `Recording: ${FOSDEM_RUST.title}` });
    expect(await recording.getAttribute('href')).toBe(FOSDEM_RUST.recording);
    expect(await recording.getAttribute('target')).toBe('_blank');
    expect(await recording.getAttribute('rel')).toContain('noopener');
    expect(await talk.locator('.dash-sched-time').textContent()).toBe('10:00–10:50');

    // The talks nobody read about: listed, dimmed.
    const unread = dashboard.locator('section.dash-sched-talk.dash-unread');
    expect(await unread.locator('h4').allTextContents()).toEqual([
      'Welcome to FOSDEM',
      'Coffee break',
      'Postgres at scale',
      'Wasm everywhere',
      'Observability for all',
    ]);
    const opacity = await unread
      .filter({ hasText: 'Postgres at scale' })
      .evaluate((el) => Number(getComputedStyle(el).opacity));
    expect(opacity).toBeLessThan(1);
    expect(await talk.evaluate((el) => Number(getComputedStyle(el).opacity))).toBe(1);

    // Filter by room: only the talks held in Janson.
    await dashboard.getByRole('combobox', { name: 'Add a room filter' }).selectOption('Janson');
    await expect
      .poll(() => dashboard.locator('section.dash-sched-talk h4').allTextContents())
      .toEqual(['Welcome to FOSDEM', FOSDEM_RUST.title, 'Coffee break', 'Wasm everywhere']);
    await expect.poll(status).toBe('1 conference: 4 talks, 1 read about, 2 highlights');

    // The conference as one Markdown file.
    const downloading = dashboard.waitForEvent('download');
    await dashboard.getByRole('button', { name: 'Export Markdown: FOSDEM 2026' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^fosdem-2026-\d{4}-\d{2}-\d{2}\.md$/);
    const markdown = await readFile((await download.path())!, 'utf8');
    expect(markdown).toMatch(/^---\ntitle: "FOSDEM 2026"\n/);
    expect(markdown).toContain('start: "2026-01-31"');
    expect(markdown).toContain('end: "2026-02-01"');
    expect(markdown).toContain('source: "https://fosdem.org/2026/schedule/xml"');
    expect(markdown).toContain('\n# FOSDEM 2026\n');
    expect(markdown.match(/^## .*/gm)).toEqual([`## ${FOSDEM_RUST.title}`]);
    expect(markdown).toContain(
      '- **When:** 2026-01-31, 10:00–10:50\n- **Room:** Janson\n- **Track:** Kernel\n',
    );
    expect(markdown).toContain('- **Speakers:** Ada Example\n');
    expect(markdown).toContain(`[Recording](${FOSDEM_RUST.recording}) · [Slides](${FOSDEM_RUST.slides})`);
    expect(markdown).toContain(`> ${FOSDEM_RUST.firstPassage}`);
    expect(markdown).toContain(`> ${FOSDEM_RUST.secondPassage}`);
    expect(markdown).toContain('Ask about CI.');
    // Each passage links back to its own page, at the passage.
    expect(markdown).toMatch(/\]\(https:\/\/blog\.example\/2026\/fosdem-day-1#:~:text=/);
    expect(markdown).toMatch(/\]\(https:\/\/notes\.example\/fosdem-2026#:~:text=/);
    expect(markdown).not.toContain('Five minutes');
  });
});
