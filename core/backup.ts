/**
 * The backup file: one versioned JSON document with everything in the library (pages, conferences,
 * talks, highlights, collections, settings), documented in docs/backup-format.md with its JSON Schema
 * (docs/backup.schema.json, generated from {@link BackupSchema} by tests/unit/core/backup.test.ts).
 *
 * A file to import is untrusted: {@link parseBackup} checks, in order, that it is JSON (and not cut
 * short), that it is a Talk Notes backup of a version we understand, that every record matches its
 * schema (sizes and times bounded), that ids are unique and that records refer to pages and
 * conferences that exist. Its messages say what is wrong and where (`highlights[3].text: ...`), so a
 * reader can act on them. Settings this version does not know are left out, and the ones that change
 * what exports write ({@link HELD_SETTINGS}) are held back for the reader to apply. A version 1 file
 * (before conferences) is read as a version 2 one without conferences.
 */
import * as v from 'valibot';
import {
  CollectionRecordSchema,
  ConferenceRecordSchema,
  HighlightRecordSchema,
  isPlausibleTime,
  PageRecordSchema,
  SettingRecordSchema,
  TalkRecordSchema,
} from './schemas';
import { parseSetting, SETTINGS, type SettingKey } from './settings';
import type {
  CollectionRecord,
  ConferenceRecord,
  HighlightRecord,
  PageRecord,
  SettingRecord,
  TalkRecord,
} from './types';

export const BACKUP_FORMAT = 'talk-notes-backup';
/**
 * The version this code writes. Bump it (and read the previous one in {@link parseBackup}) when
 * records change shape. 2 added conferences and conference talks; 1 is still read.
 */
export const BACKUP_VERSION = 2;

/** Bounds: a backup must not make us allocate without limit. */
export const BACKUP_LIMITS = {
  /** Characters of JSON text (about the file size in bytes for mostly ASCII text). */
  chars: 256 * 1024 * 1024,
  pages: 200_000,
  conferences: 10_000,
  talks: 500_000,
  highlights: 1_000_000,
  collections: 100_000,
  settings: 1_000,
  /** JSON characters of one setting's value, and its nesting depth. */
  settingChars: 1_000_000,
  settingDepth: 32,
} as const;

/** Everything in a library, as records. */
export interface LibraryData {
  pages: PageRecord[];
  /** Imported conference schedules; their talks are in `talks` (with `conferenceId`, no page). */
  conferences: ConferenceRecord[];
  talks: TalkRecord[];
  highlights: HighlightRecord[];
  collections: CollectionRecord[];
  settings: SettingRecord[];
}

export interface Backup extends LibraryData {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO 8601 timestamp of the export. */
  exportedAt: string;
}

const bounded = <T extends v.GenericSchema>(schema: T, max: number) =>
  v.pipe(v.array(schema), v.maxLength(max));

/** The shape of a version 2 backup. */
export const BackupSchema = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  exportedAt: v.pipe(
    v.string(),
    v.maxLength(100),
    v.isoTimestamp(),
    v.check(
      (at) => isPlausibleTime(Date.parse(at)),
      (issue) => `${issue.input} is not a date a backup can have been made`,
    ),
  ),
  pages: bounded(PageRecordSchema, BACKUP_LIMITS.pages),
  conferences: bounded(ConferenceRecordSchema, BACKUP_LIMITS.conferences),
  talks: bounded(TalkRecordSchema, BACKUP_LIMITS.talks),
  highlights: bounded(HighlightRecordSchema, BACKUP_LIMITS.highlights),
  collections: bounded(CollectionRecordSchema, BACKUP_LIMITS.collections),
  settings: bounded(SettingRecordSchema, BACKUP_LIMITS.settings),
});

true satisfies [v.InferOutput<typeof BackupSchema>] extends [Backup] ? true : never;

/**
 * Version 1: the same records without `conferences` (talks then always had a page). Read with
 * today's record schemas and checks, so a version 1 file as its exporter wrote it imports as before.
 */
const BackupV1Schema = v.object({
  ...v.omit(BackupSchema, ['conferences']).entries,
  version: v.literal(1),
});

/** A version 1 backup as version 2: no conferences. */
function fromVersion1(backup: v.InferOutput<typeof BackupV1Schema>): Backup {
  return { ...backup, version: BACKUP_VERSION, conferences: [] };
}

