import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectTalkSections, findPosts, type TalkSection, talkForNode } from '@/core/talks';

const PAGES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/pages');
const parse = (html: string) =>
  new JSDOM(html, { url: 'https://example.com/page', virtualConsole: new VirtualConsole() }).window.document;
const load = (file: string) => parse(readFileSync(join(PAGES, file), 'utf8'));
/** The bold fixture with its talk titles as bare `<p>Title</p>` lines, as blogs without markup have them. */
const plainLines = () =>
  parse(
    readFileSync(join(PAGES, 'conference-bold.html'), 'utf8').replace(
      /<p><strong>([^<]*)<\/strong><\/p>/g,
      '<p>$1</p>',
    ),
  );

const DAY3 = {
  post: 'Open Source Summit - Day 3',
  talks: [
    'The TAO of Hashicorp',
    'Integrating OSS in industrial environments', // "- by Siemens" is an attribution, not title
    'Linus Torvalds Q&A',
    'Nobody puts Java in a container',
    'Goal - question - metric approach to community measurement',
    'Container orchestration - the state of play',
  ],
};
const PRAGUE = {
  post: 'Open Source Summit Prague 2017 - part 1',
  talks: [
    'Limux - the loss of a lighthouse',
    "Dude, Where's My Microservice",
    'Trolling != Enforcement',
    'Kernel live patching',
  ],
};
/** Checked against the fixture text: each is named where the write-up opens. */
const SPEAKERS: Record<string, string[]> = {
  // Speakers are people, by their full names: a single name ("In the second keynote Hashimoto gave an
  // overview") and a company ("given by Siemens") cannot be told apart, so neither is taken.
  'The TAO of Hashicorp': [],
  'Integrating OSS in industrial environments': [],
  'Linus Torvalds Q&A': ['Linus Torvalds'], // "an on stage interview with Linus Torvalds"
  'Nobody puts Java in a container': ['Jörg Schad'],
  'Goal - question - metric approach to community measurement': ['Jose Manrique Lopez de la Fuente'],
  'Container orchestration - the state of play': ['Michael Bright'],
  'Limux - the loss of a lighthouse': ['Matthias Kirschner'],
  "Dude, Where's My Microservice": ['Tomasz Janiszewski'],
  'Trolling != Enforcement': ['Shane Coughlan'],
  'Kernel live patching': ['Miroslav Benes'], // not Tomas Tomecek, whose talk came before
};

const titles = (sections: TalkSection[]) => sections.map((s) => s.title);

describe('detectTalkSections on the conference blog', () => {
  it.each([
    ['conference-h2.html', 'H2', DAY3],
    ['conference-h3.html', 'H3', PRAGUE],
    ['conference-h4.html', 'H4', DAY3],
    ['conference-bold.html', 'P', DAY3],
  ])('%s: talk titles as <%s>', (file, tag, expected) => {
    const doc = load(file);
    const sections = detectTalkSections(doc);
    expect(titles(sections)).toEqual(expected.talks);
    const article = doc.querySelector('article');
    for (const section of sections) {
      expect(section.heading.tagName).toBe(tag);
      expect(section.post).toBe(article);
      expect(section.postTitle).toBe(expected.post);
      expect(section.speakers).toEqual(SPEAKERS[section.title]);
    }
  });

  it('finds talk titles written as plain short lines', () => {
    const doc = plainLines();
    expect(doc.querySelector('strong')?.textContent).toBe("Containers don't hide the underlying hardware"); // inline bold stays
    const sections = detectTalkSections(doc);
    expect(titles(sections)).toEqual(DAY3.talks);
    for (const section of sections) expect(section.speakers).toEqual(SPEAKERS[section.title]);
  });

  it('keeps each post of an archive page its own scope', () => {
    const doc = load('conference-archive.html');
    const [day3, prague] = doc.querySelectorAll('article');
    const sections = detectTalkSections(doc);
    expect(titles(sections)).toEqual([...DAY3.talks, ...PRAGUE.talks]);
    expect(findPosts(doc)).toEqual([day3, prague]);
    for (const section of sections) {
      const inDay3 = DAY3.talks.includes(section.title);
      expect(section.post).toBe(inDay3 ? day3 : prague);
      expect(section.postTitle).toBe(inDay3 ? DAY3.post : PRAGUE.post);
      expect(section.heading.tagName).toBe('H3');
      expect(section.speakers).toEqual(SPEAKERS[section.title]);
    }
  });

  it('does not take the colon-ended lead-in or list items for titles', () => {
    // The bold fixture with the list lead-in and a list item in bold, as some blogs have them.
    const html = readFileSync(join(PAGES, 'conference-bold.html'), 'utf8')
      .replace(
        '<p>The principles themselves cover the following points:</p>',
        '<p><strong>The principles themselves cover the following points:</strong></p>',
      )
      .replace('<li>Immutability.</li>', '<li><strong>Immutability</strong></li>');
    expect(html).toContain('<li><strong>Immutability</strong></li>');
    expect(titles(detectTalkSections(parse(html)))).toEqual(DAY3.talks);
  });
});

