// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  isLinkedTalk,
  isOffered,
  resolveHighlightTalk,
  resolveTalk,
  resolveTalkId,
} from '@/core/schedule/resolve';
import type { TalkRecord } from '@/core/types';
import { scheduleTalk, talk } from '../library/library-fixtures';

const conferenceTalk = scheduleTalk('s', 'conf', 'Rust in the kernel', 0);
const talks: TalkRecord[] = [
  conferenceTalk,
  { ...talk('matched', 'p', 'Rust for Linux'), scheduleTalkId: 's', scheduleLink: 'matched' },
  { ...talk('chosen', 'q', 'Kernel Rust'), scheduleTalkId: 's', scheduleLink: 'chosen' },
  { ...talk('declined', 'q', 'Rust?'), scheduleTalkId: 's', scheduleLink: 'declined' },
  { ...talk('dangling', 'q', 'Gone'), scheduleTalkId: 'deleted' },
  { ...talk('self', 'q', 'Loop'), scheduleTalkId: 'self' },
  // Malformed: a page talk linked to a page talk (that links on). Only a conference talk is a target.
  { ...talk('chain', 'q', 'Chain'), scheduleTalkId: 'matched' },
  talk('plain', 'p', 'Lightning talks'),
];
const byId = new Map(talks.map((t) => [t.id, t]));

describe('resolveTalk', () => {
  it.each([
    ['a conference talk is itself', 's', 's'],
    ['a matched page talk is its conference talk', 'matched', 's'],
    ['a page talk the reader chose a conference talk for', 'chosen', 's'],
    ['a declined link counts as none', 'declined', 'declined'],
    ['a link to a talk that no longer exists counts as none', 'dangling', 'dangling'],
    ['a talk linked to itself is itself', 'self', 'self'],
    ['a link to a page talk counts as none', 'chain', 'chain'],
    ['an unlinked page talk is itself', 'plain', 'plain'],
  ])('%s', (_, id, expected) => {
    expect(resolveTalk(byId.get(id)!, byId).id).toBe(expected);
    expect(resolveTalkId(id, byId)).toBe(expected);
    expect(isLinkedTalk(byId.get(id)!, byId)).toBe(expected !== id);
  });

  it('leaves no talk and unknown ids alone', () => {
    expect(resolveTalk(undefined, byId)).toBeUndefined();
    expect(resolveTalkId(null, byId)).toBeNull();
    expect(resolveTalkId('unknown', byId)).toBe('unknown');
  });
});

describe('resolveHighlightTalk: the clip guard’s offer on a passage', () => {
  // A second conference talk the guard can name.
  const named = scheduleTalk('n', 'conf', 'Postgres Vacuum Internals', 1);
  const all = new Map([...byId, ['n', named]]);
  it.each([
    [
      'an offer naming the matched talk keeps the passage under its page talk',
      'matched',
      ['n', 's'],
      'matched',
      true,
    ],
    ['no offer: the matched talk', 'matched', undefined, 's', false],
    ['an empty offer: the matched talk', 'matched', [], 's', false],
    ['an offer left from another match stands for nothing', 'matched', ['n'], 's', false],
    ['a talk the reader linked: the offer stands for nothing', 'chosen', ['n', 's'], 's', false],
    ['a talk no longer linked: its own', 'plain', ['n', 's'], 'plain', false],
    ['a passage filed under a conference talk directly', 'n', ['n', 's'], 'n', false],
  ] as const)('%s', (_, talkId, scheduleCandidates, expected, offered) => {
    const passage = {
      talkId,
      ...(scheduleCandidates ? { scheduleCandidates: [...scheduleCandidates] } : {}),
    };
    expect(resolveHighlightTalk(passage, all)?.id).toBe(expected);
    expect(isOffered(passage, all)).toBe(offered);
  });

  it('a passage under no talk is under none', () => {
    expect(resolveHighlightTalk({ talkId: null, scheduleCandidates: ['s'] }, all)).toBeUndefined();
  });
});
