/**
 * The clip guard as a reader meets it (#13): a write-up whose second talk is introduced by a plain
 * line talk detection does not take for a title, so that talk's passages sit in the first talk's
 * section, which is matched to the schedule. A passage clipped under that line is not filed silently
 * under the first talk: the popup asks which talk it is from, the reader picks the one the line
 * names, and the dashboard's Conferences view shows it there after a reload.
 * The page is served from 127.0.0.1 by the test; the schedule is imported as a file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchExtension } from './harness';
import { clipPassage, conferenceTalkCount, fosdemWithWriteUp } from './schedule-fixture';

const RUST_PASSAGE = 'drivers written in Rust now ship in the mainline kernel';
const VACUUM_PASSAGE = 'freezing old tuples is what keeps the wraparound alarm quiet';
const VACUUM = 'Postgres Vacuum Internals';
const RUST_TITLE = 'Rust for Linux: where we are in 2026';

/** The second talk has no heading: a plain line, which detection does not take for a talk's title. */
const WRITE_UP = `<!doctype html><html lang="en"><head><title>FOSDEM 2026: my notes</title>
  <meta property="article:published_time" content="2026-02-02T09:00:00Z"></head><body><article>
  <h1>FOSDEM 2026: my notes</h1><p>My notes from FOSDEM 2026 in Brussels.</p>
  <h2>Rust for Linux — Miguel Ojeda</h2>
  <p>Miguel opened the day. He said ${RUST_PASSAGE}, and more are coming.</p>
  <p>The room was full well before ten.</p>
  <p>Then, in the same room: Tomas Vondra on ${VACUUM}</p>
  <p>Tomas said ${VACUUM_PASSAGE}, and showed the counters to watch.</p>
  <h2>Funding Open Source Maintainers — Jane Roe</h2>
  <p>Jane closed the day with the numbers of her foundation.</p>
  <p>See you next year.</p>
  </article></body></html>`;

describe('the clip guard, in Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('asks which talk a passage under another talk’s line is from, and files it under the one picked', async () => {
    const { dashboard, page } = await fosdemWithWriteUp(session, 'blog/fosdem-2026.html', WRITE_UP);
    await clipPassage(page, RUST_PASSAGE);
    await clipPassage(page, VACUUM_PASSAGE);

    // Both passages are in the Rust talk's section, which is linked to the schedule's Rust talk; the
    // second one's line names the Vacuum talk: asked, not filed.
    const popup = await session.openPopup(page);
    const group = popup.getByRole('region', { name: 'Rust for Linux' });
    await group.getByRole('region', { name: `In the schedule: ${RUST_TITLE}` }).waitFor();
    const rust = group.getByRole('listitem').filter({ hasText: RUST_PASSAGE });
    const vacuum = group.getByRole('listitem').filter({ hasText: VACUUM_PASSAGE });
    const question = vacuum.getByRole('group', { name: 'Which talk is this passage from?' });
    await expect
      .poll(() => question.getByRole('listitem').allTextContents())
      .toEqual([
        expect.stringMatching(/^Is this “Postgres Vacuum Internals” \(fosdem26, Sat.*31.*\)\? Yes$/),
        expect.stringMatching(
          /^Is this “Rust for Linux: where we are in 2026” \(fosdem26, Sat.*31.*\)\? Yes$/,
        ),
      ]);
    expect(await rust.getByRole('group', { name: 'Which talk is this passage from?' }).count()).toBe(0);

    // Until the reader decides, the passage is under no schedule talk.
    await dashboard.getByRole('combobox', { name: 'Group by' }).selectOption({ label: 'Conferences' });
    const countOf = (title: string) => conferenceTalkCount(dashboard, title);
    const shown = (text: string) => dashboard.locator('article', { hasText: text }).count();
    await expect.poll(() => countOf(RUST_TITLE)).toBe('1 highlight · 0 notes');
    expect(await countOf(VACUUM)).toBe('Not read about yet');
    expect(await shown(RUST_PASSAGE)).toBe(1);
    expect(await shown(VACUUM_PASSAGE)).toBe(0);

    await question.getByRole('button', { name: `Yes, it is “${VACUUM}”` }).click();
    await expect.poll(() => question.count()).toBe(0);
    // Filed under the picked talk, which the popup now shows as its own group.
    await popup
      .getByRole('region', { name: VACUUM })
      .getByRole('listitem')
      .filter({ hasText: VACUUM_PASSAGE })
      .waitFor();
    await popup.close();

    await dashboard.reload();
    await dashboard.getByRole('combobox', { name: 'Group by' }).selectOption({ label: 'Conferences' });
    await expect.poll(() => countOf(VACUUM)).toBe('1 highlight · 0 notes');
    expect(await countOf(RUST_TITLE)).toBe('1 highlight · 0 notes');
    expect(await shown(VACUUM_PASSAGE)).toBe(1);
    expect(await shown(RUST_PASSAGE)).toBe(1);
    await dashboard.close();
    await page.close();
  });
});
