import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import {
  MAX_BLOCKS,
  MAX_CLIP_LINES,
  readClipLines,
  singlePostTitle,
  structureStops,
} from '@/core/schedule/clip-lines';
import type { TalkSection } from '@/core/talks/detect';
import { detectTalkSections } from '@/core/talks';

/** The text node that holds `marker` in `html`'s body: where a clip starts. */
function clipIn(html: string, marker = 'CLIP') {
  const doc = new JSDOM(`<!doctype html><body>${html}</body>`).window.document;
  const walker = doc.createTreeWalker(doc.body, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode())
    if (n.textContent?.includes(marker)) return { doc, node: n };
  throw new Error(`no ${marker}`);
}

const lines = (html: string) => readClipLines(clipIn(html).node).map((l) => [l.kind, l.text]);

describe('readClipLines: the lines above a clip, whatever the markup', () => {
  it('reads headings, nearest first, up to a heading of rank 2', () => {
    const html = `<h1>Page</h1><h2>Day one</h2><h3>Scaling Postgres to 10M Users</h3>
      <p>Long notes about vacuum, which goes on for a sentence or two.</p><p>CLIP and more.</p>`;
    expect(lines(html)).toEqual([
      ['heading', 'Scaling Postgres to 10M Users'],
      ['heading', 'Day one'],
    ]);
  });

  it('reads a card’s first line, a bold opening and a thread message’s first line', () => {
    expect(
      lines(
        `<div class="card"><p class="t">Kill Your Feature Flags — Sofia Marchetti</p><p>CLIP notes.</p></div>`,
      ),
    ).toEqual([['line', 'Kill Your Feature Flags — Sofia Marchetti']]);
    expect(
      lines(`<p><strong>Kill Your Feature Flags</strong> was the best talk of the day, she said so herself.</p>
        <p>CLIP notes.</p>`),
    ).toEqual([['bold', 'Kill Your Feature Flags']]);
    expect(
      lines(
        `<div class="msg">Kill Your Feature Flags — Sofia Marchetti<br>She began with a story. CLIP notes.</div>`,
      ),
    ).toEqual([['first', 'Kill Your Feature Flags — Sofia Marchetti']]);
  });

  it('reads a quoted title where a paragraph opens, in several languages; not one further in', () => {
    for (const opening of [
      'Next up, Sofia Marchetti on “Kill Your Feature Flags”, a crowd favourite.',
      'Danach sprach Sofia Marchetti über „Kill Your Feature Flags“ vor vollem Saal.',
      'Ensuite, Sofia Marchetti a présenté « Kill Your Feature Flags » devant une salle comble.',
      'Потім Софія Марчетті розповіла про «Kill Your Feature Flags» для повної зали.',
    ])
      expect(lines(`<p>${opening} More words here.</p><p>CLIP notes.</p>`)).toEqual([['quoted', opening]]);
    const late =
      'The hallway was packed and the coffee was cold and the wifi was slow, but later someone mentioned “Kill Your Feature Flags” again.';
    expect(lines(`<p>${late}</p><p>CLIP notes.</p>`)).toEqual([]);
  });

  it('stops at a structure line: a break heading, a break opening a block, another talk attended', () => {
    expect(lines(`<h3>Kill Your Feature Flags</h3><p>Notes.</p><h3>Lunch</h3><p>CLIP food.</p>`)).toEqual([
      ['heading', 'Lunch'],
    ]);
    expect(
      lines(`<p><b>Kill Your Feature Flags — Sofia Marchetti</b></p><p>Coffee break. CLIP stroopwafels.</p>`),
    ).toEqual([['end', 'Coffee break. CLIP stroopwafels.']]);
    expect(
      lines(
        `<h3>Kill Your Feature Flags</h3><p>My colleague sat in another room at a talk about GraalVM.</p><p>CLIP it.</p>`,
      ),
    ).toEqual([['end', 'My colleague sat in another room at a talk about GraalVM.']]);
  });

  it('stops where detection ended a talk: after the blocks a talk owns', () => {
    const talk = (title: string, who: string) =>
      `<li><p><a href="https://conf.example/talks/${who}">${title}</a> — ${who} Doe</p>
        <p>${who} argued for a long time about this, with examples from production and numbers.</p>
        <p>The team measured everything twice and wrote it all down in a runbook for later.</p></li>`;
    const { doc, node } =
      clipIn(`<article><h1>Newsletter #112</h1><p>Hi friends,</p><h2>Conference corner</h2>
      <ol>${talk('Kill Your Feature Flags', 'Sofia')}${talk('Observability on a Budget', 'Daniel')}${talk('People Are Not Resources', 'Eszter')}</ol>
      <p>Honourable mention to the lightning talks, which I did not take notes on. CLIP watch them.</p></article>`);
    const stops = structureStops(detectTalkSections(doc));
    expect(stops.some((stop) => stop.contains(node))).toBe(true);
    expect(readClipLines(node, stops).map((l) => l.kind)).toEqual(['end']);
  });

  it("inside a block where a talk ended, reads its first line, not another author's post it quotes", () => {
    const { doc, node } = clipIn(`<main>
      <div class="msg"><p>Ines · 14:10</p><p>Rui Costa on “Async Without Regret” — the event loop, drawn by hand.</p></div>
      <div class="msg" id="stop"><p>Ines · 15:10</p><p>Taking the next slot off. Sounds like I missed a good one:</p>
        <div class="quote"><p>Tiago · 15:05</p><p>“Typing Django Step by Step” just ended with a standing ovation.</p></div></div>
      <div class="msg"><p>Ines · 15:24</p><p>CLIP the tram is faster than any taxi at rush hour.</p></div></main>`);
    const read = readClipLines(node, [doc.getElementById('stop')!]).map((l) => l.text);
    expect(read.some((text) => text.includes('Typing Django'))).toBe(false);
    // Without the stop, the quoted post's title is a line like any other.
    expect(readClipLines(node).some((l) => l.text.includes('Typing Django'))).toBe(true);
  });

  it('marks a line in a list item that does not hold the clip, and skips a list of bare titles', () => {
    const read = readClipLines(
      clipIn(`<ol><li><p>Kill Your Feature Flags — Sofia</p><p>Notes, notes and notes.</p></li></ol>
        <p>CLIP after the list.</p>`).node,
    );
    expect(read[0]).toMatchObject({ text: 'Kill Your Feature Flags — Sofia', enclosed: true });
    expect(
      lines(`<ul><li>Kill Your Feature Flags</li><li>Observability on a Budget</li></ul><p>CLIP intro.</p>`),
    ).toEqual([]);
  });

  it('gives lines of one look one style number', () => {
    const read = readClipLines(
      clipIn(`<p class="t"><b>Observability on a Budget</b></p><p>Notes, long enough to be prose.</p>
        <p class="t"><b>Kill Your Feature Flags</b></p><p>CLIP notes.</p>`).node,
    );
    expect(read.map((l) => l.text)).toEqual(['Kill Your Feature Flags', 'Observability on a Budget']);
    expect(read[0]!.style).toBe(read[1]!.style);
  });

  it('is bounded: lines, characters per line, blocks read back', () => {
    const many = Array.from({ length: 30 }, (_, i) => `<h4>Title number ${i} here</h4>`).join('');
    expect(readClipLines(clipIn(`${many}<p>CLIP</p>`).node)).toHaveLength(MAX_CLIP_LINES);
    const far = `<h3>Kill Your Feature Flags</h3>${'<p>Prose that goes on and on.</p>'.repeat(MAX_BLOCKS)}<p>CLIP</p>`;
    expect(lines(far)).toEqual([]);
    expect(lines(`<h3>${'Very long heading '.repeat(12)}</h3><p>CLIP</p>`)).toEqual([]);
    // A page of inline markup: the elements visited are bounded too, not only the blocks.
    expect(
      lines(`<h3>Kill Your Feature Flags</h3><div>${'<span>x </span>'.repeat(2500)}.</div><p>CLIP</p>`),
    ).toEqual([]);
    for (const line of readClipLines(
      clipIn(`<p>Sofia on “${'Word '.repeat(10)}Title” ${'x '.repeat(200)}.</p><p>CLIP</p>`).node,
    ))
      expect(line.text.length).toBeLessThanOrEqual(160);
  });
});

