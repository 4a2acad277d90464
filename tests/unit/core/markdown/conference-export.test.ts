import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { conferenceToMarkdown } from '@/core/markdown/conference-export';
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions } from '@/core/markdown/export-options';
import { TemplateError } from '@/core/markdown/export';
import { scheduleDetails, talkLinks } from '@/core/markdown/schedule-details';
import type { ConferenceRecord, HighlightRecord, TalkRecord } from '@/core/types';
import { conference, page, scheduleTalk, talk } from '../library/library-fixtures';
import { exportInput, FIXTURES, goldenFiles, highlight, hostileText } from './export-fixtures';
import { activeParts } from './markdown-oracle';

describe('conferenceToMarkdown golden files', () => {
  goldenFiles(join(FIXTURES, 'conference'), (fixture) =>
    conferenceToMarkdown({
      ...exportInput(fixture),
      conference: fixture.conferences!.find((c) => c.id === fixture.conferenceId)!,
    }),
  );
});

const BRUSSELS = { timeZone: 'Europe/Brussels' };

describe('scheduleDetails', () => {
  it.each<[string, Partial<TalkRecord>, string | null]>([
    ['nothing to say', { type: null }, null],
    [
      'a full talk',
      {
        ...BRUSSELS,
        start: '2026-01-31T09:00:00Z',
        end: '2026-01-31T09:50:00Z',
        room: 'Janson',
        track: 'Kernel',
        type: 'talk',
        speakers: ['Ada Example', ' '],
        links: [
          { kind: 'slides', url: 'https://s.example/a b.pdf', title: null },
          { kind: 'recording', url: 'https://v.example/r.webm', title: null },
        ],
        url: 'https://conf.example/e/1',
      },
      [
        '- **When:** 2026-01-31, 10:00–10:50',
        '- **Room:** Janson',
        '- **Track:** Kernel',
        '- **Type:** talk',
        '- **Speakers:** Ada Example',
        '- **Links:** [Recording](https://v.example/r.webm) · [Slides](https://s.example/a%20b.pdf) · [Schedule](https://conf.example/e/1)',
      ].join('\n'),
    ],
    ['a day only', { day: '2026-02-01', type: null }, '- **When:** 2026-02-01'],
    [
      'hostile schedule text stays text',
      { room: '# Room <b>', track: '[x](javascript:alert(1))', type: null },
      '- **Room:** \\# Room \\<b>\n- **Track:** \\[x\\](javascript:alert(1))',
    ],
    [
      'dropped from the schedule',
      { type: null, removedFromSchedule: true },
      '- **Note:** no longer in the schedule',
    ],
  ])('%s', (_, fields, expected) => {
    expect(scheduleDetails(scheduleTalk('s', 'c', 'T', 0, fields))).toBe(expected);
  });
});

describe('talkLinks', () => {
  it.each<[string, Partial<TalkRecord>, ReturnType<typeof talkLinks>]>([
    ['none', {}, { recording: null, slides: null, schedule: null }],
    [
      'the first usable link of each kind',
      {
        links: [
          { kind: 'recording', url: 'javascript:alert(1)', title: null },
          { kind: 'recording', url: 'https://v.example/1.mp4', title: null },
          { kind: 'recording', url: 'https://v.example/2.mp4', title: null },
          { kind: 'other', url: 'https://x.example/', title: null },
          { kind: 'schedule', url: 'https://conf.example/e/1', title: null },
        ],
        url: 'https://conf.example/other',
      },
      { recording: 'https://v.example/1.mp4', slides: null, schedule: 'https://conf.example/e/1' },
    ],
    [
      'the talk’s own page as its schedule link',
      { url: 'https://conf.example/e/(2)' },
      { recording: null, slides: null, schedule: 'https://conf.example/e/%282%29' },
    ],
    ['no data: URL', { url: 'data:text/html,hi' }, { recording: null, slides: null, schedule: null }],
  ])('%s', (_, fields, expected) => {
    expect(talkLinks(scheduleTalk('s', 'c', 'T', 0, fields))).toEqual(expected);
  });
});

