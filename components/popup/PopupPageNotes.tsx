import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ColorNames } from '@/core/colors';
import { groupByTalk, type PagePreview, type PopupPage, pageHeading } from '@/core/page-view';
import type { TalkRules } from '@/core/talks/rules';
import type { HighlightColor, HighlightRecord } from '@/core/types';
import type { ArchivePost, PageNotes } from '@/storage/popup-queries';
import { noteOf, tagsOf } from '@/core/record-notes';
import { isOffered } from '@/core/schedule/resolve';
import { RecordNotesEditor } from '../RecordNotesEditor';
import { ColorNamesEditor } from './ColorNamesEditor';
import { DefaultColorSetting } from './DefaultColorSetting';
import { DetectedTalks } from './DetectedTalks';
import { ExportControls } from '../ExportControls';
import { FocusRequests } from './focus-requests';
import { GroupTitle, HighlightGroup } from './HighlightGroup';
import { PageSummary } from './PageSummary';
import { PopupHighlight } from './PopupHighlight';
import { type PopupActions, reportingFailures } from '../data/popup-actions';
import type { MarkdownExporter } from '../data/useMarkdownExport';
import { TalkForm } from './TalkForm';
import { TalkHeader } from './TalkHeader';
import { ScheduleLink } from './ScheduleLink';
import { ScheduleOffer } from './ScheduleOffer';
import { TalkRulesPanel } from './TalkRulesPanel';
import { UndoBar } from './UndoBar';

interface Props {
  page: Extract<PopupPage, { kind: 'page' }>;
  /** The page's stored notes (live: components/data/usePageNotes.ts). */
  notes: PageNotes;
  colorNames: ColorNames;
  /** The colour new clips start from in the in-page toolbar. */
  defaultColor: HighlightColor;
  /** What the page says of itself now (title, site, talks), before anything is clipped. */
  preview?: PagePreview | null;
  /** What the reader taught talk detection on this page's site. */
  talkRules: TalkRules;
  /** An archive page (#18): the highlighted posts it shows in full, each under its title. */
  posts?: readonly ArchivePost[];
  /** Tags for completion. */
  suggestions: string[];
  actions: PopupActions;
  exporter: MarkdownExporter;
  dashboardUrl: string;
  locale?: string;
  /** The focus has nowhere left to go on this part (the undo bar went): the popup takes it. */
  onFocusOut: () => void;
}

/**
 * The notes of one page: a summary, the highlights grouped by talk, orphans apart, the undo bar, and
 * the colour names.
 */
