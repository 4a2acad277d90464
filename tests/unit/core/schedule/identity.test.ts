import { describe, expect, it } from 'vitest';
import { type ConferenceIdentity, findSameConference, sameConferenceByName } from '@/core/schedule/identity';

const fosdem: ConferenceIdentity = {
  title: 'FOSDEM 2026',
  acronym: 'fosdem26',
  start: '2026-01-31',
  format: 'frab-xml',
  sourceUrl: 'https://fosdem.example/2026/schedule.xml',
};

describe('sameConferenceByName', () => {
  it.each<[string, Partial<ConferenceIdentity>, Partial<ConferenceIdentity>, boolean]>([
    ['the same acronym, renamed', {}, { title: 'FOSDEM ’26' }, true],
    [
      'the same title in another case and spacing, no acronym',
      { acronym: null },
      { title: ' fosdem 2026 ', acronym: null },
      true,
    ],
    ['the same title, another acronym', {}, { acronym: 'fd26' }, true],
    ['another title and acronym', {}, { title: 'FOSDEM', acronym: 'fd26' }, false],
    ['another year (first day)', {}, { start: '2025-02-01' }, false],
    ['another format', {}, { format: 'ical' }, false],
    ['no first day on either side', { start: null }, { start: null }, true],
    ['an empty acronym is no acronym', { acronym: '', title: 'A' }, { acronym: null, title: 'B' }, false],
  ])('%s -> %s', (_, wanted, other, same) => {
    expect(sameConferenceByName({ ...fosdem, ...wanted }, { ...fosdem, ...other })).toBe(same);
  });
});

describe('findSameConference', () => {
  const byName = { ...fosdem, sourceUrl: null, title: 'fosdem 2026' };
  const bySource = { ...fosdem, title: 'Renamed', acronym: null, start: '2026-02-01' };

  it('prefers the conference from the same source URL, else the first the same by name', () => {
    expect(findSameConference(fosdem, [byName, bySource])).toBe(bySource);
    expect(findSameConference({ ...fosdem, sourceUrl: null }, [byName, bySource])).toBe(byName);
    expect(
      findSameConference({ ...fosdem, sourceUrl: 'https://other.example/x' }, [bySource]),
    ).toBeUndefined();
  });

  it('a schedule from a file (no source URL) never matches another file by a missing URL', () => {
    const fromFile = { ...fosdem, sourceUrl: null, title: 'Other', acronym: null, start: '2020-01-01' };
    expect(findSameConference({ ...fosdem, sourceUrl: null }, [fromFile])).toBeUndefined();
  });
});
