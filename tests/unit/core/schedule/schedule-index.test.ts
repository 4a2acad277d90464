import { describe, expect, expectTypeOf, it } from 'vitest';
import { nameWords } from '@/core/schedule/names';
import { allWords } from '@/core/schedule/normalize';
import {
  buildPreparedIndex,
  buildScheduleIndex,
  candidateTalks,
  deletionKeys,
  type MatchableConference,
  type MatchableTalk,
  prepareScheduleTalk,
  prepareScheduleTalks,
  termsNear,
  titleForms,
} from '@/core/schedule/schedule-index';
import type { ConferenceRecord, ScheduleFields, TalkRecord } from '@/core/types';
import { FIXTURE_CONFERENCES, FIXTURE_TALKS } from './fixture-schedules';
import { generateSchedules } from './matchable-schedules';

const fixture = buildScheduleIndex(FIXTURE_CONFERENCES, FIXTURE_TALKS);
const idsOf = (indexes: number[]) => indexes.map((i) => fixture.talks[i]!.talk.id);

describe('buildScheduleIndex', () => {
  it('takes stored conference talks and conferences as they are (a type check)', () => {
    expectTypeOf<TalkRecord & ScheduleFields>().toExtend<MatchableTalk>();
    expectTypeOf<ConferenceRecord>().toExtend<MatchableConference>();
  });

  it('leaves housekeeping out', () => {
    const ids = fixture.talks.map((t) => t.talk.id);
    expect(ids).not.toContain('r24-lunch');
    expect(ids).not.toContain('k24-coffee');
    expect(ids).toHaveLength(FIXTURE_TALKS.filter((t) => !t.housekeeping).length);
  });

  it('takes a conference without dates from the days of its talks', () => {
    const talk = (id: string, day: string): MatchableTalk => ({
      id,
      conferenceId: 'c',
      title: `Talk ${id}`,
      subtitle: null,
      speakers: [],
      start: null,
      day,
      housekeeping: false,
    });
    const index = buildScheduleIndex(
      [{ id: 'c', title: 'C', acronym: null, start: null, end: null }],
      [talk('a', '2024-05-03'), talk('b', '2024-05-01'), talk('c', '2024-05-02')],
    );
    const conf = index.conferences.get('c')!;
    expect([conf.firstDay, conf.lastDay]).toEqual([19844, 19846]);
  });

  it('keeps a title as given and as detection cleans it', () => {
    const forms = (title: string, speakers: string[] = []) =>
      titleForms(title, null, speakers.map(nameWords)).map((f) => allWords(f).join(' '));
    expect(forms('Keynote: The Next Ten Years')).toEqual(['keynote the next 10 years', 'the next 10 years']);
    expect(forms('Scaling Postgres — Jane Doe', ['Jane Doe'])).toEqual([
      'scaling postgres jane doe',
      'scaling postgres',
    ]);
    // "with Jane Street" reads like a speaker, but the talk lists nobody of that name.
    expect(forms('Building with Jane Street', ['Ann Lee'])).toEqual(['building with jane street']);
  });
});

describe('prepared talks', () => {
  it('give the index buildScheduleIndex builds, talk by talk and term by term', () => {
    const { conferences, talks } = generateSchedules(3, 300, 7);
    const whole = buildScheduleIndex([...FIXTURE_CONFERENCES, ...conferences], [...FIXTURE_TALKS, ...talks]);
    const prepared = buildPreparedIndex(
      [...FIXTURE_CONFERENCES, ...conferences],
      prepareScheduleTalks([...FIXTURE_TALKS, ...talks]),
    );
    expect(prepared.talks).toEqual(whole.talks);
    expect([...prepared.titleTerms]).toEqual([...whole.titleTerms]);
    expect([...prepared.nameTerms]).toEqual([...whole.nameTerms]);
    expect([...prepared.deletions]).toEqual([...whole.deletions]);
    expect(prepared.termCounts).toEqual(whole.termCounts);
    expect([...prepared.conferences.values()]).toEqual([...whole.conferences.values()]);
  });

  it('leave housekeeping out, and are only read by the index (one preparation serves many builds)', () => {
    expect(prepareScheduleTalk(FIXTURE_TALKS.find((t) => t.housekeeping)!)).toBeNull();
    const ready = prepareScheduleTalks(FIXTURE_TALKS);
    const copy = structuredClone(ready);
    const a = buildPreparedIndex(FIXTURE_CONFERENCES, ready);
    const b = buildPreparedIndex(FIXTURE_CONFERENCES, ready);
    expect(ready).toEqual(copy);
    expect(b.talks).toEqual(a.talks);
    expect(b.talks[0]!.forms).toBe(a.talks[0]!.forms);
  });
});

describe('candidateTalks', () => {
  it.each([
    [['scaling', 'postgres', '10m', 'users'], [], 'k24-scaling'],
    [['kubernetes', 'security'], [], 'k24-sec'],
    [['postgers', 'scalng'], [], 'k24-scaling'],
    [['keynote'], ['kwame', 'asante'], 'r24-unsafe'],
    [['rust', 'で作', '作る', 'webassembly', '入門'], [], 'pj-wasm'],
  ])('%j (names %j) finds %s', (terms, names, expected) => {
    expect(idsOf(candidateTalks(fixture, terms, names, { first: 5, max: 5 }))).toContain(expected);
  });

  it('ranks the talk sharing the rarer words first, among 10,000', () => {
    const { conferences, talks } = generateSchedules(10, 1000, 3);
    const index = buildScheduleIndex(conferences, talks);
    const target = index.talks.find((t) => t.talk.title.split(' ').length >= 5)!;
    const terms = [...new Set(allWords(target.forms[0]!))];
    const found = candidateTalks(index, terms, [], { first: 40, max: 40 }).map(
      (i) => index.talks[i]!.talk.title,
    );
    expect(found).toHaveLength(40);
    expect(found).toContain(target.talk.title);
    expect(found.indexOf(target.talk.title)).toBeLessThan(10);
  });

  it('returns, beyond the first, only the talks holding every term of the query', () => {
    const found = idsOf(candidateTalks(fixture, ['kubernetes', 'security'], [], { first: 1, max: 10 }));
    expect(found[0]).toBe('k24-sec');
    expect(found.slice(1)).toEqual(['k24-sec-scale']);
  });

  it('finds typo neighbours of a word the schedules lack', () => {
    expect(termsNear(fixture, 'postgers')).toEqual(['postgres']);
    expect(termsNear(fixture, 'kubernetes')).toEqual([]);
    expect(deletionKeys('rust')).toEqual([]);
  });
});
