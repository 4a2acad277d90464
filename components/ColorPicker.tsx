import { COLOR_LABELS, COLOR_SWATCHES, type ColorNames } from '@/core/colors';
import { HIGHLIGHT_COLORS, type HighlightColor } from '@/core/types';

interface Props {
  value: HighlightColor;
  onChange: (color: HighlightColor) => void;
  /** The user's names for colours ("key idea"), shown beside them. */
  names?: ColorNames;
  /** Name of the radio group; give each picker on a page its own. */
  name?: string;
  /** No choice can be made (yet): the in-page menu before it is armed. */
  disabled?: boolean;
}

/** A row of colour choices with radio semantics (arrow keys move, as native radios do). */
export function ColorPicker({ value, onChange, names = {}, name = 'highlight-color', disabled }: Props) {
  return (
    <fieldset class="colors" disabled={disabled}>
      <legend>Colour</legend>
      {HIGHLIGHT_COLORS.map((color) => (
        <label key={color} class="color" title={names[color] ?? COLOR_LABELS[color]}>
          <input
            type="radio"
            name={name}
            value={color}
            checked={color === value}
            onChange={() => onChange(color)}
            aria-label={names[color] ? `${COLOR_LABELS[color]} (${names[color]})` : COLOR_LABELS[color]}
          />
          <span class="dot" style={{ background: COLOR_SWATCHES[color] }} />
        </label>
      ))}
    </fieldset>
  );
}
