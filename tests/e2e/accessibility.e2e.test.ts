/**
 * #17's done-when: an axe-core scan (the npm `axe-core`, injected into the page under test) of the
 * popup, the dashboard and the in-page highlight menu finds no serious or critical violation.
 * Light and dark colour schemes both, since contrast is checked.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickDrawnHighlight, dragSelect, type ExtensionSession, launchExtension } from './harness';
import { FOSDEM_RUST, makeConferenceLibrary } from './seed-conferences';
import { writeLibrary } from './seed-library';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PASSAGE = "He's a really big fan of random testing/ fuzzing in order to find bugs";
const MENU = 'iframe[title="Talk Notes highlight"]';

interface Finding {
  id: string;
  impact: string | null | undefined;
  help: string;
  nodes: string[];
}

/**
 * Gives the library's one page more addresses its post was read at (`readAt`), in the extension
 * page's own database (run in the page; the app's live queries are not told: reload after).
 */
async function addReadAt(readAt: string[]): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('talk-notes');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('pages', 'readwrite');
      tx.objectStore('pages').openCursor().onsuccess = (event) => {
        const cursor = (event.target as IDBRequest<IDBCursorWithValue | null>).result;
        cursor?.update({ ...cursor.value, readAt });
      };
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/** Runs axe in the page or frame and returns its serious and critical violations. */
async function seriousViolations(target: Page | Frame): Promise<Finding[]> {
  // `evaluate` of a string runs it as a script in the page (CDP): no script tag, so the page's CSP is no matter.
  await target.evaluate(AXE_SOURCE);
  const found = await target.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
    }));
  });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

describe.each(['light', 'dark'] as const)(
  'axe-core finds no serious or critical violation (%s)',
  (scheme) => {
    let session: ExtensionSession;
    let page: Page;
    beforeAll(async () => {
      session = await launchExtension();
      page = await session.openFixture('conference-h2.html');
      await page.emulateMedia({ colorScheme: scheme });
      expect(await dragSelect(page, PASSAGE)).toBe(PASSAGE);
      await page.getByRole('button', { name: 'Highlight', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    });
    afterAll(async () => {
      await session?.close();
    });

    it('in the popup', async () => {
      const popup = await session.openPopup(page);
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.getByRole('button', { name: PASSAGE, exact: true }).waitFor();
      expect(await seriousViolations(popup)).toEqual([]);
      // The editor open (note, tags, colours).
      await popup.getByRole('button', { name: 'Edit', exact: true }).first().click();
      await popup.getByRole('textbox', { name: 'Note', exact: true }).waitFor();
      expect(await seriousViolations(popup)).toEqual([]);
      await popup.close();
    });

    it('in the dashboard', async () => {
      const dashboard = await session.openDashboard();
      await dashboard.emulateMedia({ colorScheme: scheme });
      await dashboard.locator('article').first().waitFor();
      expect(await seriousViolations(dashboard)).toEqual([]);
      // A post read at several addresses, grouped by page: its header's "Open post" and "also read at"
      // links (#18). The clipped page is given two more addresses, as clips elsewhere would give it.
      await dashboard.evaluate(addReadAt, ['https://amp.example.org/day-1', 'https://example.org/2026/']);
      await dashboard.reload();
      await dashboard
        .getByRole('combobox', { name: 'Group by' })
        .filter({ has: dashboard.locator('option[value="day"]') })
        .selectOption('page');
      await dashboard.getByRole('link', { name: 'amp.example.org/day-1' }).waitFor();
      await dashboard.getByRole('link', { name: 'Open post' }).waitFor();
      expect(await seriousViolations(dashboard)).toEqual([]);
      // A group's Actions menu open, and the shortcuts dialog.
      await dashboard
        .getByRole('button', { name: /^Actions for / })
        .first()
        .click();
      await dashboard.getByRole('menu').waitFor();
      expect(await seriousViolations(dashboard)).toEqual([]);
      await dashboard.keyboard.press('Escape');
      await dashboard.getByRole('button', { name: 'Keyboard shortcuts' }).click();
      await dashboard.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      expect(await seriousViolations(dashboard)).toEqual([]);
      await dashboard.keyboard.press('Escape');
      // An error toast (an alert inside the Notifications status region), then the Save results dialog
      // with its choice of a saved search or a fixed set (#17).
      await dashboard.getByLabel('Import backup').setInputFiles({
        name: 'broken.json',
        mimeType: 'application/json',
        buffer: Buffer.from('hello'),
      });
      await dashboard
        .getByRole('status', { name: 'Notifications' })
        .getByRole('alert')
        .filter({ hasText: 'broken.json' })
        .waitFor();
      expect(await seriousViolations(dashboard)).toEqual([]);
      await dashboard.getByRole('button', { name: /^Save \d+ results? as collection$/ }).click();
      const save = dashboard.getByRole('dialog', { name: 'Save results as a collection' });
      await save.getByRole('radio', { name: /^Saved search/ }).check();
      expect(await seriousViolations(dashboard)).toEqual([]);
      await dashboard.close();
    });

    it('in the dashboard, with a passage the clip guard offered (its "Unsure which talk" marker)', async () => {
      const dashboard = await session.openDashboard();
      await dashboard.emulateMedia({ colorScheme: scheme });
      await dashboard.getByRole('status', { name: 'Library summary' }).waitFor();
      // A conference library whose first Rust passage's lead named another talk: offered, not filed.
      const library = makeConferenceLibrary();
      const offered = library.highlights.find((h) => h.text === FOSDEM_RUST.firstPassage)!;
      offered.scheduleCandidates = ['ev-postgres', 'ev-rust'];
      await writeLibrary(dashboard, library);
      await dashboard.reload();
      const row = dashboard.getByRole('article').filter({ hasText: FOSDEM_RUST.firstPassage });
      await row.getByText('Unsure which talk', { exact: true }).waitFor();
      // Read once, with what to do.
      const read = await row.ariaSnapshot();
      expect(read.split('Unsure which talk')).toHaveLength(2);
      expect(read).toContain('Unsure which talk. Choose its talk in the Talk Notes popup on its page.');
      expect(await seriousViolations(dashboard)).toEqual([]);
      await dashboard.close();
    });

    it('in the in-page highlight menu', async () => {
      await clickDrawnHighlight(page, PASSAGE);
      await page.frameLocator(MENU).getByRole('textbox', { name: 'Note' }).waitFor();
      const frame = page.frames().find((f) => f.url().includes('highlight-menu.html'));
      expect(frame).toBeDefined();
      expect(await seriousViolations(frame!)).toEqual([]);
    });
  },
);
