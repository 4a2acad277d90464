/** The evaluation's printed table and JSON report. */
import {
  checkTargets,
  type RecapPageResult,
  type RecapTotals,
  type Score,
  share,
  totalRecapsByRound,
  type WebPageResult,
  type WebTotals,
} from './evaluate';

/** "5/6 83%", or "—" when there is nothing to count. */
export function cell(s: Score): string {
  const v = share(s);
  return v === null ? '—' : `${s.right}/${s.total} ${Math.round(100 * v)}%`;
}

/** A plain-text table: columns padded to their widest cell, `rightAligned` columns (by index) on the right. */
export function table(header: string[], rows: string[][], rightAligned: ReadonlySet<number>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => [...(r[i] ?? '')].length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => {
        const pad = ' '.repeat(widths[i]! - [...c].length);
        return rightAligned.has(i) ? pad + c : c + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export const truncate = (s: string, n: number) =>
  [...s].length > n ? `${[...s].slice(0, n - 1).join('')}…` : s;

export function formatReport(
  recaps: readonly RecapPageResult[],
  recapTotals: RecapTotals,
  web: readonly WebPageResult[],
  webTotals: WebTotals,
): string {
  const numeric = new Set([2, 3, 4, 5, 6, 7]);
  const recapRows = recaps.map((p) => [
    p.file.replace(/\.html$/, ''),
    p.kind,
    cell(p.passages),
    cell(p.talklessPassages),
    cell(p.precision),
    cell(p.recall),
    cell(p.speakers),
    String(p.detected.length),
  ]);
  const rounds = totalRecapsByRound(recaps);
  if (rounds.length > 1)
    for (const { added, totals } of rounds)
      recapRows.push([
        `subtotal: ${added === null ? 'original pages' : `added for ${added}`} (${totals.pages})`,
        '',
        cell(totals.passages),
        cell(totals.talklessPassages),
        cell(totals.precision),
        cell(totals.recall),
        cell(totals.speakers),
        String(recaps.filter((p) => p.added === added).reduce((n, p) => n + p.detected.length, 0)),
      ]);
  recapRows.push([
    `TOTAL (${recapTotals.pages} pages)`,
    '',
    cell(recapTotals.passages),
    cell(recapTotals.talklessPassages),
    cell(recapTotals.precision),
    cell(recapTotals.recall),
    cell(recapTotals.speakers),
    String(recaps.reduce((n, p) => n + p.detected.length, 0)),
  ]);
  const recapTable = table(
    [
      'recap page',
      'kind',
      'passages right',
      'talk-less none',
      'title precision',
      'title recall',
      'speakers',
      'detected',
    ],
    recapRows,
    numeric,
  );

  const webRows = web.map((p) => [
    p.name,
    String(p.invented),
    truncate(p.titles.map((t) => `“${t}”`).join(', '), 80),
  ]);
  webRows.push([
    `TOTAL (${webTotals.pages} pages)`,
    String(webTotals.invented),
    `${webTotals.pagesWithoutTalks.right} of ${webTotals.pages} pages without talks`,
  ]);
  const webTable = table(['web page (not a write-up)', 'talks invented', 'titles'], webRows, new Set([1]));

  const targets = checkTargets(recapTotals, webTotals);
  const targetTable = table(
    ['target (issue 12)', 'wanted', 'now', 'met'],
    targets.map((t) => [t.name, t.target, t.value, t.met ? 'yes' : 'no']),
    new Set(),
  );

  const out = [recapTable, '', webTable, '', targetTable];
  if (recapTotals.unlocated > 0) {
    out.push('', `WARNING: ${recapTotals.unlocated} passage(s) not found exactly once in the rendered text:`);
    for (const p of recaps)
      for (const r of p.passageResults)
        if (r.occurrences !== 1) out.push(`  ${p.file}: ${r.occurrences}x ${truncate(r.text, 70)}`);
  }
  return out.join('\n');
}
