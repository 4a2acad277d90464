import type { ComponentChildren } from 'preact';
import { describeScheduleSlot } from '@/core/schedule/slot';
import type { ScheduleChoice } from '@/core/types';

interface Props {
  /** The question: "Which talk of the schedule is this?" (a talk), "… is this passage from?" (a highlight). */
  legend: string;
  /** Schedule talks it could be, in offer order. */
  candidates: readonly ScheduleChoice[];
  onChoose: (scheduleTalkId: string) => unknown;
  /** The decline button's text and what it does ("None of these", "Keep under its talk"). */
  declineLabel: string;
  onDecline: () => unknown;
  locale?: string;
  /** More buttons beside the decline button. */
  buttons?: ComponentChildren;
  /** Shown below the buttons, inside the offer (a search of the schedules). */
  children?: ComponentChildren;
}

/**
 * An offer of schedule talks the reader settles in one click: "Is this 'X' (FOSDEM, Sat 14:00,
 * Room A)?" with `Yes` for each candidate, and a way to decline. Shown for a page talk the matcher
 * was unsure of, and for a passage the clip guard would not file silently.
 */
export function ScheduleOffer({
  legend,
  candidates,
  onChoose,
  declineLabel,
  onDecline,
  locale,
  buttons,
  children,
}: Props) {
  return (
    <fieldset class="schedule-link">
      <legend>{legend}</legend>
      <ul>
        {candidates.map((c) => (
          <li key={c.talk.id}>
            <span>
              Is this “{c.talk.title}” (
              {[c.conference?.acronym ?? c.conference?.title, describeScheduleSlot(c.talk, locale)]
                .filter(Boolean)
                .join(', ')}
              )?
            </span>{' '}
            <button
              type="button"
              class="small"
              aria-label={`Yes, it is “${c.talk.title}”`}
              onClick={() => onChoose(c.talk.id)}
            >
              Yes
            </button>
          </li>
        ))}
      </ul>
      <div class="form-buttons">
        <button type="button" class="small" onClick={() => onDecline()}>
          {declineLabel}
        </button>
        {buttons}
      </div>
      {children}
    </fieldset>
  );
}
