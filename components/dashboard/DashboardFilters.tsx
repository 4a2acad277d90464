import type { Count, LibraryFacets } from '@/core/library/facets';
import { useState } from 'preact/hooks';
import { firstOfLastDays } from '@/core/library/days';
import type { LibraryFilter } from '@/core/library/filters';
import { COLOR_SWATCHES, type ColorNames, colorLabel } from '@/core/colors';
import { type ConferenceRecord, HIGHLIGHT_COLORS, type PageRecord, type TalkRecord } from '@/core/types';
import { formatScheduleDay } from './DashboardScheduleRow';
import { DashboardTalkPicker } from './DashboardTalkPicker';

interface Props {
  filter: LibraryFilter;
  onChange: (changes: Partial<LibraryFilter>) => void;
  onClear: () => void;
  facets: LibraryFacets;
  colorNames: ColorNames;
  /** Talks to offer: conference talks and page talks not linked to one (core/schedule/resolve.ts). */
  talks: readonly TalkRecord[];
  talksById: ReadonlyMap<string, TalkRecord>;
  pagesById: ReadonlyMap<string, PageRecord>;
  conferencesById: ReadonlyMap<string, ConferenceRecord>;
  filtered: boolean;
  /** Today, for "Last 7 days" and the like. */
  now: () => number;
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

/** A select that adds a value to a criterion: the values not chosen yet, with their counts. */
function AddFilter({
  label,
  prompt,
  options,
  isChosen,
  name = (value) => value,
  onAdd,
}: {
  label: string;
  prompt: string;
  options: readonly Count<string>[];
  isChosen: (value: string) => boolean;
  name?: (value: string) => string;
  onAdd: (value: string) => void;
}) {
  return (
    <select
      aria-label={label}
      value=""
      onChange={(e) => {
        const value = e.currentTarget.value;
        if (value && !isChosen(value)) onAdd(value);
      }}
    >
      <option value="">{prompt}</option>
      {options
        .filter((o) => !isChosen(o.value))
        .map((o) => (
          <option key={o.value} value={o.value}>
            {name(o.value)} ({o.count})
          </option>
        ))}
    </select>
  );
}

const RECENT = [
  [7, 'Last 7 days'],
  [30, 'Last 30 days'],
  [365, 'Last 12 months'],
] as const;

/**
 * Date clipped: one select (any time, the last 7 / 30 / 365 days, a custom range) instead of two
 * date fields always shown: each date field is four Tab stops in Chromium (#17). The custom
 * range shows them.
 */
function DateClipped({
  filter,
  onChange,
  now,
}: {
  filter: LibraryFilter;
  onChange: (changes: Partial<LibraryFilter>) => void;
  now: () => number;
}) {
  const [custom, setCustom] = useState(false);
  const recent = RECENT.find(([days]) => !filter.toDay && filter.fromDay === firstOfLastDays(now(), days));
  const choice =
    custom || (!recent && (filter.fromDay || filter.toDay)) ? 'custom' : recent ? String(recent[0]) : 'any';
  return (
    <fieldset class="dash-dates">
      <legend>Date clipped</legend>
      <select
        aria-label="Date clipped"
        value={choice}
        onChange={(e) => {
          const value = e.currentTarget.value;
          setCustom(value === 'custom');
          if (value === 'any') onChange({ fromDay: null, toDay: null });
          else if (value !== 'custom')
            onChange({ fromDay: firstOfLastDays(now(), Number(value)), toDay: null });
        }}
      >
        <option value="any">Any time</option>
        {RECENT.map(([days, label]) => (
          <option key={days} value={days}>
            {label}
          </option>
        ))}
        <option value="custom">Custom range…</option>
      </select>
      {choice === 'custom' && (
        <>
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
        </>
      )}
    </fieldset>
  );
}

/** The schedule criteria: which list of the filter each adds to, how it is named and offered. */
const SCHEDULE_CRITERIA = [
  ['conferenceIds', 'conferences', 'conference', 'conferences'],
  ['scheduleDays', 'scheduleDays', 'day', 'days'],
  ['tracks', 'tracks', 'track', 'tracks'],
  ['rooms', 'rooms', 'room', 'rooms'],
] as const;
/**
 * The filters: tags, talks, sites, the schedule's conferences, days, tracks and rooms (when a
 * conference is imported), colours (by name), dates, with a note, not found. They combine.
 */
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
        <AddFilter
          label="Add a tag filter"
          prompt="Add a tag…"
          options={facets.tags}
          isChosen={(tag) => filter.tags.some((chosen) => chosen.toLowerCase() === tag.toLowerCase())}
          onAdd={(tag) => onChange({ tags: [...filter.tags, tag] })}
        />
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
          conferencesById={props.conferencesById}
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
        <AddFilter
          label="Add a site filter"
          prompt="Add a site…"
          options={facets.sites}
          isChosen={(site) => filter.sites.includes(site)}
          onAdd={(site) => onChange({ sites: [...filter.sites, site] })}
        />
      </fieldset>

      {facets.conferences.length > 0 && (
        <fieldset class="dash-schedule-filter">
          <legend>Schedule (any of each)</legend>
          {SCHEDULE_CRITERIA.map(([key, facet, one, many]) => {
            const name =
              key === 'conferenceIds'
                ? (id: string) => props.conferencesById.get(id)?.title ?? 'Removed conference'
                : key === 'scheduleDays'
                  ? formatScheduleDay
                  : undefined;
            return (
              <div key={key} class="dash-schedule-criterion">
                <Chosen
                  label={`Chosen ${many}`}
                  values={filter[key]}
                  name={name ?? ((v) => v)}
                  onRemove={(v) => onChange({ [key]: without(filter[key], v) })}
                />
                {facets[facet].length > 0 && (
                  <AddFilter
                    label={`Add a ${one} filter`}
                    prompt={`Add a ${one}…`}
                    options={facets[facet]}
                    isChosen={(v) => filter[key].includes(v)}
                    name={name}
                    onAdd={(v) => onChange({ [key]: [...filter[key], v] })}
                  />
                )}
              </div>
            );
          })}
        </fieldset>
      )}

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

      <DateClipped filter={filter} onChange={onChange} now={props.now} />

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
