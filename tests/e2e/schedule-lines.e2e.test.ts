/**
 * The schedule finds the talk (#13, #12), as a reader meets it: a write-up in a layout talk detection
 * does not read (a chat thread whose messages open with the talk's title), so a clip is filed under no
 * page talk. With the conference's schedule imported, the line above the clip names a schedule talk:
 * the clip is filed under it, through a page talk of that title, and the popup and the dashboard's
 * Conferences view show it there, also after a reload. A single-talk post whose talk is named only in
 * its title, or in a link card to the slides in its opening (session 12): a clip in its body is filed
 * under that talk.
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

const FREEZE_PASSAGE = 'the freeze map lets a vacuum skip pages that are already frozen';

/**
 * A single-talk post whose talk is named only in its title (`<title>`, og:title): its visible heading
 * paraphrases it and its sub-headings name no talk.
 */
const SINGLE = `<!doctype html><html lang="en"><head>
  <title>Tomas Vondra on “${VACUUM}” at FOSDEM 2026 | a DBA's notebook</title>
  <meta property="og:title" content="Tomas Vondra on “${VACUUM}” at FOSDEM 2026">
  <meta property="article:published_time" content="2026-02-02T09:00:00Z"></head><body><main><article>
  <h1>The best hour of my Saturday in Brussels</h1>
  <p>I only write about one talk this year, because it changed how I read our dashboards.</p>
  <h2>Why it matters</h2>
  <p>Wraparound is the failure nobody sees coming until the database refuses writes.</p>
  <h2>What he showed</h2>
  <p>He explained that ${FREEZE_PASSAGE}, which is why the second run is so much faster.</p>
  </article></main></body></html>`;

const WRAPAROUND_PASSAGE = 'a vacuum that never finishes is worse than one that never starts';

/**
 * A single-talk post whose title names only the conference: its talk is named in a link card to the
 * slides between its intro paragraphs, above its first sub-heading (session 12).
 */
const CARD = `<!doctype html><html lang="en"><head>
  <title>What I took home from FOSDEM 2026 | a DBA's notebook</title>
  <meta property="og:title" content="What I took home from FOSDEM 2026">
  <meta property="article:published_time" content="2026-02-03T09:00:00Z"></head><body><main><article>
  <h1>What I took home from FOSDEM 2026</h1>
  <p>Team, here are the notes I promised at the retro. I only write up one session.</p>
  <div class="card"><a href="https://slides.example/vacuum"><div class="title">${VACUUM}</div>
  <div class="domain">slides.example</div></a></div>
  <h2>How they run it</h2>
  <p>He was blunt: ${WRAPAROUND_PASSAGE}, so they watch the age of the oldest transaction.</p>
  </article></main></body></html>`;

/**
 * Serves `html` at `path` with FOSDEM imported, clips `passage`, and waits for the popup's talk group
 * of VACUUM, linked to the schedule's talk ("In the schedule"), to hold it.
 */
async function clipIntoVacuumGroup(session: ExtensionSession, path: string, html: string, passage: string) {
  const opened = await fosdemWithWriteUp(session, path, html);
  await clipPassage(opened.page, passage);
  const popup = await session.openPopup(opened.page);
  const group = popup.getByRole('region', { name: VACUUM });
  await group.getByRole('region', { name: `In the schedule: ${VACUUM}` }).waitFor();
  await group.getByRole('listitem').filter({ hasText: passage }).waitFor();
  await popup.close();
  return opened;
}

describe('the schedule finds the talk of a clip, in Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('files a clip of the thread’s second talk under that conference talk', async () => {
    // In the popup: a talk group of the line's title, linked to the schedule's talk.
    const { dashboard, page } = await clipIntoVacuumGroup(
      session,
      'chat/fosdem-2026.html',
      THREAD,
      VACUUM_PASSAGE,
    );

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

// One browser each: the schedule is imported anew in each (a second import would be an update).
describe.each([
  ['its title', 'single/vacuum.html', SINGLE, FREEZE_PASSAGE],
  ['a link card in its opening', 'single/card.html', CARD, WRAPAROUND_PASSAGE],
])('the schedule finds a single-talk post’s talk by %s, in Chromium', (_, path, html, passage) => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('files a clip of the post under that talk', async () => {
    // In the popup: a talk group of the talk the post names, linked to the schedule's talk.
    const { dashboard, page } = await clipIntoVacuumGroup(session, path, html, passage);
    await dashboard.close();
    await page.close();
  });
});
