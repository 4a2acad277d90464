/** The schedule evaluation's printed table and failure lists. */
import { table, truncate } from '../talks/report';
import {
  checkScheduleTargets,
  type Judgement,
  type MatchedQuery,
  type SchedulePageResult,
  type ScheduleTotals,
  type Tally,
} from './evaluate';
import type { ScheduleTalkInfo } from './schedules';

/** "14/16 w0 o2(1) m0": right of total, then wrong, offered (right among the candidates), missed. */
export function tallyCell(t: Tally): string {
  if (t.total === 0) return '—';
  return `${t.right}/${t.total} w${t.wrong} o${t.offered}(${t.offeredWithRight}) m${t.missed}`;
}

const DATE_SOURCE = { 'page-metadata': 'page', 'cases.json': 'cases', none: 'none' } as const;

/** A schedule talk as a line: "“Title” (file, day)". */
export function describeScheduleTalk(
  id: string | null,
  talks: ReadonlyMap<string, ScheduleTalkInfo>,
): string {
  if (id === null) return 'no schedule talk';
  const t = talks.get(id);
  if (!t) return id;
  return `“${truncate(t.title, 70)}” (${t.file}${t.day ? `, ${t.day}` : ''})`;
}

/** What the matcher saw and said: query title, speakers, date, then the answer's confidence and evidence. */
export function describeQuery({ query, outcome }: MatchedQuery): string {
  const speakers = query.speakers.length ? query.speakers.join(', ') : 'no speakers';
  const ev = outcome.evidence;
  const why = ev
    ? `; conf ${outcome.confidence?.toFixed(2)}: title ${ev.title} ${ev.titleScore.toFixed(2)}, speakers ${ev.speakers}, date ${ev.date}, conference named ${ev.conferenceNamed}`
    : '';
  return `“${truncate(query.title, 80)}” [${speakers}] date ${query.pageDate ?? 'none'}${why}`;
}

const TALLY_LEGEND =
  'Cells: right/total, w wrong (silently under another schedule talk), o offered (with the right talk among the ' +
  'candidates), m missed (nothing matched or offered).';

export function formatScheduleReport(
  pages: readonly SchedulePageResult[],
  totals: ScheduleTotals,
  talks: ReadonlyMap<string, ScheduleTalkInfo>,
): string {
  const rows = pages.map((p) => [
    p.page.replace(/\.html$/, ''),
    DATE_SOURCE[p.dateSource],
    tallyCell(p.endToEnd.clips),
    tallyCell(p.endToEnd.scheduledClips),
    tallyCell(p.endToEnd.talks),
    tallyCell(p.matcherOnly.clips),
    tallyCell(p.matcherOnly.talks),
  ]);
  rows.push([
    `TOTAL (${totals.pages} pages)`,
    '',
    tallyCell(totals.endToEnd.clips),
    tallyCell(totals.endToEnd.scheduledClips),
    tallyCell(totals.endToEnd.talks),
    tallyCell(totals.matcherOnly.clips),
    tallyCell(totals.matcherOnly.talks),
  ]);
  const pageTable = table(
    [
      'recap page',
      'date',
      'e2e: all clips',
      'e2e: scheduled clips',
      'e2e: talks',
      'matcher: talk clips',
      'matcher: talks',
    ],
    rows,
    new Set([2, 3, 4, 5, 6]),
  );
  const e = totals.endToEnd;
  const extra = [
    `End to end, clips of a talk ${tallyCell(e.talkClips)}; clips of no talk ${tallyCell(e.talklessClips)}; ` +
      `detected sections that are no talk yet were matched: ${e.strayMatches}.`,
    ...(totals.withGuard
      ? [
          `End to end + clip guard (eval only: the extension does not apply the guard yet), all clips ` +
            `${tallyCell(totals.withGuard.clips)}; scheduled clips ${tallyCell(totals.withGuard.scheduledClips)}.`,
        ]
      : []),
    `date: the page date the matcher got came from the page's metadata (page), the corpus's pageDate (cases), or neither.`,
  ];

  const targets = table(
    ['target (issue 13)', 'pipeline', 'wanted', 'now', 'met'],
    checkScheduleTargets(totals).map((t) => [t.name, t.pipeline, t.target, t.value, t.met ? 'yes' : 'no']),
    new Set(),
  );

  const out = [pageTable, TALLY_LEGEND, ...extra, '', targets, '', ...formatFailures(pages, talks)];
  if (totals.unlocated > 0)
    out.push('', `WARNING: ${totals.unlocated} passage(s) not found exactly once in the rendered text.`);
  return out.join('\n');
}

/** Every WRONG, then every talk not RIGHT in either pipeline, one line each. */
export function formatFailures(
  pages: readonly SchedulePageResult[],
  talks: ReadonlyMap<string, ScheduleTalkInfo>,
): string[] {
  const wrong: string[] = [];
  const others: string[] = [];
  for (const p of pages) {
    const page = p.page.replace(/\.html$/, '');
    // End to end: group the wrong clips by the section they are under and what they should be under.
    const groups = new Map<string, number>();
    for (const c of p.passages) {
      if (c.endToEnd.verdict !== 'wrong') continue;
      if (c.filedByLines) {
        wrong.push(
          `  ${page}  end to end, a clip filed by the lines above it: “${c.text.slice(0, 60)}…”\n      chosen ` +
            `${describeScheduleTalk(c.endToEnd.chosen, talks)}; expected ${describeScheduleTalk(c.expected, talks)}`,
        );
        continue;
      }
      const key = `${c.section}\u0000${c.expected}`;
      groups.set(key, (groups.get(key) ?? 0) + 1);
    }
    for (const [key, n] of groups) {
      const [section, expected] = key.split('\u0000') as [string, string];
      const s = p.sections[Number(section)]!;
      wrong.push(
        `  ${page}  end to end, ${n} clip(s) under ${s.talk === null ? 'a detected non-talk' : `“${s.talk}”`}: ` +
          `${describeQuery(s)}\n      chosen ${describeScheduleTalk(s.outcome.chosen, talks)}; ` +
          `expected ${describeScheduleTalk(expected === 'null' ? null : expected, talks)}`,
      );
    }
    for (const t of p.talks) {
      const m = t.matcherOnly;
      if (m.verdict === 'wrong')
        wrong.push(
          `  ${page}  matcher only, talk “${t.title}”: ${describeQuery(m)}\n      chosen ${describeScheduleTalk(
            m.outcome.chosen,
            talks,
          )}; expected ${describeScheduleTalk(t.expected, talks)}`,
        );
      const e = t.endToEnd;
      if (e.verdict === 'right' && m.verdict === 'right') continue;
      const said = (v: Judgement) =>
        v.verdict === 'offered'
          ? `offered (${v.rightAmongCandidates ? 'right among them' : 'right not among them'})`
          : v.verdict;
      const detection = e.section === null ? ' (not detected)' : '';
      others.push(
        `  ${page}  “${truncate(t.title, 60)}”: end to end ${said(e)}${detection}, matcher only ${said(m)} — ${t.why}`,
      );
    }
  }
  return [
    `WRONG (${wrong.length}):`,
    ...(wrong.length ? wrong : ['  none']),
    '',
    `Talks not right in one pipeline or both (${others.length}):`,
    ...(others.length ? others : ['  none']),
  ];
}
