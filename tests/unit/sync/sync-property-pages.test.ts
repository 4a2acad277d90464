// @vitest-environment node
/**
 * Property test of sync with the same pages clipped on several devices before they synced (#16,
 * docs/sync.md "Pages clipped on two devices"; the companion of sync-property.test.ts, which starts
 * from one device's library). Two or three devices (fake-indexeddb, the real clip, stamping, pass,
 * merge, apply and unify code) and pouchdb-server over HTTP. Every device first clips the same page
 * (its own passage, under one of its two detected talks or none) before any pass; fast-check then
 * draws any interleaving of: more clips on either of two pages (each passage with its own note), a
 * page's note or a talk's note added to on a device (appended: the reader writes more, never less),
 * a talk renamed, a talk merged into the other (its passages move, it is deleted), a page deleted with
 * its talks and highlights (as a reader's delete would, in one transaction: the product has no such
 * command yet), the first conflict a device lists resolved there (`Keep both` where the values
 * combine, else `Keep that`), passes, and passes whose connection is lost after 0-8 requests. Then
 * every device passes until a whole round sends nothing. Checked:
 * - every device holds the same library and offers the same conflicts;
 * - one page per URL clipped anywhere (a URL whose page was deleted may have none);
 * - references across records hold: each highlight's page and talk, each talk's page exist;
 * - no highlight is lost, and each keeps its note (one a page's deletion took on the deleting device
 *   may be gone, or kept when another device had edited it meanwhile);
 * - no note text is lost: every line written to a page's or talk's note is in a value (the shown
 *   one or a conflict) of that page's note, or of a talk's note on that page;
 * - a resolution ends the conflict it resolved on its device (the next listing lacks it).
 *
 * `SYNC_PROPERTY_RUNS` / `SYNC_PROPERTY_SEED` as for sync-property.test.ts.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Commands, createCommands } from '@/storage/commands';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import type { SyncServer } from '@/storage/sync/couch';
import { enableSync } from '@/storage/sync/enable';
import { listSyncConflicts, resolveSyncConflict } from '@/storage/sync/conflicts';
import { syncOnce } from '@/storage/sync/pass';
import { HEAVY_TEST_MS } from '../heavy';
import { type PouchServer, startPouchServer } from '../../sync/pouchdb-server';
import { clipOn } from '../clip-fixtures';
import { deviceView, losing } from './sync-devices';

const RUNS = Number(process.env.SYNC_PROPERTY_RUNS ?? 6);
const SEED = Number(process.env.SYNC_PROPERTY_SEED ?? 1);

const URLS = ['https://a.example/writeup', 'https://b.example/notes'] as const;
/** The detected talks clipOn's pages have (clip-fixtures.ts), and "no talk". */
const TALKS = ['Kernel live patching', 'Trolling != Enforcement', null] as const;

/**
 * How a run begins after every device clipped the first page: as it is, or (so that every run does
 * not depend on random steps to meet the case) with the page deleted, or its first detected talk
 * merged away, on device 0 while device 1 files a new passage under it before syncing.
 */
const STARTS = ['clipped', 'pageDeleted', 'talkMerged'] as const;

type Step =
  | { kind: 'clip'; device: number; url: number; talk: number }
  | { kind: 'pageNote'; device: number; url: number }
  | { kind: 'talkNote' | 'rename' | 'mergeTalk'; device: number; url: number; talk: number }
  | { kind: 'deletePage'; device: number; url: number }
  | { kind: 'resolve'; device: number }
  | { kind: 'sync'; device: number; lostAfter: number | null };

const step = (devices: number): fc.Arbitrary<Step> => {
  const device = fc.nat({ max: devices - 1 });
  const url = fc.nat({ max: URLS.length - 1 });
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({ kind: fc.constant('clip' as const), device, url, talk: fc.nat({ max: 2 }) }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('pageNote' as const), device, url }) },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constantFrom('talkNote' as const, 'rename' as const, 'mergeTalk' as const),
        device,
        url,
        talk: fc.nat({ max: 1 }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('deletePage' as const), device, url }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('resolve' as const), device }) },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('sync' as const),
        device,
        lostAfter: fc.option(fc.nat({ max: 8 }), { nil: null }),
      }),
    },
  );
};

interface Device {
  db: TalkNotesDatabase;
  commands: Commands;
}

