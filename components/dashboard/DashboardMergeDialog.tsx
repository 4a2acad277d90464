import { useMemo, useState } from 'preact/hooks';
import { similarTalks } from '@/core/library/facets';
import type { PageRecord, TalkRecord } from '@/core/types';
import { DashboardDialog } from './DashboardDialog';
import { DashboardTalkPicker } from './DashboardTalkPicker';

interface Props {
  /** The talk the others are merged into (it keeps its title). */
  target: TalkRecord;
  talks: readonly TalkRecord[];
  pagesById: ReadonlyMap<string, PageRecord>;
  /** Highlights per talk id, to say what moves. */
  countOf: (talkId: string) => number;
  onMerge: (otherIds: string[]) => Promise<boolean>;
  onClose: () => void;
}

/**
 * Merging the same talk written up on several pages into one: offers talks with similar titles,
 * finds any other by typing; their highlights move to the target and their speakers join it.
 * A modal dialog: focus stays inside, Escape closes, focus returns where it was.
 */
export function DashboardMergeDialog({ target, talks, pagesById, countOf, onMerge, onClose }: Props) {
  const similar = useMemo(() => similarTalks(target, talks), [target, talks]);
  const [offered, setOffered] = useState<TalkRecord[]>(similar);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set(similar.map((t) => t.id)));
  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChosen(next);
  };
  const pageTitle = (t: TalkRecord) =>
    t.pageId === null ? 'conference schedule' : (pagesById.get(t.pageId)?.title ?? 'unknown page');

  return (
    <DashboardDialog labelledBy="merge-title" onClose={onClose}>
      <h2 id="merge-title">Merge talks into “{target.title}”</h2>
      <p class="dash-muted">
        {pageTitle(target)}
        {target.speakers.length > 0 && ` · ${target.speakers.join(', ')}`}
      </p>
      {offered.length === 0 && <p>No talk with a similar title. Find one below.</p>}
      <ul class="dash-merge-list" aria-label="Talks to merge">
        {offered.map((talk) => (
          <li key={talk.id}>
            <label>
              <input type="checkbox" checked={chosen.has(talk.id)} onChange={() => toggle(talk.id)} />{' '}
              <strong>{talk.title}</strong>{' '}
              <span class="dash-muted">
                on {pageTitle(talk)} · {countOf(talk.id)} highlight{countOf(talk.id) === 1 ? '' : 's'}
              </span>
            </label>
          </li>
        ))}
      </ul>
      <DashboardTalkPicker
        talks={talks}
        pagesById={pagesById}
        label="Find another talk to merge"
        exclude={new Set([target.id, ...offered.map((t) => t.id)])}
        onPick={(talk) => {
          setOffered([...offered, talk]);
          setChosen(new Set([...chosen, talk.id]));
        }}
      />
      <div class="dash-form-actions">
        <button
          type="button"
          disabled={chosen.size === 0}
          onClick={async () => {
            if (await onMerge([...chosen])) onClose();
          }}
        >
          Merge {chosen.size} talk{chosen.size === 1 ? '' : 's'}
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </DashboardDialog>
  );
}
