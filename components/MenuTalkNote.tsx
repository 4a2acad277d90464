import { useEffect, useState } from 'preact/hooks';
import { NoteEditor } from './NoteEditor';

/** The talk of the menu's highlight, as the background tells the menu (no ids). */
export interface MenuTalk {
  title: string;
  note: string;
}

interface Props {
  /** Reads the talk of the granted highlight; null when the passage is under no talk. */
  load: () => Promise<MenuTalk | null>;
  /** Saves the talk's note; resolves to the talk as stored. */
  save: (note: string) => Promise<MenuTalk>;
  /** The highlight's talk changed (read again). */
  talkKey: string | null;
}

/**
 * The note of the highlight's talk (#17) in the in-page menu, collapsed behind a disclosure so the
 * small frame stays the highlight's: open at once when the talk already has a note.
 */
export function MenuTalkNote({ load, save, talkKey }: Props) {
  const [talk, setTalk] = useState<MenuTalk | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    load().then(
      (loaded) => live && setTalk(loaded),
      () => live && setTalk(null),
    );
    return () => {
      live = false;
    };
  }, [load, talkKey]);
  if (!talk) return null;
  return (
    <details class="menu-talk-note" open={talk.note !== ''}>
      <summary>
        Talk note <span class="menu-talk-title">· {talk.title}</span>
      </summary>
      <NoteEditor
        value={talk.note}
        label="Talk note"
        placeholder="Your notes on this talk (Markdown)…"
        rows={3}
        onSave={async (note) => {
          try {
            await save(note);
            setError(null);
          } catch (e) {
            setError(`Not saved: ${e instanceof Error ? e.message : String(e)}`);
          }
        }}
      />
      {error && <p role="alert">{error}</p>}
    </details>
  );
}
