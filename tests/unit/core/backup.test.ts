import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toJsonSchema } from '@valibot/to-json-schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BACKUP_LIMITS,
  BackupSchema,
  createBackup,
  isTruncatedJson,
  parseBackup,
  serializeBackup,
} from '@/core/backup';
import {
  CollectionRecordSchema,
  HighlightRecordSchema,
  PageRecordSchema,
  SelectorSchema,
  SettingRecordSchema,
  TalkRecordSchema,
} from '@/core/schemas';
import { sampleLibrary } from './backup-fixtures';

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
  it('reads back what createBackup + serializeBackup wrote', () => {
    const result = parseBackup(text());
    expect(result).toEqual({ ok: true, backup: createBackup(sampleLibrary(), EXPORTED_AT), warnings: [] });
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
          b.version = 2;
        }),
      'This backup is version 2, newer than this Talk Notes understands (version 1). Update Talk Notes, then import it again.',
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
          for (let i = 0; i < 40; i++) value = [value];
          b.settings.push({ key: 'future', value });
        }),
      'The backup is not valid: settings[2] (future): the value is too large or too deeply nested.',
    ],
  ])('refuses %s with a message that says so', (_, input, message) => {
    const error = errorOf(input());
    if (typeof message === 'string') expect(error).toBe(message);
    else expect(error).toMatch(message);
  });

  it('accepts references to pages of the library, and unknown settings', () => {
    const input = edited((b) => {
      b.highlights[1]!.pageId = 'in-library';
      b.settings.push({ key: 'fromTheFuture', value: { a: [1, 2, 3] } });
    });
    expect(errorOf(input)).toMatch(/"in-library" is not a page/);
    expect(parseBackup(input, { libraryPageIds: new Set(['in-library']) }).ok).toBe(true);
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
      title: 'Talk Notes backup, version 1',
      description:
        'See docs/backup-format.md. Generated from core/backup.ts by tests/unit/core/backup.test.ts.',
      ...toJsonSchema(BackupSchema, {
        target: 'draft-2020-12',
        // The custom checks (http(s)-only URLs) have no JSON Schema form; docs/backup-format.md states them.
        errorMode: 'ignore',
        definitions: {
          PageRecord: PageRecordSchema,
          TalkRecord: TalkRecordSchema,
          HighlightRecord: HighlightRecordSchema,
          Selector: SelectorSchema,
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
