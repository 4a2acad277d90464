/**
 * The Markdown export: highlights (a collection, a filter, a page) as one Markdown document that pastes
 * cleanly into Obsidian, Logseq, a wiki or a blog post. The format is documented in docs/export-format.md.
 *
 * Default layout: YAML front matter; `# title`; a `## section` per talk (speakers below, then the
 * talk's own note and tags), per page (the page's own note and tags below; grouped by talk, a page with
 * a note of its own has this section too, before its talks), per tag or none; in each, highlights in page order, each a blockquote of its stored Markdown, a source line
 * (the page title linked to a text fragment URL that opens at the passage; the talk when sections are not
 * talks; the colour's name when the reader named it), the note, and the tags as hashtags. A template
 * (./template.ts) can replace the per-highlight layout.
 *
 * A passage whose page talk links to a conference talk is under the conference talk
 * (core/schedule/resolve.ts), with the talk's time, room, track and links (./schedule-details.ts). A whole
 * conference as one file is ./conference-export.ts.
 *
 * Nothing from a page can add structure: titles, talk names and speakers are escaped; stored Markdown and
 * notes go through ./sanitize.ts; URLs are re-encoded so they cannot end a link early.
 */
import { inline, linkDestination, plainTextMarkdown } from './escape';
import type { ExportOptions } from './export-options';
import {
  compileTemplate,
  type CompiledTemplate,
  type TemplateValues,
  type TemplateVariable,
} from './template';
import { frontMatter } from './front-matter';
import { hashtagFor, hashtagNames } from './hashtags';
import { sanitizeMarkdown } from './sanitize';
import { scheduleDetails, scheduleValues } from './schedule-details';
import type { ColorNames } from '../colors';
import { publishedDay } from '../page-view';
import { groupPagesByPost } from '../post-pages';
import { resolveHighlightTalk, resolveTalk } from '../schedule/resolve';
import { highlightFragmentUrl } from '../text-fragment';
import { hasRecordNotes, noteOf, tagsOf } from '../record-notes';
import type { ConferenceRecord, HighlightRecord, PageRecord, RecordNotes, TalkRecord } from '../types';

export interface MarkdownExportInput {
  /** The `# title` (collection name, filter description, page title). */
  title: string;
  /** What to export. Order matters only for pages (first appearance) and for `groupBy: 'none'`. */
  highlights: readonly HighlightRecord[];
  /**
   * The pages and talks the highlights refer to (others are ignored), with the conference talks their
   * page talks link to, and those talks' conferences.
   */
  pages: readonly PageRecord[];
  talks: readonly TalkRecord[];
  conferences?: readonly ConferenceRecord[];
  colorNames: ColorNames;
  options: ExportOptions;
  /** When the export was made (ms since the epoch): the front matter's `exported`. */
  exportedAt: number;
}

export { hashtagFor, inline, linkDestination };

/** Thrown for an invalid template; `message` names the problem and its line. */
export class TemplateError extends Error {
  override name = 'TemplateError';
}

const DEFAULT_TITLE = 'Talk Notes export';
const UNTAGGED = 'Untagged';
const UNTITLED_TALK = 'Untitled talk';

export interface Section {
  heading: string | null;
  /** Lines under the heading (the talk's speakers, or a conference talk's details). */
  intro: string | null;
  /** The talk's or page's own note and tags (#17), before the passages; null when it has none. */
  notes?: string | null;
  highlights: HighlightRecord[];
}

/** What writing a highlight needs: the records it refers to, by id, and the options. */
export interface ExportContext {
  pages: ReadonlyMap<string, PageRecord>;
  talks: ReadonlyMap<string, TalkRecord>;
  conferences: ReadonlyMap<string, ConferenceRecord>;
  colorNames: ColorNames;
  options: ExportOptions;
  /** The per-highlight template, null for the default layout. */
  template: CompiledTemplate | null;
  /** The hashtag of each tag of the export (by the tag in lower case), no two alike (./hashtags.ts). */
  tagNames: ReadonlyMap<string, string>;
  /**
   * The permalink of each page's post, by page id (#18, core/post-pages.ts): what a passage links to,
   * wherever it was clipped (an archive page, an AMP view, the post's old address).
   */
  permalinks: ReadonlyMap<string, string>;
}

