/**
 * One damaged record cannot blank the dashboard (#14, finding 3): dates that are no dates are shown as
 * unknown, and a row that cannot be drawn at all says so in its own place while every other row stays.
 * The records are written straight into the database, as an older version or a bug could have left them.
 */
import { render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DashboardApp } from '@/components/dashboard/DashboardApp';
import type { HighlightRecord } from '@/core/types';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import { makeLibrary } from '../../../e2e/seed-library';

const NOW = Date.UTC(2025, 5, 1, 12);
/** jsdom computes no layout: a viewport tall enough for every row of this small library. */
const VIEWPORT = { width: 1000, height: 20_000 };

let db: TalkNotesDatabase;
beforeEach(() => {
  db = createDatabase(`dashboard-rows-${crypto.randomUUID()}`, { cache: 'immutable' });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

/** A small library whose first highlights are changed by `damage` before they are stored. */
async function fill(damage: (highlights: HighlightRecord[]) => void) {
  const library = makeLibrary({ highlights: 6, pages: 2, seed: 7, collections: 0 });
  const highlights = library.highlights as HighlightRecord[];
  for (const [i, h] of highlights.entries()) h.text = `Passage number ${i}`;
  damage(highlights);
  await db.pages.bulkAdd(library.pages);
  await db.talks.bulkAdd(library.talks);
  await db.highlights.bulkAdd(highlights);
}

const show = () => render(<DashboardApp db={db} listViewport={VIEWPORT} now={() => NOW} />);
const status = () => screen.getByRole('status', { name: 'Library summary' }).textContent;

describe('a damaged record in the dashboard', () => {
  it('shows times that are no dates (9e15, 1e300) as unknown, and the rest as usual', async () => {
    await fill(([a, b]) => {
      a!.createdAt = 9e15;
      b!.createdAt = 1e300;
    });
    show();
    await waitFor(() => expect(status()).toBe('6 highlights from 2 pages'));
    for (let i = 0; i < 6; i++) expect(screen.getByText(`Passage number ${i}`)).toBeTruthy();
    const row = (i: number) => screen.getByRole('article', { name: `Passage number ${i}` });
    expect(row(0).textContent).toContain('unknown date');
    expect(row(1).textContent).toContain('unknown date');
    expect(row(2).querySelector('time')?.getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('costs only its own row when the row cannot be drawn', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    await fill(([a]) => {
      a!.selectors = null as never; // the row's source link reads the quote selector
    });
    show();
    await waitFor(() => expect(status()).toBe('6 highlights from 2 pages'));
    const broken = await screen.findByRole('note');
    expect(broken.textContent).toMatch(/^This row could not be shown: its record is damaged \(.+\)\./);
    expect(screen.queryByText('Passage number 0')).toBeNull();
    for (let i = 1; i < 6; i++) expect(screen.getByText(`Passage number ${i}`)).toBeTruthy();
    expect(logged).toHaveBeenCalledWith(
      'Talk Notes: a row of the dashboard could not be shown',
      expect.anything(),
    );
  });
});
