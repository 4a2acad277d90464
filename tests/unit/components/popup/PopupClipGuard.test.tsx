/**
 * The clip guard's offer in the popup (#13): a passage of a matched talk whose lead names another
 * talk of the conference asks "Which talk is this passage from?" on its own card, with the talk
 * group's offer UI; picking files it under the picked schedule talk, declining keeps it.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageBridge } from '@/components/data/popup-actions';
import { PopupApp } from '@/components/popup/PopupApp';
import { saveClip } from '@/storage/clips';
import { importSchedule } from '@/storage/conferences';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import { linkPageTalks } from '@/storage/schedule-links';
import { noMetadata, quotedPassage } from '../../clip-fixtures';
import { event, schedule } from '../../schedule-fixtures';

const URL = 'https://blog.example/fosdem';
const RUST = 'Rust for Linux — Miguel Ojeda';
const VACUUM = 'Postgres Vacuum Internals';
const QUESTION = 'Which talk is this passage from?';

let db: TalkNotesDatabase;
beforeEach(async () => {
  db = createDatabase(`popup-clip-guard-${crypto.randomUUID()}`);
  await importSchedule(
    db,
    schedule([
      event('rust', 'Rust for Linux: where we are in 2026', '2026-01-31T10:00:00+01:00', {
        speakers: ['Miguel Ojeda'],
        room: 'Janson',
      }),
      event('pg', VACUUM, '2026-01-31T11:00:00+01:00', { speakers: ['Tomas Vondra'], room: 'Janson' }),
    ]),
    { url: 'https://fosdem.example/schedule.xml' },
  );
  // Detection took only the Rust talk's heading; the Vacuum talk's plain line leads the second clip.
  for (const [text, position, lead] of [
    ['memory safety in drivers', 150, null],
    ['autovacuum tuning is about cost limits', 400, `Then Tomas Vondra on ${VACUUM}`],
  ] as const) {
    await saveClip(db, {
      page: { url: URL, title: 'My FOSDEM 2026 notes', ...noMetadata(), publishedAt: '2026-02-02T08:00:00Z' },
      talks: [{ title: RUST, speakers: ['Miguel Ojeda'], position: 100 }],
      highlight: {
        ...quotedPassage(text, position, RUST),
        ...(lead ? { clipLead: { text: lead, likeHeading: false } } : {}),
      },
    });
  }
  await linkPageTalks(db, 'all');
});
afterEach(async () => {
  cleanup();
  await db.delete();
});

function show() {
  const bridge = {
    scrollTo: vi.fn(async () => true),
    notifyChanged: vi.fn(),
    updateInBackground: vi.fn(async () => {}),
    isClosing: vi.fn(() => false),
    saveNote: vi.fn(),
  };
  render(
    <PopupApp
      load={async () => ({ kind: 'page', tabId: 7, title: 'Tab', url: URL })}
      db={db}
      bridge={bridge as unknown as PageBridge}
      dashboardUrl="dashboard.html"
      locale="en-GB"
    />,
  );
}

async function card(text: string) {
  return (await screen.findByText(text)).closest('li.highlight') as HTMLElement;
}
const stored = (text: string) => db.highlights.filter((h) => h.text === text).first();
const scheduleTalk = (scheduleId: string) => db.talks.filter((t) => t.scheduleId === scheduleId).first();

describe('the clip guard’s offer in the popup', () => {
  it('asks on the offered passage’s card only, named talk first, under its page talk', async () => {
    show();
    const offered = await card('autovacuum tuning is about cost limits');
    const question = await within(offered).findByRole('group', { name: QUESTION });
    expect(
      within(question)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      expect.stringMatching(/^Is this “Postgres Vacuum Internals” \(.*Sat.*11:00.*Janson\)\? Yes$/),
      expect.stringMatching(
        /^Is this “Rust for Linux: where we are in 2026” \(.*Sat.*10:00.*Janson\)\? Yes$/,
      ),
    ]);
    expect(
      within(await card('memory safety in drivers')).queryByRole('group', { name: QUESTION }),
    ).toBeNull();
    // Both cards are in the page talk's group, linked to the Rust talk.
    const group = screen.getByRole('region', { name: RUST });
    expect(
      within(group)
        .getAllByRole('listitem')
        .filter((li) => li.matches('li.highlight')),
    ).toHaveLength(2);
  });

  it('picking files the passage under the picked schedule talk, pinned, and shows it in that talk’s group', async () => {
    show();
    const offered = await card('autovacuum tuning is about cost limits');
    const question = await within(offered).findByRole('group', { name: QUESTION });
    fireEvent.click(within(question).getByRole('button', { name: `Yes, it is “${VACUUM}”` }));
    const pg = await scheduleTalk('pg');
    await waitFor(async () =>
      expect(await stored('autovacuum tuning is about cost limits')).toMatchObject({
        talkId: pg!.id,
        talkPinned: true,
      }),
    );
    const group = await screen.findByRole('region', { name: VACUUM });
    expect(within(group).getByText('autovacuum tuning is about cost limits')).toBeTruthy();
    expect(screen.queryByRole('group', { name: QUESTION })).toBeNull();
    expect(screen.getByText(`The passage is filed under “${VACUUM}”.`).getAttribute('role')).toBe('status');
  });

  it('declining keeps the passage under its page talk, and the question does not come back', async () => {
    show();
    const offered = await card('autovacuum tuning is about cost limits');
    const question = await within(offered).findByRole('group', { name: QUESTION });
    fireEvent.click(within(question).getByRole('button', { name: `Keep under “${RUST}”` }));
    await waitFor(() => expect(screen.queryByRole('group', { name: QUESTION })).toBeNull());
    const record = await stored('autovacuum tuning is about cost limits');
    expect(record?.guardDeclined).toBe(true);
    expect(record?.scheduleCandidates).toBeUndefined();
    await linkPageTalks(db, 'all');
    expect((await stored('autovacuum tuning is about cost limits'))?.scheduleCandidates).toBeUndefined();
    expect(
      within(screen.getByRole('region', { name: RUST })).getByText('autovacuum tuning is about cost limits'),
    ).toBeTruthy();
  });
});