/**
 * The context of an export; compiles the template.
 * @throws TemplateError when `options.template` is not a valid template.
 */
export function exportContext(
  input: Pick<MarkdownExportInput, 'pages' | 'talks' | 'conferences' | 'colorNames' | 'options'> & {
    /** The highlights of the export: their tags are named together, so distinct tags stay distinct. */
    highlights?: readonly HighlightRecord[];
  },
): ExportContext {
  let template = null;
  if (input.options.template.trim()) {
    const compiled = compileTemplate(input.options.template);
    if (!compiled.ok) throw new TemplateError(compiled.error);
    template = compiled.template;
  }
  return {
    pages: new Map(input.pages.map((p) => [p.id, p])),
    talks: new Map(input.talks.map((t) => [t.id, t])),
    conferences: new Map((input.conferences ?? []).map((c) => [c.id, c])),
    colorNames: input.colorNames,
    options: input.options,
    template,
    tagNames: hashtagNames((input.highlights ?? []).flatMap((h) => h.tags)),
    permalinks: permalinksOf(input.pages),
  };
}

/** Each page's post's permalink, by page id: the pages of one post link to one address. */
function permalinksOf(pages: readonly PageRecord[]): Map<string, string> {
  const { postOf, addresses } = groupPagesByPost(pages);
  return new Map(pages.map((page, i) => [page.id, addresses[postOf[i]!]![0] ?? page.url]));
}

/** The address a highlight links to: its post's permalink, else the URL it was filed under. */
function postUrl(h: HighlightRecord, ctx: ExportContext): string {
  return ctx.permalinks.get(h.pageId) ?? h.url;
}

/**
 * The talk a highlight is exported under: its own, or the conference talk its talk links to (not
 * while the clip guard offers it other talks: then its own).
 */
export function exportTalkOf(h: HighlightRecord, ctx: ExportContext): TalkRecord | undefined {
  return resolveHighlightTalk(h, ctx.talks);
}

/**
 * The Markdown document for `input`; ends with a newline.
 * @throws TemplateError when `options.template` is not a valid template.
 */
export function toMarkdown(input: MarkdownExportInput): string {
  const ctx = exportContext(input);
  const pageOrder = pageOrderOf(input.highlights);
  const blocks: string[] = [];
  if (ctx.options.includeFrontMatter) {
    blocks.push(
      frontMatter([['title', input.title.trim() || DEFAULT_TITLE], ...exportCounts(input, ctx, pageOrder)]),
    );
  }
  blocks.push(`# ${inline(input.title.trim() || DEFAULT_TITLE)}`);
  blocks.push(...sectionBlocks(sectionsFor(input.highlights, ctx, pageOrder), ctx));
  return `${blocks.join('\n\n')}\n`;
}

/** Pages by the order of their first highlight in `highlights`. */
export function pageOrderOf(highlights: readonly HighlightRecord[]): Map<string, number> {
  const pageOrder = new Map<string, number>();
  for (const h of highlights) if (!pageOrder.has(h.pageId)) pageOrder.set(h.pageId, pageOrder.size);
  return pageOrder;
}

/** The Markdown blocks of sections: each heading, its intro, then its highlights. */
export function sectionBlocks(sections: readonly Section[], ctx: ExportContext): string[] {
  const blocks: string[] = [];
  for (const section of sections) {
    if (section.heading !== null) blocks.push(`## ${section.heading}`);
    if (section.intro) blocks.push(section.intro);
    if (section.notes) blocks.push(section.notes);
    for (const h of section.highlights) {
      const block = ctx.template
        ? ctx.template.render(templateValues(h, ctx, ctx.template.variables)).trimEnd()
        : defaultBlock(h, ctx);
      if (block) blocks.push(block);
    }
  }
  return blocks;
}

