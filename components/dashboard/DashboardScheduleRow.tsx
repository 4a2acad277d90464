import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import type { HighlightGroup, ScheduleRow } from '@/core/library/groups';
import { SCHEDULE_LINK_LABELS, talkLinks } from '@/core/markdown/schedule-details';
import { dateRange, localTimes, timeRange } from '@/core/schedule/slot';
import type { ConferenceRecord, TalkRecord } from '@/core/types';
import { DashboardActionsMenu } from './DashboardActionsMenu';
import { isWebUrl, PageLinks } from './DashboardGroupHeader';
import { MarkedText } from './DashboardMarkedText';

interface Props {
  /** A group of the Conferences view (`group.schedule` set). */
  group: HighlightGroup & { schedule: ScheduleRow };
  collapsed: boolean;
  terms: readonly string[];
  tabbable: boolean;
  onToggleCollapse: () => void;
  onSelectGroup: () => void;
  onFilterTalk?: (talk: TalkRecord) => void;
  /** A conference's heading: export it as one Markdown file. */
  onExportConference?: (conference: ConferenceRecord) => void;
  /** A talk's row: its `Talk note` and `Talk tags` editor (#17), as a talk's header has. */
  notes?: ComponentChildren;
}

const NUMBER = new Intl.NumberFormat();
const count = (n: number, word: string) => `${NUMBER.format(n)} ${word}${n === 1 ? '' : 's'}`;
/** A conference day, in the reader's language: the day is a calendar date, not an instant (so UTC). */
const DAY = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeZone: 'UTC' });

/** `Saturday, 31 January 2026` (in the reader's language) for a `YYYY-MM-DD` day. */
export function formatScheduleDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? DAY.format(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : day;
}

/**
 * A row of the Conferences view: a conference's heading (dates, where the schedule came from, its
 * Markdown export), a day's heading, or a talk of the schedule (time in the conference's time zone,
 * room, track, speakers, how many highlights and notes, its sources, recording and slides, the
 * reader's own note and tags on it). A talk
 * nobody has highlighted is dimmed; breaks and other housekeeping events are one small line.
 */
export function DashboardScheduleRow(props: Props) {
  const { level } = props.group.schedule;
  if (level === 'conference') return <ConferenceHeading {...props} />;
  if (level === 'day') return <DayHeading {...props} />;
  return <ScheduleTalk {...props} />;
}

function CollapseButton({
  collapsed,
  title,
  onToggle,
}: {
  collapsed: boolean;
  title: string;
  onToggle: () => void;
}) {
  return (
    <button
      type="button"
      class="dash-collapse"
      aria-expanded={!collapsed}
      aria-label={`${collapsed ? 'Expand' : 'Collapse'} ${title}`}
      onClick={onToggle}
    >
      {collapsed ? '▸' : '▾'}
    </button>
  );
}

function ConferenceHeading({
  group,
  collapsed,
  terms,
  tabbable,
  onToggleCollapse,
  onExportConference,
}: Props) {
  const headingId = useId();
  const { conference, summary } = group.schedule;
  const dates = dateRange(conference.start, conference.end);
  const source = conference.sourceUrl ?? conference.sourceFile;
  return (
    <section class="dash-group dash-conf" aria-labelledby={headingId} tabIndex={tabbable ? 0 : -1}>
      <div class="dash-group-bar">
        <CollapseButton collapsed={collapsed} title={conference.title} onToggle={onToggleCollapse} />
        <h2 id={headingId}>
          <MarkedText text={conference.title} terms={terms} />
        </h2>
        <span class="dash-count">
          {count(summary.talks, 'talk')}, {NUMBER.format(summary.read)} read about ·{' '}
          {count(summary.highlights, 'highlight')}
        </span>
      </div>
      <p class="dash-group-pages">
        {[dates, conference.timeZone].filter(Boolean).join(' · ')}
        {conference.url && isWebUrl(conference.url) && (
          <>
            {' · '}
            <a href={conference.url} target="_blank" rel="noopener noreferrer">
              Conference site
            </a>
          </>
        )}
        {source && (
          <span class="dash-muted">
            {' · Schedule from '}
            {conference.sourceUrl && isWebUrl(conference.sourceUrl) ? (
              <a href={conference.sourceUrl} target="_blank" rel="noopener noreferrer">
                {conference.sourceUrl}
              </a>
            ) : (
              source
            )}
          </span>
        )}
      </p>
      {onExportConference && (
        <div class="dash-group-actions">
          <button
            type="button"
            aria-label={`Export Markdown: ${conference.title}`}
            disabled={summary.highlights === 0}
            title={summary.highlights === 0 ? 'No highlights of this conference are in view' : undefined}
            onClick={() => onExportConference(conference)}
          >
            Export Markdown
          </button>
        </div>
      )}
    </section>
  );
}

