import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import type { HighlightGroup } from '@/core/library/groups';
import { dayStart } from '@/core/library/days';
import { formatPublishedDate } from '@/core/page-view';
import { localTimes, timeRange } from '@/core/schedule/slot';
import type { ConferenceRecord, PageRecord, TalkRecord } from '@/core/types';
import { DashboardActionsMenu, type MenuAction } from './DashboardActionsMenu';
import { MarkedText } from './DashboardMarkedText';

interface Props {
  group: HighlightGroup;
  /** A conference talk's conference (talk groups): its title, day, time and room are shown. */
  conference?: ConferenceRecord;
  collapsed: boolean;
  terms: readonly string[];
  /** Site of each of the group's pages, by page id. */
  siteOf: (pageId: string) => string;
  tabbable: boolean;
  onToggleCollapse: () => void;
  onSelectGroup: () => void;
  /** Talk groups: show only this talk. */
  onFilterTalk?: (talk: TalkRecord) => void;
  onMergeTalk?: (talk: TalkRecord) => void;
  onEditTalk?: (talk: TalkRecord, title: string, speakers: string[]) => Promise<boolean>;
  /** Page groups: detect the page's talks again (in its open tab); resolves to what happened. */
  onDetectAgain?: (url: string) => Promise<string>;
  /** The talk's or page's own note and tags (#17), under the header's lines. */
  notes?: ComponentChildren;
}

const DAY = new Intl.DateTimeFormat(undefined, { dateStyle: 'full' });

/** Only web pages become links: a stored URL of another scheme is never made clickable. */
export const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

/** The first pages of a list as links opening in a new tab (titles marked), then how many more. */
export function PageLinks({
  pages,
  terms,
  shown = 5,
}: {
  pages: readonly PageRecord[];
  terms: readonly string[];
  shown?: number;
}) {
  return (
    <>
      {pages.slice(0, shown).map((page, i) => (
        <span key={page.id}>
          {i > 0 && ', '}
          {isWebUrl(page.url) ? (
            <a href={page.url} target="_blank" rel="noopener noreferrer">
              <MarkedText text={page.title || page.url} terms={terms} />
            </a>
          ) : (
            page.title
          )}
          {/* The post's own date, once with the page rather than on each of its highlights. */}
          {page.publishedAt && (
            <span class="dash-muted dash-published">
              {' '}
              (<span class="visually-hidden">published </span>
              {formatPublishedDate(page.publishedAt)})
            </span>
          )}
        </span>
      ))}
      {pages.length > shown && ` and ${pages.length - shown} more pages`}
    </>
  );
}

/**
 * The addresses one post was read at (#18): its permalink (`Open post`), then the others, each a
 * link named by its host and path.
 */
function PostAddresses({ addresses }: { addresses: readonly string[] }) {
  const [permalink, ...others] = addresses.filter(isWebUrl);
  if (!permalink) return null;
  return (
    <>
      {' · '}
      <a href={permalink} target="_blank" rel="noopener noreferrer" title={permalink}>
        Open post
      </a>
      {others.length > 0 && (
        <span class="dash-muted">
          {' · also read at '}
          {others.map((url, i) => (
            <span key={url}>
              {i > 0 && ', '}
              <a href={url} target="_blank" rel="noopener noreferrer">
                {shortAddress(url)}
              </a>
            </span>
          ))}
        </span>
      )}
    </>
  );
}

/** An address as a reader tells it apart: host and path, without the scheme. */
export function shortAddress(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
}

/** The heading a group shows: talk title, page title, tag, or day. */
export function groupTitle(group: HighlightGroup): string {
  switch (group.by) {
    case 'talk':
      return group.talk ? group.title : 'No talk';
    case 'tag':
      return group.title || 'No tags';
    case 'day': {
      const start = dayStart(group.title);
      return Number.isNaN(start) ? group.title : DAY.format(start);
    }
    default:
      return group.title;
  }
}

/** A conference talk's day, time (in the conference's time zone) and room. */
function scheduleLine(talk: TalkRecord): string[] {
  const times = localTimes(talk);
  return [[times.day, timeRange(times)].filter(Boolean).join(' '), talk.room ?? ''];
}

/**
 * A group's header: its title and count, and for a talk its speakers, site and the pages its
 * highlights came from, with actions (collapse, select the group, show only it, edit, merge).
 */
