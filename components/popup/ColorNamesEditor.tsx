import { useState } from 'preact/hooks';
import { COLOR_SWATCHES, type ColorNames, colorLabel } from '@/core/colors';
import { HIGHLIGHT_COLORS, type HighlightColor } from '@/core/types';

interface Props {
  names: ColorNames;
  /** Saves every name (the colour's field changed: Enter or leaving it). */
  onChange: (names: ColorNames) => void;
}

/** What each colour means to the reader ("key idea", "question"). Enter or Tab saves, Escape reverts. */
export function ColorNamesEditor({ names, onChange }: Props) {
  // Text being typed, per colour; the stored name shows otherwise.
  const [drafts, setDrafts] = useState<ColorNames>({});
  const forget = (color: HighlightColor) => setDrafts(({ [color]: _, ...rest }) => rest);
  const commit = (color: HighlightColor) => {
    const draft = drafts[color];
    if (draft === undefined) return;
    forget(color);
    if (draft.trim() !== (names[color] ?? '')) onChange({ ...names, [color]: draft.trim() });
  };

  return (
    <fieldset class="color-names">
      <legend>Colour names</legend>
      <p class="hint">Give colours a meaning; the name shows with each highlight.</p>
      {HIGHLIGHT_COLORS.map((color) => (
        <label key={color} class="color-name-row">
          <span class="dot" style={{ background: COLOR_SWATCHES[color] }} aria-hidden="true" />
          <span class="color-name-label">{colorLabel(color)}</span>
          <input
            type="text"
            maxLength={60}
            placeholder={PLACEHOLDERS[color]}
            value={drafts[color] ?? names[color] ?? ''}
            onInput={(e) => {
              const value = e.currentTarget.value;
              setDrafts((d) => ({ ...d, [color]: value }));
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                commit(color);
              } else if (e.key === 'Escape' && drafts[color] !== undefined) {
                e.stopPropagation();
                forget(color);
              }
            }}
            onBlur={() => commit(color)}
          />
        </label>
      ))}
    </fieldset>
  );
}

const PLACEHOLDERS: Record<HighlightColor, string> = {
  yellow: 'e.g. key idea',
  green: 'e.g. to try',
  blue: 'e.g. question',
  pink: 'e.g. disagree',
  purple: 'e.g. quote',
};
