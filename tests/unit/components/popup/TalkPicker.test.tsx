import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TalkPicker } from '@/components/popup/TalkPicker';
import type { TalkRecord } from '@/core/types';

afterEach(cleanup);

const talk = (id: string, title: string): TalkRecord => ({
  id,
  pageId: 'p',
  title,
  speakers: [],
  position: 0,
  detected: true,
  detectedTitle: title,
  createdAt: 1,
  updatedAt: 1,
});
const TALKS = [talk('t1', 'Limux - the loss of a lighthouse'), talk('t2', "Dude, Where's My Microservice")];

function setup(value: string | null = 't1') {
  const onChange = vi.fn();
  const onCreate = vi.fn();
  render(<TalkPicker talks={TALKS} value={value} onChange={onChange} onCreate={onCreate} />);
  const select = screen.getByRole('combobox', { name: 'Talk' }) as HTMLSelectElement;
  return { onChange, onCreate, select };
}

describe('TalkPicker', () => {
  it('offers "No talk" and the page’s talks in order, showing the current one', () => {
    const { select } = setup('t2');
    expect([...select.options].map((o) => o.text)).toEqual([
      'No talk',
      'Limux - the loss of a lighthouse',
      "Dude, Where's My Microservice",
    ]);
    expect(select.value).toBe('t2');
  });

  it.each([
    [null, ''],
    ['a-talk-that-is-gone', ''],
  ])('shows "No talk" for talk %s', (value, shown) => {
    expect(setup(value).select.value).toBe(shown);
  });

  it.each([
    ['t2', 't2'],
    ['', null],
  ])('moves the highlight when %j is chosen', (option, expected) => {
    const { select, onChange } = setup('t1');
    fireEvent.change(select, { target: { value: option } });
    expect(onChange).toHaveBeenCalledExactlyOnceWith(expected);
  });

  it('creates a talk from a typed name on Enter, then closes the form', () => {
    const { onCreate } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'New talk…' }));
    const name = screen.getByRole('textbox', { name: 'New talk name' });
    expect(document.activeElement).toBe(name);
    fireEvent.input(name, { target: { value: '  Hallway track  ' } });
    fireEvent.submit(name.closest('form')!);
    expect(onCreate).toHaveBeenCalledExactlyOnceWith('Hallway track');
    expect(screen.queryByRole('textbox', { name: 'New talk name' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'New talk…' }));
  });

  it('does not create a talk without a name', () => {
    const { onCreate } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'New talk…' }));
    const name = screen.getByRole('textbox', { name: 'New talk name' });
    fireEvent.input(name, { target: { value: '   ' } });
    expect((screen.getByRole('button', { name: 'Create' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.submit(name.closest('form')!);
    expect(onCreate).not.toHaveBeenCalled();
  });

  it('cancels with Escape without letting it close the editor around it', () => {
    const { onCreate, onChange } = setup();
    const outer = vi.fn();
    document.body.addEventListener('keydown', outer);
    fireEvent.click(screen.getByRole('button', { name: 'New talk…' }));
    const name = screen.getByRole('textbox', { name: 'New talk name' });
    fireEvent.input(name, { target: { value: 'Half typed' } });
    fireEvent.keyDown(name, { key: 'Escape' });
    expect(screen.queryByRole('textbox', { name: 'New talk name' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'New talk…' }));
    expect(outer).not.toHaveBeenCalled();
    expect(onCreate).not.toHaveBeenCalled();
    expect(onChange).not.toHaveBeenCalled();
    // Opened again, the form starts empty.
    fireEvent.click(screen.getByRole('button', { name: 'New talk…' }));
    expect((screen.getByRole('textbox', { name: 'New talk name' }) as HTMLInputElement).value).toBe('');
    document.body.removeEventListener('keydown', outer);
  });
});
