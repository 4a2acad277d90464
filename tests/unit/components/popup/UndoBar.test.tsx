import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UndoBar } from '@/components/popup/UndoBar';

afterEach(cleanup);

describe('UndoBar', () => {
  it('takes the focus to Undo; Enter/click undoes, Escape dismisses', async () => {
    const onUndo = vi.fn();
    const onDismiss = vi.fn();
    render(<UndoBar message="Highlight deleted." onUndo={onUndo} onDismiss={onDismiss} />);
    expect(screen.getByRole('status').textContent).toBe('Highlight deleted.');
    const undo = screen.getByRole('button', { name: 'Undo' });
    await waitFor(() => expect(document.activeElement).toBe(undo));
    fireEvent.click(undo);
    expect(onUndo).toHaveBeenCalledOnce();
    fireEvent.keyDown(undo, { key: 'Escape' });
    expect(onDismiss).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(onDismiss).toHaveBeenCalledTimes(2);
  });
});