/** A backup of `data` made at `exportedAt` (ms since the epoch). */
export function createBackup(data: LibraryData, exportedAt: number): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(exportedAt).toISOString(),
    pages: data.pages,
    conferences: data.conferences,
    talks: data.talks,
    highlights: data.highlights,
    collections: data.collections,
    settings: data.settings,
  };
}

/** The file's text: compact JSON (50,000 highlights stay tens of megabytes, not hundreds). */
export function serializeBackup(backup: Backup): string {
  return `${JSON.stringify(backup)}\n`;
}

/**
 * A parsed backup: `backup` is what an import merges; `held` are the file's settings that change what
 * exports write ({@link HELD_SETTINGS}, values read with their schema), kept out of `backup` for the
 * reader to see and apply themselves.
 */
export type ParseBackupResult =
  | { ok: true; backup: Backup; warnings: string[]; held: SettingRecord[] }
  | { ok: false; error: string };

/**
 * Settings a backup does not apply silently: they change what every later export writes (a template's
 * text goes into each one), so a file from elsewhere could plant beacons or links in them. An import
 * shows them; the reader applies them or not.
 */
export const HELD_SETTINGS: readonly SettingKey[] = ['exportOptions'];

export interface ParseBackupOptions {
  /** Pages already in the library: records of the file may refer to them. */
  libraryPageIds?: ReadonlySet<string>;
  /** Conferences already in the library: talks of the file may belong to them. */
  libraryConferenceIds?: ReadonlySet<string>;
  /** Conference talks already in the library: page talks of the file may link to them. */
  libraryConferenceTalkIds?: ReadonlySet<string>;
}

const MAX_LISTED_ISSUES = 3;