/** The front matter entries every export has after its own: when, how many, tags, sources. */
export function exportCounts(
  input: Pick<MarkdownExportInput, 'highlights' | 'exportedAt'>,
  ctx: ExportContext,
  pageOrder: Map<string, number>,
): [string, string | number | string[]][] {
  const tags = new Map<string, string>();
  const talkIds = new Set<string>();
  const addTags = (list: readonly string[]) => {
    for (const tag of list) {
      const name = tagName(tag, ctx);
      if (name && !tags.has(name.toLowerCase())) tags.set(name.toLowerCase(), name);
    }
  };
  for (const h of input.highlights) {
    addTags(h.tags);
    const talk = exportTalkOf(h, ctx);
    if (talk) talkIds.add(talk.id);
  }
  // The exported talks' and pages' own tags (#17) are the export's tags too, when they are written.
  if (ctx.options.includeTags && ctx.options.groupBy !== 'tag' && ctx.options.groupBy !== 'none') {
    for (const id of talkIds) addTags(tagsOf(ctx.talks.get(id)));
    for (const id of pageOrder.keys()) addTags(tagsOf(ctx.pages.get(id)));
  }
  const sources = [
    ...new Set(
      [...pageOrder.keys()].map(
        (id) => ctx.permalinks.get(id) ?? input.highlights.find((h) => h.pageId === id)!.url,
      ),
    ),
  ];
  return [
    ['exported', isoTime(input.exportedAt)],
    ['highlights', input.highlights.length],
    ['pages', pageOrder.size],
    ['talks', talkIds.size],
    ['tags', [...tags.values()].sort(compareText)],
    ['sources', sources],
  ];
}

