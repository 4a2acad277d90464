import { useId, useMemo, useState } from 'preact/hooks';
import { containsAll, foldForSearch, parseQuery } from '@/core/library/search';
import type { ConferenceRecord, PageRecord, TalkRecord } from '@/core/types';

interface Props {
  talks: readonly TalkRecord[];
  pagesById: ReadonlyMap<string, PageRecord>;
  /** Names a conference talk's conference (a conference talk has no page). */
  conferencesById?: ReadonlyMap<string, ConferenceRecord>;
  /** Accessible name of the input ("Find a talk to merge"). */
  label: string;
  onPick: (talk: TalkRecord) => void;
  /** Talks not to offer. */
  exclude?: ReadonlySet<string>;
  autoFocus?: boolean;
}

const SHOWN = 20;
/** Matches sorted before the first SHOWN are taken: enough for a title typed in part. */
const CONSIDERED = 500;
const COLLATOR = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * Finds a talk among thousands by typing (title, speakers or page title): a combobox whose list
 * shows the first matches. Arrow keys move, Enter picks, Escape clears.
 */
export function DashboardTalkPicker({
  talks,
  pagesById,
  conferencesById,
  label,
  onPick,
  exclude,
  autoFocus,
}: Props) {
  // Where a talk is from: its page, or its conference.
  const sourceOf = (t: TalkRecord) =>
    (t.pageId
      ? pagesById.get(t.pageId)?.title
      : t.conferenceId && conferencesById?.get(t.conferenceId)?.title) || '';
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const id = useId();
  const open = query.trim() !== '';
  // Built when the reader starts typing, not when the picker first renders (thousands of talks).
  const haystacks = useMemo(
    () => open && talks.map((t) => foldForSearch([t.title, ...t.speakers, sourceOf(t)].join('\u0001'))),
    [talks, pagesById, conferencesById, open],
  );
  const matches = useMemo(() => {
    const terms = parseQuery(query);
    if (!terms.length || !haystacks) return [];
    const found: TalkRecord[] = [];
    for (let i = 0; i < talks.length && found.length < CONSIDERED; i++) {
      const talk = talks[i]!;
      if (!exclude?.has(talk.id) && containsAll(haystacks[i]!, terms)) found.push(talk);
    }
    return found.sort((a, b) => COLLATOR.compare(a.title, b.title)).slice(0, SHOWN);
  }, [talks, haystacks, query, exclude]);
  const pick = (talk: TalkRecord | undefined) => {
    if (!talk) return;
    onPick(talk);
    setQuery('');
    setActive(0);
  };
  return (
    <div class="dash-talk-picker">
      <input
        type="text"
        role="combobox"
        aria-label={label}
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={open && matches[active] ? `${id}-${active}` : undefined}
        placeholder="Type a talk title or speaker…"
        value={query}
        // biome-ignore lint/a11y/noAutofocus: opened on purpose by the reader (a dialog's first field)
        autoFocus={autoFocus}
        onInput={(e) => {
          setQuery(e.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, matches.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter') pick(matches[active]);
          else if (e.key === 'Escape' && query) setQuery('');
          else return;
          e.preventDefault();
          e.stopPropagation();
        }}
      />
      {open && (
        <div id={`${id}-list`} role="listbox" aria-label={`${label}: matches`} class="dash-talk-options">
          {matches.length === 0 && <div class="dash-muted">No talk matches.</div>}
          {matches.map((talk, i) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox input takes the keys (aria-activedescendant)
            <div
              key={talk.id}
              tabIndex={-1}
              id={`${id}-${i}`}
              role="option"
              aria-selected={i === active}
              class={i === active ? 'active' : undefined}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(talk)}
            >
              <span class="dash-talk-title">{talk.title}</span>
              <span class="dash-muted">
                {[talk.speakers.join(', '), sourceOf(talk)].filter(Boolean).join(' · ')}
              </span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
