import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NoteEditor } from '@/components/NoteEditor';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const note = () => screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement;
/** Types one character at a time, as fast as a person can (no time passes between keys). */
function typeFast(text: string) {
  for (const char of text) {
    note().value += char;
    fireEvent.input(note());
  }
}

describe('NoteEditor', () => {
  it('saves once, after a pause in typing', () => {
    const onSave = vi.fn();
    render(<NoteEditor value="" onSave={onSave} debounceMs={400} />);
    typeFast('kGraft');
    vi.advanceTimersByTime(399);
    expect(onSave).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onSave).toHaveBeenCalledExactlyOnceWith('kGraft');
  });

  it('with no debounce, hands over every keystroke at once, in the input event (the popup, #14)', () => {
    const onSave = vi.fn();
    render(<NoteEditor value="" onSave={onSave} debounceMs={0} />);
    typeFast('kGr');
    // No time passed: each text is out of the editor before the page could close.
    expect(onSave.mock.calls).toEqual([['k'], ['kG'], ['kGr']]);
    // Nothing new to hand over on blur.
    fireEvent.blur(note());
    expect(onSave).toHaveBeenCalledTimes(3);
  });

  it('loses nothing when typed fast and unmounted before the pause (the popup closes)', () => {
    const onSave = vi.fn();
    const { unmount } = render(<NoteEditor value="" onSave={onSave} />);
    typeFast('Live patching: kGraft + kpatch merged');
    // Preact runs effect cleanups of unmounted components after paint; act() lets that happen.
    act(() => {
      unmount();
    });
    expect(onSave).toHaveBeenCalledExactlyOnceWith('Live patching: kGraft + kpatch merged');
    vi.runAllTimers();
    expect(onSave).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['blur', () => fireEvent.blur(note())],
    ['pagehide', () => window.dispatchEvent(new Event('pagehide'))],
    ['visibilitychange', () => document.dispatchEvent(new Event('visibilitychange'))],
  ])('saves at once on %s', (_, trigger) => {
    const onSave = vi.fn();
    render(<NoteEditor value="old" onSave={onSave} />);
    typeFast(' and new');
    trigger();
    expect(onSave).toHaveBeenCalledExactlyOnceWith('old and new');
  });

  it('sends a save still in flight again when the page hides (the popup closing aborts it)', async () => {
    const onSave = vi.fn(() => new Promise<void>(() => {}));
    render(<NoteEditor value="" onSave={onSave} />);
    typeFast('kpatch!');
    vi.advanceTimersByTime(400);
    expect(onSave).toHaveBeenCalledExactlyOnceWith('kpatch!');
    window.dispatchEvent(new Event('pagehide'));
    expect(onSave).toHaveBeenCalledTimes(2);
    expect(onSave).toHaveBeenLastCalledWith('kpatch!');
  });

  it('does not send a finished save again when the page hides', async () => {
    const onSave = vi.fn(async () => {});
    render(<NoteEditor value="" onSave={onSave} />);
    typeFast('kpatch!');
    vi.advanceTimersByTime(400);
    await act(async () => {});
    window.dispatchEvent(new Event('pagehide'));
    expect(onSave).toHaveBeenCalledTimes(1);
  });

  it('does not save what did not change', () => {
    const onSave = vi.fn();
    const { unmount } = render(<NoteEditor value="same" onSave={onSave} />);
    fireEvent.blur(note());
    act(() => {
      unmount();
    });
    expect(onSave).not.toHaveBeenCalled();
  });

  it('keeps multi-line Markdown as typed', () => {
    const onSave = vi.fn();
    render(<NoteEditor value="" onSave={onSave} />);
    typeFast('- one\n- **two**\n\n> quote');
    fireEvent.blur(note());
    expect(onSave).toHaveBeenCalledWith('- one\n- **two**\n\n> quote');
  });

  it('shows a change made elsewhere, unless the reader is typing here', () => {
    const { rerender } = render(<NoteEditor value="first" onSave={() => {}} />);
    rerender(<NoteEditor value="from the dashboard" onSave={() => {}} />);
    expect(note().value).toBe('from the dashboard');
    act(() => note().focus());
    typeFast('!');
    rerender(<NoteEditor value="stale echo" onSave={() => {}} />);
    expect(note().value).toBe('from the dashboard!');
  });
});