describe('readClipLines: a single-talk post’s titles, the farthest lines', () => {
  const POST = 'Sofia Marchetti on “Kill Your Feature Flags”';
  const titled = (html: string, postTitle: string | null = POST) =>
    readClipLines(clipIn(html).node, [], postTitle).map((l) => [l.kind, l.text]);
  const page = (body: string) =>
    `<h1>The best hour of Craft this year</h1><p>I went for the fourth time.</p>${body}`;

  it('reads the visible <h1> and the metadata title past the post’s sub-headings', () => {
    expect(titled(page('<h2>Three ideas</h2><p>Notes that go on.</p><p>CLIP here.</p>'))).toEqual([
      ['heading', 'Three ideas'],
      ['title', 'The best hour of Craft this year'],
      ['title', POST],
    ]);
    // Read up to the <h1>: it is a heading line already, and the metadata title follows it.
    expect(titled(page('<p>CLIP here.</p>'))).toEqual([
      ['heading', 'The best hour of Craft this year'],
      ['title', POST],
    ]);
    // A page without an <h1>: the metadata title alone, once.
    expect(titled(`<p>Intro.</p><p>CLIP here.</p>`)).toEqual([['title', POST]]);
  });

  it('reads the lines of the post’s opening, above its first sub-heading, before its titles', () => {
    const card =
      '<a href="https://slides.example/x"><div>Kill Your Feature Flags</div><div>slides.example</div></a>';
    expect(
      titled(page(`${card}<p>More intro.</p><h2>Three ideas</h2><p>Notes that go on.</p><p>CLIP here.</p>`)),
    ).toEqual([
      ['heading', 'Three ideas'],
      ['title', 'Kill Your Feature Flags'],
      ['title', 'The best hour of Craft this year'],
      ['title', POST],
    ]);
    // Not a title quoted in the opening's prose, a list item, a line past the first sub-heading, or on
    // a page of several talks.
    const quoted = '<p>Unlike last year, “Observability on a Budget” was full.</p>';
    const list = '<ul><li>Slides and video</li><li>Kill Your Feature Flags</li></ul>';
    const below = '<h2>Three ideas</h2><div>Observability on a Budget</div><h2>More</h2>';
    expect(titled(page(`${quoted}${list}${below}<p>CLIP here.</p>`))).toEqual([
      ['heading', 'More'],
      ['title', 'The best hour of Craft this year'],
      ['title', POST],
    ]);
    expect(titled(page(`${card}<h2>Three ideas</h2><p>CLIP here.</p>`), null)).toEqual([
      ['heading', 'Three ideas'],
    ]);
  });

  it('reads no title past a structure line, beyond the bounds, or on a page of several talks', () => {
    // Past a sub-heading of the post's it does.
    expect(titled(page('<h2>Three ideas</h2><p>CLIP here.</p>'))).toContainEqual(['title', POST]);
    expect(titled(page('<h2>Other talks I liked</h2><p>CLIP here.</p>'))).toEqual([
      ['heading', 'Other talks I liked'],
    ]);
    expect(titled(page('<p>Coffee break. Back at 11.</p><p>CLIP here.</p>'))).toEqual([
      ['end', 'Coffee break. Back at 11.'],
    ]);
    expect(titled(page(`${'<p>Prose that goes on and on.</p>'.repeat(MAX_BLOCKS)}<p>CLIP</p>`))).toEqual([]);
    expect(titled(page('<h2>Three ideas</h2><p>CLIP here.</p>'), null)).toEqual([['heading', 'Three ideas']]);
    const section = {} as TalkSection;
    expect(singlePostTitle([section], POST)).toBe(POST);
    expect(singlePostTitle([section, section], POST)).toBeNull();
  });
});
