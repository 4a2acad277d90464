/**
 * Which schedule format a text is, from its content alone (never a file name): frab/pretalx JSON,
 * frab/Pentabarf XML, Sessionize JSON or iCalendar. Web pages, news feeds, our own backups and
 * other JSON are recognized to say so in plain words.
 */
import { BACKUP_FORMAT } from '@/core/backup';
import { ScheduleParseError } from './errors';
import { isRecord } from './read';
import type { ScheduleFormat } from './types';

/** What `sniffSchedule` found: the format (and the parsed JSON), or why it is none. */
export interface SniffedSchedule {
  /** The format the content is written in, also when it is broken (a truncated frab JSON is `frab-json`). */
  format: ScheduleFormat | null;
  /** The text without a byte-order mark. */
  text: string;
  /** The parsed value of a JSON format. */
  json?: unknown;
  /** Set when the text cannot be parsed as a schedule: the error to throw. */
  problem?: ScheduleParseError;
}

const WEB_PAGE =
  'This is a web page, not a schedule file. On the conference’s schedule page, look for an export link (schedule.json, schedule.xml or an .ics calendar) and import that file or its address.';
const KNOWN_FORMATS =
  'Talk Notes reads frab/pretalx schedules (schedule.json or schedule.xml), Sessionize’s “All” JSON and iCalendar (.ics) files.';

/**
 * The schedule format of `text`, or null when it is none Talk Notes reads (or empty, or a web
 * page). Detection reads the content only; a broken file of a known format still gives its format.
 */
export function detectScheduleFormat(text: string): ScheduleFormat | null {
  return sniffSchedule(text).format;
}

/** Looks at `text` once: the format, the parsed JSON, or the problem in plain words. */
export function sniffSchedule(input: string): SniffedSchedule {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const start = text.search(/\S/);
  if (start < 0)
    return { format: null, text, problem: new ScheduleParseError('empty', 'The file is empty.') };
  const head = text.slice(start, start + 64);
  if (head[0] === '{' || head[0] === '[') return sniffJson(text);
  if (head[0] === '<') return sniffMarkup(text, start);
  if (/^BEGIN:VCALENDAR\b/i.test(head)) return { format: 'ical', text };
  if (/^BEGIN:VCARD\b/i.test(head)) {
    return notASchedule(text, `This is a contact card (vCard), not a schedule. ${KNOWN_FORMATS}`);
  }
  return notASchedule(text, `This file is not a schedule Talk Notes can read. ${KNOWN_FORMATS}`);
}

function notASchedule(text: string, message: string): SniffedSchedule {
  return { format: null, text, problem: new ScheduleParseError('not-a-schedule', message) };
}

/** "line 12, column 5" of an offset in `text`. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  return `at line ${before.split('\n').length}, column ${offset - before.lastIndexOf('\n')}`;
}

/**
 * Where JSON.parse stopped, as "at line 12, column 5", from what the engine says: a position
 * (Chromium, Node), a line and column (Firefox), or the text around the error (newer V8, which
 * quotes it instead). An error at the very end says the file seems cut short.
 */
export function jsonErrorPlace(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const cutShort = 'at its end: it seems cut short';
  if (/unexpected end|end of (?:json )?(?:data|input)|unterminated/i.test(message)) return cutShort;
  const lineColumn = /line (\d+) column (\d+)/i.exec(message);
  if (lineColumn) return `at line ${lineColumn[1]}, column ${lineColumn[2]}`;
  const position = /position (\d+)/i.exec(message);
  if (position) {
    const at = Number(position[1]);
    return at >= text.trimEnd().length ? cutShort : lineAndColumn(text, at);
  }
  const quoted = /, (?:\.\.\.)?"([\s\S]+?)"(?:\.\.\.)? is not valid JSON$/.exec(message)?.[1];
  const token = /^Unexpected token '(.+?)'/.exec(message)?.[1];
  const found = quoted ? text.indexOf(quoted) : -1;
  if (found < 0) return 'somewhere';
  const inQuote = token ? quoted!.indexOf(token) : -1;
  return lineAndColumn(text, found + Math.max(0, inQuote));
}