export function PopupPageNotes({
  page,
  notes,
  colorNames,
  defaultColor,
  preview,
  talkRules,
  posts = [],
  suggestions,
  actions: unreported,
  exporter,
  dashboardUrl,
  locale,
  onFocusOut,
}: Props) {
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<HighlightRecord[]>([]);
  const focus = useMemo(() => new FocusRequests(), []);
  const actions = useMemo(
    () => reportingFailures(unreported, (message) => setProblem(`Not saved: ${message}`)),
    [unreported],
  );

  // Highlights the reader filed directly under a schedule talk group under it, placed by their passages.
  const pageTalkIds = new Set(notes.talks.map((t) => t.id));
  const directlyFiled = [...notes.scheduleTalks.values()]
    .filter((t) => notes.highlights.some((h) => h.talkId === t.id && !pageTalkIds.has(t.id)))
    .map((t) => ({ ...t, position: -1 }));
  const view = groupByTalk(notes.highlights, [...notes.talks, ...directlyFiled]);
  const choice = (id: string) => {
    const talk = notes.scheduleTalks.get(id);
    return talk ? { talk, conference: notes.conferences.get(talk.conferenceId!) ?? null } : null;
  };
  const heading = pageHeading(notes.page, page, locale, preview);
  const pageTalksById = new Map(notes.talks.map((t) => [t.id, t]));
  // The clip guard's offer on a highlight: under its page talk, under no schedule talk, until settled.
  const offerOn = (highlight: HighlightRecord) => {
    if (!isOffered(highlight, pageTalksById)) return undefined;
    const candidates = (highlight.scheduleCandidates ?? []).map(choice).filter((c) => c !== null);
    const talk = pageTalksById.get(highlight.talkId!)!;
    return (
      <ScheduleOffer
        legend="Which talk is this passage from?"
        candidates={candidates}
        onChoose={async (id) => {
          await actions.chooseHighlightScheduleTalk(highlight.id, id);
          setNotice(
            `The passage is filed under “${notes.scheduleTalks.get(id)?.title ?? 'the schedule talk'}”.`,
          );
        }}
        declineLabel={`Keep under “${talk.title}”`}
        onDecline={async () => {
          await actions.declineHighlightOffer(highlight.id);
          setNotice(`The passage stays under “${talk.title}”.`);
        }}
        locale={locale}
      />
    );
  };

  const remove = async (id: string) => {
    const record = await actions.remove(id);
    if (!record) return;
    setDeleted((stack) => [...stack, record]);
    if (editing === id) setEditing(null);
  };
  const undo = async () => {
    const record = deleted[deleted.length - 1];
    if (!record) return;
    focus.request(record.id, 'edit');
    setDeleted((stack) => stack.slice(0, -1));
    await actions.restore(record);
  };
  const dismissUndo = () => {
    setDeleted([]);
    onFocusOut();
  };

  const card = (highlight: HighlightRecord, talks = notes.talks) => (
    <PopupHighlight
      key={highlight.id}
      highlight={highlight}
      talks={talks.filter((t) => !t.notATalk)}
      colorNames={colorNames}
      suggestions={suggestions}
      actions={actions}
      expanded={editing === highlight.id}
      onExpandedChange={(open) => setEditing(open ? highlight.id : null)}
      onDelete={remove}
      announce={setNotice}
      focus={focus}
      offer={offerOn(highlight)}
    />
  );

  return (
    <>
      <PageSummary heading={heading} total={view.total} orphans={view.orphans.length}>
        {notes.page && (
          // The page's own note (#17): keystrokes go to the background at once, as a highlight's.
          <RecordNotesEditor
            kind="page"
            note={noteOf(notes.page)}
            tags={tagsOf(notes.page)}
            suggestions={suggestions}
            debounceMs={0}
            onSaveNote={(note) => void actions.saveRecordNote('page', notes.page!.id, note)}
            onTagsChange={(tags) => void actions.setRecordTags('page', notes.page!.id, tags)}
          />
        )}
      </PageSummary>
      {problem && (
        <div class="problem" role="alert">
          <span>{problem}</span>
          <button type="button" class="small" onClick={() => setProblem(null)}>
            Dismiss
          </button>
        </div>
      )}
      <p class="notice" role="status">
        {notice}
      </p>
      {view.total === 0 && posts.length === 0 && <EmptyState dashboardUrl={dashboardUrl} />}
      {posts.map((post) => (
        // An archive's post: its highlights under its own title, in its page order (#18).
        <HighlightGroup
          key={post.url}
          variant="post"
          count={post.highlights.length}
          header={(headingId) => (
            <GroupTitle
              headingId={headingId}
              title={post.page.title || post.url}
              hint="A post shown on this page."
            />
          )}
        >
          {post.highlights.map((highlight) => card(highlight, post.talks))}
        </HighlightGroup>
      ))}
      {view.total === 0 && notes.talks.length === 0 && preview && <DetectedTalks talks={preview.talks} />}
      {view.groups.map((group) =>
        group.talk ? (
          <HighlightGroup
            key={group.talk.id}
            count={group.highlights.length}
            emptyText="No highlights here yet: move one here with its talk picker."
            header={(headingId) => {
              const talk = group.talk!;
              return (
                <>
                  <TalkHeader
                    talk={talk}
                    headingId={headingId}
                    count={group.highlights.length}
                    suggestions={suggestions}
                    onEdit={async ({ title, speakers }) => {
                      if (title !== talk.title) await actions.renameTalk(talk.id, title);
                      if (speakers.join('\n') !== talk.speakers.join('\n'))
                        await actions.setSpeakers(talk.id, speakers);
                    }}
                    onTagAll={(tags) => actions.tagTalk(talk.id, tags)}
                    onNotATalk={(as) => {
                      setNotice(
                        as === 'part'
                          ? `“${talk.title}” is part of the talk above now.`
                          : `“${talk.title}” belongs to no talk now.`,
                      );
                      void actions.markNotATalk(talk.id, as);
                    }}
                    schedule={
                      talk.pageId !== null && (
                        <ScheduleLink
                          talk={talk}
                          linked={talk.scheduleTalkId ? choice(talk.scheduleTalkId) : null}
                          candidates={(talk.scheduleCandidates ?? []).map(choice).filter((c) => c !== null)}
                          schedulesImported={notes.schedulesImported}
                          onChoose={async (id) => {
                            await actions.chooseScheduleTalk(talk.id, id);
                            setNotice(
                              `“${talk.title}” is linked to “${notes.scheduleTalks.get(id)?.title ?? 'the schedule talk'}”.`,
                            );
                          }}
                          onDecline={async () => {
                            await actions.declineScheduleTalk(talk.id);
                            setNotice(`“${talk.title}” is not linked to the schedule.`);
                          }}
                          onSearch={async (text) => (await actions.searchSchedules(text)) ?? []}
                          locale={locale}
                        />
                      )
                    }
                  />
                  <RecordNotesEditor
                    kind="talk"
                    note={noteOf(talk)}
                    tags={tagsOf(talk)}
                    suggestions={suggestions}
                    debounceMs={0}
                    onSaveNote={(note) => void actions.saveRecordNote('talk', talk.id, note)}
                    onTagsChange={(tags) => void actions.setRecordTags('talk', talk.id, tags)}
                  />
                </>
              );
            }}
          >
            {group.highlights.map((h) => card(h))}
          </HighlightGroup>
        ) : (
          <HighlightGroup
            key="no-talk"
            variant="no-talk"
            count={group.highlights.length}
            header={(headingId) => (
              <GroupTitle headingId={headingId} title="No talk" hint="Before the first talk, or in none." />
            )}
          >
            {group.highlights.map((h) => card(h))}
          </HighlightGroup>
        ),
      )}
      {view.orphans.length > 0 && (
        <HighlightGroup
          key="orphans"
          variant="orphans"
          count={view.orphans.length}
          header={(headingId) => (
            <GroupTitle
              headingId={headingId}
              title="Not found on this page"
              hint="The page changed since you clipped these. They are kept, with their notes."
            />
          )}
        >
          {view.orphans.map((h) => card(h))}
        </HighlightGroup>
      )}
      {notes.page && (
        <NewTalk onCreate={(title, speakers) => void actions.createTalk(notes.page!.id, title, speakers)} />
      )}
      {view.total > 0 && (
        <section class="popup-export" aria-label="Export this page">
          <ExportControls exporter={exporter} title={heading.title} highlights={notes.highlights} />
        </section>
      )}
      <details class="settings">
        <summary>Talk detection on this site</summary>
        <TalkRulesPanel
          rules={talkRules}
          onForm={(form) => void actions.setTalkForm(page.url, form)}
          onForgetLine={(key) => void actions.forgetNotATalk(page.url, key)}
          onForgetAll={() => void actions.forgetTalkRules(page.url)}
        />
      </details>
      <DefaultColorSetting
        value={defaultColor}
        names={colorNames}
        onChange={(color) => void actions.setDefaultColor(color)}
      />
      <details class="settings">
        <summary>Name your colours</summary>
        <ColorNamesEditor names={colorNames} onChange={(names) => void actions.setColorNames(names)} />
      </details>
      {deleted.length > 0 && (
        <UndoBar
          key={deleted[deleted.length - 1]!.id}
          message={
            deleted.length === 1
              ? 'Highlight deleted.'
              : `${deleted.length} highlights deleted. Undo brings them back one by one.`
          }
          onUndo={undo}
          onDismiss={dismissUndo}
        />
      )}
    </>
  );
}

