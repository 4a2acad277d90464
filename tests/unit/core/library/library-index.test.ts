// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { buildLibraryIndex, siteAt, siteOf } from '@/core/library/library-index';
import { prepareSearch } from '@/core/library/search';
import { CONF_DATA, DATA, ids } from './library-fixtures';

const index = buildLibraryIndex(DATA);

describe('siteOf', () => {
  it.each([
    [{ siteName: 'LWN.net', url: 'https://lwn.net/a' }, 'LWN.net'],
    [{ siteName: '  ', url: 'https://lwn.net/a' }, 'lwn.net'],
    [{ siteName: null, url: 'not a url' }, 'not a url'],
    [undefined, 'Unknown site'],
  ])('%j -> %j', (p, expected) => {
    expect(siteOf(p)).toBe(expected);
  });
});

describe('buildLibraryIndex', () => {
  it('orders highlights newest first and resolves talks and pages', () => {
    expect(ids(index.highlights)).toEqual(['h5', 'h6', 'h2', 'h1', 'h3', 'h4', 'h7', 'h8']);
    const h8 = index.highlights.indexOf(DATA.highlights[7]!);
    expect(index.talkSlot[h8]).toBe(-1);
    expect(index.pageSlot[h8]).toBe(-1);
    expect(siteAt(index, index.highlights.indexOf(DATA.highlights[0]!))).toBe('Conference Notes Blog');
    expect(siteAt(index, h8)).toBe('Unknown site');
  });

  it('builds the search text on first use only', () => {
    const fresh = buildLibraryIndex(DATA);
    expect(fresh.search).toBeNull();
    const text = prepareSearch(fresh);
    expect(prepareSearch(fresh)).toBe(text);
    expect(text.own[fresh.highlights.indexOf(DATA.highlights[2]!)]).toBe(
      'workflows, not technologies\u0001\u0001quote\u0001community',
    );
    expect(text.talks[0]).toBe('kernel live patching\u0001miroslav benes');
  });
});

describe('buildLibraryIndex with conferences', () => {
  const conf = buildLibraryIndex(CONF_DATA);
  const talkOf = (id: string) => {
    const slot = conf.talkSlot[conf.highlights.findIndex((h) => h.id === id)]!;
    return slot < 0 ? null : conf.talks[slot]!.id;
  };

  it.each([
    ['c1', 's-rust'], // page a's talk, matched to the conference talk
    ['c2', 's-rust'], // page b's talk, chosen by the reader
    ['c3', 't-b-pg'], // declined: its own talk
    ['c4', 'p-vacuum'], // filed straight under a conference talk
    ['c5', 't-a-other'], // not linked
    ['c6', 't-c-gone'], // linked to a talk that is gone: its own
  ])('%s is shown under %s', (id, talkId) => {
    expect(talkOf(id)).toBe(talkId);
  });

  it('keeps the conferences by id, and each talk slot’s shown talk', () => {
    expect([...conf.conferencesById.keys()]).toEqual(['pgconf', 'fosdem']);
    const slot = (id: string) => conf.talks.findIndex((t) => t.id === id);
    expect(conf.shownTalk[slot('t-a-rust')]).toBe(slot('s-rust'));
    expect(conf.shownTalk[slot('t-b-pg')]).toBe(slot('t-b-pg'));
    expect(conf.schedule).toBeNull();
  });

  it('finds a conference talk by its room, track, abstract and the titles of its write-ups', () => {
    const text = prepareSearch(conf).talks[conf.talks.findIndex((t) => t.id === 's-rust')]!;
    for (const part of [
      'janson',
      'kernel',
      'memory safety',
      'ada example',
      'rust for linux',
      'kernel rust (notes)',
    ])
      expect(text).toContain(part);
    // A page talk's own text is not given its conference talk's.
    expect(prepareSearch(conf).talks[conf.talks.findIndex((t) => t.id === 't-a-rust')]).toBe(
      'rust for linux',
    );
  });
});