describe('talkForNode', () => {
  /** Expected talk of every text node of a post: the last talk heading (h3) before it, else null. */
  function expectedTalks(article: Element): Array<[Node, Element | null]> {
    const out: Array<[Node, Element | null]> = [];
    let current: Element | null = null;
    for (const child of article.children) {
      if (child.tagName === 'H3') current = child;
      const walker = article.ownerDocument.createTreeWalker(child, 4 /* SHOW_TEXT */);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) out.push([node, current]);
    }
    return out;
  }

  it('maps every text node of the archive page to the talk above it in its own post', () => {
    const doc = load('conference-archive.html');
    const sections = detectTalkSections(doc);
    let checked = 0;
    for (const article of doc.querySelectorAll('article')) {
      for (const [node, talk] of expectedTalks(article)) {
        const found = talkForNode(sections, node);
        expect(found?.heading ?? null).toBe(talk);
        if (found) expect(found.post).toBe(article);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(150);
  });

  it('gives null before the first talk of each post, and never the previous post’s last talk', () => {
    const doc = load('conference-archive.html');
    const sections = detectTalkSections(doc);
    const [day3, prague] = [...doc.querySelectorAll('article')];
    // The keynote lead of each post, its title and its "Posted on" line.
    for (const article of [day3!, prague!]) {
      expect(talkForNode(sections, article.querySelector('h2')!)).toBeNull();
      expect(talkForNode(sections, article.querySelector('p.meta')!)).toBeNull();
      const firstTalk = article.querySelector('h3')!;
      const lead = [...article.querySelectorAll('p')].filter(
        (p) => p.compareDocumentPosition(firstTalk) & Node.DOCUMENT_POSITION_FOLLOWING,
      );
      expect(lead.length).toBeGreaterThan(3);
      for (const p of lead) expect(talkForNode(sections, p.firstChild!)).toBeNull();
    }
    // The last paragraph of post 1 belongs to its last talk; the first of post 2 to none.
    expect(talkForNode(sections, day3!.lastElementChild!)?.title).toBe(
      'Container orchestration - the state of play',
    );
    expect(talkForNode(sections, prague!.querySelector('p:not(.meta)')!)).toBeNull();
  });

  it('gives null outside every post', () => {
    const doc = load('conference-archive.html');
    const sections = detectTalkSections(doc);
    for (const selector of ['main > h1', 'nav a', 'footer p', 'title']) {
      expect(talkForNode(sections, doc.querySelector(selector)!)).toBeNull();
    }
    expect(talkForNode([], doc.querySelector('article p')!)).toBeNull();
  });

  it('maps a node inside a talk title to that talk, whatever the order of the sections', () => {
    const doc = load('conference-h2.html');
    const sections = detectTalkSections(doc);
    const heading = sections[2]!.heading;
    expect(talkForNode(sections, heading.firstChild!)?.title).toBe('Linus Torvalds Q&A');
    expect(talkForNode([...sections].reverse(), heading.nextElementSibling!)?.title).toBe(
      'Linus Torvalds Q&A',
    );
  });

  it('works on bold and plain-line titles', () => {
    for (const doc of [load('conference-bold.html'), plainLines()]) {
      const sections = detectTalkSections(doc);
      const java = [...doc.querySelectorAll('p')].find((p) => p.textContent?.startsWith('Jörg Schad from'))!;
      expect(talkForNode(sections, java)?.title).toBe('Nobody puts Java in a container');
      expect(talkForNode(sections, doc.querySelector('article p:not(.meta)')!)).toBeNull();
    }
  });
});

describe('detectTalkSections on inline pages', () => {
  const page = (body: string, title = 'Recap | Blog') =>
    parse(`<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`);
  const prose = (n = 1) =>
    '<p>Some words about the talk, long enough to read as a paragraph of prose.</p>'.repeat(n);

  it.each([
    ['a single h1', `<article><h1>Recap</h1>${prose(3)}</article>`],
    ['a single h1 and no article', `<h1>Recap</h1>${prose(3)}`],
    ['no paragraphs at all', '<div><span>Nothing here</span></div>'],
    ['only navigation', '<nav><h2>Menu</h2><ul><li>Home</li></ul></nav>'],
    ['empty headings', `<article><h1>Recap</h1><h2></h2>${prose()}<h2>  </h2>${prose()}</article>`],
    ['one plain short line', `<article><h1>Recap</h1>${prose()}<p>Just a line</p>${prose(2)}</article>`],
  ])('finds no talks with %s', (_, body) => {
    expect(detectTalkSections(page(body))).toEqual([]);
  });

  it('ignores headings in nav, header, footer, aside and comments', () => {
    const doc = page(`
      <header><h2>Site header</h2></header>
      <nav><h2>Menu</h2></nav>
      <article>
        <h1>Recap</h1>${prose()}
        <h2>Talk A</h2>${prose()}
        <aside><h3>Related</h3></aside>
        <nav><h2>Post navigation</h2></nav>
        <h2>Talk B</h2>${prose()}
        <div class="sharedaddy"><h3 class="sd-title">Share this:</h3></div>
        <footer><h2>Tags</h2></footer>
        <section id="comments"><h2>3 comments</h2><p>Nice.</p></section>
      </article>
      <aside><article><h2>Other post</h2><h3>Other talk</h3>${prose()}</article></aside>
      <footer><h2>Footer</h2></footer>`);
    expect(titles(detectTalkSections(doc))).toEqual(['Talk A', 'Talk B']);
  });

  it('finds the content without any article or main element', () => {
    const doc = page(
      `<div id="sidebar">${prose()}</div><div class="x"><h2>Talk A</h2>${prose(3)}<h2>Talk B</h2>${prose(3)}</div>`,
    );
    expect(titles(detectTalkSections(doc))).toEqual(['Talk A', 'Talk B']);
  });

  it('takes a heading that repeats the document title for the post title', () => {
    const doc = page(
      `<article><h2>Recap</h2>${prose()}<h2>Talk A</h2>${prose()}<h2>Talk B</h2>${prose()}</article>`,
    );
    const sections = detectTalkSections(doc);
    expect(titles(sections)).toEqual(['Talk A', 'Talk B']);
    expect(sections[0]?.postTitle).toBe('Recap');
  });

  it('takes a heading in the article header for the post title', () => {
    const doc = page(
      `<article><header><h2>My notes</h2></header>${prose()}<h2>Talk A</h2>${prose()}<h2>Talk B</h2>${prose()}</article>`,
      'Something else',
    );
    expect(titles(detectTalkSections(doc))).toEqual(['Talk A', 'Talk B']);
  });

  it('takes headings in section headers for talks', () => {
    const section = (t: string) => `<section><header><h2>${t}</h2></header>${prose()}</section>`;
    const doc = page(
      `<article><header><h1>Recap</h1></header>${prose()}${section('Talk A')}${section('Talk B')}</article>`,
    );
    const sections = detectTalkSections(doc);
    expect(titles(sections)).toEqual(['Talk A', 'Talk B']);
    expect(sections[1]?.postTitle).toBe('Recap');
  });

  it('keeps same-level headings as talks when nothing marks the first as the post title', () => {
    const doc = page(`<article><h2>Talk A</h2>${prose()}<h2>Talk B</h2>${prose()}</article>`, 'Other');
    const sections = detectTalkSections(doc);
    expect(titles(sections)).toEqual(['Talk A', 'Talk B']);
    expect(sections[0]?.postTitle).toBeNull();
  });

  it('treats deeper headings inside a talk as part of it', () => {
    const doc = page(
      `<article><h1>Recap</h1>${prose()}<h2>Talk A</h2>${prose()}<h3>Q&amp;A</h3><p id="qa">Questions.</p><h2>Talk B</h2>${prose()}<h2>Talk C</h2>${prose()}</article>`,
    );
    const sections = detectTalkSections(doc);
    expect(titles(sections)).toEqual(['Talk A', 'Talk B', 'Talk C']);
    expect(talkForNode(sections, doc.getElementById('qa')!)?.title).toBe('Talk A');
  });

  it('reads post titles above the talk level when posts are not in <article>s', () => {
    const doc = page(
      `<main><h1>Archive</h1>
        <h2>Day 1</h2><p id="lead1">Lead.</p><h3>Talk A</h3>${prose()}<h3>Talk B</h3><p id="b">B.</p>
        <h2>Day 2</h2><p id="lead2">Lead.</p><h3>Talk C</h3>${prose()}<h3>Talk D</h3>${prose()}
      </main>`,
      'Archive | Blog',
    );
    const sections = detectTalkSections(doc);
    expect(sections.map((s) => [s.postTitle, s.title])).toEqual([
      ['Day 1', 'Talk A'],
      ['Day 1', 'Talk B'],
      ['Day 2', 'Talk C'],
      ['Day 2', 'Talk D'],
    ]);
    expect(talkForNode(sections, doc.getElementById('lead1')!)).toBeNull();
    expect(talkForNode(sections, doc.getElementById('b')!)?.title).toBe('Talk B');
    expect(talkForNode(sections, doc.getElementById('lead2')!)).toBeNull(); // "Day 2" ends Talk B
  });

  it('accepts an element as root, and strips permalink marks from titles', () => {
    const doc = page(
      `<article id="a"><h1>Recap</h1>${prose()}<h2>Talk A <a href="#a">#</a></h2>${prose()}<h2>Talk B[edit]</h2>${prose()}</article>`,
    );
    expect(titles(detectTalkSections(doc.getElementById('a')!))).toEqual(['Talk A', 'Talk B']);
  });

  it('skips bold lines that are post meta or images and keeps questions', () => {
    const doc = page(`<article><h1>Recap</h1>
      <p class="byline"><strong>By Blog Author</strong></p>${prose()}
      <p><strong>Is Linux ready?</strong></p>${prose()}
      <p><b>Kernel live patching</b></p>${prose()}
      <p><strong>Update:</strong></p>${prose()}
      <p><strong>Last line</strong></p>
    </article>`);
    expect(titles(detectTalkSections(doc))).toEqual(['Is Linux ready?', 'Kernel live patching']);
  });
});

describe('posts that name talks without reporting them', () => {
  const numbered = (title: string) =>
    parse(`<html><head><title>${title}</title></head><body><article><h1>${title}</h1>
      <p>Our conference season is over and the recordings are online.</p>
      ${[
        ['Event Sourcing Regrets, Ranked', 'Hanne Kjær'],
        ['Rust in the Payment Path', 'Sofie Lund'],
        ['Why Your Retro Is Boring', 'Ellen Frost'],
        ['Postgres Is Not Your Queue', 'Jonas Brandt'],
      ]
        .map(
          ([t, s], i) =>
            `<h2>${i + 1}. “${t}” — ${s}</h2><p>In her talk the speaker walks through the slides of a year.</p>`,
        )
        .join('')}</article></body></html>`);

  it('finds no talk in a list of talks to watch', () => {
    expect(detectTalkSections(numbered('4 GOTO 2024 talks to watch this weekend'))).toEqual([]);
  });

  it('finds the same headings in a write-up (the control)', () => {
    expect(detectTalkSections(numbered('GOTO 2024: four talks I saw')).map((s) => s.title)).toEqual([
      'Event Sourcing Regrets, Ranked',
      'Rust in the Payment Path',
      'Why Your Retro Is Boring',
      'Postgres Is Not Your Queue',
    ]);
  });

  it('ends a talk introduced in prose at a paragraph about someone at another talk', () => {
    const doc = parse(`<html><head><title>A day at J-Fall</title></head><body><article>
      <h1>A day at J-Fall: two talks we took home</h1>
      <p>We went with four people from the team and split up after the keynote of the conference.</p>
      <h2>The morning</h2>
      <p>I stayed in room 1 for Sanne Bakker, who in ‘Records and the End of the Visitor’ showed how to
      clean up a classic design pattern with sealed interfaces.</p>
      <p id="in">With a sealed interface and a switch, sixty lines were left of the old visitor.</p>
      <p id="other">My colleague Joris sat in another room at a talk about GraalVM native images, but that
      one is for his own blog post.</p>
      <h2>After lunch</h2>
      <p>The afternoon opened with Wouter Smit, who with ‘Your Build Is Slower Than You Think’ scared a
      room full of people with their own build times.</p>
      <p>The average was forty minutes.</p>
      </article></body></html>`);
    const sections = detectTalkSections(doc);
    expect(sections.map((s) => s.title)).toEqual([
      'Records and the End of the Visitor',
      'Your Build Is Slower Than You Think',
    ]);
    const at = (id: string) => talkForNode(sections, doc.getElementById(id)!.firstChild!)?.title ?? null;
    expect(at('in')).toBe('Records and the End of the Visitor');
    expect(at('other')).toBeNull();
  });

  it("takes a release's sections for no talk, whatever talk words they hold", () => {
    const release = (n: number) => `<section><h2>v1.${n}.0</h2>
      <h3>What's Changed</h3><ul><li>Speaker cards show the talk's room (#${n}1)</li></ul>
      <h3>Features</h3><p>Sessions can now be grouped into a block: several lightning talks under one
      slot, each with its speaker and slides.</p><h3>Bug fixes</h3><ul><li>The keynote badge no longer
      overlaps the speaker's name (#${n}2)</li></ul></section>`;
    const doc = parse(`<html><head><title>Releases · podium</title></head><body><main>
      <h1>Releases</h1>${[3, 2, 1].map(release).join('')}</main></body></html>`);
    expect(detectTalkSections(doc).map((s) => s.title)).toEqual([]);
  });
});

describe('headings with a time and a room in front', () => {
  it('keeps a timed break out of the talks', () => {
    const p = '<p>Some words about the talk, long enough to read as a paragraph of prose about it.</p>';
    const doc = parse(`<html><head><title>PyCon day one</title></head><body><article>
      <h1>PyCon 2024: my notes from Thursday</h1>${p}
      <h2>10:00 · Main stage · Keynote: Maintaining Free Software Without Burning Out</h2>${p}
      <h2>11:15 · Room B — Postgres in Production (Facundo Rios)</h2>${p}
      <h2 id="lunch">12:30 · Almuerzo y stands</h2>${p}
      <h2>14:00 · Room A — Typed Pipelines in Practice (Ana Gomez)</h2>${p}
      </article></body></html>`);
    const sections = detectTalkSections(doc);
    expect(sections.map((s) => s.title)).toEqual([
      'Maintaining Free Software Without Burning Out',
      'Postgres in Production',
      'Typed Pipelines in Practice',
    ]);
    expect(talkForNode(sections, doc.getElementById('lunch')!.nextElementSibling!.firstChild!)).toBeNull();
  });
});
