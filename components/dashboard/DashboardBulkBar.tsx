import { useMemo, useState } from 'preact/hooks';
import { type ColorNames, colorLabel } from '@/core/colors';
import { normalizeTags, parseTagInput } from '@/core/tags';
import {
  type CollectionRecord,
  type ConferenceRecord,
  HIGHLIGHT_COLORS,
  type HighlightColor,
  type HighlightRecord,
  type PageRecord,
  type TalkRecord,
} from '@/core/types';
import { DashboardTalkPicker } from './DashboardTalkPicker';
import type { LibraryActions } from '../data/useLibraryActions';

interface Props {
  /** The selected highlights that exist. */
  selected: readonly HighlightRecord[];
  /** How many of them the current filters hide. */
  hidden: number;
  collections: readonly CollectionRecord[];
  /** The collection in view: offers "Remove from collection". */
  activeCollection: CollectionRecord | null;
  /** Talks to offer (conference talks, and page talks not linked to one). */
  talks: readonly TalkRecord[];
  pagesById: ReadonlyMap<string, PageRecord>;
  conferencesById?: ReadonlyMap<string, ConferenceRecord>;
  actions: LibraryActions;
  /** The reader's names for the colours ("yellow = key idea"). */
  colorNames?: ColorNames;
  onDelete: (ids: string[]) => void;
  onClear: () => void;
  /** Says what an action did ("Tagged 5 highlights"). */
  onNotice: (message: string) => void;
}

const plural = (n: number) => `${n} highlight${n === 1 ? '' : 's'}`;

/** Actions on the selected highlights: tags, talk, colour, collection, delete. */
export function DashboardBulkBar(props: Props) {
  const { selected, actions, onNotice } = props;
  const ids = useMemo(() => selected.map((h) => h.id), [selected]);
  const [tagDraft, setTagDraft] = useState('');
  const [removeTag, setRemoveTag] = useState('');
  const [collectionId, setCollectionId] = useState('');
  const [choosingTalk, setChoosingTalk] = useState(false);
  const [color, setColor] = useState<HighlightColor>('yellow');
  const presentTags = useMemo(() => normalizeTags(selected.flatMap((h) => h.tags)).sort(), [selected]);

  return (
    <div class="dash-bulk" role="toolbar" aria-label="Selected highlights">
      <p class="dash-bulk-count">
        <strong>{plural(selected.length)} selected</strong>
        {props.hidden > 0 && <span class="dash-muted"> ({props.hidden} hidden by the filters)</span>}
      </p>
      <form
        class="dash-inline-form"
        onSubmit={async (e) => {
          e.preventDefault();
          const tags = parseTagInput(tagDraft);
          if (!tags.length) return;
          const n = await actions.addTags(ids, tags);
          setTagDraft('');
          onNotice(`Tagged ${plural(n)} with ${tags.join(', ')}`);
        }}
      >
        <input
          type="text"
          aria-label="Tags to add to the selected highlights"
          placeholder="Tags, comma-separated"
          value={tagDraft}
          onInput={(e) => setTagDraft(e.currentTarget.value)}
        />
        <button type="submit">Add tags</button>
      </form>
      {presentTags.length > 0 && (
        <form
          class="dash-inline-form"
          onSubmit={async (e) => {
            e.preventDefault();
            const tag = removeTag || presentTags[0]!;
            const n = await actions.removeTags(ids, [tag]);
            onNotice(`Removed ${tag} from ${plural(n)}`);
          }}
        >
          <select
            aria-label="Tag to remove from the selected highlights"
            value={removeTag || presentTags[0]}
            onChange={(e) => setRemoveTag(e.currentTarget.value)}
          >
            {presentTags.map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
          <button type="submit">Remove tag</button>
        </form>
      )}
      <div class="dash-bulk-talk">
        <button type="button" aria-expanded={choosingTalk} onClick={() => setChoosingTalk(!choosingTalk)}>
          Set talk…
        </button>
        {choosingTalk && (
          <div class="dash-popover">
            <DashboardTalkPicker
              talks={props.talks}
              pagesById={props.pagesById}
              conferencesById={props.conferencesById}
              label="Talk for the selected highlights"
              autoFocus
              onPick={async (talk) => {
                const n = await actions.setTalk(ids, talk.id);
                setChoosingTalk(false);
                onNotice(`Moved ${plural(n)} to “${talk.title}”`);
              }}
            />
            <button
              type="button"
              onClick={async () => {
                const n = await actions.setTalk(ids, null);
                setChoosingTalk(false);
                onNotice(`Took ${plural(n)} out of their talk`);
              }}
            >
              No talk
            </button>
          </div>
        )}
      </div>
      <form
        class="dash-inline-form"
        onSubmit={async (e) => {
          e.preventDefault();
          const n = await actions.setColor(ids, color);
          onNotice(`Coloured ${plural(n)} ${colorLabel(color, props.colorNames)}`);
        }}
      >
        <select
          aria-label="Colour for the selected highlights"
          value={color}
          onChange={(e) => setColor(e.currentTarget.value as HighlightColor)}
        >
          {HIGHLIGHT_COLORS.map((c) => (
            <option key={c} value={c}>
              {colorLabel(c, props.colorNames)}
            </option>
          ))}
        </select>
        <button type="submit">Set colour</button>
      </form>
      {props.collections.length > 0 && (
        <form
          class="dash-inline-form"
          onSubmit={async (e) => {
            e.preventDefault();
            const collection = props.collections.find(
              (c) => c.id === (collectionId || props.collections[0]!.id),
            );
            if (!collection) return;
            const n = await actions.addToCollection(collection.id, ids);
            onNotice(`Added ${plural(n)} to “${collection.name}”`);
          }}
        >
          <select
            aria-label="Collection to add the selected highlights to"
            value={collectionId || props.collections[0]!.id}
            onChange={(e) => setCollectionId(e.currentTarget.value)}
          >
            {props.collections.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <button type="submit">Add to collection</button>
        </form>
      )}
      {props.activeCollection && (
        <button
          type="button"
          onClick={async () => {
            const collection = props.activeCollection!;
            const n = await actions.removeFromCollection(collection.id, ids);
            onNotice(`Removed ${plural(n)} from “${collection.name}”`);
          }}
        >
          Remove from collection
        </button>
      )}
      <button type="button" class="danger" onClick={() => props.onDelete(ids)}>
        Delete {plural(selected.length)}
      </button>
      <button type="button" onClick={props.onClear}>
        Clear selection
      </button>
    </div>
  );
}
