import { useState } from 'preact/hooks';
import type { NotedKind } from '@/core/types';
import { NoteEditor } from './NoteEditor';
import { TagInput } from './TagInput';

interface Props {
  /** Whose note: the text box is named `Talk note` or `Page note`, its tags `Talk tags` or `Page tags`. */
  kind: NotedKind;
  note: string;
  tags: readonly string[];
  /** Tags in the library, for completion. */
  suggestions?: readonly string[];
  /** Persists the note as typed (see NoteEditor: debounced, or every keystroke with `debounceMs` 0). */
  onSaveNote: (note: string) => void | Promise<void>;
  /** Sets the tags; without it no tags are shown (the in-page menu edits the note only). */
  onTagsChange?: (tags: string[]) => void;
  debounceMs?: number;
  /**
   * While there is no note and no tag, show only an `Add talk note` button (where space is short:
   * the dashboard's headers, the in-page menu); a note, once there, is always shown.
   */
  collapsible?: boolean;
}

const NAMES: Record<NotedKind, { note: string; tags: string; placeholder: string }> = {
  talk: {
    note: 'Talk note',
    tags: 'Talk tags',
    placeholder: 'Your notes on this talk: a summary, what to try, questions (Markdown)…',
  },
  page: {
    note: 'Page note',
    tags: 'Page tags',
    placeholder: 'Your notes on this page as a whole (Markdown)…',
  },
};

/**
 * A talk's or page's own note (Markdown, saved as you type) and tags (#17): the reader's takeaways
 * on the whole talk or post, not tied to a passage.
 */
export function RecordNotesEditor({
  kind,
  note,
  tags,
  suggestions = [],
  onSaveNote,
  onTagsChange,
  debounceMs,
  collapsible = false,
}: Props) {
  const names = NAMES[kind];
  const [opened, setOpened] = useState(false);
  const empty = !note && tags.length === 0;
  if (collapsible && empty && !opened) {
    return (
      <div class="record-notes collapsed">
        <button type="button" class="small" aria-expanded="false" onClick={() => setOpened(true)}>
          Add {names.note.toLowerCase()}
        </button>
      </div>
    );
  }
  return (
    <div class={`record-notes ${kind}-notes`}>
      <NoteEditor
        value={note}
        label={names.note}
        placeholder={names.placeholder}
        rows={2}
        debounceMs={debounceMs}
        autoFocus={opened}
        onSave={onSaveNote}
      />
      {onTagsChange && (
        <TagInput
          tags={[...tags]}
          suggestions={[...suggestions]}
          label={names.tags}
          onChange={onTagsChange}
        />
      )}
    </div>
  );
}
