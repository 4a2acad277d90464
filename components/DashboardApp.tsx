import type { TalkNotesDatabase } from '@/storage/db';
import { useLiveQuery } from './useLiveQuery';

interface Props {
  db: TalkNotesDatabase;
}

/** The library: every highlight, across pages and talks. */
export function DashboardApp({ db }: Props) {
  const count = useLiveQuery(() => db.highlights.count(), [db]);
  const pages = useLiveQuery(() => db.pages.count(), [db]);
  return (
    <main class="dashboard">
      <h1>Talk Notes library</h1>
      {count === undefined ? (
        <p aria-busy="true">Loading…</p>
      ) : (
        <p role="status">
          {count} highlight{count === 1 ? '' : 's'} from {pages ?? 0} page{pages === 1 ? '' : 's'}
        </p>
      )}
    </main>
  );
}
