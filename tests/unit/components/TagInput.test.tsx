import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TagInput } from '@/components/TagInput';

afterEach(cleanup);

/** TagInput as the popup uses it: the owner keeps the tags and passes them back in. */
function Owner({ initial = [] as string[], suggestions = [] as string[], onChange = (_: string[]) => {} }) {
  const [tags, setTags] = useState(initial);
  return (
    <TagInput
      tags={tags}
      suggestions={suggestions}
      onChange={(next) => {
        setTags(next);
        onChange(next);
      }}
    />
  );
}

const input = () => screen.getByRole('combobox', { name: 'Add tags' }) as HTMLInputElement;
const chips = () => screen.queryAllByRole('listitem').map((li) => li.querySelector('span')?.textContent);
function type(text: string) {
  fireEvent.input(input(), { target: { value: text } });
}

describe('TagInput', () => {
  it('adds a tag on Enter, normalized, and clears the field', () => {
    const onChange = vi.fn();
    render(<Owner onChange={onChange} />);
    type('  Kernel   Live  ');
    fireEvent.keyDown(input(), { key: 'Enter' });
    expect(onChange).toHaveBeenLastCalledWith(['Kernel Live']);
    expect(chips()).toEqual(['Kernel Live']);
    expect(input().value).toBe('');
  });

  it('adds on comma, several at once when pasted, keeping / hierarchies', () => {
    render(<Owner />);
    type('linux/kernel, #security, ');
    expect(chips()).toEqual(['linux/kernel', 'security']);
    type('talks / keynote,');
    expect(chips()).toEqual(['linux/kernel', 'security', 'talks/keynote']);
  });

  it('merges case-insensitive duplicates, keeping the first spelling', () => {
    const onChange = vi.fn();
    render(<Owner initial={['Kernel']} onChange={onChange} />);
    type('kernel');
    fireEvent.keyDown(input(), { key: 'Enter' });
    expect(chips()).toEqual(['Kernel']);
    type('KERNEL, rust,');
    expect(chips()).toEqual(['Kernel', 'rust']);
  });

  it('ignores empty input', () => {
    const onChange = vi.fn();
    render(<Owner onChange={onChange} />);
    type('  ');
    fireEvent.keyDown(input(), { key: 'Enter' });
    type(' , ,');
    expect(onChange).not.toHaveBeenCalled();
  });

  it('removes a tag with its button, or the last one with Backspace on an empty field', () => {
    render(<Owner initial={['a', 'b', 'c']} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag b' }));
    expect(chips()).toEqual(['a', 'c']);
    fireEvent.keyDown(input(), { key: 'Backspace' });
    expect(chips()).toEqual(['a']);
    type('x');
    fireEvent.keyDown(input(), { key: 'Backspace' });
    expect(chips()).toEqual(['a']);
  });

  it('commits what was typed when the field loses focus', () => {
    render(<Owner />);
    type('unfinished');
    fireEvent.blur(input());
    expect(chips()).toEqual(['unfinished']);
  });

  it('offers existing tags it does not have yet, whatever their case', () => {
    render(<Owner initial={['Kernel']} suggestions={['kernel', 'rust', 'talks/keynote']} />);
    const list = document.getElementById(input().getAttribute('list')!);
    expect([...list!.querySelectorAll('option')].map((o) => o.value)).toEqual(['rust', 'talks/keynote']);
  });
});
