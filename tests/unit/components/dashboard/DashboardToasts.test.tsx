import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DashboardApp } from '@/components/dashboard/DashboardApp';
import { DashboardToasts } from '@/components/dashboard/DashboardToasts';
import { useToasts } from '@/components/dashboard/useToasts';
import type { Notify } from '@/components/notify';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';

/** The toasts with a handle to add one, as the dashboard wires them. */
function Harness({ onReady }: { onReady: (notify: Notify) => void }) {
  const { toasts, notify, dismiss } = useToasts();
  onReady(notify);
  return <DashboardToasts toasts={toasts} onDismiss={dismiss} />;
}

const region = () => screen.getByRole('status', { name: 'Notifications' });

describe('DashboardToasts', () => {
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('shows news in the status region and takes it away after about 5 s', () => {
    vi.useFakeTimers();
    let notify!: Notify;
    render(<Harness onReady={(n) => (notify = n)} />);
    act(() => notify({ message: 'Copied 12 highlights as Markdown.' }));
    expect(region().textContent).toContain('Copied 12 highlights as Markdown.');
    // News is not an alert: the status region announces it politely.
    expect(screen.queryByRole('alert')).toBeNull();
    act(() => {
      vi.advanceTimersByTime(4_000);
    });
    expect(region().textContent).toContain('Copied 12 highlights');
    act(() => {
      vi.advanceTimersByTime(1_500);
    });
    expect(region().textContent).toBe('');
  });

  it('keeps an error until Dismiss is pressed', () => {
    vi.useFakeTimers();
    let notify!: Notify;
    render(<Harness onReady={(n) => (notify = n)} />);
    act(() => notify({ message: 'Could not import broken.json.', kind: 'error' }));
    // Announced as an alert (#17), inside the one toasts region.
    expect(within(region()).getByRole('alert').textContent).toBe(
      'Error: Could not import broken.json.Dismiss',
    );
    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(region().textContent).toContain('Could not import broken.json.');
    fireEvent.click(within(region()).getByRole('button', { name: 'Dismiss' }));
    expect(region().textContent).toBe('');
  });

  it('holds news while the pointer is on it', () => {
    vi.useFakeTimers();
    let notify!: Notify;
    render(<Harness onReady={(n) => (notify = n)} />);
    act(() => notify({ message: 'Exported 3 highlights to Markdown.' }));
    const toast = within(region()).getByText(/Exported 3/).parentElement!;
    fireEvent.mouseEnter(toast);
    act(() => {
      vi.advanceTimersByTime(30_000);
    });
    expect(region().textContent).toContain('Exported 3');
    fireEvent.mouseLeave(toast);
    act(() => {
      vi.advanceTimersByTime(5_500);
    });
    expect(region().textContent).toBe('');
  });
});

describe('the dashboard’s messages are toasts', () => {
  let db: TalkNotesDatabase;
  beforeEach(() => {
    db = createDatabase(`toasts-${crypto.randomUUID()}`, { cache: 'immutable' });
  });
  afterEach(async () => {
    cleanup();
    await db.delete();
  });

  it('an import error goes to the toasts (not the header) and stays until dismissed', async () => {
    render(<DashboardApp db={db} listViewport={{ width: 1000, height: 2000 }} />);
    const input = await screen.findByLabelText('Import backup');
    const file = new File(['hello'], `${'a-very-long-file-name-'.repeat(8)}.json`, {
      type: 'application/json',
    });
    fireEvent.change(input, { target: { files: [file] } });
    await waitFor(() => expect(region().textContent).toMatch(/Could not import .*Nothing was changed\./));
    const header = screen.getByRole('banner');
    expect(within(header).queryByRole('alert')).toBeNull();
    expect(header.textContent).not.toMatch(/Could not import/);
    fireEvent.click(within(region()).getByRole('button', { name: 'Dismiss' }));
    expect(region().textContent).toBe('');
  });
});
