/**
 * The limits `prepareClip` applies where a clip is made (#14): each case is a page that used to give a
 * clip the background refused, or that must be refused up front with a plain message. The corpus tests
 * (./clipper-web-pages.test.ts, ./clipper-recaps.test.ts) check the same on real pages.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { anchor, buildTextIndex } from '@/core/anchoring';
import { LIMITS } from '@/core/limits';
import type { TalkSection } from '@/core/talks';
import type { RangeSelector, TextQuoteSelector } from '@/core/types';
import { BackgroundRequestSchema } from '@/messaging/protocol';
import { analyzePage, type PageAnalysis, passageTooLongMessage, prepareClip } from '@/page/clipper';

const URL = 'https://example.com/write-up';

function page(body: string): Document {
  return new JSDOM(
    `<!doctype html><html lang="en"><head><title>Day 2</title></head><body>${body}</body></html>`,
    {
      url: URL,
      virtualConsole: new VirtualConsole(),
    },
  ).window.document;
}

/** A range over the first occurrence of `needle` in the page's text. */
function rangeOf(doc: Document, needle: string): Range {
  const index = buildTextIndex(doc.body);
  const start = index.text.indexOf(needle);
  if (start < 0) throw new Error(`not on the page: ${needle}`);
  return index.rangeFor(start, start + needle.length);
}

function clip(doc: Document, needle: string, analysis: PageAnalysis = analyzePage(doc, URL)) {
  return prepareClip(doc, rangeOf(doc, needle), { color: 'yellow', analysis });
}

/** The clip as the background would check it, and placed again on the same page. */
function expectAccepted(doc: Document, prepared: ReturnType<typeof prepareClip>) {
  if (!prepared.ok) throw new Error(`refused: ${prepared.message}`);
  const checked = v.safeParse(BackgroundRequestSchema, { type: 'saveClip', clip: prepared.clip });
  expect(checked.success ? [] : v.summarize(checked.issues)).toEqual([]);
  const { highlight } = prepared.clip;
  const placed = anchor(doc.body, highlight.selectors);
  expect(placed && [placed.start, placed.end]).toEqual([
    highlight.position,
    highlight.position + quoteOf(prepared.clip).exact.length,
  ]);
  return prepared.clip;
}

const quoteOf = (c: { highlight: { selectors: { type: string }[] } }) =>
  c.highlight.selectors.find((s) => s.type === 'TextQuoteSelector') as TextQuoteSelector;

