// @vitest-environment node
/**
 * Sync convergence (docs/sync.md, "Conflict rules"), as a property: two or three replicas and a
 * server edit, delete and exchange record states in any order, with messages lost; after one full
 * sync every replica holds the same library, and no edit is silently dropped.
 *
 * The check does not trust the version vectors: the simulation keeps, beside each state, the ids
 * of every edit and deletion merged into it (what that copy "knows"), and records for each edit
 * what its device knew when it was made. An edit may disappear only if a surviving edit of the same
 * field was made by a device that knew it; an edit no other edit knew must survive; a record is
 * deleted exactly when some deletion knew every surviving edit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stampDeletion, stampRecord, resolveConflict } from '@/core/sync/edits';
import { canonicalJson, compareVersions } from '@/core/sync/field-clock';
import { type RecordState, mergeStates, viewState } from '@/core/sync/merge';

const FIELDS = ['note', 'tags', 'color'] as const;
const IDS = ['r1', 'r2'] as const;

type Op =
  | { kind: 'create'; replica: number; id: number; at: number }
  | { kind: 'edit'; replica: number; id: number; field: number; at: number }
  | { kind: 'delete'; replica: number; id: number; at: number }
  | { kind: 'resolve'; replica: number; id: number; at: number }
  | { kind: 'push' | 'pull'; replica: number; id: number; lost: boolean }
  | { kind: 'direct'; replica: number; other: number; id: number; lost: boolean };

const index = (n: number) => fc.nat({ max: n - 1 });
const at = fc.nat({ max: 12 });
const op = (replicas: number): fc.Arbitrary<Op> =>
  fc.oneof(
    fc.record({ kind: fc.constant('create' as const), replica: index(replicas), id: index(IDS.length), at }),
    fc.record({
      kind: fc.constant('edit' as const),
      replica: index(replicas),
      id: index(IDS.length),
      field: index(FIELDS.length),
      at,
    }),
    fc.record({ kind: fc.constant('delete' as const), replica: index(replicas), id: index(IDS.length), at }),
    fc.record({ kind: fc.constant('resolve' as const), replica: index(replicas), id: index(IDS.length), at }),
    fc.record({
      kind: fc.constantFrom('push' as const, 'pull' as const),
      replica: index(replicas),
      id: index(IDS.length),
      lost: fc.boolean(),
    }),
    fc.record({
      kind: fc.constant('direct' as const),
      replica: index(replicas),
      other: index(replicas),
      id: index(IDS.length),
      lost: fc.boolean(),
    }),
  );

/** A copy of a record: its sync state and the ids of every edit and deletion merged into it. */
interface Copy {
  state: RecordState;
  knows: Set<string>;
}
/** Every edit made, by its (unique) value: its record, field and what its device knew then. */
interface EditFact {
  id: string;
  field: string;
  knew: Set<string>;
}
interface DeletionFact {
  id: string;
  knew: Set<string>;
}

function simulate(replicas: number, ops: readonly Op[]) {
  const devices = ['dev-a', 'dev-b', 'dev-c'].slice(0, replicas);
  const copies: Map<string, Copy>[] = devices.map(() => new Map());
  const server = new Map<string, Copy>();
  const edits = new Map<string, EditFact>();
  const deletions: DeletionFact[] = [];
  let counter = 0;

  const receive = (into: Map<string, Copy>, id: string, from: Copy | undefined) => {
    if (!from) return;
    const mine = into.get(id);
    into.set(
      id,
      mine
        ? { state: mergeStates(mine.state, from.state), knows: new Set([...mine.knows, ...from.knows]) }
        : { state: from.state, knows: new Set(from.knows) },
    );
  };
  const edit = (r: number, id: string, values: Record<string, string>, time: number) => {
    const copy = copies[r]!.get(id);
    const knew = new Set(copy?.knows ?? []);
    const state = stampRecord(copy?.state, values, devices[r]!, time);
    const knows = new Set(knew);
    for (const [field, value] of Object.entries(values)) {
      edits.set(value, { id, field, knew });
      knows.add(value);
    }
    copies[r]!.set(id, { state, knows });
  };
  const unique = (r: number) => `${devices[r]}-${++counter}`;

  for (const step of ops) {
    const id = IDS[step.id]!;
    const r = step.replica;
    const copy = copies[r]!.get(id);
    const alive = copy !== undefined && viewState(copy.state).values !== null;
    switch (step.kind) {
      case 'create':
        // Ids are random in the product; two devices making the same one is the settings case.
        if (!copy) edit(r, id, Object.fromEntries(FIELDS.map((f) => [f, unique(r)])), step.at);
        break;
      case 'edit':
        if (alive)
          edit(
            r,
            id,
            { ...viewState(copy.state).values, [FIELDS[step.field]!]: unique(r) } as Record<string, string>,
            step.at,
          );
        break;
      case 'delete':
        if (alive) {
          const deletion = `deletion-${++counter}`;
          deletions.push({ id, knew: new Set(copy.knows) });
          copies[r]!.set(id, {
            state: stampDeletion(copy.state, devices[r]!, step.at),
            knows: new Set([...copy.knows, deletion]),
          });
        }
        break;
      case 'resolve': {
        const conflict = alive ? viewState(copy.state).conflicts[0] : undefined;
        if (copy && conflict) {
          // "Keep both": a new value that supersedes every version of the field.
          const value = unique(r);
          edits.set(value, { id, field: conflict.field, knew: new Set(copy.knows) });
          copies[r]!.set(id, {
            state: resolveConflict(copy.state, conflict.field, value, devices[r]!, step.at),
            knows: new Set([...copy.knows, value]),
          });
        }
        break;
      }
      case 'push':
        if (!step.lost) receive(server, id, copy);
        break;
      case 'pull':
        if (!step.lost) receive(copies[r]!, id, server.get(id));
        break;
      case 'direct':
        if (!step.lost) receive(copies[step.other]!, id, copy);
        break;
    }
  }
  // Connections come back: everyone pushes everything, then pulls everything.
  for (const replica of copies) for (const id of IDS) receive(server, id, replica.get(id));
  for (const replica of copies) for (const id of IDS) receive(replica, id, server.get(id));
  return { copies, server, edits, deletions };
}

