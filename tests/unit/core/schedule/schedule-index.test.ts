// @vitest-environment node
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
  type ScheduleIndex,
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
  const { conferences, talks } = generateSchedules(3, 300, 7);
  const allConferences = [...FIXTURE_CONFERENCES, ...conferences];
  const expectSameIndex = (a: ScheduleIndex, b: ScheduleIndex) => {
    expect(a.talks).toEqual(b.talks);
    expect([...a.titleTerms]).toEqual([...b.titleTerms]);
    expect([...a.nameTerms]).toEqual([...b.nameTerms]);
    expect([...a.deletions]).toEqual([...b.deletions]);
    expect(a.termCounts).toEqual(b.termCounts);
    expect([...a.conferences.values()]).toEqual([...b.conferences.values()]);
  };

  it('give the index buildScheduleIndex builds, talk by talk and term by term, in one run or several', () => {
    const all = [...FIXTURE_TALKS, ...talks];
    const whole = buildScheduleIndex(allConferences, all);
    expectSameIndex(buildPreparedIndex(allConferences, [prepareScheduleTalks(all)]), whole);
    // One run per conference (as storage keeps them), and runs cut anywhere.
    const byConference = new Map<string, MatchableTalk[]>();
    for (const t of all) byConference.set(t.conferenceId, [...(byConference.get(t.conferenceId) ?? []), t]);
    const runs = [...byConference.values()].map((run) => prepareScheduleTalks(run));
    const ordered = [...byConference.values()].flat();
    expectSameIndex(buildPreparedIndex(allConferences, runs), buildScheduleIndex(allConferences, ordered));
    const cuts = [0, 7, 8, 400, all.length].map((n, i, a) => all.slice(a[i - 1] ?? 0, n));
    expectSameIndex(
      buildPreparedIndex(
        allConferences,
        cuts.map((run) => prepareScheduleTalks(run)),
      ),
      whole,
    );
  });

  it('are only read by the index: one preparation serves many builds', () => {
    const runs = [prepareScheduleTalks(FIXTURE_TALKS), prepareScheduleTalks(talks)];
    const copy = structuredClone(runs);
    const a = buildPreparedIndex(allConferences, runs);
    const b = buildPreparedIndex(allConferences, runs);
    expect(runs).toEqual(copy);
    expectSameIndex(a, b);
    expect(b.talks[0]!.forms).toBe(a.talks[0]!.forms);
  });

  it('leave housekeeping out, and take talks prepared one by one before', () => {
    expect(prepareScheduleTalk(FIXTURE_TALKS.find((t) => t.housekeeping)!)).toBeNull();
    const first = FIXTURE_TALKS.find((t) => !t.housekeeping)!;
    const early = prepareScheduleTalk(first)!;
    const run = prepareScheduleTalks(FIXTURE_TALKS, new Map([[first.id, early]]));
    expect(run.talks).toContain(early);
    expect(run.talks).toHaveLength(FIXTURE_TALKS.filter((t) => !t.housekeeping).length);
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