describe('prepareClip keeps every clip within the message limits', () => {
  it('bounds the context on a page with long whitespace runs between elements (the "2737" page)', () => {
    const run = ' '.repeat(2737);
    const doc = page(
      `<table><tr><td>Before the passage</td></tr></table>${run}<p>The passage itself.</p>${run}<p>After.</p>`,
    );
    const made = expectAccepted(doc, clip(doc, 'The passage itself.'));
    const { prefix, suffix } = quoteOf(made);
    expect(prefix.length).toBe(LIMITS.quoteContext);
    expect(suffix.length).toBe(LIMITS.quoteContext);
    // Still the page's own text around the passage.
    const text = buildTextIndex(doc.body).text;
    expect(text.slice(made.highlight.position - prefix.length, made.highlight.position)).toBe(prefix);
  });

  it('keeps the context at 32 visible characters where whitespace runs are short', () => {
    const doc = page(`<p>${'word '.repeat(20)}</p>\n${' '.repeat(40)}\n<p>target here</p>`);
    const made = expectAccepted(doc, clip(doc, 'target'));
    expect(quoteOf(made).prefix.replace(/\s+/g, ' ')).toHaveLength(32);
  });

  it('refuses a passage over LIMITS.passage up front, saying why', () => {
    const long = 'A sentence of the talk. '.repeat(Math.ceil(LIMITS.passage / 24) + 10).trim();
    const doc = page(`<p>${long}</p>`);
    const prepared = clip(doc, long);
    expect(prepared).toEqual({ ok: false, message: passageTooLongMessage(long.length) });
    expect(passageTooLongMessage(123_456)).toBe(
      'This passage is too long to highlight: 123,456 characters, the limit is 100,000. Select a shorter passage.',
    );
  });

  it('stores the passage as other annotation tools count text (textContent, scripts included), for Web Annotation export', () => {
    const doc = page('<script>window.x = "some script text";</script><p>Intro. The passage here.</p>');
    const made = expectAccepted(doc, clip(doc, 'The passage'));
    const counted = made.highlight.textContentQuote!;
    expect(doc.body.textContent!.slice(counted.start, counted.end)).toBe('The passage');
    expect(counted.start).toBe(made.highlight.position + 'window.x = "some script text";'.length);
  });

  it('leaves the textContent quote out where the script text in it would pass the passage limit', () => {
    const script = `<script>${'x'.repeat(LIMITS.passage)}</script>`;
    const doc = page(`<p>Start of it</p>${script}<p>end of it</p>`);
    const made = expectAccepted(
      doc,
      prepareClip(
        doc,
        (() => {
          const r = doc.createRange();
          r.setStart(doc.querySelector('p')!.firstChild!, 0);
          r.setEnd(doc.querySelectorAll('p')[1]!.firstChild!, 3);
          return r;
        })(),
        { color: 'yellow', analysis: analyzePage(doc, URL) },
      ),
    );
    expect(made.highlight.textContentQuote).toBeUndefined();
  });

  it('takes a passage of exactly LIMITS.passage characters', () => {
    const text = 'x'.repeat(LIMITS.passage);
    const doc = page(`<p>${text}</p>`);
    expect(expectAccepted(doc, clip(doc, text)).highlight.text).toHaveLength(LIMITS.passage);
  });

  it('replaces Markdown over LIMITS.markdown by the passage as escaped text', () => {
    // Short relative links on a page with a long address: each becomes a link of ~7,900 characters.
    const url = `https://example.com/${'a'.repeat(7900)}`;
    const words = Array.from({ length: 70 }, (_, i) => `link_${i}`);
    const doc = new JSDOM(`<p>${words.map((w) => `<a href="?${w}">${w}</a>`).join(' ')}</p>`, {
      url,
      virtualConsole: new VirtualConsole(),
    }).window.document;
    const passage = words.join(' ');
    const made = expectAccepted(doc, clip(doc, passage, analyzePage(doc, url)));
    expect(made.highlight.markdown).toBe(passage.replace(/_/g, '\\_'));
    // The same passage in fewer links keeps its links.
    const few = clip(doc, words.slice(0, 3).join(' '), analyzePage(doc, url));
    expect(few.ok && few.clip.highlight.markdown).toMatch(/^\[link\\_0\]\(https:/);
  });

  it('leaves out the RangeSelector of a page too deep for its XPath', () => {
    const doc = page(`${'<div>'.repeat(300)}<p>Deep down, the passage.</p>${'</div>'.repeat(300)}`);
    const made = expectAccepted(doc, clip(doc, 'the passage'));
    expect(made.highlight.selectors.map((s) => s.type)).toEqual([
      'TextQuoteSelector',
      'TextPositionSelector',
    ]);
    const shallow = page('<div><p>Near the top, the passage.</p></div>');
    const range = expectAccepted(shallow, clip(shallow, 'the passage')).highlight
      .selectors[2] as RangeSelector;
    expect(range.type).toBe('RangeSelector');
  });

  it('cuts detected talks, their titles and speakers to their limits, and files the passage the same', () => {
    const doc = page('<article><h2>Talk</h2><p>The passage under the talk.</p></article>');
    const analysis = analyzePage(doc, URL);
    const heading = doc.querySelector('h2')!;
    const talk: TalkSection = {
      title: 'T'.repeat(LIMITS.title + 500),
      speakers: Array.from({ length: LIMITS.detectedSpeakers + 5 }, () => 'S'.repeat(LIMITS.personName + 1)),
      heading,
      post: doc.querySelector('article')!,
      postTitle: null,
      end: null,
      owns: null,
      form: 'h2',
    };
    const sections = [
      ...Array.from({ length: LIMITS.detectedTalks }, () => ({ ...talk, title: 'Other' })),
      talk,
    ];
    const made = expectAccepted(
      doc,
      clip(doc, 'The passage', { ...analysis, sections: [talk, ...sections] }),
    );
    expect(made.talks).toHaveLength(LIMITS.detectedTalks);
    expect(made.talks[0]!.title).toHaveLength(LIMITS.title);
    expect(made.talks[0]!.speakers).toHaveLength(LIMITS.detectedSpeakers);
    expect(made.talks[0]!.speakers[0]).toHaveLength(LIMITS.personName);
    expect(made.highlight.talkTitle).toBe(made.talks[0]!.title);
  });

  it('refuses a page whose address is longer than a clip may carry', () => {
    const doc = page('<p>The passage.</p>');
    const analysis = analyzePage(doc, URL);
    const url = `${URL}?q=${'x'.repeat(LIMITS.url)}`;
    const prepared = clip(doc, 'The passage.', { ...analysis, metadata: { ...analysis.metadata, url } });
    expect(prepared).toEqual({
      ok: false,
      message: 'Talk Notes cannot keep highlights of this page: its address is longer than 8,192 characters.',
    });
  });

  it('refuses, before anything is sent, a clip the schema would refuse, and keeps it for copying', () => {
    const doc = page('<p>The passage.</p>');
    const analysis = analyzePage(doc, URL);
    const title = 'T'.repeat(LIMITS.title + 1); // metadata is bounded when read; a hand-made one is not
    const prepared = clip(doc, 'The passage.', { ...analysis, metadata: { ...analysis.metadata, title } });
    expect(prepared.ok).toBe(false);
    if (prepared.ok) return;
    expect(prepared.message).toMatch(
      /^Talk Notes cannot store this passage \(Invalid length: .* at page\.title\)\.$/,
    );
    expect(prepared.clip?.highlight.text).toBe('The passage.');
  });

  it.each([
    ['only whitespace', '<p>one</p>   <p>two</p>', '   '],
    ['only the text of a script', '<p>one</p><script>var x = 1;</script><p>two</p>', null],
  ])('refuses %s: nothing to highlight', (_name, body, needle) => {
    const doc = page(body);
    let range: Range;
    if (needle) range = rangeOf(doc, needle);
    else {
      range = doc.createRange();
      range.selectNode(doc.querySelector('script')!);
    }
    const prepared = prepareClip(doc, range, { color: 'yellow', analysis: analyzePage(doc, URL) });
    expect(prepared).toEqual({ ok: false, message: 'Nothing to highlight.' });
  });
});

describe('the stored passage reads as the page shows it (#17, item 13)', () => {
  it('has no stray indent where a clip crosses indented list items', () => {
    const doc = page(
      '<p>Four factors:</p>\n<ul>\n  <li>People thrive for acceptance.</li>\n  <li>Humans are a reciprocal species.</li>\n</ul>\n<p>When it comes to it.</p>',
    );
    const clipped = expectAccepted(doc, clip(doc, 'acceptance.'));
    expect(clipped.highlight.text).toBe('acceptance.');
    const across = expectAccepted(
      doc,
      prepareClip(doc, rangeBetween(doc, 'People', 'When it'), {
        color: 'yellow',
        analysis: analyzePage(doc, URL),
      }),
    );
    expect(across.highlight.text).toBe(
      'People thrive for acceptance.\nHumans are a reciprocal species.\n\nWhen it',
    );
    expect(across.highlight.markdown).toBe(
      '- People thrive for acceptance.\n- Humans are a reciprocal species.\n\nWhen it',
    );
    // The quote keeps the page's text as it is: that is what anchoring matches.
    expect(quoteOf(across).exact).toContain('acceptance.\n  Humans');
  });

  it('keeps the author’s spaces in preformatted text', () => {
    const doc = page('<pre>if x:\n    return  1\n</pre>');
    expect(expectAccepted(doc, clip(doc, 'if x:\n    return  1')).highlight.text).toBe(
      'if x:\n    return  1',
    );
  });
});

/** A range from the first occurrence of `from` to the end of the first occurrence of `to` after it. */
function rangeBetween(doc: Document, from: string, to: string): Range {
  const index = buildTextIndex(doc.body);
  const start = index.text.indexOf(from);
  const end = index.text.indexOf(to, start) + to.length;
  return index.rangeFor(start, end);
}

describe('prepareClip stores the line that leads to the passage in its talk’s section (the clip guard’s lead)', () => {
  const talkOf = (doc: Document): TalkSection => ({
    title: 'Scaling Postgres',
    speakers: ['Jane Doe'],
    heading: doc.querySelector('h2')!,
    post: doc.querySelector('article')!,
    postTitle: null,
    end: null,
    owns: null,
    form: 'h2',
  });
  const withTalk = (doc: Document) => ({ ...analyzePage(doc, URL), sections: [talkOf(doc)] });

  it('stores the nearest heading-like line above the passage, with whether it is styled as the section’s heading', () => {
    const doc = page(
      '<article><h2>Scaling Postgres</h2><p>Jane opened with replicas.</p>' +
        '<p><strong>14:20, Room B: Kill Your Feature Flags</strong></p><p>Flags rot when nobody owns them.</p>' +
        '<h2>Lunch and stands</h2><p>The soup was good.</p></article>',
    );
    const flags = expectAccepted(doc, clip(doc, 'Flags rot', withTalk(doc)));
    expect(flags.highlight.clipLead).toEqual({
      text: '14:20, Room B: Kill Your Feature Flags',
      likeHeading: false,
    });
    const soup = expectAccepted(doc, clip(doc, 'The soup', withTalk(doc)));
    expect(soup.highlight.clipLead).toEqual({ text: 'Lunch and stands', likeHeading: true });
  });

  it('stores no lead for a passage right under its heading, nor for one under no talk', () => {
    const doc = page(
      '<article><h2>Scaling Postgres</h2><p>Jane opened with replicas.</p></article><p>Outside it all.</p>',
    );
    expect(expectAccepted(doc, clip(doc, 'Jane opened', withTalk(doc))).highlight.clipLead).toBeUndefined();
    const none = { ...analyzePage(doc, URL), sections: [] };
    expect(expectAccepted(doc, clip(doc, 'Outside', none)).highlight.clipLead).toBeUndefined();
  });

  it('keeps page text as bounded data: a line over LIMITS.clipLead is prose, and the background refuses a longer lead', () => {
    const long = `Kill ${'Your Feature Flags '.repeat(10)}`.trim();
    expect(long.length).toBeGreaterThan(LIMITS.clipLead);
    const doc = page(`<article><h2>Scaling Postgres</h2><p>${long}</p><p>Flags rot.</p></article>`);
    const made = expectAccepted(doc, clip(doc, 'Flags rot', withTalk(doc)));
    expect(made.highlight.clipLead).toBeUndefined();
    const forged = {
      ...made,
      highlight: { ...made.highlight, clipLead: { text: long, likeHeading: false } },
    };
    expect(v.safeParse(BackgroundRequestSchema, { type: 'saveClip', clip: forged }).success).toBe(false);
    const html = {
      ...made,
      highlight: { ...made.highlight, clipLead: { text: 'A lead', likeHeading: 'yes' } },
    };
    expect(v.safeParse(BackgroundRequestSchema, { type: 'saveClip', clip: html }).success).toBe(false);
  });
});

describe('prepareClip stores the lines above the passage (the schedule reads them for the talk they name)', () => {
  it('stores a thread message’s first line above a passage detection files under no talk', () => {
    const doc = page(
      '<main><div class="msg"><p>Live notes from the conference, for those who stayed home.</p></div>' +
        '<div class="msg"><p>Kill Your Feature Flags — Sofia Marchetti</p><p>Flags rot when nobody owns them.</p></div></main>',
    );
    const made = expectAccepted(doc, clip(doc, 'Flags rot'));
    expect(made.highlight.talkTitle).toBeNull();
    expect(made.highlight.clipLines?.[0]).toEqual({
      text: 'Kill Your Feature Flags — Sofia Marchetti',
      kind: 'line',
      level: 0,
      style: 0,
      enclosed: false,
    });
  });

  it('refuses lines that are no bounded plain data', () => {
    const doc = page('<main><h3>Kill Your Feature Flags</h3><p>Flags rot when nobody owns them.</p></main>');
    const made = expectAccepted(doc, clip(doc, 'Flags rot'));
    const line = made.highlight.clipLines![0]!;
    for (const bad of [
      [{ ...line, text: 'x'.repeat(LIMITS.clipLead + 1) }],
      [{ ...line, kind: 'script' }],
      [{ ...line, level: 9 }],
      [{ ...line, style: 1.5 }],
      Array.from({ length: LIMITS.clipLines + 1 }, () => line),
    ]) {
      const forged = { ...made, highlight: { ...made.highlight, clipLines: bad } };
      expect(v.safeParse(BackgroundRequestSchema, { type: 'saveClip', clip: forged }).success).toBe(false);
    }
  });
});
