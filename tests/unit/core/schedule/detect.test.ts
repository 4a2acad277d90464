// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { detectScheduleFormat, jsonErrorPlace, sniffSchedule } from '@/core/schedule/detect';
import { fixture } from './fixtures';

describe('detectScheduleFormat', () => {
  it.each([
    ['frab-camp.json', 'frab-json'],
    ['frab-old.json', 'frab-json'],
    ['fosdem-pentabarf.xml', 'frab-xml'],
    ['pretalx-schedule.xml', 'frab-xml'],
    ['sessionize-all.json', 'sessionize'],
    ['pretalx.ics', 'ical'],
    ['sched.ics', 'ical'],
    ['site-calendar.ics', 'ical'],
  ])('%s is %s', (name, format) => {
    expect(detectScheduleFormat(fixture(name))).toBe(format);
    // A byte-order mark and leading white space change nothing.
    expect(detectScheduleFormat(`\ufeff\n  ${fixture(name)}`)).toBe(format);
  });

  it.each([
    ['', null],
    ['   \n\t ', null],
    ['<!DOCTYPE html><html><body>Schedule</body></html>', null],
    ['{"foo": 1}', null],
    ['[1, 2, 3]', null],
    ['just some words', null],
    ['BEGIN:VCARD\nEND:VCARD', null],
    // The content decides, whatever the first bytes of a name would suggest.
    ['<?xml version="1.0"?>\n<!-- exported -->\n<schedule><conference/></schedule>', 'frab-xml'],
    ['begin:vcalendar\nend:vcalendar', 'ical'],
    // Broken, but recognizably a frab or Sessionize file.
    ['{"schedule": {"version": "1", "conference": {"title": "x", "days": [', 'frab-json'],
    ['{"sessions": [{"id": "1", "title": "x"', 'sessionize'],
  ])('%j -> %j', (text, format) => {
    expect(detectScheduleFormat(text)).toBe(format);
  });
});

describe('sniffSchedule', () => {
  it.each([
    ['', 'empty', 'The file is empty.'],
    [
      '<!DOCTYPE html>\n<html lang="en"><head><title>Schedule</title></head></html>',
      'web-page',
      'This is a web page',
    ],
    ['<html><body>', 'web-page', 'This is a web page'],
    [
      '<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x"><html xmlns="http://www.w3.org/1999/xhtml"/>',
      'web-page',
      'This is a web page',
    ],
    ['<?xml version="1.0"?><rss version="2.0"><channel/></rss>', 'not-a-schedule', 'news feed'],
    ['<feed xmlns="http://www.w3.org/2005/Atom"/>', 'not-a-schedule', 'news feed'],
    ['<?xml version="1.0"?><catalog><book/></catalog>', 'not-a-schedule', 'its root element is <catalog>'],
    ['{"format": "talk-notes-backup", "version": 1}', 'not-a-schedule', 'Talk Notes backup'],
    ['[{"groupId": 1, "groupName": "Day 1", "sessions": []}]', 'not-a-schedule', '“Sessions” view'],
    ['{"talks": [], "title": "x"}', 'not-a-schedule', 'its top-level keys: talks, title'],
    ['{"schedule": "not an object"}', 'not-a-schedule', 'not a schedule Talk Notes knows'],
    [
      '{"schedule": {"conference": {"title": "x"}',
      'malformed',
      'frab/pretalx schedule JSON file is broken at its end',
    ],
    ['{"a": 1,\n "b": }', 'malformed', 'This JSON file is broken at line 2, column'],
  ])('%j -> %s', (text, kind, message) => {
    const { problem } = sniffSchedule(text);
    expect(problem?.kind).toBe(kind);
    expect(problem?.message).toContain(message);
  });

  it('parses the JSON once and gives it with the format', () => {
    const sniffed = sniffSchedule('\ufeff{"schedule": {"conference": {"title": "T"}}}');
    expect(sniffed).toMatchObject({
      format: 'frab-json',
      json: { schedule: { conference: { title: 'T' } } },
    });
    expect(sniffed.text.startsWith('{')).toBe(true);
  });
});

describe('jsonErrorPlace', () => {
  it.each([
    [
      new SyntaxError('Unexpected token } in JSON at position 12'),
      '{"a": 1,\n "b": }',
      'at line 2, column 4',
    ],
    [
      new SyntaxError("Expected ',' or '}' after property value in JSON at position 3 (line 1 column 4)"),
      '{"a" 1}',
      'at line 1, column 4',
    ],
    [
      new SyntaxError('JSON.parse: expected property name at line 3 column 7 of the JSON data'),
      '',
      'at line 3, column 7',
    ],
    [new SyntaxError('Unexpected end of JSON input'), '{', 'at its end: it seems cut short'],
    [
      new SyntaxError("Expected ',' or '}' after property value in JSON at position 8"),
      '{"a": 1 ',
      'at its end: it seems cut short',
    ],
    // Newer V8 quotes the text around the error instead of a position.
    [
      new SyntaxError(`Unexpected token '}', "{"a": 1,\n "b": }" is not valid JSON`),
      '{"a": 1,\n "b": }',
      'at line 2, column 7',
    ],
    [
      new SyntaxError(`Unexpected token 'x', ..."  "b": x, "c""... is not valid JSON`),
      '{\n  "a": 1,\n  "b": x, "c": 3}',
      'at line 3, column 8',
    ],
    [new SyntaxError('something else'), '{', 'somewhere'],
  ])('%s', (error, text, expected) => {
    expect(jsonErrorPlace(text, error)).toBe(expected);
  });
});
