/**
 * #17 item 7: the list shows shared context once per group (talk, page, site, day in the header,
 * not on every highlight), a header's actions sit in one Actions menu, and a talk's pages carry
 * their published date.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DashboardApp } from '@/components/dashboard/DashboardApp';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import { DAY, hl, page, T0, talk } from '../../core/library/library-fixtures';

let db: TalkNotesDatabase;
beforeEach(async () => {
  db = createDatabase(`group-header-${crypto.randomUUID()}`, { cache: 'immutable' });
  const recap = page('p', { title: 'KubeCon recap', siteName: 'Conference Blog', publishedAt: '2025-03-04' });
  await db.pages.add(recap);
  await db.talks.add({ ...talk('t1', 'p', 'Scaling Postgres', ['Jane Doe']), position: 10 });
  await db.highlights.bulkAdd([
    hl('h1', 'p', { url: recap.url, talkId: 't1', position: 20, text: 'Postgres scales up first' }),
    hl('h2', 'p', {
      url: recap.url,
      talkId: 't1',
      position: 30,
      text: 'then it scales out',
      createdAt: T0 + DAY,
    }),
  ]);
});
afterEach(async () => {
  cleanup();
  await db.delete();
});

const show = () => render(<DashboardApp db={db} listViewport={{ width: 1000, height: 20_000 }} />);
/** The list's Group by (the export options have one too). */
const groupBy = (value: string) => {
  const select = screen
    .getAllByRole('combobox', { name: 'Group by' })
    .find((s) => s.querySelector('option[value="day"]'))!;
  fireEvent.change(select, { target: { value } });
};
const header = async (name: string) =>
  (await screen.findByRole('heading', { level: 2, name })).closest('section')! as HTMLElement;

describe('dashboard groups', () => {
  it('names the talk, page, site and published date once, in the header, not on each highlight', async () => {
    show();
    const talkHeader = await header('Scaling Postgres');
    expect(within(talkHeader).getByRole('link', { name: 'KubeCon recap' })).toBeTruthy();
    expect(talkHeader.textContent).toContain('published Mar 4, 2025');
    for (const row of screen.getAllByRole('article')) {
      expect(row.textContent).not.toContain('Scaling Postgres');
      expect(row.textContent).not.toContain('Conference Blog');
      // The way to the passage stays.
      expect(
        within(row).getByRole('link', { name: 'Open passage on KubeCon recap' }).getAttribute('href'),
      ).toMatch(/#:~:text=/);
    }
  });

  it('grouped by page, a row shows its talk but not the page; grouped by day, not the day', async () => {
    show();
    await header('Scaling Postgres');
    groupBy('page');
    await header('KubeCon recap');
    for (const row of screen.getAllByRole('article')) {
      expect(row.textContent).toContain('Scaling Postgres');
      expect(row.textContent).not.toContain('Conference Blog');
    }
    groupBy('day');
    await waitFor(() => expect(screen.getAllByRole('article')[0]!.querySelector('time')).toBeNull());
  });

  it('puts a header’s actions in one Actions menu, operable by keyboard', async () => {
    show();
    const talkHeader = await header('Scaling Postgres');
    expect(
      within(talkHeader)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label') ?? b.textContent),
      // The talk's own note (#17) sits in the header too, behind Add talk note while empty.
    ).toEqual(['Collapse Scaling Postgres', 'Add talk note', 'Actions for Scaling Postgres']);
    const button = within(talkHeader).getByRole('button', { name: 'Actions for Scaling Postgres' });
    fireEvent.keyDown(button, { key: 'ArrowDown' });
    const menu = await within(talkHeader).findByRole('menu', { name: 'Actions for Scaling Postgres' });
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((m) => m.textContent),
    ).toEqual(['Select its 2 highlights', 'Only this talk', 'Edit talk', 'Merge…']);
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Select its 2 highlights'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement?.textContent).toBe('Only this talk');
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(within(talkHeader).queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
    fireEvent.click(button);
    fireEvent.click(within(talkHeader).getByRole('menuitem', { name: 'Select its 2 highlights' }));
    await screen.findByText('2 highlights selected');
  });
});
