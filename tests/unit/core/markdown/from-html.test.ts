import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { escapeMarkdownText } from '@/core/markdown/escape';
import {
  type ClipMarkdown,
  fragmentToMarkdown,
  MAX_CLIP_HTML_LENGTH,
  rangeToMarkdown,
} from '@/core/markdown/from-html';
import { activeParts, plainText, renderedHtml } from './markdown-oracle';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/markdown');
const EXPECTED = join(FIXTURES, 'expected');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const DEFAULT_URL = 'https://example.com/talks/day-3.html';

/**
 * A fixture's leading comment: which text to select. `start`: the selection starts at the first occurrence
 * of this text in the body; `end`: it ends after the first occurrence of this text from there; `select`:
 * both at once. `page` takes the HTML from another fixture file (relative to the fixture), `url` is the
 * document's URL.
 */
interface Selection {
  start?: string;
  end?: string;
  select?: string;
  page?: string;
  url?: string;
}

function loadFixture(name: string): { dom: JSDOM; range: Range } {
  const source = readFileSync(join(FIXTURES, name), 'utf8');
  const comment = /^\s*<!--([\s\S]*?)-->/.exec(source);
  if (!comment) throw new Error(`${name}: no leading <!-- {selection} --> comment`);
  const selection = JSON.parse(comment[1]!) as Selection;
  const html = selection.page ? readFileSync(join(FIXTURES, selection.page), 'utf8') : source;
  const dom = new JSDOM(html, { url: selection.url ?? DEFAULT_URL });
  const start = selection.start ?? selection.select;
  const end = selection.end ?? selection.select;
  if (!start || !end) throw new Error(`${name}: the comment needs start and end, or select`);
  return { dom, range: selectText(dom.window.document, start, end) };
}

/** A range from the start of the first `start` to the end of the first `end` after it, in the body's text. */
function selectText(doc: Document, start: string, end: string): Range {
  const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
  const nodes: { node: Text; offset: number }[] = [];
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push({ node: node as Text, offset: text.length });
    text += (node as Text).data;
  }
  const from = text.indexOf(start);
  const endAt = from < 0 ? -1 : text.indexOf(end, from);
  if (from < 0 || endAt < 0) throw new Error(`selection not found: ${start} ... ${end}`);
  const to = endAt + end.length;
  const at = (position: number, isEnd: boolean) => {
    const hit = nodes.find(({ node, offset }) =>
      isEnd ? position <= offset + node.length : position < offset + node.length,
    )!;
    return [hit.node, position - hit.offset] as const;
  };
  const range = doc.createRange();
  range.setStart(...at(from, false));
  range.setEnd(...at(to, true));
  return range;
}

