import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { escapeMarkdownText } from '@/core/markdown/escape';
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions } from '@/core/markdown/export-options';
import { hashtagFor, inline, linkDestination, TemplateError, toMarkdown } from '@/core/markdown/export';
import type { HighlightRecord, PageRecord, TalkRecord } from '@/core/types';
import { noMetadata } from '../../clip-fixtures';
import { exportInput, FIXTURES, goldenFiles, highlight, hostileText } from './export-fixtures';
import { activeParts } from './markdown-oracle';

describe('toMarkdown golden files', () => {
  goldenFiles(FIXTURES, (fixture) => toMarkdown(exportInput(fixture)));
});

const page: PageRecord = {
  id: 'p',
  url: 'https://a.example/post',
  title: 'Post',
  ...noMetadata(),
  createdAt: 1,
  updatedAt: 1,
};

function exportOf(highlights: HighlightRecord[], options: Partial<ExportOptions> = {}, extra = {}) {
  return toMarkdown({
    title: 'T',
    highlights,
    pages: [page],
    talks: [],
    colorNames: {},
    options: { ...DEFAULT_EXPORT_OPTIONS, ...options },
    exportedAt: 0,
    ...extra,
  });
}

describe('toMarkdown', () => {
  it('throws a TemplateError naming the problem', () => {
    const h = highlight({ id: 'h', pageId: 'p', talkId: null, text: 'x', position: 0 });
    expect(() => exportOf([h], { template: '{{nope}}' })).toThrow(TemplateError);
    expect(() => exportOf([h], { template: '{{nope}}' })).toThrow('Unknown variable {{nope}} on line 1');
  });

  it('exports nothing but the title for no highlights', () => {
    expect(exportOf([], { includeFrontMatter: false })).toBe('# T\n');
  });

  it('a highlight whose page record is missing is titled by its URL', () => {
    const h = {
      ...highlight({ id: 'h', pageId: 'gone', talkId: null, text: 'x', position: 0 }),
      url: 'https://b.example/x',
    };
    expect(exportOf([h], { includeFrontMatter: false })).toContain('## https://b.example/x');
  });

  it('never links a non-web URL', () => {
    const h = highlight({ id: 'h', pageId: 'p', talkId: null, text: 'x', position: 0 });
    const md = exportOf(
      [h],
      { includeFrontMatter: false },
      { pages: [{ ...page, url: 'javascript:alert(1)' }] },
    );
    expect(md).not.toContain('](');
    expect(md).toContain('\n— Post\n');
  });
});

describe('helpers', () => {
  it.each([
    ['# Title', '\\# Title'],
    ['--- rule', '\\--- rule'],
    ['a\n# b', 'a # b'],
    ['#tag', '\\#tag'],
    ['[[embed]] ![[x]]', '\\[\\[embed\\]\\] !\\[\\[x\\]\\]'],
    ['<script>', '\\<script>'],
    ['$x$ 100%%', '\\$x\\$ 100\\%\\%'],
  ])('inline(%j) -> %j', (text, expected) => {
    expect(inline(text)).toBe(expected);
  });

  it.each([
    ['https://a.example/a b(c)', 'https://a.example/a%20b%28c%29'],
    ['https://a.example/"x"<y>', 'https://a.example/%22x%22%3Cy%3E'],
    ['mailto:a@b.example', null],
    ['javascript:alert(1)', null],
    ['not a url', null],
  ])('linkDestination(%j) -> %j', (url, expected) => {
    expect(linkDestination(url)).toBe(expected);
  });
});

/** CommonMark backslash escapes undone. */
function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** The blockquotes of an export, in order, as their lines without the `> ` marker. */
function quotes(markdown: string): string[] {
  const found: string[] = [];
  let current: string[] | null = null;
  for (const line of markdown.split('\n')) {
    if (line === '>' || line.startsWith('> ')) {
      current ??= [];
      current.push(line.slice(2));
    } else if (current) {
      found.push(current.join('\n'));
      current = null;
    }
  }
  return found;
}

