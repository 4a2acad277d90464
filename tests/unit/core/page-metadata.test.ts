import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { extractPageMetadata, stripSiteName, toIsoDate } from '@/core/page-metadata';
import { PageMetadataSchema } from '@/core/schemas';
import { CHECKED_WEB_PAGES, WEB_PAGES_DIR, webPagePath } from '../../fixtures/web-pages';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures');
const PAGES = join(FIXTURES, 'pages');
const PAGE_URL = 'https://example.com/page';

// A silent virtual console: jsdom cannot parse some of the corpus CSS and would say so on every page.
const parse = (html: string, url = PAGE_URL) =>
  new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document;
const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The fields of Readability's expected-metadata.json we compare with. */
interface Expected {
  title: string;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  lang?: string;
  excerpt?: string;
}

/**
 * Where we deliberately differ from Readability's expectation, what we want instead, and why. Everything
 * not listed here must match the expectation.
 */
const OURS: Record<string, { title?: string; authors?: string[]; publishedAt?: string }> = {
  // The title ends with " – Firefox Nightly News", the og:site_name: we drop the repeated site name.
  'firefox-nightly-blog': {
    title: 'These Weeks in Firefox: Issue 85',
    publishedAt: '2020-12-18T16:09:48+00:00',
  },
  // og:title and <title> say "Outside the web: ..."; Readability guesses "Outside the web:" is a site prefix.
  'v8-blog': {
    title: 'Outside the web: standalone WebAssembly binaries using Emscripten · V8',
    publishedAt: '2019-11-21', // <time itemprop="datePublished" datetime="2019-11-21">
  },
  // Readability reads no date from these pages; each states one.
  'ars-1': { publishedAt: '2015-04-16T20:02:01+00:00' }, // <time datetime> in the article
  'dropbox-blog': { publishedAt: '2020-11-11T12:00:00.000-06:00' }, // <meta name="publishDate" content="... -0600">
  'nytimes-1': { publishedAt: '2017-01-13T00:00:04-05:00' }, // <meta itemprop="datePublished">
  // Two <meta name="DC.Creator">: both are authors (Readability keeps the last), plus DC.Date.Issued.
  'ietf-1': { authors: ['Kooman, F.', 'Jong, Michiel de'], publishedAt: '2014-12-15' },
  // Readability finds no byline; the page names its author in a rel=author link ("Posts by ..." trimmed).
  blogger: { authors: ['Andrew Zonenberg'] },
  wordpress: { authors: ['Sarah Gooding'] },
  // JSON-LD "author": "mcupdate" (the Tumblr account).
  tumblr: { authors: ['mcupdate'] },
};

const corpus = CHECKED_WEB_PAGES;

describe('extractPageMetadata on the Readability corpus', () => {
  it('has the pages', () => {
    expect(corpus.length).toBe(22);
  });

  it.each(corpus)('%s', (name) => {
    const html = readFileSync(webPagePath(name), 'utf8');
    const expected = JSON.parse(
      readFileSync(join(WEB_PAGES_DIR, name, 'expected-metadata.json'), 'utf8'),
    ) as Expected;
    const ours = OURS[name] ?? {};
    const doc = parse(html);
    const before = doc.documentElement.outerHTML;

    const { metadata, article } = extractPageMetadata(doc);

    expect(doc.documentElement.outerHTML).toBe(before); // Readability ran on a clone
    expect(v.safeParse(PageMetadataSchema, metadata).success).toBe(true);
    expect(metadata.url).toBe(PAGE_URL);
    expect(article).not.toBeNull(); // every corpus page is "readerable" in Readability's expectations
    expect(metadata.title).toBe(ours.title ?? expected.title);
    expect(metadata.siteName).toBe(expected.siteName);

    if (ours.authors) expect(metadata.authors).toEqual(ours.authors);
    else if (expected.byline) {
      // Readability's byline is raw text ("By Nathan Willis\n March 25, 2015"): our names are in it.
      expect(metadata.authors.length).toBeGreaterThan(0);
      for (const author of metadata.authors) expect(clean(expected.byline)).toContain(author);
    } else expect(metadata.authors).toEqual([]);

    const publishedAt = ours.publishedAt ?? expected.publishedTime;
    if (publishedAt === null) expect(metadata.publishedAt).toBeNull();
    else {
      // ISO 8601 with the offset the page gave: the same instant, and the author's calendar date.
      expect(metadata.publishedAt).toMatch(
        /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{3})?(Z|[+-]\d{2}:\d{2}))?$/,
      );
      expect(Date.parse(metadata.publishedAt!)).toBe(Date.parse(publishedAt));
      if (ours.publishedAt) expect(metadata.publishedAt).toBe(ours.publishedAt);
    }

    // Readability leaves the case as the page wrote it ("en-us"); we canonicalize ("en-US").
    expect(metadata.lang?.toLowerCase() ?? null).toBe(expected.lang?.toLowerCase() ?? null);
    expect(metadata.excerpt === null ? null : clean(metadata.excerpt)).toBe(
      expected.excerpt === undefined ? null : clean(expected.excerpt),
    );
  });
});

