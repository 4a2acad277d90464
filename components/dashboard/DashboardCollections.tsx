import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { DashboardDialog } from './DashboardDialog';
import type { CollectionRecord, SavedSearch } from '@/core/types';
import type { LibraryActions } from '../data/useLibraryActions';

interface Props {
  collections: readonly CollectionRecord[];
  /** How many of a collection's highlights still exist, by collection id. */
  sizes: ReadonlyMap<string, number> | undefined;
  /** The collection being viewed (filter), if any. */
  activeId: string | null;
  onOpen: (id: string | null) => void;
  actions: LibraryActions;
  /** Number of highlights the current filter shows, and its description (for "save as"). */
  resultCount: number;
  filterDescription: string;
  /** Ids of the highlights in view, asked for only when saving a fixed set. */
  resultIds: () => string[];
  /** The current query and filters, asked for only when saving a saved search. */
  currentSearch: () => SavedSearch;
  now: () => number;
}

const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/**
 * What a collection saved from results is, in words: a fixed set (the highlights that matched
 * then), never to be read as a live filter (#17).
 */
export function fixedSetDescription(count: number, filterDescription: string, today: string): string {
  const what = `${NUMBER.format(count)} highlight${count === 1 ? '' : 's'}`;
  const matched = filterDescription
    ? ` that matched ${filterDescription[0]!.toLowerCase()}${filterDescription.slice(1)}`
    : '';
  return `Fixed set: the ${what}${matched} on ${today}. Highlights clipped later are not added.`;
}

/**
 * What a saved search is, in words: the query and filters kept, its highlights whatever matches
 * them whenever it is opened (#17).
 */
export function savedSearchDescription(count: number, filterDescription: string, today: string): string {
  const what = filterDescription
    ? `the highlights that match ${filterDescription[0]!.toLowerCase()}${filterDescription.slice(1)}`
    : 'every highlight';
  return `Saved search: ${what}, found again whenever it is opened (${NUMBER.format(count)} on ${today}). Highlights clipped later that match are included.`;
}

/** What a collection is, as the list and the dialog name it. */
export type CollectionKind = 'search' | 'fixed';
const KIND_NAMES: Record<CollectionKind, string> = { search: 'Saved search', fixed: 'Fixed set' };
const kindOf = (c: CollectionRecord): CollectionKind => (c.search ? 'search' : 'fixed');

/**
 * `Save N results as collection`: a dialog with a name to start from, the choice of a saved
 * search (the query and filters, results recomputed when opened) or a fixed set (today's
 * highlights), and what the collection will be in words.
 */
function SaveResultsDialog(props: {
  count: number;
  filterDescription: string;
  today: string;
  onSubmit: (name: string, description: string, kind: CollectionKind) => void;
  onCancel: () => void;
}) {
  const headingId = useId();
  const [kind, setKind] = useState<CollectionKind>('fixed');
  const title = 'Save results as a collection';
  const describe = kind === 'search' ? savedSearchDescription : fixedSetDescription;
  return (
    <DashboardDialog labelledBy={headingId} onClose={props.onCancel}>
      <h2 id={headingId}>{title}</h2>
      <CollectionForm
        title={title}
        submit="Create collection"
        name={(props.filterDescription || `Results of ${props.today}`).slice(0, 200)}
        description={describe(props.count, props.filterDescription, props.today)}
        onCancel={props.onCancel}
        onSubmit={(name, description) => props.onSubmit(name, description, kind)}
      >
        <fieldset class="dash-collection-kind-choice">
          <legend>Keep</legend>
          {(['search', 'fixed'] as const).map((k) => (
            <label key={k}>
              <input
                type="radio"
                name="collection-kind"
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
              />
              {KIND_NAMES[k]}
              <span class="dash-muted">
                {k === 'search'
                  ? ' — the search and filters: opened later, it shows what matches then'
                  : ` — these ${NUMBER.format(props.count)}: highlights clipped later are not added`}
              </span>
            </label>
          ))}
        </fieldset>
      </CollectionForm>
    </DashboardDialog>
  );
}

const NUMBER = new Intl.NumberFormat();

type Form =
  | { kind: 'new'; fromResults: boolean }
  | { kind: 'edit'; id: string }
  | { kind: 'delete'; id: string };

/**
 * Collections: open one to see (and export) only its highlights; create, save the current results
 * as one (a saved search or a fixed set), rename and describe, delete (the highlights stay in the
 * library).
 */
