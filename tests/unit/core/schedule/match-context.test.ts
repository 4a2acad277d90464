import { describe, expect, it } from 'vitest';
import { matchTalk } from '@/core/schedule/match';
import { EXCERPT_CHARS, pageMatchContext } from '@/core/schedule/match-context';
import { buildScheduleIndex } from '@/core/schedule/schedule-index';
import { matchableTalk } from './matchable-schedules';

const page = (excerpt: string | null) => ({
  title: 'Day two, four talks',
  siteName: 'Field Notes',
  url: 'https://notes.example/day-two/',
  excerpt,
});

describe('pageMatchContext', () => {
  it('reads the title, site name, the start of the excerpt and the address', () => {
    expect(pageMatchContext(page('Notes from Harbour JS 2025 in Gdańsk.'))).toBe(
      'Day two, four talks Field Notes Notes from Harbour JS 2025 in Gdańsk. https://notes.example/day-two/',
    );
    expect(pageMatchContext({ ...page(null), siteName: null })).toBe(
      'Day two, four talks https://notes.example/day-two/',
    );
  });

  it('reads at most EXCERPT_CHARS of the excerpt, cut before a word', () => {
    const context = pageMatchContext(page(`${'word '.repeat(100)}Harbour JS 2025`));
    expect(context).not.toContain('Harbour');
    const excerpt = context.slice(
      'Day two, four talks Field Notes '.length,
      -' https://notes.example/day-two/'.length,
    );
    expect(excerpt.length).toBeLessThanOrEqual(EXCERPT_CHARS);
    expect(excerpt.endsWith('word')).toBe(true);
  });
});

// A write-up whose title and address do not name its conference, and whose description does: a title a
// word away ("near") is matched only where the page names the conference.
describe('matchTalk with the excerpt in the context', () => {
  const talk = (id: string, title: string, speakers: string[]) =>
    matchableTalk(id, 'hjs25', title, speakers, '2025-06-12');
  const index = buildScheduleIndex(
    [{ id: 'hjs25', title: 'Harbour JS 2025', acronym: null, start: '2025-06-12', end: '2025-06-13' }],
    [
      talk('typing', 'Typing a Large Vue Codebase One Module at a Time', ['Tomasz Ricci']),
      talk('signals', 'Signals Without the Hype', ['Ada Brandt']),
    ],
  );
  const near = (excerpt: string | null) =>
    matchTalk(index, {
      title: 'Typing a Vue Codebase One Module at a Time',
      speakers: ['Tomasz Ricci'],
      pageDate: '2025-06-16',
      context: pageMatchContext(page(excerpt)),
    });

  it('matches a near title where only the excerpt names the conference', () => {
    expect(near('Four talks I sat through at Harbour JS 2025.')).toMatchObject({
      kind: 'match',
      talkId: 'typing',
    });
  });

  it('offers it where nothing does, or the excerpt names it only past what is read', () => {
    expect(near(null).kind).toBe('ambiguous');
    expect(near('Four talks I sat through on the second day.').kind).toBe('ambiguous');
    expect(near(`${'word '.repeat(100)}Harbour JS 2025`).kind).toBe('ambiguous');
  });
});
