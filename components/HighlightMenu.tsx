import { useEffect, useState } from 'preact/hooks';
import { MENU_ARMING_MS } from '@/core/menu-grant';
import type { HighlightChanges, HighlightRecord } from '@/core/types';
import { ColorPicker } from './ColorPicker';
import { type MenuTalk, MenuTalkNote } from './MenuTalkNote';
import { NoteEditor } from './NoteEditor';
import { TagInput } from './TagInput';

/** What the menu can do, all of it about the one highlight it was granted (it never names an id). */
export interface HighlightMenuApi {
  get: () => Promise<HighlightRecord | null>;
  update: (changes: HighlightChanges) => Promise<HighlightRecord>;
  remove: () => Promise<HighlightRecord | null>;
  restore: (highlight: HighlightRecord) => Promise<void>;
  tags: () => Promise<string[]>;
  /** The highlight's talk and its own note (#17); null when it is under none. */
  talk?: () => Promise<MenuTalk | null>;
  setTalkNote?: (note: string) => Promise<MenuTalk>;
}

interface Props {
  api: HighlightMenuApi;
  onClose: () => void;
  focusNote?: boolean;
}

/** A highlight's menu in the page: note, tags, colour, delete (with undo). */
export function HighlightMenu({ api, onClose, focusNote }: Props) {
  const [highlight, setHighlight] = useState<HighlightRecord | null | undefined>(undefined);
  const [deleted, setDeleted] = useState<HighlightRecord | null>(null);
  const [suggestions, setSuggestions] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  // The buttons that change the highlight on a click wait MENU_ARMING_MS once it is shown: the page
  // around this frame could have moved it under a click meant for the page (the content script
  // checks the same, and whether the frame is visible, before the background acts).
  const [armed, setArmed] = useState(false);
  const shown = !!highlight;
  useEffect(() => {
    if (!shown) return;
    const timer = setTimeout(() => setArmed(true), MENU_ARMING_MS);
    return () => clearTimeout(timer);
  }, [shown]);

  useEffect(() => {
    api.get().then(setHighlight, (e: unknown) => setError(String(e)));
    api.tags().then(setSuggestions, () => {});
  }, [api]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  const change = async (changes: HighlightChanges) => {
    try {
      setHighlight(await api.update(changes));
      setError(null);
    } catch (e) {
      setError(`Not saved: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  if (error && !highlight) return <p role="alert">{error}</p>;
  if (highlight === undefined) return <p aria-busy="true">Loading…</p>;
  if (deleted) {
    return (
      <section class="menu" aria-label="Highlight deleted">
        <p role="status">Highlight deleted.</p>
        <div class="row">
          <button
            type="button"
            onClick={async () => {
              await api.restore(deleted);
              setHighlight(deleted);
              setDeleted(null);
            }}
          >
            Undo
          </button>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </section>
    );
  }
  if (!highlight) return <p role="alert">This highlight no longer exists.</p>;

  return (
    <section class="menu" aria-label="Highlight">
      <header class="row">
        <strong>Highlight</strong>
        <button type="button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <NoteEditor value={highlight.note} autoFocus={focusNote} onSave={(note) => change({ note })} />
      <TagInput tags={highlight.tags} suggestions={suggestions} onChange={(tags) => change({ tags })} />
      <ColorPicker value={highlight.color} onChange={(color) => change({ color })} disabled={!armed} />
      {api.talk && api.setTalkNote && (
        <MenuTalkNote load={api.talk} save={api.setTalkNote} talkKey={highlight.talkId} />
      )}
      <div class="row">
        <button
          type="button"
          class="danger"
          disabled={!armed}
          onClick={async () => {
            try {
              const removed = await api.remove();
              if (removed) setDeleted(removed);
            } catch (e) {
              setError(`Not deleted: ${e instanceof Error ? e.message : String(e)}`);
            }
          }}
        >
          Delete highlight
        </button>
      </div>
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
