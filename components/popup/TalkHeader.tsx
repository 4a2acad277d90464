import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { parseTagInput } from '@/core/tags';
import type { TalkRecord } from '@/core/types';
import { type TalkFields, TalkForm } from './TalkForm';

interface Props {
  talk: TalkRecord;
  /** Id of the heading, so the group can be labelled by it. */
  headingId: string;
  /** How many highlights the group shows (tag-all is offered only when there are some). */
  count: number;
  suggestions: readonly string[];
  onEdit: (fields: TalkFields) => Promise<unknown>;
  /** Adds tags to every highlight of the talk; resolves to how many changed (undefined: failed). */
  onTagAll: (tags: string[]) => Promise<number | undefined>;
  /** "Not a talk": its highlights go to the talk above (`part`) or to none. */
  onNotATalk: (as: 'part' | 'none') => void;
  /** The talk's place in an imported schedule (components/popup/ScheduleLink.tsx), under its title. */
  schedule?: ComponentChildren;
}

type Mode = 'view' | 'edit' | 'tag' | 'not-a-talk';

/** A talk's heading in the popup: title and speakers, with rename/speakers and tag-all forms. */
export function TalkHeader({
  talk,
  headingId,
  count,
  suggestions,
  onEdit,
  onTagAll,
  onNotATalk,
  schedule,
}: Props) {
  const [mode, setMode] = useState<Mode>('view');
  const [status, setStatus] = useState('');
  const editButton = useRef<HTMLButtonElement>(null);
  const tagButton = useRef<HTMLButtonElement>(null);
  const notATalkButton = useRef<HTMLButtonElement>(null);
  const closedFrom = useRef<Mode>('view');

  // Back to the button that opened a form when it closes, so keyboard users keep their place.
  useEffect(() => {
    if (mode !== 'view') return;
    if (closedFrom.current === 'edit') editButton.current?.focus();
    if (closedFrom.current === 'tag') tagButton.current?.focus();
    if (closedFrom.current === 'not-a-talk') notATalkButton.current?.focus();
    closedFrom.current = 'view';
  }, [mode]);
  const close = () => {
    closedFrom.current = mode;
    setMode('view');
  };

  return (
    <header class="talk-header">
      <div class="talk-title-row">
        <div class="talk-title">
          <h3 id={headingId}>{talk.title}</h3>
          {talk.speakers.length > 0 && <p class="talk-speakers">{talk.speakers.join(', ')}</p>}
        </div>
        {mode === 'view' && (
          <div class="talk-buttons">
            <button
              type="button"
              ref={editButton}
              class="small"
              aria-describedby={headingId}
              onClick={() => {
                setStatus('');
                setMode('edit');
              }}
            >
              Edit talk
            </button>
            {count > 0 && (
              <button
                type="button"
                ref={tagButton}
                class="small"
                aria-describedby={headingId}
                onClick={() => {
                  setStatus('');
                  setMode('tag');
                }}
              >
                Tag all
              </button>
            )}
            <button
              type="button"
              ref={notATalkButton}
              class="small"
              aria-describedby={headingId}
              onClick={() => {
                setStatus('');
                setMode('not-a-talk');
              }}
            >
              Not a talk
            </button>
          </div>
        )}
      </div>
      {mode === 'view' && schedule}
      {mode === 'not-a-talk' && (
        <fieldset
          class="not-a-talk"
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.stopPropagation();
            close();
          }}
        >
          <legend>Not a talk</legend>
          <p>
            “{talk.title}” is not a talk. Its highlights, and this line on later pages of this site, belong
            to:
          </p>
          <div class="form-buttons">
            <button
              type="button"
              class="primary"
              // biome-ignore lint/a11y/noAutofocus: the choice opens on request, and is what the reader acts on.
              autoFocus
              onClick={() => onNotATalk('part')}
            >
              The talk above
            </button>
            <button type="button" onClick={() => onNotATalk('none')}>
              No talk
            </button>
            <button type="button" onClick={close}>
              Cancel
            </button>
          </div>
        </fieldset>
      )}
      {mode === 'edit' && (
        <TalkForm
          initial={{ title: talk.title, speakers: talk.speakers }}
          submitLabel="Save talk"
          onCancel={close}
          onSubmit={(fields) => {
            close();
            void onEdit(fields);
          }}
        />
      )}
      {mode === 'tag' && (
        <TagAllForm
          suggestions={suggestions}
          onCancel={close}
          onSubmit={async (tags) => {
            close();
            const changed = await onTagAll(tags);
            if (changed !== undefined) {
              setStatus(
                changed === 0
                  ? 'Every highlight already had these tags.'
                  : `Tagged ${changed} highlight${changed === 1 ? '' : 's'}.`,
              );
            }
          }}
        />
      )}
      <p class="talk-status" role="status">
        {status}
      </p>
    </header>
  );
}

interface TagAllProps {
  suggestions: readonly string[];
  onSubmit: (tags: string[]) => void;
  onCancel: () => void;
}

/** Tags to add to every highlight of a talk: comma-separated, completed from existing tags. */
function TagAllForm({ suggestions, onSubmit, onCancel }: TagAllProps) {
  const [text, setText] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  useEffect(() => {
    input.current?.focus();
  }, []);
  const tags = parseTagInput(text);
  return (
    <form
      class="tag-all-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (tags.length) onSubmit(tags);
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        onCancel();
      }}
    >
      <input
        ref={input}
        type="text"
        aria-label="Tags for every highlight of this talk"
        placeholder="Tags for every highlight, comma-separated"
        list={listId}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <datalist id={listId}>
        {suggestions.slice(0, 50).map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <div class="form-buttons">
        <button type="submit" class="primary" disabled={tags.length === 0}>
          Add tags
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
