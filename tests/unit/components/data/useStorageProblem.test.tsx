import { render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { PopupApp } from '@/components/popup/PopupApp';
import { createDatabase } from '@/storage/db';

/** An IndexedDB that refuses to open, as Firefox's private windows did and some locked-down profiles do. */
const refusingIndexedDB = {
  open() {
    throw new DOMException(
      'A mutation operation was attempted on a database that did not allow mutations.',
      'InvalidStateError',
    );
  },
  deleteDatabase() {
    throw new DOMException('no', 'InvalidStateError');
  },
  cmp: (a: unknown, b: unknown) => (a === b ? 0 : String(a) < String(b) ? -1 : 1),
  databases: async () => [],
} as unknown as IDBFactory;

describe('storage that cannot open', () => {
  it('is explained in plain words in the popup instead of loading forever', async () => {
    const db = createDatabase('refused', { indexedDB: refusingIndexedDB, IDBKeyRange });
    render(
      <PopupApp
        db={db}
        load={async () => ({ kind: 'unreachable' })}
        bridge={{
          scrollTo: async () => true,
          notifyChanged: () => {},
          updateInBackground: async () => {
            throw new Error('unused');
          },
          isClosing: () => false,
          saveNote: () => {},
        }}
      />,
    );
    await waitFor(() =>
      expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain(
        'Talk Notes cannot open its storage in this window (private browsing, or site data turned off in the browser).',
      ),
    );
  });
});