/** Validates a backup file's text; see the module comment. Never throws. */
export function parseBackup(text: string, options: ParseBackupOptions = {}): ParseBackupResult {
  const fail = (error: string): ParseBackupResult => ({ ok: false, error });
  if (text.length > BACKUP_LIMITS.chars) {
    return fail(
      `The file is too large: ${megabytes(text.length)} MB, the limit is ${megabytes(BACKUP_LIMITS.chars)} MB.`,
    );
  }
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (!trimmed) return fail('The file is empty.');
  let data: unknown;
  try {
    data = JSON.parse(trimmed);
  } catch (error) {
    if (!/^[{[]/.test(trimmed)) {
      return fail(`The file is not JSON: it starts with ${JSON.stringify(trimmed.slice(0, 20))}.`);
    }
    if (isTruncatedJson(trimmed)) {
      return fail(
        'The file is truncated: its JSON stops in the middle. The download or copy was probably interrupted.',
      );
    }
    return fail(`The file is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
  const problem = formatProblem(data);
  if (problem) return fail(problem);

  const parsed = readRecords(data as { version: number });
  if (!parsed.ok) {
    const listed = parsed.issues.slice(0, MAX_LISTED_ISSUES).map(describeIssue);
    const more = parsed.issues.length - listed.length;
    return fail(
      `The backup is not valid: ${listed.join('; ')}${more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'})` : ''}.`,
    );
  }
  const errors = [
    ...settingProblems(parsed.backup.settings),
    ...duplicateProblems(parsed.backup),
    ...talkKindProblems(parsed.backup.talks),
    ...referenceProblems(parsed.backup, options),
  ];
  if (errors.length > 0) {
    const more = errors.length - MAX_LISTED_ISSUES;
    return fail(
      `The backup is not valid: ${errors.slice(0, MAX_LISTED_ISSUES).join('; ')}${more > 0 ? ` (and ${more} more)` : ''}.`,
    );
  }
  const { backup: linked, droppedLinks } = dropUnknownScheduleLinks(
    parsed.backup,
    options.libraryConferenceTalkIds ?? new Set(),
  );
  const { settings, held, unknown } = sortSettings(linked.settings);
  const backup = settings === linked.settings ? linked : { ...linked, settings };
  return {
    ok: true,
    backup,
    warnings: [
      ...droppedLinkWarnings(droppedLinks),
      ...danglingTalkWarnings(backup),
      ...unknownSettingWarnings(unknown),
    ],
    held,
  };
}

/**
 * The settings an import applies (known, not held), the held ones (their values read with their
 * schema) and the keys of unknown ones, which are dropped: nothing this version does not know is stored.
 */
function sortSettings(all: SettingRecord[]): {
  settings: SettingRecord[];
  held: SettingRecord[];
  unknown: string[];
} {
  const known = (s: SettingRecord) => Object.hasOwn(SETTINGS, s.key);
  const isHeld = (s: SettingRecord) => HELD_SETTINGS.includes(s.key as SettingKey);
  const settings = all.filter((s) => known(s) && !isHeld(s));
  return {
    settings: settings.length === all.length ? all : settings,
    held: all
      .filter((s) => known(s) && isHeld(s))
      .map((s) => ({ key: s.key, value: parseSetting(s.key as SettingKey, s.value) })),
    unknown: all.filter((s) => !known(s)).map((s) => s.key),
  };
}

function unknownSettingWarnings(keys: readonly string[]): string[] {
  if (keys.length === 0) return [];
  const named = keys
    .slice(0, MAX_LISTED_ISSUES)
    .map((k) => JSON.stringify(k.slice(0, 60)))
    .join(', ');
  const more = keys.length > MAX_LISTED_ISSUES ? ', …' : '';
  return [
    `${keys.length === 1 ? '1 setting this version does not know was' : `${keys.length} settings this version does not know were`} left out (${named}${more}).`,
  ];
}

/** The records of a file whose format and version were checked: version 1 is read as version 2. */
function readRecords(data: {
  version: number;
}): { ok: true; backup: Backup } | { ok: false; issues: v.BaseIssue<unknown>[] } {
  if (data.version === 1) {
    const v1 = v.safeParse(BackupV1Schema, data);
    return v1.success ? { ok: true, backup: fromVersion1(v1.output) } : { ok: false, issues: v1.issues };
  }
  const v2 = v.safeParse(BackupSchema, data);
  return v2.success ? { ok: true, backup: v2.output as Backup } : { ok: false, issues: v2.issues };
}

function megabytes(chars: number): string {
  return (chars / (1024 * 1024)).toFixed(chars < 10 * 1024 * 1024 ? 1 : 0);
}

/** Format and version, checked before the records so a wrong file gets a message about what it is. */
function formatProblem(data: unknown): string | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return `This is not a Talk Notes backup: the file holds ${Array.isArray(data) ? 'a list' : `a ${data === null ? 'null' : typeof data}`}, not a backup object.`;
  }
  const record = data as Record<string, unknown>;
  if (record.format !== BACKUP_FORMAT) {
    if (record.type === 'AnnotationCollection') {
      return 'This is a Web Annotation export, not a backup: import a file made with "Export backup".';
    }
    return `This is not a Talk Notes backup: its "format" is ${record.format === undefined ? 'missing' : JSON.stringify(record.format)?.slice(0, 60)}, expected "${BACKUP_FORMAT}".`;
  }
  const version = record.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return `The backup's version is ${version === undefined ? 'missing' : JSON.stringify(version)?.slice(0, 30)}: expected a whole number.`;
  }
  if (version > BACKUP_VERSION) {
    return `This backup is version ${version}, newer than this Talk Notes understands (version ${BACKUP_VERSION}). Update Talk Notes, then import it again.`;
  }
  return null;
}

/** `highlights[3].selectors[0].exact: Invalid length: ...` */
function describeIssue(issue: v.BaseIssue<unknown>): string {
  let path = '';
  for (const item of issue.path ?? []) {
    const key = item.key;
    path += typeof key === 'number' ? `[${key}]` : path ? `.${String(key)}` : String(key);
  }
  // valibot words a missing property as an invalid key; say it plainly.
  const message = issue.type === 'object' && issue.received === 'undefined' ? 'missing' : issue.message;
  return path ? `${path}: ${message}` : message;
}

/**
 * True when the text is a JSON prefix that stops inside a string or an open object/array: the file was
 * cut short rather than written wrong.
 */
export function isTruncatedJson(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth < 0) return false;
    }
  }
  return inString || depth > 0;
}

