// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { bylineHandles, handleSpells, linkHandles } from '@/core/talks/handles';

describe('handles', () => {
  it.each([
    ['@orlakeating', 'Orla Keating', true],
    ['@tessaq', 'Tessa Quinlan', true],
    ['@bnowicki', 'Bartek Nowicki', true],
    ['@sade_codes', 'Sade Adeyemi', true],
    ['@keatingorla', 'Orla Keating', true],
    ['@jörgweiß', 'Jörg Weiß', true],
    ['@tessaq', 'Tessa Keating', false],
    ['@dev_ops', 'Orla Keating', false],
    ['@jd', 'Jane Doe', false], // two letters spell too many people
    ['@orla', 'Orla', false], // a name of one word is nobody
  ])('%s spells %s: %s', (handle, name, spells) => {
    expect(handleSpells(handle, name)).toBe(spells);
  });

  it.each([
    ['by @orlakeating', ['@orlakeating']],
    ['— by @bnowicki and @sade_codes', ['@bnowicki', '@sade_codes']],
    ['von @jweiss & @sgross', ['@jweiss', '@sgross']],
    ['Jane (@jd)', ['@jd']],
    ['@jd', ['@jd']],
    ['Follow @nodeconf for the videos', []],
    ['by Jane Doe', []],
    ['mail me at jane@example.com', []],
  ])('the byline %s names %j', (line, handles) => {
    expect(bylineHandles(line)).toEqual(handles);
  });

  it('links each handle to the person it spells, else keeps it', () => {
    expect(linkHandles(['@bnowicki', '@zed'], 'Bartek Nowicki and Sade Adeyemi work on payments.')).toEqual([
      'Bartek Nowicki',
      '@zed',
    ]);
  });
});