/** What was written, to find again after the devices converged. */
interface Written {
  /** Highlight id -> its note. */
  highlights: Map<string, string>;
  /** URL -> lines written to its page's note. */
  pageLines: Map<string, string[]>;
  /** URL -> lines written to the notes of talks on its page. */
  talkLines: Map<string, string[]>;
  urls: Set<string>;
  /** URLs whose page a device deleted. */
  deletedUrls: Set<string>;
  /** Highlights a page's deletion took on the device that deleted it: gone, or kept by an edit elsewhere. */
  mayBeGone: Set<string>;
}

const appended = (note: string | undefined, line: string) => (note?.trim() ? `${note}\n\n${line}` : line);

async function runStep(d: Device, s: Step, id: string, written: Written, tick: () => number) {
  const { db, commands } = d;
  if (s.kind === 'resolve') {
    const { conflicts } = await listSyncConflicts(db);
    const conflict = conflicts.find((c) => c.choices.length > 0);
    if (!conflict) return;
    const [choice] = conflict.choices;
    const keep = choice!.both !== null ? 'both' : choice!.versions[1]!;
    await resolveSyncConflict(
      db,
      conflict.id,
      choice!.field,
      keep === 'both' ? keep : { by: keep.by, at: keep.at },
      tick(),
    );
    // The resolution ends the conflict it resolved, here and now.
    const after = await listSyncConflicts(db);
    const same = after.conflicts.find((c) => c.id === conflict.id);
    expect(same?.choices.some((c) => c.field === choice!.field) ?? false).toBe(false);
    return;
  }
  if (s.kind === 'sync') return;
  const url = URLS[s.url]!;
  if (s.kind === 'clip') {
    const { highlight } = await clipOn(db, url, `passage ${id}`, 100 + Number(id) * 40, TALKS[s.talk]!);
    await commands.updateHighlight(highlight.id, { note: `note ${id}` });
    written.highlights.set(highlight.id, `note ${id}`);
    written.urls.add(url);
    return;
  }
  const page = await db.pages.where('url').equals(url).first();
  if (!page) return;
  if (s.kind === 'deletePage') {
    const deleted = await db.transaction('rw', db.pages, db.talks, db.highlights, async () => {
      const highlights = await db.highlights.where('url').equals(url).toArray();
      await db.highlights.bulkDelete(highlights.map((h) => h.id));
      await db.talks.where('pageId').equals(page.id).delete();
      await db.pages.delete(page.id);
      return highlights;
    });
    for (const h of deleted) {
      written.highlights.delete(h.id);
      written.mayBeGone.add(h.id);
    }
    // Its notes were deleted by the reader, having seen them: no line of them is owed.
    written.pageLines.delete(url);
    written.talkLines.delete(url);
    written.deletedUrls.add(url);
    return;
  }
  if (s.kind === 'pageNote') {
    const line = `page note ${id}`;
    await commands.setRecordNote('page', page.id, appended(page.note, line));
    written.pageLines.set(url, [...(written.pageLines.get(url) ?? []), line]);
    return;
  }
  const talks = await db.talks.where('pageId').equals(page.id).toArray();
  const talk = talks.find((t) => t.detectedTitle === TALKS[s.talk]);
  if (!talk) return;
  if (s.kind === 'rename') {
    await commands.renameTalk(talk.id, `Talk ${id}`);
    return;
  }
  if (s.kind === 'mergeTalk') {
    const into = talks.find((t) => t.id !== talk.id);
    if (into) await commands.mergeTalks(into.id, [talk.id]);
    return;
  }
  const line = `talk note ${id}`;
  await commands.setRecordNote('talk', talk.id, appended(talk.note, line));
  written.talkLines.set(url, [...(written.talkLines.get(url) ?? []), line]);
}

