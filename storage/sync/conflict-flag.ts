/**
 * The `conflicted` flag of the `sync` rows (docs/sync.md, "Conflict rules"), kept by a Dexie DBCore
 * middleware on every add and put of the table, whoever writes it (the stamping middleware, the
 * pass, a resolution, the adoption at `Start sync`): the flag is the row's state's, never a second
 * truth that one write path could forget. Set (1) only where the record asks something of the
 * reader, absent elsewhere, so the index holds only those rows: listing conflicts reads them alone,
 * and the dashboard's live query is not woken by the writes of the other 50,000.
 */
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import type Dexie from 'dexie';
import { needsReader } from '@/core/sync/conflict-choices';
import { SYNC_STATE_TABLE, type SyncRow } from './state';

/** The row with its flag as its state says (the same object when it already is). */
export function withConflictFlag(row: SyncRow): SyncRow {
  const flagged = needsReader(row.state, row.keptDismissed);
  if (flagged === (row.conflicted === 1)) return row;
  const { conflicted: _, ...rest } = row;
  return flagged ? { ...rest, conflicted: 1 } : rest;
}

const conflictFlag: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'talk-notes-sync-conflict-flag',
  // Below the stamping middleware (level 10), whose writes of sync rows go to the stack under it.
  level: 5,
  create(down) {
    return {
      ...down,
      table(name) {
        const table = down.table(name);
        if (name !== SYNC_STATE_TABLE) return table;
        return {
          ...table,
          mutate: (req: DBCoreMutateRequest) =>
            table.mutate(
              req.type === 'add' || req.type === 'put'
                ? { ...req, values: (req.values as SyncRow[]).map(withConflictFlag) }
                : req,
            ),
        };
      },
    };
  },
};

/** Installs the middleware on `db` (`createDatabase` does, before the first open). */
export function installConflictFlag(db: Dexie): void {
  db.use(conflictFlag);
}
