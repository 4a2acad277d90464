/**
 * A conference as one Markdown file: front matter with the conference (title, dates, time zone,
 * site, where the schedule came from) and the usual counts; `# conference title`; then a `## talk`
 * per talk with passages, in schedule order, each with its details (./schedule-details.ts) and its
 * passages as in any export (./export.ts: the default layout or the reader's template). Talks
 * nobody highlighted are left out. The format is documented in docs/export-format.md.
 */
import {
  documentOrder,
  exportContext,
  exportCounts,
  exportTalkOf,
  inline,
  type MarkdownExportInput,
  pageOrderOf,
  type Section,
  sectionBlocks,
  talkSection,
} from './export';
import { frontMatter } from './front-matter';
import { dateRange } from '../schedule/slot';
import type { ConferenceRecord, HighlightRecord, TalkRecord } from '../types';

export interface ConferenceExportInput extends Omit<MarkdownExportInput, 'title'> {
  conference: ConferenceRecord;
}

/**
 * The Markdown document of `input.conference`; ends with a newline. Of `input.highlights` it takes
 * those shown under the conference's talks (their own, or their page talk's link to one); the
 * others are left out. Sections are always talks (`options.groupBy` does not apply).
 * @throws TemplateError when `options.template` is not a valid template.
 */
export function conferenceToMarkdown(input: ConferenceExportInput): string {
  const { conference } = input;
  const ctx = exportContext({
    ...input,
    conferences: [conference, ...(input.conferences ?? []).filter((c) => c.id !== conference.id)],
    options: { ...input.options, groupBy: 'talk' },
  });
  const byTalk = new Map<TalkRecord, HighlightRecord[]>();
  for (const h of input.highlights) {
    const talk = exportTalkOf(h, ctx);
    if (talk?.conferenceId !== conference.id) continue;
    const list = byTalk.get(talk);
    if (list) list.push(h);
    else byTalk.set(talk, [h]);
  }
  const highlights = [...byTalk.values()].flat();
  const pageOrder = pageOrderOf(highlights);
  const sections: Section[] = [...byTalk.entries()]
    .sort(([a], [b]) => a.position - b.position || (a.id < b.id ? -1 : 1))
    .map(([talk, list]) => ({ ...talkSection(talk, ctx), highlights: list.sort(documentOrder(pageOrder)) }));

  const blocks: string[] = [];
  if (ctx.options.includeFrontMatter) {
    const known = (entries: [string, string | null][]) =>
      entries.filter((entry): entry is [string, string] => !!entry[1]);
    blocks.push(
      frontMatter([
        ['title', conference.title],
        ...known([
          ['acronym', conference.acronym],
          ['start', conference.start],
          ['end', conference.end],
          ['timeZone', conference.timeZone],
          ['url', conference.url],
          ['source', conference.sourceUrl ?? conference.sourceFile],
        ]),
        ...exportCounts({ highlights, exportedAt: input.exportedAt }, ctx, pageOrder),
      ]),
    );
  }
  blocks.push(`# ${inline(conference.title) || 'Conference'}`);
  const dates = dateRange(conference.start, conference.end);
  const about = [dates && inline(dates), conference.timeZone && inline(conference.timeZone)].filter(Boolean);
  if (about.length) blocks.push(about.join(' · '));
  blocks.push(...sectionBlocks(sections, ctx));
  return `${blocks.join('\n\n')}\n`;
}
