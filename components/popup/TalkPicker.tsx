import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { TalkRecord } from '@/core/types';

interface Props {
  /** The page's talks, in page order. */
  talks: readonly TalkRecord[];
  /** The highlight's talk; null for "No talk". */
  value: string | null;
  onChange: (talkId: string | null) => void;
  /** Moves the highlight to a new talk of that name (trimmed, never empty). */
  onCreate: (title: string) => void;
}

/**
 * Which talk a highlight belongs to: one of the page's talks, "No talk", or a new talk named on
 * the spot (Enter creates, Escape cancels).
 */
export function TalkPicker({ talks, value, onChange, onCreate }: Props) {
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');
  const newButton = useRef<HTMLButtonElement>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const wasCreating = useRef(false);
  const selectId = useId();

  // Focus follows the form: into the name field when it opens, back to its button when it closes.
  useEffect(() => {
    if (creating) nameInput.current?.focus();
    else if (wasCreating.current) newButton.current?.focus();
    wasCreating.current = creating;
  }, [creating]);

  const close = () => {
    setName('');
    setCreating(false);
  };
  const selected = value !== null && talks.some((t) => t.id === value) ? value : '';

  return (
    <div class="talk-picker">
      <label class="field-label" for={selectId}>
        Talk
      </label>
      <div class="talk-picker-row">
        <select
          id={selectId}
          class="talk-select"
          value={selected}
          onChange={(e) => onChange(e.currentTarget.value || null)}
        >
          <option value="">No talk</option>
          {talks.map((talk) => (
            <option key={talk.id} value={talk.id}>
              {talk.title}
            </option>
          ))}
        </select>
        {!creating && (
          <button type="button" ref={newButton} onClick={() => setCreating(true)}>
            New talk…
          </button>
        )}
      </div>
      {creating && (
        <form
          class="talk-picker-row"
          onSubmit={(e) => {
            e.preventDefault();
            const title = name.trim();
            if (!title) return;
            onCreate(title);
            close();
          }}
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            // Escape closes this form only, not the editor around it.
            e.stopPropagation();
            close();
          }}
        >
          <input
            ref={nameInput}
            type="text"
            aria-label="New talk name"
            placeholder="Name of the new talk"
            maxLength={2000}
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
          <button type="submit" disabled={!name.trim()}>
            Create
          </button>
          <button type="button" onClick={close}>
            Cancel
          </button>
        </form>
      )}
    </div>
  );
}