describe('extractPageMetadata on the conference blog', () => {
  const load = (name: string) => parse(readFileSync(join(PAGES, name), 'utf8'));

  it.each(['conference-h2.html', 'conference-h4.html', 'conference-bold.html'])('%s', (file) => {
    const { metadata, article } = extractPageMetadata(load(file));
    expect(metadata).toEqual({
      url: PAGE_URL,
      title: 'Open Source Summit - Day 3',
      authors: ['Blog Author'],
      siteName: 'Conference Notes Blog',
      publishedAt: '2017-10-29T08:35:00+02:00', // as the page says it
      lang: 'en',
      canonicalUrl: null,
      excerpt: expect.stringMatching(/^Open source summit Wednesday started with a keynote/),
    });
    expect(article?.title).toBe('Open Source Summit - Day 3');
    expect(article?.textLength).toBeGreaterThan(10_000);
  });

  it('reads the second post', () => {
    const { metadata } = extractPageMetadata(load('conference-h3.html'));
    expect(metadata.title).toBe('Open Source Summit Prague 2017 - part 1');
    expect(metadata.publishedAt).toBe('2017-10-23T11:18:00+02:00');
  });

  it('does not date an archive page by its first post', () => {
    const { metadata } = extractPageMetadata(load('conference-archive.html'));
    expect(metadata.title).toBe('Archive for October 2017');
    expect(metadata.publishedAt).toBeNull();
    expect(metadata.authors).toEqual(['Blog Author']); // <meta name="author">
  });
});

