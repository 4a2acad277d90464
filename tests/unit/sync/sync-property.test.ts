// @vitest-environment node
/**
 * Property test of sync as a whole (#16, docs/sync.md "Conflict rules"): the real stamping, pass,
 * merge and apply code of two or three devices (fake-indexeddb databases) against a real
 * CouchDB-protocol server (pouchdb-server on 127.0.0.1, over HTTP), over every record kind that
 * replicates. Device 0 starts with a page, its two talks, two highlights (one under a page talk, one
 * filed directly under a conference talk), an imported conference and a collection holding both
 * highlights; every device syncs; highlight 0's note is edited on devices 0 and 1, each before pulling
 * the other's (a conflict for the reader to resolve), and every device syncs again. fast-check then draws any interleaving of the reader's commands
 * (storage/commands.ts) on any device: highlight notes, tags and deletions; a page's note; a talk
 * renamed, or deleted by merging it into the other (its highlights move); the conference renamed (the
 * schedule imported again) or removed (its talks go, its highlight moves back to the page's talk); the
 * collection renamed, a highlight added or taken out, the collection deleted while it holds them;
 * colour names and export options set; the first conflict listed on a device resolved there (`Keep
 * both` or `Keep that`). Between them, passes, and passes whose connection is lost after a few requests. Then every device syncs twice, and:
 * - every device holds the same library, the same conflicts and the same "kept after a deletion";
 * - no edit is silently dropped: each edit's value is still the field's value or a listed conflict
 *   on every device, unless a later edit of that field, or a deletion of the record, was made on a
 *   device that may have seen it (`knew`: what reached that device through the server, counted
 *   generously, so a lost connection never makes a legitimate replacement look like a loss).
 *
 * Modest by default (a fixed seed, SYNC_PROPERTY_RUNS runs per device count, ~20 s on a loaded
 * machine). More:
 * `SYNC_PROPERTY_RUNS=50 SYNC_PROPERTY_SEED=$RANDOM npx vitest run --project unit tests/unit/sync/sync-property.test.ts`.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT_OPTIONS } from '@/core/markdown/export-options';
import type { SyncTable } from '@/core/sync/documents';
import { canonicalJson } from '@/core/sync/field-clock';
import { type Commands, createCommands } from '@/storage/commands';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import type { Fetch, SyncServer } from '@/storage/sync/couch';
import { enableSync } from '@/storage/sync/enable';
import { listSyncConflicts, resolveSyncConflict } from '@/storage/sync/conflicts';
import { syncOnce } from '@/storage/sync/pass';
import { HEAVY_TEST_MS } from '../heavy';
import { type PouchServer, startPouchServer } from '../../sync/pouchdb-server';
import { clipOn } from '../clip-fixtures';
import { event, schedule } from '../schedule-fixtures';
import { deviceView, losing } from './sync-devices';

const RUNS = Number(process.env.SYNC_PROPERTY_RUNS ?? 6);
/**
 * The default seed's twelve runs (six per device count) make every kind of edit at least once
 * (checked below; with conflict resolutions among the edits, seeds 1-5 were tried: 3 and 4 do).
 */
const DEFAULT_SEED = 4;
const SEED = Number(process.env.SYNC_PROPERTY_SEED ?? DEFAULT_SEED);

/** The reader's commands the steps draw from; `target` picks one of two highlights or talks. */
const EDITS = [
  'highlightNote',
  'highlightTags',
  'highlightDelete',
  'pageNote',
  'talkRename',
  'talkDelete',
  'conferenceRename',
  'conferenceRemove',
  'collectionRename',
  'collectionMembers',
  'collectionDelete',
  'colorNames',
  'exportOptions',
  'resolveConflict',
] as const;
type EditKind = (typeof EDITS)[number];

type Step =
  | { kind: 'edit'; edit: EditKind; device: number; target: number }
  | { kind: 'sync'; device: number; lostAfter: number | null };

const step = (devices: number): fc.Arbitrary<Step> => {
  const device = fc.nat({ max: devices - 1 });
  return fc.oneof(
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('edit' as const),
        edit: fc.constantFrom(...EDITS),
        device,
        target: fc.nat({ max: 1 }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('sync' as const),
        device,
        // A connection lost after this many requests (a pass makes about 6 to 10), or none.
        lostAfter: fc.option(fc.nat({ max: 8 }), { nil: null }),
      }),
    },
  );
};

interface Device {
  db: TalkNotesDatabase;
  commands: Commands;
  /** Edit and deletion ids this device may have seen (its own, and what any pass may have brought). */
  knew: Set<string>;
}

/** The records device 0 starts with (every device holds them after the first passes). */
interface Seed {
  page: string;
  highlights: [string, string];
  /** The page's two talks; the first holds highlight 0. */
  talks: [string, string];
  conference: string;
  collection: string;
}

/** What an edit changed: a field of a record (`<table>:<key>`) to `value`, or the record's deletion. */
type Change = { record: string; field: string; value: unknown } | { record: string; deleted: true };

