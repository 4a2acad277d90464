import type { LibraryFacets } from '@/core/library/facets';
import type { LibraryFilter } from '@/core/library/filters';
import { COLOR_SWATCHES, type ColorNames, colorLabel } from '@/core/colors';
import { HIGHLIGHT_COLORS, type PageRecord, type TalkRecord } from '@/core/types';
import { DashboardTalkPicker } from './DashboardTalkPicker';

interface Props {
  filter: LibraryFilter;
  onChange: (changes: Partial<LibraryFilter>) => void;
  onClear: () => void;
  facets: LibraryFacets;
  colorNames: ColorNames;
  talks: readonly TalkRecord[];
  talksById: ReadonlyMap<string, TalkRecord>;
  pagesById: ReadonlyMap<string, PageRecord>;
  filtered: boolean;
}

/** Removable chips for the chosen values of one criterion. */
function Chosen({
  label,
  values,
  name,
  onRemove,
}: {
  label: string;
  values: readonly string[];
  name: (value: string) => string;
  onRemove: (value: string) => void;
}) {
  if (!values.length) return null;
  return (
    <ul class="chips" aria-label={label}>
      {values.map((value) => (
        <li key={value} class="chip">
          <span>{name(value)}</span>
          <button type="button" aria-label={`Remove filter ${name(value)}`} onClick={() => onRemove(value)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}

const without = <T,>(list: readonly T[], value: T) => list.filter((v) => v !== value);

/** The filters: tags, talks, sites, colours (by name), dates, with a note, not found. They combine. */
export function DashboardFilters({ filter, onChange, onClear, facets, colorNames, ...props }: Props) {
  return (
    <section class="dash-filters" aria-labelledby="filters-heading">
      <div class="dash-section-bar">
        <h2 id="filters-heading">Filters</h2>
        {props.filtered && (
          <button type="button" onClick={onClear}>
            Clear all
          </button>
        )}
      </div>

      <fieldset>
        <legend>Tags (all of)</legend>
        <Chosen
          label="Chosen tags"
          values={filter.tags}
          name={(t) => t}
          onRemove={(t) => onChange({ tags: without(filter.tags, t) })}
        />
        <select
          aria-label="Add a tag filter"
          value=""
          onChange={(e) => {
            const tag = e.currentTarget.value;
            if (tag && !filter.tags.includes(tag)) onChange({ tags: [...filter.tags, tag] });
          }}
        >
          <option value="">Add a tag…</option>
          {facets.tags
            .filter((t) => !filter.tags.some((chosen) => chosen.toLowerCase() === t.value.toLowerCase()))
            .map((t) => (
              <option key={t.value} value={t.value}>
                {t.value} ({t.count})
              </option>
            ))}
        </select>
      </fieldset>

      <fieldset>
        <legend>Talks (any of)</legend>
        <Chosen
          label="Chosen talks"
          values={filter.talkIds}
          name={(id) => props.talksById.get(id)?.title ?? 'Deleted talk'}
          onRemove={(id) => onChange({ talkIds: without(filter.talkIds, id) })}
        />
        <DashboardTalkPicker
          talks={props.talks}
          pagesById={props.pagesById}
          label="Add a talk filter"
          exclude={new Set(filter.talkIds)}
          onPick={(talk) => onChange({ talkIds: [...filter.talkIds, talk.id] })}
        />
      </fieldset>

      <fieldset>
        <legend>Sites (any of)</legend>
        <Chosen
          label="Chosen sites"
          values={filter.sites}
          name={(s) => s}
          onRemove={(s) => onChange({ sites: without(filter.sites, s) })}
        />
        <select
          aria-label="Add a site filter"
          value=""
          onChange={(e) => {
            const site = e.currentTarget.value;
            if (site && !filter.sites.includes(site)) onChange({ sites: [...filter.sites, site] });
          }}
        >
          <option value="">Add a site…</option>
          {facets.sites
            .filter((s) => !filter.sites.includes(s.value))
            .map((s) => (
              <option key={s.value} value={s.value}>
                {s.value} ({s.count})
              </option>
            ))}
        </select>
      </fieldset>

      <fieldset class="dash-color-filter">
        <legend>Colours (any of)</legend>
        {HIGHLIGHT_COLORS.map((color) => {
          const count = facets.colors.find((c) => c.value === color)?.count ?? 0;
          return (
            <label key={color}>
              <input
                type="checkbox"
                checked={filter.colors.includes(color)}
                onChange={(e) =>
                  onChange({
                    colors: e.currentTarget.checked
                      ? [...filter.colors, color]
                      : without(filter.colors, color),
                  })
                }
              />
              <span class="dash-dot" style={{ background: COLOR_SWATCHES[color] }} aria-hidden="true" />
              {colorLabel(color, colorNames)} <span class="dash-muted">({count})</span>
            </label>
          );
        })}
      </fieldset>

      <fieldset class="dash-dates">
        <legend>Date clipped</legend>
        <label>
          From{' '}
          <input
            type="date"
            value={filter.fromDay ?? ''}
            max={filter.toDay ?? undefined}
            onChange={(e) => onChange({ fromDay: e.currentTarget.value || null })}
          />
        </label>
        <label>
          To{' '}
          <input
            type="date"
            value={filter.toDay ?? ''}
            min={filter.fromDay ?? undefined}
            onChange={(e) => onChange({ toDay: e.currentTarget.value || null })}
          />
        </label>
      </fieldset>

      <fieldset>
        <legend>Other</legend>
        <label>
          <input
            type="checkbox"
            checked={filter.hasNote}
            onChange={(e) => onChange({ hasNote: e.currentTarget.checked })}
          />{' '}
          With a note
        </label>
        <label>
          <input
            type="checkbox"
            checked={filter.orphansOnly}
            onChange={(e) => onChange({ orphansOnly: e.currentTarget.checked })}
          />{' '}
          Not found on their page <span class="dash-muted">({facets.orphans})</span>
        </label>
      </fieldset>
    </section>
  );
}
