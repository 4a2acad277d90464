import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectTalkSections } from '@/core/talks';
import { declaredTalkFor, declaredTalks } from '@/core/talks/structured-data';

const ld = (data: unknown) => `<script type="application/ld+json">${JSON.stringify(data)}</script>`;
const doc = (body: string) =>
  new JSDOM(`<!doctype html><title>JS Day 2024 recordings</title><body>${body}</body>`, {
    url: 'https://conf.example/2024',
  }).window.document;

describe('declaredTalks', () => {
  it('reads Events, VideoObjects and their performers, in graphs and sub-events; skips broken JSON', () => {
    const d = doc(
      `${ld({
        '@context': 'https://schema.org',
        '@graph': [
          {
            '@type': 'Event',
            name: 'JS Day 2024',
            subEvent: [
              {
                '@type': 'Event',
                name: 'Types at the Border',
                performer: { '@type': 'Person', name: 'Dwayne Whitaker' },
              },
            ],
          },
          {
            '@type': 'VideoObject',
            name: 'The Boring Web – Renée Castellanos | JS Day 2024',
            actor: [{ name: 'Renée Castellanos' }, { name: 'Acme' }],
          },
          { '@type': 'Organization', name: 'Acme' },
        ],
      })}<script type="application/ld+json">{ not json</script>`,
    );
    const talks = declaredTalks(d);
    expect(talks.map((t) => [t.key, t.speakers])).toEqual([
      ['js day 2024', []],
      ['types at the border', ['Dwayne Whitaker']],
      ['the boring web - renée castellanos | js day 2024', ['Renée Castellanos']],
    ]);
    expect(declaredTalkFor('The Boring Web', talks)?.speakers).toEqual(['Renée Castellanos']);
    expect(declaredTalkFor('Types at the Border', talks)?.key).toBe('types at the border');
    expect(declaredTalkFor('The Boring', talks)).toBeNull();
  });

  it('makes a line whose title the page declares a talk, with the declared speakers', () => {
    const d = doc(`<main><h1>JS Day 2024 recordings</h1>
      <h2>Types at the Border</h2><p>Validation everywhere.</p>
      <h2>The Boring Web</h2><p>Deleting dependencies.</p>
      <h2>Photos</h2><p>Some photos.</p>
      ${ld([
        { '@type': 'Event', name: 'Types at the Border', performer: { name: 'Dwayne Whitaker' } },
        {
          '@type': 'VideoObject',
          name: 'The Boring Web – Renée Castellanos',
          actor: { name: 'Renée Castellanos' },
        },
      ])}</main>`);
    expect(detectTalkSections(d).map((s) => [s.title, s.speakers])).toEqual([
      ['Types at the Border', ['Dwayne Whitaker']],
      ['The Boring Web', ['Renée Castellanos']],
    ]);
  });
});
