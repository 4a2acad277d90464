/**
 * A page's published date is the author's calendar date, from extraction to every place it is shown
 * (#14): a post dated `2017-10-23T01:00:00+02:00` (one in the morning in Prague) is 23 October in the
 * popup, the dashboard and the Markdown export, for a reader in Honolulu too, where that instant is
 * still the 22nd. Stored as a UTC instant (as before #14) it was shown as 22 October everywhere.
 */
import { render, screen } from '@testing-library/preact';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DashboardGroupHeader } from '@/components/dashboard/DashboardGroupHeader';
import { PageSummary } from '@/components/popup/PageSummary';
import { DEFAULT_EXPORT_OPTIONS } from '@/core/markdown/export-options';
import { toMarkdown } from '@/core/markdown/export';
import { extractPageMetadata } from '@/core/page-metadata';
import { pageHeading } from '@/core/page-view';
import type { HighlightRecord, PageRecord } from '@/core/types';

const URL = 'https://blog.example/prague-2017';
const PAGE_HTML = `<!doctype html><html lang="en"><head><title>Prague 2017, part 1</title>
  <meta property="article:published_time" content="2017-10-23T01:00:00+02:00"></head>
  <body><article><h1>Prague 2017, part 1</h1><p>What I found interesting about the talk.</p></article></body></html>`;

// The reader is ten hours behind UTC, twelve behind the author.
const READER_ZONE = 'Pacific/Honolulu';
let zoneBefore: string | undefined;
beforeAll(() => {
  zoneBefore = process.env.TZ;
  process.env.TZ = READER_ZONE;
});
afterAll(() => {
  if (zoneBefore === undefined) delete process.env.TZ;
  else process.env.TZ = zoneBefore;
});

function storedPage(): PageRecord {
  const doc = new JSDOM(PAGE_HTML, { url: URL }).window.document;
  const { metadata } = extractPageMetadata(doc);
  return { ...metadata, id: 'page-1', createdAt: 1, updatedAt: 1 };
}

const passage: HighlightRecord = {
  id: 'h-1',
  pageId: 'page-1',
  talkId: null,
  url: URL,
  text: 'What I found interesting about the talk.',
  markdown: 'What I found interesting about the talk.',
  selectors: [
    { type: 'TextQuoteSelector', exact: 'What I found interesting about the talk.', prefix: '', suffix: '' },
  ],
  position: 0,
  color: 'yellow',
  note: '',
  tags: [],
  anchorStatus: 'placed',
  createdAt: Date.UTC(2017, 10, 1),
  updatedAt: Date.UTC(2017, 10, 1),
};

describe('a published date one hour after the author’s midnight, read in Honolulu', () => {
  it('runs in the reader’s zone, where the instant falls on the 22nd', () => {
    // Guards the test itself: the zone took effect, so a date computed from the instant would be wrong.
    expect(new Date('2017-10-23T01:00:00+02:00').getDate()).toBe(22);
  });

  it('is stored as the author wrote it', () => {
    expect(storedPage().publishedAt).toBe('2017-10-23T01:00:00+02:00');
  });

  it('is 23 October in the popup', () => {
    const heading = pageHeading(storedPage(), { title: '', url: URL }, 'en-GB');
    render(<PageSummary heading={heading} total={1} orphans={0} />);
    expect(screen.getByText(/·/).textContent).toContain('23 Oct 2017');
  });

  it('is 23 October in the dashboard’s page group', () => {
    const page = storedPage();
    const { container } = render(
      <DashboardGroupHeader
        group={{
          key: `page:${page.id}`,
          by: 'page',
          title: page.title,
          talk: null,
          page,
          pages: [page],
          highlights: [passage],
        }}
        collapsed={false}
        terms={[]}
        siteOf={() => 'blog.example'}
        tabbable
        onToggleCollapse={() => {}}
        onSelectGroup={() => {}}
      />,
    );
    const shown = container.querySelector('.dash-published')?.textContent ?? '';
    // The reader's locale formats it; the day and year are the author's whatever the locale.
    expect(shown).toMatch(/\b23\b/);
    expect(shown).toContain('2017');
    expect(shown).not.toMatch(/\b22\b/);
  });

  it('is 2017-10-23 in the Markdown export’s {{published}}', () => {
    const page = storedPage();
    const markdown = toMarkdown({
      title: 'Export',
      highlights: [passage],
      pages: [page],
      talks: [],
      colorNames: {},
      options: { ...DEFAULT_EXPORT_OPTIONS, includeFrontMatter: false, template: 'published {{published}}' },
      exportedAt: Date.UTC(2025, 0, 1),
    });
    expect(markdown).toContain('published 2017-10-23');
  });

  it('reads a date stored before #14 (a UTC instant) as that UTC date, as it always did', () => {
    const old = { ...storedPage(), publishedAt: '2017-10-22T23:00:00.000Z' };
    expect(pageHeading(old, { title: '', url: URL }, 'en-GB').published).toBe('22 Oct 2017');
  });
});
