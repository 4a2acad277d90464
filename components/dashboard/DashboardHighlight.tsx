import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { COLOR_SWATCHES, type ColorNames, colorLabel } from '@/core/colors';
import { highlightFragmentUrl } from '@/core/text-fragment';
import type { HighlightRecord, PageRecord, TalkRecord } from '@/core/types';
import { MarkedText } from './DashboardMarkedText';

interface Props {
  highlight: HighlightRecord;
  talk: TalkRecord | undefined;
  /** The clip guard offered other schedule talks for it: under its page talk until the reader decides. */
  unsure?: boolean;
  page: PageRecord | undefined;
  site: string;
  terms: readonly string[];
  colorNames: ColorNames;
  selected: boolean;
  editing: boolean;
  /** Position among the results, for assistive technology (aria-posinset/setsize). */
  position: number;
  total: number;
  /** Roving tabindex: the one row of the list reachable with Tab. */
  tabbable: boolean;
  /** The checkbox was clicked: `range` when Shift was held. */
  onSelect: (range: boolean) => void;
  onEdit: () => void;
  onDelete: () => void;
  /** The inline editor, shown when `editing`. */
  editor?: ComponentChildren;
  /**
   * What the group's header already shows, so the row does not repeat it (#17): its talk, its
   * page (and site), its day. The passage link stays, named after the page.
   */
  shared?: SharedContext;
}

export interface SharedContext {
  talk: boolean;
  page: boolean;
  day: boolean;
}

const NOTHING_SHARED: SharedContext = { talk: false, page: false, day: false };

/** What the reader does about a passage the clip guard offered (components/popup asks there). */
const UNSURE_HINT = 'Choose its talk in the Talk Notes popup on its page';

const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** A time as `<time>` wants it and as the reader reads it; null when it is no date (it never throws). */
function dateOf(ms: number): { iso: string; label: string } | null {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return null;
  try {
    return { iso: date.toISOString(), label: DATE.format(date) };
  } catch {
    return null;
  }
}

/** Short start of a text, for labels ("Select highlight “kGraft replaces…”"). */
function excerpt(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * One highlight: its text, note, tags, colour, talk, source page (a link that scrolls to the
 * passage) and date, with a checkbox to select it and buttons to edit or delete it.
 */
export function DashboardHighlight(props: Props) {
  const { highlight: h, talk, page, site, terms, colorNames, selected, editing } = props;
  const shared = props.shared ?? NOTHING_SHARED;
  const pageTitle = page?.title || h.url;
  const textId = useId();
  // Opens the page scrolled to the passage (a text fragment); null for a URL that is not http(s).
  const href = highlightFragmentUrl(h);
  const label = colorLabel(h.color, colorNames);
  const clipped = dateOf(h.createdAt);
  return (
    <article
      class={`dash-hl${selected ? ' selected' : ''}`}
      aria-labelledby={textId}
      aria-posinset={props.position}
      aria-setsize={props.total}
      tabIndex={props.tabbable ? 0 : -1}
      data-highlight-id={h.id}
    >
      <input
        type="checkbox"
        class="dash-hl-check"
        aria-label={`Select highlight “${excerpt(h.text)}”`}
        checked={selected}
        onClick={(e) => props.onSelect(e.shiftKey)}
      />
      <div class="dash-hl-body">
        <blockquote id={textId} class="dash-hl-text" style={{ borderColor: COLOR_SWATCHES[h.color] }}>
          <MarkedText text={h.text} terms={terms} />
        </blockquote>
        {/* While the editor is open it shows the note and tags: a save on blur must not move the
            editor's buttons under the pointer that pressed one (a click lost), as in the popup. */}
        {!editing && h.note.trim() !== '' && (
          <p class="dash-hl-note">
            <span class="visually-hidden">Note: </span>
            <MarkedText text={h.note} terms={terms} />
          </p>
        )}
        {!editing && h.tags.length > 0 && (
          <ul class="dash-hl-tags" aria-label="Tags">
            {h.tags.map((tag) => (
              <li key={tag} class="chip">
                <MarkedText text={tag} terms={terms} />
              </li>
            ))}
          </ul>
        )}
        <p class="dash-hl-meta">
          <span class="dash-hl-color">
            <span class="dash-dot" style={{ background: COLOR_SWATCHES[h.color] }} aria-hidden="true" />
            <span class="visually-hidden">Colour: </span>
            {label}
          </span>
          {talk && !shared.talk && (
            <span class="dash-hl-talk">
              <span class="visually-hidden">Talk: </span>
              <MarkedText text={talk.title} terms={terms} />
            </span>
          )}
          {props.unsure && (
            // Read once: the visible marker (its hint a tooltip) is hidden from assistive technology,
            // which reads the marker and what to do as one sentence instead.
            <span class="dash-badge dash-hl-unsure">
              <span aria-hidden="true" title={UNSURE_HINT}>
                Unsure which talk
              </span>
              <span class="visually-hidden">Unsure which talk. {UNSURE_HINT}.</span>
            </span>
          )}
          <span class="dash-hl-source">
            {shared.page ? (
              // The header names the page: the row keeps only the way to the passage.
              href ? (
                <a href={href} target="_blank" rel="noopener noreferrer">
                  Open passage <span class="visually-hidden">on {pageTitle}</span>
                </a>
              ) : null
            ) : (
              <>
                {href ? (
                  <a
                    href={href}
                    target="_blank"
                    rel="noopener noreferrer"
                    title="Open the page at this passage"
                  >
                    <MarkedText text={pageTitle} terms={terms} />
                  </a>
                ) : (
                  <MarkedText text={pageTitle} terms={terms} />
                )}{' '}
                <span class="dash-muted">
                  (<MarkedText text={site} terms={terms} />)
                </span>
              </>
            )}
          </span>
          {shared.day ? null : clipped ? (
            <time dateTime={clipped.iso}>{clipped.label}</time>
          ) : (
            <span class="dash-muted">unknown date</span>
          )}
          {h.anchorStatus === 'orphan' && <span class="dash-badge">not found on this page</span>}
        </p>
        <div class="dash-hl-actions">
          <button type="button" aria-expanded={editing} onClick={props.onEdit}>
            {editing ? 'Close editor' : 'Edit'}
          </button>
          <button type="button" class="danger" onClick={props.onDelete}>
            Delete
          </button>
        </div>
        {editing && props.editor}
      </div>
    </article>
  );
}
