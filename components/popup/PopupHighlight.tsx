import type { ComponentChildren } from 'preact';
import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { COLOR_SWATCHES, type ColorNames, colorLabel } from '@/core/colors';
import type { HighlightColor, HighlightRecord, TalkRecord } from '@/core/types';
import { ColorPicker } from '../ColorPicker';
import type { FocusRequests } from './focus-requests';
import { NoteEditor } from '../NoteEditor';
import type { ReportedActions } from '../data/popup-actions';
import { TagInput } from '../TagInput';
import { TalkForm } from './TalkForm';
import { TalkPicker } from './TalkPicker';
import { useOptimisticValue } from './useOptimisticValue';

interface Props {
  highlight: HighlightRecord;
  /** The page's talks, in page order, for the talk picker. */
  talks: readonly TalkRecord[];
  colorNames: ColorNames;
  /** Every tag in the library, for completion. */
  suggestions: string[];
  actions: ReportedActions;
  /** Whether the editor (note, tags, colour, talk) is open. */
  expanded: boolean;
  onExpandedChange: (expanded: boolean) => void;
  onDelete: (id: string) => void;
  /** Says something short to the reader ("not on the page right now"). */
  announce: (message: string) => void;
  focus: FocusRequests;
  /** The clip guard's offer on this highlight (which schedule talk it is from), when one stands. */
  offer?: ComponentChildren;
}

/**
 * One highlight in the popup: its colour, text (as text, never HTML), note and tags. The text
 * scrolls the page to the passage; Edit opens the note, tags, colour and talk; Escape closes.
 */
export function PopupHighlight({
  highlight,
  talks,
  colorNames,
  suggestions,
  actions,
  expanded,
  onExpandedChange,
  onDelete,
  announce,
  focus,
  offer,
}: Props) {
  const { id } = highlight;
  const root = useRef<HTMLLIElement>(null);
  const quoteId = useId();
  const editorId = useId();
  const orphan = highlight.anchorStatus === 'orphan';

  const saved = (changes: Parameters<ReportedActions['update']>[1]) => async () => {
    if (!(await actions.update(id, changes))) throw new Error('not saved');
  };
  const [tags, setTags] = useOptimisticValue(highlight.tags, (value) => saved({ tags: value })());
  const [color, setColor] = useOptimisticValue<HighlightColor>(highlight.color, (value) =>
    saved({ color: value })(),
  );
  const [talkId, setTalkId] = useOptimisticValue(highlight.talkId, (value) => saved({ talkId: value })());

  // Focus where the reader was, when this card is new (moved, restored) or its editor opens or closes;
  // before paint, so no keystroke lands elsewhere first.
  useLayoutEffect(() => {
    focus.apply(id, root.current);
  }, [expanded]);

  const toggle = (open: boolean) => {
    focus.request(id, open ? 'note' : 'edit');
    onExpandedChange(open);
  };
  const name = colorLabel(color, colorNames);

  return (
    <li
      ref={root}
      class={`highlight${expanded ? ' expanded' : ''}`}
      data-highlight-id={id}
      style={{ '--highlight-color': COLOR_SWATCHES[color] }}
    >
      {orphan ? (
        <p id={quoteId} class="quote">
          {highlight.text}
        </p>
      ) : (
        <button
          type="button"
          id={quoteId}
          class="quote"
          title="Show on the page"
          onClick={async () => {
            if ((await actions.scrollTo(id)) === false)
              announce('This passage is not on the page right now.');
          }}
        >
          {highlight.text}
        </button>
      )}
      {offer}
      {!expanded && highlight.note && <p class="note-text">{highlight.note}</p>}
      {!expanded && tags.length > 0 && (
        <ul class="tag-list" aria-label="Tags">
          {tags.map((tag) => (
            <li key={tag} class="chip">
              {tag}
            </li>
          ))}
        </ul>
      )}
      <div class="highlight-actions">
        <span class="color-label">
          <span class="dot" aria-hidden="true" />
          <span class={colorNames[color] ? '' : 'visually-hidden'}>{name}</span>
        </span>
        <button
          type="button"
          class="small edit-toggle"
          aria-expanded={expanded}
          aria-controls={expanded ? editorId : undefined}
          aria-describedby={quoteId}
          onClick={() => toggle(!expanded)}
        >
          {expanded ? 'Done' : 'Edit'}
        </button>
        <button type="button" class="small danger" aria-describedby={quoteId} onClick={() => onDelete(id)}>
          Delete
        </button>
      </div>
      {expanded && (
        // biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere in the editor closes it.
        <div
          id={editorId}
          class="highlight-editor"
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.stopPropagation();
            toggle(false);
          }}
        >
          <NoteEditor
            value={highlight.note}
            // Each keystroke goes to the background at once (#14): the popup can close at any moment.
            debounceMs={0}
            onSave={(note) => {
              void actions.saveNote(id, note);
            }}
          />
          <TagInput tags={tags} suggestions={suggestions} onChange={setTags} />
          <ColorPicker value={color} names={colorNames} name={`color-${id}`} onChange={setColor} />
          <StartTalkHere
            onStart={(title, speakers) => {
              announce(`Started the talk “${title}” at this highlight.`);
              void actions.startTalkAt(id, title, speakers);
            }}
          />
          <TalkPicker
            talks={talks}
            value={talkId}
            onChange={(value) => {
              focus.request(id, 'talk');
              setTalkId(value);
            }}
            onCreate={(title) => {
              focus.request(id, 'talk');
              void actions.moveToTalkNamed(id, title);
            }}
          />
        </div>
      )}
    </li>
  );
}

/**
 * "Start a new talk here": detection missed a talk that starts at this passage. The new talk takes
 * this highlight and the ones after it in its talk, and keeps them when the page is detected again.
 */
function StartTalkHere({ onStart }: { onStart: (title: string, speakers: string[]) => void }) {
  const [open, setOpen] = useState(false);
  return open ? (
    <TalkForm
      submitLabel="Start talk"
      onCancel={() => setOpen(false)}
      onSubmit={({ title, speakers }) => {
        setOpen(false);
        onStart(title, speakers);
      }}
    />
  ) : (
    <button type="button" class="small" onClick={() => setOpen(true)}>
      Start a new talk here
    </button>
  );
}
