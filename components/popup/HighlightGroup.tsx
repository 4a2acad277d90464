import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

interface Props {
  /** The group's heading: a talk's header, or a plain title with an explanation. */
  header: (headingId: string) => ComponentChildren;
  count: number;
  /** Shown instead of the list when the group has no highlights. */
  emptyText?: string;
  variant?: 'talk' | 'no-talk' | 'orphans' | 'post';
  children: ComponentChildren;
}

/** A group of highlights under one heading (a talk, "No talk", "not found on this page", an archive's post). */
export function HighlightGroup({ header, count, emptyText, variant = 'talk', children }: Props) {
  const headingId = useId();
  return (
    <section class={`highlight-group ${variant}`} aria-labelledby={headingId}>
      {header(headingId)}
      {count > 0 ? <ul class="highlights">{children}</ul> : emptyText && <p class="hint">{emptyText}</p>}
    </section>
  );
}

interface TitleProps {
  headingId: string;
  title: string;
  hint?: string;
}

/** A heading for groups that are not talks. */
export function GroupTitle({ headingId, title, hint }: TitleProps) {
  return (
    <header class="talk-header">
      <h3 id={headingId}>{title}</h3>
      {hint && <p class="hint">{hint}</p>}
    </header>
  );
}