/** An edit or deletion (`<n>`), with what its device may have seen when it made it. */
interface Act {
  id: string;
  change: Change;
  knew: ReadonlySet<string>;
}

const SOURCE = { url: 'https://fosdem.example/2026/schedule/xml' };
const EVENTS = [event('r1', 'Rust in the kernel', '2026-01-31T10:00:00+01:00')];

async function seedLibrary(device: Device): Promise<Seed> {
  const { db, commands } = device;
  const first = await clipOn(db, 'https://a.example/', 'first passage', 60, 'Kernel live patching');
  const second = await clipOn(db, 'https://a.example/', 'second passage', 20, null);
  const talks = (await db.talks.where('pageId').equals(first.highlight.pageId).toArray()).sort(
    (a, b) => Number(b.id === first.highlight.talkId) - Number(a.id === first.highlight.talkId),
  );
  const { conference } = await commands.importSchedule(schedule(EVENTS), SOURCE);
  const [conferenceTalk] = await db.talks.where('conferenceId').equals(conference.id).toArray();
  await commands.setTalk([second.highlight.id], conferenceTalk!.id);
  const collection = await commands.createCollection({
    name: 'Keep',
    highlightIds: [first.highlight.id, second.highlight.id],
  });
  return {
    page: first.highlight.pageId,
    highlights: [first.highlight.id, second.highlight.id],
    talks: [talks[0]!.id, talks[1]!.id],
    conference: conference.id,
    collection: collection.id,
  };
}

/**
 * Runs one edit on a device, as the reader's command; returns what it changed, or null when it
 * cannot be made there (its record is gone on this device).
 */
async function runEdit(
  { db, commands }: Device,
  seed: Seed,
  edit: EditKind,
  target: number,
  id: string,
  now: () => number,
): Promise<Change | null> {
  const highlight = seed.highlights[target]!;
  const talk = seed.talks[target]!;
  /** The field's value as stored after the edit (settings are cleaned when stored). */
  const field = async (table: SyncTable, key: string, name: string): Promise<Change> => {
    const stored = (await db.table(table).get(key)) as Record<string, unknown>;
    return { record: `${table}:${key}`, field: name, value: stored[name] };
  };
  switch (edit) {
    case 'highlightNote':
    case 'highlightTags':
    case 'highlightDelete': {
      if (!(await db.highlights.get(highlight))) return null;
      if (edit === 'highlightDelete') {
        await commands.deleteHighlights([highlight]);
        return { record: `highlights:${highlight}`, deleted: true };
      }
      const name = edit === 'highlightNote' ? 'note' : 'tags';
      await commands.updateHighlight(
        highlight,
        name === 'note' ? { note: `note ${id}` } : { tags: [`tag-${id}`] },
      );
      return field('highlights', highlight, name);
    }
    case 'pageNote':
      if (!(await db.pages.get(seed.page))) return null;
      await commands.setRecordNote('page', seed.page, `page note ${id}`);
      return field('pages', seed.page, 'note');
    case 'talkRename':
      if (!(await db.talks.get(talk))) return null;
      await commands.renameTalk(talk, `Talk ${id}`);
      return field('talks', talk, 'title');
    case 'talkDelete': {
      // Merged into the page's other talk: deleted, its highlights moved there.
      const other = seed.talks[1 - target]!;
      if (!(await db.talks.get(talk)) || !(await db.talks.get(other))) return null;
      await commands.mergeTalks(other, [talk]);
      return { record: `talks:${talk}`, deleted: true };
    }
    case 'conferenceRename':
      if (!(await db.conferences.get(seed.conference))) return null;
      await commands.importSchedule(schedule(EVENTS, `FOSDEM ${id}`), SOURCE);
      return field('conferences', seed.conference, 'title');
    case 'conferenceRemove':
      if (!(await db.conferences.get(seed.conference))) return null;
      await commands.removeConference(seed.conference);
      return { record: `conferences:${seed.conference}`, deleted: true };
    case 'collectionRename':
    case 'collectionMembers':
    case 'collectionDelete': {
      const collection = await db.collections.get(seed.collection);
      if (!collection) return null;
      if (edit === 'collectionDelete') {
        await commands.deleteCollection(seed.collection);
        return { record: `collections:${seed.collection}`, deleted: true };
      }
      if (edit === 'collectionRename') {
        await commands.updateCollection(seed.collection, { name: `Collection ${id}` });
        return field('collections', seed.collection, 'name');
      }
      if (collection.highlightIds.includes(highlight))
        await commands.removeFromCollection(seed.collection, [highlight]);
      else await commands.addToCollection(seed.collection, [highlight]);
      return field('collections', seed.collection, 'highlightIds');
    }
    case 'colorNames':
      await commands.setSetting('colorNames', { green: `Green ${id}` });
      return field('settings', 'colorNames', 'value');
    case 'exportOptions':
      await commands.setSetting('exportOptions', { ...DEFAULT_EXPORT_OPTIONS, template: `{{text}} ${id}` });
      return field('settings', 'exportOptions', 'value');
    case 'resolveConflict': {
      // The reader resolves the first conflict the dashboard lists here: `Keep both` where the values
      // combine (target 0), else the value shown second (`Keep that`).
      const { conflicts } = await listSyncConflicts(db);
      const conflict = conflicts.find((c) => c.choices.length > 0);
      if (!conflict) return null;
      const [choice] = conflict.choices;
      const keep = target === 0 && choice!.both !== null ? 'both' : choice!.versions[1]!;
      await resolveSyncConflict(
        db,
        conflict.id,
        choice!.field,
        keep === 'both' ? keep : { by: keep.by, at: keep.at },
        now(),
      );
      return field(conflict.table, conflict.key, choice!.field);
    }
  }
}

