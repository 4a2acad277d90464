import { useId, useState } from 'preact/hooks';
import { normalizeTags, parseTagInput } from '@/core/tags';

interface Props {
  tags: string[];
  onChange: (tags: string[]) => void;
  /** Existing tags in the library, offered as completions. */
  suggestions?: string[];
  label?: string;
}

/** Tags as removable chips plus an input: Enter or comma adds, Backspace on empty removes the last. */
export function TagInput({ tags, onChange, suggestions = [], label = 'Tags' }: Props) {
  const [draft, setDraft] = useState('');
  const listId = useId();
  const commit = (text: string) => {
    const added = parseTagInput(text);
    setDraft('');
    if (added.length) onChange(normalizeTags([...tags, ...added]));
  };
  const lower = new Set(tags.map((t) => t.toLowerCase()));
  const offered = suggestions.filter((s) => !lower.has(s.toLowerCase())).slice(0, 50);
  return (
    <div class="tags">
      <ul class="chips" aria-label={label}>
        {tags.map((tag) => (
          <li key={tag} class="chip">
            <span>{tag}</span>
            <button
              type="button"
              aria-label={`Remove tag ${tag}`}
              onClick={() => onChange(tags.filter((t) => t !== tag))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        type="text"
        aria-label={`Add ${label.toLowerCase()}`}
        placeholder="Add tags, comma-separated"
        list={listId}
        value={draft}
        onInput={(e) => {
          const value = e.currentTarget.value;
          if (value.includes(',')) commit(value);
          else setDraft(value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit(draft);
          } else if (e.key === 'Backspace' && !draft && tags.length) {
            onChange(tags.slice(0, -1));
          }
        }}
        onBlur={() => draft && commit(draft)}
      />
      <datalist id={listId}>
        {offered.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
    </div>
  );
}
