// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { buildScheduleIndex } from '@/core/schedule/schedule-index';
import { searchScheduleTalks } from '@/core/schedule/search';
import { FIXTURE_CONFERENCES, FIXTURE_TALKS } from './fixture-schedules';
import { generateSchedules } from './matchable-schedules';

const background = generateSchedules(2, 300, 9, 2023);
const index = buildScheduleIndex(
  [...FIXTURE_CONFERENCES, ...background.conferences],
  [...FIXTURE_TALKS, ...background.talks],
);
const search = (text: string, limit?: number) => searchScheduleTalks(index, text, limit).map((h) => h.talkId);

describe('searchScheduleTalks', () => {
  it.each([
    ['postgres doe', 'k24-scaling'],
    ['scaling postg', 'k24-scaling'],
    ['Scaling Postgres to 10M Users', 'k24-scaling'],
    ['unsafe asante', 'r24-unsafe'],
    ['ebpf', 'k24-ebpf'],
    ['operators part 2', 'k24-op2'],
    ['wrzesien', 'k24-op1'],
    ['kubernetes secruity', 'k24-sec'],
    ['webassembly 入門', 'pj-wasm'],
    ['型ヒント', 'pj-typing'],
    ['佐伯', 'pj-wasm'],
    ['größere', 'fr-duckdb'],
    ['grossere duckdb', 'fr-duckdb'],
    ['accessibilite', 'pw-a11y'],
    ['rustfest unsafe', 'r24-unsafe'],
    ['embedded main hall', 'r24-embedded'],
  ])('%s finds %s among the first three', (text, id) => {
    expect(search(text).slice(0, 3)).toContain(id);
  });

  it('needs every word: a second word narrows', () => {
    const rust = search('rust', 100);
    const macros = search('rust macros', 100);
    expect(macros).toContain('r24-macros');
    expect(macros.length).toBeLessThan(rust.length);
    expect(macros.every((id) => rust.includes(id))).toBe(true);
  });

  it('ranks a rarer word higher and a whole word above a prefix', () => {
    const hits = searchScheduleTalks(index, 'kubernetes security');
    expect(hits[0]!.talkId).toMatch(/^k24-sec/);
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
  });

  it('ignores a word found nowhere, finds nothing for nothing, and never housekeeping', () => {
    expect(search('qwxzy ebpf')).toContain('k24-ebpf');
    expect(search('')).toEqual([]);
    expect(search('  !!  ')).toEqual([]);
    expect(search('coffee break')).not.toContain('k24-coffee');
    expect(search('lunch')).not.toContain('r24-lunch');
  });

  it('stops at the limit', () => {
    expect(search('kubernetes', 3)).toHaveLength(3);
  });
});
