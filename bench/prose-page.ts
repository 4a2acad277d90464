/**
 * The re-anchoring benchmark's page: ~100k characters of real prose (the conference write-ups and
 * the Readability corpus pages), seeded edits of it, and 200 passages whose new location is known
 * exactly after every edit (passages are word ranges; edits change words, not their count).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { FIXTURE_PAGES_DIR } from '../tests/e2e/paths';
import { CHECKED_WEB_PAGES, webPagePath } from '../tests/fixtures/web-pages';
import { seededRandom } from '../tests/seeded-random';
import type { PassageLocation } from './browser-entry';

export { seededRandom };

export interface Paragraph {
  id: string;
  words: string[];
}

export interface Passage {
  id: string;
  paragraph: string;
  from: number;
  /** Exclusive word index. */
  to: number;
}

/** Prose paragraphs (>= 120 characters) of the conference fixtures, then the corpus pages. */
export function loadProse(): string[] {
  const sources = [join(FIXTURE_PAGES_DIR, 'conference-archive.html')];
  for (const name of CHECKED_WEB_PAGES) sources.push(webPagePath(name));
  const seen = new Set<string>();
  const prose: string[] = [];
  for (const file of sources) {
    const { document } = new JSDOM(readFileSync(file, 'utf8')).window;
    for (const p of document.querySelectorAll('p, li')) {
      const text = (p.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text.length >= 120 && !seen.has(text)) {
        seen.add(text);
        prose.push(text);
      }
    }
  }
  return prose;
}

export function textOf(paragraph: Paragraph): string {
  return paragraph.words.join(' ');
}

/** The prose split into the page (about `targetChars`) and a reserve for insertions. */
export function makeParagraphs(prose: string[], targetChars: number) {
  const page: Paragraph[] = [];
  const reserve: Paragraph[] = [];
  let chars = 0;
  prose.forEach((text, i) => {
    const paragraph = { id: `p${i}`, words: text.split(' ') };
    if (chars < targetChars) {
      page.push(paragraph);
      chars += text.length + 1;
    } else reserve.push(paragraph);
  });
  return { page, reserve };
}

export function choosePassages(page: Paragraph[], count: number, random: () => number): Passage[] {
  const passages: Passage[] = [];
  for (let i = 0; i < count; i++) {
    const paragraph = page[Math.floor(random() * page.length)]!;
    const length = 4 + Math.floor(random() * Math.min(26, paragraph.words.length - 4));
    const from = Math.floor(random() * (paragraph.words.length - length + 1));
    passages.push({ id: `h${i}`, paragraph: paragraph.id, from, to: from + length });
  }
  return passages;
}

/** Where each passage's text is inside its paragraph's text. */
export function locate(passages: Passage[], page: Paragraph[]): PassageLocation[] {
  const byId = new Map(page.map((p) => [p.id, p]));
  return passages.map((passage) => {
    // A deleted paragraph keeps its old words: the browser side finds no element and expects an orphan.
    const paragraph = byId.get(passage.paragraph);
    const words = paragraph?.words ?? [];
    const start = words.slice(0, passage.from).reduce((n, w) => n + w.length + 1, 0);
    const text = words.slice(passage.from, passage.to).join(' ');
    return { id: passage.id, paragraph: passage.paragraph, start, end: start + text.length };
  });
}

const TALK_TITLES = [
  'The TAO of Hashicorp',
  'Linus Torvalds Q&A',
  'Nobody puts Java in a container',
  'Container orchestration - the state of play',
  'Dude, Where is My Microservice',
  'Kernel live patching',
];

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A blog post's page: the title as the document's and the article's, `body` under it. */
export function articlePage(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body><main><article><h1>${escapeHtml(title)}</h1>\n${body}\n</article></main></body></html>`;
}

/** Renders paragraphs as a blog post: a talk heading every 8 paragraphs, some words emphasised or linked. */
export function renderPage(title: string, page: Paragraph[]): string {
  const body = page
    .map((p, i) => {
      const words = p.words.map((w, j) => {
        const word = escapeHtml(w);
        if (j % 23 === 7) return `<em>${word}</em>`;
        if (j % 41 === 13) return `<a href="https://example.com/${j}">${word}</a>`;
        return word;
      });
      const heading =
        i % 8 === 0 ? `<h2>${escapeHtml(TALK_TITLES[(i / 8) % TALK_TITLES.length]!)}</h2>\n` : '';
      return `${heading}<p data-p="${p.id}">${words.join(' ')}</p>`;
    })
    .join('\n');
  return articlePage(title, body);
}

/** A typo, a dropped letter, or another word: edits that keep the word count. */
function mutateWord(word: string, random: () => number, vocabulary: string[]): string {
  const kind = random();
  if (word.length > 3 && kind < 0.4) {
    const i = 1 + Math.floor(random() * (word.length - 2));
    return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  }
  if (word.length > 3 && kind < 0.7) {
    const i = Math.floor(random() * word.length);
    return word.slice(0, i) + word.slice(i + 1);
  }
  return vocabulary[Math.floor(random() * vocabulary.length)]!;
}

export type Variant = 'unchanged' | 'shifted' | 'edited-0.5%' | 'edited-2%' | 'deleted-10%' | 'replaced';
export const VARIANTS: Variant[] = [
  'unchanged',
  'shifted',
  'edited-0.5%',
  'edited-2%',
  'deleted-10%',
  'replaced',
];

/** The page after the author's edit of kind `variant`. */
export function editPage(
  variant: Variant,
  page: Paragraph[],
  reserve: Paragraph[],
  random: () => number,
): Paragraph[] {
  const vocabulary = reserve.flatMap((p) => p.words).slice(0, 5000);
  switch (variant) {
    case 'unchanged':
      return page;
    case 'shifted': {
      // New paragraphs everywhere: all text moves, none changes.
      const edited = [...page];
      const extra = reserve.slice(0, Math.max(1, Math.round(page.length * 0.15)));
      edited.unshift(extra[0]!);
      for (const paragraph of extra.slice(1))
        edited.splice(Math.floor(random() * edited.length), 0, paragraph);
      return edited;
    }
    case 'edited-0.5%':
    case 'edited-2%': {
      const rate = variant === 'edited-2%' ? 0.02 : 0.005;
      return page.map((p) => ({
        id: p.id,
        words: p.words.map((w) => (random() < rate ? mutateWord(w, random, vocabulary) : w)),
      }));
    }
    case 'deleted-10%':
      return page.filter(() => random() >= 0.1);
    case 'replaced':
      return reserve.slice(0, page.length);
  }
}