/** Known settings must have valid values, small and shallow (unknown ones are left out, not read). */
function settingProblems(settings: readonly SettingRecord[]): string[] {
  const problems: string[] = [];
  settings.forEach((setting, i) => {
    if (!Object.hasOwn(SETTINGS, setting.key)) return;
    const size = jsonSize(setting.value);
    if (size.chars > BACKUP_LIMITS.settingChars || size.depth > BACKUP_LIMITS.settingDepth) {
      problems.push(`settings[${i}] (${setting.key}): the value is too large or too deeply nested`);
      return;
    }
    const result = v.safeParse(SETTINGS[setting.key as SettingKey].schema, setting.value);
    if (!result.success) problems.push(`settings[${i}] (${setting.key}): ${describeIssue(result.issues[0])}`);
  });
  return problems;
}

/** Characters (roughly, as JSON) and nesting depth of a JSON value, without recursion. */
function jsonSize(value: unknown): { chars: number; depth: number } {
  let chars = 0;
  let depth = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0 && chars <= BACKUP_LIMITS.settingChars && depth <= BACKUP_LIMITS.settingDepth) {
    const [item, level] = stack.pop()!;
    depth = Math.max(depth, level);
    if (typeof item === 'string') chars += item.length + 2;
    else if (item && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        chars += key.length + 4;
        stack.push([child, level + 1]);
      }
      chars += 2;
    } else chars += String(item).length;
  }
  return { chars, depth };
}

function duplicateProblems(backup: Backup): string[] {
  const problems: string[] = [];
  /** `keyOf` gives null for a record the rule does not apply to. */
  const unique = <T>(table: string, records: readonly T[], keyOf: (r: T) => string | null, what: string) => {
    const first = new Map<string, number>();
    records.forEach((record, i) => {
      const key = keyOf(record);
      if (key === null) return;
      const earlier = first.get(key);
      if (earlier === undefined) first.set(key, i);
      else
        problems.push(
          `${table}[${i}].${what} duplicates ${table}[${earlier}].${what} (${JSON.stringify(key)})`,
        );
    });
  };
  unique('pages', backup.pages, (p) => p.id, 'id');
  unique('pages', backup.pages, (p) => p.url, 'url');
  unique('conferences', backup.conferences, (c) => c.id, 'id');
  unique('talks', backup.talks, (t) => t.id, 'id');
  // A conference lists each of its events once: the merge finds a conference talk by this pair.
  unique(
    'talks',
    backup.talks,
    (t) => (t.conferenceId === undefined ? null : `${t.conferenceId} ${t.scheduleId}`),
    'scheduleId',
  );
  unique('highlights', backup.highlights, (h) => h.id, 'id');
  unique('collections', backup.collections, (c) => c.id, 'id');
  unique('settings', backup.settings, (s) => s.key, 'key');
  return problems;
}

/**
 * A talk is a page's (`pageId`) or a conference's (`conferenceId` and `scheduleId`, no page): never
 * both, never neither.
 */
function talkKindProblems(talks: readonly TalkRecord[]): string[] {
  const problems: string[] = [];
  talks.forEach((talk, i) => {
    if (talk.pageId !== null && talk.conferenceId !== undefined)
      problems.push(`talks[${i}] has both a pageId and a conferenceId: a talk is a page's or a conference's`);
    else if (talk.pageId === null && talk.conferenceId === undefined)
      problems.push(`talks[${i}] has neither a pageId nor a conferenceId`);
    else if (talk.conferenceId !== undefined && talk.scheduleId === undefined)
      problems.push(`talks[${i}].scheduleId: missing (a conference's talk has one)`);
  });
  return problems;
}

/**
 * Talks and highlights must belong to a page of the file or of the library, and a conference's talks
 * to a conference of the file or of the library.
 */
