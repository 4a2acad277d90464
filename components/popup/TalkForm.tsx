import { useEffect, useId, useRef, useState } from 'preact/hooks';

export interface TalkFields {
  title: string;
  speakers: string[];
}

interface Props {
  initial?: TalkFields;
  /** The submit button's words ("Save", "Create talk"). */
  submitLabel: string;
  onSubmit: (fields: TalkFields) => void;
  onCancel: () => void;
}

/** A talk's title and speakers (comma-separated). Enter saves, Escape cancels. */
export function TalkForm({ initial = { title: '', speakers: [] }, submitLabel, onSubmit, onCancel }: Props) {
  const [title, setTitle] = useState(initial.title);
  const [speakers, setSpeakers] = useState(initial.speakers.join(', '));
  const titleInput = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const speakersId = useId();
  useEffect(() => {
    titleInput.current?.focus();
  }, []);

  return (
    <form
      class="talk-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!title.trim()) return;
        onSubmit({
          title: title.trim(),
          speakers: speakers
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        });
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        onCancel();
      }}
    >
      <label class="field-label" for={titleId}>
        Talk title
      </label>
      <input
        id={titleId}
        ref={titleInput}
        type="text"
        required
        maxLength={2000}
        value={title}
        onInput={(e) => setTitle(e.currentTarget.value)}
      />
      <label class="field-label" for={speakersId}>
        Speakers
      </label>
      <input
        id={speakersId}
        type="text"
        placeholder="Comma-separated names"
        value={speakers}
        onInput={(e) => setSpeakers(e.currentTarget.value)}
      />
      <div class="form-buttons">
        <button type="submit" class="primary" disabled={!title.trim()}>
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