function checkRun(replicas: number, ops: readonly Op[]) {
  const { copies, server, edits, deletions } = simulate(replicas, ops);
  for (const id of IDS) {
    const final = server.get(id);
    // Every replica holds the same state and shows the same record.
    for (const replica of copies) {
      expect(canonicalJson(replica.get(id)?.state)).toBe(canonicalJson(final?.state));
    }
    if (!final) continue;
    const surviving = new Map<string, string>(); // value -> field
    for (const [field, versions] of Object.entries(final.state.fields)) {
      for (const version of versions) surviving.set(version.value as string, field);
      // The winner is the latest concurrent edit by its device's time, ties by device id.
      expect([...versions].sort(compareVersions)[0]).toBe(versions[0]);
    }
    const recordEdits = [...edits].filter(([, fact]) => fact.id === id);
    for (const [value, fact] of recordEdits) {
      if (surviving.has(value)) continue;
      // Dropped only when superseded by a surviving edit of the field whose device knew it.
      const supersededBy = [...surviving].filter(
        ([other, field]) => field === fact.field && edits.get(other)!.knew.has(value),
      );
      expect(supersededBy, `edit ${value} of ${id}.${fact.field} dropped`).not.toHaveLength(0);
      // ...and an edit no other edit of its field knew never is.
      const knownByAnother = recordEdits.some(
        ([other, o]) => other !== value && o.field === fact.field && o.knew.has(value),
      );
      expect(knownByAnother).toBe(true);
    }
    const recordDeletions = deletions.filter((d) => d.id === id);
    const everySurvivorSeen =
      recordDeletions.length > 0 &&
      [...surviving.keys()].every((value) => recordDeletions.some((d) => d.knew.has(value)));
    const view = viewState(final.state);
    expect(view.values === null, `${id} deleted`).toBe(everySurvivorSeen);
    expect(view.keptAfterDeletion).toBe(recordDeletions.length > 0 && !everySurvivorSeen);
  }
}

describe('sync merge: convergence and no lost edits', () => {
  it.each([2, 3])('%i replicas, any interleaving of edits, deletes and lossy syncs', (replicas) => {
    fc.assert(
      fc.property(fc.array(op(replicas), { maxLength: 60 }), (ops) => checkRun(replicas, ops)),
      { numRuns: 400 },
    );
  });

  it('merging is commutative, associative and idempotent on states the simulation reaches', () => {
    fc.assert(
      fc.property(fc.array(op(3), { maxLength: 40 }), (ops) => {
        const { copies } = simulate(3, ops);
        for (const id of IDS) {
          const [a, b, c] = copies.map((replica) => replica.get(id)?.state ?? { fields: {}, deletions: [] });
          const key = (s: RecordState) => canonicalJson(s);
          expect(key(mergeStates(a!, b!))).toBe(key(mergeStates(b!, a!)));
          expect(key(mergeStates(mergeStates(a!, b!), c!))).toBe(key(mergeStates(a!, mergeStates(b!, c!))));
          expect(key(mergeStates(a!, a!))).toBe(key(mergeStates(a!, { fields: {}, deletions: [] })));
        }
      }),
      { numRuns: 200 },
    );
  });
});
