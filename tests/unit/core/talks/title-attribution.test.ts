/**
 * Title furniture that joins people to a quoted title (held-out round 13, docs/talk-detection.md): a
 * person and a dash or a colon before the quoted title, a quoted title and one lower-case word (a
 * preposition of any language) before its speakers, "--" written for a dash in plain text, and a
 * "Closing session:" kind in front.
 */
import { describe, expect, it } from 'vitest';
import { parseTalkTitle } from '@/core/talks/title-parse';

describe('people joined to a quoted title', () => {
  it.each([
    [
      '«Kotlin Multiplatform: ett år etter» med Sofie Lunde og Henrik Bakke',
      'Kotlin Multiplatform: ett år etter',
      ['Sofie Lunde', 'Henrik Bakke'],
    ],
    ['“Graphs Without Tears” with Jane Okafor', 'Graphs Without Tears', ['Jane Okafor']],
    [
      '„Wenn der Cache lügt“ mit Jana Novak und Lars Brandt',
      'Wenn der Cache lügt',
      ['Jana Novak', 'Lars Brandt'],
    ],
    ['«Le test qui ment» avec Chloé Martin', 'Le test qui ment', ['Chloé Martin']],
    ['“Migrar sin miedo” con Lucía Ferrer', 'Migrar sin miedo', ['Lucía Ferrer']],
    [
      'Magnus Eide – «Virtual Threads in Production at a Nordic Bank»',
      'Virtual Threads in Production at a Nordic Bank',
      ['Magnus Eide'],
    ],
    [
      'Sal 2: Magnus Eide – «Virtual Threads in Production»',
      'Virtual Threads in Production',
      ['Magnus Eide'],
    ],
    ['Ana Sousa: “Filas que não perdem mensagens”', 'Filas que não perdem mensagens', ['Ana Sousa']],
    [
      'ZFS Boot Environments in Anger -- Mark Pelletier',
      'ZFS Boot Environments in Anger',
      ['Mark Pelletier'],
    ],
  ])('%s', (line, title, speakers) => {
    const parsed = parseTalkTitle(line);
    expect([parsed.title, parsed.speakers]).toEqual([title, speakers]);
  });

  it.each([
    // What follows the quote is no person: the title stays the quote's, and no one is named.
    ['“Graphs Without Tears” with examples in Rust', []],
    ['«Feil i produksjon» og andre historier', []],
  ])('%s names no speaker', (line, speakers) => {
    expect(parseTalkTitle(line).speakers).toEqual(speakers);
  });
});

describe('a closing or opening session in front is the line’s kind', () => {
  it.each([
    [
      'Closing session: The Network Stack Nobody Profiles, by Lucas Fenwick',
      'The Network Stack Nobody Profiles',
      ['Lucas Fenwick'],
    ],
    ['Opening session: Why Ports Still Matter', 'Why Ports Still Matter', []],
    ['Plenary session: Ten Years of Reproducible Builds', 'Ten Years of Reproducible Builds', []],
  ])('%s', (line, title, speakers) => {
    const parsed = parseTalkTitle(line);
    expect([parsed.title, parsed.speakers, parsed.marker]).toEqual([title, speakers, 'talk']);
  });
});
