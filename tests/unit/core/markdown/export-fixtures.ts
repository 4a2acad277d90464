/** The Markdown export's golden fixtures (tests/fixtures/export): their shape, and highlights with defaults. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { DEFAULT_EXPORT_OPTIONS } from '@/core/markdown/export-options';
import type { ExportOptions } from '@/core/markdown/export-options';
import type { ColorNames } from '@/core/colors';
import type { ConferenceRecord, HighlightRecord, PageRecord, TalkRecord } from '@/core/types';

export const FIXTURES = join(__dirname, '../../../fixtures/export');

/** A fixture highlight: a HighlightRecord with defaults, and its quote context as `prefix`/`suffix`. */
type FixtureHighlight = Partial<HighlightRecord> &
  Pick<HighlightRecord, 'id' | 'pageId' | 'talkId' | 'text' | 'position'> & {
    prefix?: string;
    suffix?: string;
  };

/** A fixture file: `toMarkdown`'s input (`conferenceId`: `conferenceToMarkdown`'s, for that conference). */
export interface Fixture {
  title: string;
  exportedAt: number;
  options: Partial<ExportOptions>;
  colorNames: ColorNames;
  conferences?: ConferenceRecord[];
  pages: PageRecord[];
  talks: TalkRecord[];
  highlights: FixtureHighlight[];
  conferenceId?: string;
}

export function highlight(
  { prefix = '', suffix = '', ...h }: FixtureHighlight,
  pages: PageRecord[] = [],
): HighlightRecord {
  return {
    url: pages.find((p) => p.id === h.pageId)?.url ?? 'https://a.example/',
    markdown: h.text,
    selectors: [{ type: 'TextQuoteSelector', exact: h.text, prefix, suffix }],
    color: 'yellow',
    note: '',
    tags: [],
    anchorStatus: 'placed',
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    ...h,
  };
}

/** Page-derived text that tries to add structure: headings, rules, HTML, embeds, links, YAML, odd line breaks. */
export const hostileText = fc
  .array(
    fc.oneof(
      fc.string({ maxLength: 6 }).map((s) => s.replace(/[`~]/g, '')),
      fc.constantFrom(
        '# ',
        '---',
        '\n',
        '<script>',
        '</b>',
        '[[x]]',
        '![[y]]',
        '](javascript:alert(1))',
        '[a](javascript:x)',
        '"',
        ': ',
        '\u2028',
        '\u0085',
      ),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

/** A fixture as export input: highlights with their defaults, options over the defaults. */
export function exportInput(fixture: Fixture) {
  return {
    ...fixture,
    highlights: fixture.highlights.map((h) => highlight(h, fixture.pages)),
    options: { ...DEFAULT_EXPORT_OPTIONS, ...fixture.options },
  };
}

/**
 * One test per fixture `dir/<name>.json`: `render` of it must equal `dir/expected/<name>.md`
 * (`UPDATE_GOLDEN=1` rewrites the expected files instead).
 */
export function goldenFiles(dir: string, render: (fixture: Fixture) => string): void {
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5));
  it.each(names)('%s', (name) => {
    const markdown = render(JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as Fixture);
    const expectedPath = join(dir, 'expected', `${name}.md`);
    if (process.env.UPDATE_GOLDEN) writeFileSync(expectedPath, markdown);
    expect(markdown).toBe(readFileSync(expectedPath, 'utf8'));
  });
}
