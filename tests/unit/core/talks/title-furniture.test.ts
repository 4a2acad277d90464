/**
 * Furniture around a talk's title line (core/talks/title-parse.ts, people.ts, vocabulary.ts,
 * candidates.ts): a kind of talk with its speakers in parentheses, people before a colon over a "with …"
 * that is the title's own, a person and a dash before a quoted title, kind kickers in more languages,
 * people joined by Latvian and Lithuanian "and", and captions naming a talk's media, which are never a
 * title. Lines and pages made up for the test.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectTalkSections } from '@/core/talks';
import { parseTalkTitle } from '@/core/talks/title-parse';
import { headingRole } from '@/core/talks/vocabulary';

const read = (line: string) => {
  const p = parseTalkTitle(line);
  const speakers = p.speakers.length ? p.speakers : p.prefixPeople;
  return { title: p.titleAfterPrefix ?? p.title, speakers, marker: p.marker };
};

describe('a kind of talk and its speakers in parentheses', () => {
  it.each([
    [
      '⚡ 4. Postmortems Nobody Reads (lightning talk by Farid Haddad)',
      'Postmortems Nobody Reads',
      ['Farid Haddad'],
      'lightning',
    ],
    [
      'Grenzen der Typinferenz (Keynote von Jana Novak)',
      'Grenzen der Typinferenz',
      ['Jana Novak'],
      'keynote',
    ],
    [
      'Colas que no pierden mensajes (charla de Lucía Ortega)',
      'Colas que no pierden mensajes',
      ['Lucía Ortega'],
      'talk',
    ],
  ])('%s', (line, title, speakers, marker) => {
    expect(read(line)).toEqual({ title, speakers, marker });
  });

  it('parentheses with "by" but no kind of talk stay title', () => {
    expect(parseTalkTitle('Notes on Tracing (part two by the way)').speakers).toEqual([]);
  });
});

describe('people before a colon name the speakers; a "with …" behind is the title\'s own', () => {
  it.each([
    [
      "Kenta Obara and Lucía Ferrer: Fuzzing CRuby's GC with Property Tests",
      "Fuzzing CRuby's GC with Property Tests",
      ['Kenta Obara', 'Lucía Ferrer'],
    ],
    [
      'Anna Berg und Jonas Wolf: Lasttests mit Echten Daten',
      'Lasttests mit Echten Daten',
      ['Anna Berg', 'Jonas Wolf'],
    ],
  ])('%s', (line, title, speakers) => {
    expect(read(line)).toMatchObject({ title, speakers });
  });

  it('without people in front, "with Jane Doe" still names the speaker', () => {
    expect(read('Fuzzing the Garbage Collector with Jane Doe')).toMatchObject({
      title: 'Fuzzing the Garbage Collector',
      speakers: ['Jane Doe'],
    });
  });
});

describe('a person and a dash or a colon before a quoted title', () => {
  it.each([
    [
      'Day 2 keynote: Haruto Mizushima — “The Parser Is the Product”',
      'The Parser Is the Product',
      ['Haruto Mizushima'],
    ],
    ['Claire Dubois — « Le cache qui mentait »', 'Le cache qui mentait', ['Claire Dubois']],
    ['Anna Nowak: „Testy bez mocków”', 'Testy bez mocków', ['Anna Nowak']],
  ])('%s', (line, title, speakers) => {
    // The quotation marks say where the title is: the people are its speakers, with nothing to confirm.
    const parsed = parseTalkTitle(line);
    expect([parsed.title, parsed.speakers]).toEqual([title, speakers]);
  });
});

describe('a kicker naming the kind of talk, in more languages', () => {
  it.each([
    ['Atklāšanas runa: Java 25 un Valhalla — Marta Ozoliņa', 'Java 25 un Valhalla'],
    ['Pranešimas: Kafka be skausmo', 'Kafka be skausmo'],
    ['Esitys: Kun SIEM valehtelee', 'Kun SIEM valehtelee'],
    ['Előadás: A monolit visszavág', 'A monolit visszavág'],
    ['Predavanje: Monorepo nije religija', 'Monorepo nije religija'],
  ])('%s', (line, title) => {
    expect(read(line)).toMatchObject({ title, marker: 'talk' });
  });
});

describe('people joined by Latvian "un" and Lithuanian "ir"', () => {
  it.each([
    ['“Observability Without a Budget” (Ilze Kalniņa un Raivis Liepa)', ['Ilze Kalniņa', 'Raivis Liepa']],
    [
      'Profiliavimas be spėlionių — Rūta Kazlauskienė ir Mantas Petraitis',
      ['Rūta Kazlauskienė', 'Mantas Petraitis'],
    ],
  ])('%s', (line, speakers) => {
    expect(parseTalkTitle(line).speakers).toEqual(speakers);
  });
});

describe("a caption naming a talk's media is never a title", () => {
  it.each([
    ['인프콘 2025 세션 영상', 'part'],
    ['PyCon US 2025 session video', 'part'],
    ['講演動画', 'part'],
    ['Vidéo de la session', 'part'],
    ['Vortragsvideo', 'part'],
    ['Making Better Video', null],
    ['Session Recordings Are Hard to Search', null],
  ])('%s', (line, role) => {
    expect(headingRole(line)).toBe(role);
  });

  it("a link card's title is its first line, not the caption under it", () => {
    const card = (id: string, title: string, person: string) =>
      `<figure><a href="https://www.youtube.com/watch?v=${id}"><div><strong>[DevFest Oslo 2025] ${title} | ${person}</strong>
        <p>DevFest Oslo 2025 session video · ${person} (Fjordbyte)</p><p>youtube.com</p></div></a></figure>`;
    const doc = new JSDOM(`<!doctype html><html><head><title>DevFest Oslo 2025</title></head><body><article>
      <h1>DevFest Oslo 2025: the sessions I watched</h1>
      <p>Two sessions from the conference, with the recordings below each.</p>
      ${card('a1', 'Offline First Without Tears', 'Ingrid Dahl')}
      <p>Ingrid showed how her team syncs a field app that loses its network every hour, and what broke first.</p>
      ${card('b2', 'Typed Configs at Scale', 'Sindre Lunde')}
      <p>Sindre moved four hundred services to typed configuration and counted the outages before and after.</p>
      </article></body></html>`).window.document;
    expect(detectTalkSections(doc).map((s) => [s.title, s.speakers])).toEqual([
      ['Offline First Without Tears', ['Ingrid Dahl']],
      ['Typed Configs at Scale', ['Sindre Lunde']],
    ]);
  });
});

describe('a bold title followed by "(lightning talk by …)" is a talk line', () => {
  it('among bold talk lines', () => {
    const doc = new JSDOM(`<!doctype html><html><head><title>SREcon notes</title></head><body><article>
      <h1>SREcon 2025: the talks I keep thinking about</h1>
      <p>Three talks that changed something at work.</p>
      <p><b>Keynote: The Pager Is Tired — Saoirse Byrne</b></p><p>Saoirse counted who led every incident for two years.</p>
      <p><b>SLOs for Batch Jobs — Tomasz Wrona</b></p><p>Tomasz argued that batch jobs deserve deadlines, not success rates.</p>
      <p><b>Runbooks as Code</b> (lightning talk by Ada Mensah)</p><p>Five minutes on keeping runbooks next to the services they describe.</p>
      </article></body></html>`).window.document;
    expect(detectTalkSections(doc).map((s) => [s.title, s.speakers])).toEqual([
      ['The Pager Is Tired', ['Saoirse Byrne']],
      ['SLOs for Batch Jobs', ['Tomasz Wrona']],
      ['Runbooks as Code', ['Ada Mensah']],
    ]);
  });
});
