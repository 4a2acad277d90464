import { COLOR_LABELS, COLOR_SWATCHES } from '@/core/colors';
import { HIGHLIGHT_COLORS, type HighlightColor } from '@/core/types';

export interface SelectionToolbarProps {
  /** The colour this clip will get: the reader's default colour until they pick another for it. */
  color?: HighlightColor;
  onColor?: (color: HighlightColor) => void;
  /** Saves the selection in `color`. */
  onHighlight: (color: HighlightColor) => void;
  /**
   * The selection overlaps a stored highlight (#17, item 2): offer to grow that one to cover both
   * (`Extend highlight`) or to keep both as they are (`Keep both`, a new highlight).
   */
  overlap?: boolean;
  onExtend?: () => void;
  /** Fading out after a saved clip: it takes no more clicks and is gone a moment later. */
  fading?: boolean;
  /** Saves the selection and opens the note editor. */
  onAddNote: (color: HighlightColor) => void;
  /** A short status ("Saved", "Already highlighted", an error) read out politely. */
  status?: string;
  /** Clips kept on the page because storage failed; offers to retry or copy them. */
  unsaved?: number;
  onRetryUnsaved?: () => void;
  onCopyUnsaved?: () => void;
  /**
   * Shown without a selection, pinned to a corner, because clips are waiting to be saved:
   * only the status and the retry / copy actions make sense then.
   */
  pinned?: boolean;
  /** False where saving cannot work (a private window): only copying is offered. */
  canRetry?: boolean;
  /** Clips the background refused for good (a retry cannot help): offered for copying only. */
  refused?: number;
  onCopyRefused?: () => void;
  /** The toolbar takes clicks (it has been in place long enough and is visible); else it is aria-disabled. */
  armed?: boolean;
  /** Whether a click on a button counts (./toolbar-ui.tsx: trusted, armed, really visible). */
  accepts?: (event: MouseEvent) => boolean;
}

const trustedOnly = (event: MouseEvent) => event.isTrusted;

/**
 * The small toolbar shown next to a text selection in a web page (mounted in a shadow root by
 * ./toolbar-ui.tsx). It lives in page/, not components/: what runs in web pages shares no component
 * with the extension pages.
 */
export function SelectionToolbar({
  color = 'yellow',
  onColor,
  onHighlight,
  overlap = false,
  onExtend,
  fading = false,
  onAddNote,
  status,
  unsaved = 0,
  onRetryUnsaved,
  onCopyUnsaved,
  pinned = false,
  canRetry = true,
  refused = 0,
  onCopyRefused,
  armed = true,
  accepts = trustedOnly,
}: SelectionToolbarProps) {
  return (
    <div
      class={fading ? 'toolbar fading' : 'toolbar'}
      role="toolbar"
      aria-label="Talk Notes"
      aria-disabled={armed ? undefined : 'true'}
    >
      {/* Page scripts can reach an open shadow root and click; only a person's click, on a toolbar
          that has been there long enough to be seen and is visible, saves. */}
      {!pinned && (
        <>
          {overlap ? (
            <>
              <button type="button" class="primary" onClick={(e) => accepts(e) && onExtend?.()}>
                Extend highlight
              </button>
              <button type="button" onClick={(e) => accepts(e) && onHighlight(color)}>
                Keep both
              </button>
            </>
          ) : (
            <button type="button" class="primary" onClick={(e) => accepts(e) && onHighlight(color)}>
              Highlight
            </button>
          )}
          <div class="swatches" role="radiogroup" aria-label="Colour">
            {HIGHLIGHT_COLORS.map((c) => (
              // biome-ignore lint/a11y/useSemanticElements: a compact swatch row; buttons with radio semantics.
              <button
                key={c}
                type="button"
                role="radio"
                aria-checked={c === color}
                aria-label={COLOR_LABELS[c]}
                title={COLOR_LABELS[c]}
                class="swatch"
                style={{ background: COLOR_SWATCHES[c] }}
                onClick={() => onColor?.(c)}
              />
            ))}
          </div>
          <button type="button" onClick={(e) => accepts(e) && onAddNote(color)}>
            Add note
          </button>
        </>
      )}
      {unsaved > 0 && (
        <>
          {canRetry && (
            <button type="button" onClick={(e) => accepts(e) && onRetryUnsaved?.()}>
              Retry saving ({unsaved})
            </button>
          )}
          <button type="button" onClick={(e) => accepts(e) && onCopyUnsaved?.()}>
            Copy unsaved
          </button>
        </>
      )}
      {refused > 0 && (
        <button type="button" onClick={(e) => accepts(e) && onCopyRefused?.()}>
          {refused === 1 ? 'Copy passage' : `Copy ${refused} passages`}
        </button>
      )}
      <span class="status" role="status" aria-live="polite">
        {status ?? ''}
      </span>
    </div>
  );
}

/** Styles of the toolbar, isolated in its shadow root. */
export const SELECTION_TOOLBAR_CSS = `
:host { all: initial; }
.toolbar { display: inline-flex; align-items: center; gap: 6px; padding: 4px 6px; border-radius: 8px;
  background: #202124; color: #fff; font: 13px/1.2 system-ui, sans-serif; box-shadow: 0 2px 10px rgba(0,0,0,.35); }
button { font: inherit; color: inherit; background: transparent; border: 1px solid transparent; border-radius: 6px;
  padding: 4px 8px; cursor: pointer; }
button:hover { background: rgba(255,255,255,.12); }
button:focus-visible { outline: 2px solid #8ab4f8; outline-offset: 1px; }
.primary { font-weight: 600; }
.swatches { display: inline-flex; gap: 3px; }
.swatch { width: 16px; height: 16px; padding: 0; border-radius: 50%; border: 2px solid rgba(255,255,255,.35); }
.swatch[aria-checked="true"] { border-color: #fff; }
.status { font-size: 12px; color: #c8e6c9; }
.status:empty { display: none; }
.toolbar { transition: opacity 250ms ease-out; }
.toolbar.fading { opacity: 0; }
@media (prefers-reduced-motion: reduce) { .toolbar { transition: none; } }
`;