describe('sync property: any interleaving over every record kind converges and drops no edit', () => {
  let server: PouchServer;
  let runs = 0;
  /** The kinds of edit the runs made (an edit whose record was gone on its device is not made). */
  const kindsMade = new Set<EditKind>();
  beforeAll(async () => {
    server = await startPouchServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it.each([2, 3])(
    '%i devices',
    async (count) => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(step(count), { minLength: 1, maxLength: count === 2 ? 14 : 12, size: 'medium' }),
          async (steps) => {
            const target: SyncServer = { url: `${server.origin}/property-${count}-${++runs}` };
            // Edits later than the clips (the real clock), never two in one millisecond: a device whose
            // clock went backwards shows another `updatedAt` (docs/sync.md), which is not under test.
            let clock = 0;
            const tick = () => (clock = Math.max(clock + 1, Date.now()));
            const devices: Device[] = [];
            // What the server may hold: everything any pass, finished or not, may have sent it.
            const onServer = new Set<string>();
            const acts: Act[] = [];
            let made = 0;
            try {
              for (let i = 0; i < count; i++) {
                const db = createDatabase(`sync-property-${crypto.randomUUID()}`);
                await enableSync(db);
                devices.push({ db, commands: createCommands({ db, now: tick }), knew: new Set() });
              }
              const pass = async (d: Device, fetchOnce?: Fetch) => {
                // Generous: a pass may have brought anything the server may hold, and sent anything known here.
                for (const id of onServer) d.knew.add(id);
                for (const id of d.knew) onServer.add(id);
                return syncOnce(d.db, target, fetchOnce ? { fetch: fetchOnce, timeoutMs: 5_000 } : {});
              };
              const seed = await seedLibrary(devices[0]!);
              for (const d of [...devices, devices[0]!]) expect((await pass(d)).error).toBeUndefined();
              // A conflict from the start, for the reader to resolve (rare in random steps): highlight
              // 0's note edited on devices 0 and 1, each before pulling the other's.
              for (const d of devices.slice(0, 2)) {
                const id = `${++made}`;
                const change = await runEdit(d, seed, 'highlightNote', 0, id, tick);
                d.knew.add(id);
                acts.push({ id, change: change!, knew: new Set(d.knew) });
              }
              for (const d of [devices[0]!, ...devices.slice(1), devices[0]!])
                expect((await pass(d)).error).toBeUndefined();
              for (const s of steps) {
                const d = devices[s.device]!;
                if (s.kind === 'sync') {
                  await pass(d, s.lostAfter === null ? undefined : losing(s.lostAfter));
                  continue;
                }
                const id = `${++made}`;
                const change = await runEdit(d, seed, s.edit, s.target, id, tick);
                if (!change) continue;
                kindsMade.add(s.edit);
                d.knew.add(id);
                acts.push({ id, change, knew: new Set(d.knew) });
              }
              // Everyone syncs twice, on a connection that holds.
              for (let round = 0; round < 2; round++)
                for (const d of devices) {
                  const report = await syncOnce(d.db, target);
                  expect(report.error).toBeUndefined();
                  expect(report.refused).toEqual([]);
                }

              const views = await Promise.all(devices.map((d) => deviceView(d.db)));
              for (const view of views.slice(1)) expect(view).toEqual(views[0]);
              const shown = views[0]!.shown;
              for (const act of acts) {
                const { change } = act;
                if ('deleted' in change) continue;
                const replaced = acts.some(
                  (later) =>
                    later.id !== act.id &&
                    later.knew.has(act.id) &&
                    later.change.record === change.record &&
                    ('deleted' in later.change || later.change.field === change.field),
                );
                if (replaced) continue;
                const what = `edit ${act.id} (${change.field} of ${change.record}) was dropped: ${JSON.stringify(steps)}`;
                const values = shown[change.record];
                expect(values, what).toBeDefined();
                expect(values![change.field]?.map(canonicalJson) ?? [], what).toContain(
                  canonicalJson(change.value),
                );
              }
            } finally {
              for (const d of devices) await d.db.delete();
            }
          },
        ),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    },
    HEAVY_TEST_MS,
  );

  // So the default run cannot quietly stop covering a record kind (a change of the arbitraries
  // changes what a seed draws): another seed may be needed then.
  it.skipIf(SEED !== DEFAULT_SEED || RUNS < 6)('made every kind of edit in the default runs', () => {
    expect([...kindsMade].sort()).toEqual([...EDITS].sort());
  });
});
