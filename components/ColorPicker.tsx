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

const NEXT: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/**
 * A row of colour choices with radio semantics. Arrow keys move the focus between the colours
 * without choosing one (a native radio group would recolour the highlight on every arrow press,
 * #17); Space, Enter or a click chooses the focused colour.
 */
export function ColorPicker({ value, onChange, names = {}, name = 'highlight-color', disabled }: Props) {
  const onKeyDown = (e: KeyboardEvent) => {
    const input = e.target as HTMLInputElement;
    const step = NEXT[e.key];
    if (step !== undefined) {
      e.preventDefault();
      const radios = [
        ...(e.currentTarget as HTMLElement).querySelectorAll<HTMLInputElement>('input[type=radio]'),
      ];
      const at = radios.indexOf(input);
      radios[(at + step + radios.length) % radios.length]?.focus();
    } else if (e.key === 'Enter' && input.type === 'radio') {
      e.preventDefault();
      onChange(input.value as HighlightColor);
    }
  };
  return (
    <fieldset class="colors" disabled={disabled} onKeyDown={onKeyDown}>
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
