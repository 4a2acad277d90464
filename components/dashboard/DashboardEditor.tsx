import { useState } from 'preact/hooks';
import type { ColorNames } from '@/core/colors';
import type { HighlightRecord, TalkRecord } from '@/core/types';
import { ColorPicker } from '../ColorPicker';
import { NoteEditor } from '../NoteEditor';
import { TagInput } from '../TagInput';
import type { LibraryActions } from '../data/useLibraryActions';

interface Props {
  highlight: HighlightRecord;
  /** Talks the highlight can be put under: its page's talks (plus its current talk). */
  talks: readonly TalkRecord[];
  allTags: readonly string[];
  colorNames: ColorNames;
  actions: LibraryActions;
  onClose: () => void;
}

const NEW_TALK = '\u0000new';

/** Inline editing of one highlight's note, tags, colour and talk, with the popup's components. */
export function DashboardEditor({ highlight, talks, allTags, colorNames, actions, onClose }: Props) {
  const [creatingTalk, setCreatingTalk] = useState(false);
  const [talkTitle, setTalkTitle] = useState('');
  const update = actions.updateHighlight;
  return (
    <fieldset
      class="dash-editor"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !creatingTalk) {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <legend class="visually-hidden">Edit highlight</legend>
      <NoteEditor
        value={highlight.note}
        onSave={(note) => actions.saveNote(highlight, note)}
        debounceMs={actions.noteDebounceMs}
        autoFocus
      />
      <TagInput
        tags={highlight.tags}
        suggestions={allTags as string[]}
        onChange={(tags) => update(highlight, { tags })}
      />
      <ColorPicker
        value={highlight.color}
        names={colorNames}
        onChange={(color) => update(highlight, { color })}
      />
      <div class="dash-editor-talk">
        <label>
          Talk{' '}
          <select
            value={creatingTalk ? NEW_TALK : (highlight.talkId ?? '')}
            onChange={(e) => {
              const value = e.currentTarget.value;
              if (value === NEW_TALK) setCreatingTalk(true);
              else {
                setCreatingTalk(false);
                void update(highlight, { talkId: value || null });
              }
            }}
          >
            <option value="">No talk</option>
            {talks.map((talk) => (
              <option key={talk.id} value={talk.id}>
                {talk.title}
              </option>
            ))}
            <option value={NEW_TALK}>New talk…</option>
          </select>
        </label>
        {creatingTalk && (
          <form
            class="dash-inline-form"
            onSubmit={async (e) => {
              e.preventDefault();
              const talk = await actions.createTalk(highlight.pageId, talkTitle);
              if (!talk) return;
              await update(highlight, { talkId: talk.id });
              setCreatingTalk(false);
              setTalkTitle('');
            }}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.stopPropagation();
                setCreatingTalk(false);
              }
            }}
          >
            <input
              type="text"
              aria-label="New talk title"
              value={talkTitle}
              onInput={(e) => setTalkTitle(e.currentTarget.value)}
              required
              // biome-ignore lint/a11y/noAutofocus: the reader just chose "New talk…"
              autoFocus
            />
            <button type="submit">Create talk</button>
          </form>
        )}
      </div>
      <div class="dash-editor-actions">
        <button type="button" onClick={onClose}>
          Done
        </button>
      </div>
    </fieldset>
  );
}
