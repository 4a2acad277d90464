import { describe, expect, it } from 'vitest';
import { ALL_WEB_PAGES } from '../../fixtures/web-pages';
import { checkPage, keptVerdicts, median, type PassageResult } from './text-fragment-corpus';

/** Share of the passages the polyfill's generator links exactly that our links must resolve exactly. */
export const TARGET = 0.99;

/** The corpus test over the pages `select` picks; `UPDATE_GOLDEN=1` computes the polyfill's verdicts again. */
export function describeTextFragmentCorpus(part: string, select: (name: string) => boolean): void {
  const pages = ALL_WEB_PAGES.filter(select);
  describe(`text-fragment links on the web pages ${part}, resolved by the polyfill`, () => {
    const results: PassageResult[] = [];

    it.each(pages)(
      '%s',
      (name) => {
        // UPDATE_GOLDEN=1 computes every page's verdicts again, UPDATE_GOLDEN=missing those not kept yet.
        const update = process.env.UPDATE_GOLDEN;
        const verdicts = update === '1' ? null : keptVerdicts(name);
        if (!update) expect(verdicts, `no kept verdicts for ${name}`).not.toBeNull();
        results.push(...checkPage(name, verdicts, { quick: !process.env.TEXT_FRAGMENT_REPORT }));
        // jsdom's style cascade and the polyfill's tree walks take seconds on the largest pages; all five
        // passages of wikipedia-2 took 300 s on a machine loaded to 20.
      },
      process.env.TEXT_FRAGMENT_REPORT ? 900_000 : 120_000,
    );

    it(`resolve exactly on at least ${TARGET * 100}% of the passages the spec's generator links`, () => {
      expect(results.length).toBeGreaterThan(pages.length);
      const linkable = results.filter((r) => r.polyfillExact);
      const ours = linkable.filter((r) => r.oursExact);
      const failures = linkable
        .filter((r) => !r.oursExact)
        .map((r) => `${r.page}: ${JSON.stringify(r.text)} -> ${r.ours} (polyfill: ${r.polyfill})`);
      const lengths = (pick: (r: PassageResult) => string | null) =>
        median(
          results
            .map(pick)
            .filter((t): t is string => t !== null)
            .map((t) => t.length),
        );
      const measured = {
        passages: results.length,
        polyfillLinks: results.filter((r) => r.polyfill).length,
        polyfillExact: linkable.length,
        oursExactOfThose: ours.length,
        fromQuoteExactOfThose: linkable.filter((r) => r.fromQuoteExact).length,
        oursExactOfAll: results.filter((r) => r.oursExact).length,
        fromQuoteExactOfAll: results.filter((r) => r.fromQuoteExact).length,
        medianLengthOurs: lengths((r) => r.ours),
        medianLengthPolyfill: lengths((r) => r.polyfill),
        medianLengthFromQuote: lengths((r) => r.fromQuote),
        oursShorterThanPolyfill: linkable.filter(
          (r) => r.ours && r.polyfill && r.ours.length < r.polyfill.length,
        ).length,
      };
      if (process.env.TEXT_FRAGMENT_REPORT)
        console.log(JSON.stringify({ part, measured, failures }, null, 1));
      expect({ failures, rate: ours.length / linkable.length >= TARGET }).toEqual({
        failures: expect.any(Array),
        rate: true,
      });
    });
  });
}
