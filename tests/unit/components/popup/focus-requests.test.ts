import { describe, expect, it } from 'vitest';
import { FocusRequests } from '@/components/popup/focus-requests';

describe('FocusRequests', () => {
  const card = () => {
    const root = document.createElement('li');
    root.innerHTML = '<button class="edit-toggle">Edit</button>';
    document.body.append(root);
    return root;
  };

  it('focuses the target once it is there, then forgets the request', () => {
    const focus = new FocusRequests();
    const root = card();
    focus.request('a', 'note');
    focus.apply('a', root);
    expect(document.activeElement).not.toBe(root.querySelector('button'));
    focus.request('a', 'edit');
    focus.apply('b', root);
    focus.apply('a', root);
    expect(document.activeElement).toBe(root.querySelector('button'));
    (document.activeElement as HTMLElement).blur();
    focus.apply('a', root);
    expect(document.activeElement).toBe(document.body);
    root.remove();
  });

  it('puts the caret after the text of a note', () => {
    const focus = new FocusRequests();
    const root = document.createElement('li');
    root.innerHTML = '<textarea class="note">written before</textarea>';
    document.body.append(root);
    focus.request('a', 'note');
    focus.apply('a', root);
    const note = root.querySelector('textarea')!;
    expect(document.activeElement).toBe(note);
    expect([note.selectionStart, note.selectionEnd]).toEqual([14, 14]);
    root.remove();
  });

  it('drops a request that waited too long', () => {
    let now = 0;
    const focus = new FocusRequests(() => now, 100);
    const root = card();
    focus.request('a', 'edit');
    now = 101;
    focus.apply('a', root);
    expect(document.activeElement).toBe(document.body);
    root.remove();
  });
});
