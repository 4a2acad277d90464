import { type ColorNames, colorLabel } from '@/core/colors';
import { HIGHLIGHT_COLORS, type HighlightColor } from '@/core/types';

interface Props {
  value: HighlightColor;
  names: ColorNames;
  onChange: (color: HighlightColor) => void;
}

/**
 * The colour every new clip starts from in the in-page toolbar (#17, item 6). A colour picked in the
 * toolbar is that clip's only: the next one starts from this again.
 */
export function DefaultColorSetting({ value, names, onChange }: Props) {
  return (
    <label class="default-color">
      <span>Default colour</span>
      <select value={value} onChange={(e) => onChange(e.currentTarget.value as HighlightColor)}>
        {HIGHLIGHT_COLORS.map((color) => (
          <option key={color} value={color}>
            {names[color] ? `${colorLabel(color)} (${names[color]})` : colorLabel(color)}
          </option>
        ))}
      </select>
    </label>
  );
}