function sniffJson(text: string): SniffedSchedule {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    // Broken JSON: say which format it seems to be, from its first few kilobytes.
    const head = text.slice(0, 4096);
    const format: ScheduleFormat | null = /"schedule"\s*:\s*\{/.test(head)
      ? 'frab-json'
      : /"sessions"\s*:\s*\[/.test(head)
        ? 'sessionize'
        : null;
    const what =
      format === 'frab-json'
        ? 'frab/pretalx schedule JSON'
        : format === 'sessionize'
          ? 'Sessionize JSON'
          : 'JSON';
    return {
      format,
      text,
      problem: new ScheduleParseError(
        'malformed',
        `This ${what} file is broken ${jsonErrorPlace(text, error)}. Download it again; if it still fails, the conference’s export is faulty.`,
        format,
      ),
    };
  }
  if (isRecord(json) && isRecord(json.schedule) && isRecord(json.schedule.conference)) {
    return { format: 'frab-json', text, json };
  }
  if (
    isRecord(json) &&
    Array.isArray(json.sessions) &&
    ['speakers', 'rooms', 'categories'].some((key) => Array.isArray(json[key]))
  ) {
    return { format: 'sessionize', text, json };
  }
  if (isRecord(json) && json.format === BACKUP_FORMAT) {
    return notASchedule(
      text,
      'This is a Talk Notes backup, not a schedule. Restore it with “Import backup” in the dashboard.',
    );
  }
  if (
    Array.isArray(json) &&
    json.some((item) => isRecord(item) && 'groupId' in item && Array.isArray(item.sessions))
  ) {
    return notASchedule(
      text,
      'This is Sessionize’s “Sessions” view, which lacks speaker names and rooms. Export the “All” view (…/api/v2/<id>/view/All) instead.',
    );
  }
  const keys = isRecord(json) ? Object.keys(json).slice(0, 5) : [];
  return notASchedule(
    text,
    `This JSON file is not a schedule Talk Notes knows${keys.length ? ` (its top-level keys: ${keys.map((k) => k.slice(0, 40)).join(', ')})` : ''}. ${KNOWN_FORMATS}`,
  );
}

/** The name of the first element of an XML or HTML text, after its declaration, comments and doctype. */
function rootElement(text: string, from: number): { name: string; doctype: string } {
  let at = from;
  let doctype = '';
  while (at < text.length) {
    at = text.indexOf('<', at);
    if (at < 0) break;
    if (text.startsWith('<?', at)) {
      const end = text.indexOf('?>', at);
      at = end < 0 ? text.length : end + 2;
    } else if (text.startsWith('<!--', at)) {
      const end = text.indexOf('-->', at);
      at = end < 0 ? text.length : end + 3;
    } else if (/^<!doctype/i.test(text.slice(at, at + 9))) {
      // An internal subset [ … ] may hold '>': the doctype ends at the '>' after its ']'.
      const gt = text.indexOf('>', at);
      const bracket = text.indexOf('[', at);
      let end = gt;
      if (bracket >= 0 && (gt < 0 || bracket < gt)) {
        const close = text.indexOf(']', bracket);
        end = close < 0 ? -1 : text.indexOf('>', close);
      }
      doctype = text.slice(at + 9, Math.min(end < 0 ? text.length : end, at + 209)).trim();
      at = end < 0 ? text.length : end + 1;
    } else {
      const name = /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(at, at + 200))?.[1] ?? '';
      return { name, doctype };
    }
  }
  return { name: '', doctype };
}

function sniffMarkup(text: string, start: number): SniffedSchedule {
  const { name, doctype } = rootElement(text, start);
  const root = name.toLowerCase();
  if (root === 'schedule') return { format: 'frab-xml', text };
  if (
    root === 'html' ||
    /^html\b/i.test(doctype) ||
    ['head', 'body', 'meta', 'title', 'div', 'p'].includes(root)
  ) {
    return { format: null, text, problem: new ScheduleParseError('web-page', WEB_PAGE) };
  }
  if (root === 'rss' || root === 'feed' || root === 'rdf:rdf') {
    return notASchedule(text, `This is a news feed (RSS or Atom), not a schedule. ${KNOWN_FORMATS}`);
  }
  if (root === 'icalendar') {
    return notASchedule(
      text,
      `This is an xCal (XML) calendar; Talk Notes reads calendars as .ics files. ${KNOWN_FORMATS}`,
    );
  }
  return notASchedule(
    text,
    root
      ? `This XML file is not a schedule (its root element is <${name.slice(0, 40)}>, not <schedule>). ${KNOWN_FORMATS}`
      : `This file starts like XML or HTML but has no element Talk Notes can read. ${KNOWN_FORMATS}`,
  );
}