export function DashboardCollections(props: Props) {
  const { collections, activeId, actions } = props;
  const [form, setForm] = useState<Form | null>(null);
  return (
    <section class="dash-collections" aria-labelledby="collections-heading">
      <div class="dash-section-bar">
        <h2 id="collections-heading">Collections</h2>
      </div>
      <ul class="dash-collection-list">
        <li>
          <button
            type="button"
            class="dash-link-button"
            aria-current={activeId === null ? 'true' : undefined}
            onClick={() => props.onOpen(null)}
          >
            All highlights
          </button>
        </li>
        {collections.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              class="dash-link-button"
              aria-current={activeId === c.id ? 'true' : undefined}
              title={c.description || undefined}
              onClick={() => props.onOpen(c.id)}
            >
              {c.name} {props.sizes && <span class="dash-muted">({props.sizes.get(c.id) ?? 0})</span>}
            </button>
            {/* Which kind it is, in the list as in its description (#17). */}
            <span class={`dash-collection-kind dash-collection-kind-${kindOf(c)}`}>
              {KIND_NAMES[kindOf(c)]}
            </span>
            <span class="dash-collection-actions">
              <button
                type="button"
                aria-label={`Rename ${c.name}`}
                onClick={() => setForm({ kind: 'edit', id: c.id })}
              >
                Rename
              </button>
              <button
                type="button"
                class="danger"
                aria-label={`Delete ${c.name}`}
                onClick={() => setForm({ kind: 'delete', id: c.id })}
              >
                Delete
              </button>
            </span>
            {form?.kind === 'edit' && form.id === c.id && (
              <CollectionForm
                title={`Rename ${c.name}`}
                submit="Save"
                name={c.name}
                description={c.description}
                onCancel={() => setForm(null)}
                onSubmit={async (name, description) => {
                  if (await actions.updateCollection(c.id, { name, description })) setForm(null);
                }}
              />
            )}
            {form?.kind === 'delete' && form.id === c.id && (
              <div class="dash-confirm">
                <span>Delete “{c.name}”? Its highlights stay in the library.</span>
                <button
                  type="button"
                  class="danger"
                  onClick={async () => {
                    if (await actions.deleteCollection(c.id)) {
                      if (activeId === c.id) props.onOpen(null);
                      setForm(null);
                    }
                  }}
                >
                  Delete collection
                </button>
                <button type="button" onClick={() => setForm(null)}>
                  Keep
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      <div class="dash-collection-new">
        <button type="button" onClick={() => setForm({ kind: 'new', fromResults: false })}>
          New collection
        </button>
        <button
          type="button"
          disabled={props.resultCount === 0}
          onClick={() => setForm({ kind: 'new', fromResults: true })}
        >
          Save {NUMBER.format(props.resultCount)} result{props.resultCount === 1 ? '' : 's'} as collection
        </button>
      </div>
      {form?.kind === 'new' && !form.fromResults && (
        <CollectionForm
          title="New collection"
          submit="Create collection"
          name=""
          description=""
          onCancel={() => setForm(null)}
          onSubmit={async (name, description) => {
            if (await actions.createCollection({ name, description, highlightIds: [] })) setForm(null);
          }}
        />
      )}
      {form?.kind === 'new' && form.fromResults && (
        // A dialog, not a form at the foot of the sidebar: it opens in full view, wherever the sidebar is scrolled.
        <SaveResultsDialog
          count={props.resultCount}
          filterDescription={props.filterDescription}
          today={DATE.format(props.now())}
          onCancel={() => setForm(null)}
          onSubmit={async (name, description, kind) => {
            const created = await actions.createCollection(
              kind === 'search'
                ? { name, description, search: props.currentSearch() }
                : { name, description, highlightIds: props.resultIds() },
            );
            if (created) setForm(null);
          }}
        />
      )}
    </section>
  );
}

function CollectionForm(props: {
  title: string;
  submit: string;
  name: string;
  /** The description to start from; when it changes (another kind chosen), an unedited one follows. */
  description: string;
  onSubmit: (name: string, description: string) => void;
  onCancel: () => void;
  /** Shown after the name (the kind of collection to save). */
  children?: ComponentChildren;
}) {
  const [name, setName] = useState(props.name);
  const [description, setDescription] = useState(props.description);
  const edited = useRef(false);
  useEffect(() => {
    if (!edited.current) setDescription(props.description);
  }, [props.description]);
  return (
    <form
      class="dash-collection-form"
      aria-label={props.title}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit(name, description);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          props.onCancel();
        }
      }}
    >
      <label>
        Name
        <input
          type="text"
          value={name}
          required
          maxLength={200}
          // biome-ignore lint/a11y/noAutofocus: the form opens on the reader's request
          autoFocus
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </label>
      {props.children}
      <label>
        Description
        <textarea
          value={description}
          rows={3}
          onInput={(e) => {
            edited.current = true;
            setDescription(e.currentTarget.value);
          }}
        />
      </label>
      <div class="dash-form-actions">
        <button type="submit">{props.submit}</button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
