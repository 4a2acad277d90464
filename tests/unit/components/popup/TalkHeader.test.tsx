import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TalkHeader } from '@/components/popup/TalkHeader';
import type { TalkRecord } from '@/core/types';

afterEach(cleanup);

const TALK: TalkRecord = {
  id: 't',
  pageId: 'p',
  title: 'Kernel live patching',
  speakers: ['Miroslav Benes'],
  position: 10,
  detected: true,
  detectedTitle: 'Kernel live patching',
  createdAt: 1,
  updatedAt: 1,
};

function setup(count = 2) {
  const onEdit = vi.fn(async () => {});
  const onTagAll = vi.fn(async () => 2);
  const onNotATalk = vi.fn();
  render(
    <TalkHeader
      talk={TALK}
      headingId="h"
      count={count}
      suggestions={['kernel']}
      onEdit={onEdit}
      onTagAll={onTagAll}
      onNotATalk={onNotATalk}
    />,
  );
  return { onEdit, onTagAll, onNotATalk };
}

describe('TalkHeader', () => {
  it.each([
    ['The talk above', 'part'],
    ['No talk', 'none'],
  ])('"Not a talk" asks where its highlights go: %s', (choice, as) => {
    const { onNotATalk } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Not a talk' }));
    const group = screen.getByRole('group', { name: 'Not a talk' });
    expect(group.textContent).toContain('“Kernel live patching” is not a talk');
    fireEvent.click(screen.getByRole('button', { name: choice }));
    expect(onNotATalk).toHaveBeenCalledWith(as);
  });

  it('"Not a talk" can be cancelled, with Escape too, and gives the focus back', () => {
    const { onNotATalk } = setup();
    const button = screen.getByRole('button', { name: 'Not a talk' });
    fireEvent.click(button);
    fireEvent.keyDown(screen.getByRole('button', { name: 'No talk' }), { key: 'Escape' });
    expect(screen.queryByRole('group', { name: 'Not a talk' })).toBeNull();
    expect(document.activeElement?.textContent).toBe('Not a talk');
    expect(onNotATalk).not.toHaveBeenCalled();
  });

  it('shows the talk and its speakers under a heading', () => {
    setup();
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('Kernel live patching');
    expect(screen.getByText('Miroslav Benes')).toBeTruthy();
  });

  it('edits title and speakers in one form, prefilled', () => {
    const { onEdit } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Edit talk' }));
    const title = screen.getByRole('textbox', { name: 'Talk title' }) as HTMLInputElement;
    expect(title.value).toBe('Kernel live patching');
    expect((screen.getByRole('textbox', { name: 'Speakers' }) as HTMLInputElement).value).toBe(
      'Miroslav Benes',
    );
    fireEvent.input(title, { target: { value: '  Live patching  ' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Speakers' }), {
      target: { value: 'Miroslav Benes, , Jiri Kosina ' },
    });
    fireEvent.submit(title.closest('form')!);
    expect(onEdit).toHaveBeenCalledExactlyOnceWith({
      title: 'Live patching',
      speakers: ['Miroslav Benes', 'Jiri Kosina'],
    });
  });

  it('refuses an empty title', () => {
    const { onEdit } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Edit talk' }));
    const title = screen.getByRole('textbox', { name: 'Talk title' });
    fireEvent.input(title, { target: { value: '  ' } });
    fireEvent.submit(title.closest('form')!);
    expect(onEdit).not.toHaveBeenCalled();
  });

  it.each(['Edit talk', 'Tag all'])(
    'cancels %s with Escape and gives the focus back to its button',
    async (name) => {
      const { onEdit, onTagAll } = setup();
      fireEvent.click(screen.getByRole('button', { name }));
      const field = screen.getAllByRole(name === 'Edit talk' ? 'textbox' : 'combobox')[0]!;
      await waitFor(() => expect(document.activeElement).toBe(field));
      fireEvent.keyDown(field, { key: 'Escape' });
      await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name })));
      expect(onEdit).not.toHaveBeenCalled();
      expect(onTagAll).not.toHaveBeenCalled();
    },
  );

  it('tags every highlight with normalized tags and says how many changed', async () => {
    const { onTagAll } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Tag all' }));
    const input = screen.getByRole('combobox', { name: 'Tags for every highlight of this talk' });
    fireEvent.input(input, { target: { value: ' Kernel , linux / patching,' } });
    fireEvent.submit(input.closest('form')!);
    expect(onTagAll).toHaveBeenCalledExactlyOnceWith(['Kernel', 'linux/patching']);
    expect(await screen.findByText('Tagged 2 highlights.')).toBeTruthy();
  });

  it('offers tag-all only when the talk has highlights', () => {
    setup(0);
    expect(screen.queryByRole('button', { name: 'Tag all' })).toBeNull();
  });
});
