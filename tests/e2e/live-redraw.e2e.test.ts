/**
 * "Changes made anywhere appear live" (#17, item 1), for the writes of the dashboard that change
 * many highlights at once: a backup merged over records you have, a bulk recolour, a bulk delete, a
 * bulk move to another talk and a schedule import that links the page's talks. An open tab of the
 * page redraws each time without a reload: what it draws (`CSS.highlights`) changes, and where the
 * drawing stays the same (a talk changed), the page ran a new drawing pass (its
 * `talk-notes:anchored` performance mark, test builds only).
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anchoredMarks,
  dragSelect,
  drawnHighlights,
  type ExtensionSession,
  launchExtension,
  readLibrary,
} from './harness';

const FUZZING = "He's a really big fan of random testing/ fuzzing in order to find bugs";
const WORKFLOWS = 'Workflows - not technologies.';

/** A frab schedule.json with the fixture's talk "Linus Torvalds Q&A", so the page's talk is linked. */
const SCHEDULE = JSON.stringify({
  schedule: {
    version: '1.0',
    conference: {
      acronym: 'oss17',
      title: 'Open Source Summit Europe 2017',
      start: '2017-10-23',
      end: '2017-10-26',
      daysCount: 1,
      timeslot_duration: '00:05',
      time_zone_name: 'Europe/Prague',
      days: [
        {
          index: 1,
          date: '2017-10-25',
          day_start: '2017-10-25T09:00:00+02:00',
          day_end: '2017-10-25T19:00:00+02:00',
          rooms: {
            'Hall A': [
              {
                guid: '00000000-0000-4000-8000-000000000017',
                id: 17,
                date: '2017-10-25T10:00:00+02:00',
                start: '10:00',
                duration: '00:45',
                room: 'Hall A',
                slug: 'linus',
                url: 'https://oss.example/2017/linus/',
                title: 'Linus Torvalds Q&A',
                subtitle: '',
                track: 'Keynotes',
                type: 'Keynote',
                language: 'en',
                abstract: '',
                description: '',
                persons: [{ id: 1, public_name: 'Linus Torvalds' }],
                links: [],
                attachments: [],
              },
            ],
          },
        },
      ],
    },
  },
});

describe('open pages redraw after bulk writes, merges and schedule imports, in Chromium', () => {
  let session: ExtensionSession;
  let page: Page;
  let dashboard: Page;

  /** What the page draws, per `talk-notes-<colour>`, each passage's text; empty colours left out. */
  const drawn = async () =>
    Object.fromEntries(Object.entries(await drawnHighlights(page)).filter(([, texts]) => texts.length));
  const passes = async () => (await anchoredMarks(page)).length;
  const bulkBar = () => dashboard.getByRole('toolbar', { name: 'Selected highlights' });
  /** A row's checkbox: its name starts the passage (cut at 60 characters). */
  const select = (text: string) =>
    dashboard.getByRole('checkbox', { name: `Select highlight “${text.slice(0, 40)}`, exact: false }).check();

  beforeAll(async () => {
    session = await launchExtension();
    page = await session.openFixture('conference-h2.html');
    for (const text of [FUZZING, WORKFLOWS]) {
      expect(await dragSelect(page, text)).toBe(text);
      await page.getByRole('button', { name: 'Highlight', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    }
    await page.waitForFunction(() => CSS.highlights.get('talk-notes-yellow')?.size === 2);
    // Set in the page's own world: still there at the end means the page was never reloaded.
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));
    dashboard = await session.openDashboard();
    await dashboard.getByRole('article').first().waitFor();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('a bulk recolour', async () => {
    expect(await drawn()).toEqual({ 'talk-notes-yellow': [FUZZING, WORKFLOWS].sort() });
    await select(FUZZING);
    await select(WORKFLOWS);
    await bulkBar()
      .getByRole('combobox', { name: 'Colour for the selected highlights' })
      .selectOption('green');
    await bulkBar().getByRole('button', { name: 'Set colour' }).click();
    await expect.poll(drawn).toEqual({ 'talk-notes-green': [FUZZING, WORKFLOWS].sort() });
    await bulkBar()
      .getByRole('button', { name: /^Clear/ })
      .click();
  });

  it('a backup merged over records you have (Overwrite)', async () => {
    const downloading = dashboard.waitForEvent('download');
    await dashboard.getByRole('button', { name: 'Export backup' }).click();
    const backup = JSON.parse(await readFile((await (await downloading).path())!, 'utf8'));
    // The same library, where another browser coloured the fuzzing passage pink later.
    const fuzzing = backup.highlights.find((h: { text: string }) => h.text === FUZZING);
    Object.assign(fuzzing, { color: 'pink', updatedAt: fuzzing.updatedAt + 60_000 });
    await dashboard.getByLabel('Import backup').setInputFiles({
      name: 'other-browser.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(backup)),
    });
    await dashboard.getByRole('button', { name: 'Overwrite', exact: true }).click();
    await expect.poll(drawn).toEqual({ 'talk-notes-green': [WORKFLOWS], 'talk-notes-pink': [FUZZING] });
  });

  it('a bulk move to another talk', async () => {
    const before = await passes();
    await select(WORKFLOWS);
    await bulkBar().getByRole('button', { name: 'Set talk…' }).click();
    await bulkBar()
      .getByRole('combobox', { name: 'Talk for the selected highlights' })
      .fill('Nobody puts Java');
    await bulkBar()
      .getByRole('option', { name: /^Nobody puts Java in a container/ })
      .click();
    await expect
      .poll(async () => {
        const library = await readLibrary(session);
        const talkId = library.highlights.find((h) => h.text === WORKFLOWS)?.talkId;
        return library.talks.find((t) => t.id === talkId)?.title;
      })
      .toBe('Nobody puts Java in a container');
    // The page read its highlights again and drew them (the same places and colours).
    await expect.poll(passes).toBeGreaterThan(before);
    expect(await drawn()).toEqual({ 'talk-notes-green': [WORKFLOWS], 'talk-notes-pink': [FUZZING] });
    await bulkBar().getByRole('button', { name: 'Clear selection' }).click();
  });

  it('a schedule import that links the page’s talks', async () => {
    const before = await passes();
    await dashboard.getByRole('button', { name: 'Import schedule' }).click();
    const dialog = dashboard.getByRole('dialog', { name: 'Import a conference schedule' });
    await dialog.getByLabel('Schedule file').setInputFiles({
      name: 'schedule.json',
      mimeType: 'application/json',
      buffer: Buffer.from(SCHEDULE),
    });
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => dialog.getByRole('status', { name: 'Schedule status' }).textContent())
      .toMatch(/^Imported Open Source Summit Europe 2017: 1 talk \(\d+ new highlights? matched\)\.$/);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect
      .poll(async () => {
        const library = await readLibrary(session);
        return (library.talks as { title: string; scheduleLink?: string }[]).find(
          (t) => t.title === 'Linus Torvalds Q&A' && t.scheduleLink,
        )?.scheduleLink;
      })
      .toBe('matched');
    await expect.poll(passes).toBeGreaterThan(before);
  });

  it('a bulk delete', async () => {
    await select(FUZZING);
    await bulkBar()
      .getByRole('button', { name: /^Delete/ })
      .click();
    await expect.poll(drawn).toEqual({ 'talk-notes-green': [WORKFLOWS] });
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
      true,
    );
  });
});