/** ISO 8601 of a time in ms, or '' for one no Date can hold (a hand-edited backup could have any number). */
function isoTime(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

function compareText(a: string, b: string): number {
  return a.localeCompare(b, 'en', { sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Page order (first appearance in the input), then position on the page, then clip time. */
export function documentOrder(pageOrder: Map<string, number>) {
  return (a: HighlightRecord, b: HighlightRecord) =>
    pageOrder.get(a.pageId)! - pageOrder.get(b.pageId)! ||
    a.position - b.position ||
    a.createdAt - b.createdAt;
}

function sectionsFor(
  highlights: readonly HighlightRecord[],
  ctx: ExportContext,
  pageOrder: Map<string, number>,
): Section[] {
  const { groupBy } = ctx.options;
  if (groupBy === 'none') return [{ heading: null, intro: null, highlights: [...highlights] }];
  const ordered = [...highlights].sort(documentOrder(pageOrder));
  const sections = new Map<string, Section>();
  const add = (key: string, make: () => Omit<Section, 'highlights'>, h: HighlightRecord) => {
    let section = sections.get(key);
    if (!section) {
      section = { ...make(), highlights: [] };
      sections.set(key, section);
    }
    section.highlights.push(h);
  };
  // One section per post, not per page record (#18): the pages of one post (an old address, an AMP view)
  // share its permalink, so their passages and notes are one section.
  const postPages = new Map<string, PageRecord[]>();
  for (const page of ctx.pages.values()) {
    const key = ctx.permalinks.get(page.id) ?? page.id;
    postPages.set(key, [...(postPages.get(key) ?? []), page]);
  }
  const postOf = (h: HighlightRecord) => ctx.permalinks.get(h.pageId) ?? h.pageId;
  const pagesOfPost = (h: HighlightRecord) => postPages.get(postOf(h)) ?? [ctx.pages.get(h.pageId)];
  const postKey = (h: HighlightRecord) => `post:${postOf(h)}`;
  const pageSection = (h: HighlightRecord) => () => ({
    heading: inline(pageTitle(h, ctx)),
    intro: null,
    notes: ownNotesBlock(pagesOfPost(h), ctx),
  });
  const tagSection = (tag: string) => () => ({ heading: inline(tag) || UNTAGGED, intro: null });

  for (const h of ordered) {
    if (groupBy === 'page') {
      add(postKey(h), pageSection(h), h);
    } else if (groupBy === 'talk') {
      const talk = exportTalkOf(h, ctx);
      if (!talk) add(postKey(h), pageSection(h), h);
      else {
        // A page with its own note gets its section (before its talks) even when every passage has a talk.
        const key = postKey(h);
        if (!sections.has(key) && pagesOfPost(h).some(hasRecordNotes)) {
          sections.set(key, { ...pageSection(h)(), highlights: [] });
        }
        add(`talk:${talk.id}`, () => talkSection(talk, ctx), h);
      }
    } else {
      const seen = new Set<string>();
      for (const tag of h.tags) {
        const key = tag.toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        add(`tag:${key}`, tagSection(tag), h);
      }
      if (seen.size === 0) add('untagged', () => ({ heading: UNTAGGED, intro: null }), h);
    }
  }
  const all = [...sections.entries()];
  if (groupBy === 'tag') {
    // Tags alphabetically, untagged highlights last.
    all.sort(([a, x], [b, y]) =>
      a === 'untagged' ? 1 : b === 'untagged' ? -1 : compareText(x.heading!, y.heading!),
    );
  }
  return all.map(([, section]) => section);
}

/**
 * A talk's section without its highlights: its title, then its speakers or, for a conference talk,
 * its details, then (given the export's context) the talk's own note and tags. A conference talk's
 * are its own and those of the page talks linked to it (the reader wrote them in the popup).
 */
export function talkSection(talk: TalkRecord, ctx?: ExportContext): Omit<Section, 'highlights'> {
  const speakers = talk.speakers.map((s) => s.trim()).filter(Boolean);
  const noted: TalkRecord[] = [talk];
  if (ctx && talk.conferenceId !== undefined) {
    for (const other of ctx.talks.values())
      if (other !== talk && resolveTalk(other, ctx.talks) === talk) noted.push(other);
  }
  return {
    heading: inline(talk.title) || UNTITLED_TALK,
    intro: talk.conferenceId
      ? scheduleDetails(talk)
      : speakers.length
        ? `Speakers: ${inline(speakers.join(', '))}`
        : null,
    notes: ctx ? ownNotesBlock(noted, ctx) : null,
  };
}

/**
 * The own notes (each different one once, sanitized as the reader's Markdown) and tags (as
 * hashtags) of a talk or page, as the export's options include them; null when there are none.
 */
function ownNotesBlock(records: readonly (RecordNotes | undefined)[], ctx: ExportContext): string | null {
  const parts: string[] = [];
  if (ctx.options.includeNotes) {
    const notes = new Set(records.map((r) => sanitizeMarkdown(noteOf(r), 'user').trim()).filter(Boolean));
    parts.push(...notes);
  }
  if (ctx.options.includeTags) {
    const tags = hashtags(
      records.flatMap((r) => tagsOf(r)),
      ctx,
    );
    if (tags) parts.push(tags);
  }
  return parts.length ? parts.join('\n\n') : null;
}

function pageTitle(h: HighlightRecord, ctx: ExportContext): string {
  const page = ctx.pages.get(h.pageId);
  return page?.title.trim() || page?.url || h.url;
}

/** The default layout of one highlight. */
function defaultBlock(h: HighlightRecord, ctx: ExportContext): string {
  const { options } = ctx;
  const parts = [blockquote(passageMarkdown(h))];
  const source = [options.includeLinks ? titleLink(h, ctx) : inline(pageTitle(h, ctx))];
  const talk = exportTalkOf(h, ctx);
  if (talk && options.groupBy !== 'talk') source.push(inline(talk.title));
  const colorName = ctx.colorNames[h.color]?.trim();
  if (colorName) source.push(inline(colorName));
  if (options.includeAuthor && h.author?.trim()) source.push(`by ${inline(h.author)}`);
  parts.push(`— ${source.join(' · ')}`);
  if (options.includeNotes) {
    const note = sanitizeMarkdown(h.note, 'user');
    if (note.trim()) parts.push(note);
  }
  if (options.includeTags) {
    const tags = hashtags(h.tags, ctx);
    if (tags) parts.push(tags);
  }
  return parts.join('\n\n');
}

/** Template values; only the ones the template uses are computed (fragment URLs are not free). */
function templateValues(
  h: HighlightRecord,
  ctx: ExportContext,
  used: ReadonlySet<TemplateVariable>,
): TemplateValues {
  const talk = exportTalkOf(h, ctx);
  const page = ctx.pages.get(h.pageId);
  const schedule = scheduleValues(talk, ctx.conferences);
  const compute: Record<TemplateVariable, () => string> = {
    ...schedule,
    text: () => plainTextMarkdown(h.text),
    markdown: () => passageMarkdown(h),
    quote: () => blockquote(passageMarkdown(h)),
    note: () => sanitizeMarkdown(h.note, 'user'),
    tags: () => hashtags(h.tags, ctx),
    url: () => linkDestination(postUrl(h, ctx)) ?? '',
    fragmentUrl: () => fragmentUrl(h, ctx) ?? '',
    link: () => titleLink(h, ctx),
    pageTitle: () => inline(pageTitle(h, ctx)),
    site: () => inline(page?.siteName ?? ''),
    talk: () => inline(talk?.title ?? ''),
    speakers: () => inline(talk?.speakers.join(', ') ?? ''),
    color: () => h.color,
    colorName: () => inline(ctx.colorNames[h.color] ?? ''),
    date: () => isoTime(h.createdAt).slice(0, 10),
    published: () => (page?.publishedAt ? (publishedDay(page.publishedAt) ?? '') : ''),
    id: () => inline(h.id),
  };
  const values = {} as TemplateValues;
  for (const name of Object.keys(compute) as TemplateVariable[]) {
    values[name] = used.has(name) ? compute[name]() : '';
  }
  return values;
}

/** The stored Markdown, made safe; the escaped text when there is none. */
function passageMarkdown(h: Pick<HighlightRecord, 'text' | 'markdown'>): string {
  return sanitizeMarkdown(h.markdown.trim() ? h.markdown : plainTextMarkdown(h.text), 'page');
}

function blockquote(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
}

/** `[Page title](fragment URL)`, or the escaped title alone when the URL cannot be linked. */
function titleLink(h: HighlightRecord, ctx: ExportContext): string {
  return linkedTitle(pageTitle(h, ctx), fragmentUrl(h, ctx));
}

/** A page title as link text (escaped: a title cannot close the link or add one), or alone without a URL. */
function linkedTitle(title: string, url: string | null): string {
  return url ? `[${inline(title)}](${url})` : inline(title);
}

/** A passage that is not stored (yet): what it needs to be written as the default layout writes one. */
export interface UnstoredPassage {
  text: string;
  markdown: string;
  selectors: HighlightRecord['selectors'];
  note: string;
}

/**
 * One passage that could not be stored (the page's `Copy unsaved`, a refused clip's `Copy`), written
 * by the same rules as an exported highlight: the passage as a sanitized blockquote, a source line
 * with the page title escaped and linked to the passage (http(s) pages only), and the note. The page
 * wrote the title and the passage: neither can add a link, HTML or structure.
 */
export function passageWithSource(passage: UnstoredPassage, page: { title: string; url: string }): string {
  const base = linkDestination(page.url);
  const url = base ? highlightFragmentUrl({ ...passage, url: base }, base) : null;
  const parts = [
    blockquote(passageMarkdown(passage)),
    `— ${linkedTitle(page.title.trim() || page.url, url)}`,
  ];
  const note = sanitizeMarkdown(passage.note, 'user');
  if (note.trim()) parts.push(note);
  return parts.join('\n\n');
}

function fragmentUrl(h: HighlightRecord, ctx: ExportContext): string | null {
  const base = linkDestination(postUrl(h, ctx));
  return base ? highlightFragmentUrl(h, base) : null;
}

/** A highlight's tags as hashtags, by the export's names for them (./hashtags.ts). */
function hashtags(tags: readonly string[], ctx: ExportContext): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of tags) {
    const name = tagName(tag, ctx);
    if (name && !seen.has(name)) {
      seen.add(name);
      out.push(`#${name}`);
    }
  }
  return out.join(' ');
}

/** The export's name for a tag, in this highlight's spelling of it (`Testing`, `testing`). */
function tagName(tag: string, ctx: ExportContext): string | undefined {
  const own = hashtagFor(tag) ?? undefined;
  const name = ctx.tagNames.get(tag.toLowerCase());
  if (!own || !name) return own;
  return name.toLowerCase().startsWith(own.toLowerCase()) ? own + name.slice(own.length) : name;
}
