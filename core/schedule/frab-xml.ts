/**
 * frab/Pentabarf schedule XML (`<schedule><conference/><day><room><event/>…`), as FOSDEM, CCC and
 * pretalx publish it. Each `<event>` is read into the keys of a frab JSON event, so both go through
 * the same mapping (frab.ts). XML that declares its own entities is refused before it is parsed.
 */
import { refuseTooManyEvents, ScheduleAssembler, type ScheduleParseOptions } from './assemble';
import { ScheduleParseError } from './errors';
import { frabConference, frabDay, frabEventDraft } from './frab';
import { safeHttpUrl } from './links';
import { SCHEDULE_LIMITS } from './limits';
import type { ParsedSchedule } from './types';
import { parseXmlTree, textContent, type XmlElement, XmlSyntaxError } from './xml-tree';

function children(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

/** `<links><link href="…">title</link></links>` (and attachments) as frab JSON references. */
function references(element: XmlElement, name: string): Record<string, unknown>[] {
  return children(element, name).map((reference) => ({
    url: reference.attributes.href,
    title: textContent(reference),
    type: reference.attributes.type,
  }));
}

/** An `<event>` in the keys of a frab JSON event (a prototype-less object: element names are data). */
function eventRecord(element: XmlElement): Record<string, unknown> {
  const record: Record<string, unknown> = Object.create(null);
  record.id = element.attributes.id;
  record.guid = element.attributes.guid;
  record.code = element.attributes.code;
  for (const child of element.children) {
    if (child.name === 'persons') {
      record.persons = children(child, 'person').map((person) => ({ name: textContent(person) }));
    } else if (child.name === 'links') {
      record.links = references(child, 'link');
    } else if (child.name === 'attachments') {
      record.attachments = references(child, 'attachment');
    } else if (child.name === 'recording') {
      record.recording = { url: textOf(child, 'url'), link: textOf(child, 'link') };
    } else {
      record[child.name] = textContent(child);
    }
  }
  return record;
}

function textOf(element: XmlElement, name: string): string | undefined {
  const child = element.children.find((c) => c.name === name);
  return child ? textContent(child) : undefined;
}

/** The conference element's simple children as a record (`title`, `acronym`, `time_zone_name`…). */
function conferenceRecord(element: XmlElement | undefined): Record<string, unknown> {
  const record: Record<string, unknown> = Object.create(null);
  for (const child of element?.children ?? []) {
    if (child.children.length === 0) record[child.name] = child.text;
  }
  return record;
}

/** Refuses DOCTYPEs that declare entities (billion laughs, external entities): schedules never need them. */
function refuseEntityDeclarations(text: string): void {
  const root = text.indexOf('<schedule');
  const prolog = root < 0 ? text : text.slice(0, root);
  if (/<!DOCTYPE/i.test(prolog) && /<!ENTITY/i.test(prolog)) {
    throw new ScheduleParseError(
      'unsafe',
      'This XML file declares entities of its own (<!ENTITY> in its DOCTYPE), which schedule files never do; it was not read, for safety.',
      'frab-xml',
    );
  }
}

/** Counts `<event` start tags without parsing, to refuse a huge file early. */
function countEvents(text: string): number {
  let count = 0;
  for (let at = text.indexOf('<event'); at >= 0; at = text.indexOf('<event', at + 6)) {
    const next = text.charCodeAt(at + 6);
    // '>', '/', or white space: <event>, <event/>, <event id=…>; not <events> or <event_type>.
    if (next === 62 || next === 47 || next === 32 || next === 9 || next === 10 || next === 13) count++;
  }
  return count;
}

/** A frab/Pentabarf `schedule.xml` as a schedule. */
export function parseFrabXml(text: string, options: ScheduleParseOptions = {}): ParsedSchedule {
  refuseEntityDeclarations(text);
  refuseTooManyEvents(countEvents(text), options, 'frab-xml');
  let root: XmlElement;
  try {
    root = parseXmlTree(text, SCHEDULE_LIMITS.xmlDepth);
  } catch (error) {
    const place =
      error instanceof XmlSyntaxError && error.line !== null
        ? ` at line ${error.line}, column ${error.column}`
        : '';
    const detail = error instanceof Error ? error.message.slice(0, 200) : '';
    throw new ScheduleParseError(
      'malformed',
      `This frab XML schedule is broken${place}${detail ? ` (${detail})` : ''}. Download it again; if it still fails, the conference’s export is faulty.`,
      'frab-xml',
    );
  }
  const conference = conferenceRecord(children(root, 'conference')[0]);
  const base = safeHttpUrl(conference.base_url) ?? safeHttpUrl(textOf(root, 'base_url'));
  const assembler = new ScheduleAssembler('frab-xml', options, base);
  const { draft, zone } = frabConference(conference, assembler);
  for (const day of children(root, 'day')) {
    const frab = frabDay(day.attributes.date, day.attributes.start);
    for (const room of children(day, 'room')) {
      for (const event of children(room, 'event')) {
        assembler.add(frabEventDraft(eventRecord(event), frab, zone, room.attributes.name ?? '', assembler));
      }
    }
  }
  return assembler.finish(draft);
}