function hl(id: string, talkId: string | null, fields: Partial<HighlightRecord> = {}): HighlightRecord {
  return highlight({ id, pageId: 'a', talkId, text: `passage ${id}`, position: 0, ...fields }, [page('a')]);
}

function exportConference(
  conf: ConferenceRecord,
  talks: TalkRecord[],
  highlights: HighlightRecord[],
  options: Partial<ExportOptions> = {},
) {
  return conferenceToMarkdown({
    conference: conf,
    highlights,
    pages: [page('a')],
    talks,
    colorNames: {},
    options: { ...DEFAULT_EXPORT_OPTIONS, ...options },
    exportedAt: 0,
  });
}

describe('conferenceToMarkdown', () => {
  const conf = conference('c', { title: 'Conf', start: '2026-01-31' });
  const talks = [
    scheduleTalk('late', 'c', 'Late', 2),
    scheduleTalk('early', 'c', 'Early', 1),
    scheduleTalk('unread', 'c', 'Unread', 0),
    { ...talk('linked', 'a', 'Write-up of Late'), scheduleTalkId: 'late', scheduleLink: 'matched' as const },
    scheduleTalk('elsewhere', 'other', 'Another conference', 0),
  ];

  it('has a section per talk with passages, in schedule order; the rest is left out', () => {
    const md = exportConference(
      conf,
      talks,
      [hl('1', 'linked'), hl('2', 'early'), hl('3', 'elsewhere'), hl('4', null)],
      { includeFrontMatter: false, groupBy: 'tag' },
    );
    expect(md).toBe(
      `${[
        '# Conf',
        '2026-01-31',
        '## Early',
        '- **Type:** talk',
        '> passage 2',
        '— [Page a](https://a.example/post#:~:text=passage%202)',
        '## Late',
        '- **Type:** talk',
        '> passage 1',
        '— [Page a](https://a.example/post#:~:text=passage%201)',
      ].join('\n\n')}\n`,
    );
  });

  it('leaves out a passage the clip guard offered until the reader decides', () => {
    const offered = hl('5', 'linked', { scheduleCandidates: ['early', 'late'] });
    const md = exportConference(conf, talks, [hl('1', 'linked'), offered], { includeFrontMatter: false });
    expect(md).toContain('> passage 1');
    expect(md).not.toContain('passage 5');
  });

  it('throws a TemplateError for a bad template', () => {
    expect(() => exportConference(conf, talks, [hl('2', 'early')], { template: '{{rooom}}' })).toThrow(
      TemplateError,
    );
  });

  it('schedule text adds no structure: one title, one heading per talk, valid front matter', () => {
    const hostile = hostileText;
    fc.assert(
      fc.property(hostile, hostile, hostile, hostile, (title, talkTitle, room, link) => {
        const c = conference('c', { title, start: '2026-01-31', sourceFile: room });
        const t = scheduleTalk('t', 'c', talkTitle, 0, {
          room,
          track: title,
          speakers: [room],
          links: [{ kind: 'recording', url: link, title: null }],
        });
        const md = exportConference(c, [t], [hl('1', 't')]);
        const end = md.indexOf('\n---\n', 3);
        for (const version of ['1.1', '1.2'] as const) {
          expect(YAML.parse(md.slice(4, end), { version })).toMatchObject({
            title,
            start: '2026-01-31',
            ...(room ? { source: room } : {}),
            highlights: 1,
            talks: 1,
          });
        }
        for (const parts of activeParts(md.slice(end + 5))) {
          expect(parts.headings.map((h) => h.slice(0, 3))).toEqual(['h1 ', 'h2 ']);
          expect(parts.html).toEqual([]);
          for (const href of parts.links) expect(href).toMatch(/^https?:\/\//);
        }
      }),
    );
  });
});
