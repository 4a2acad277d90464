/**
 * Conference schedules as a reader uses them (#13): import one by file and one by URL in the dashboard,
 * clip the same talk on two write-ups, see both under the schedule talk with its time, room and
 * recording in the popup, and pick the right one of a session given twice when asked.
 * Pages and the schedule server are on 127.0.0.1, started by the test.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ExtensionSession,
  dragSelect,
  launchExtension,
  readLibrary,
  waitForContentScript,
} from './harness';

/** A frab/pretalx schedule.json (the c3voc layout) of a two-day conference in Brussels. */
function frabSchedule(acronym: string, title: string, events: Record<string, unknown>[]): string {
  return JSON.stringify({
    $schema: 'https://c3voc.de/schedule/schema.json',
    generator: { name: 'pretalx', version: '2025.1.0' },
    schedule: {
      version: '1.0',
      base_url: 'https://pretalx.example/',
      conference: {
        acronym,
        title,
        start: '2026-01-31',
        end: '2026-02-01',
        daysCount: 2,
        timeslot_duration: '00:05',
        time_zone_name: 'Europe/Brussels',
        rooms: [{ name: 'Janson' }, { name: 'H.2215' }],
        days: ['2026-01-31', '2026-02-01'].map((date, index) => ({
          index: index + 1,
          date,
          day_start: `${date}T09:00:00+01:00`,
          day_end: `${date}T19:00:00+01:00`,
          rooms: {
            Janson: events.filter((e) => e.room === 'Janson' && String(e.date).startsWith(date)),
            'H.2215': events.filter((e) => e.room === 'H.2215' && String(e.date).startsWith(date)),
          },
        })),
      },
    },
  });
}

let nextId = 1;
function frabEvent(
  title: string,
  date: string,
  room: string,
  persons: string[],
  extra: Record<string, unknown> = {},
) {
  const id = nextId++;
  return {
    guid: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
    id,
    date,
    start: date.slice(11, 16),
    duration: '00:40',
    room,
    slug: `talk-${id}`,
    url: `https://pretalx.example/fosdem26/talk/${id}/`,
    title,
    subtitle: '',
    track: 'Main track',
    type: 'Talk',
    language: 'en',
    abstract: '',
    description: '',
    persons: persons.map((name, i) => ({ id: id * 10 + i, public_name: name })),
    links: [],
    attachments: [],
    ...extra,
  };
}

const SCHEDULE = frabSchedule('fosdem26', 'FOSDEM 2026', [
  frabEvent('Rust for Linux: where we are in 2026', '2026-01-31T10:00:00+01:00', 'Janson', ['Miguel Ojeda'], {
    links: [{ url: 'https://video.example/fosdem26/rust-for-linux.webm', title: 'Video recording' }],
  }),
  frabEvent('Postgres Vacuum Internals', '2026-01-31T11:00:00+01:00', 'Janson', ['Tomas Vondra']),
  // A session given twice, as popular ones are: which one a write-up means, only its reader knows.
  frabEvent('Building a Community Around Open Hardware', '2026-01-31T16:00:00+01:00', 'H.2215', ['Jane Roe']),
  frabEvent('Building a Community Around Open Hardware', '2026-02-01T16:00:00+01:00', 'H.2215', ['Jane Roe']),
  frabEvent('Lunch break', '2026-01-31T12:30:00+01:00', 'Janson', [], { type: 'break' }),
]);

/** Another conference, imported by URL, so two schedules are in the library. */
const OTHER_SCHEDULE = frabSchedule('pgday26', 'PGDay Brussels 2026', [
  frabEvent('Logical replication in practice', '2026-01-31T10:00:00+01:00', 'Janson', ['Ana Souza']),
]);

const RUST_A = 'drivers written in Rust now ship in the mainline kernel';
const RUST_B = 'the abstractions for the block layer are the next step';
const HARDWARE = 'kits sold at cost brought the first hundred contributors';

function writeUp(title: string, date: string, body: string): string {
  return `<!doctype html><html lang="en"><head><title>${title}</title>
    <meta property="article:published_time" content="${date}"></head><body><article>
    <h1>${title}</h1><p>My notes from FOSDEM 2026 in Brussels.</p>${body}</article></body></html>`;
}

const BLOG_ONE = writeUp(
  'FOSDEM 2026: my notes',
  '2026-02-02T09:00:00Z',
  `<h2>Rust for Linux — Miguel Ojeda</h2><p>Miguel opened the day. He said ${RUST_A}, and more are coming.</p>
   <h2>Building a Community Around Open Hardware — Jane Roe</h2><p>Jane said ${HARDWARE}.</p>
   <p>See you next year.</p>`,
);
const BLOG_TWO = writeUp(
  'What I learned at FOSDEM',
  '2026-02-03T09:00:00Z',
  `<h2>“Rust for Linux: Where We Are in 2026” by Miguel Ojeda</h2><p>In the Janson room, ${RUST_B}.</p>
   <h2>Postgres Vacuum Internals — Tomas Vondra</h2><p>Tomas explained freezing.</p>`,
);