const normalizeLines = (text: string) =>
  text
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the sanitizer removes control characters
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .split(/\r\n?|\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');

describe('properties', () => {
  const passage = fc
    .array(
      fc.oneof(
        fc.string({ unit: 'grapheme', maxLength: 10 }),
        fc.constantFrom(
          '#',
          '# ',
          '---',
          '>',
          '- ',
          '1. ',
          '*',
          '_',
          '`',
          '```',
          '[[',
          ']]',
          '<b>',
          '&lt;',
          '\\',
          '\n',
          '|',
          '$',
        ),
      ),
      { minLength: 1, maxLength: 20 },
    )
    .map((parts) => parts.join(''))
    .filter((text) => normalizeLines(text) !== '');

  it('the text of every highlight can be read back from its quote', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(passage, fc.boolean()), { minLength: 1, maxLength: 5 }), (items) => {
        const highlights = items.map(([text, clipped], i) =>
          highlight({
            id: `h${i}`,
            pageId: 'p',
            talkId: null,
            text,
            position: i,
            // As a clip stores it (escaped per line), or without Markdown at all.
            markdown: clipped ? text.split('\n').map(escapeMarkdownText).join('\n') : '',
          }),
        );
        const read = quotes(exportOf(highlights, { groupBy: 'none' })).map((q) =>
          normalizeLines(unescapeMarkdown(q)),
        );
        expect(read).toEqual(highlights.map((h) => normalizeLines(h.text)));
      }),
    );
  });

  it('page-derived text adds no structure: one title, one heading per section, valid front matter', () => {
    const hostile = hostileText;
    fc.assert(
      fc.property(
        hostile,
        hostile,
        hostile,
        hostile,
        hostile,
        (title, pageTitle, talkTitle, speaker, markdown) => {
          const talk: TalkRecord = {
            id: 't',
            pageId: 'p',
            title: talkTitle,
            speakers: [speaker],
            position: 0,
            detected: true,
            detectedTitle: null,
            createdAt: 1,
            updatedAt: 1,
          };
          const highlights = [
            highlight({ id: 'a', pageId: 'p', talkId: 't', text: 'x', markdown, position: 1 }),
            highlight({
              id: 'b',
              pageId: 'p',
              talkId: null,
              text: 'y',
              markdown,
              position: 2,
              tags: [title],
            }),
          ];
          const md = exportOf(
            highlights,
            {},
            { title, pages: [{ ...page, title: pageTitle }], talks: [talk] },
          );
          // Front matter: YAML (1.1 and 1.2 readers alike) that reads back as exactly what was exported.
          expect(md.startsWith('---\n')).toBe(true);
          const end = md.indexOf('\n---\n', 3);
          const block = md.slice(4, end);
          for (const version of ['1.1', '1.2'] as const) {
            expect(YAML.parse(block, { version })).toEqual({
              title: title.trim() || 'Talk Notes export',
              exported: '1970-01-01T00:00:00.000Z',
              highlights: 2,
              pages: 1,
              talks: 1,
              tags: hashtagFor(title) ? [hashtagFor(title)] : [],
              sources: [page.url],
            });
          }
          // The body, as a CommonMark parser reads it: one title, one heading per section, no raw HTML,
          // no link but to the page.
          const body = md.slice(end + 5);
          for (const parts of activeParts(body)) {
            expect(parts.headings.map((h) => h.slice(0, 3))).toEqual(['h1 ', 'h2 ', 'h2 ']);
            expect(parts.html).toEqual([]);
            for (const href of parts.links) expect(href.startsWith(`${page.url}#:~:text=`), href).toBe(true);
          }
          // Obsidian's embeds and wikilinks are no CommonMark: a page may not add them either.
          expect(body).not.toMatch(/(^|[^\\])!?\[\[/m);
        },
      ),
    );
  });
});
