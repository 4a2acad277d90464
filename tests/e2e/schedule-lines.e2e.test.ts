/**
 * The schedule finds the talk (#13, #12), as a reader meets it: a write-up in a layout talk detection
 * does not read (a chat thread whose messages open with the talk's title), so a clip is filed under no
 * page talk. With the conference's schedule imported, the line above the clip names a schedule talk:
 * the clip is filed under it, through a page talk of that title, and the popup and the dashboard's
 * Conferences view show it there, also after a reload.
 * The page is served from 127.0.0.1 by the test; the schedule is imported as a file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchExtension } from './harness';
import { clipPassage, conferenceTalkCount, fosdemWithWriteUp } from './schedule-fixture';

const VACUUM_PASSAGE = 'freezing old tuples is what keeps the wraparound alarm quiet';
const VACUUM = 'Postgres Vacuum Internals';
const RUST_TITLE = 'Rust for Linux: where we are in 2026';

const message = (author: string, time: string, body: string) =>
  `<div class="msg"><div class="meta"><span class="author">${author}</span> <time>${time}</time></div>${body}</div>`;

/** A team chat's thread: each talk is the first line of a message, which detection does not read as a title. */
const THREAD = `<!doctype html><html lang="en"><head><title>FOSDEM 2026 in the team chat</title>
  <meta property="article:published_time" content="2026-02-02T09:00:00Z"></head><body><main><div class="thread">
  ${message('ana', '09:58', '<p>Live notes from FOSDEM 2026 in Brussels, for those who stayed home.</p>')}
  ${message('ana', '10:05', `<p>${RUST_TITLE} (Miguel Ojeda)</p><p>He said drivers written in Rust now ship in the mainline kernel, and more are coming.</p>`)}
  ${message('ana', '11:02', `<p>${VACUUM} — Tomas Vondra</p><p>Tomas said ${VACUUM_PASSAGE}, and showed the counters to watch.</p>`)}
  ${message('bo', '11:50', '<p>Thanks! Saving this for later.</p>')}
  </div></main></body></html>`;

describe('the schedule finds the talk of a clip, in Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('files a clip of the thread’s second talk under that conference talk', async () => {
    const { dashboard, page } = await fosdemWithWriteUp(session, 'chat/fosdem-2026.html', THREAD);
    await clipPassage(page, VACUUM_PASSAGE);

    // In the popup: a talk group of the line's title, linked to the schedule's talk.
    const popup = await session.openPopup(page);
    const group = popup.getByRole('region', { name: VACUUM });
    await group.getByRole('region', { name: `In the schedule: ${VACUUM}` }).waitFor();
    await group.getByRole('listitem').filter({ hasText: VACUUM_PASSAGE }).waitFor();
    await popup.close();

    // In the dashboard's Conferences view, under the conference talk, after a reload too.
    const countOf = (title: string) => conferenceTalkCount(dashboard, title);
    for (const reload of [false, true]) {
      if (reload) await dashboard.reload();
      await dashboard.getByRole('combobox', { name: 'Group by' }).selectOption({ label: 'Conferences' });
      await expect.poll(() => countOf(VACUUM)).toBe('1 highlight · 0 notes');
      expect(await countOf(RUST_TITLE)).toBe('Not read about yet');
      expect(await dashboard.locator('article', { hasText: VACUUM_PASSAGE }).count()).toBe(1);
    }
    await dashboard.close();
    await page.close();
  });
});