function referenceProblems(backup: Backup, library: ParseBackupOptions): string[] {
  const problems: string[] = [];
  const check = <T>(
    table: string,
    records: readonly T[],
    field: string,
    idOf: (record: T) => string | null | undefined,
    what: string,
    inFile: ReadonlySet<string>,
    inLibrary: ReadonlySet<string> = new Set(),
  ) => {
    records.forEach((record, i) => {
      const id = idOf(record);
      // A conference's talk has no page; a page's talk no conference.
      if (id === null || id === undefined) return;
      if (!inFile.has(id) && !inLibrary.has(id)) {
        problems.push(
          `${table}[${i}].${field} ${JSON.stringify(id)} is not ${what} in this file or in your library`,
        );
      }
    });
  };
  const pageIds = new Set(backup.pages.map((p) => p.id));
  const conferenceIds = new Set(backup.conferences.map((c) => c.id));
  check('talks', backup.talks, 'pageId', (t) => t.pageId, 'a page', pageIds, library.libraryPageIds);
  check(
    'talks',
    backup.talks,
    'conferenceId',
    (t) => t.conferenceId,
    'a conference',
    conferenceIds,
    library.libraryConferenceIds,
  );
  check(
    'highlights',
    backup.highlights,
    'pageId',
    (h) => h.pageId,
    'a page',
    pageIds,
    library.libraryPageIds,
  );
  return problems;
}

/**
 * A page talk's links to conference talks (`scheduleTalkId`, `scheduleCandidates`), each id given to
 * `resolve`: the id it gives back is kept (the link follows a talk matched to another id), null drops
 * the link. A dropped `scheduleTalkId` takes its `matched`/`chosen` state with it (a `declined` stays:
 * the reader said no to the matcher), and the passages show under the page talk again. The same
 * record when nothing changes. Used when reading a backup and when merging it.
 */
export function resolveScheduleLinks(talk: TalkRecord, resolve: (id: string) => string | null): TalkRecord {
  if (talk.scheduleTalkId === undefined && talk.scheduleCandidates === undefined) return talk;
  const next: TalkRecord = { ...talk };
  if (talk.scheduleTalkId !== undefined) {
    const linked = resolve(talk.scheduleTalkId);
    if (linked !== null) next.scheduleTalkId = linked;
    else {
      delete next.scheduleTalkId;
      if (next.scheduleLink !== 'declined') delete next.scheduleLink;
    }
  }
  if (talk.scheduleCandidates !== undefined) {
    const candidates = talk.scheduleCandidates.map(resolve).filter((id): id is string => id !== null);
    if (candidates.length > 0) next.scheduleCandidates = [...new Set(candidates)];
    else delete next.scheduleCandidates;
  }
  return sameLinks(talk, next) ? talk : next;
}

function sameLinks(a: TalkRecord, b: TalkRecord): boolean {
  return (
    a.scheduleTalkId === b.scheduleTalkId &&
    a.scheduleLink === b.scheduleLink &&
    JSON.stringify(a.scheduleCandidates) === JSON.stringify(b.scheduleCandidates)
  );
}

/**
 * Links to conference talks that are neither conference talks of the file nor of the library are
 * dropped, not refused: the talk and its passages are kept under their page.
 */
function dropUnknownScheduleLinks(
  backup: Backup,
  libraryConferenceTalkIds: ReadonlySet<string>,
): { backup: Backup; droppedLinks: number } {
  const known = new Set(backup.talks.filter((t) => t.conferenceId !== undefined).map((t) => t.id));
  let droppedLinks = 0;
  const talks = backup.talks.map((talk) => {
    const next = resolveScheduleLinks(talk, (id) =>
      known.has(id) || libraryConferenceTalkIds.has(id) ? id : null,
    );
    if (talk.scheduleTalkId !== undefined && next.scheduleTalkId === undefined) droppedLinks++;
    return next;
  });
  return {
    backup: talks.every((t, i) => t === backup.talks[i]) ? backup : { ...backup, talks },
    droppedLinks,
  };
}

function droppedLinkWarnings(dropped: number): string[] {
  return dropped > 0
    ? [
        dropped === 1
          ? '1 talk was linked to a conference talk that is neither in the file nor in your library: the link was dropped, and its passages stay under that talk.'
          : `${dropped} talks were linked to conference talks that are neither in the file nor in your library: the links were dropped, and their passages stay under those talks.`,
      ]
    : [];
}

/** A highlight whose talk is missing is kept (it exports under its page); the reader is told. */
function danglingTalkWarnings(backup: Backup): string[] {
  const talkIds = new Set(backup.talks.map((t) => t.id));
  const dangling = backup.highlights.filter((h) => h.talkId !== null && !talkIds.has(h.talkId)).length;
  return dangling > 0
    ? [`${dangling} highlight${dangling === 1 ? ' refers' : 's refer'} to a talk that is not in the file.`]
    : [];
}