describe('extractPageMetadata on inline pages', () => {
  const page = (head: string, body = '<p>Hello.</p>', htmlAttrs = '') =>
    parse(`<!doctype html><html ${htmlAttrs}><head>${head}</head><body>${body}</body></html>`);
  const ld = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

  it('falls back to metadata only when the page has more elements than Readability may parse', () => {
    const doc = page(
      '<title>Big | Site</title><meta property="og:site_name" content="Site"><meta name="author" content="A B">',
      '<p>x</p>'.repeat(50),
    );
    const { metadata, article } = extractPageMetadata(doc, { maxElemsToParse: 20 });
    expect(article).toBeNull();
    expect(metadata).toMatchObject({ title: 'Big', siteName: 'Site', authors: ['A B'] });
  });

  it('returns no article for a page without one', () => {
    const { metadata, article } = extractPageMetadata(
      page('<title>Menu</title>', '<nav><a href="/">Home</a></nav>'),
    );
    expect(article).toBeNull();
    expect(metadata.title).toBe('Menu');
    expect(metadata.excerpt).toBeNull();
  });

  it('falls back to the first h1, then to the URL, for the title', () => {
    expect(extractPageMetadata(page('', '<h1>Heading</h1><p>x</p>')).metadata.title).toBe('Heading');
    expect(extractPageMetadata(page('', '<p>x</p>')).metadata.title).toBe(PAGE_URL);
  });

  it('survives malformed and odd JSON-LD', () => {
    const doc = page(
      [
        '<title>T</title>',
        '<script type="application/ld+json">{ "@type": "Article", "author": </script>',
        '<script type="application/ld+json">null</script>',
        '<script type="application/ld+json">[1, "x", {"@type": 42}]</script>',
        ld({ '@type': 'Article', author: { name: 'Ada Lovelace' } }),
      ].join(''),
    );
    expect(extractPageMetadata(doc).metadata.authors).toEqual(['Ada Lovelace']);
  });

  it('reads JSON-LD @graph with @id references, author arrays and the publisher', () => {
    const doc = page(
      ld({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebSite', '@id': '#site', name: 'Graph Site' },
          { '@type': 'Person', '@id': '#jane', name: 'Jane Doe' },
          {
            '@type': ['BlogPosting'],
            headline: 'Graph Post',
            datePublished: '2024-02-03T10:00:00+01:00',
            author: [{ '@id': '#jane' }, { '@type': 'Organization', name: 'ACME Labs' }, 'Jane Doe'],
            publisher: { '@type': 'Organization', name: 'Graph Publisher' },
          },
        ],
      }),
    );
    expect(extractPageMetadata(doc).metadata).toMatchObject({
      title: 'Graph Post',
      authors: ['Jane Doe', 'ACME Labs'],
      siteName: 'Graph Publisher',
      publishedAt: '2024-02-03T10:00:00+01:00',
    });
  });

  it('takes the site name from application-name when nothing else names it', () => {
    const doc = page('<title>Post — Notes</title><meta name="application-name" content="Notes">');
    expect(extractPageMetadata(doc).metadata).toMatchObject({ title: 'Post', siteName: 'Notes' });
  });

  it.each([
    ['<meta name="author" content="By Jane Doe">', ['Jane Doe']],
    ['<meta name="author" content="https://facebook.com/jane">', []],
    ['<link rel="author" title="Jane Doe" href="/jane">', ['Jane Doe']],
    [
      '<meta name="dc.creator" content="Jane Doe"><meta name="dc.creator" content="John Roe">',
      ['Jane Doe', 'John Roe'],
    ],
  ])('authors from %s', (head, authors) => {
    expect(extractPageMetadata(page(`<title>T</title>${head}`)).metadata.authors).toEqual(authors);
  });

  it('ignores rel=author links that are not names', () => {
    const doc = page(
      '<title>T</title>',
      '<a rel="author" href="/me">View my complete profile</a><p>Hello.</p>',
    );
    expect(extractPageMetadata(doc).metadata.authors).toEqual([]);
  });

  it.each([
    [
      '<meta property="article:published_time" content="2017-10-29T08:35:00+02:00">',
      '2017-10-29T08:35:00+02:00',
    ],
    // Just after midnight where the author is: the 23rd there, still the 22nd in UTC (#14).
    [
      '<meta property="article:published_time" content="2017-10-23T01:00:00+02:00">',
      '2017-10-23T01:00:00+02:00',
    ],
    ['<meta name="dc.date" content="2020-01-02">', '2020-01-02'],
    ['<meta name="date" content="yesterday">', null],
    ['<meta name="date" content="2020-13-45">', null],
  ])('publishedAt from %s', (head, publishedAt) => {
    expect(extractPageMetadata(page(`<title>T</title>${head}`)).metadata.publishedAt).toBe(publishedAt);
  });

  it('dates a single article by its <time datetime>, but not by its update time', () => {
    const body = (times: string) => `<article><h1>T</h1>${times}<p>Text.</p></article>`;
    const updated = '<time class="updated" datetime="2021-05-05T00:00:00Z">May 5</time>';
    const published = '<time datetime="2021-04-04T12:00:00Z">April 4</time>';
    expect(extractPageMetadata(page('', body(updated + published))).metadata.publishedAt).toBe(
      '2021-04-04T12:00:00Z',
    );
    expect(extractPageMetadata(page('', body(updated))).metadata.publishedAt).toBeNull();
  });

  it.each([
    ['lang="en-us"', '', 'en-US'],
    ['lang="de_DE"', '', 'de-DE'],
    ['', '<meta http-equiv="Content-Language" content="fr, en">', 'fr'],
    ['lang="not a language"', '', null],
    ['', '', null],
  ])('lang from <html %s> %s', (htmlAttrs, head, lang) => {
    expect(extractPageMetadata(page(`<title>T</title>${head}`, '<p>x</p>', htmlAttrs)).metadata.lang).toBe(
      lang,
    );
  });

  it.each([
    ['/posts/1?a=b', 'https://example.com/posts/1?a=b'],
    ['https://other.example/p', 'https://other.example/p'],
    ['javascript:alert(1)', null],
    ['ftp://example.com/x', null],
  ])('canonicalUrl %s -> %s', (href, canonical) => {
    const doc = page(`<title>T</title><link rel="canonical" href="${href}">`);
    expect(extractPageMetadata(doc).metadata.canonicalUrl).toBe(canonical);
  });

  it('normalizes the page URL, preferring options.url over doc.URL', () => {
    const doc = parse('<title>T</title>', 'https://example.com/a?utm_source=x#frag');
    expect(extractPageMetadata(doc).metadata.url).toBe('https://example.com/a');
    expect(extractPageMetadata(doc, { url: 'https://example.org/b?id=1&fbclid=2' }).metadata.url).toBe(
      'https://example.org/b?id=1',
    );
  });

  it('refuses a page without an http(s) URL', () => {
    const doc = new JSDOM('<title>T</title>').window.document; // about:blank
    expect(() => extractPageMetadata(doc)).toThrow(RangeError);
  });

  it('keeps values within the stored bounds and cleans whitespace', () => {
    const long = 'word '.repeat(2000);
    const doc = page(
      `<title>  A\n\n  title\u00a0with   spaces  </title><meta name="description" content="${long}"><meta name="author" content="${'x'.repeat(600)}">`,
    );
    const { metadata } = extractPageMetadata(doc);
    expect(metadata.title).toBe('A title with spaces');
    expect(metadata.excerpt!.length).toBeLessThanOrEqual(5000);
    expect(metadata.authors).toEqual([]); // an "author" of 600 characters is not a name
    const huge = page(`<title>${'t'.repeat(3000)}</title>`);
    expect(extractPageMetadata(huge).metadata.title.length).toBe(2000);
    expect(v.safeParse(PageMetadataSchema, extractPageMetadata(huge).metadata).success).toBe(true);
  });
});

