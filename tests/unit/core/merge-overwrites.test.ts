// @vitest-environment node
/**
 * Which of the reader's records a backup import would overwrite, named, and a plan that keeps the
 * ones the reader did not approve (#14, finding 7).
 */
import { describe, expect, it } from 'vitest';
import { planMerge } from '@/core/merge';
import { keepApproved, listOverwrites, overwriteKey } from '@/core/merge-overwrites';
import { at, collection, highlight, page, sampleLibrary, talk } from './backup-fixtures';

const library = sampleLibrary();
const matches = { ...library };

describe('listOverwrites', () => {
  it('is empty when the backup only adds records or holds what the library has', () => {
    expect(
      listOverwrites(
        planMerge(library, { ...matches, pages: [], talks: [], highlights: [], collections: [] }),
        matches,
      ),
    ).toEqual([]);
    expect(listOverwrites(planMerge(library, matches), matches)).toEqual([]);
  });

  it('is empty when the library’s records are newer (they stay)', () => {
    const backup = { ...library, highlights: [highlight('h2', 'p1', { note: 'older', updatedAt: at(500) })] };
    expect(listOverwrites(planMerge(backup, matches), matches)).toEqual([]);
  });

  it('names each library record a newer backup record would replace, by what the reader would lose', () => {
    const backup = {
      ...library,
      pages: [page('p2', { title: 'Renamed', updatedAt: at(9_000) })],
      talks: [talk('t1', 'p1', { title: 'Other title', updatedAt: at(9_000) })],
      highlights: [
        highlight('h1', 'p1', { note: 'theirs', updatedAt: at(9_000) }),
        highlight('h9', 'p1', { updatedAt: at(9_000) }), // new: added, not an overwrite
      ],
      collections: [collection('c1', { name: 'Reading list', description: 'new', updatedAt: at(9_000) })],
    };
    expect(listOverwrites(planMerge(backup, matches), matches)).toEqual([
      { table: 'highlights', id: 'h1', label: 'Passage h1' },
      { table: 'talks', id: 't1', label: library.talks[0]!.title },
      { table: 'pages', id: 'p2', label: 'Day 2 — “quotes” & <b>' },
      { table: 'collections', id: 'c1', label: 'Reading list' },
    ]);
  });

  it('shortens a long passage to one line', () => {
    const long = `${'word '.repeat(60)}\nsecond line`;
    const mine = { ...matches, highlights: [highlight('h1', 'p1', { text: long })] };
    const backup = {
      ...library,
      highlights: [highlight('h1', 'p1', { text: long, note: 'x', updatedAt: at(9_000) })],
    };
    const [entry] = listOverwrites(planMerge(backup, mine), mine);
    expect(entry!.label).toHaveLength(120);
    expect(entry!.label).toMatch(/^word word .*…$/);
  });
});

describe('keepApproved', () => {
  const backup = {
    ...library,
    highlights: [
      highlight('h1', 'p1', { note: 'theirs', updatedAt: at(9_000) }),
      highlight('h2', 'p1', { note: 'theirs too', updatedAt: at(9_000) }),
      highlight('h9', 'p1'),
    ],
  };
  const plan = planMerge(backup, matches);

  it('turns every update the reader did not approve into a skip, and keeps additions', () => {
    const kept = keepApproved(plan, new Set([overwriteKey({ table: 'highlights', id: 'h2' })]));
    expect(kept.highlights.update.map((h) => h.id)).toEqual(['h2']);
    expect(kept.highlights.skip).toContain('h1');
    expect(kept.highlights.add.map((h) => h.id)).toEqual(['h9']);
    // The plan it came from is unchanged.
    expect(plan.highlights.update.map((h) => h.id)).toEqual(['h1', 'h2']);
  });

  it('with nothing approved, overwrites nothing', () => {
    const kept = keepApproved(plan, new Set());
    expect(listOverwrites(kept, matches)).toEqual([]);
    expect(kept.highlights.add.map((h) => h.id)).toEqual(['h9']);
  });
});
