import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeleteAllData } from '@/components/dashboard/DeleteAllData';
import type { LibraryBackup } from '@/components/data/useBackup';
import { libraryBackup } from '@/components/data/useBackup';
import { createDatabase } from '@/storage/db';
import { makeLibrary } from '../../../e2e/seed-library';

afterEach(cleanup);

describe('DeleteAllData', () => {
  it('saves a backup of the whole library first when asked, and deletes nothing then', async () => {
    const db = createDatabase(`delete-all-${crypto.randomUUID()}`);
    try {
      const library = makeLibrary({ highlights: 5, pages: 2, seed: 1 });
      await db.pages.bulkAdd(library.pages);
      await db.talks.bulkAdd(library.talks);
      await db.highlights.bulkAdd(library.highlights);
      const download = vi.fn();
      render(
        <DeleteAllData backup={libraryBackup(db)} onDeleted={() => {}} download={download} now={() => 0} />,
      );
      fireEvent.click(screen.getByRole('button', { name: 'Delete all data…' }));
      const dialog = screen.getByRole('dialog', { name: 'Delete all data' });
      fireEvent.click(within(dialog).getByRole('button', { name: 'Save a backup first' }));
      await waitFor(() =>
        expect(within(dialog).getByRole('status', { name: 'Delete status' }).textContent).toBe(
          'Backup saved: 5 highlights, 2 pages.',
        ),
      );
      expect(download).toHaveBeenCalledTimes(1);
      const file = download.mock.calls[0]![0] as { name: string; text: string };
      expect(file.name).toMatch(/^talk-notes-backup.*\.json$/);
      expect(JSON.parse(file.text).highlights).toHaveLength(5);
      expect(await db.highlights.count()).toBe(5);
    } finally {
      await db.delete();
    }
  });

  it('says nothing was deleted when deleting fails, and stays open', async () => {
    const failing = {
      deleteAllData: () => Promise.reject(new Error('The disk is full')),
    } as unknown as LibraryBackup;
    const onDeleted = vi.fn();
    render(<DeleteAllData backup={failing} onDeleted={onDeleted} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete all data…' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete all data' });
    fireEvent.input(within(dialog).getByRole('textbox', { name: 'Confirmation' }), {
      target: { value: 'DELETE' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete everything' }));
    await waitFor(() =>
      expect(within(dialog).getByRole('status', { name: 'Delete status' }).textContent).toBe(
        'Nothing was deleted: The disk is full',
      ),
    );
    expect(onDeleted).not.toHaveBeenCalled();
  });

  it('removes sync from this browser before it deletes, and deletes nothing when that fails', async () => {
    const db = createDatabase(`delete-all-${crypto.randomUUID()}`);
    try {
      const library = makeLibrary({ highlights: 3, pages: 1, seed: 2 });
      await db.pages.bulkAdd(library.pages);
      await db.talks.bulkAdd(library.talks);
      await db.highlights.bulkAdd(library.highlights);
      const order: string[] = [];
      let fail = true;
      const forgetSync = vi.fn(async () => {
        order.push(`forget with ${await db.highlights.count()} highlights`);
        if (fail) throw new Error('Sync could not be stopped');
      });
      render(<DeleteAllData backup={libraryBackup(db, undefined, forgetSync)} onDeleted={() => {}} />);
      fireEvent.click(screen.getByRole('button', { name: 'Delete all data…' }));
      const dialog = screen.getByRole('dialog', { name: 'Delete all data' });
      fireEvent.input(within(dialog).getByRole('textbox', { name: 'Confirmation' }), {
        target: { value: 'DELETE' },
      });
      fireEvent.click(within(dialog).getByRole('button', { name: 'Delete everything' }));
      await waitFor(() =>
        expect(within(dialog).getByRole('status', { name: 'Delete status' }).textContent).toBe(
          'Nothing was deleted: Sync could not be stopped',
        ),
      );
      expect(await db.highlights.count()).toBe(3);
      fail = false;
      fireEvent.click(within(dialog).getByRole('button', { name: 'Delete everything' }));
      await waitFor(async () => expect(await db.highlights.count()).toBe(0));
      expect(order).toEqual(['forget with 3 highlights', 'forget with 3 highlights']);
    } finally {
      await db.delete();
    }
  });
});
