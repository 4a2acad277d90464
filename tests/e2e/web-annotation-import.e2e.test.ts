/**
 * Importing another tool's Web Annotations (issue #19): a file shaped as Hypothesis exports its
 * annotations (JSON-LD), chosen in the dashboard's import control, lists the passages with their notes
 * and tags, and the page draws them on the next visit. HTML in a note is shown as text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawnHighlights, type ExtensionSession, launchExtension, readLibrary } from './harness';

const FUZZING = "He's a really big fan of random testing/ fuzzing in order to find bugs";
const WORKFLOWS = 'Workflows - not technologies.';
const HOSTILE_NOTE = 'Ask about <img src=x onerror="document.title=\'pwned\'"> fuzzing';

/** One annotation as Hypothesis's JSON-LD presenter writes it. */
function hypothesis(
  id: string,
  source: string,
  quote: { exact: string; prefix: string; suffix: string },
  note: string,
  tags: string[],
) {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'Annotation',
    id: `https://hypothes.is/a/${id}`,
    created: '2024-03-01T10:00:00.000000+00:00',
    modified: '2024-03-01T10:00:00.000000+00:00',
    creator: 'acct:reader@hypothes.is',
    body: [
      { type: 'TextualBody', value: note, format: 'text/markdown' },
      ...tags.map((value) => ({ type: 'TextualBody', value, purpose: 'tagging' })),
    ],
    target: [
      {
        source,
        selector: [
          {
            type: 'RangeSelector',
            startContainer: '/main[1]/p[3]',
            startOffset: 0,
            endContainer: '/main[1]/p[3]',
            endOffset: 10,
          },
          { type: 'TextQuoteSelector', ...quote },
        ],
      },
    ],
  };
}

describe('importing Web Annotations in Chromium', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('imports a Hypothesis-shaped file through the import control: listed in the dashboard, drawn on the page', async () => {
    const source = session.server.url('conference-h2.html');
    const file = [
      hypothesis(
        'f1',
        source,
        { exact: FUZZING, prefix: 'the subject years ago. ', suffix: ' in code paths' },
        HOSTILE_NOTE,
        ['testing'],
      ),
      hypothesis(
        'w1',
        `${source}?utm_source=feed`,
        { exact: WORKFLOWS, prefix: '', suffix: ' Essentially' },
        'UX first',
        [],
      ),
      // Not a web page: skipped, and said so.
      hypothesis('x1', 'javascript:alert(1)', { exact: 'anything', prefix: '', suffix: '' }, 'no', []),
    ];
    const dashboard = await session.openDashboard();
    await dashboard.getByLabel('Import backup').setInputFiles({
      name: 'hypothesis.jsonld',
      mimeType: 'application/ld+json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    const toast = dashboard
      .getByRole('status', { name: 'Notifications' })
      .locator('.dash-toast-text')
      .filter({ hasText: /^Imported hypothesis\.jsonld/ });
    await toast.waitFor();
    expect(await toast.textContent()).toMatch(
      /3 added, 0 updated, 0 unchanged\. 1 annotation was skipped: 1 is not about an http\(s\) web page\./,
    );
    // Listed, the note as text (its HTML never becomes an element).
    await dashboard.getByText(FUZZING).waitFor();
    await dashboard.getByText(WORKFLOWS).waitFor();
    await dashboard.getByText(HOSTILE_NOTE).waitFor();
    expect(await dashboard.locator('img[src="x"]').count()).toBe(0);
    expect(await dashboard.title()).not.toBe('pwned');
    const stored = await readLibrary(session);
    expect(stored.highlights.map((h) => h.text).sort()).toEqual([FUZZING, WORKFLOWS].sort());
    expect(stored.highlights.find((h) => h.text === FUZZING)).toMatchObject({ tags: ['testing'] });

    // The page draws both passages on the next visit.
    const page = await session.openFixture('conference-h2.html');
    // In their colour; their notes also underline them (talk-notes-noted, #17).
    await expect
      .poll(async () => [...((await drawnHighlights(page))['talk-notes-yellow'] ?? [])].sort())
      .toEqual([FUZZING, WORKFLOWS].sort());
    await page.close();

    // The same file again adds nothing.
    await dashboard.getByLabel('Import backup').setInputFiles({
      name: 'again.jsonld',
      mimeType: 'application/ld+json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await dashboard
      .getByRole('status', { name: 'Notifications' })
      .locator('.dash-toast-text')
      .filter({ hasText: /^Imported again\.jsonld: 0 added, 0 updated/ })
      .waitFor();
    expect((await readLibrary(session)).highlights).toHaveLength(2);
    await dashboard.close();
  });
});