/** A conference whose title names its country, which a write-up from there leaves out. */
const DEVTALKS_SCHEDULE = frabSchedule('dtro26', 'DevTalks Romania 2026', [
  frabEvent('Blameless Postmortems, With Consequences', '2026-01-31T14:00:00+01:00', 'Janson', [
    'Corina Dobre',
  ]),
  frabEvent('Panel: On-Call Without Burnout', '2026-02-01T15:00:00+01:00', 'H.2215', [
    'Corina Dobre',
    'Tudor Rusu',
  ]),
]);
const POSTMORTEMS = 'un postmortem fără vinovați nu înseamnă un postmortem fără decizii';
const DEVTALKS_WRITE_UP = `<!doctype html><html lang="ro"><head><title>Notițe de la DevTalks 2026</title>
  <meta property="article:published_time" content="2026-02-03T09:00:00Z"></head><body><article>
  <h1>Notițe de la DevTalks 2026</h1><p>Două zile bune la Bruxelles.</p>
  <h2>Postmortem-uri fără vinovați, dar cu consecințe — Corina Dobre</h2>
  <p>Corina a spus că ${POSTMORTEMS}, și a arătat cum.</p>
  <p>Ne vedem la anul.</p></article></body></html>`;

describe('conference schedules, in Chromium', () => {
  let session: ExtensionSession;
  let scheduleServer: Server;
  let scheduleOrigin: string;

  beforeAll(async () => {
    session = await launchExtension();
    // A schedule server that allows cross-origin reads, as pretalx and frab do.
    scheduleServer = createServer((request, response) => {
      if (request.url === '/pgday26/schedule.json') {
        response.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
        response.end(OTHER_SCHEDULE);
      } else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => scheduleServer.listen(0, '127.0.0.1', resolve));
    scheduleOrigin = `http://127.0.0.1:${(scheduleServer.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await session?.close();
    scheduleServer?.closeAllConnections();
    await new Promise((resolve) => scheduleServer?.close(resolve));
  });

  async function clip(page: Page, text: string) {
    expect(await dragSelect(page, text)).toBe(text);
    await page.getByRole('button', { name: 'Highlight', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await page.getByRole('button', { name: 'Highlight', exact: true }).waitFor({ state: 'hidden' });
  }

  async function openWriteUp(path: string, html: string): Promise<Page> {
    session.server.serve(path, html);
    const page = await session.context.newPage();
    await page.goto(session.server.url(path));
    await waitForContentScript(page);
    return page;
  }

  /** The title of the schedule talk the highlight of `text` is filed under, or null. */
  async function scheduleTalkOf(text: string) {
    const library = await readLibrary(session);
    const highlight = library.highlights.find((h) => h.text === text);
    const pageTalk = library.talks.find((t) => t.id === highlight?.talkId) as
      | { scheduleTalkId?: string }
      | undefined;
    return library.talks.find((t) => t.id === pageTalk?.scheduleTalkId)?.title ?? null;
  }

  /** Imports `schedule` (SCHEDULE by default) as a file from the dashboard's dialog; returns the dialog. */
  async function importScheduleFile(dashboard: Page, schedule = SCHEDULE) {
    await dashboard.getByRole('button', { name: 'Import schedule' }).click();
    const dialog = dashboard.getByRole('dialog', { name: 'Import a conference schedule' });
    await dialog.getByLabel('Schedule file').setInputFiles({
      name: 'schedule.json',
      mimeType: 'application/json',
      buffer: Buffer.from(schedule),
    });
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    return dialog;
  }

  it('imports schedules by file and by URL, files two write-ups of a talk under it, and asks when unsure', async () => {
    // Import by file, then by URL.
    const dashboard = await session.openDashboard();
    const dialog = await importScheduleFile(dashboard);
    const status = dialog.getByRole('status', { name: 'Schedule status' });
    await expect
      .poll(() => status.textContent())
      .toBe('Imported FOSDEM 2026: 5 talks (0 new highlights matched).');
    await dialog.getByLabel('Schedule URL').fill(`${scheduleOrigin}/pgday26/schedule.json`);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => status.textContent())
      .toBe('Imported PGDay Brussels 2026: 1 talk (0 new highlights matched).');
    await dialog.getByRole('button', { name: 'Remove PGDay Brussels 2026' }).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dashboard.close();

    // Two write-ups of the same talk, clipped after the import.
    const one = await openWriteUp('blog-one/fosdem-2026.html', BLOG_ONE);
    await clip(one, RUST_A);
    await clip(one, HARDWARE);
    const two = await openWriteUp('blog-two/what-i-learned.html', BLOG_TWO);
    await clip(two, RUST_B);

    await expect.poll(() => scheduleTalkOf(RUST_A)).toBe('Rust for Linux: where we are in 2026');
    await expect.poll(() => scheduleTalkOf(RUST_B)).toBe('Rust for Linux: where we are in 2026');
    expect(await scheduleTalkOf(HARDWARE)).toBe(null); // given twice: asked, not guessed

    // Importing the schedule again says that the unsure passage waits for the reader.
    const again = await session.openDashboard();
    const againDialog = await importScheduleFile(again);
    await expect
      .poll(() => againDialog.getByRole('status', { name: 'Schedule status' }).textContent())
      .toBe(
        'Updated FOSDEM 2026: 5 talks (no changes, 0 new highlights matched, 1 to confirm in the popup).',
      );
    await again.close();

    // The popup shows the schedule talk's day, time, room and recording for each write-up.
    let popup = await session.openPopup(two);
    const linked = popup.getByRole('region', {
      name: 'In the schedule: Rust for Linux: where we are in 2026',
    });
    await expect.poll(() => linked.textContent()).toMatch(/FOSDEM 2026 · Sat.*31.*10:00–10:40 · Janson/);
    expect(await linked.getByRole('link', { name: 'Recording' }).getAttribute('href')).toBe(
      'https://video.example/fosdem26/rust-for-linux.webm',
    );
    await popup.close();

    // The unsure one: the reader picks the session from the popup.
    popup = await session.openPopup(one);
    const HW = 'Building a Community Around Open Hardware';
    const group = popup.getByRole('region', { name: HW });
    const question = group.getByRole('group', { name: 'Which talk of the schedule is this?' });
    await expect
      .poll(() => question.textContent())
      .toMatch(/Is this “Building a Community Around Open Hardware” \(fosdem26, Sat.*16:00.*H\.2215\)\?/);
    await expect
      .poll(() => question.textContent())
      .toMatch(/Is this “Building a Community Around Open Hardware” \(fosdem26, Sun.*16:00.*H\.2215\)\?/);
    // The reader went on Sunday.
    await question
      .getByRole('listitem')
      .filter({ hasText: /Sun/ })
      .getByRole('button', { name: `Yes, it is “${HW}”` })
      .click();
    await expect.poll(() => scheduleTalkOf(HARDWARE)).toBe(HW);
    const library = await readLibrary(session);
    const chosen = library.talks.find((t) => (t as { scheduleLink?: string }).scheduleLink === 'chosen') as
      | { scheduleTalkId?: string }
      | undefined;
    expect(
      (library.talks.find((t) => t.id === chosen?.scheduleTalkId) as { day?: string } | undefined)?.day,
    ).toBe('2026-02-01');
    await group.getByRole('region', { name: `In the schedule: ${HW}` }).waitFor();

    // Unlink: the group is the page's own talk again, and stays so.
    await group.getByRole('button', { name: `Unlink “${HW}” from the schedule` }).click();
    await expect.poll(() => scheduleTalkOf(HARDWARE)).toBe(null);
    await group.getByRole('button', { name: `Link “${HW}” to a schedule talk` }).waitFor();
    await popup.close();
    await one.close();
    await two.close();
  });

  it('files a translated title under the talk it names, beside its speaker’s panel, on a page naming the series and year', async () => {
    // The speaker submitted her talk in English and also sits on a panel; the Romanian write-up translates
    // the title and names the conference "DevTalks 2026", as writers there do (session 13).
    const dashboard = await session.openDashboard();
    const dialog = await importScheduleFile(dashboard, DEVTALKS_SCHEDULE);
    await expect
      .poll(() => dialog.getByRole('status', { name: 'Schedule status' }).textContent())
      .toBe('Imported DevTalks Romania 2026: 2 talks (0 new highlights matched).');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dashboard.close();

    const page = await openWriteUp('notite/devtalks-2026.html', DEVTALKS_WRITE_UP);
    await clip(page, POSTMORTEMS);
    await expect.poll(() => scheduleTalkOf(POSTMORTEMS)).toBe('Blameless Postmortems, With Consequences');
    const popup = await session.openPopup(page);
    await popup
      .getByRole('region', { name: 'In the schedule: Blameless Postmortems, With Consequences' })
      .waitFor();
    await popup.close();
    await page.close();
  });
});