describe('sync property: pages clipped on several devices before syncing become one page', () => {
  let server: PouchServer;
  let runs = 0;
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
          fc.array(fc.nat({ max: 2 }), { minLength: count, maxLength: count }),
          fc.constantFrom(...STARTS),
          fc.array(step(count), { minLength: 1, maxLength: count === 2 ? 16 : 14, size: 'medium' }),
          async (firstTalks, start, steps) => {
            const target: SyncServer = { url: `${server.origin}/pages-${count}-${++runs}` };
            let clock = 0;
            const tick = () => (clock = Math.max(clock + 1, Date.now()));
            const devices: Device[] = [];
            const written: Written = {
              highlights: new Map(),
              pageLines: new Map(),
              talkLines: new Map(),
              urls: new Set(),
              deletedUrls: new Set(),
              mayBeGone: new Set(),
            };
            let made = 0;
            try {
              for (let i = 0; i < count; i++) {
                const db = createDatabase(`sync-pages-${crypto.randomUUID()}`);
                await enableSync(db);
                devices.push({ db, commands: createCommands({ db, now: tick }) });
              }
              // Every device clips the first page before any pass: one URL, a page id per device.
              for (const [i, d] of devices.entries())
                await runStep(
                  d,
                  { kind: 'clip', device: i, url: 0, talk: firstTalks[i]! },
                  `${++made}`,
                  written,
                  tick,
                );
              if (start !== 'clipped') {
                // Everyone synced; then device 0 deletes the page (or merges its first talk away)
                // while device 1, not yet synced, files a new passage under it: random steps follow.
                for (let round = 0; round < 2; round++) for (const d of devices) await syncOnce(d.db, target);
                const removal: Step =
                  start === 'pageDeleted'
                    ? { kind: 'deletePage', device: 0, url: 0 }
                    : { kind: 'mergeTalk', device: 0, url: 0, talk: 0 };
                await runStep(devices[0]!, removal, `${++made}`, written, tick);
                await runStep(
                  devices[1]!,
                  { kind: 'clip', device: 1, url: 0, talk: 0 },
                  `${++made}`,
                  written,
                  tick,
                );
              }
              for (const s of steps) {
                const d = devices[s.device]!;
                if (s.kind === 'sync')
                  await syncOnce(
                    d.db,
                    target,
                    s.lostAfter === null ? {} : { fetch: losing(s.lostAfter), timeoutMs: 5_000 },
                  );
                else await runStep(d, s, `${++made}`, written, tick);
              }
              // Passes until a whole round sends nothing: unifying makes edits, which must settle.
              let quiet = false;
              for (let round = 0; round < 5 && !quiet; round++) {
                let sent = 0;
                for (const d of devices) {
                  const report = await syncOnce(d.db, target);
                  expect(report.error).toBeUndefined();
                  expect(report.refused).toEqual([]);
                  sent += report.sent;
                }
                quiet = sent === 0;
              }
              expect(quiet, `passes still sending: ${JSON.stringify(steps)}`).toBe(true);

              const views = await Promise.all(devices.map((d) => deviceView(d.db)));
              for (const view of views.slice(1)) expect(view).toEqual(views[0]);
              const { library, shown } = views[0]!;
              const what = JSON.stringify({ firstTalks, start, steps });
              // One page per URL clipped anywhere (a URL whose page was deleted may have none).
              const pageUrls = library.pages.map((p) => p.url).sort();
              expect(new Set(pageUrls).size, what).toBe(pageUrls.length);
              for (const url of pageUrls) expect(written.urls.has(url), what).toBe(true);
              for (const url of written.urls)
                if (!written.deletedUrls.has(url)) expect(pageUrls, what).toContain(url);
              // References across records hold.
              const pageIds = new Set(library.pages.map((p) => p.id));
              const talkIds = new Set(library.talks.map((t) => t.id));
              for (const t of library.talks)
                if (t.pageId !== null) expect(pageIds.has(t.pageId), what).toBe(true);
              for (const h of library.highlights) {
                expect(pageIds.has(h.pageId), what).toBe(true);
                if (h.talkId !== null) expect(talkIds.has(h.talkId), what).toBe(true);
              }
              // No highlight lost, each with its note.
              const held = new Set(library.highlights.map((h) => h.id));
              for (const id of written.highlights.keys()) expect(held.has(id), `${id}: ${what}`).toBe(true);
              for (const id of held)
                expect(written.highlights.has(id) || written.mayBeGone.has(id), what).toBe(true);
              for (const [id, note] of written.highlights)
                expect(shown[`highlights:${id}`]?.note, what).toContain(note);
              // No note text lost.
              for (const [url, lines] of written.pageLines) {
                const page = library.pages.find((p) => p.url === url)!;
                const values = (shown[`pages:${page.id}`]?.note ?? []).join('\n');
                for (const line of lines) expect(values, `${line}: ${what}`).toContain(line);
              }
              for (const [url, lines] of written.talkLines) {
                const page = library.pages.find((p) => p.url === url)!;
                const values = library.talks
                  .filter((t) => t.pageId === page.id)
                  .flatMap((t) => shown[`talks:${t.id}`]?.note ?? [])
                  .join('\n');
                for (const line of lines) expect(values, `${line}: ${what}`).toContain(line);
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
});
