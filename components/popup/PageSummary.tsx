import type { ComponentChildren } from 'preact';
import { countsLabel, type PageHeading } from '@/core/page-view';

interface Props {
  heading: PageHeading;
  total: number;
  orphans: number;
  /** Under the counts: the page's own note and tags (#17). */
  children?: ComponentChildren;
}

/** The page the popup is about: title, site, authors, date, and how many highlights it holds. */
export function PageSummary({ heading, total, orphans, children }: Props) {
  const details = [heading.site, heading.authors.join(', '), heading.published].filter(Boolean);
  return (
    <section class="page-summary" aria-label="Current page">
      <h2>{heading.title}</h2>
      {details.length > 0 && <p class="page-details">{details.join(' · ')}</p>}
      <p class="page-counts">{countsLabel(total, orphans)}</p>
      {children}
    </section>
  );
}