export function DashboardGroupHeader(props: Props) {
  const { group, collapsed, terms } = props;
  const [editing, setEditing] = useState(false);
  const [detectStatus, setDetectStatus] = useState('');
  const talk = group.talk;
  const count = group.highlights.length;
  const title = groupTitle(group);
  const sites = [...new Set(group.pages.map((p) => props.siteOf(p.id)))];
  const headingId = useId();
  // One menu instead of a row of buttons on every header (#17): the list stays readable.
  const actions: MenuAction[] = [
    {
      label: count === 1 ? 'Select its highlight' : `Select its ${count} highlights`,
      onSelect: props.onSelectGroup,
    },
  ];
  if (talk && props.onFilterTalk)
    actions.push({ label: 'Only this talk', onSelect: () => props.onFilterTalk!(talk) });
  // A conference talk is the schedule's: it is edited by importing the schedule again.
  if (talk && !talk.conferenceId && props.onEditTalk) {
    actions.push({ label: 'Edit talk', onSelect: () => setEditing(true) });
  }
  if (group.by === 'page' && group.pages[0] && props.onDetectAgain) {
    const url = group.pages[0].url;
    actions.push({
      label: 'Detect talks again',
      onSelect: async () => {
        setDetectStatus('Detecting talks…');
        setDetectStatus(await props.onDetectAgain!(url));
      },
    });
  }
  if (talk && !talk.conferenceId && props.onMergeTalk) {
    actions.push({ label: 'Merge…', onSelect: () => props.onMergeTalk!(talk) });
  }
  return (
    <section class="dash-group" aria-labelledby={headingId} tabIndex={props.tabbable ? 0 : -1}>
      <div class="dash-group-bar">
        <button
          type="button"
          class="dash-collapse"
          aria-expanded={!collapsed}
          aria-label={`${collapsed ? 'Expand' : 'Collapse'} ${title}`}
          onClick={props.onToggleCollapse}
        >
          {collapsed ? '▸' : '▾'}
        </button>
        <h2 id={headingId}>
          <MarkedText text={title} terms={group.by === 'day' ? [] : terms} />
          {group.by === 'talk' && !talk && group.page && (
            <span class="dash-muted">
              {' '}
              on <MarkedText text={group.page.title} terms={terms} />
            </span>
          )}
        </h2>
        <span class="dash-count">
          {count} highlight{count === 1 ? '' : 's'}
        </span>
      </div>
      {talk?.conferenceId && (
        <p class="dash-sched-meta">
          {[props.conference?.title, ...scheduleLine(talk)].filter(Boolean).join(' · ')}
        </p>
      )}
      {talk && talk.speakers.length > 0 && (
        <p class="dash-group-speakers">
          <span class="visually-hidden">Speakers: </span>
          <MarkedText text={talk.speakers.join(', ')} terms={terms} />
        </p>
      )}
      {group.by !== 'day' && group.pages.length > 0 && (group.by !== 'talk' || talk) && (
        <p class="dash-group-pages">
          <span class="dash-muted">{sites.join(', ')}</span>
          {group.by === 'page' && group.page?.publishedAt && (
            <span class="dash-muted dash-published">
              {' · '}
              {formatPublishedDate(group.page.publishedAt)}
            </span>
          )}
          {group.by !== 'page' && ' · '}
          {group.by !== 'page' && <PageLinks pages={group.pages} terms={terms} />}
          {group.by === 'page' && !group.addresses && group.page && isWebUrl(group.page.url) && (
            <>
              {' · '}
              <a href={group.page.url} target="_blank" rel="noopener noreferrer">
                Open page
              </a>
            </>
          )}
          {group.by === 'page' && group.addresses && <PostAddresses addresses={group.addresses} />}
        </p>
      )}

      {props.notes}
      {actions.length > 0 && (
        <div class="dash-group-actions">
          <DashboardActionsMenu subject={title} actions={actions} />
        </div>
      )}
      {detectStatus && (
        <p class="dash-group-status" role="status">
          {detectStatus}
        </p>
      )}
      {editing && talk && props.onEditTalk && (
        <TalkForm talk={talk} onSave={props.onEditTalk} onDone={() => setEditing(false)} />
      )}
    </section>
  );
}

function TalkForm({
  talk,
  onSave,
  onDone,
}: {
  talk: TalkRecord;
  onSave: (talk: TalkRecord, title: string, speakers: string[]) => Promise<boolean>;
  onDone: () => void;
}) {
  const [title, setTitle] = useState(talk.title);
  const [speakers, setSpeakers] = useState(talk.speakers.join(', '));
  return (
    <form
      class="dash-inline-form"
      aria-label="Edit talk"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await onSave(talk, title, speakers.split(','))) onDone();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onDone();
        }
      }}
    >
      <label>
        Title <input type="text" value={title} required onInput={(e) => setTitle(e.currentTarget.value)} />
      </label>
      <label>
        Speakers{' '}
        <input
          type="text"
          value={speakers}
          placeholder="Comma-separated"
          onInput={(e) => setSpeakers(e.currentTarget.value)}
        />
      </label>
      <button type="submit">Save talk</button>
      <button type="button" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}