function DayHeading({ group, collapsed, tabbable, onToggleCollapse }: Props) {
  const headingId = useId();
  const { day, summary } = group.schedule;
  const title = day ? formatScheduleDay(day) : 'No day given';
  return (
    <section class="dash-group dash-conf-day" aria-labelledby={headingId} tabIndex={tabbable ? 0 : -1}>
      <div class="dash-group-bar">
        <CollapseButton collapsed={collapsed} title={title} onToggle={onToggleCollapse} />
        <h3 id={headingId}>{title}</h3>
        <span class="dash-count">
          {count(summary.talks, 'talk')} · {count(summary.highlights, 'highlight')}
        </span>
      </div>
    </section>
  );
}

function ScheduleTalk({
  group,
  collapsed,
  terms,
  tabbable,
  onToggleCollapse,
  onSelectGroup,
  onFilterTalk,
  notes,
}: Props) {
  const headingId = useId();
  const talk = group.talk!;
  const highlights = group.highlights.length;
  const read = highlights > 0;
  const time = timeRange(localTimes(talk));
  const classes = ['dash-group', 'dash-sched-talk'];
  if (!read) classes.push('dash-unread');
  if (talk.housekeeping && !read) classes.push('dash-housekeeping');
  const links = talkLinks(talk);
  const place = [
    talk.room && ['Room', talk.room],
    talk.track && ['Track', talk.track],
    talk.type && ['Type', talk.type],
  ].filter((x): x is [string, string] => !!x);
  return (
    <section
      class={classes.join(' ')}
      aria-labelledby={headingId}
      tabIndex={tabbable ? 0 : -1}
      data-talk-id={talk.id}
    >
      <div class="dash-group-bar">
        {read ? (
          <CollapseButton collapsed={collapsed} title={talk.title} onToggle={onToggleCollapse} />
        ) : (
          <span class="dash-collapse" aria-hidden="true" />
        )}
        <span class="dash-sched-time">{time || '—'}</span>
        <h4 id={headingId}>
          <MarkedText text={talk.title} terms={terms} />
        </h4>
        {talk.housekeeping && !read && talk.room && (
          <span class="dash-muted">
            <MarkedText text={talk.room} terms={terms} />
          </span>
        )}
        <span class="dash-count">
          {read
            ? `${count(highlights, 'highlight')} · ${count(group.schedule.notes, 'note')}`
            : 'Not read about yet'}
        </span>
      </div>
      {!(talk.housekeeping && !read) && (
        <>
          {(place.length > 0 || talk.removedFromSchedule) && (
            <p class="dash-sched-meta">
              {place.map(([label, value], i) => (
                <span key={label}>
                  {i > 0 && ' · '}
                  <span class="visually-hidden">{label}: </span>
                  <MarkedText text={value} terms={terms} />
                </span>
              ))}
              {talk.removedFromSchedule && <span class="dash-badge">no longer in the schedule</span>}
            </p>
          )}
          {talk.speakers.length > 0 && (
            <p class="dash-group-speakers">
              <span class="visually-hidden">Speakers: </span>
              <MarkedText text={talk.speakers.join(', ')} terms={terms} />
            </p>
          )}
          {group.pages.length > 0 && (
            <p class="dash-group-pages">
              <span class="dash-muted">{group.pages.length === 1 ? 'Source: ' : 'Sources: '}</span>
              <PageLinks pages={group.pages} terms={terms} />
            </p>
          )}
          {(links.recording || links.slides || links.schedule) && (
            <p class="dash-sched-links">
              {(['recording', 'slides', 'schedule'] as const).map(
                (kind) =>
                  links[kind] && (
                    <a
                      key={kind}
                      href={links[kind]!}
                      target="_blank"
                      rel="noopener noreferrer"
                      aria-label={`${SCHEDULE_LINK_LABELS[kind]}: ${talk.title}`}
                    >
                      {SCHEDULE_LINK_LABELS[kind]}
                    </a>
                  ),
              )}
            </p>
          )}
          {notes}
          {read && (
            <div class="dash-group-actions">
              <DashboardActionsMenu
                subject={talk.title}
                actions={[
                  {
                    label: highlights === 1 ? 'Select its highlight' : `Select its ${highlights} highlights`,
                    onSelect: onSelectGroup,
                  },
                  ...(onFilterTalk ? [{ label: 'Only this talk', onSelect: () => onFilterTalk(talk) }] : []),
                ]}
              />
            </div>
          )}
        </>
      )}
    </section>
  );
}