function EmptyState({ dashboardUrl }: { dashboardUrl: string }) {
  return (
    <section class="empty-state" aria-label="How to clip">
      <p>
        <strong>Nothing clipped on this page yet.</strong>
      </p>
      <ol>
        <li>Select a passage on the page.</li>
        <li>
          Click <strong>Highlight</strong> in the small toolbar that appears.
        </li>
      </ol>
      <p>
        Then add notes and tags here. Everything you clip, from every page, is in the{' '}
        <a href={dashboardUrl} target="_blank" rel="noreferrer">
          dashboard
        </a>
        .
      </p>
    </section>
  );
}

/** Creates a talk of the page with no highlights yet (the reader moves some in afterwards). */
function NewTalk({ onCreate }: { onCreate: (title: string, speakers: string[]) => void }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (!open && wasOpen.current) button.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return (
    <section class="new-talk" aria-label="New talk">
      {open ? (
        <TalkForm
          submitLabel="Create talk"
          onCancel={() => setOpen(false)}
          onSubmit={({ title, speakers }) => {
            setOpen(false);
            onCreate(title, speakers);
          }}
        />
      ) : (
        <button type="button" ref={button} class="small" onClick={() => setOpen(true)}>
          New talk…
        </button>
      )}
    </section>
  );
}