describe('stripSiteName', () => {
  it.each([
    ['Post | Site', 'Site', 'Post'],
    ['Post – Site', 'site', 'Post'],
    ['Site: Post', 'Site', 'Post'],
    ['Post | Other', 'Site', 'Post | Other'],
    ['Site', 'Site', 'Site'],
    ['Post | Site', null, 'Post | Site'],
    [
      'Open Source Summit - Day 3 | Conference Notes Blog',
      'Conference Notes Blog',
      'Open Source Summit - Day 3',
    ],
  ])('%s (site %s) -> %s', (title, site, expected) => {
    expect(stripSiteName(title, site)).toBe(expected);
  });
});

describe('toIsoDate', () => {
  it.each([
    // An offset is kept: the first ten characters stay the author's date (#14).
    ['2017-10-29T08:35:00+02:00', '2017-10-29T08:35:00+02:00'],
    ['2017-10-29T08:35:00+0200', '2017-10-29T08:35:00+02:00'],
    ['2017-10-23T01:00:00+02:00', '2017-10-23T01:00:00+02:00'],
    ['2017-10-22T23:30:00-10:00', '2017-10-22T23:30:00-10:00'],
    ['2015-03-17T16:27:40.294Z', '2015-03-17T16:27:40.294Z'],
    ['2020-11-11 12:00:00.000-0600', '2020-11-11T12:00:00.000-06:00'],
    ['2020-11-11T12:00:00+15:00', null], // no such offset
    ['2024-06-25', '2024-06-25'],
    ['2024-06-25T10:00', '2024-06-25T10:00:00'], // no zone: stays local rather than guessing one
    ['Tue, 02 Sep 2014 08:35:27 -0400', '2014-09-02T08:35:27-04:00'],
    ['Tue, 02 Sep 2014 23:35:27 -0400', '2014-09-02T23:35:27-04:00'], // the 3rd in UTC
    ['Tue, 02 Sep 2014 08:35:27 GMT', '2014-09-02T08:35:27Z'],
    ['March 25, 2015', null],
    ['2024-02-30', null],
    ['2024-01-01T25:00:00Z', null],
    ['', null],
  ])('%s -> %s', (input, expected) => {
    expect(toIsoDate(input)).toBe(expected);
  });
});