/** True when the Markdown has a `<` that could open HTML, or an `&` that could start an entity, unescaped. */
function hasRawMarkup(markdown: string): boolean {
  for (let i = 0; i < markdown.length; i++) {
    if (markdown[i] === '\\') i++;
    else if (markdown[i] === '<' && /[A-Za-z/!?]/.test(markdown[i + 1] ?? '')) return true;
    else if (markdown[i] === '&' && /^&#?[A-Za-z0-9]+;/.test(markdown.slice(i))) return true;
  }
  return false;
}

/** What a Markdown reader would see of escaped text: backslash escapes removed. */
function unescapeMarkdown(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

function paragraphMarkdown(text: string): string {
  const p = document.createElement('p');
  p.textContent = text;
  return fragmentToMarkdown(p).markdown;
}

// Code spans and fences are literal in Markdown: leave them out when looking for unescaped markup.
const withoutCode = (markdown: string) =>
  markdown
    .replace(/^[ >]*(`{3,})[^\n]*\n[\s\S]*?\n[ >]*\1[ \t]*$/gm, '')
    .replace(/(?<![`\\])(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, '');

/** The tags and attributes the sanitized HTML may have (containers come out as div, images as text). */
const HTML_TAGS = new Set(
  'p br hr a em i strong b code pre blockquote ul ol li h1 h2 h3 h4 h5 h6 del s sup sub table thead tbody tfoot tr th td div'.split(
    ' ',
  ),
);

function expectSafeHtml(html: string): void {
  const template = document.createElement('template');
  template.innerHTML = html;
  for (const el of template.content.querySelectorAll('*')) {
    expect(HTML_TAGS, el.localName).toContain(el.localName);
    for (const { name, value } of el.attributes) {
      expect(['href', 'start'], `${el.localName}[${name}]`).toContain(name);
      if (name === 'href') expect(value).toMatch(/^(https?:\/\/|mailto:)/);
    }
  }
}

const fixtureNames = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.html'))
  .sort();

describe('rangeToMarkdown golden files (tests/fixtures/markdown; UPDATE_GOLDEN=1 rewrites expected/)', () => {
  const results = new Map<string, ClipMarkdown>();
  const clip = (name: string): ClipMarkdown => {
    let result = results.get(name);
    if (!result) {
      const { range } = loadFixture(name);
      result = rangeToMarkdown(range);
      results.set(name, result);
    }
    return result;
  };

  it('has the cases the conversion must cover', () => {
    expect(fixtureNames.length).toBeGreaterThanOrEqual(20);
  });

  it.each(fixtureNames)('%s', (name) => {
    const { markdown } = clip(name);
    const golden = join(EXPECTED, name.replace(/\.html$/, '.md'));
    if (UPDATE) {
      mkdirSync(EXPECTED, { recursive: true });
      writeFileSync(golden, `${markdown}\n`);
    } else {
      expect(existsSync(golden), `${golden} is missing: run with UPDATE_GOLDEN=1 and review it`).toBe(true);
      expect(`${markdown}\n`).toBe(readFileSync(golden, 'utf8'));
    }
  });

  it.each(fixtureNames)('%s: no markup, handlers or remote resources leak', (name) => {
    const { markdown, html } = clip(name);
    expectSafeHtml(html);
    const prose = withoutCode(markdown);
    expect(hasRawMarkup(prose)).toBe(false);
    expect(prose).not.toMatch(/(^|[^\\])!\[/); // no image syntax
    expect(prose).not.toMatch(/(^|[^\\])\]\((?!https?:\/\/|mailto:)/); // links are http(s) or mailto only
  });

  it('keeps hostile text as text', () => {
    const { markdown, html } = clip('hostile-text.html');
    expect(markdown).toContain('\\</textarea>\\<img src=x onerror=alert(1)>');
    expect(html).toContain('&lt;/textarea&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(clip('hostile-elements.html').markdown).not.toMatch(/alert|svg text|template text|textarea text/);
  });
});

describe('rangeToMarkdown', () => {
  const page = (body: string, url = DEFAULT_URL) =>
    new JSDOM(`<body>${body}</body>`, { url }).window.document;

  it('returns nothing for a collapsed range', () => {
    const doc = page('<p>text</p>');
    const range = doc.createRange();
    range.setStart(doc.querySelector('p')!.firstChild!, 2);
    expect(rangeToMarkdown(range)).toEqual({ markdown: '', html: '' });
  });

  it('does not throw on a range around the doctype', () => {
    const doc = new JSDOM('<!doctype html><p>*text*</p>').window.document;
    const range = doc.createRange();
    range.selectNodeContents(doc);
    expect(rangeToMarkdown(range)).toEqual({ markdown: '\\*text\\*', html: '<p>*text*</p>' });
  });

  it('resolves links against options.baseUrl when given', () => {
    const doc = page('<p>See <a href="../slides.pdf">slides</a>.</p>');
    const range = doc.createRange();
    range.selectNodeContents(doc.body);
    expect(rangeToMarkdown(range, { baseUrl: 'https://cdn.example/a/b/' }).markdown).toBe(
      'See [slides](https://cdn.example/a/slides.pdf).',
    );
  });

  it('drops relative links when there is nothing to resolve them against', () => {
    const doc = page('<p>See <a href="/slides">slides</a> and <a href="https://x.example/">x</a>.</p>');
    const range = doc.createRange();
    range.selectNodeContents(doc.body);
    expect(rangeToMarkdown(range, { baseUrl: 'about:blank' }).markdown).toBe(
      'See slides and [x](https://x.example/).',
    );
  });

  it('does not modify the page', () => {
    const doc = page('<ul><li>a <a href="/x">b</a></li><li>c<img src="y.png" alt="d"></li></ul>');
    const before = doc.body.innerHTML;
    const range = doc.createRange();
    range.setStart(doc.querySelector('a')!.firstChild!, 0);
    range.setEnd(doc.querySelectorAll('li')[1]!.firstChild!, 1);
    expect(rangeToMarkdown(range).markdown).toBe('- [b](https://example.com/x)\n- c');
    expect(doc.body.innerHTML).toBe(before);
  });

  it('uses neither the global document nor the global window', () => {
    const doc = page('<p>Hello <em>there</em> <a href="/x">link</a></p>');
    const range = doc.createRange();
    range.selectNodeContents(doc.body);
    vi.stubGlobal('document', undefined);
    vi.stubGlobal('window', undefined);
    try {
      expect(rangeToMarkdown(range).markdown).toBe('Hello *there* [link](https://example.com/x)');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('falls back to escaped plain text above the size cap, without script text', () => {
    const doc = page(
      '<h2># Title</h2><p>First <b>para</b><script>alert(1)</script> &lt;img onerror=x&gt;</p><p>1. Second<br>line</p>',
    );
    const range = doc.createRange();
    range.selectNodeContents(doc.body);
    expect(rangeToMarkdown(range, { maxHtmlLength: 20 })).toEqual({
      markdown: '\\# Title\n\nFirst para \\<img onerror=x>\n\n1\\. Second\nline',
      html: '<p># Title</p><p>First para &lt;img onerror=x&gt;</p><p>1. Second<br>line</p>',
    });
  });

  it(`caps selections of more than ${MAX_CLIP_HTML_LENGTH} characters of HTML by default`, () => {
    // Long text nodes and few elements: jsdom's cloneContents is slow per node, not per character.
    const paragraph = `<p><em>word</em> ${'*x* '.repeat(5000)}</p>`;
    const doc = page(paragraph.repeat(Math.ceil(MAX_CLIP_HTML_LENGTH / paragraph.length) + 1));
    const range = doc.createRange();
    range.selectNodeContents(doc.body);
    const { markdown, html } = rangeToMarkdown(range);
    expect(markdown.startsWith('word \\*x\\* \\*x\\*')).toBe(true);
    expect(html).not.toContain('<em>');
    expect(rangeToMarkdown(range, { maxHtmlLength: Number.POSITIVE_INFINITY }).html).toContain('<em>');
  });
});

describe('fragmentToMarkdown', () => {
  it('converts an element including itself, without modifying it', () => {
    const doc = new JSDOM('<ol start="3"><li>a</li><li>b <b onclick="x()">c</b></li></ol>').window.document;
    const list = doc.querySelector('ol')!;
    const before = list.outerHTML;
    expect(fragmentToMarkdown(list)).toEqual({
      markdown: '3. a\n4. b **c**',
      html: '<ol start="3"><li>a</li><li>b <b>c</b></li></ol>',
    });
    expect(list.outerHTML).toBe(before);
  });

  it('converts a DocumentFragment', () => {
    const doc = new JSDOM('').window.document;
    const fragment = doc.createRange().createContextualFragment('<h3>T</h3><p>x<br>y</p>');
    expect(fragmentToMarkdown(fragment).markdown).toBe('### T\n\nx  \ny');
  });

  it('uses options.window for documents without one (DOMParser), and plain text without any', () => {
    const { window } = new JSDOM('');
    const doc = new window.DOMParser().parseFromString('<p>a <em>b</em> <a href="/c">c</a></p>', 'text/html');
    expect(doc.defaultView).toBeNull();
    const p = doc.querySelector('p')!;
    expect(fragmentToMarkdown(p, { window, baseUrl: 'https://example.com/' }).markdown).toBe(
      'a *b* [c](https://example.com/c)',
    );
    expect(fragmentToMarkdown(p)).toEqual({ markdown: 'a b c', html: '<p>a b c</p>' });
  });

  // A link around blocks (a card, a download button) became `[\n\nfor Desktop\n\n](u)`, which every
  // parser shows as literal brackets: each block's text is linked instead, block markers outside.
  it.each([
    [
      '<a href="https://d.example/"><div>for Desktop</div></a>',
      '[for Desktop](https://d.example/)',
      ['https://d.example/'],
    ],
    [
      '<a href="https://d.example/"><h3>Title</h3><p>One <em>line</em></p></a>',
      '### [Title](https://d.example/)\n\n[One *line*](https://d.example/)',
      ['https://d.example/', 'https://d.example/'],
    ],
    [
      '<p>before <a href="https://d.example/"><div>x</div></a> after</p>',
      'before\n\n[x](https://d.example/)\n\nafter',
      ['https://d.example/'],
    ],
    [
      '<a href="https://d.example/"><p>a<br>b</p></a>',
      '[a](https://d.example/)  \n[b](https://d.example/)',
      ['https://d.example/', 'https://d.example/'],
    ],
  ])('keeps a link around blocks a link: %s', (html, markdown, links) => {
    const doc = new JSDOM(`<section>${html}</section>`).window.document;
    const clip = fragmentToMarkdown(doc.querySelector('section')!);
    expect(clip.markdown).toBe(markdown);
    for (const parts of activeParts(clip.markdown)) expect(parts.links).toEqual(links);
  });

  // `<b>Store Consumer<br></b> The…` (a Dropbox post) became `**Store Consumer  \n**The…`, whose closing
  // `**` closes nothing: every parser showed the asterisks. The break goes outside the emphasis.
  it.each([
    ['<p><b>Store Consumer<br></b> The Store</p>', '**Store Consumer**  \nThe Store', ['Store Consumer']],
    ['<p>A<em><br>b</em> c</p>', 'A  \n*b* c', ['b']],
    ['<p><strong><em>x<br> </em></strong>y</p>', '***x***  \ny', ['x']],
  ])('moves a line break at the edge of emphasis outside it: %s', (html, markdown, emphasized) => {
    const doc = new JSDOM(`<section>${html}</section>`).window.document;
    const clip = fragmentToMarkdown(doc.querySelector('section')!);
    expect(clip.markdown).toBe(markdown);
    for (const rendered of renderedHtml(clip.markdown)) {
      const body = new JSDOM(rendered).window.document.body;
      expect(body.textContent).not.toContain('*');
      expect([...body.querySelectorAll('em, strong')].map((e) => e.textContent).at(-1)).toBe(
        emphasized.at(-1),
      );
    }
  });

  it('escapes a `!` right before a link, which would make it an image', () => {
    const doc = new JSDOM('<p>Wow!<a href="https://tracker.example/p.gif">t</a>!</p>').window.document;
    expect(fragmentToMarkdown(doc.querySelector('p')!)).toEqual({
      markdown: 'Wow\\![t](https://tracker.example/p.gif)!',
      html: '<p>Wow!<a href="https://tracker.example/p.gif">t</a>!</p>',
    });
  });

  it.each([
    ['https://example.com/a?b=1#c', '[t](https://example.com/a?b=1#c)'],
    ['HTTP://EXAMPLE.COM/x', '[t](http://example.com/x)'],
    ['mailto:a@example.com', '[t](mailto:a@example.com)'],
    ['/path/(1)', '[t](https://example.com/path/%281%29)'],
    ['/a\\b?c=\\d', '[t](https://example.com/a/b?c=%5Cd)'],
    ['mailto:a b<c>@example.com', '[t](mailto:a%20b%3Cc%3E@example.com)'],
    ['https://example.com/<b>', '[t](https://example.com/%3Cb%3E)'],
    ['javascript:alert(1)', 't'],
    ['  javascript:alert(1)', 't'],
    ['data:text/html,x', 't'],
    ['vbscript:x', 't'],
    ['tel:123', 't'],
    ['ftp://example.com/', 't'],
    ['chrome-extension://abc/page.html', 't'],
    ['', 't'],
  ])('link href %j -> %s', (href, expected) => {
    const doc = new JSDOM('', { url: 'https://example.com/' }).window.document;
    const a = doc.createElement('a');
    a.setAttribute('href', href);
    a.textContent = 't';
    expect(fragmentToMarkdown(a).markdown).toBe(expected);
  });
});

describe('escapeMarkdownText, as the clip converter uses it', () => {
  it.each([
    ['plain text', 'plain text'],
    ['# heading', '\\# heading'],
    ['#hashtag', '\\#hashtag'],
    ['C# and #1 and ## x', 'C# and \\#1 and ## x'],
    ['a | b', 'a \\| b'],
    ['---', '\\---'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['> quote', '\\> quote'],
    ['1. item', '1\\. item'],
    ['1) item', '1\\) item'],
    ['2017. A year', '2017\\. A year'],
    ['v1.2', 'v1.2'],
    ['[[wiki]]', '\\[\\[wiki\\]\\]'],
    ['*stars* _under_', '\\*stars\\* \\_under\\_'],
    ['~~strike~~', '\\~\\~strike\\~\\~'],
    ['`code`', '\\`code\\`'],
    ['back\\slash', 'back\\\\slash'],
    ['<img src=x>', '\\<img src=x>'],
    ['</textarea>', '\\</textarea>'],
    ['<!-- c -->', '\\<!-- c -->'],
    // At the end of a text node the next node's text could complete a tag or an entity.
    ['ends with <', 'ends with \\<'],
    ['ends with &', 'ends with \\&'],
    ['Q&A', 'Q&A'],
    ['<https://x.example>', '\\<https://x.example>'],
    ['a < b > c', 'a < b > c'],
    ['<3', '<3'],
    ['&amp; &#60; &#x3C;', '\\&amp; \\&#60; \\&#x3C;'],
    ['Q&A & more', 'Q&A & more'],
  ])('%j -> %j', (text, expected) => {
    expect(escapeMarkdownText(text)).toBe(expected);
    expect(paragraphMarkdown(text)).toBe(expected);
  });
});

describe('text round trip (property)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  const specials = [...'\\`*_{}[]()<>#+-.!|~=&;:/?"\'$%^@ \n\t'];
  const text = fc.oneof(
    fc.string({ unit: fc.constantFrom(...specials, 'a', 'b', '1', '2', 'lt', 'amp', 'img', '#x3C') }),
    fc.string(),
    fc.string({ unit: 'grapheme' }),
  );

  it('loses no text: unescaping the Markdown of <p>text</p> gives the text back (whitespace collapsed)', () => {
    fc.assert(
      fc.property(text, (value) => {
        const markdown = paragraphMarkdown(value);
        const collapsed = value.replace(/[ \t\n\r]+/g, ' ').trim();
        expect(unescapeMarkdown(markdown)).toBe(collapsed);
        // As a real CommonMark parser reads it: one paragraph of exactly that text, and nothing else.
        for (const read of plainText(markdown)) expect(read).toBe(collapsed);
        expect(hasRawMarkup(markdown)).toBe(false);
        // One paragraph: nothing at the start of the line opens a list, heading, quote, rule or code block.
        expect(markdown).not.toMatch(/^(?:[-+*>=]|#{1,6}(?:\s|$)|\d{1,9}[.)](?:\s|$)|`{3}|~{3}| {4})/);
      }),
      { numRuns: 500 },
    );
  });

  it('never makes markup out of text around links and emphasis', () => {
    fc.assert(
      fc.property(text, text, text, (before, inside, after) => {
        const p = document.createElement('p');
        const a = document.createElement('a');
        const em = document.createElement('em');
        a.href = 'https://example.com/x';
        a.textContent = `link ${inside}`;
        em.textContent = inside;
        p.append(before, a, after, em, before);
        const prose = withoutCode(fragmentToMarkdown(p).markdown);
        expect(hasRawMarkup(prose)).toBe(false);
        expect(prose).not.toMatch(/(^|[^\\])!\[/);
        expect(prose).toContain('](https://example.com/x)');
      }),
      { numRuns: 300 },
    );
  });
});
