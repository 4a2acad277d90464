/**
 * The `Import schedule` dialog with the real importer: a real parser, fake-indexeddb, and a real
 * HTTP server on 127.0.0.1 for URLs. Only the browser's permission prompt is a seam.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ScheduleImportControls } from '@/components/dashboard/ScheduleImportDialog';
import { scheduleImporter, useImportedConferences } from '@/components/data/useScheduleImport';
import { saveClip } from '@/storage/clips';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import { noMetadata, quotedPassage } from '../../clip-fixtures';

const FIXTURES = join(__dirname, '..', '..', '..', 'fixtures', 'schedules');
const FRAB_JSON = readFileSync(join(FIXTURES, 'frab-camp.json'), 'utf8');

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/schedule.json') {
      response.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
      response.end(FRAB_JSON);
    } else if (request.url === '/page.html') {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(
        '<!doctype html><html><head><title>Schedule</title></head><body><h1>Talks</h1></body></html>',
      );
    } else {
      response.writeHead(404, 'Not Found').end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

let db: TalkNotesDatabase;
beforeEach(() => {
  db = createDatabase(`schedule-dialog-${crypto.randomUUID()}`);
});
afterEach(async () => {
  cleanup();
  await db.delete();
});

function show(access: { has?: boolean; grant?: boolean } = {}) {
  const requestAccess = vi.fn(async () => access.grant ?? false);
  const importer = scheduleImporter({
    db,
    fetch: globalThis.fetch,
    hasAccess: async () => access.has ?? false,
    requestAccess,
  });
  function Harness() {
    return <ScheduleImportControls importer={importer} conferences={useImportedConferences(db)} />;
  }
  render(<Harness />);
  fireEvent.click(screen.getByRole('button', { name: 'Import schedule' }));
  return { requestAccess };
}

const status = () => screen.getByRole('status', { name: 'Schedule status' });

function chooseFile(content: string, name: string) {
  fireEvent.change(screen.getByLabelText('Schedule file'), {
    target: { files: [new File([content], name, { type: 'application/octet-stream' })] },
  });
}

describe('Import schedule', () => {
  it('imports a schedule file, says what it imported, and lists the conference', async () => {
    show();
    expect(screen.getByRole('dialog', { name: 'Import a conference schedule' })).toBeTruthy();
    chooseFile(FRAB_JSON, 'schedule.json');
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() =>
      expect(status().textContent).toMatch(/^Imported .+: \d+ talks \(0 new highlights matched\)\./),
    );
    const conferences = await db.conferences.toArray();
    expect(conferences).toHaveLength(1);
    expect(conferences[0]).toMatchObject({
      sourceFile: 'schedule.json',
      sourceUrl: null,
      format: 'frab-json',
    });
    const talks = await db.talks.where('conferenceId').equals(conferences[0]!.id).count();
    expect(status().textContent).toContain(`: ${talks} talks`);
    await screen.findByRole('button', { name: `Remove ${conferences[0]!.title}` });
  });

  it('files highlights already in the library under the imported talks, and says how many', async () => {
    // A write-up of a talk in the fixture, clipped before the schedule was imported.
    const [title, speakers] = firstTalkOf(FRAB_JSON);
    await saveClip(db, {
      page: { url: 'https://blog.example/recap', title: 'My notes', ...noMetadata() },
      talks: [{ title, speakers, position: 10 }],
      highlight: quotedPassage('a passage', 20, title),
    });
    show();
    chooseFile(FRAB_JSON, 'schedule.json');
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(status().textContent).toMatch(/\(1 new highlight matched\)/));
    const pageTalk = (await db.talks.toArray()).find((t) => t.pageId !== null)!;
    expect(pageTalk.scheduleLink).toBe('matched');
  });

  it('says how many highlights wait for the reader to confirm their talk', async () => {
    // Clipped before the import under the fixture's first talk; the second passage's lead names
    // another talk of the schedule, so the clip guard offers it instead of filing it.
    const [title, speakers] = firstTalkOf(FRAB_JSON);
    const page = { url: 'https://blog.example/recap', title: 'My notes', ...noMetadata() };
    const talks = [{ title, speakers, position: 10 }];
    await saveClip(db, { page, talks, highlight: quotedPassage('a passage', 20, title) });
    await saveClip(db, {
      page,
      talks,
      highlight: {
        ...quotedPassage('antennas on every tent pole', 60, title),
        clipLead: { text: 'Mesh Networks for Festival Grounds', likeHeading: false },
      },
    });
    show();
    chooseFile(FRAB_JSON, 'schedule.json');
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() =>
      expect(status().textContent).toMatch(/\(1 new highlight matched, 1 to confirm in the popup\)\./),
    );
  });

  it('imports from a URL, and an update from the same URL changes nothing twice', async () => {
    show();
    fireEvent.input(screen.getByLabelText('Schedule URL'), { target: { value: `${base}/schedule.json` } });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(status().textContent).toMatch(/^Imported /));
    const [conference] = await db.conferences.toArray();
    expect(conference?.sourceUrl).toBe(`${base}/schedule.json`);
    fireEvent.click(await screen.findByRole('button', { name: `Update ${conference!.title}` }));
    await waitFor(() =>
      expect(status().textContent).toMatch(/^Updated .+ \(no changes, 0 new highlights matched\)\./),
    );
    expect(await db.conferences.count()).toBe(1);
  });

  it.each([
    ['an HTML page', '<!doctype html><html><body><p>Schedule</p></body></html>', /web page/i],
    ['truncated JSON', FRAB_JSON.slice(0, FRAB_JSON.length / 2), /cut short|malformed|broken|line/i],
    ['an unknown JSON document', '{"hello": "world"}', /not a schedule|schedule layout/i],
  ])('refuses %s with a plain message, and changes nothing', async (_what, content, message) => {
    show();
    chooseFile(content, 'schedule.json');
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(status().textContent).toMatch(message));
    expect(status().textContent).toMatch(/Nothing was changed\.$/);
    expect(await db.conferences.count()).toBe(0);
    expect(await db.talks.count()).toBe(0);
  });

  it('a 404 says the address has no file', async () => {
    show();
    fireEvent.input(screen.getByLabelText('Schedule URL'), { target: { value: `${base}/missing.json` } });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(status().textContent).toMatch(/404 Not Found/));
  });

  it('a server that cannot be read offers to ask for access to that origin; a refusal leaves a plain status', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/schedule.json`;
    await new Promise((resolve) => closed.close(resolve));
    const { requestAccess } = show({ has: false, grant: false });
    fireEvent.input(screen.getByLabelText('Schedule URL'), { target: { value: url } });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    const allow = await screen.findByRole('button', { name: /^Allow access to 127\.0\.0\.1/ });
    fireEvent.click(allow);
    await waitFor(() =>
      expect(status().textContent).toMatch(/may not read .* choose it under Schedule file instead/),
    );
    expect(requestAccess).toHaveBeenCalledWith(url);
    expect(await db.conferences.count()).toBe(0);
  });

  it('removing a conference asks first, then removes it and its talks', async () => {
    show();
    chooseFile(FRAB_JSON, 'schedule.json');
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(status().textContent).toMatch(/^Imported /));
    const [conference] = await db.conferences.toArray();
    fireEvent.click(await screen.findByRole('button', { name: `Remove ${conference!.title}` }));
    fireEvent.click(screen.getByRole('button', { name: `Remove ${conference!.title} and its talks` }));
    await waitFor(() => expect(status().textContent).toBe(`Removed ${conference!.title}.`));
    expect(await db.conferences.count()).toBe(0);
    expect(await db.talks.count()).toBe(0);
  });
});

/** The first non-break event of a frab JSON file: its title and speakers. */
function firstTalkOf(json: string): [string, string[]] {
  const days = JSON.parse(json).schedule.conference.days as {
    rooms: Record<string, Record<string, unknown>[]>;
  }[];
  for (const day of days)
    for (const events of Object.values(day.rooms))
      for (const e of events) {
        const persons = (e.persons as { public_name?: string; name?: string }[] | undefined) ?? [];
        if (persons.length) return [String(e.title), persons.map((p) => p.public_name ?? p.name ?? '')];
      }
  throw new Error('no talk with speakers in the fixture');
}
