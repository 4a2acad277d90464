/** The Markdown export's golden fixtures (tests/fixtures/export): their shape, and highlights with defaults. */
import { join } from 'node:path';
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
