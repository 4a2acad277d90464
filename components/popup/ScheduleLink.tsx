import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { describeScheduleSlot } from '@/core/schedule/slot';
import type { ScheduleChoice, TalkRecord } from '@/core/types';
import { ScheduleOffer } from './ScheduleOffer';

interface Props {
  /** The page's talk (the group's heading). */
  talk: TalkRecord;
  /** The schedule talk it is linked to, if any. */
  linked: ScheduleChoice | null;
  /** Schedule talks it could be, when the matcher was unsure. */
  candidates: readonly ScheduleChoice[];
  /** Whether any schedule is imported: only then can a talk be linked by searching. */
  schedulesImported: boolean;
  onChoose: (scheduleTalkId: string) => Promise<unknown>;
  /** "None of these" / "Unlink": the talk stays the page's own; no later match links it again. */
  onDecline: () => Promise<unknown>;
  onSearch: (text: string) => Promise<ScheduleChoice[]>;
  locale?: string;
}

/**
 * A page talk's place in an imported schedule: the linked talk's time, room and recording and
 * slides links with `Unlink`; or, when the matcher was unsure, "Is this 'X' (…)?" with the
 * candidates; or a search of the imported schedules to link it by hand.
 */
export function ScheduleLink({
  talk,
  linked,
  candidates,
  schedulesImported,
  onChoose,
  onDecline,
  onSearch,
  locale,
}: Props) {
  const [searching, setSearching] = useState(false);
  if (linked) {
    const slot = [linked.conference?.title, describeScheduleSlot(linked.talk, locale)]
      .filter(Boolean)
      .join(' · ');
    return (
      <section class="schedule-link" aria-label={`In the schedule: ${linked.talk.title}`}>
        <p>
          <span class="hint">In the schedule:</span>{' '}
          {linked.talk.title !== talk.title && <strong>{linked.talk.title}</strong>}
          {linked.talk.title !== talk.title && slot && ' · '}
          <span>{slot}</span>
        </p>
        <ScheduleLinks talk={linked.talk} />
        <button
          type="button"
          class="small"
          aria-label={`Unlink “${talk.title}” from the schedule`}
          onClick={() => onDecline()}
        >
          Unlink
        </button>
      </section>
    );
  }
  if (candidates.length > 0) {
    return (
      <ScheduleOffer
        legend="Which talk of the schedule is this?"
        candidates={candidates}
        onChoose={onChoose}
        declineLabel="None of these"
        onDecline={onDecline}
        locale={locale}
        buttons={
          !searching && (
            <button type="button" class="small" onClick={() => setSearching(true)}>
              Find in schedules
            </button>
          )
        }
      >
        {searching && (
          <ScheduleSearch
            onSearch={onSearch}
            onChoose={onChoose}
            onClose={() => setSearching(false)}
            locale={locale}
          />
        )}
      </ScheduleOffer>
    );
  }
  if (!schedulesImported) return null;
  return searching ? (
    <ScheduleSearch
      onSearch={onSearch}
      onChoose={onChoose}
      onClose={() => setSearching(false)}
      locale={locale}
    />
  ) : (
    <button
      type="button"
      class="small link-to-schedule"
      aria-label={`Link “${talk.title}” to a schedule talk`}
      onClick={() => setSearching(true)}
    >
      Link to schedule
    </button>
  );
}

/** Recording, slides and the event's page, opening in a new tab. */
function ScheduleLinks({ talk }: { talk: TalkRecord }) {
  const links = [
    ...(talk.links ?? []).filter((l) => l.kind === 'recording' || l.kind === 'slides'),
    ...(talk.url ? [{ kind: 'schedule' as const, url: talk.url, title: null }] : []),
  ];
  if (links.length === 0) return null;
  const label = { recording: 'Recording', slides: 'Slides', schedule: 'Schedule page', other: 'Link' };
  return (
    <p class="schedule-links">
      {links.map((link, i) => (
        <a key={`${link.url}-${i}`} href={link.url} target="_blank" rel="noopener noreferrer">
          {label[link.kind]}
        </a>
      ))}
    </p>
  );
}

function ScheduleSearch({
  onSearch,
  onChoose,
  onClose,
  locale,
}: {
  onSearch: Props['onSearch'];
  onChoose: Props['onChoose'];
  onClose: () => void;
  locale?: string;
}) {
  const [text, setText] = useState('');
  const [results, setResults] = useState<ScheduleChoice[]>([]);
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    let current = true;
    if (!text.trim()) {
      setResults([]);
      return;
    }
    onSearch(text).then((found) => current && setResults(found));
    return () => {
      current = false;
    };
  }, [text]);
  return (
    <fieldset
      class="schedule-search"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        onClose();
      }}
    >
      <legend>Link to a schedule talk</legend>
      <label for={id}>Search schedules</label>
      <input
        id={id}
        ref={input}
        type="search"
        value={text}
        placeholder="Title, speaker or room"
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <ul aria-label="Schedule talks found">
        {results.map((c) => (
          <li key={c.talk.id}>
            <button type="button" class="small" onClick={() => onChoose(c.talk.id).then(onClose)}>
              {c.talk.title}
            </button>{' '}
            <span class="hint">
              {[
                c.talk.speakers.join(', '),
                c.conference?.acronym ?? c.conference?.title,
                describeScheduleSlot(c.talk, locale),
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </li>
        ))}
      </ul>
      {text.trim() && results.length === 0 && <p class="hint">No schedule talk matches.</p>}
      <button type="button" class="small" onClick={onClose}>
        Cancel
      </button>
    </fieldset>
  );
}
